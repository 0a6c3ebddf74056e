//! The one search (Ctrl+K) and the calendar's search over its school year
//! through the mock runtime, on the demo: the JSON the palette and the
//! calendar read.

mod common;

use common::{app, call};
use serde_json::json;

#[test]
fn the_search_finds_the_library_first_and_says_what_to_open() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    // The palette asks with an empty query as it opens: nothing, no error.
    let empty = call(&app, "search_everything", json!({ "query": "" })).expect("empty");
    assert_eq!(empty["groups"], json!([]));

    let found = call(
        &app,
        "search_everything",
        json!({ "query": "библиотеки", "limit": 5 }),
    )
    .expect("search");
    let first = &found["groups"][0];
    assert_eq!(first["kind"], json!("partner"), "{found}");
    assert_eq!(first["label"], json!("Партнёры"));
    assert_eq!(first["items"][0]["title"], json!("МБУК «ЦБС»"));
    assert_eq!(first["items"][0]["open"]["kind"], json!("partner"));
    assert!(first["items"][0]["open"]["id"].is_i64());
    let kinds: Vec<&str> = found["groups"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|g| g["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"person") && kinds.contains(&"event"),
        "{kinds:?}"
    );
    let event = found["groups"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|g| g["kind"] == json!("event"))
        .map(|g| g["items"][0]["open"].clone())
        .expect("event");
    assert!(
        event["date"].as_str().is_some_and(|d| d.len() == 10),
        "{event}"
    );
}

#[test]
fn the_calendars_search_lists_the_whole_year() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let filter = json!({
        "from": "2026-09-01", "to": "2027-08-31",
        "form_ids": [], "partner_id": null, "statuses": [], "query": "вебинар"
    });
    let all = call(&app, "search_events", json!({ "filter": filter.clone() })).expect("year");
    let total = all["total"].as_u64().unwrap_or(0);
    assert!(total >= 2, "{all}");
    let one = call(
        &app,
        "search_events",
        json!({ "filter": filter, "limit": 1 }),
    )
    .expect("one");
    assert_eq!(one["total"].as_u64(), Some(total));
    assert_eq!(one["occurrences"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["occurrences"][0], all["occurrences"][0]);
}
