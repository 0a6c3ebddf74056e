//! The bad-input table through the real `partnernet` binary: every entry
//! point (arguments, JSON, Markdown, .ics, tables, packages, outputs, the
//! data folder, the database file) with what a hostile or careless user
//! gives it. Each case exits with 1, says in Russian what to fix (naming the
//! field or the file), and leaves the database exactly as it was.
//!
//! To add a case: a row in [`CASES`] — the files it needs in its folder, the
//! arguments (paths relative to that folder; the data folder is `data`), and
//! a fragment the message must contain.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::russian::assert_russian;
use common::{dump, now, school};

/// What the case's folder holds besides the good data folder.
type Files = &'static [(&'static str, &'static [u8])];

/// (what is wrong, files, arguments after `--data-dir data`, fragment)
const CASES: &[(&str, Files, &[&str], &str)] = &[
    // The command line itself (clap).
    ("no command", &[], &[], "укажите команду"),
    ("unknown command", &[], &["partner", "list"], "«partner»"),
    ("unknown option", &[], &["partners", "list", "--bogus"], "«--bogus»"),
    ("extra argument", &[], &["partners", "list", "x"], "«x»"),
    ("missing --json", &[], &["partners", "add"], "--json"),
    ("wrong requisite kind", &[], &["check", "foo", "1"], "«foo»"),
    ("bad requisite", &[], &["check", "inn", "123"], "ИНН"),
    (
        "year not a number",
        &[],
        &["plan", "--year", "abc", "-o", "p.pdf"],
        "--year",
    ),
    (
        "id not a number",
        &[],
        &["agreements", "render", "abc", "-o", "a.pdf"],
        "«abc»",
    ),
    (
        "31.02 on the command line",
        &[],
        &["events", "list", "--from", "31.02.2026"],
        "--from",
    ),
    (
        "period backwards",
        &[],
        &["events", "list", "--from", "10.09.2026", "--to", "01.09.2026"],
        "--from",
    ),
    (
        "unknown list to export",
        &[],
        &["export", "foo", "-o", "x.xlsx"],
        "«foo»",
    ),
    // JSON records.
    (
        "null instead of a partner",
        &[("p.json", b"null")],
        &["partners", "add", "--json", "p.json"],
        "объект",
    ),
    (
        "unknown partner type",
        &[("p.json", r#"{"full_name": "Школа", "partner_type": "school"}"#.as_bytes())],
        &["partners", "add", "--json", "p.json"],
        "Учреждения общего образования",
    ),
    (
        "a number for a name",
        &[("p.json", br#"{"full_name": 5}"#)],
        &["partners", "add", "--json", "p.json"],
        "«full_name»",
    ),
    (
        "a number for a contact's e-mail",
        &[(
            "p.json",
            r#"{"full_name": "Школа", "contacts": [{"surname": "Иванова", "email": 3}]}"#.as_bytes(),
        )],
        &["partners", "add", "--json", "p.json"],
        "«contacts[0].email»",
    ),
    (
        "a trailing comma",
        &[("p.json", b"{\"full_name\": \"\xd0\xa8\",}")],
        &["partners", "add", "--json", "p.json"],
        "строка 1",
    ),
    (
        "JSON cut short",
        &[("p.json", b"{\"full_name\": \"")],
        &["partners", "add", "--json", "p.json"],
        "обрывается",
    ),
    (
        "an empty file",
        &[("p.json", b"")],
        &["partners", "add", "--json", "p.json"],
        "пуст",
    ),
    (
        "JSON not in UTF-8",
        &[("p.json", b"{\"full_name\": \"\xd8\xea\xee\xeb\xe0\"}")],
        &["partners", "add", "--json", "p.json"],
        "UTF-8",
    ),
    (
        "endless JSON",
        &[],
        &["partners", "add", "--json", "/dev/zero"],
        "МБ",
    ),
    (
        "a folder as JSON",
        &[],
        &["partners", "add", "--json", "data"],
        "папка",
    ),
    (
        "no such JSON file",
        &[],
        &["partners", "add", "--json", "нет.json"],
        "«нет.json»",
    ),
    (
        "31.02 in an event",
        &[(
            "e.json",
            r#"{"title": "Семинар", "form": "семинар", "start": "2026-02-31T10:00:00", "end": "2026-03-01T11:00:00"}"#.as_bytes(),
        )],
        &["events", "add", "--json", "e.json"],
        "«start»",
    ),
    (
        "unknown event form",
        &[(
            "e.json",
            r#"{"title": "Семинар", "form": "пикник", "start": "2026-10-06T10:00:00", "end": "2026-10-06T11:00:00"}"#.as_bytes(),
        )],
        &["events", "add", "--json", "e.json"],
        "«пикник»",
    ),
    (
        "unknown repetition",
        &[(
            "e.json",
            r#"{"title": "Семинар", "form": "семинар", "start": "2026-10-06T10:00:00", "end": "2026-10-06T11:00:00", "recurrence": {"frequency": "hourly", "interval": 1, "weekdays": [], "until": null, "count": 3}}"#.as_bytes(),
        )],
        &["events", "add", "--json", "e.json"],
        "«recurrence.frequency»",
    ),
    (
        "unknown agreement kind",
        &[("a.json", br#"{"kind": "contract"}"#)],
        &["agreements", "add", "--json", "a.json"],
        "«kind»",
    ),
    // Markdown brochures.
    (
        "a brochure without its title block",
        &[("b.md", "# Заголовок\n".as_bytes())],
        &["brochure", "render", "b.md", "-o", "b.pdf"],
        "Строка 1",
    ),
    (
        "a folder as a brochure",
        &[],
        &["brochure", "render", "data", "-o", "b.pdf"],
        "папка",
    ),
    (
        "no such brochure",
        &[],
        &["brochure", "render", "нет.md", "-o", "b.pdf"],
        "«нет.md»",
    ),
    // Calendars.
    (
        "a text as a calendar",
        &[("c.ics", "просто текст".as_bytes())],
        &["events", "import", "c.ics"],
        "BEGIN:VCALENDAR",
    ),
    (
        "a calendar not in UTF-8",
        &[("c.ics", b"\xff\xfe\x00B")],
        &["events", "import", "c.ics"],
        "UTF-8",
    ),
    (
        "a folder as a calendar",
        &[],
        &["events", "import", "data"],
        "«data»",
    ),
    // Tables.
    (
        "a text as a table",
        &[("t.xlsx", "просто текст".as_bytes())],
        &["partners", "import", "t.xlsx"],
        "«t.xlsx»",
    ),
    (
        "no such table",
        &[],
        &["partners", "import", "нет.xlsx"],
        "«нет.xlsx»",
    ),
    (
        "a bad choice for name matches",
        &[("t.csv", "Наименование\nШкола\n".as_bytes())],
        &["partners", "import", "t.csv", "--name-match", "merge"],
        "«merge»",
    ),
    // Exchange packages.
    (
        "a text as a package",
        &[("x.partnernet", "просто текст".as_bytes())],
        &["exchange", "import", "x.partnernet"],
        "не пакет обмена",
    ),
    (
        "no such package",
        &[],
        &["exchange", "import", "нет.partnernet"],
        "«нет.partnernet»",
    ),
    // Backups.
    (
        "no such backup",
        &[],
        &["backup", "restore", "нет"],
        "«нет»",
    ),
    // Starting over (Настройки → Данные).
    (
        "start over without --yes",
        &[],
        &["start-over"],
        "--yes",
    ),
    (
        "demo remove without the demo",
        &[],
        &["demo", "remove"],
        "Демонстрационных данных в базе нет",
    ),
    // Outputs.
    (
        "a plan as .txt",
        &[],
        &["plan", "--year", "2026", "-o", "p.txt"],
        ".pdf",
    ),
    (
        "a plan into no folder",
        &[],
        &["plan", "--year", "2026", "-o", "нет/p.pdf"],
        "«нет/p.pdf»",
    ),
    (
        "a plan of year 1800",
        &[],
        &["plan", "--year", "1800", "-o", "p.pdf"],
        "1800",
    ),
    (
        "a report of year 1800",
        &[],
        &["report", "--year", "1800", "-o", "r.pdf"],
        "«1800»",
    ),
    (
        "the network of year 99999",
        &[],
        &["network", "--year", "99999"],
        "«99999»",
    ),
    (
        "a list as .pdf",
        &[],
        &["export", "partners", "-o", "x.pdf"],
        ".xlsx",
    ),
    (
        "an agreement that is not there",
        &[],
        &["agreements", "render", "999", "-o", "a.pdf"],
        "№ 999",
    ),
    (
        "a report as .txt",
        &[],
        &["report", "--year", "2025", "-o", "r.txt"],
        ".pdf",
    ),
];

/// Runs the binary in `work` with `--data-dir data` (or `data_dir`).
fn run(work: &Path, data_dir: &str, args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_partnernet"))
        .current_dir(work)
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("PARTNERNET_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run partnernet");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin);
    }
    child.wait_with_output().expect("output")
}

/// A data folder with one partner, in `work/data`.
fn data(work: &Path) -> partnernet::Storage {
    let mut storage = partnernet::Storage::open_dir(&work.join("data")).expect("data");
    partnernet::partners::create(&mut storage, school(1), now()).expect("partner");
    storage
}

/// The message on stderr: exit 1, Russian, with `fragment` in it.
fn refused(what: &str, out: &Output, fragment: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{what}: exit code; stderr {stderr}"
    );
    assert_russian(what, &stderr);
    assert!(
        stderr.contains(fragment),
        "{what}: «{fragment}» not in «{stderr}»"
    );
    stderr
}

#[test]
fn every_bad_input_through_the_cli_is_refused_in_russian_and_nothing_changes() {
    assert!(CASES.len() >= 40);
    let work = tempfile::tempdir().expect("temp dir");
    let storage = data(work.path());
    for (what, files, args, fragment) in CASES {
        for (name, bytes) in *files {
            std::fs::write(work.path().join(name), bytes).expect("file");
        }
        let before = dump(&storage);
        let out = run(work.path(), "data", args, b"");
        refused(what, &out, fragment);
        assert_eq!(dump(&storage), before, "{what}: database changed");
        for (name, _) in *files {
            let _ = std::fs::remove_file(work.path().join(name));
        }
        for output in [
            "p.pdf", "a.pdf", "b.pdf", "x.xlsx", "x.pdf", "r.txt", "p.txt",
        ] {
            assert!(
                !work.path().join(output).exists(),
                "{what}: {output} was written"
            );
        }
    }
}

/// A JSON saved by Notepad starts with a BOM: it is read, not refused.
#[test]
fn json_with_a_bom_is_accepted() {
    let work = tempfile::tempdir().expect("temp dir");
    let _storage = data(work.path());
    let json = "\u{feff}{\"full_name\": \"Школа № 9\"}";
    let out = run(
        work.path(),
        "data",
        &["partners", "add", "--json", "-"],
        json.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Школа № 9"));
}

/// The data folder and the database file: a file instead of the folder,
/// a file that is not a database. The message names the file; the file is
/// left byte for byte as it was.
#[test]
fn a_bad_data_folder_or_database_file_is_named_and_left_alone() {
    let work = tempfile::tempdir().expect("temp dir");
    std::fs::write(work.path().join("файл"), "не папка").expect("file");
    let out = run(work.path(), "файл", &["partners", "list"], b"");
    refused("data folder is a file", &out, "«файл»");
    assert_eq!(
        std::fs::read(work.path().join("файл")).expect("read"),
        "не папка".as_bytes()
    );

    let garbage = work.path().join("чужая");
    std::fs::create_dir(&garbage).expect("folder");
    let bytes = b"SQLite format 3\0 but then nothing of the sort".repeat(100);
    std::fs::write(garbage.join("partnernet.sqlite3"), &bytes).expect("db");
    for args in [
        &["partners", "list"][..],
        &["partners", "add", "--json", "-"][..],
    ] {
        let out = run(work.path(), "чужая", args, b"{\"full_name\": \"A\"}");
        let message = refused("not a database", &out, "partnernet.sqlite3");
        assert!(message.contains("резервную копию"), "{message}");
        assert_eq!(
            std::fs::read(garbage.join("partnernet.sqlite3")).expect("read"),
            bytes
        );
    }
}

/// Another PartnerNet holds the database for writing longer than the wait:
/// «занята другой программой», nothing stored.
#[test]
fn a_database_held_by_another_program_is_reported_as_busy() {
    let work = tempfile::tempdir().expect("temp dir");
    let storage = data(work.path());
    let before = dump(&storage);
    let holder = rusqlite::Connection::open(work.path().join("data/partnernet.sqlite3"))
        .expect("second connection");
    holder
        .execute_batch("BEGIN EXCLUSIVE;")
        .expect("hold the write lock");
    let json = "{\"full_name\": \"Школа № 9\"}";
    let out = run(
        work.path(),
        "data",
        &["partners", "add", "--json", "-"],
        json.as_bytes(),
    );
    holder.execute_batch("ROLLBACK").expect("release");
    refused("busy", &out, "занята другой программой PartnerNet");
    assert_eq!(dump(&storage), before, "busy: database changed");
}

/// Agreement templates (the app's editor): what does not compile is refused
/// in Russian and the stored template stays.
#[test]
fn a_bad_agreement_template_is_refused_in_russian() {
    use partnernet::agreements::model::AgreementKind;
    let (_dir, mut storage) = common::open();
    let sources = [
        "{% if %}",
        "{{ agreement.number ",
        "{% for x in %}{% endfor %}",
    ];
    for source in sources {
        let before = dump(&storage);
        let err = partnernet::agreements::output::save_template(
            &mut storage,
            AgreementKind::Cooperation,
            source,
            now(),
        )
        .expect_err(source);
        assert_russian(source, &err.to_string());
        assert_eq!(dump(&storage), before, "{source}: database changed");
    }
}
