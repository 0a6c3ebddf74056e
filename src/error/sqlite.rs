//! SQLite's failures as Russian sentences: chosen by the result code, never
//! by SQLite's English text, and never with a line of SQL in them.

use rusqlite::ffi;
use rusqlite::ErrorCode as Code;

/// How to get the data back when the file itself is not usable.
const RESTORE: &str = "Восстановите резервную копию: «Настройки → Данные → Восстановить» \
                       или команда «partnernet backup restore».";

/// «База данных «…»» when the file is known, else «База данных».
fn the_database(path: Option<&str>) -> String {
    match path {
        Some(path) => format!("База данных «{path}»"),
        None => "База данных".to_string(),
    }
}

/// The folder of the database file, for «проверьте права на папку».
fn folder_of(path: Option<&str>) -> String {
    path.and_then(|p| std::path::Path::new(p).parent())
        .map(|dir| format!(" и папку «{}»", dir.display()))
        .unwrap_or_default()
}

/// Whether the failure concerns the file as a whole (its format, rights,
/// disk), so that the message should name it.
pub(super) fn is_about_the_file(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(
            Code::NotADatabase
                | Code::DatabaseCorrupt
                | Code::ReadOnly
                | Code::CannotOpen
                | Code::PermissionDenied
                | Code::DiskFull
                | Code::SystemIoFailure
                | Code::NoLargeFileSupport
        )
    )
}

/// The Russian sentence for a failure of the database at `path` (if known).
pub(super) fn message(err: &rusqlite::Error, path: Option<&str>) -> String {
    let the_db = the_database(path);
    let Some(failure) = sqlite_failure(err) else {
        return other_message(err);
    };
    match failure.code {
        Code::DatabaseBusy | Code::DatabaseLocked => {
            "База данных занята другой программой PartnerNet; повторите через минуту.".to_string()
        }
        Code::NotADatabase => format!(
            "{} — не база данных PartnerNet или файл повреждён. {RESTORE}",
            path.map(|p| format!("Файл «{p}»"))
                .unwrap_or_else(|| "Файл базы данных".into())
        ),
        Code::DatabaseCorrupt => format!("{the_db} повреждена. {RESTORE}"),
        Code::DiskFull => disk_full(&the_db),
        Code::SystemIoFailure if is_read(failure.extended_code) => format!(
            "{the_db} не читается с диска: диск неисправен или отключён. \
             Проверьте диск; если не поможет — {}",
            lower_first(RESTORE)
        ),
        Code::SystemIoFailure => disk_full(&the_db),
        Code::ReadOnly | Code::PermissionDenied => format!(
            "{the_db} доступна только для чтения: разрешите запись в файл{} \
             (или укажите другую папку данных) и повторите.",
            folder_of(path)
        ),
        Code::CannotOpen => format!(
            "{the_db} не открывается: проверьте, что папка существует и в неё можно писать, \
             или укажите другую папку данных (--data-dir)."
        ),
        Code::NoLargeFileSupport => format!(
            "{the_db} слишком велика для этого диска: перенесите папку данных на другой диск."
        ),
        Code::ConstraintViolation => match trigger_message(err) {
            Some(why) => format!("Не сохранено: {why}"),
            None => constraint(failure.extended_code),
        },
        Code::TooBig => {
            "Значение слишком велико для сохранения: сократите текст или выберите файл поменьше."
                .to_string()
        }
        Code::OutOfMemory => {
            "Не хватило памяти: закройте другие программы и повторите.".to_string()
        }
        Code::OperationInterrupted | Code::OperationAborted => {
            "Действие прервано; ничего не сохранено. Повторите его.".to_string()
        }
        _ => internal(failure.extended_code),
    }
}

fn sqlite_failure(err: &rusqlite::Error) -> Option<ffi::Error> {
    match err {
        rusqlite::Error::SqliteFailure(failure, _) => Some(*failure),
        _ => None,
    }
}

/// A write the disk did not take: almost always a full disk.
fn disk_full(the_db: &str) -> String {
    format!(
        "Диск не принял запись ({}): скорее всего, на нём нет свободного места. \
         Освободите место и повторите; сохранённые данные не изменены.",
        lower_first(the_db)
    )
}

fn is_read(extended: i32) -> bool {
    extended == ffi::SQLITE_IOERR_READ || extended == ffi::SQLITE_IOERR_SHORT_READ
}

/// The message of a trigger's `RAISE` when it is written for her (in
/// Russian): the schema's own rule says best what is wrong.
fn trigger_message(err: &rusqlite::Error) -> Option<&str> {
    match err {
        rusqlite::Error::SqliteFailure(f, Some(msg))
            if f.extended_code == ffi::SQLITE_CONSTRAINT_TRIGGER
                && msg
                    .chars()
                    .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')) =>
        {
            Some(msg.as_str())
        }
        _ => None,
    }
}

/// A constraint the domain should have checked first; the domain's own
/// message is better, this is the fallback.
fn constraint(extended: i32) -> String {
    let why = match extended {
        ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
            "такая запись уже есть"
        }
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
            "запись ссылается на то, чего уже нет (возможно, удалено в другом окне)"
        }
        ffi::SQLITE_CONSTRAINT_NOTNULL => "не заполнено обязательное значение",
        _ => "значение не подходит для сохранения",
    };
    format!("Не сохранено: {why}. Обновите список и повторите.")
}

/// A failure that is a bug, not her doing: the code, for the journal.
fn internal(extended: i32) -> String {
    format!(
        "Внутренняя ошибка при работе с базой данных (код {extended}); данные не изменены. \
         Повторите; если ошибка повторится, сообщите разработчикам и приложите журнал."
    )
}

/// rusqlite's own failures (a column of an unexpected type, no row): a
/// stored value the program does not understand, or a bug.
fn other_message(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::QueryReturnedNoRows => {
            "Запись не найдена: возможно, её удалили в другом окне. Обновите список.".to_string()
        }
        rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::IntegralValueOutOfRange(..) => {
            "В базе данных сохранено значение, которое программа не понимает. \
             Обновите программу или восстановите резервную копию."
                .to_string()
        }
        rusqlite::Error::Utf8Error(..) => "В базе данных сохранён текст не в кодировке UTF-8. \
             Восстановите резервную копию."
            .to_string(),
        _ => internal(0),
    }
}

/// The first letter in lower case, to put a sentence after a colon.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A failed migration: what SQLite said in Russian, never the SQL script.
pub(super) fn migration_message(err: &rusqlite_migration::Error, path: Option<&str>) -> String {
    let code = match err {
        rusqlite_migration::Error::RusqliteError { err, .. } => match sqlite_failure(err) {
            Some(failure) if failure.code != Code::Unknown => return message(err, path),
            Some(failure) => failure.extended_code,
            None => 0,
        },
        _ => 0,
    };
    format!(
        "Не удалось обновить структуру базы данных (код {code}): возможно, её в ту же минуту \
         открыла другая программа PartnerNet. Закройте её и повторите; если не поможет — {}",
        lower_first(RESTORE)
    )
}
