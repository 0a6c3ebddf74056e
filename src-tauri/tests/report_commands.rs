//! The analytical report's commands through the mock runtime, with explicit
//! paths (no dialogs): charts, the report, «Выводы», the PDF preview and
//! the exports in PDF, DOCX and XLSX.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{app_with, call, invoke, App};
use partnernet::events::{
    self,
    model::{Audience, EventInput, EventStatus},
};
use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::{json, Value};
use tauri::ipc::InvokeResponseBody;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("date")
}

/// A data folder with two seminars in October 2025 (one held with 18
/// participants of 20 planned) and the app on it.
fn app_with_events() -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut storage = Storage::open_dir(dir.path()).expect("storage");
        let form_id = events::forms(&storage).expect("forms")[0].id;
        for (day, status, planned, actual) in [
            (15, EventStatus::Held, Some(20), Some(18)),
            (22, EventStatus::Planned, Some(10), None),
        ] {
            let input = EventInput {
                form_id,
                title: format!("Семинар {day} октября"),
                start: at(2025, 10, day, 10, 0),
                end: at(2025, 10, day, 12, 0),
                audience: vec![Audience::Teachers],
                status,
                planned_count: planned,
                actual_count: actual,
                ..EventInput::default()
            };
            events::create(&mut storage, input, at(2025, 9, 1, 9, 0)).expect("event");
        }
    }
    let state = AppState::new(Storage::open_dir(dir.path()));
    app_with(state, dir)
}

fn message(err: &Value) -> &str {
    err["message"].as_str().unwrap_or_default()
}

#[test]
fn the_charts_and_the_report_are_read_and_the_conclusions_kept() {
    let app = app_with_events();

    let charts = call(&app, "reports_charts", json!({ "year": 2025 })).expect("charts");
    assert_eq!(charts["year"], 2025);
    assert_eq!(charts["month_abbr"][0], "сен");
    assert_eq!(charts["month_abbr"][11], "авг");
    assert_eq!(charts["months"][1], "Октябрь 2025");
    let form = &charts["events_by_form"][0];
    assert_eq!(form["total"][1], 2, "{charts}");
    assert_eq!(form["held"][1], 1);
    assert_eq!(form["planned"][1], 1);
    assert_eq!(charts["participants_planned"][1], 30);
    assert_eq!(charts["participants_actual"][1], 18);
    assert_eq!(charts["partners_by_type"].as_array().map(Vec::len), Some(9));
    assert_eq!(
        charts["agreements_by_status"].as_array().map(Vec::len),
        Some(7)
    );

    // Without a year: the current school year.
    let current = call(&app, "reports_charts", json!({ "year": null })).expect("current");
    assert!(
        current["year"].as_i64().is_some_and(|y| y >= 2025),
        "{current}"
    );

    let report = call(&app, "annual_report_get", json!({ "year": 2025 })).expect("report");
    assert_eq!(report["events_total"]["total"], 2);
    assert_eq!(
        report["charts"], charts,
        "the report carries the same charts"
    );
    assert_eq!(report["conclusions"], "");

    call(
        &app,
        "annual_report_conclusions_save",
        json!({ "year": 2025, "text": "  Сеть выросла.  " }),
    )
    .expect("saved");
    let report = call(&app, "annual_report_get", json!({ "year": 2025 })).expect("report");
    assert_eq!(report["conclusions"], "Сеть выросла.");

    let long = "я".repeat(20_001);
    let err = call(
        &app,
        "annual_report_conclusions_save",
        json!({ "year": 2025, "text": long }),
    )
    .expect_err("too long");
    assert!(message(&err).contains("Выводы"), "{err}");
}

#[test]
fn the_report_is_previewed_and_exported_in_three_formats() {
    let app = app_with_events();

    match invoke(&app, "annual_report_preview", json!({ "year": 2025 })).expect("preview") {
        InvokeResponseBody::Raw(bytes) => assert!(bytes.starts_with(b"%PDF"), "a PDF"),
        InvokeResponseBody::Json(j) => panic!("raw bytes expected, got JSON {j:.80}"),
    }

    let cases: [(&str, &[u8]); 3] = [
        ("pdf", b"%PDF"),
        ("docx", b"PK\x03\x04"),
        ("xlsx", b"PK\x03\x04"),
    ];
    for (format, magic) in cases {
        let path = app.dir.path().join(format!("справка.{format}"));
        let written = call(
            &app,
            "annual_report_export",
            json!({ "year": 2025, "format": format, "path": path.display().to_string() }),
        )
        .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(written.as_str(), Some(path.display().to_string().as_str()));
        let bytes = std::fs::read(&path).expect("written");
        assert!(bytes.starts_with(magic), "{format} starts with its magic");
    }

    // The save dialog proposes the Russian name and the format's filter.
    let dialog = call(
        &app,
        "exports_save_dialog",
        json!({ "target": { "kind": "annual_report", "year": 2025, "format": "docx" } }),
    )
    .expect("dialog");
    assert_eq!(dialog["title"], "Сохранить аналитическую справку");
    assert!(
        dialog["default_path"]
            .as_str()
            .is_some_and(|p| p.ends_with("Аналитическая справка 2025-2026.docx")),
        "{dialog}"
    );

    // ICS is not a format of the report: refused in Russian.
    let path = app.dir.path().join("справка.ics");
    let err = call(
        &app,
        "annual_report_export",
        json!({ "year": 2025, "format": "ics", "path": path.display().to_string() }),
    )
    .expect_err("ics refused");
    assert!(message(&err).contains("аналитическая справка"), "{err}");
    assert!(!path.exists());
}
