//! The demo school year of events, loaded into a real SQLite file for
//! several days of loading.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::event_series::{WEEKLY_CANCELLED, WEEKLY_MOVED};
use super::event_spec::{Form, SchoolYear, CONFLICT_PLACE};
use super::events::specs;
use super::fill;
use crate::events;
use crate::events::model::{
    ConflictReason, Event, EventFilter, EventStatus, Frequency, Occurrence,
};
use crate::storage::Storage;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn noon(today: NaiveDate) -> NaiveDateTime {
    today.and_hms_opt(12, 0, 0).expect("valid time")
}

/// The days of loading the tests look at: inside a term, the first and the
/// last day of a school year, a Sunday, the winter holidays, a leap year.
fn days() -> Vec<NaiveDate> {
    vec![
        day(2026, 11, 22),
        day(2027, 3, 1),
        day(2026, 9, 1),
        day(2027, 8, 31),
        day(2027, 1, 2),
        day(2028, 2, 29),
        day(2025, 9, 7),
    ]
}

/// A demo database loaded at `now` in a temp dir (kept alive with it).
fn loaded(now: NaiveDateTime) -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut storage = Storage::open_dir(dir.path()).expect("storage");
    fill(&mut storage, now).unwrap_or_else(|e| panic!("{now}: {e}"));
    (dir, storage)
}

/// All occurrences within two years either side of the school year.
fn all_occurrences(storage: &Storage, year: SchoolYear) -> Vec<Occurrence> {
    let filter = EventFilter {
        from: Some(year.first_day() - Duration::days(730)),
        to: Some(year.last_day() + Duration::days(730)),
        ..EventFilter::default()
    };
    events::occurrences(storage, &filter).expect("occurrences")
}

/// Unordered pairs of events that conflict, from `events::conflicts`.
fn conflict_pairs(storage: &Storage) -> BTreeSet<(i64, i64)> {
    let mut pairs = BTreeSet::new();
    for e in events::all(storage).expect("events") {
        for c in events::conflicts(storage, e.id).expect("conflicts") {
            pairs.insert((e.id.min(c.other_event_id), e.id.max(c.other_event_id)));
        }
    }
    pairs
}

/// Everything the demo promises for a load on `today`, section by section.
fn check_year(today: NaiveDate) {
    let now = noon(today);
    let year = SchoolYear::containing(today);
    let (_dir, storage) = loaded(now);
    let all = events::all(&storage).expect("events");
    assert!(all.len() >= 45, "{today}: {} events", all.len());
    check_forms(&storage, &all, today);
    let weekly_id = check_series(&all, today);
    // The last school year is all held (see `check_previous_year`); the
    // rest lies within the year of loading.
    let (occurrences, previous): (Vec<_>, Vec<_>) = all_occurrences(&storage, year)
        .into_iter()
        .partition(|o| o.start.date() >= year.first_day());
    check_previous_year(&previous, year, today);
    check_within_year(&occurrences, year, now, weekly_id, today);
    check_outcomes(&occurrences, &all, year, today);
    check_digest(&storage, now, today);
    check_one_conflict(&storage, &all, today);
}

/// Every form at least twice.
fn check_forms(storage: &Storage, all: &[Event], today: NaiveDate) {
    let forms = events::forms(storage).expect("forms");
    assert_eq!(forms.len(), Form::ALL.len());
    for form in &forms {
        let used = all.iter().filter(|e| e.data.form_id == form.id).count();
        assert!(used >= 2, "{today}: form «{}» used {used} times", form.name);
    }
}

/// The three series, each of its kind; the weekly one (whose id is
/// returned) with one cancelled and one moved occurrence.
fn check_series(all: &[Event], today: NaiveDate) -> i64 {
    let rules: Vec<_> = all
        .iter()
        .filter_map(|e| e.data.recurrence.as_ref().map(|r| (e, r)))
        .collect();
    assert_eq!(rules.len(), 3, "{today}");
    let weekly = rules
        .iter()
        .find(|(_, r)| r.frequency == Frequency::Weekly && r.interval == 1)
        .expect("weekly series");
    assert!(rules
        .iter()
        .any(|(_, r)| r.frequency == Frequency::MonthlyByWeekday));
    assert!(rules
        .iter()
        .any(|(_, r)| r.frequency == Frequency::Weekly && r.interval == 2));
    let weekly_changes = &weekly.0.changes;
    assert_eq!(
        weekly_changes
            .iter()
            .filter(|c| c.status == EventStatus::Cancelled)
            .count(),
        1,
        "{today}"
    );
    assert_eq!(
        weekly_changes.iter().filter(|c| c.start.is_some()).count(),
        1,
        "{today}"
    );
    weekly.0.id
}

