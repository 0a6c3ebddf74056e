//! Every message she can see is a clean Russian sentence: the core's errors
//! built from every SQLite and system failure, the JSON reader's, the
//! command line's own (clap's errors and help), and the literals the core
//! refuses with (a scan of `src/`).

mod common;

use std::io::ErrorKind;

use common::russian::{assert_russian, ENGLISH};
use partnernet::CoreError;
use rusqlite::ffi;

const DB: &str = "/home/методист/.local/share/partnernet/partnernet.sqlite3";

fn sqlite(code: i32) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        ffi::Error::new(code),
        Some("database is locked: INSERT INTO partners (inn) VALUES (?1)".into()),
    )
}

#[test]
fn every_sqlite_failure_reads_as_russian_without_sql() {
    let codes = [
        ffi::SQLITE_ERROR,
        ffi::SQLITE_INTERNAL,
        ffi::SQLITE_PERM,
        ffi::SQLITE_ABORT,
        ffi::SQLITE_BUSY,
        ffi::SQLITE_BUSY_SNAPSHOT,
        ffi::SQLITE_LOCKED,
        ffi::SQLITE_NOMEM,
        ffi::SQLITE_READONLY,
        ffi::SQLITE_READONLY_DBMOVED,
        ffi::SQLITE_INTERRUPT,
        ffi::SQLITE_IOERR,
        ffi::SQLITE_IOERR_WRITE,
        ffi::SQLITE_IOERR_FSYNC,
        ffi::SQLITE_IOERR_READ,
        ffi::SQLITE_CORRUPT,
        ffi::SQLITE_FULL,
        ffi::SQLITE_CANTOPEN,
        ffi::SQLITE_PROTOCOL,
        ffi::SQLITE_SCHEMA,
        ffi::SQLITE_TOOBIG,
        ffi::SQLITE_CONSTRAINT,
        ffi::SQLITE_CONSTRAINT_UNIQUE,
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY,
        ffi::SQLITE_CONSTRAINT_NOTNULL,
        ffi::SQLITE_CONSTRAINT_CHECK,
        ffi::SQLITE_MISMATCH,
        ffi::SQLITE_MISUSE,
        ffi::SQLITE_NOLFS,
        ffi::SQLITE_AUTH,
        ffi::SQLITE_RANGE,
        ffi::SQLITE_NOTADB,
    ];
    for code in codes {
        let plain = CoreError::Storage(sqlite(code)).to_string();
        assert_russian(&format!("code {code}"), &plain);
        let named = CoreError::Storage(sqlite(code)).in_database(DB).to_string();
        assert_russian(&format!("code {code} with the file"), &named);
        let migration = CoreError::Migration(rusqlite_migration::Error::RusqliteError {
            query: "CREATE TABLE institution (id INTEGER PRIMARY KEY);".into(),
            err: sqlite(code),
        })
        .in_database(DB)
        .to_string();
        assert_russian(&format!("migration, code {code}"), &migration);
        assert!(!migration.contains("institution"), "{migration}");
    }
    let busy = CoreError::Storage(sqlite(ffi::SQLITE_BUSY)).to_string();
    assert!(
        busy.contains("занята другой программой PartnerNet"),
        "{busy}"
    );
    let named = |code| CoreError::Storage(sqlite(code)).in_database(DB).to_string();
    for (code, fragment) in [
        (ffi::SQLITE_NOTADB, "не база данных PartnerNet"),
        (ffi::SQLITE_CORRUPT, "резервную копию"),
        (ffi::SQLITE_FULL, "нет свободного места"),
        (ffi::SQLITE_IOERR_WRITE, "нет свободного места"),
        (ffi::SQLITE_READONLY, "только для чтения"),
        (ffi::SQLITE_CANTOPEN, "не открывается"),
    ] {
        let message = named(code);
        assert!(
            message.contains(DB),
            "{code}: the file is not named: {message}"
        );
        assert!(message.contains(fragment), "{code}: {message}");
    }
    for err in [
        rusqlite::Error::QueryReturnedNoRows,
        rusqlite::Error::InvalidColumnType(0, "x".into(), rusqlite::types::Type::Null),
        rusqlite::Error::InvalidQuery,
        rusqlite::Error::ExecuteReturnedResults,
    ] {
        assert_russian("rusqlite's own", &CoreError::Storage(err).to_string());
    }
}

/// The same messages from real failures, not only from made-up codes.
#[test]
fn real_sqlite_failures_read_as_russian() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("partnernet.sqlite3");
    std::fs::write(&path, b"SQLite format 3\0garbage".repeat(64)).expect("garbage");
    let err = partnernet::Storage::open(&path)
        .err()
        .expect("garbage refused")
        .in_database(&path);
    let message = err.to_string();
    assert_russian("not a database", &message);
    assert!(message.contains(&path.display().to_string()), "{message}");

    std::fs::remove_file(&path).expect("remove");
    drop(partnernet::Storage::open(&path).expect("a new database"));
    let readonly =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("read-only");
    let err = readonly
        .execute("DELETE FROM partners", [])
        .expect_err("read-only");
    let message = CoreError::from(err).in_database(&path).to_string();
    assert_russian("read-only", &message);
    assert!(message.contains("только для чтения"), "{message}");

    let writer = rusqlite::Connection::open(&path).expect("writer");
    writer.execute_batch("BEGIN EXCLUSIVE;").expect("lock");
    let other = rusqlite::Connection::open(&path).expect("other");
    let err = other.execute("DELETE FROM partners", []).expect_err("busy");
    let message = CoreError::from(err).in_database(&path).to_string();
    assert!(message.contains("занята другой программой"), "{message}");
}

