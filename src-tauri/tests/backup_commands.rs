//! The backups' commands on the mock runtime: create, restore (the storage
//! is reopened under the state's lock and the next command sees the
//! restored data), a refused restore with its Russian message, the folder.

mod common;

use common::{app_with, call, App};
use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::{json, Value};

fn demo_app() -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, partnernet_app::state::now()).expect("demo");
    app_with(AppState::new(Ok(storage)), dir)
}

const FILTER: &str = r#"{"query": "", "types": [], "relation_kinds": [], "stages": []}"#;

fn partner_ids(app: &App) -> Vec<i64> {
    let filter: Value = serde_json::from_str(FILTER).expect("filter");
    call(app, "partners_list", json!({ "filter": filter }))
        .expect("list")
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect()
}

#[test]
fn a_backup_is_made_and_restored_and_the_next_command_sees_the_restored_data() {
    let app = demo_app();
    let all = partner_ids(&app);
    let made = call(&app, "backups_create", json!({})).expect("create");
    assert_eq!(made["reason"], "manual");
    assert_eq!(made["partners"].as_u64(), Some(all.len() as u64));
    assert!(made["problem"].is_null(), "{made}");

    for id in &all[..3] {
        call(&app, "partners_trash", json!({ "id": id })).expect("trash");
    }
    assert_eq!(partner_ids(&app).len(), all.len() - 3);
    let restored = call(&app, "backups_restore", json!({ "path": made["path"] })).expect("restore");
    assert_eq!(restored["name"], made["name"]);
    assert_eq!(partner_ids(&app), all, "the reopened storage has them back");

    let list = call(&app, "backups_list", json!({})).expect("list");
    let backups = list["backups"].as_array().expect("backups");
    assert_eq!(backups.len(), 2, "{list}");
    assert_eq!(backups[0]["reason"], "restore");
    assert_eq!(backups[0]["reason_label"], "Перед восстановлением");
}

#[test]
fn a_restore_of_a_wrong_path_is_refused_in_russian_and_the_folder_moves() {
    let app = demo_app();
    let err = call(
        &app,
        "backups_restore",
        json!({ "path": app.dir.path().join("нет такой").display().to_string() }),
    )
    .expect_err("refused");
    assert_eq!(err["code"], "bad_input");
    let message = err["message"].as_str().unwrap_or_default();
    assert!(message.contains("резервной копии «"), "{message}");

    let stick = tempfile::tempdir().expect("stick");
    let moved = call(
        &app,
        "backups_set_folder",
        json!({ "folder": stick.path().display().to_string() }),
    )
    .expect("move");
    assert_eq!(moved["default_folder"], false);
    assert_eq!(moved["folder"], stick.path().display().to_string());
    let made = call(&app, "backups_create", json!({})).expect("create");
    assert!(made["path"]
        .as_str()
        .unwrap_or_default()
        .starts_with(&stick.path().display().to_string()));
    let back = call(&app, "backups_set_folder", json!({ "folder": null })).expect("back");
    assert_eq!(back["default_folder"], true);
}
