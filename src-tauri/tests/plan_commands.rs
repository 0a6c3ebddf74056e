//! «Отчёты» commands through the mock runtime, with explicit paths (no
//! dialogs): the plan, its preview and exports (PDF/XLSX/ICS), .ics import
//! preview and apply, event forms added, renamed and deleted.

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

/// A data folder with one seminar on 15 October 2026, and the app on it.
fn app_with_event() -> (App, i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = {
        let mut storage = Storage::open_dir(dir.path()).expect("storage");
        let form_id = events::forms(&storage).expect("forms")[0].id;
        let input = EventInput {
            form_id,
            title: "Семинар «Сетевые программы дополнительного образования»".into(),
            start: at(2026, 10, 15, 10, 0),
            end: at(2026, 10, 15, 12, 0),
            place: "Актовый зал".into(),
            audience: vec![Audience::Teachers],
            status: EventStatus::Planned,
            responsible: "Гришина Е.А.".into(),
            ..EventInput::default()
        };
        events::create(&mut storage, input, at(2026, 9, 1, 9, 0))
            .expect("event")
            .event
            .id
    };
    (app_on(dir), id)
}

fn app_on(dir: tempfile::TempDir) -> App {
    let state = AppState::new(Storage::open_dir(dir.path()));
    app_with(state, dir)
}

fn message(err: &Value) -> &str {
    err["message"].as_str().unwrap_or_default()
}

fn is_russian(text: &str) -> bool {
    text.chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
}

#[test]
fn the_plan_is_shown_previewed_and_exported_as_pdf_xlsx_and_ics() {
    let (app, id) = app_with_event();

    let plan = call(&app, "plan_get", json!({ "year": 2026 })).expect("plan");
    assert_eq!(plan["year"], 2026);
    let months = plan["months"].as_array().expect("months");
    assert_eq!(months.len(), 1, "{plan}");
    assert_eq!(months[0]["month"], 10);
    let row = &months[0]["rows"][0];
    assert_eq!(row["event_id"].as_i64(), Some(id));
    assert_eq!(row["number"], 1);

    // Without a year: the current school year.
    let current = call(&app, "plan_get", json!({ "year": null })).expect("current plan");
    assert!(
        current["year"].as_i64().is_some_and(|y| y >= 2025),
        "{current}"
    );

    // Another year is empty.
    let empty = call(&app, "plan_get", json!({ "year": 2030 })).expect("empty plan");
    assert!(empty["months"].as_array().expect("months").is_empty());

    match invoke(&app, "plan_preview", json!({ "year": 2026 })).expect("preview") {
        InvokeResponseBody::Raw(bytes) => assert!(bytes.starts_with(b"%PDF"), "a PDF"),
        InvokeResponseBody::Json(j) => panic!("raw bytes expected, got JSON {j:.80}"),
    }

    let cases: [(&str, &[u8]); 3] = [
        ("pdf", b"%PDF"),
        ("xlsx", b"PK\x03\x04"),
        ("ics", b"BEGIN:VCALENDAR"),
    ];
    for (format, magic) in cases {
        let path = app.dir.path().join(format!("план.{format}"));
        let written = call(
            &app,
            "plan_export",
            json!({ "year": 2026, "format": format, "path": path.display().to_string() }),
        )
        .unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(written.as_str(), Some(path.display().to_string().as_str()));
        let bytes = std::fs::read(&path).expect("written");
        assert!(bytes.starts_with(magic), "{format} starts with its magic");
    }

    // A path without an extension gets the format's.
    let bare = app.dir.path().join("план-без-расширения");
    let written = call(
        &app,
        "plan_export",
        json!({ "year": 2026, "format": "xlsx", "path": bare.display().to_string() }),
    )
    .expect("xlsx");
    assert!(
        written.as_str().is_some_and(|p| p.ends_with(".xlsx")),
        "{written}"
    );

    // The next save dialog proposes the Russian name in the folder just used.
    let dialog = call(
        &app,
        "exports_save_dialog",
        json!({ "target": { "kind": "plan", "year": 2026, "format": "xlsx" } }),
    )
    .expect("save dialog");
    let proposed = app
        .dir
        .path()
        .join("План сетевого взаимодействия 2026-2027.xlsx");
    assert_eq!(
        dialog["default_path"].as_str(),
        proposed.to_str(),
        "{dialog}"
    );
    assert_eq!(dialog["filters"][0]["extensions"], json!(["xlsx"]));
    let open = call(
        &app,
        "exports_open_dialog",
        json!({ "purpose": "calendar" }),
    )
    .expect("open");
    assert_eq!(open["title"], "Импорт мероприятий из календаря");

    // Only a file the app wrote can be opened from the UI.
    let unknown = call(&app, "exports_open", json!({ "path": "/etc/passwd" })).unwrap_err();
    assert_eq!(unknown["code"], "not_found", "{unknown}");
    assert!(message(&unknown).contains("не выгружался"), "{unknown}");

    let refused = call(
        &app,
        "plan_export",
        json!({ "year": 2026, "format": "docx", "path": "/tmp/x.docx" }),
    )
    .unwrap_err();
    assert!(
        message(&refused).contains("план — в PDF, Excel (xlsx) или iCalendar (ics)"),
        "{refused}"
    );

    // A selection as .ics.
    let ics = app.dir.path().join("выбранные.ics");
    call(
        &app,
        "events_export_ics",
        json!({ "ids": [id], "path": ics.display().to_string() }),
    )
    .expect("ics of a selection");
    let text = std::fs::read_to_string(&ics).expect("ics");
    assert!(text.contains("BEGIN:VEVENT") && text.contains("END:VCALENDAR"));
}

