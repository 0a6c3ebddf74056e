//! Conflicts: an occurrence overlapping another event's occurrence at the
//! same place or with the same responsible person. They are warnings: the
//! event is saved, and the warning names the other event.
//!
//! All-day events (a contest running for two weeks, materials on the site)
//! book nobody's time and never conflict; neither do cancelled or postponed
//! occurrences, nor an online event's link.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::events::model::{Conflict, ConflictReason, Event};
use crate::events::recurrence::{last_date, slots, Slot};
use crate::text::fold;

/// The comparable form of a place or a name: folded, single spaces, no
/// trailing punctuation.
fn key(s: &str) -> String {
    fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ',', ';'])
        .to_string()
}

fn hm(t: chrono::NaiveDateTime) -> String {
    t.format("%H:%M").to_string()
}

fn takes_time(event: &Event, slot: &Slot) -> bool {
    !event.data.all_day && slot.status.takes_place() && slot.end > slot.start
}

/// The conflicts of `event`'s occurrences with those of `others` (the event
/// itself is skipped among them), in order of date.
pub fn find(event: &Event, others: &[Event], tz: Tz) -> Vec<Conflict> {
    if event.data.all_day {
        return Vec::new();
    }
    let from = event
        .changes
        .iter()
        .filter_map(|c| c.start.map(|s| s.date()))
        .chain([event.data.start.date()])
        .min()
        .unwrap_or(event.data.start.date());
    let to = last_date(event)
        .unwrap_or(event.data.end.date())
        .max(event.data.end.date());
    let to = to.succ_opt().unwrap_or(to);
    let mine: Vec<Slot> = slots(event, from, to, tz)
        .into_iter()
        .filter(|s| takes_time(event, s))
        .collect();
    if mine.is_empty() {
        return Vec::new();
    }
    let place = key(&event.data.place);
    let person = key(&event.data.responsible);
    let mut out = Vec::new();
    for other in others {
        if other.id == event.id || other.deleted_at.is_some() || other.data.all_day {
            continue;
        }
        let same_place = !place.is_empty() && key(&other.data.place) == place;
        let same_person = !person.is_empty() && key(&other.data.responsible) == person;
        if !same_place && !same_person {
            continue;
        }
        for theirs in slots(other, from, to, tz) {
            if !takes_time(other, &theirs) {
                continue;
            }
            for m in &mine {
                if m.start < theirs.end && theirs.start < m.end {
                    let reason = if same_place {
                        ConflictReason::Place
                    } else {
                        ConflictReason::Responsible
                    };
                    out.push(conflict(event, m, other, &theirs, reason));
                }
            }
        }
    }
    out.sort_by_key(|c| (c.start, c.other_start));
    out
}

fn conflict(
    event: &Event,
    m: &Slot,
    other: &Event,
    theirs: &Slot,
    reason: ConflictReason,
) -> Conflict {
    let why = match reason {
        ConflictReason::Place => format!("в том же месте ({})", event.data.place),
        ConflictReason::Responsible => {
            format!("у того же ответственного ({})", event.data.responsible)
        }
    };
    let other_when = if theirs.start.date() == m.start.date() {
        format!("{}–{}", hm(theirs.start), hm(theirs.end))
    } else {
        format!(
            "{} {}–{}",
            theirs.start.format("%d.%m.%Y"),
            hm(theirs.start),
            hm(theirs.end)
        )
    };
    Conflict {
        date: m.date,
        start: m.start,
        end: m.end,
        other_event_id: other.id,
        other_date: theirs.date,
        other_title: other.data.title.clone(),
        other_start: theirs.start,
        other_end: theirs.end,
        reason,
        message: format!(
            "{} {}–{}: пересекается с «{}» ({}) {}.",
            m.start.format("%d.%m.%Y"),
            hm(m.start),
            hm(m.end),
            other.data.title,
            other_when,
            why
        ),
    }
}

/// Pairs of events that conflict anywhere, each pair once (lower id first):
/// for the demo's check and a future overview.
pub fn all_pairs(events: &[Event], tz: Tz) -> Vec<(i64, i64, NaiveDate)> {
    let mut out = Vec::new();
    for e in events {
        for c in find(e, events, tz) {
            if e.id < c.other_event_id {
                out.push((e.id, c.other_event_id, c.date));
            }
        }
    }
    out
}
