//! The facts of occurrences: what the network's read models (health, map,
//! the year's report) count, without the texts the calendar shows. The
//! same expansion as [`super::occurrences`] (`recurrence::slots`: series by
//! occurrence, moved, cancelled and held occurrences), over events loaded
//! with only the columns the facts need, and with the event's shared parts
//! (title, partners, audience) shared between its occurrences.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::model::{Audience, EventStatus};
use super::{queries, recurrence, DEFAULT_REACH_DAYS};
use crate::error::Result;
use crate::storage::Storage;

/// One occurrence as the read models see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OccurrenceFact {
    pub event_id: i64,
    /// The key of the occurrence: the date the rule gives it (for a single
    /// event, its start date).
    pub date: NaiveDate,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub form_id: i64,
    pub status: EventStatus,
    pub title: Arc<str>,
    pub partner_ids: Arc<[i64]>,
    pub agreement_id: Option<i64>,
    pub audience: Arc<[Audience]>,
    pub planned_count: Option<i64>,
    pub actual_count: Option<i64>,
    /// The occurrence's results (its change's, for a changed occurrence of
    /// a series).
    pub results: Arc<str>,
    /// Part of a series.
    pub recurring: bool,
}

/// The facts of live events' occurrences between `from` and `to` (both
/// inclusive; without them a series is expanded from its start for at
/// most two years), sorted as [`super::occurrences`] sorts them: by start,
/// event, date.
pub fn occurrence_facts(
    storage: &Storage,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<OccurrenceFact>> {
    let conn = storage.conn();
    let tz = crate::settings::time_zone(conn)?;
    // Most events have no audience and no results: one empty value for all.
    let no_audience: Arc<[Audience]> = Arc::from(Vec::new());
    let no_results: Arc<str> = Arc::from("");
    let shared = |s: &str| {
        if s.is_empty() {
            no_results.clone()
        } else {
            Arc::from(s)
        }
    };
    let events = queries::load_all_lean(conn)?;
    let mut out = Vec::with_capacity(events.len());
    for event in &events {
        let d = &event.data;
        let first = from.unwrap_or(d.start.date());
        let last = to.unwrap_or(d.start.date() + Duration::days(DEFAULT_REACH_DAYS));
        let slots = recurrence::slots(event, first, last, tz);
        if slots.is_empty() {
            continue;
        }
        let title: Arc<str> = Arc::from(d.title.as_str());
        let partner_ids: Arc<[i64]> = Arc::from(d.partner_ids.as_slice());
        let audience = if d.audience.is_empty() {
            no_audience.clone()
        } else {
            Arc::from(d.audience.as_slice())
        };
        let results = shared(&d.results);
        for slot in slots {
            let change = slot.change;
            out.push(OccurrenceFact {
                event_id: event.id,
                date: slot.date,
                start: slot.start,
                end: slot.end,
                form_id: d.form_id,
                status: slot.status,
                title: title.clone(),
                partner_ids: partner_ids.clone(),
                agreement_id: d.agreement_id,
                audience: audience.clone(),
                planned_count: d.planned_count,
                actual_count: change.map_or(d.actual_count, |c| c.actual_count),
                results: change.map_or_else(|| results.clone(), |c| shared(&c.results)),
                recurring: d.recurrence.is_some(),
            });
        }
    }
    // (event, date) is unique: an unstable sort gives the same order. The
    // keys are sorted and each fact moved once: sorting the facts
    // themselves moved tens of thousands of large values many times.
    let mut keys: Vec<((NaiveDateTime, i64, NaiveDate), usize)> = out
        .iter()
        .enumerate()
        .map(|(i, o)| ((o.start, o.event_id, o.date), i))
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
    gather(&mut out, order);
    Ok(out)
}

/// Puts `v[order[k]]` at position `k` for every `k`, in place, following
/// the permutation's cycles (`order` must be a permutation of `0..v.len()`).
fn gather<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::gather;

    #[test]
    fn gather_puts_each_element_where_the_order_says() {
        let orders: [&[usize]; 5] = [&[], &[0], &[2, 0, 1], &[1, 0, 3, 2, 4], &[4, 3, 2, 1, 0]];
        for order in orders {
            let mut v: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            gather(&mut v, order.to_vec());
            let want: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            assert_eq!(v, want, "{order:?}");
        }
        // A longer cycle mixed with fixed points.
        let order = vec![3, 1, 0, 5, 4, 2];
        let mut v = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        gather(&mut v, order);
        assert_eq!(v, ['d', 'b', 'a', 'f', 'e', 'c']);
    }
}
