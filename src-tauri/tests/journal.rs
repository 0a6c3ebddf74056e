//! The journal through the commands on Tauri's mock runtime: a failed
//! command writes one line with its code and no personal data, a panic in
//! a command is written with its backtrace and the window lives on, and
//! the files rotate. The journal is per process: one folder for this test
//! binary, the tests take turns and read only the lines they caused.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use common::{app, call};
use partnernet_app::journal;
use serde_json::{json, Value};

/// The journal's folder of this test process, installed once.
fn journal_folder() -> &'static Path {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir").keep();
        journal::install(&dir).expect("journal")
    })
}

/// One test at a time writes to the shared journal.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Every line of every journal file, oldest file first.
fn journal_text() -> String {
    let mut files: Vec<PathBuf> = std::fs::read_dir(journal_folder())
        .expect("journal folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("journal file"))
        .collect()
}

/// What `f` added to the journal.
fn written_by(f: impl FnOnce()) -> String {
    let before = journal_text().len();
    f();
    journal_text()[before..].to_string()
}

const SURNAME: &str = "Иванова";
const EMAIL: &str = "ivanova.maria@example.ru";
const PHONE: &str = "+7 (912) 345-67-89";

/// A partner full of personal data: a sole trader named after her owner.
fn personal_partner(inn: &str) -> Value {
    json!({
        "partner_type": "real_economy",
        "relation_kind": "network_interaction",
        "full_name": "Индивидуальный предприниматель Иванова Мария Петровна",
        "short_name": "ИП Иванова М. П.",
        "requisites": { "inn": inn, "phone": PHONE, "email": EMAIL },
        "head": { "surname": SURNAME, "name": "Мария", "patronymic": "Петровна", "position": "директор" },
    })
}

#[test]
fn a_failed_command_writes_one_line_with_its_code_and_no_personal_data() {
    let _turn = turn();
    journal_folder();
    let app = app();
    let bad_inn = "500100732260"; // a 12-digit ИНН with wrong check digits
    let written = written_by(|| {
        let err = call(
            &app,
            "partners_create",
            json!({ "input": personal_partner(bad_inn) }),
        )
        .unwrap_err();
        assert_eq!(err["code"], json!("validation"), "{err}");
    });
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines.len(), 1, "one line per failure: {written}");
    assert!(lines[0].contains("WARN"), "{written}");
    assert!(lines[0].contains("code=validation"), "{written}");
    assert!(lines[0].contains("requisites.inn"), "{written}");
    assert!(
        lines[0].contains("commands/partners.rs:"),
        "the command's place: {written}"
    );

    // the same data where messages quote it: a trashed partner, a file path
    let inn = partnernet::validation::make::inn12("5001007322");
    let created = call(
        &app,
        "partners_create",
        json!({ "input": personal_partner(&inn) }),
    )
    .expect("create");
    let id = created["id"].as_i64().expect("id");
    call(&app, "partners_trash", json!({ "id": id })).expect("trash");
    let written = written_by(|| {
        let err = call(
            &app,
            "partners_update",
            json!({ "id": id, "input": personal_partner(&inn) }),
        )
        .unwrap_err();
        assert_eq!(err["code"], json!("conflict"));
        assert!(
            err["message"].as_str().is_some_and(|m| m.contains(SURNAME)),
            "{err}"
        );
        let path = format!("/home/ivanova/Документы/{SURNAME} Мария {inn}.pdf");
        let err = call(&app, "exports_open", json!({ "path": path })).unwrap_err();
        assert!(
            err["message"].as_str().is_some_and(|m| m.contains(SURNAME)),
            "{err}"
        );
        let err = call(&app, "partners_get", json!({ "id": 4242 })).unwrap_err();
        assert_eq!(err["code"], json!("not_found"));
    });
    assert_eq!(written.lines().count(), 3, "{written}");
    assert!(written.contains("code=conflict"), "{written}");
    assert!(written.contains("№ 4242"), "ids stay: {written}");

    let all = journal_text();
    for secret in [
        SURNAME,
        "Мария",
        "Петровна",
        "ivanova",
        EMAIL,
        bad_inn,
        &inn,
        "345-67-89",
    ] {
        assert!(!all.contains(secret), "«{secret}» in the journal:\n{all}");
    }
}