const ICS: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Test//RU\r\n\
BEGIN:VEVENT\r\n\
UID:round-table-1@example.ru\r\n\
DTSTAMP:20261101T080000Z\r\n\
DTSTART;TZID=Europe/Moscow:20261120T140000\r\n\
DTEND;TZID=Europe/Moscow:20261120T160000\r\n\
SUMMARY:Круглый стол «Наставничество в сети»\r\n\
LOCATION:Методический кабинет\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:webinar-2@example.ru\r\n\
DTSTAMP:20261101T080000Z\r\n\
DTSTART;VALUE=DATE:20261203\r\n\
DTEND;VALUE=DATE:20261204\r\n\
SUMMARY:Вебинар для родителей\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn an_ics_file_is_previewed_then_imported_without_duplicates() {
    let (app, _) = app_with_event();
    let file = app.dir.path().join("календарь.ics");
    // A BOM at the start is tolerated.
    std::fs::write(&file, format!("\u{feff}{ICS}")).expect("ics");
    let path = file.display().to_string();

    let preview = call(&app, "events_import_preview", json!({ "path": path })).expect("preview");
    assert_eq!(preview["path"].as_str(), Some(path.as_str()));
    let items = preview["preview"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{preview}");
    assert!(items.iter().all(|i| i["action"] == "add"), "{preview}");

    let report = call(&app, "events_import_apply", json!({ "path": path })).expect("apply");
    assert_eq!(report["added"], 2, "{report}");
    assert_eq!(report["updated"], 0);

    // The same file again: nothing new.
    let again = call(&app, "events_import_preview", json!({ "path": path })).expect("again");
    let items = again["preview"]["items"].as_array().expect("items");
    assert!(items.iter().all(|i| i["action"] != "add"), "{again}");
    let report = call(&app, "events_import_apply", json!({ "path": path })).expect("apply again");
    assert_eq!(report["added"], 0, "{report}");
    let plan = call(&app, "plan_get", json!({ "year": 2026 })).expect("plan");
    let rows: usize = plan["months"]
        .as_array()
        .expect("months")
        .iter()
        .map(|m| m["rows"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows, 3, "one event of ours and two imported: {plan}");

    // Not UTF-8: a Russian message, nothing read.
    let latin = app.dir.path().join("cp1251.ics");
    std::fs::write(&latin, b"BEGIN:VCALENDAR\r\nSUMMARY:\xcf\xeb\xe0\xed\r\n").expect("file");
    let err = call(
        &app,
        "events_import_preview",
        json!({ "path": latin.display().to_string() }),
    )
    .unwrap_err();
    assert!(message(&err).contains("UTF-8"), "{err}");

    // Too large: refused before it is read.
    let huge = app.dir.path().join("огромный.ics");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(partnernet::events::import::MAX_FILE_BYTES + 1))
        .expect("sparse file");
    let err = call(
        &app,
        "events_import_preview",
        json!({ "path": huge.display().to_string() }),
    )
    .unwrap_err();
    assert!(message(&err).contains("слишком большой"), "{err}");

    let missing = call(
        &app,
        "events_import_apply",
        json!({ "path": app.dir.path().join("нет.ics").display().to_string() }),
    )
    .unwrap_err();
    assert_eq!(missing["code"], "io", "{missing}");
}

#[test]
fn a_form_is_added_renamed_and_deleted_and_built_in_forms_stay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let builtin = {
        let storage = Storage::open_dir(dir.path()).expect("storage");
        events::forms(&storage)
            .expect("forms")
            .into_iter()
            .find(|f| f.builtin)
            .expect("a built-in form")
    };
    let app = app_on(dir);

    let added = call(
        &app,
        "event_forms_add",
        json!({ "input": { "name": "Мастер-класс", "online": false, "color": "" } }),
    )
    .expect("added");
    let id = added["id"].as_i64().expect("id");
    assert_eq!(added["builtin"], false);
    assert!(
        added["color"].as_str().is_some_and(|c| c.starts_with('#')),
        "{added}"
    );

    let renamed = call(
        &app,
        "event_forms_update",
        json!({ "id": id, "input": { "name": "Мастер-класс для педагогов", "online": true, "color": "#2a7ab0" } }),
    )
    .expect("renamed");
    assert_eq!(renamed["name"], "Мастер-класс для педагогов");
    assert_eq!(renamed["online"], true);
    assert_eq!(renamed["color"], "#2a7ab0");

    let empty_name = call(
        &app,
        "event_forms_update",
        json!({ "id": id, "input": { "name": " ", "online": true, "color": "" } }),
    )
    .unwrap_err();
    assert!(is_russian(message(&empty_name)), "{empty_name}");

    call(&app, "event_forms_delete", json!({ "id": id })).expect("deleted");
    let storage = Storage::open_dir(app.dir.path()).expect("storage");
    let forms = events::forms(&storage).expect("forms");
    assert!(forms.iter().all(|f| f.id != id), "the form is gone");

    let refused = call(&app, "event_forms_delete", json!({ "id": builtin.id })).unwrap_err();
    assert!(is_russian(message(&refused)), "{refused}");
    let forms = events::forms(&storage).expect("forms");
    assert!(
        forms.iter().any(|f| f.id == builtin.id),
        "the built-in form stays"
    );
}

