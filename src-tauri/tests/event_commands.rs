//! Event commands through the mock runtime: a refused form with Russian
//! messages on dotted fields, a series saved with a conflict, the calendar's
//! occurrences, a drag (reschedule), an occurrence cancelled and reset, and
//! the calendar range cut per day.

mod common;

use common::{app, call};
use serde_json::{json, Value};

fn partner_ids(app: &common::App) -> Vec<i64> {
    let list = call(
        app,
        "partners_list",
        json!({ "filter": { "query": "", "types": [], "relation_kinds": [], "stages": [] } }),
    )
    .expect("partners");
    list.as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_i64())
        .collect()
}

fn seminar_form(app: &common::App) -> i64 {
    let forms = call(app, "events_forms", json!({})).expect("forms");
    let forms = forms.as_array().expect("array");
    assert!(forms.len() >= 10, "the built-in forms: {forms:?}");
    assert_eq!(forms[0]["name"], json!("семинар"), "{:?}", forms[0]);
    forms[0]["id"].as_i64().expect("id")
}

fn series(form: i64, partners: &[i64]) -> Value {
    json!({
        "form_id": form,
        "title": "Семинар «Проектная деятельность в сетевом формате»",
        "start": "2027-02-01T15:00:00",
        "end": "2027-02-01T16:30:00",
        "place": "Малый зал, ул. Школьная, 7",
        "partner_ids": partners,
        "audience": ["teachers"],
        "planned_count": 25,
        "responsible": "Гришина Е.А.",
        "recurrence": { "frequency": "weekly", "interval": 1, "weekdays": [1], "count": 6 }
    })
}

fn messages(err: &Value) -> Vec<(String, String)> {
    err["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn cyrillic(s: &str) -> bool {
    s.chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
}

#[test]
fn a_bad_form_is_refused_with_russian_messages_and_nothing_is_saved() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let form = seminar_form(&app);
    let bad = json!({
        "form_id": form,
        "title": "  ",
        "start": "2027-02-01T15:00:00",
        "end": "2027-02-01T14:00:00",
        "planned_count": -3,
        "link": "не ссылка"
    });
    let checked =
        call(&app, "events_validate", json!({ "input": bad, "id": null })).expect("check");
    assert!(
        checked.as_array().is_some_and(|a| a.len() >= 3),
        "{checked}"
    );

    let before = call(
        &app,
        "events_occurrences",
        json!({ "filter": { "from": "2027-01-25", "to": "2027-02-07" } }),
    )
    .expect("occurrences");
    let err = call(&app, "events_create", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["code"], json!("validation"), "{err}");
    assert!(err["message"].as_str().is_some_and(cyrillic), "{err}");
    let fields = messages(&err);
    for (field, message) in &fields {
        assert!(cyrillic(message), "{field}: {message}");
    }
    for expected in ["title", "end", "planned_count", "link"] {
        assert!(
            fields.iter().any(|(f, _)| f == expected),
            "a message on «{expected}»: {fields:?}"
        );
    }
    let after = call(
        &app,
        "events_occurrences",
        json!({ "filter": { "from": "2027-01-25", "to": "2027-02-07" } }),
    )
    .expect("occurrences");
    assert_eq!(before, after, "nothing was saved");

    let bad_rule = json!({
        "form_id": form,
        "title": "Серия без конца",
        "start": "2027-02-01T15:00:00",
        "end": "2027-02-01T16:00:00",
        "recurrence": { "frequency": "weekly", "interval": 0, "weekdays": [] }
    });
    let err = call(&app, "events_create", json!({ "input": bad_rule })).unwrap_err();
    let fields = messages(&err);
    assert!(
        fields.iter().any(|(f, _)| f.starts_with("recurrence")),
        "the rule's problems are on recurrence.*: {fields:?}"
    );
}