#[test]
fn every_system_failure_names_the_file_in_russian() {
    let path = "/home/методист/Документы/План.pdf";
    let kinds = [
        ErrorKind::NotFound,
        ErrorKind::PermissionDenied,
        ErrorKind::AlreadyExists,
        ErrorKind::IsADirectory,
        ErrorKind::NotADirectory,
        ErrorKind::StorageFull,
        ErrorKind::ReadOnlyFilesystem,
        ErrorKind::InvalidData,
        ErrorKind::UnexpectedEof,
        ErrorKind::BrokenPipe,
        ErrorKind::FileTooLarge,
        ErrorKind::ResourceBusy,
        ErrorKind::InvalidFilename,
        ErrorKind::Interrupted,
        ErrorKind::Other,
    ];
    let errors = kinds
        .into_iter()
        .map(std::io::Error::from)
        .chain([2, 5, 13, 17, 20, 21, 28, 30, 36, 122].map(std::io::Error::from_raw_os_error));
    for err in errors {
        let what = format!("{err:?}");
        let message = CoreError::io(path, err).to_string();
        assert_russian(&what, &message);
        assert!(message.contains(path), "{what}: {message}");
    }
    let stdin = CoreError::io("stdin", std::io::Error::from(ErrorKind::InvalidData));
    assert_russian("stdin", &stdin.to_string());
}

