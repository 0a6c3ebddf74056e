//! The journal: what the app did and what went wrong, in daily files in
//! `<data folder>/logs/` (the last 14 kept), so a failure on her computer
//! can be understood afterwards. Never personal data in clear: lines carry
//! error codes, ids, counts and places in the code; every text that may
//! hold a name, a phone, an e-mail or an ИНН passes through [`redact`].
//!
//! What writes here: every failed command (once, in [`guarded`], which
//! every command's core call passes through), a panic with its backtrace
//! (the hook of [`install`]), the app's start and stop, the commands that
//! move data as a whole (imports, backups, restores, exchange; see
//! [`traced`]) and what their commands [`record`] on success.

mod redact;

use std::panic::{AssertUnwindSafe, Location};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use partnernet::{ApiError, CoreError, ErrorCode};
use tauri::ipc::Invoke;
use tauri::Runtime;
use tracing::Level;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::time::ChronoLocal;
use tracing_subscriber::layer::SubscriberExt;

pub use redact::redact;

/// The journal's folder inside the data folder.
pub const FOLDER: &str = "logs";
/// Daily files kept: two weeks of history.
pub const KEEP_FILES: usize = 14;
const PREFIX: &str = "partnernet";
const SUFFIX: &str = "log";

/// The event the window listens to for «Внутренняя ошибка… Открыть журнал».
pub const CRASH_EVENT: &str = "journal-crash";
/// What a command answers when the core panicked inside it.
pub const CRASH_MESSAGE: &str = "Внутренняя ошибка программы: действие не выполнено. \
     Подробности записаны в журнал (Настройки → Данные → Журнал).";

static LOG_FOLDER: OnceLock<PathBuf> = OnceLock::new();
type Notify = Box<dyn Fn() + Send + Sync>;
static ON_CRASH: Mutex<Option<Notify>> = Mutex::new(None);

/// The journal's folder of a data folder.
pub fn folder_of(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

/// The folder this process writes its journal to, once [`install`]ed.
pub fn folder() -> Option<&'static Path> {
    LOG_FOLDER.get().map(PathBuf::as_path)
}

/// Today's file in `folder`, `partnernet.YYYY-MM-DD.log`; the oldest files
/// are removed so that `keep` remain with it.
pub fn appender(folder: &Path, keep: usize) -> std::io::Result<RollingFileAppender> {
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(keep)
        .build(folder)
        .map_err(std::io::Error::other)
}

/// Starts the journal for the whole process in `<data_dir>/logs/`: the
/// `tracing` subscriber (our lines from INFO, other crates' from WARN) and
/// the panic hook. Once per process; the folder written to.
pub fn install(data_dir: &Path) -> std::io::Result<PathBuf> {
    let folder = folder_of(data_dir);
    std::fs::create_dir_all(&folder)?;
    let writer = appender(&folder, KEEP_FILES)?;
    let ours = ["app", "command", "data", "panic", "partnernet"];
    let filter = ours
        .into_iter()
        .fold(Targets::new().with_default(Level::WARN), |f, target| {
            f.with_target(target, Level::INFO)
        });
    let subscriber = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_timer(ChronoLocal::rfc_3339())
        .with_max_level(Level::INFO)
        .finish()
        .with(filter);
    tracing::subscriber::set_global_default(subscriber).map_err(std::io::Error::other)?;
    let _ = LOG_FOLDER.set(folder.clone());
    install_panic_hook();
    Ok(folder)
}

/// What «Открыть журнал» opens: the newest file, or the folder while it
/// has none.
pub fn newest(folder: &Path) -> PathBuf {
    let newest = std::fs::read_dir(folder).ok().and_then(|entries| {
        entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(&format!(".{SUFFIX}")))
            })
            .max()
    });
    newest.unwrap_or_else(|| folder.to_path_buf())
}

/// Runs a command's call into the core. A core error becomes
/// `{code, message}` and one journal line; a panic (the hook has written it
/// with its backtrace) becomes an internal error instead of taking the
/// window down. The place journaled is the caller's (a command).
#[track_caller]
pub fn guarded<T>(f: impl FnOnce() -> Result<T, CoreError>) -> Result<T, ApiError> {
    let at = Location::caller();
    let err = match std::panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => return Ok(value),
        Ok(Err(err)) => ApiError::from(err),
        Err(_) => ApiError::new(ErrorCode::Internal, CRASH_MESSAGE),
    };
    command_failed(at, &err);
    Err(err)
}

