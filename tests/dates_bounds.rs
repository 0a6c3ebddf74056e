//! Dates the calendar can count with (issue 13): a year outside 1900–2200
//! is refused at every entry point with the field's name, and a row stored
//! before the bound (made here with raw SQL) never breaks a list, the plan
//! or the calendar: it is left out and named.

mod common;

use common::{cli, text};
use partnernet::events::model::{EventFilter, EventInput, Frequency, Recurrence};

/// The database of the data folder, for «nothing changed».
fn dump(dir: &std::path::Path) -> String {
    common::dump(&partnernet::Storage::open_dir(dir).expect("open"))
}

const FAR: &str = r#"{"form": "Семинар", "title": "Далёкое",
  "start": "+262142-01-01T10:00:00", "end": "+262142-01-01T11:00:00",
  "recurrence": {"frequency": "weekly", "interval": 1, "count": 5}}"#;

#[test]
fn an_event_in_year_262142_is_refused_with_the_fields_name() {
    let dir = tempfile::tempdir().expect("dir");
    let ok = r#"{"form": "Семинар", "title": "Обычное",
        "start": "2026-10-06T15:00:00", "end": "2026-10-06T16:00:00"}"#;
    assert!(cli(dir.path(), &["events", "add", "--json", "-"], Some(ok))
        .status
        .success());
    let before = dump(dir.path());

    let out = cli(dir.path(), &["events", "add", "--json", "-"], Some(FAR));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("Дата начала: год должен быть между 1900 и 2200, а указан 262142"),
        "{err}"
    );
    assert!(
        err.contains("Дата окончания: год должен быть между 1900 и 2200"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(dump(dir.path()), before, "nothing stored");

    // The list works on, and a check finds nothing wrong.
    let out = cli(
        dir.path(),
        &["events", "list", "--json", "--from", "01.09.2026"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = cli(dir.path(), &["check", "data"], None);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("Данные в порядке"));
}

#[test]
fn every_form_refuses_a_year_out_of_bounds() {
    let (_dir, mut storage) = common::open();
    let far = common::day(2301, 1, 1).and_hms_opt(10, 0, 0).expect("t");
    let input = EventInput {
        form_id: 1,
        title: "Серия".into(),
        start: common::t(2026, 9, 1, 10, 0),
        end: common::t(2026, 9, 1, 11, 0),
        recurrence: Some(Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: Vec::new(),
            until: Some(far.date()),
            count: None,
        }),
        ..EventInput::default()
    };
    let fields = partnernet::events::check(&storage, &input, None).expect("check");
    assert_eq!(fields.len(), 1, "{fields:?}");
    assert_eq!(fields[0].field, "recurrence.until");
    assert!(fields[0]
        .message
        .starts_with("Дата окончания серии: год должен быть между 1900"));

    let early = EventInput {
        start: common::t(1899, 12, 31, 10, 0),
        end: common::t(1899, 12, 31, 11, 0),
        recurrence: None,
        ..input
    };
    let err = partnernet::events::create(&mut storage, early, common::now())
        .expect_err("refused")
        .to_string();
    assert!(
        err.contains("Дата начала: год должен быть между 1900 и 2200, а указан 1899"),
        "{err}"
    );

    // A note of a partner and an agreement go through the same rule.
    let pid = partnernet::partners::create(&mut storage, common::school(1), common::now())
        .expect("school")
        .id;
    let note = partnernet::partners::model::NoteInput {
        date: Some(common::day(1800, 5, 1)),
        text: "Встреча".into(),
        ..Default::default()
    };
    let err = partnernet::partners::notes::add(&mut storage, pid, note, common::now())
        .expect_err("refused")
        .to_string();
    assert!(
        err.contains("Дата записи: год должен быть между 1900 и 2200"),
        "{err}"
    );
}

/// A series in year 262142 written past the checks, as before them.
fn store_far_series(db: &std::path::Path) {
    let conn = rusqlite::Connection::open(db).expect("db");
    conn.execute(
        "INSERT INTO events (uid, form_id, title, description, starts_at, ends_at, all_day,
            place, link, organiser, audience, status, results, responsible,
            rule_frequency, rule_interval, rule_weekdays, rule_count, created_at, updated_at)
         SELECT 'far@partnernet', form_id, 'Далёкое', '', '+262142-01-01T10:00:00',
            '+262142-01-01T11:00:00', 0, place, '', '', audience, 'planned', '', responsible,
            'weekly', 1, '', 5, created_at, updated_at FROM events LIMIT 1",
        [],
    )
    .expect("far row");
    conn.execute(
        "INSERT INTO events (uid, form_id, title, description, starts_at, ends_at, all_day,
            place, link, organiser, audience, status, results, responsible,
            created_at, updated_at)
         SELECT 'garbled@partnernet', form_id, 'Испорченное', '', 'вчера', 'завтра', 0,
            '', '', '', '', 'planned', '', '', created_at, updated_at FROM events LIMIT 1",
        [],
    )
    .expect("garbled row");
}

#[test]
fn a_stored_bad_row_never_breaks_the_list_the_plan_or_the_calendar() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    store_far_series(&dir.path().join("partnernet.sqlite3"));

    let out = cli(
        dir.path(),
        &["events", "list", "--json", "--from", "01.09.2026"],
        None,
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        list.len() > 30,
        "the demo's events are listed: {}",
        list.len()
    );
    assert!(list.iter().all(|o| o["title"] != "Далёкое"));
    assert!(
        err.contains("«Далёкое» не показывается") && err.contains("вне 1900–2200"),
        "{err}"
    );
    assert!(err.contains("«Испорченное» не показывается"), "{err}");

    for file in ["plan.pdf", "plan.xlsx", "plan.ics"] {
        let path = dir.path().join(file);
        let out = cli(
            dir.path(),
            &["plan", "--year", "2026", "-o", path.to_str().expect("path")],
            None,
        );
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        assert!(std::fs::metadata(&path).expect("written").len() > 1000);
    }

    // `check data` names both rows and fails.
    let out = cli(dir.path(), &["check", "data"], None);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}{}", text(&out.stderr));
    assert!(
        report.contains("№") && report.contains("«Далёкое»"),
        "{report}"
    );
    assert!(report.contains("«Испорченное»"), "{report}");

    // A new event's conflicts are computed with the bad rows around.
    let ok = r#"{"form": "Семинар", "title": "После",
        "start": "2026-10-06T15:00:00", "end": "2026-10-06T16:00:00"}"#;
    let out = cli(dir.path(), &["events", "add", "--json", "-"], Some(ok));
    assert!(out.status.success(), "{}", text(&out.stderr));

    // The core: the calendar's range, the digest, the damaged list.
    let storage = partnernet::Storage::open_dir(dir.path()).expect("open");
    let filter = EventFilter::default();
    assert!(!partnernet::events::occurrences(&storage, &filter)
        .expect("occurrences")
        .is_empty());
    partnernet::events::digest(&storage, common::now()).expect("digest");
    let damaged = partnernet::events::damaged(&storage).expect("damaged");
    assert_eq!(damaged.len(), 2, "{damaged:?}");
    // It is still there to be corrected or deleted.
    let far = partnernet::events::find_by_uid(&storage, "far@partnernet")
        .expect("find")
        .expect("far");
    assert_eq!(far.data.title, "Далёкое");
}