#[test]
fn a_series_with_an_overlapping_event_is_saved_with_a_conflict_naming_it() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let form = seminar_form(&app);
    let ids = partner_ids(&app);
    let saved = call(
        &app,
        "events_create",
        json!({ "input": series(form, &ids[..2]) }),
    )
    .expect("series");
    let series_id = saved["event"]["id"].as_i64().expect("id");
    assert!(saved["event"]["uid"]
        .as_str()
        .is_some_and(|u| !u.is_empty()));

    let occ = call(
        &app,
        "events_occurrences",
        json!({ "filter": { "from": "2027-02-01", "to": "2027-03-31", "partner_id": ids[0] } }),
    )
    .expect("occurrences");
    let mine: Vec<&Value> = occ
        .as_array()
        .expect("array")
        .iter()
        .filter(|o| o["event_id"].as_i64() == Some(series_id))
        .collect();
    assert_eq!(mine.len(), 6, "six Mondays: {occ}");
    assert_eq!(mine[1]["date"], json!("2027-02-08"));
    assert_eq!(mine[1]["start"], json!("2027-02-08T15:00:00"));
    assert_eq!(mine[1]["recurring"], json!(true));
    assert_eq!(mine[1]["partners"].as_array().map(Vec::len), Some(2));

    let overlap = json!({
        "form_id": form,
        "title": "Круглый стол «Наставничество»",
        "start": "2027-02-15T16:00:00",
        "end": "2027-02-15T17:00:00",
        "place": "Малый зал, ул. Школьная, 7"
    });
    let saved = call(&app, "events_create", json!({ "input": overlap })).expect("saved anyway");
    let conflicts = saved["conflicts"].as_array().expect("conflicts");
    assert!(
        conflicts
            .iter()
            .any(|c| c["other_event_id"].as_i64() == Some(series_id)
                && c["reason"] == json!("place")
                && c["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("Проектная деятельность"))),
        "the conflict names the series: {conflicts:?}"
    );
    let other_id = saved["event"]["id"].as_i64().expect("id");
    let again = call(&app, "events_conflicts", json!({ "id": series_id })).expect("conflicts");
    assert!(
        again.as_array().is_some_and(|c| c
            .iter()
            .any(|c| c["other_event_id"].as_i64() == Some(other_id))),
        "{again}"
    );

    // The overlapping event goes to the trash and back.
    call(&app, "events_trash", json!({ "id": other_id })).expect("trash");
    let trash = call(&app, "events_trash_list", json!({})).expect("trash list");
    assert!(trash
        .as_array()
        .is_some_and(|t| t.iter().any(|e| e["id"].as_i64() == Some(other_id))));
    call(&app, "events_restore", json!({ "id": other_id })).expect("restore");
    let of_partner =
        call(&app, "events_of_partner", json!({ "partnerId": ids[1] })).expect("of partner");
    assert!(of_partner
        .as_array()
        .is_some_and(|o| o.iter().any(|o| o["event_id"].as_i64() == Some(series_id))));
    let digest = call(&app, "events_digest", json!({})).expect("digest");
    assert!(digest["week_from"].as_str().is_some(), "{digest}");
}

#[test]
fn a_drag_moves_a_single_event_and_one_occurrence_of_a_series() {
    let app = app();
    call(&app, "demo_fill", json!({})).expect("demo");
    let form = seminar_form(&app);
    let ids = partner_ids(&app);
    let single = call(
        &app,
        "events_create",
        json!({ "input": {
            "form_id": form,
            "title": "Встреча по обмену опытом",
            "start": "2027-03-03T10:00:00",
            "end": "2027-03-03T11:00:00",
            "place": "Кабинет 12"
        } }),
    )
    .expect("single");
    let single_id = single["event"]["id"].as_i64().expect("id");
    let moved = call(
        &app,
        "events_reschedule",
        json!({ "id": single_id, "date": "2027-03-03", "start": "2027-03-04T12:00:00", "end": "2027-03-04T13:30:00" }),
    )
    .expect("moved");
    assert_eq!(moved["event"]["start"], json!("2027-03-04T12:00:00"));
    assert_eq!(moved["event"]["end"], json!("2027-03-04T13:30:00"));

    let series_id = call(
        &app,
        "events_create",
        json!({ "input": series(form, &ids[..1]) }),
    )
    .expect("series")["event"]["id"]
        .as_i64()
        .expect("id");
    let moved = call(
        &app,
        "events_reschedule",
        json!({ "id": series_id, "date": "2027-02-08", "start": "2027-02-09T15:00:00", "end": "2027-02-09T16:30:00" }),
    )
    .expect("occurrence moved");
    let changes = moved["event"]["changes"].as_array().expect("changes");
    assert!(
        changes.iter().any(|c| c["date"] == json!("2027-02-08")
            && c["start"] == json!("2027-02-09T15:00:00")),
        "{changes:?}"
    );
    let occ = call(
        &app,
        "events_occurrences",
        json!({ "filter": { "from": "2027-02-08", "to": "2027-02-14" } }),
    )
    .expect("occurrences");
    let o = occ
        .as_array()
        .expect("array")
        .iter()
        .find(|o| o["event_id"].as_i64() == Some(series_id))
        .expect("the moved occurrence is in its week");
    assert_eq!(o["date"], json!("2027-02-08"), "keyed by the rule's date");
    assert_eq!(o["start"], json!("2027-02-09T15:00:00"));
    assert_eq!(o["changed"], json!(true));

    // Cancel another occurrence, then undo both.
    call(
        &app,
        "events_change_occurrence",
        json!({ "id": series_id, "change": { "date": "2027-02-15", "status": "cancelled" } }),
    )
    .expect("cancelled");
    let occ = call(
        &app,
        "events_occurrences",
        json!({ "filter": { "from": "2027-02-15", "to": "2027-02-15", "statuses": ["cancelled"] } }),
    )
    .expect("occurrences");
    assert!(occ
        .as_array()
        .is_some_and(|o| o.iter().any(|o| o["event_id"].as_i64() == Some(series_id))));
    for date in ["2027-02-08", "2027-02-15"] {
        call(
            &app,
            "events_reset_occurrence",
            json!({ "id": series_id, "date": date }),
        )
        .expect("reset");
    }
    let event = call(&app, "events_get", json!({ "id": series_id })).expect("get");
    assert_eq!(event["changes"], json!([]), "{event}");
    let missing = call(&app, "events_get", json!({ "id": 999_999 })).unwrap_err();
    assert!(
        missing["message"].as_str().is_some_and(cyrillic),
        "{missing}"
    );
}

#[test]
fn the_calendar_range_is_cut_per_day_and_counts_the_rest() {
    let app = app();
    let form = seminar_form(&app);
    for h in 9..15 {
        let input = json!({
            "form_id": form,
            "title": format!("Занятие в {h}"),
            "start": format!("2027-02-03T{h:02}:00:00"),
            "end": format!("2027-02-03T{h:02}:45:00"),
        });
        call(&app, "events_create", json!({ "input": input })).expect("create");
    }
    let month = json!({ "from": "2027-02-01", "to": "2027-02-28" });
    let range = call(
        &app,
        "events_range",
        json!({ "query": { "filter": month, "per_day": 4, "offset": 0, "limit": 0, "event_id": null } }),
    )
    .expect("range");
    assert_eq!(range["total"], json!(6), "{range}");
    assert_eq!(
        range["occurrences"].as_array().map(Vec::len),
        Some(3),
        "{range}"
    );
    assert_eq!(
        range["crowded"],
        json!([{ "day": "2027-02-03", "total": 6 }]),
        "{range}"
    );
    // The list's page: the first two, in time order.
    let page = call(
        &app,
        "events_range",
        json!({ "query": { "filter": month, "limit": 2 } }),
    )
    .expect("page");
    let titles: Vec<&str> = page["occurrences"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|o| o["title"].as_str())
        .collect();
    assert_eq!(titles, ["Занятие в 9", "Занятие в 10"]);
    // A range the wrong way round holds nothing.
    let back = call(
        &app,
        "events_range",
        json!({ "query": { "filter": { "from": "2027-02-28", "to": "2027-02-01" }, "per_day": 4 } }),
    )
    .expect("reversed");
    assert_eq!(back["total"], json!(0), "{back}");
}
