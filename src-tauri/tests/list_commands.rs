//! «Экспорт» of the lists through the mock runtime, with explicit paths (no
//! dialogs): the save dialog proposes a dated Russian name and the format's
//! filter, `lists_export` writes exactly the rows named, a wrong format is
//! refused in Russian.

mod common;

use chrono::NaiveDate;
use common::{app_with, call, App};
use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::json;

fn demo_app() -> (App, Vec<i64>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ids = {
        let mut storage = Storage::open_dir(dir.path()).expect("storage");
        let now = NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date");
        partnernet::demo::fill(&mut storage, now).expect("demo");
        partnernet::partners::list(&storage, &Default::default())
            .expect("list")
            .into_iter()
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    let state = AppState::new(Storage::open_dir(dir.path()));
    (app_with(state, dir), ids)
}

fn message(e: &serde_json::Value) -> String {
    e["message"].as_str().unwrap_or_default().to_string()
}

#[test]
fn lists_go_out_through_the_save_dialog_flow() {
    let (app, ids) = demo_app();
    let shown: Vec<i64> = ids.iter().rev().take(3).copied().collect();
    let target = json!({ "kind": "partner_list", "ids": shown, "format": "csv" });
    let dialog = call(&app, "exports_save_dialog", json!({ "target": target })).expect("dialog");
    assert_eq!(dialog["title"], "Сохранить список партнёров");
    let name = dialog["default_path"].as_str().expect("path");
    assert!(
        regex_like_dated(name, "Партнёры ", ".csv"),
        "a dated Russian name: {name}"
    );
    assert_eq!(dialog["filters"][0]["extensions"], json!(["csv"]));

    let path = app.dir.path().join("партнёры");
    let written = call(
        &app,
        "lists_export",
        json!({ "target": target, "path": path.display().to_string() }),
    )
    .expect("export");
    let written = written.as_str().expect("path written");
    assert!(written.ends_with("партнёры.csv"), "{written}");
    let text = std::fs::read_to_string(written).expect("read");
    assert!(text.starts_with('\u{feff}'));
    assert!(text.matches("\r\n").count() > shown.len());
    let storage = Storage::open_dir(app.dir.path()).expect("storage");
    let names: Vec<String> = shown
        .iter()
        .map(|id| {
            partnernet::partners::get(&storage, *id)
                .expect("get")
                .data
                .short_name
        })
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let got: Vec<String> = reader
        .records()
        .map(|r| r.expect("record")[1].to_string())
        .collect();
    assert_eq!(got, names);

    // A list goes out only as XLSX or CSV.
    let refused = call(
        &app,
        "lists_export",
        json!({ "target": { "kind": "deficit_table", "format": "pdf" }, "path": "/tmp/x.pdf" }),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "bad_input", "{refused}");
    assert!(
        message(&refused).contains("Excel (xlsx) или CSV"),
        "{refused}"
    );
}

/// «<prefix>ДД.ММ.ГГГГ<suffix>» at the end of `path`.
fn regex_like_dated(path: &str, prefix: &str, suffix: &str) -> bool {
    let Some(rest) = path.rsplit('/').next() else {
        return false;
    };
    let Some(date) = rest
        .strip_prefix(prefix)
        .and_then(|r| r.strip_suffix(suffix))
    else {
        return false;
    };
    NaiveDate::parse_from_str(date, "%d.%m.%Y").is_ok()
}
