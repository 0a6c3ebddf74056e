//! Главная's event lists at scale (issue 13 §3): the totals are counted
//! before the lists are cut, the lists are bounded, newest first, and a
//! larger limit («Показать ещё») brings the next ones in the same order.

mod common;

use chrono::{Duration, NaiveDate};
use common::{at, day, open, t};
use partnernet::events::{
    self,
    model::{EventInput, EventStatus, Frequency, Recurrence},
};
use partnernet::Storage;

/// A daily series of `count` occurrences from `from`, 10:00–11:00.
fn daily(storage: &mut Storage, title: &str, from: NaiveDate, count: u32, status: EventStatus) {
    let start = from.and_hms_opt(10, 0, 0).unwrap_or_default();
    let input = EventInput {
        form_id: events::forms(storage).expect("forms")[0].id,
        title: title.into(),
        start,
        end: start + Duration::hours(1),
        status,
        recurrence: Some(Recurrence {
            frequency: Frequency::Daily,
            interval: 1,
            weekdays: Vec::new(),
            until: None,
            count: Some(count),
        }),
        ..EventInput::default()
    };
    events::create(storage, input, t(2026, 9, 1, 8, 0)).expect("series");
}

#[test]
fn the_totals_are_true_and_the_lists_bounded() {
    let (_dir, mut storage) = open();
    // 60 past days without results (01.09–30.10), and three events a day
    // in the week of Wednesday 04.11.2026 (02–08.11): 21 this week.
    daily(
        &mut storage,
        "Кружок без итогов",
        day(2026, 9, 1),
        60,
        EventStatus::Planned,
    );
    for title in ["Утро", "День", "Вечер"] {
        daily(
            &mut storage,
            title,
            day(2026, 11, 2),
            7,
            EventStatus::Planned,
        );
    }
    daily(
        &mut storage,
        "Отменено",
        day(2026, 11, 2),
        7,
        EventStatus::Cancelled,
    );
    let now = at(2026, 11, 4, 9);

    let digest = events::digest(&storage, now).expect("digest");
    assert_eq!(digest.this_week_total, 21, "cancelled ones are not counted");
    assert_eq!(digest.this_week.len(), events::DIGEST_LIMIT);
    // Past without results: the 60 days of the first series, and Monday's
    // and Tuesday's three each (04.11 at 10:00 is still ahead at 9:00).
    assert_eq!(digest.awaiting_total, 66);
    assert_eq!(digest.awaiting_results.len(), events::DIGEST_LIMIT);
    let dates: Vec<NaiveDate> = digest.awaiting_results.iter().map(|o| o.date).collect();
    assert_eq!(dates[0], day(2026, 11, 3), "newest first");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");

    // «Показать ещё»: a larger limit continues the same order.
    let more = events::digest_with(&storage, now, 30).expect("more");
    assert_eq!((more.this_week_total, more.awaiting_total), (21, 66));
    assert_eq!(more.this_week.len(), 21);
    assert_eq!(more.awaiting_results.len(), 30);
    assert_eq!(more.awaiting_results[..10], digest.awaiting_results[..]);
    let all = events::digest_with(&storage, now, 1000).expect("all");
    assert_eq!(all.awaiting_results.len(), 66);
    assert_eq!(
        all.awaiting_results.last().map(|o| o.date),
        Some(day(2026, 9, 1))
    );
}

#[test]
fn an_empty_year_counts_nothing() {
    let (_dir, storage) = open();
    let digest = events::digest(&storage, at(2026, 11, 4, 9)).expect("digest");
    assert_eq!((digest.this_week_total, digest.awaiting_total), (0, 0));
    assert!(digest.this_week.is_empty() && digest.awaiting_results.is_empty());
}
