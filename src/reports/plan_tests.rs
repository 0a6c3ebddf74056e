//! The plan's grouping on hand-made occurrences (no database).

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::events::model::{Audience, EventStatus, Occurrence};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn t(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).expect("valid time")
}

fn occ(event_id: i64, start: NaiveDateTime, minutes: i64) -> Occurrence {
    Occurrence {
        event_id,
        date: start.date(),
        start,
        end: start + chrono::Duration::minutes(minutes),
        all_day: false,
        title: format!("Мероприятие {event_id}"),
        form_id: 1,
        form: "семинар".into(),
        color: "#336699".into(),
        status: EventStatus::Planned,
        place: "актовый зал".into(),
        link: String::new(),
        responsible: "Мишина В.И.".into(),
        partner_ids: vec![1, 2],
        partners: vec!["МБОУ СОШ № 1".into(), "МБОУ СОШ № 2".into()],
        audience: vec![Audience::Teachers, Audience::Parents],
        planned_count: Some(20),
        actual_count: None,
        results: String::new(),
        recurring: false,
        changed: false,
    }
}

fn all_day(event_id: i64, first: NaiveDate, last: NaiveDate) -> Occurrence {
    Occurrence {
        all_day: true,
        start: first.and_hms_opt(0, 0, 0).expect("midnight"),
        end: last.and_hms_opt(0, 0, 0).expect("midnight"),
        ..occ(event_id, t(2026, 9, 1, 0, 0), 0)
    }
}

fn series(event_id: i64, starts: &[NaiveDateTime], minutes: i64) -> Vec<Occurrence> {
    starts
        .iter()
        .map(|&s| Occurrence {
            recurring: true,
            ..occ(event_id, s, minutes)
        })
        .collect()
}

#[test]
fn school_years_run_from_september_to_august() {
    assert_eq!(school_year_of(d(2027, 8, 31)), 2026);
    assert_eq!(school_year_of(d(2027, 9, 1)), 2027);
    assert_eq!(school_year_of(d(2026, 12, 31)), 2026);
    assert_eq!(school_year_of(d(2027, 1, 1)), 2026);
    assert_eq!(school_year_range(2026), (d(2026, 9, 1), d(2027, 8, 31)));
    assert_eq!(school_year_range(2027).1, d(2028, 8, 31));
    assert_eq!(
        title(2026),
        "План сетевого взаимодействия на 2026/2027 учебный год"
    );
}

#[test]
fn august_31_and_september_1_go_to_different_plans() {
    let occs = vec![
        occ(1, t(2027, 8, 31, 10, 0), 60),
        occ(2, t(2027, 9, 1, 10, 0), 60),
    ];
    let p2026 = build(2026, "ДДТ", &occs);
    let p2027 = build(2027, "ДДТ", &occs);
    assert_eq!(p2026.months.len(), 1);
    assert_eq!(p2026.months[0].label, "Август 2027");
    assert_eq!(p2026.months[0].rows[0].event_id, 1);
    assert_eq!(p2027.months.len(), 1);
    assert_eq!(p2027.months[0].label, "Сентябрь 2027");
    assert_eq!(p2027.months[0].rows[0].event_id, 2);
    assert_eq!(p2027.months[0].rows[0].number, 1);
}

#[test]
fn months_run_september_to_august_and_rows_are_numbered_through_the_year() {
    // Given out of order on purpose.
    let occs = vec![
        occ(3, t(2027, 3, 10, 10, 0), 60),
        occ(1, t(2026, 9, 15, 10, 0), 120),
        occ(4, t(2027, 8, 20, 9, 0), 60),
        occ(2, t(2026, 9, 3, 14, 0), 90),
        occ(5, t(2026, 12, 1, 11, 0), 60),
    ];
    let plan = build(2026, "  МБУ ДО «ДДТ» ", &occs);
    assert_eq!(plan.institution, "МБУ ДО «ДДТ»");
    assert_eq!(plan.year, 2026);
    let labels: Vec<&str> = plan.months.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Сентябрь 2026", "Декабрь 2026", "Март 2027", "Август 2027"]
    );
    assert_eq!((plan.months[1].year, plan.months[1].month), (2026, 12));
    let ids: Vec<(u32, i64)> = plan
        .months
        .iter()
        .flat_map(|m| m.rows.iter().map(|r| (r.number, r.event_id)))
        .collect();
    assert_eq!(ids, [(1, 2), (2, 1), (3, 5), (4, 3), (5, 4)]);
    let r = &plan.months[0].rows[1];
    assert_eq!(r.when, "15.09.2026, 10:00–12:00");
    assert_eq!(r.audience, "педагоги, родители");
    assert_eq!(r.status, "запланировано");
    assert_eq!(r.partners, ["МБОУ СОШ № 1", "МБОУ СОШ № 2"]);
    assert_eq!(r.dates, [d(2026, 9, 15)]);
}

