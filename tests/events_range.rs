//! The calendar's visible range at scale on real SQLite files: a day cut to
//! its first rows and the count of the rest, filters applied before the
//! cut, series occurrences and a moved one counted on its new day, the
//! list's pages, and the same occurrences as the plain range read.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{day, now, open, t};
use partnernet::events::{
    self,
    model::{
        EventFilter, EventInput, EventStatus, Frequency, Occurrence, OccurrenceChange, Recurrence,
    },
    CalendarRange, DayCount, RangeQuery,
};
use partnernet::Storage;

/// «семинар» and «конференция» (the migration seeds them first).
const SEMINAR: i64 = 1;
const CONFERENCE: i64 = 2;

fn add(storage: &mut Storage, title: &str, start: NaiveDateTime, end: NaiveDateTime) -> i64 {
    add_input(
        storage,
        EventInput {
            form_id: SEMINAR,
            title: title.into(),
            start,
            end,
            ..EventInput::default()
        },
    )
}

fn add_input(storage: &mut Storage, input: EventInput) -> i64 {
    events::create(storage, input, now())
        .expect("create")
        .event
        .id
}

fn query(from: NaiveDate, to: NaiveDate, per_day: u32) -> RangeQuery {
    RangeQuery {
        filter: EventFilter {
            from: Some(from),
            to: Some(to),
            ..EventFilter::default()
        },
        per_day,
        ..RangeQuery::default()
    }
}

fn titles(range: &CalendarRange) -> Vec<String> {
    range.occurrences.iter().map(|o| o.title.clone()).collect()
}

/// 14.10.2026: a whole-day event and six at 9…14 o'clock; 15.10: two.
fn busy_week(storage: &mut Storage) {
    for h in (9..15).rev() {
        add(
            storage,
            &format!("Занятие {h}"),
            t(2026, 10, 14, h, 0),
            t(2026, 10, 14, h, 45),
        );
    }
    add_input(
        storage,
        EventInput {
            form_id: CONFERENCE,
            title: "Конференция".into(),
            start: t(2026, 10, 14, 0, 0),
            end: t(2026, 10, 14, 0, 0),
            all_day: true,
            ..EventInput::default()
        },
    );
    add(
        storage,
        "Встреча",
        t(2026, 10, 15, 10, 0),
        t(2026, 10, 15, 11, 0),
    );
    add(
        storage,
        "Совет",
        t(2026, 10, 15, 9, 0),
        t(2026, 10, 15, 9, 30),
    );
}

