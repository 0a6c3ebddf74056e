//! The lean facts of occurrences the network's read models count
//! (`events::occurrence_facts`) are exactly `events::occurrences` projected:
//! on the demo and on a randomised set of single events and series with
//! moved, cancelled and held occurrences, all-day events and events in the
//! trash, over several windows.

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use common::{day, now, open, school};
use partnernet::events::model::{
    Audience, EventFilter, EventInput, EventStatus, Frequency, Occurrence, OccurrenceChange,
    Recurrence,
};
use partnernet::events::{self, queries, recurrence, OccurrenceFact};
use partnernet::{partners, Storage};

/// What both give, field by field.
type Projected = (
    i64,
    NaiveDate,
    NaiveDateTime,
    NaiveDateTime,
    i64,
    EventStatus,
    String,
    Vec<i64>,
    Vec<Audience>,
    (Option<i64>, Option<i64>),
    String,
    bool,
);

fn of_occurrence(o: &Occurrence) -> Projected {
    (
        o.event_id,
        o.date,
        o.start,
        o.end,
        o.form_id,
        o.status,
        o.title.clone(),
        o.partner_ids.clone(),
        o.audience.clone(),
        (o.planned_count, o.actual_count),
        o.results.clone(),
        o.recurring,
    )
}

fn of_fact(o: &OccurrenceFact) -> Projected {
    (
        o.event_id,
        o.date,
        o.start,
        o.end,
        o.form_id,
        o.status,
        o.title.to_string(),
        o.partner_ids.to_vec(),
        o.audience.to_vec(),
        (o.planned_count, o.actual_count),
        o.results.to_string(),
        o.recurring,
    )
}

/// Compares both over `windows`; returns how many occurrences were seen.
fn same(storage: &Storage, windows: &[(Option<NaiveDate>, Option<NaiveDate>)]) -> usize {
    let mut seen = 0;
    for &(from, to) in windows {
        let full = events::occurrences(
            storage,
            &EventFilter {
                from,
                to,
                ..EventFilter::default()
            },
        )
        .expect("occurrences");
        let facts = events::occurrence_facts(storage, from, to).expect("facts");
        let a: Vec<Projected> = full.iter().map(of_occurrence).collect();
        let b: Vec<Projected> = facts.iter().map(of_fact).collect();
        assert_eq!(a.len(), b.len(), "window {from:?}..{to:?}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x, y, "window {from:?}..{to:?}");
        }
        for f in &facts {
            let event = events::get(storage, f.event_id).expect("event");
            assert_eq!(f.agreement_id, event.data.agreement_id);
        }
        seen += facts.len();
    }
    seen
}

fn windows() -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
    vec![
        (None, None),
        (None, Some(day(2027, 8, 31))),
        (Some(day(2026, 9, 1)), Some(day(2027, 8, 31))),
        (Some(day(2026, 11, 1)), Some(day(2026, 11, 30))),
        (Some(day(2025, 1, 1)), Some(day(2030, 12, 31))),
    ]
}

#[test]
fn the_demos_facts_are_its_occurrences() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let seen = same(&storage, &windows());
    assert!(seen > 100, "the demo has occurrences: {seen}");
}

/// A small deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

fn random_event(rng: &mut Lcg, i: usize, partner_ids: &[i64], forms: &[i64]) -> EventInput {
    let all_day = rng.next(5) == 0;
    let start = day(2026, 8, 1).and_hms_opt(8, 0, 0).expect("time")
        + Duration::days(rng.next(500) as i64)
        + Duration::minutes(30 * rng.next(20) as i64);
    let frequency = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::MonthlyByDate,
        Frequency::MonthlyByWeekday,
    ][rng.next(4)];
    let ids: Vec<i64> = (0..rng.next(4))
        .map(|_| partner_ids[rng.next(partner_ids.len())])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    EventInput {
        form_id: forms[rng.next(forms.len())],
        title: format!("Событие {i}"),
        start,
        end: start + Duration::minutes(if all_day { 24 * 60 } else { 90 }),
        all_day,
        partner_ids: ids,
        audience: Audience::ALL
            .iter()
            .copied()
            .filter(|a| (i + *a as usize).is_multiple_of(3))
            .collect(),
        status: EventStatus::ALL[rng.next(4)],
        planned_count: (rng.next(3) > 0).then_some(rng.next(40) as i64),
        actual_count: (rng.next(3) == 0).then_some(rng.next(40) as i64),
        results: if rng.next(3) == 0 {
            format!("Итоги {i}")
        } else {
            String::new()
        },
        recurrence: (rng.next(3) == 0).then(|| Recurrence {
            frequency,
            interval: 1 + rng.next(2) as u32,
            weekdays: if rng.next(2) == 0 {
                vec![2, 4]
            } else {
                Vec::new()
            },
            until: (rng.next(2) == 0).then(|| start.date() + Duration::days(rng.next(400) as i64)),
            count: (rng.next(2) == 0).then(|| 1 + rng.next(30) as u32),
        }),
        ..EventInput::default()
    }
}

/// Changes of some of a series' dates: moved, cancelled, held with results.
fn random_changes(rng: &mut Lcg, input: &EventInput) -> Vec<OccurrenceChange> {
    let Some(rule) = &input.recurrence else {
        return Vec::new();
    };
    let dates = recurrence::rule_dates(input.start.date(), rule, day(2029, 1, 1));
    let mut out = Vec::new();
    for date in dates {
        if rng.next(3) != 0 {
            continue;
        }
        let moved = rng.next(2) == 0;
        let start = date.and_time(input.start.time())
            + Duration::hours(rng.next(5) as i64 - 2)
            + Duration::days(rng.next(3) as i64);
        out.push(OccurrenceChange {
            date,
            status: EventStatus::ALL[rng.next(4)],
            start: moved.then_some(start),
            end: moved.then_some(start + Duration::hours(2)),
            actual_count: (rng.next(2) == 0).then_some(rng.next(50) as i64),
            results: if rng.next(2) == 0 {
                format!("Занятие {date}")
            } else {
                String::new()
            },
        });
    }
    out
}

#[test]
fn random_events_facts_are_their_occurrences() {
    let (_dir, mut storage) = open();
    let partner_ids: Vec<i64> = (1..=6)
        .map(|n| {
            partners::create(&mut storage, school(n), now())
                .expect("partner")
                .id
        })
        .collect();
    let forms: Vec<i64> = events::forms(&storage)
        .expect("forms")
        .iter()
        .map(|f| f.id)
        .collect();
    let mut rng = Lcg(7);
    let inputs: Vec<EventInput> = (0..300)
        .map(|i| random_event(&mut rng, i, &partner_ids, &forms))
        .collect();
    let ids: Vec<i64> = storage
        .write(|tx| {
            let mut ids = Vec::new();
            for input in &inputs {
                let id = events::insert_new(tx, input, now())?;
                for c in random_changes(&mut rng, input) {
                    queries::put_change(tx, id, &c)?;
                }
                ids.push(id);
            }
            Ok(ids)
        })
        .expect("events");
    for id in ids.iter().step_by(17) {
        events::trash(&mut storage, *id, now()).expect("trash");
    }
    let changed = events::all(&storage)
        .expect("all")
        .iter()
        .filter(|e| e.changes.iter().any(|c| c.start.is_some()))
        .count();
    assert!(changed > 10, "moved occurrences are in the set: {changed}");
    let seen = same(&storage, &windows());
    assert!(seen > 1000, "occurrences compared: {seen}");
}
