//! The day's notification and starting over on the mock runtime: the
//! notice the UI hands to the notification plugin, once a day (the
//! plugin's own commands are not reachable here: the mock context has no
//! plugin permissions; ui/src/lib/notifications/reminders.test.ts checks
//! the IPC to it and e2e/notifications.test.mjs a real notification
//! server); the demo found, removed after a backup, then the database
//! emptied after another; the next commands see the new data.

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

#[test]
fn the_notice_is_taken_once_a_day() {
    let app = demo_app();
    // The demo has an agreement ending within the window around today.
    let notice = call(&app, "notifications_take", json!({})).expect("take");
    assert!(notice.is_object(), "{notice}");
    let title = notice["title"].as_str().expect("title");
    assert!(
        title.contains("договор") || title.contains("мероприяти"),
        "{title}"
    );
    assert!(!notice["body"].as_str().expect("body").is_empty());
    assert_eq!(
        call(&app, "notifications_take", json!({})).expect("again"),
        Value::Null
    );
}

#[test]
fn the_demo_is_removed_then_the_database_emptied() {
    let app = demo_app();
    let present = call(&app, "demo_present", json!({})).expect("present");
    assert_eq!(present["partners"], 26, "{present}");
    assert_eq!(present["institution"], true);

    let removed = call(&app, "demo_remove", json!({})).expect("removed");
    assert_eq!(removed["removed"], present);
    assert!(removed["backup"]
        .as_str()
        .expect("name")
        .starts_with("partnernet-"));
    assert_eq!(
        call(&app, "demo_present", json!({})).expect("none"),
        Value::Null
    );
    assert_eq!(
        call(&app, "app_info", json!({})).expect("info")["is_empty"],
        true
    );
    let refused = call(&app, "demo_remove", json!({})).expect_err("nothing to remove");
    assert_eq!(refused["code"], "conflict", "{refused}");
    assert!(refused["message"]
        .as_str()
        .expect("message")
        .contains("нет"));

    call(&app, "demo_fill", json!({})).expect("the demo again");
    let emptied = call(&app, "app_start_over", json!({})).expect("start over");
    assert_eq!(emptied["partners"], 26, "{emptied}");
    assert_eq!(
        call(&app, "app_info", json!({})).expect("info")["is_empty"],
        true
    );
    let backups = call(&app, "backups_list", json!({})).expect("backups");
    let clear = backups["backups"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|b| b["reason"] == "clear")
        .count();
    assert_eq!(clear, 2);
}
