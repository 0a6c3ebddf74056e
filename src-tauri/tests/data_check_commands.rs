//! Damaged rows through the mock runtime: on the demo with a partner and an
//! event broken by SQL, `app_damaged` names them for the window's notice,
//! `app_check_data` counts them by kind, and the partner list shows the rest.

mod common;

use common::{app, call};
use serde_json::json;

#[test]
fn the_damaged_rows_are_named_and_counted_and_the_list_shows_the_rest() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    assert_eq!(
        call(&app, "app_damaged", json!({})).expect("none"),
        json!([])
    );
    let before = call(&app, "partners_list", json!({ "filter": {} })).expect("list");

    let other = partnernet::Storage::open_dir(app.dir.path()).expect("second connection");
    other
        .conn()
        .execute_batch(
            "UPDATE partners SET stage_reached_on = 'x' WHERE id = 2;
             UPDATE events SET ends_at = '' WHERE id = 1;",
        )
        .expect("damage");

    let rows = call(&app, "app_damaged", json!({})).expect("damaged");
    let named: Vec<(String, i64)> = rows
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["kind"].as_str().unwrap_or_default().to_string(),
                r["id"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        named,
        [("partner".to_string(), 2), ("event".to_string(), 1)]
    );
    assert_eq!(rows[0]["kind_label"], json!("Партнёр"));

    let check = call(&app, "app_check_data", json!({})).expect("check");
    assert_eq!(check["file_ok"], json!(true));
    assert_eq!(
        check["counts"],
        json!([
            { "kind": "partner", "label": "партнёры", "count": 1 },
            { "kind": "event", "label": "мероприятия", "count": 1 },
        ])
    );
    let after = call(&app, "partners_list", json!({ "filter": {} })).expect("list");
    assert_eq!(
        after.as_array().map_or(0, Vec::len) + 1,
        before.as_array().map_or(0, Vec::len)
    );
}
