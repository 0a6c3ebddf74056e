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

/// The partners list as the window asks for it: the ordered ids, then the
/// rows of the screen, the same as the whole list sorted the same way.
#[test]
fn the_list_comes_as_ordered_ids_and_the_rows_of_the_screen() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let whole = call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    let whole: Vec<i64> = whole
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect();
    let sort = json!({ "key": "name", "dir": "asc" });
    let ids = call(
        &app,
        "partners_list_ids",
        json!({ "filter": {}, "sort": sort }),
    )
    .expect("ids");
    let ids: Vec<i64> = serde_json::from_value(ids).expect("numbers");
    assert_eq!(
        ids, whole,
        "the same partners in the same order as the list"
    );
    let desc = json!({ "key": "name", "dir": "desc" });
    let back = call(
        &app,
        "partners_list_ids",
        json!({ "filter": {}, "sort": desc }),
    )
    .expect("ids");
    let back: Vec<i64> = serde_json::from_value(back).expect("numbers");
    assert_eq!(back.first(), ids.last());

    let screen: Vec<i64> = ids.iter().skip(3).take(5).copied().collect();
    let rows = call(&app, "partners_summaries", json!({ "ids": screen })).expect("rows");
    let got: Vec<i64> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect();
    assert_eq!(got, screen);
    assert!(rows[0]["short_name"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
}

/// A 4 × 2 red PNG.
const TINY_PNG: [u8; 73] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 2, 8, 2, 0,
    0, 0, 240, 202, 234, 52, 0, 0, 0, 16, 73, 68, 65, 84, 120, 156, 99, 184, 35, 167, 1, 71, 12,
    200, 28, 0, 123, 138, 9, 17, 49, 135, 246, 131, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

/// «Изображение…»: the open dialog's options, the picture copied into the
/// data folder (its Markdown path back), the preview drawing it, a file
/// that is not a picture refused in Russian.
#[test]
fn brochures_add_image_copies_the_picture_for_the_preview() {
    let app = app();
    let dialog = call(&app, "exports_open_dialog", json!({ "purpose": "image" })).expect("dialog");
    assert_eq!(dialog["title"], json!("Вставить изображение в брошюру"));
    assert!(dialog["filters"][0]["extensions"]
        .as_array()
        .is_some_and(|e| e.contains(&json!("jpeg"))));
    let file = app.dir.path().join("рисунок.png");
    std::fs::write(&file, TINY_PNG).expect("write");
    let path = call(
        &app,
        "brochures_add_image",
        json!({ "path": file.to_str() }),
    )
    .expect("added");
    let path = path.as_str().expect("a path").to_string();
    assert!(
        path.starts_with("images/") && path.ends_with(".png"),
        "{path}"
    );
    assert!(app.dir.path().join(&path).is_file());
    let template = call(&app, "brochures_template", json!({})).expect("template");
    let source = format!("{}\n![Рисунок]({path})\n", template.as_str().expect("text"));
    call(&app, "brochures_preview", json!({ "source": source })).expect("the preview draws it");

    let text = app.dir.path().join("текст.png");
    std::fs::write(&text, "не картинка").expect("write");
    let err = call(
        &app,
        "brochures_add_image",
        json!({ "path": text.to_str() }),
    )
    .unwrap_err();
    assert_eq!(err["code"], json!("bad_input"), "{err}");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("«текст.png» не является изображением PNG или JPEG")),
        "{err}"
    );
}
