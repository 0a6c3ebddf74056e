//! «Контакты» through the commands on the mock runtime: the search by a
//! case form, the card, an edit (a refused one crosses as `{code:
//! "validation", fields}`), the merge and the history, and the export of
//! the list through the one export command.

mod common;

use common::{app_with, call, App};
use partnernet::{partners, Storage};
use partnernet_app::state::AppState;
use serde_json::{json, Value};

/// A data folder with the demo partners, and the app on it.
fn demo_app() -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut storage = Storage::open_dir(dir.path()).expect("storage");
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("now");
        for mut input in partnernet::demo::partners().into_iter().take(6) {
            input.notes.clear();
            partners::create(&mut storage, input, now).expect("partner");
        }
    }
    let state = AppState::new(Storage::open_dir(dir.path()));
    app_with(state, dir)
}

fn search(app: &App, query: &str) -> Vec<Value> {
    call(
        app,
        "persons_search",
        json!({ "filter": { "query": query } }),
    )
    .expect("search")
    .as_array()
    .cloned()
    .expect("a list")
}

#[test]
fn a_person_is_found_edited_merged_and_exported_through_the_commands() {
    let app = demo_app();
    let all = search(&app, "");
    assert!(all.len() >= 2, "{all:?}");
    let first = &all[0];
    let surname = first["surname"].as_str().expect("surname").to_string();
    let id = first["id"].as_i64().expect("id");
    // The genitive of a feminine surname in -ова / -ина finds the person too.
    let genitive = match surname.strip_suffix('а') {
        Some(stem) => format!("{stem}ой"),
        None => surname.clone(),
    };
    assert!(
        search(&app, &genitive).iter().any(|p| p["id"] == id),
        "{genitive}"
    );

    let card = call(&app, "persons_get", json!({ "id": id })).expect("card");
    let partner_id = card["memberships"][0]["partner_id"].as_i64().expect("org");
    let input = |phone: &str| {
        json!({
            "surname": card["surname"],
            "name": card["name"],
            "patronymic": card["patronymic"],
            "memberships": [{ "partner_id": partner_id, "role": "методист", "phone": phone, "email": "" }],
        })
    };
    let refused = call(
        &app,
        "persons_update",
        json!({ "id": id, "input": input("12") }),
    )
    .expect_err("a bad phone");
    assert_eq!(refused["code"], "validation");
    assert_eq!(refused["fields"][0]["field"], "memberships.0.phone");
    let problems = call(
        &app,
        "persons_validate",
        json!({ "id": id, "input": input("12") }),
    )
    .expect("validate");
    assert_eq!(problems.as_array().map(Vec::len), Some(1));
    let saved = call(
        &app,
        "persons_update",
        json!({ "id": id, "input": input("8 910 111 22 33") }),
    )
    .expect("saved");
    assert_eq!(saved["memberships"][0]["phone"], "+7 (910) 111-22-33");

    let other = all[1]["id"].as_i64().expect("other");
    let merged = call(&app, "persons_merge", json!({ "keep": id, "other": other })).expect("merge");
    assert_eq!(merged["id"], id);
    let gone = call(&app, "persons_get", json!({ "id": other })).expect_err("gone");
    assert_eq!(gone["code"], "not_found");
    let history = call(&app, "persons_history", json!({ "id": id })).expect("history");
    assert_eq!(history[0]["field"], "Объединение");
    let same = call(&app, "persons_merge", json!({ "keep": id, "other": id })).expect_err("self");
    assert_eq!(same["code"], "bad_input");
    assert!(same["message"]
        .as_str()
        .unwrap_or("")
        .contains("самим собой"));

    let path = app.dir.path().join("Контакты.xlsx");
    let written = call(
        &app,
        "lists_export",
        json!({ "target": { "kind": "person_list", "ids": [id], "format": "xlsx" }, "path": path }),
    )
    .expect("export");
    assert!(std::path::Path::new(written.as_str().expect("path")).exists());
}
