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
    assert!(message.contains("Резервной копии «"), "{message}");

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

/// The app as `run` builds it, with a handle for what `run` does at start.
struct Started {
    app: tauri::App<tauri::test::MockRuntime>,
    window: tauri::WebviewWindow<tauri::test::MockRuntime>,
    dir: tempfile::TempDir,
}

fn started(dir: tempfile::TempDir, storage: Storage) -> Started {
    use tauri::test::{mock_builder, mock_context, noop_assets};
    let app = partnernet_app::with_commands(mock_builder(), AppState::new(Ok(storage)))
        .build(mock_context(noop_assets()))
        .expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");
    Started { app, window, dir }
}

fn ask(s: &Started, cmd: &str, args: Value) -> Result<Value, Value> {
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, INVOKE_KEY};
    let request = tauri::webview::InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&s.window, request).map(|b| b.deserialize::<Value>().expect("json"))
}

fn demo_storage() -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, partnernet_app::state::now()).expect("demo");
    (dir, storage)
}

#[test]
fn a_failed_backup_at_start_is_kept_for_the_window_with_its_reason_and_journalled() {
    let (dir, storage) = demo_storage();
    let logs = partnernet_app::journal::install(dir.path()).expect("journal");
    // The backups folder she chose is out of reach: a file where its
    // parent was (any user, root too, is refused there).
    let stick = dir.path().join("флешка");
    let chosen = stick.join("Копии");
    partnernet::backups::set_folder(&storage, Some(&chosen)).expect("chosen");
    std::fs::remove_dir_all(&stick).expect("stick out");
    std::fs::write(&stick, b"").expect("file");
    let s = started(dir, storage);

    let pending = ask(&s, "backups_start_outcome", json!({})).expect("asked");
    assert_eq!(pending, Value::Null, "nothing yet while the backup runs");
    partnernet_app::commands::backups::at_start(s.app.handle());
    let outcome = ask(&s, "backups_start_outcome", json!({})).expect("asked");
    assert_eq!(outcome["status"], "failed", "{outcome}");
    assert_eq!(outcome["folder"], chosen.display().to_string());
    let reason = outcome["reason"].as_str().unwrap_or_default();
    assert!(
        reason.starts_with("В папку «") && reason.contains("нельзя записать резервную копию"),
        "{reason}"
    );
    assert!(
        reason.contains("флешка или сетевой диск, проверьте, что он подключён"),
        "{reason}"
    );

    let journal: String = std::fs::read_dir(&logs)
        .expect("logs")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        journal.contains("резервная копия при запуске не создана: В папку"),
        "{journal}"
    );
    assert!(
        !journal.contains(&chosen.display().to_string()),
        "the path is masked in the journal: {journal}"
    );
    drop(s.dir);
}

#[test]
fn a_backup_made_at_start_and_her_rotation_counts_go_through_the_commands() {
    let (dir, storage) = demo_storage();
    let s = started(dir, storage);
    partnernet_app::commands::backups::at_start(s.app.handle());
    let outcome = ask(&s, "backups_start_outcome", json!({})).expect("asked");
    assert_eq!(outcome["status"], "made", "{outcome}");
    assert_eq!(outcome["backup"]["reason"], "start");
    assert!(outcome["backup"]["partners"].as_i64().unwrap_or_default() > 0);

    let list = ask(&s, "backups_list", json!({})).expect("list");
    assert_eq!(
        list["rotation"],
        json!({"daily": 7, "weekly": 4, "monthly": 12})
    );
    let err = ask(
        &s,
        "backups_set_rotation",
        json!({"rotation": {"daily": 0, "weekly": 4, "monthly": 12}}),
    )
    .expect_err("refused");
    assert_eq!(err["code"], "validation");
    assert_eq!(err["fields"][0]["field"], "daily");
    assert_eq!(
        err["fields"][0]["message"],
        "Число ежедневных копий — целое от 1 до 99, а указано 0."
    );
    let saved = ask(
        &s,
        "backups_set_rotation",
        json!({"rotation": {"daily": 10, "weekly": 8, "monthly": 24}}),
    )
    .expect("saved");
    assert_eq!(
        saved["rotation"],
        json!({"daily": 10, "weekly": 8, "monthly": 24})
    );
    assert_eq!(saved["backups"].as_array().map(Vec::len), Some(1));
}