#[test]
fn every_bad_json_names_the_field_in_russian() {
    use partnernet::error::json::{from_text, no_labels};
    use partnernet::events::model::EventInput;
    use partnernet::partners::model::PartnerInput;
    let partner = |text: &str| from_text::<PartnerInput>(text, "партнёра", &no_labels);
    let cases = [
        ("null", ""),
        ("\"школа\"", ""),
        (r#"{"full_name": 5}"#, "«full_name»"),
        (r#"{"full_name": null}"#, "«full_name»"),
        (r#"{"full_name": true}"#, "«full_name»"),
        (r#"{"full_name": ["a"]}"#, "«full_name»"),
        (r#"{"partner_type": "school"}"#, "general_education"),
        (r#"{"stage": -1}"#, "«stage»"),
        (r#"{"stage": 1.5}"#, "«stage»"),
        (r#"{"stage": 99999999999}"#, "«stage»"),
        (r#"{"contacts": {}}"#, "«contacts»"),
        (r#"{"contacts": [{"email": 3}]}"#, "«contacts[0].email»"),
        (
            r#"{"requisites": {"licence_date": "31.02.2026"}}"#,
            "«requisites.licence_date»",
        ),
        (
            r#"{"requisites": {"licence_date": "2026-02-31"}}"#,
            "нет в календаре",
        ),
        (r#"{"full_name": "a",}"#, "строка 1"),
        (r#"{"full_name" "a"}"#, "двоеточие"),
        (r#"{"full_name": "a" "b": 1}"#, "запятая"),
        ("{", "обрывается"),
        ("", "пуст"),
        ("{} {}", "лишний текст"),
        (r#"{full_name: "a"}"#, "в кавычках"),
        ("{\"full_name\": \"a\u{1}\"}", "управляющий"),
        (r#"{"full_name": "\q"}"#, "косой"),
        (&"[".repeat(200), "вложенность"),
    ];
    for (text, fragment) in cases {
        let err = partner(text).expect_err(text);
        let message = err.to_string();
        assert_russian(text, &message);
        assert!(
            message.contains(fragment),
            "{text}: «{fragment}» not in «{message}»"
        );
    }
    let event = from_text::<EventInput>(
        r#"{"title": "x", "start": "2026-02-31T10:00:00"}"#,
        "мероприятия",
        &no_labels,
    )
    .expect_err("31.02");
    assert!(event.to_string().contains("«start»"), "{event}");
    assert!(event.to_string().contains("2026-02-31T10:00:00"), "{event}");
    let bom = partner("\u{feff}{\"full_name\": \"Школа\"}").expect("a BOM is fine");
    assert_eq!(bom.full_name, "Школа");
}

/// clap's errors, through the same entry as the binary.
fn cli(args: &[&str]) -> (i32, String, String) {
    let mut stdin = std::io::empty();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut io = partnernet::cli::Io {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
    };
    let argv = std::iter::once("partnernet")
        .chain(args.iter().copied())
        .map(std::ffi::OsString::from);
    let code = partnernet::cli::main(argv, &mut io, common::now());
    (
        code,
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

#[test]
fn every_command_line_mistake_exits_1_in_russian() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "укажите команду"),
        (&["partners"], "укажите команду"),
        (&["--bogus"], "«--bogus»"),
        (&["partners", "lst"], "«list»"),
        (&["partners", "add"], "--json"),
        (&["partners", "add", "--json"], "--json"),
        (&["check", "foo", "1"], "inn, kpp, ogrn, bik"),
        (&["check", "inn"], "ИНН"),
        (&["check", "inn", "1", "2"], "«2»"),
        (
            &["plan", "--year", "abc", "-o", "x.pdf"],
            "годом его начала",
        ),
        (
            &["plan", "--year", "99999999999", "-o", "x.pdf"],
            "от 1900 до 2199",
        ),
        (
            &["agreements", "render", "x", "-o", "a.pdf"],
            "<НОМЕР>: нужно целое число",
        ),
        (
            &[
                "agreements",
                "render",
                "99999999999999999999",
                "-o",
                "a.pdf",
            ],
            "слишком велико",
        ),
        (&["events", "list", "--from", "31.02.2026"], "--from"),
        (
            &["export", "everything", "-o", "x.csv"],
            "partners, contacts",
        ),
        (&["partners", "list", "--json=yes"], "--json"),
    ];
    for (args, fragment) in cases {
        let (code, stdout, stderr) = cli(args);
        let what = args.join(" ");
        assert_eq!(code, 1, "{what}: exit code");
        assert!(stdout.is_empty(), "{what}: stdout {stdout}");
        assert_russian(&what, &stderr);
        assert!(
            stderr.contains(fragment),
            "{what}: «{fragment}» not in «{stderr}»"
        );
    }
}

/// `--help` of every command is Russian (clap's headings replaced) and
/// exits with 0; `--version` too.
#[test]
fn every_help_is_in_russian() {
    use clap::CommandFactory;
    fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(prefix.clone());
        for sub in cmd.get_subcommands() {
            let mut next = prefix.clone();
            next.push(sub.get_name().to_string());
            paths(sub, next, out);
        }
    }
    let mut all = Vec::new();
    paths(&partnernet::cli::Cli::command(), Vec::new(), &mut all);
    assert!(all.len() > 20, "{all:?}");
    for path in all {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let (code, stdout, _) = cli(&args);
        let what = args.join(" ");
        assert_eq!(code, 0, "{what}");
        assert_russian(&what, &stdout);
        assert!(
            stdout.contains("Использование: partnernet"),
            "{what}: {stdout}"
        );
    }
    let (code, stdout, _) = cli(&["--version"]);
    assert_eq!((code, stdout.trim()), (0, "partnernet 0.1.0"));
}

/// The literal messages the core refuses with: every string in a
/// `BadInput(…)`, `Conflict(…)`, `Document(…)`, `Refusal(…)`,
/// `invalid(…)` or `FieldError::new(…)` has Russian and none of the
/// English give-aways (placeholders `{…}` aside).
#[test]
fn the_cores_literal_messages_are_russian() {
    let tokens = [
        "BadInput(",
        "Conflict(",
        "Document(",
        "Refusal(",
        "::invalid(",
        "FieldError::new(",
    ];
    let mut files = Vec::new();
    collect_rs(std::path::Path::new("src"), &mut files);
    let mut checked = 0;
    let mut bad = Vec::new();
    for file in files {
        let name = file.display().to_string();
        if name.contains("src/bin/") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for token in tokens {
            for (at, _) in code.match_indices(token) {
                let rest = &code[at + token.len()..];
                let end = [";", "=>", "\n\n", "?"]
                    .iter()
                    .filter_map(|stop| rest.find(stop))
                    .min()
                    .unwrap_or(rest.len())
                    .min(800);
                let literals = string_literals(&rest[..end]);
                if literals.is_empty() {
                    continue;
                }
                checked += 1;
                let joined = literals.join(" ");
                let plain = strip_placeholders(&joined);
                let russian = plain.chars().any(|c| ('а'..='я').contains(&c));
                let lower = plain.to_lowercase();
                let english = ENGLISH.iter().find(|w| {
                    if w.contains(' ') {
                        lower.contains(*w)
                    } else {
                        lower
                            .split(|c: char| !c.is_ascii_alphabetic())
                            .any(|x| x == **w)
                    }
                });
                if !russian || english.is_some() {
                    bad.push(format!("{name}: {token}… {joined:?} ({english:?})"));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} messages found");
    assert!(bad.is_empty(), "not clean Russian:\n{}", bad.join("\n"));
}

fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The contents of the "…" literals in `code` (escapes left as they are).
fn string_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut lit = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    lit.push(c);
                    if let Some(n) = chars.next() {
                        lit.push(n);
                    }
                }
                '"' => break,
                _ => lit.push(c),
            }
        }
        // A field name or a code is one word; a message has Russian or spaces.
        if lit.chars().any(|c| ('а'..='я').contains(&c)) || lit.contains(' ') {
            out.push(lit);
        }
    }
    out
}

/// The text without `{name}` / `{0}` placeholders.
fn strip_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}