/// Everything within the school year, nothing held ahead of time; the
/// weekly series' cancelled and moved occurrences where they belong.
fn check_within_year(
    occurrences: &[Occurrence],
    year: SchoolYear,
    now: NaiveDateTime,
    weekly_id: i64,
    today: NaiveDate,
) {
    for o in occurrences {
        assert!(
            year.contains(o.start.date()) && year.contains(o.end.date()),
            "{today}: «{}» on {} is outside {}",
            o.title,
            o.start,
            year.label()
        );
        if o.status == EventStatus::Held {
            assert!(o.start <= now, "{today}: «{}» held on {}", o.title, o.start);
        }
        if o.start > now {
            assert!(o.results.is_empty(), "{today}: «{}» {}", o.title, o.start);
        }
    }
    let weekly_dates: Vec<_> = occurrences
        .iter()
        .filter(|o| o.event_id == weekly_id)
        .collect();
    assert!(weekly_dates.len() >= 10, "{today}: {}", weekly_dates.len());
    assert_eq!(
        weekly_dates[WEEKLY_CANCELLED].status,
        EventStatus::Cancelled
    );
    assert_eq!(
        weekly_dates[WEEKLY_MOVED].start.weekday(),
        chrono::Weekday::Wed
    );
}

/// The last school year: a dozen single events, every one held with its
/// participants and results, of at least six forms.
fn check_previous_year(previous: &[Occurrence], year: SchoolYear, today: NaiveDate) {
    let last = SchoolYear(year.0 - 1);
    assert!(
        previous.len() >= 10,
        "{today}: {} last year",
        previous.len()
    );
    for o in previous {
        assert!(last.contains(o.start.date()), "{today}: «{}»", o.title);
        assert_eq!(o.status, EventStatus::Held, "{today}: «{}»", o.title);
        assert!(
            !o.results.is_empty() && !o.recurring,
            "{today}: «{}»",
            o.title
        );
    }
    let with_actual = previous.iter().filter(|o| o.actual_count.is_some()).count();
    assert!(with_actual + 1 >= previous.len(), "{today}: {with_actual}");
    let forms: BTreeSet<i64> = previous.iter().map(|o| o.form_id).collect();
    assert!(forms.len() >= 6, "{today}: {} forms", forms.len());
}

/// Held with results, once there is a past to speak of; one cancelled and
/// one postponed event; agreements and responsible persons filled in.
fn check_outcomes(occurrences: &[Occurrence], all: &[Event], year: SchoolYear, today: NaiveDate) {
    let held = occurrences
        .iter()
        .filter(|o| o.status == EventStatus::Held && !o.results.is_empty())
        .count();
    let with_actual = occurrences
        .iter()
        .filter(|o| o.status == EventStatus::Held && o.actual_count.is_some())
        .count();
    if today >= year.first_day() + Duration::days(45) {
        assert!(held >= 5, "{today}: {held} held with results");
        assert!(
            with_actual >= 5,
            "{today}: {with_actual} with actual counts"
        );
    }
    let cancelled = all
        .iter()
        .filter(|e| e.data.status == EventStatus::Cancelled)
        .count();
    let postponed = all
        .iter()
        .filter(|e| e.data.status == EventStatus::Postponed)
        .count();
    assert_eq!((cancelled, postponed), (1, 1), "{today}");
    assert!(all.iter().filter(|e| e.data.agreement_id.is_some()).count() >= 5);
    assert!(all.iter().all(|e| !e.data.responsible.is_empty()));
}

/// The start screen: this week's events and exactly the two waiting for
/// their results.
fn check_digest(storage: &Storage, now: NaiveDateTime, today: NaiveDate) {
    let digest = events::digest(storage, now).expect("digest");
    assert!(
        digest.this_week.len() >= 2,
        "{today}: {} this week",
        digest.this_week.len()
    );
    assert_eq!(
        digest.awaiting_results.len(),
        2,
        "{today}: {:#?}",
        digest
            .awaiting_results
            .iter()
            .map(|o| (&o.title, o.start))
            .collect::<Vec<_>>()
    );
}

