//! What each fuzz target does with its bytes, over the core's own entry
//! points: a hostile file may be refused (any `Err` is fine, as long as its
//! message is Russian), never panic, hang or run out of memory.
//!
//! The targets that need data read the demo database, made once per
//! process in memory; nothing here writes to it.

use std::cell::OnceCell;
use std::io::Write;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use partnernet::agreements::model::AgreementFilter;
use partnernet::agreements::render::{compose, engine, Context};
use partnernet::documents::model::{Document, Metadata, PageSetup};
use partnernet::exchange::package;
use partnernet::Storage;

/// The fixed "now" of every run: the same input gives the same path.
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default()
}

/// The demo database and the merge contexts of its agreements, with what
/// a template reads of each (converted once, as an export converts it once).
struct Demo {
    storage: Storage,
    contexts: Vec<(Context, engine::Root)>,
}

fn demo() -> Demo {
    let mut storage = Storage::open(Path::new(":memory:")).expect("in-memory database");
    partnernet::demo::fill(&mut storage, now()).expect("demo data");
    let summaries =
        partnernet::agreements::list(&storage, &AgreementFilter::default(), now().date())
            .expect("demo agreements");
    let contexts = summaries
        .iter()
        .map(|s| {
            let a = partnernet::agreements::get(&storage, s.id).expect("agreement");
            let ctx = partnernet::agreements::render::context(&storage, &a).expect("context");
            let root = partnernet::agreements::render::merge_root(&ctx);
            (ctx, root)
        })
        .collect();
    Demo { storage, contexts }
}

thread_local! {
    static DEMO: OnceCell<Demo> = const { OnceCell::new() };
}

fn with_demo<R>(f: impl FnOnce(&Demo) -> R) -> R {
    DEMO.with(|cell| f(cell.get_or_init(demo)))
}

/// A refusal must speak Russian: a message with no Cyrillic letter is an
/// English library error that leaked through.
fn russian<T, E: std::fmt::Display>(result: Result<T, E>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.chars().any(cyrillic),
                "a refusal without a Russian word: {message}"
            );
            None
        }
    }
}

fn cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
}

/// The import of a CSV file: decoding, delimiter, rows, and the dry run of
/// each row against the demo registry with the guessed columns.
pub fn import_csv(data: &[u8]) {
    import_table("партнёры.csv", data);
}

/// The import of a spreadsheet; the first byte picks .xlsx, .xls or .ods.
pub fn import_sheet(data: &[u8]) {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let name = ["партнёры.xlsx", "партнёры.xls", "партнёры.ods"][pick as usize % 3];
    import_table(name, file);
}

thread_local! {
    /// Inside the reader's own `catch_unwind` (calamine's panics on
    /// damaged files become a Russian message there).
    static CAUGHT_BY_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `read` with the spreadsheet library's panics left to the reader's
/// `catch_unwind`: libFuzzer's hook would abort on them before it runs. A
/// panic that escapes the reader still aborts: that is a crash.
fn reader_catches<T>(read: impl FnOnce() -> T) -> T {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CAUGHT_BY_READER.with(|c| c.get()) {
                fuzzer_hook(info);
            }
        }));
    });
    CAUGHT_BY_READER.with(|c| c.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    CAUGHT_BY_READER.with(|c| c.set(false));
    match result {
        Ok(value) => value,
        Err(_) => std::process::abort(),
    }
}

fn import_table(name: &str, data: &[u8]) {
    use partnernet::imports::{fields, plan, read};
    let Some(table) = russian(reader_catches(|| read::from_bytes(name, data, ""))) else {
        return;
    };
    let mapping = fields::guess(&table.headers);
    with_demo(|d| russian(plan::plan(&d.storage, &table, &mapping, now().date())));
}

/// Splits the input at NUL bytes into the JSON parts of a package.
const PART_NAMES: [&str; 4] = [
    "partners.json",
    "events.json",
    "agreements.json",
    "ties.json",
];

/// An exchange package and the import's preview of it against the demo.
/// The first byte picks the mode: even — the bytes are the package file;
/// odd — they are its JSON parts separated by NUL, packed here with a
/// valid manifest and checksums, so the fuzzer reaches the records.
pub fn exchange_package(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let file = if mode % 2 == 0 {
        rest.to_vec()
    } else {
        match pack(rest) {
            Some(bytes) => bytes,
            None => return,
        }
    };
    let Some(package) = russian(package::read_bytes(&file)) else {
        return;
    };
    with_demo(|d| russian(partnernet::exchange::plan::plan(d.storage.conn(), &package)));
}

fn pack(data: &[u8]) -> Option<Vec<u8>> {
    let mut pieces = data.splitn(PART_NAMES.len(), |&b| b == 0);
    let parts: Vec<(&str, &[u8])> = PART_NAMES
        .iter()
        .map(|&name| (name, pieces.next().unwrap_or(b"[]")))
        .collect();
    let manifest = serde_json::json!({
        "format": package::FORMAT,
        "format_version": package::FORMAT_VERSION,
        "app_version": "0.1.0",
        "created_at": "2026-11-22T10:00:00",
        "sender": {"name": "МБУ ДО «Дом детского творчества»", "inn": "6825003669"},
        "contacts": true,
        "parts": parts.iter().map(|(name, bytes)| serde_json::json!({
            "name": name, "sha256": package::sha256_hex(bytes), "records": 0,
        })).collect::<Vec<_>>(),
    });
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("manifest.json", options).ok()?;
    zip.write_all(manifest.to_string().as_bytes()).ok()?;
    for (name, bytes) in parts {
        zip.start_file(name, options).ok()?;
        zip.write_all(bytes).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

/// An .ics file: the reader and the import's preview against the demo.
pub fn ical(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    with_demo(|d| russian(partnernet::events::import::preview(&d.storage, text)));
}

/// A brochure's Markdown: front matter, blocks, directives filled in from
/// the demo, and the layout down to the PDF.
pub fn brochure(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let document = with_demo(|d| {
        russian(partnernet::reports::directives::document(
            &d.storage,
            source,
            now().date(),
        ))
    });
    match document {
        Some(Ok(document)) => {
            russian(partnernet::reports::directives::pdf(&document, now()).map_err(|p| p.message));
        }
        Some(Err(problem)) => {
            russian::<(), _>(Err(problem.message));
        }
        None => {}
    }
}

/// An agreement template: the editor's check on the sample agreement, then
/// the first byte picks a demo agreement to fill it with, and its draft is
/// composed and laid out as the PDF export does.
pub fn agreement_template(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    russian(partnernet::agreements::render::validate_template(source));
    with_demo(|d| {
        let Some((ctx, root)) = d.contexts.get(pick as usize % d.contexts.len().max(1)) else {
            return;
        };
        let Some(text) = russian(engine::render_root(source, root)) else {
            return;
        };
        let Some(blocks) = russian(compose::compose(&text, ctx)) else {
            return;
        };
        let document = Document {
            meta: Metadata {
                title: ctx.title.clone(),
                ..Metadata::default()
            },
            blocks,
        };
        russian(partnernet::documents::render(
            &document,
            &PageSetup::agreement(),
            now(),
        ));
    });
}