#[test]
fn the_plan_is_paged_as_the_table_scrolls() {
    let (app, id) = app_with_event();
    // Five more single events in November 2026: six rows in two months.
    {
        let mut storage = Storage::open_dir(app.dir.path()).expect("storage");
        let form_id = events::forms(&storage).expect("forms")[0].id;
        for n in 0..5 {
            let input = EventInput {
                form_id,
                title: format!("Круглый стол № {n}"),
                start: at(2026, 11, 2 + n, 10, 0),
                end: at(2026, 11, 2 + n, 11, 0),
                place: "Актовый зал".into(),
                ..EventInput::default()
            };
            events::create(&mut storage, input, at(2026, 9, 1, 9, 0)).expect("event");
        }
    }
    let whole = call(&app, "plan_get", json!({ "year": 2026 })).expect("plan");

    let page = call(
        &app,
        "plan_page",
        json!({ "year": 2026, "offset": 0, "limit": 2 }),
    )
    .expect("first page");
    assert_eq!(page["year"], 2026);
    assert_eq!(page["total"], 6);
    assert_eq!(page["title"], whole["title"]);
    let months = page["months"].as_array().expect("months");
    assert_eq!(months.len(), 2, "{page}");
    assert_eq!(months[0]["label"], "Октябрь 2026");
    assert_eq!(
        (months[0]["first"].clone(), months[0]["count"].clone()),
        (json!(0), json!(1))
    );
    assert_eq!(
        (months[1]["first"].clone(), months[1]["count"].clone()),
        (json!(1), json!(5))
    );
    let rows = page["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["event_id"].as_i64(), Some(id));
    assert_eq!(rows[0], whole["months"][0]["rows"][0]);
    assert_eq!(rows[1], whole["months"][1]["rows"][0]);

    let rest = call(
        &app,
        "plan_page",
        json!({ "year": 2026, "offset": 4, "limit": 10 }),
    )
    .expect("the rest");
    assert_eq!(rest["offset"], 4);
    let numbers: Vec<i64> = rest["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["number"].as_i64())
        .collect();
    assert_eq!(numbers, [5, 6]);

    let past = call(
        &app,
        "plan_page",
        json!({ "year": 2026, "offset": 6, "limit": 10 }),
    )
    .expect("past the end");
    assert_eq!(past["rows"], json!([]));
    assert_eq!(past["total"], 6);

    // Without a year: the current school year.
    let current = call(
        &app,
        "plan_page",
        json!({ "year": null, "offset": 0, "limit": 10 }),
    )
    .expect("current");
    assert!(
        current["year"].as_i64().is_some_and(|y| y >= 2025),
        "{current}"
    );
}

#[test]
fn the_plan_signatures_are_read_saved_and_refused_by_field() {
    let (app, _) = app_with_event();
    let mut s = call(&app, "plan_signatures_get", json!({})).expect("defaults");
    assert_eq!(s["approval"], json!(true));
    assert_eq!(s["responsible"], json!(true));

    s["approver_position"] = json!("Директор МБУ ДО «ЦДТ»");
    s["approver_name"] = json!("В.И. Мишина");
    s["approval_date"] = json!("2026-09-01");
    let saved = call(&app, "plan_signatures_save", json!({ "input": s.clone() })).expect("saved");
    assert_eq!(saved["approver_name"], json!("В.И. Мишина"));
    assert_eq!(
        call(&app, "plan_signatures_get", json!({})).expect("kept"),
        saved
    );

    s["approver_position"] = json!("   ");
    let err = call(&app, "plan_signatures_save", json!({ "input": s })).unwrap_err();
    assert_eq!(err["code"], json!("validation"), "{err}");
    assert!(
        err["fields"].to_string().contains("approver_position"),
        "{err}"
    );
    assert!(is_russian(message(&err)), "{err}");
    assert_eq!(
        call(&app, "plan_signatures_get", json!({})).expect("unchanged"),
        saved
    );
}