#[test]
fn a_panic_in_a_command_is_journaled_with_its_backtrace_and_the_window_lives_on() {
    let _turn = turn();
    journal_folder();
    let app = app();
    let written = written_by(|| {
        let err = call(&app, "journal_debug_panic", json!({})).unwrap_err();
        assert_eq!(err["code"], json!("internal"), "{err}");
        assert_eq!(err["message"], json!(journal::CRASH_MESSAGE));
    });
    assert!(written.contains("ERROR"), "{written}");
    assert!(
        written.contains("сбой программы: проверка журнала"),
        "{written}"
    );
    assert!(written.contains("stack backtrace:"), "{written}");
    assert!(
        written.contains("partnernet_app::journal::debug_panic"),
        "the backtrace names the function: {written}"
    );
    assert!(
        written.contains("code=internal"),
        "and the command's line: {written}"
    );
    assert!(
        !written.contains("ivanova@example.ru") && !written.contains("6825012345"),
        "{written}"
    );
    // the storage is not poisoned: the next command works
    let info = call(&app, "app_info", json!({})).expect("the app still answers");
    assert_eq!(info["is_empty"], json!(true));
}

#[test]
fn data_moves_are_recorded_with_figures_only() {
    let _turn = turn();
    journal_folder();
    let app = app();
    let written = written_by(|| {
        let path = format!("/home/ivanova/{SURNAME}/календарь.ics");
        call(&app, "events_import_preview", json!({ "path": path })).unwrap_err();
        call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    });
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "the import asked for, then its failure: {written}"
    );
    assert!(
        lines[0].contains("INFO data: команда events_import_preview"),
        "{written}"
    );
    assert!(
        // The path is masked: as a path, or as the quoted name it is in.
        lines[1].contains("WARN command:")
            && (lines[1].contains("<путь>") || lines[1].contains("«…»")),
        "{written}"
    );
    assert!(
        !written.contains(SURNAME) && !written.contains("ivanova"),
        "{written}"
    );
    let written =
        written_by(|| journal::record("backup.create", &[("partners", 31), ("bytes", 4096)]));
    assert!(
        written.contains("INFO data: backup.create partners=31 bytes=4096"),
        "{written}"
    );
}

#[test]
fn the_open_journal_is_the_newest_file() {
    let _turn = turn();
    let folder = journal_folder();
    let newest = journal::newest(folder);
    assert_eq!(newest.parent(), Some(folder));
    let name = newest.file_name().and_then(|n| n.to_str()).expect("name");
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert_eq!(name, format!("partnernet.{today}.log"));
    let empty = tempfile::tempdir().expect("dir");
    assert_eq!(journal::newest(empty.path()), empty.path());
    let app = app();
    let shown = call(&app, "journal_folder", json!({})).expect("folder");
    assert_eq!(shown, json!(folder.display().to_string()));
}

#[test]
fn rotation_keeps_the_newest_files() {
    let dir = tempfile::tempdir().expect("dir");
    for day in 1..=20 {
        std::fs::write(
            dir.path().join(format!("partnernet.2026-10-{day:02}.log")),
            "old\n",
        )
        .expect("old file");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    std::fs::write(dir.path().join("window-state.json"), "{}").expect("other file");
    let _appender = journal::appender(dir.path(), 5).expect("appender");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let expected = [
        "partnernet.2026-10-17.log".to_string(),
        "partnernet.2026-10-18.log".into(),
        "partnernet.2026-10-19.log".into(),
        "partnernet.2026-10-20.log".into(),
        format!("partnernet.{today}.log"),
        "window-state.json".into(),
    ];
    assert_eq!(names, expected);
}
