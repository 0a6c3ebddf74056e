//! The commands through Tauri's mock runtime: what the UI sends, what it
//! gets back, on a real SQLite file; errors arrive as `{code, message}`.

mod common;

use common::{app, app_with, call};
use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::{json, Value};

fn partner_json(inn: &str) -> Value {
    json!({
        "partner_type": "general_education",
        "relation_kind": "network_interaction",
        "full_name": "МБОУ «Средняя школа № 3 г. Котовска»",
        "short_name": "Школа № 3",
        "requisites": { "inn": inn, "phone": "8 (47541) 4-56-78" },
        "head": { "surname": "Орлов", "name": "Пётр", "patronymic": "Ильич", "position": "директор" },
        "resources": ["Спортивный зал"]
    })
}

#[test]
fn first_start_then_demo_fills_the_registry() {
    let app = app();
    let info = call(&app, "app_info", json!({})).expect("info");
    assert_eq!(info["is_empty"], json!(true));
    call(&app, "demo_fill", json!({})).expect("demo");
    let info = call(&app, "app_info", json!({})).expect("info");
    assert_eq!(info["is_empty"], json!(false));
    let list = call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    assert!(list.as_array().map_or(0, Vec::len) >= 25, "{list}");
    let again = call(&app, "demo_fill", json!({})).unwrap_err();
    assert_eq!(again["code"], json!("conflict"));
    let matches = call(&app, "deficit_matches", json!({})).expect("matches");
    assert!(matches.as_array().is_some_and(|m| !m.is_empty()));
}

#[test]
fn a_bad_inn_is_refused_with_a_russian_field_message() {
    let app = app();
    let err = call(
        &app,
        "partners_create",
        json!({ "input": partner_json("6825012345") }),
    )
    .unwrap_err();
    assert_eq!(err["code"], json!("validation"));
    assert_eq!(err["fields"][0]["field"], json!("requisites.inn"));
    assert!(
        err["message"].as_str().is_some_and(|m| m.contains("ИНН")),
        "{err}"
    );
    let list = call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    assert_eq!(list, json!([]));
    let checked = call(
        &app,
        "partners_validate",
        json!({ "input": partner_json("6825012345"), "id": null }),
    )
    .expect("validate");
    assert_eq!(checked[0]["field"], json!("requisites.inn"));
}

#[test]
fn create_search_edit_trash_restore() {
    let app = app();
    let inn = partnernet::validation::make::inn10("682501234");
    let created = call(
        &app,
        "partners_create",
        json!({ "input": partner_json(&inn) }),
    )
    .expect("create");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(
        created["head"]["gender"],
        json!("male"),
        "gender from patronymic"
    );
    assert_eq!(created["requisites"]["phone"], json!("+7 (475) 414-56-78"));

    let found = call(
        &app,
        "partners_list",
        json!({ "filter": { "query": "ШКОЛА" } }),
    )
    .expect("search");
    assert_eq!(found[0]["id"], json!(id));

    let mut edited = created.clone();
    edited["requisites"]["postal_address"] = json!("393190, г. Котовск, а/я 5");
    let updated = call(
        &app,
        "partners_update",
        json!({ "id": id, "input": edited }),
    )
    .expect("update");
    assert_eq!(
        updated["requisites"]["postal_address"],
        json!("393190, г. Котовск, а/я 5")
    );
    let history = call(&app, "partners_history", json!({ "id": id })).expect("history");
    assert_eq!(history[0]["field"], json!("Почтовый адрес"));

    call(&app, "partners_trash", json!({ "id": id })).expect("trash");
    assert_eq!(
        call(&app, "partners_list", json!({ "filter": {} })).expect("list"),
        json!([])
    );
    let trash = call(&app, "partners_trash_list", json!({})).expect("trash list");
    assert_eq!(trash[0]["id"], json!(id));
    call(&app, "partners_restore", json!({ "id": id })).expect("restore");
    let list = call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    assert_eq!(list[0]["id"], json!(id));

    let missing = call(&app, "partners_get", json!({ "id": 999 })).unwrap_err();
    assert_eq!(missing["code"], json!("not_found"));
}