/// Exactly the one intended conflict: the hall booked twice.
fn check_one_conflict(storage: &Storage, all: &[Event], today: NaiveDate) {
    let pairs = conflict_pairs(storage);
    assert_eq!(pairs.len(), 1, "{today}: {pairs:?}");
    let (a, b) = pairs.into_iter().next().expect("one pair");
    let conflicts = events::conflicts(storage, a).expect("conflicts");
    assert_eq!(conflicts.len(), 1, "{today}: {conflicts:#?}");
    assert_eq!(conflicts[0].other_event_id, b);
    assert_eq!(conflicts[0].reason, ConflictReason::Place);
    for id in [a, b] {
        let e = events::get(storage, id).expect("event");
        assert_eq!(e.data.place, CONFLICT_PLACE);
        assert!(e.data.status.takes_place());
    }
    let tz = events::time_zone(storage).expect("time zone");
    assert_eq!(events::conflicts::all_pairs(all, tz).len(), 1, "{today}");
}

#[test]
fn demo_year_on_several_days() {
    for today in days() {
        check_year(today);
    }
}

/// The content alone (no database), for every day of two school years:
/// dates inside the year, online forms with a link and no place, the
/// others with a place, names of partners and agreements that exist.
#[test]
fn demo_specs_fit_every_day_of_the_year() {
    let partners: BTreeSet<String> = super::partners()
        .into_iter()
        .map(|p| p.short_name)
        .collect();
    let agreements: BTreeSet<&str> = super::agreements::agreements(day(2026, 9, 1))
        .into_iter()
        .filter_map(|a| a.partners.first().map(|(name, _)| *name))
        .collect();
    let online = [
        Form::OnlineConference,
        Form::Webinar,
        Form::OnlineContest,
        Form::Publication,
    ];
    let mut today = day(2026, 9, 1);
    while today <= day(2028, 8, 31) {
        let year = SchoolYear::containing(today);
        let all = specs(noon(today));
        let mut per_form: HashMap<Form, usize> = HashMap::new();
        for s in &all {
            *per_form.entry(s.form).or_default() += 1;
            assert!(!s.title.is_empty());
            assert!(
                year.contains(s.start.date()) && year.contains(s.end.date()),
                "{today}: «{}» {}",
                s.title,
                s.start
            );
            assert!(s.end >= s.start, "«{}»", s.title);
            if online.contains(&s.form) {
                assert!(
                    s.link.starts_with("https://") && s.place.is_empty(),
                    "{}",
                    s.title
                );
            } else {
                assert!(!s.place.is_empty() && s.link.is_empty(), "{}", s.title);
            }
            for p in s.partners {
                assert!(partners.contains(*p), "«{}»: no partner {p}", s.title);
            }
            if let Some(a) = s.agreement {
                assert!(agreements.contains(a), "«{}»: no agreement {a}", s.title);
            }
            if let Some(series) = &s.series {
                assert!(!series.sessions.is_empty());
            }
        }
        for form in Form::ALL {
            assert!(
                per_form.get(&form).copied().unwrap_or(0) >= 2,
                "{today}: {form:?}"
            );
        }
        today += Duration::days(1);
    }
}

/// A sweep over one school year, every few days: the start screen is never
/// empty and there is never a second conflict.
#[test]
fn demo_year_sweep() {
    let mut today = day(2026, 9, 1);
    while today <= day(2027, 8, 31) {
        let now = noon(today);
        let (_dir, storage) = loaded(now);
        let digest = events::digest(&storage, now).expect("digest");
        assert!(digest.this_week.len() >= 2, "{today}");
        assert_eq!(digest.awaiting_results.len(), 2, "{today}");
        assert_eq!(conflict_pairs(&storage).len(), 1, "{today}");
        today += Duration::days(11);
    }
}

/// The demo is one transaction: an event that cannot be written (here a
/// trigger refuses one in the middle of the year) leaves the base empty,
/// and the demo can be loaded again.
#[test]
fn a_failed_event_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut storage = Storage::open_dir(dir.path()).expect("storage");
    storage
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON events
             WHEN NEW.title LIKE '%Космос%'
             BEGIN SELECT RAISE(ABORT, 'отказ для проверки'); END;",
        )
        .expect("trigger");
    let now = noon(day(2026, 11, 22));
    let error = fill(&mut storage, now).expect_err("the demo fails");
    assert!(error.to_string().contains("отказ для проверки"), "{error}");
    assert!(storage.info().expect("info").is_empty);
    let count = |table: &str| -> i64 {
        storage
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    };
    for table in [
        "partners",
        "agreements",
        "brochures",
        "events",
        "event_changes",
    ] {
        assert_eq!(count(table), 0, "{table}");
    }
    storage
        .conn()
        .execute_batch("DROP TRIGGER refuse")
        .expect("drop trigger");
    fill(&mut storage, now).expect("the demo loads now");
    assert!(events::all(&storage).expect("events").len() >= 45);
}
