//! Ties, dated notes and the timeline of a partner through the commands on
//! the mock runtime: added, listed, changed and removed; the timeline shows
//! them; a refused form crosses as `{code: "validation", fields}`.

mod common;

use common::{app_with, call, App};
use partnernet::{partners, Storage};
use partnernet_app::state::AppState;
use serde_json::{json, Value};

/// A data folder with two demo partners, and the app on it.
fn app_with_two() -> (App, i64, i64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = {
        let mut storage = Storage::open_dir(dir.path()).expect("storage");
        let now = chrono::NaiveDate::from_ymd_opt(2025, 8, 20)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("now");
        let mut demo = partnernet::demo::partners().into_iter();
        let mut create = || {
            let mut input = demo.next().expect("demo partner");
            // The old notes field would become a dated note of its own.
            input.notes.clear();
            partners::create(&mut storage, input, now)
                .expect("partner")
                .id
        };
        (create(), create())
    };
    let state = AppState::new(Storage::open_dir(dir.path()));
    (app_with(state, dir), a, b)
}

fn fields(err: &Value) -> Vec<&str> {
    err["fields"]
        .as_array()
        .map(|f| f.iter().filter_map(|f| f["field"].as_str()).collect())
        .unwrap_or_default()
}

fn timeline(app: &App, id: i64, filter: Value) -> Vec<Value> {
    call(
        app,
        "partners_timeline",
        json!({ "id": id, "filter": filter }),
    )
    .expect("timeline")
    .as_array()
    .cloned()
    .expect("a list")
}

#[test]
fn a_tie_and_a_note_added_through_the_commands_are_in_the_timeline() {
    let (app, a, b) = app_with_two();
    let tie = call(
        &app,
        "partners_tie_add",
        json!({ "input": {
            "first_id": a, "second_id": b, "kind": "patronage",
            "start_date": "2025-09-01", "end_date": null, "note": ""
        }}),
    )
    .expect("tie");
    let tie_id = tie["id"].as_i64().expect("tie id");
    assert_eq!(tie["kind"], json!("patronage"));
    let listed = call(&app, "partners_ties", json!({ "id": b })).expect("ties of b");
    assert_eq!(listed, json!([tie]));

    let note = call(
        &app,
        "partners_note_add",
        json!({ "partnerId": a, "input": { "date": "2025-10-01", "text": "  Обсудили план на год " } }),
    )
    .expect("note");
    let note_id = note["id"].as_i64().expect("note id");
    assert_eq!(note["text"], json!("Обсудили план на год"));
    let listed = call(&app, "partners_notes", json!({ "id": a })).expect("notes");
    assert_eq!(listed, json!([note]));

    let only = json!({ "kinds": ["tie", "note"] });
    let list = timeline(&app, a, only.clone());
    let shape: Vec<(Value, Value, Value)> = list
        .iter()
        .map(|e| (e["kind"].clone(), e["date"].clone(), e["target"].clone()))
        .collect();
    assert_eq!(
        shape,
        vec![
            (
                json!("note"),
                json!("2025-10-01"),
                json!({ "kind": "note", "id": note_id })
            ),
            (
                json!("tie"),
                json!("2025-09-01"),
                json!({ "kind": "tie", "id": tie_id })
            ),
        ]
    );
    assert_eq!(list[0]["detail"], json!("Обсудили план на год"));
    assert!(
        list[1]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Начало связи: шефство с «")),
        "{}",
        list[1]
    );
    // Without a filter the card's creation is there too, and nothing
    // outside the dates asked for.
    let everything = timeline(&app, a, json!({}));
    assert!(everything.len() > list.len(), "{everything:?}");
    let dated = timeline(&app, a, json!({ "from": "2025-09-15", "to": "2025-12-31" }));
    assert_eq!(dated.len(), 1, "{dated:?}");
    assert_eq!(dated[0]["kind"], json!("note"));

    // Changed: the tie ends, the note is rewritten.
    call(
        &app,
        "partners_tie_update",
        json!({ "id": tie_id, "input": {
            "first_id": a, "second_id": b, "kind": "patronage",
            "start_date": "2025-09-01", "end_date": "2025-12-31", "note": ""
        }}),
    )
    .expect("tie update");
    call(
        &app,
        "partners_note_update",
        json!({ "id": note_id, "input": { "date": "2025-10-02", "text": "План согласован" } }),
    )
    .expect("note update");
    let list = timeline(&app, a, only.clone());
    let kinds: Vec<(&str, &str)> = list
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or_default(),
                e["date"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("tie", "2025-12-31"),
            ("note", "2025-10-02"),
            ("tie", "2025-09-01")
        ]
    );

    // Removed: gone from the lists and the timeline.
    call(&app, "partners_tie_remove", json!({ "id": tie_id })).expect("remove");
    call(&app, "partners_note_delete", json!({ "id": note_id })).expect("delete");
    assert_eq!(
        call(&app, "partners_ties", json!({ "id": a })).expect("ties"),
        json!([])
    );
    assert_eq!(
        call(&app, "partners_notes", json!({ "id": a })).expect("notes"),
        json!([])
    );
    assert_eq!(timeline(&app, a, only), Vec::<Value>::new());
}

#[test]
fn refused_forms_cross_as_validation_errors_with_their_fields() {
    let (app, a, _b) = app_with_two();
    let err = call(
        &app,
        "partners_tie_add",
        json!({ "input": {
            "first_id": a, "second_id": a, "kind": "other",
            "start_date": null, "end_date": null, "note": ""
        }}),
    )
    .unwrap_err();
    assert_eq!(err["code"], json!("validation"), "{err}");
    let mut got = fields(&err);
    got.sort_unstable();
    assert_eq!(got, vec!["note", "second_id", "start_date"], "{err}");
    assert!(
        err["fields"][0]["message"]
            .as_str()
            .is_some_and(|m| m.chars().any(|c| ('а'..='я').contains(&c))),
        "{err}"
    );
    assert_eq!(
        call(&app, "partners_ties", json!({ "id": a })).expect("ties"),
        json!([])
    );

    let err = call(
        &app,
        "partners_note_add",
        json!({ "partnerId": a, "input": { "date": "2025-10-01", "text": "   " } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], json!("validation"), "{err}");
    assert_eq!(fields(&err), vec!["text"], "{err}");

    let err = call(
        &app,
        "partners_timeline",
        json!({ "id": a, "filter": { "from": "2025-10-01", "to": "2025-09-01" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], json!("validation"), "{err}");
    assert_eq!(fields(&err), vec!["to"], "{err}");

    let err = call(
        &app,
        "partners_timeline",
        json!({ "id": 9999, "filter": {} }),
    )
    .unwrap_err();
    assert_eq!(err["code"], json!("not_found"), "{err}");
}