#[test]
fn a_series_gives_one_row_per_month_listing_its_dates() {
    let mut occs = series(
        7,
        &[
            t(2026, 9, 8, 15, 0),
            t(2026, 9, 15, 15, 0),
            t(2026, 9, 22, 15, 0),
            t(2026, 9, 29, 15, 0),
            t(2026, 10, 6, 15, 0),
            t(2026, 10, 13, 15, 0),
        ],
        90,
    );
    occs.push(occ(8, t(2026, 9, 10, 12, 0), 60));
    occs.push(occ(9, t(2026, 10, 1, 12, 0), 60));
    let plan = build(2026, "", &occs);
    assert_eq!(plan.months.len(), 2);
    let sept = &plan.months[0];
    assert_eq!(sept.rows.len(), 2);
    assert_eq!(sept.rows[0].event_id, 7);
    assert_eq!(sept.rows[0].when, "08, 15, 22, 29.09.2026, 15:00–16:30");
    assert_eq!(sept.rows[0].dates.len(), 4);
    assert_eq!(sept.rows[0].start, t(2026, 9, 8, 15, 0));
    assert_eq!(sept.rows[1].event_id, 8);
    let oct = &plan.months[1];
    // Ordered by the first start in the month: the single event of 1 October first.
    let ids: Vec<(u32, i64)> = oct.rows.iter().map(|r| (r.number, r.event_id)).collect();
    assert_eq!(ids, [(3, 9), (4, 7)]);
    assert_eq!(oct.rows[1].when, "06, 13.10.2026, 15:00–16:30");
    assert_eq!(oct.rows[1].dates, [d(2026, 10, 6), d(2026, 10, 13)]);
}

#[test]
fn mixed_statuses_are_counted_and_moved_dates_are_used() {
    let mut occs = series(
        7,
        &[
            t(2026, 11, 3, 15, 0),
            t(2026, 11, 10, 15, 0),
            t(2026, 11, 17, 15, 0),
            t(2026, 11, 24, 15, 0),
        ],
        60,
    );
    occs[0].status = EventStatus::Held;
    occs[1].status = EventStatus::Held;
    occs[2].status = EventStatus::Cancelled;
    // Moved from the 24th to the 26th, later in the day.
    occs[3].start = t(2026, 11, 26, 17, 0);
    occs[3].end = t(2026, 11, 26, 18, 0);
    occs[3].changed = true;
    let plan = build(2026, "", &occs);
    let r = &plan.months[0].rows[0];
    assert_eq!(r.status, "запланировано: 1, проведено: 2, отменено: 1");
    assert_eq!(r.when, "03, 10, 17, 26.11.2026, 15:00–16:00");
    let held: Vec<Occurrence> = occs[..2].to_vec();
    assert_eq!(build(2026, "", &held).months[0].rows[0].status, "проведено");
}

#[test]
fn all_day_events_show_dates_or_ranges() {
    let occs = vec![
        all_day(1, d(2026, 9, 15), d(2026, 9, 15)),
        all_day(2, d(2026, 9, 16), d(2026, 9, 18)),
        all_day(3, d(2026, 9, 30), d(2026, 10, 2)),
        all_day(4, d(2026, 12, 30), d(2027, 1, 2)),
    ];
    let plan = build(2026, "", &occs);
    let whens: Vec<&str> = plan
        .months
        .iter()
        .flat_map(|m| m.rows.iter().map(|r| r.when.as_str()))
        .collect();
    assert_eq!(
        whens,
        [
            "15.09.2026",
            "16–18.09.2026",
            "30.09 – 02.10.2026",
            "30.12.2026 – 02.01.2027"
        ]
    );
    assert!(plan.months[0].rows.iter().all(|r| r.all_day));
    // An all-day series.
    let mut days = vec![
        all_day(5, d(2027, 2, 1), d(2027, 2, 1)),
        all_day(5, d(2027, 2, 8), d(2027, 2, 9)),
    ];
    days[1].recurring = true;
    let plan = build(2026, "", &days);
    assert_eq!(plan.months[0].rows[0].when, "01, 08–09.02.2027");
}

#[test]
fn timed_events_over_midnight_and_without_length() {
    let long = Occurrence {
        end: t(2026, 9, 16, 13, 0),
        ..occ(1, t(2026, 9, 15, 10, 0), 0)
    };
    let point = occ(2, t(2026, 9, 20, 9, 30), 0);
    let plan = build(2026, "", &[long, point]);
    assert_eq!(
        plan.months[0].rows[0].when,
        "15.09.2026, 10:00 – 16.09.2026, 13:00"
    );
    assert_eq!(plan.months[0].rows[1].when, "20.09.2026, 09:30");
}

#[test]
fn an_empty_year_has_no_months() {
    let plan = build(2026, "ДДТ", &[occ(1, t(2025, 10, 1, 10, 0), 60)]);
    assert!(plan.months.is_empty());
    assert_eq!(plan.title, title(2026));
}

#[test]
fn a_row_opens_its_first_occurrence_by_the_rules_date() {
    // The month's first occurrence was moved from 01.12 back to 30.11: the
    // December row starts on 02.12, the November row's first key is 03.11,
    // and the moved one is found by its key 01.12 in November's row.
    let mut occs = series(8, &[t(2026, 11, 3, 15, 0), t(2026, 12, 1, 15, 0)], 60);
    occs[1].start = t(2026, 11, 30, 15, 0);
    occs[1].end = t(2026, 11, 30, 16, 0);
    occs[1].changed = true;
    occs.sort_by_key(|o| o.start);
    let plan = build(2026, "", &occs);
    assert_eq!(plan.months.len(), 1, "both fall in November now");
    let r = &plan.months[0].rows[0];
    assert_eq!(r.dates, [d(2026, 11, 3), d(2026, 11, 30)]);
    assert_eq!(r.first_key, d(2026, 11, 3));
    let only_moved = build(2026, "", &occs[1..]);
    let r = &only_moved.months[0].rows[0];
    assert_eq!((r.dates[0], r.first_key), (d(2026, 11, 30), d(2026, 12, 1)));
}