/// The one journal line of a failed command: its code, the place in the
/// shell, the form fields refused and the masked message.
pub fn command_failed(at: &Location<'_>, err: &ApiError) {
    let code = code_name(err.code);
    let at = format!("{}:{}", at.file(), at.line());
    let message = redact(&err.message);
    if err.fields.is_empty() {
        tracing::warn!(target: "command", code = %code, at = %at, "команда не выполнена: {message}");
    } else {
        let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
        let fields = fields.join(",");
        tracing::warn!(target: "command", code = %code, at = %at, fields = %fields, "команда не выполнена: {message}");
    }
}

/// The code as the UI and the CLI spell it (`not_found`).
fn code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{code:?}"))
}

/// One journal line for an import, a backup, a restore or an exchange
/// that succeeded: `action` a stable name (`backup.create`,
/// `partners.import`), `figures` counts, ids and sizes only — never names,
/// file names or values.
pub fn record(action: &str, figures: &[(&str, i64)]) {
    let figures: Vec<String> = figures.iter().map(|(k, v)| format!("{k}={v}")).collect();
    tracing::info!(target: "data", "{action} {}", figures.join(" "));
}

/// The app's invoke handler, with a journal line for each command that
/// moves data as a whole (its name has `import`, `backup` or `exchange`:
/// imports, backups and their restore, exchange packages): the journal
/// shows when each was asked for, and a failure adds its own line in
/// [`guarded`].
pub fn traced<R: Runtime>(
    handler: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        let command = invoke.message.command();
        if moves_data(command) {
            tracing::info!(target: "data", "команда {command}");
        }
        handler(invoke)
    }
}

fn moves_data(command: &str) -> bool {
    ["import", "backup", "exchange"]
        .iter()
        .any(|w| command.contains(w))
}

/// The app started: its version and data folder (the folder is what
/// support asks first; it is the user's own path, not her records).
pub fn started(data_dir: &Path) {
    tracing::info!(
        target: "app",
        version = env!("CARGO_PKG_VERSION"),
        data_dir = %data_dir.display(),
        "программа запущена"
    );
}

/// The database could not be opened at start (the window says why).
pub fn not_opened(err: &CoreError) {
    let code = code_name(err.code());
    tracing::error!(target: "app", code = %code, "база данных не открыта: {}", redact(&err.to_string()));
}

pub fn stopped() {
    tracing::info!(target: "app", "программа закрыта");
}

/// The daily backup at start was not made (the window says why).
pub fn start_backup_failed(reason: &str) {
    tracing::warn!(target: "data", "резервная копия при запуске не создана: {}", redact(reason));
}

/// Someone started the app again: the running window was shown instead.
pub fn second_start() {
    tracing::info!(target: "app", "повторный запуск: показано уже открытое окно");
}

/// What to call after a panic is journaled (the app emits
/// [`CRASH_EVENT`] to the window).
pub fn on_crash(notify: impl Fn() + Send + Sync + 'static) {
    let mut slot = ON_CRASH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *slot = Some(Box::new(notify));
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        record_panic(info);
        previous(info);
        // never wait in a panic: if the slot is busy, the command's own
        // internal error still reaches the window
        if let Ok(slot) = ON_CRASH.try_lock() {
            if let Some(notify) = slot.as_ref() {
                notify();
            }
        }
    }));
}

/// A panic as one ERROR entry: the masked message, where, which thread,
/// and the backtrace.
fn record_panic(info: &std::panic::PanicHookInfo<'_>) {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "без текста".to_owned());
    let at = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_default();
    let current = std::thread::current();
    let thread = current.name().unwrap_or("без имени");
    let backtrace = std::backtrace::Backtrace::force_capture();
    tracing::error!(
        target: "panic",
        "сбой программы: {} (в {at}, поток «{thread}»)\nstack backtrace:\n{backtrace}",
        redact(&message)
    );
}

/// The hidden command of the tests: a panic inside a command, as a bug in
/// the core would cause. Debug builds only.
pub fn debug_panic() -> Result<(), CoreError> {
    if cfg!(debug_assertions) {
        panic!("проверка журнала: сбой по запросу (ivanova@example.ru, ИНН 6825012345)");
    }
    Err(CoreError::BadInput(
        "проверка журнала есть только в отладочной сборке".into(),
    ))
}