#[test]
fn a_crowded_day_draws_its_first_rows_and_counts_the_rest() {
    let (_dir, mut storage) = open();
    busy_week(&mut storage);
    let range = events::calendar_range(&storage, &query(day(2026, 10, 12), day(2026, 10, 18), 4))
        .expect("range");
    assert_eq!(range.total, 9);
    assert_eq!(
        titles(&range),
        ["Конференция", "Занятие 9", "Занятие 10", "Совет", "Встреча"],
        "the whole day first, then by start; one row fewer on a crowded day"
    );
    assert_eq!(
        range.crowded,
        [DayCount {
            day: day(2026, 10, 14),
            total: 7
        }]
    );

    // Exactly as many as fit: no «+ ещё».
    let roomy = events::calendar_range(&storage, &query(day(2026, 10, 12), day(2026, 10, 18), 7))
        .expect("range");
    assert_eq!(roomy.occurrences.len(), 9);
    assert!(roomy.crowded.is_empty());

    // No cap: every occurrence, as the plain read gives them.
    let all = events::calendar_range(&storage, &query(day(2026, 10, 12), day(2026, 10, 18), 0))
        .expect("range");
    let plain = events::occurrences(
        &storage,
        &query(day(2026, 10, 12), day(2026, 10, 18), 0).filter,
    )
    .expect("occurrences");
    assert_eq!(all.occurrences.len(), 9);
    let key = |o: &Occurrence| (o.event_id, o.date);
    let mut a: Vec<_> = all.occurrences.iter().map(key).collect();
    let mut b: Vec<_> = plain.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn a_week_column_is_spread_over_the_hours_of_its_day() {
    let (_dir, mut storage) = open();
    // 14.10: three at 9:00, three at 9:30, one at 11:00, one at 15:00.
    for (i, (h, m)) in [
        (9, 0),
        (9, 0),
        (9, 0),
        (9, 30),
        (9, 30),
        (9, 30),
        (11, 0),
        (15, 0),
    ]
    .into_iter()
    .enumerate()
    {
        add(
            &mut storage,
            &format!("№ {i}"),
            t(2026, 10, 14, h, m),
            t(2026, 10, 14, h, m + 20),
        );
    }
    let mut q = query(day(2026, 10, 12), day(2026, 10, 18), 4);
    q.spread = true;
    let range = events::calendar_range(&storage, &q).expect("range");
    let starts: Vec<_> = range.occurrences.iter().map(|o| o.start).collect();
    assert_eq!(
        starts,
        [
            t(2026, 10, 14, 9, 0),
            t(2026, 10, 14, 11, 0),
            t(2026, 10, 14, 15, 0)
        ],
        "one of each hour, in time order"
    );
    assert_eq!(range.crowded[0].total, 8);
    q.per_day = 6;
    let range = events::calendar_range(&storage, &q).expect("range");
    // Then the second and third of nine o’clock (9:30 is the same hour).
    assert_eq!(titles(&range), ["№ 0", "№ 1", "№ 2", "№ 6", "№ 7"]);
}

#[test]
fn filters_apply_before_the_cap() {
    let (_dir, mut storage) = open();
    busy_week(&mut storage);
    let mut q = query(day(2026, 10, 12), day(2026, 10, 18), 4);
    q.filter.query = "занятие".into();
    let range = events::calendar_range(&storage, &q).expect("range");
    assert_eq!(range.total, 6);
    assert_eq!(titles(&range), ["Занятие 9", "Занятие 10", "Занятие 11"]);
    assert_eq!(range.crowded[0].total, 6);

    let mut q = query(day(2026, 10, 12), day(2026, 10, 18), 4);
    q.filter.form_ids = vec![CONFERENCE];
    let range = events::calendar_range(&storage, &q).expect("range");
    assert_eq!(titles(&range), ["Конференция"]);
    assert!(range.crowded.is_empty());

    let mut q = query(day(2026, 10, 12), day(2026, 10, 18), 4);
    q.filter.statuses = vec![EventStatus::Cancelled];
    let range = events::calendar_range(&storage, &q).expect("range");
    assert_eq!(range.total, 0);
    assert!(range.occurrences.is_empty() && range.crowded.is_empty());
}

#[test]
fn a_series_moved_occurrence_counts_on_its_new_day() {
    let (_dir, mut storage) = open();
    // Tuesdays 15:00 from 06.10.2026, 4 times; the one of 13.10 moved to Thursday 15.10.
    let series = add_input(
        &mut storage,
        EventInput {
            form_id: SEMINAR,
            title: "Школа педагога".into(),
            start: t(2026, 10, 6, 15, 0),
            end: t(2026, 10, 6, 16, 0),
            recurrence: Some(Recurrence {
                frequency: Frequency::Weekly,
                interval: 1,
                weekdays: vec![],
                until: None,
                count: Some(4),
            }),
            ..EventInput::default()
        },
    );
    events::change_occurrence(
        &mut storage,
        series,
        OccurrenceChange {
            date: day(2026, 10, 13),
            start: Some(t(2026, 10, 15, 8, 0)),
            end: Some(t(2026, 10, 15, 9, 0)),
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("move");
    add(
        &mut storage,
        "Совет",
        t(2026, 10, 15, 9, 0),
        t(2026, 10, 15, 9, 30),
    );
    add(
        &mut storage,
        "Встреча",
        t(2026, 10, 15, 10, 0),
        t(2026, 10, 15, 11, 0),
    );

    let range = events::calendar_range(&storage, &query(day(2026, 10, 1), day(2026, 10, 31), 2))
        .expect("range");
    assert_eq!(range.total, 6, "four of the series and two");
    assert_eq!(
        range.crowded,
        [DayCount {
            day: day(2026, 10, 15),
            total: 3
        }],
        "the moved one is counted on Thursday, not on its Tuesday"
    );
    let moved: Vec<&Occurrence> = range.occurrences.iter().filter(|o| o.changed).collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].date, moved[0].start),
        (day(2026, 10, 13), t(2026, 10, 15, 8, 0))
    );
    let dates: Vec<NaiveDate> = range.occurrences.iter().map(|o| o.start.date()).collect();
    assert_eq!(
        dates,
        [
            day(2026, 10, 6),
            day(2026, 10, 15),
            day(2026, 10, 20),
            day(2026, 10, 27)
        ]
    );

    // A window of the new day only still finds the moved occurrence.
    let thursday =
        events::calendar_range(&storage, &query(day(2026, 10, 15), day(2026, 10, 15), 0))
            .expect("range");
    assert_eq!(titles(&thursday), ["Школа педагога", "Совет", "Встреча"]);
    let tuesday = events::calendar_range(&storage, &query(day(2026, 10, 13), day(2026, 10, 13), 0))
        .expect("range");
    assert_eq!(tuesday.total, 0);
}