#[test]
fn institution_profile_round_trip_and_vocabulary() {
    let app = app();
    let vocab = call(&app, "vocabulary", json!({})).expect("vocabulary");
    assert_eq!(vocab["partner_types"].as_array().map(Vec::len), Some(9));
    assert_eq!(
        vocab["partner_types"][8]["label"],
        json!("Родительская общественность")
    );
    let err = call(
        &app,
        "institution_save",
        json!({ "input": { "full_name": "" } }),
    )
    .unwrap_err();
    assert_eq!(err["fields"][0]["field"], json!("full_name"));
    let saved = call(
        &app,
        "institution_save",
        json!({ "input": { "full_name": "МБУ ДО «Дом детского творчества»", "deficits": ["Спортивный зал"] } }),
    )
    .expect("save");
    assert_eq!(
        saved["short_name"],
        json!("МБУ ДО «Дом детского творчества»")
    );
    assert_eq!(
        call(&app, "institution_get", json!({})).expect("get"),
        saved
    );
}

#[test]
fn a_database_that_cannot_be_opened_is_reported_not_panicked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(partnernet::storage::DB_FILE);
    write_newer_db(&path);
    let state = AppState::new(Storage::open_dir(dir.path()));
    let app = app_with(state, dir);
    let err = call(&app, "app_info", json!({})).unwrap_err();
    assert_eq!(err["code"], json!("newer_database"));
    assert!(err["message"]
        .as_str()
        .is_some_and(|m| m.contains("более новой версией")));
}

/// A database whose schema version is ahead of this build.
fn write_newer_db(path: &std::path::Path) {
    // Written with the core's own storage, then the version bumped by SQL.
    let storage = Storage::open(path).expect("create");
    storage
        .conn()
        .execute_batch("PRAGMA user_version = 99;")
        .expect("bump");
}

#[test]
fn brochures_preview_errors_point_at_the_line_and_export_writes_a_pdf() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let list = call(&app, "brochures_list", json!({})).expect("list");
    let id = list[0]["id"].as_i64().expect("a demo brochure");
    let brochure = call(&app, "brochures_get", json!({ "id": id })).expect("get");
    let source = brochure["source"].as_str().expect("source").to_string();

    let broken = format!("{source}\n\n![картинка](a.png)\n");
    let err = call(&app, "brochures_preview", json!({ "source": broken })).unwrap_err();
    assert_eq!(err["code"], json!("document"));
    let line = broken.lines().count();
    assert_eq!(
        err["fields"][0]["field"],
        json!(format!("line.{line}")),
        "{err}"
    );

    let saved = call(
        &app,
        "brochures_update",
        json!({ "id": id, "source": broken }),
    )
    .expect("a draft with errors is kept");
    assert_eq!(saved["source"], json!(broken));
    call(
        &app,
        "brochures_update",
        json!({ "id": id, "source": source }),
    )
    .expect("fixed");

    let out = app.dir.path().join("брошюра.pdf");
    let written = call(
        &app,
        "brochures_export",
        json!({ "id": id, "format": "pdf", "path": out.to_str().expect("path") }),
    )
    .expect("export");
    assert_eq!(written, json!(out.to_str()));
    let bytes = std::fs::read(&out).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    // The same brochure as an editable Word document.
    let docx = app.dir.path().join("брошюра.docx");
    let written = call(
        &app,
        "brochures_export",
        json!({ "id": id, "format": "docx", "path": docx.to_str().expect("path") }),
    )
    .expect("docx");
    assert_eq!(written, json!(docx.to_str()));
    let bytes = std::fs::read(&docx).expect("docx written");
    assert!(bytes.starts_with(b"PK"), "a DOCX (zip)");

    let template = call(&app, "brochures_template", json!({})).expect("template");
    assert!(
        template
            .as_str()
            .is_some_and(|t| t.contains("Дом детского творчества")),
        "{template}"
    );
}
