//! Настройки → «Свои поля» through the commands on the mock runtime: a field
//! added, a partner saved with its value, the list filtered by it, a refused
//! value crossing as `{code: "validation", fields}` on `own_fields.<id>`,
//! the field reordered and removed.

mod common;

use common::{app_with, call, App};
use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::{json, Value};

fn app() -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::new(Storage::open_dir(dir.path()));
    app_with(state, dir)
}

fn partner(name: &str, own: Value) -> Value {
    json!({ "input": { "full_name": name, "partner_type": "parent_community", "own_fields": own } })
}

#[test]
fn her_fields_cross_the_boundary_and_a_bad_value_is_refused_on_its_field() {
    let app = app();
    let date = call(
        &app,
        "own_fields_add",
        json!({ "input": { "name": "Дата аккредитации", "kind": "date", "options": [] } }),
    )
    .expect("add");
    let id = date["id"].as_i64().expect("id");
    let list = call(
        &app,
        "own_fields_add",
        json!({ "input": { "name": "Профиль", "kind": "choice", "options": ["Школа", "Музей"] } }),
    )
    .expect("add");
    let list_id = list["id"].as_i64().expect("id");

    let err = call(
        &app,
        "partners_create",
        partner(
            "Родители 1",
            json!([{ "field_id": id, "value": "31.02.2026" }]),
        ),
    )
    .expect_err("refused");
    assert_eq!(err["code"], "validation");
    assert_eq!(err["fields"][0]["field"], format!("own_fields.{id}"));
    assert_eq!(
        err["fields"][0]["message"],
        "Поле «Дата аккредитации»: 31.02.2026 — такой даты нет; проверьте число и месяц."
    );

    let saved = call(
        &app,
        "partners_create",
        partner(
            "Родители 2",
            json!([{ "field_id": id, "value": "01.02.2026" }, { "field_id": list_id, "value": "музей" }]),
        ),
    )
    .expect("saved");
    assert_eq!(
        saved["own_fields"],
        json!([{ "field_id": id, "value": "2026-02-01" }, { "field_id": list_id, "value": "Музей" }])
    );
    call(&app, "partners_create", partner("Родители 3", json!([]))).expect("saved");
    let filter = json!({ "filter": { "query": "", "types": [], "relation_kinds": [], "stages": [],
        "own_fields": [{ "field_id": list_id, "values": ["Музей"], "contains": "" }] } });
    let found = call(&app, "partners_list", filter).expect("list");
    let names: Vec<&str> = found
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["short_name"].as_str())
        .collect();
    assert_eq!(names, ["Родители 2"]);

    let order = call(&app, "own_fields_reorder", json!({ "ids": [list_id, id] })).expect("reorder");
    assert_eq!(order[0]["name"], "Профиль");
    assert_eq!(order[1]["used_by"], 1);
    call(&app, "own_fields_remove", json!({ "id": id })).expect("remove");
    let left = call(&app, "own_fields_list", json!({})).expect("list");
    assert_eq!(left.as_array().map(Vec::len), Some(1));
}