#[test]
fn the_list_comes_in_pages_in_time_order() {
    let (_dir, mut storage) = open();
    busy_week(&mut storage);
    let mut q = query(day(2026, 10, 12), day(2026, 10, 18), 0);
    q.limit = 4;
    let first = events::calendar_range(&storage, &q).expect("page 1");
    assert_eq!(first.total, 9);
    assert_eq!(
        titles(&first),
        ["Конференция", "Занятие 9", "Занятие 10", "Занятие 11"]
    );
    q.offset = 4;
    let second = events::calendar_range(&storage, &q).expect("page 2");
    assert_eq!(
        titles(&second),
        ["Занятие 12", "Занятие 13", "Занятие 14", "Совет"]
    );
    q.offset = 8;
    let last = events::calendar_range(&storage, &q).expect("page 3");
    assert_eq!(titles(&last), ["Встреча"]);
    q.offset = 40;
    assert!(events::calendar_range(&storage, &q)
        .expect("past the end")
        .occurrences
        .is_empty());
}

#[test]
fn the_range_reads_events_that_began_before_it_and_leaves_out_the_trash() {
    let (_dir, mut storage) = open();
    // A whole-day course 28.09–02.10 and a night session crossing into 01.10.
    add_input(
        &mut storage,
        EventInput {
            form_id: SEMINAR,
            title: "Курсы".into(),
            start: t(2026, 9, 28, 0, 0),
            end: t(2026, 10, 2, 0, 0),
            all_day: true,
            ..EventInput::default()
        },
    );
    add(
        &mut storage,
        "Ночь",
        t(2026, 9, 30, 22, 0),
        t(2026, 10, 1, 1, 0),
    );
    add(
        &mut storage,
        "Сентябрь",
        t(2026, 9, 29, 10, 0),
        t(2026, 9, 29, 11, 0),
    );
    add(
        &mut storage,
        "Ноябрь",
        t(2026, 11, 2, 10, 0),
        t(2026, 11, 2, 11, 0),
    );
    let gone = add(
        &mut storage,
        "В корзине",
        t(2026, 10, 5, 10, 0),
        t(2026, 10, 5, 11, 0),
    );
    events::trash(&mut storage, gone, now()).expect("trash");

    let october = events::calendar_range(&storage, &query(day(2026, 10, 1), day(2026, 10, 31), 4))
        .expect("range");
    assert_eq!(titles(&october), ["Курсы", "Ночь"]);
    // The whole year, without a window, still reads every event.
    let everything = events::occurrences(&storage, &EventFilter::default()).expect("all");
    assert_eq!(everything.len(), 4);
}

/// The figures of a month at scale (issue 13 §3): core time and the bytes
/// the window gets, the whole month against the capped answer. Run with
/// `BENCH_UI_DB=build/bench-ui/<day>/partnernet.sqlite3 cargo test --release
/// --test events_range -- --ignored --nocapture`.
#[test]
#[ignore]
fn figures_of_a_month_at_scale() {
    let Ok(db) = std::env::var("BENCH_UI_DB") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(&db, dir.path().join("partnernet.sqlite3")).expect("copy");
    let storage = Storage::open_dir(dir.path()).expect("open");
    let month = query(day(2026, 11, 30), day(2027, 1, 10), 4);
    let time = |f: &dyn Fn() -> usize| {
        let started = std::time::Instant::now();
        let mut bytes = 0;
        for _ in 0..5 {
            bytes = f();
        }
        (started.elapsed().as_secs_f64() * 1000.0 / 5.0, bytes)
    };
    let whole = time(&|| {
        let list = events::occurrences(&storage, &month.filter).expect("whole");
        serde_json::to_string(&list).expect("json").len()
    });
    let capped = time(&|| {
        let range = events::calendar_range(&storage, &month).expect("capped");
        serde_json::to_string(&range).expect("json").len()
    });
    let mut list = month.clone();
    list.per_day = 0;
    list.limit = 200;
    let page = time(&|| {
        let range = events::calendar_range(&storage, &list).expect("page");
        serde_json::to_string(&range).expect("json").len()
    });
    let read_all = time(&|| {
        events::queries::load_all(storage.conn(), false)
            .expect("all")
            .len()
    });
    eprintln!(
        "every event read (as before): {:.1} ms, {} events",
        read_all.0, read_all.1
    );
    eprintln!("whole month: {:.1} ms, {} bytes", whole.0, whole.1);
    eprintln!(
        "capped month (4 rows a day): {:.1} ms, {} bytes",
        capped.0, capped.1
    );
    eprintln!("list page of 200: {:.1} ms, {} bytes", page.0, page.1);
}
