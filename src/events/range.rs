//! The calendar's visible range at scale (issue 13 §3): a month of a busy
//! network holds ~2,000 occurrences, but a month cell draws four rows, a
//! week's column a few boxes and the list a page. The core answers with
//! only what is drawn — at most a few occurrences a day and the count of
//! the rest («+ ещё N»), or one page of the list — so neither the IPC nor
//! FullCalendar carry the whole month. Filters apply before the cap.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{NaiveDate, Timelike};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Event, EventFilter, EventForm, Occurrence};
use super::{queries, recurrence};
use crate::error::{CoreError, Result};
use crate::storage::Storage;
use crate::text::fold;

/// What the calendar asks for: the range and the filters, how many rows a
/// day draws, and for the list a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RangeQuery {
    /// The range (`from` and `to`, both inclusive) and the filters.
    pub filter: EventFilter,
    /// Rows a day draws (0: no cap). A day with more keeps one row fewer
    /// of its occurrences and the last row says «+ ещё N».
    pub per_day: u32,
    /// The list's page: the occurrences skipped, in time order.
    pub offset: u32,
    /// The list's page: at most this many (0: no limit).
    pub limit: u32,
    /// Only this event's occurrences (the card of one of them).
    pub event_id: Option<i64>,
    /// A crowded day keeps one occurrence an hour first, then a second an
    /// hour…: a week's or a day's column shows its whole day, not a stack
    /// of its first hour.
    pub spread: bool,
}

/// A day cut to «+ ещё N»: the day (the one its occurrences start on) and
/// how many occurrences it has in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayCount {
    pub day: NaiveDate,
    pub total: u32,
}

/// The answer: what is drawn, the days cut and the range's total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarRange {
    /// The occurrences to draw, in time order (a day's: whole days first).
    pub occurrences: Vec<Occurrence>,
    /// The days with more occurrences than `per_day`, by day.
    pub crowded: Vec<DayCount>,
    /// Every occurrence of the range with the filters.
    pub total: u32,
}

/// The visible range as the calendar draws it: each day (by the day an
/// occurrence starts on, so a moved one counts on its new day) cut to
/// `per_day` rows, then the page `offset..offset + limit` of the rest.
pub fn calendar_range(storage: &Storage, query: &RangeQuery) -> Result<CalendarRange> {
    let conn = storage.conn();
    let mut all = match query.event_id {
        Some(id) => expand(conn, live_event(conn, id)?, &query.filter)?,
        None => occurrences(conn, &query.filter)?,
    };
    all.sort_by(day_order);
    let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
    let (mut shown, crowded) = cap_by_day(all, query.per_day as usize, query.spread);
    let offset = (query.offset as usize).min(shown.len());
    shown.drain(..offset);
    if query.limit > 0 {
        shown.truncate(query.limit as usize);
    }
    Ok(CalendarRange {
        occurrences: shown,
        crowded,
        total,
    })
}

/// The event `id` unless it is gone or in the trash: its card says so.
fn live_event(conn: &Connection, id: i64) -> Result<Vec<Event>> {
    match crate::error::rows::named(queries::load(conn, id), "мероприятия", id) {
        Ok(event) if event.deleted_at.is_none() => Ok(vec![event]),
        Ok(_) | Err(CoreError::NotFound { .. }) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Each day's first `rows - 1` occurrences (or spread over its hours) when
/// it has more than `rows`, all of them otherwise; `list` is in [`day_order`].
fn cap_by_day(
    list: Vec<Occurrence>,
    rows: usize,
    spread: bool,
) -> (Vec<Occurrence>, Vec<DayCount>) {
    if rows == 0 {
        return (list, Vec::new());
    }
    let mut shown = Vec::new();
    let mut crowded = Vec::new();
    let mut rest = list.into_iter().peekable();
    while let Some(first) = rest.next() {
        let day = first.start.date();
        let mut same = vec![first];
        while let Some(o) = rest.next_if(|o| o.start.date() == day) {
            same.push(o);
        }
        if same.len() > rows {
            crowded.push(DayCount {
                day,
                total: u32::try_from(same.len()).unwrap_or(u32::MAX),
            });
            if spread {
                same = spread_over_hours(same, rows - 1);
            } else {
                same.truncate(rows - 1);
            }
        }
        shown.append(&mut same);
    }
    (shown, crowded)
}

/// `keep` of a day's occurrences (in [`day_order`]): the first of each hour
/// (whole days count as one hour), then the second of each, and so on;
/// returned in [`day_order`].
fn spread_over_hours(day: Vec<Occurrence>, keep: usize) -> Vec<Occurrence> {
    let hour = |o: &Occurrence| {
        if o.all_day {
            None
        } else {
            Some(o.start.hour())
        }
    };
    let mut seen: HashMap<Option<u32>, usize> = HashMap::new();
    let mut ranked: Vec<(usize, usize, Occurrence)> = day
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let n = seen.entry(hour(&o)).or_default();
            *n += 1;
            (*n, i, o)
        })
        .collect();
    ranked.sort_by_key(|(n, i, _)| (*n, *i));
    ranked.truncate(keep);
    ranked.sort_by_key(|(_, i, _)| *i);
    ranked.into_iter().map(|(_, _, o)| o).collect()
}

/// Time order as a day cell lists it: by the day an occurrence starts on,
/// whole days first, then by start, longer first, then by title.
pub fn day_order(a: &Occurrence, b: &Occurrence) -> Ordering {
    a.start
        .date()
        .cmp(&b.start.date())
        .then_with(|| b.all_day.cmp(&a.all_day))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| b.end.cmp(&a.end))
        .then_with(|| fold(&a.title).cmp(&fold(&b.title)))
        .then_with(|| a.event_id.cmp(&b.event_id))
        .then_with(|| a.date.cmp(&b.date))
}

/// The occurrences of the filter's range (see [`super::occurrences`]):
/// with a whole range only the single events touching it are read (every
/// series is, as a moved occurrence may land in it from anywhere).
pub(crate) fn occurrences(conn: &Connection, filter: &EventFilter) -> Result<Vec<Occurrence>> {
    let events = match (filter.from, filter.to) {
        (Some(from), Some(to)) => queries::load_touching(conn, from, to)?,
        _ => queries::load_all(conn, false)?,
    };
    expand(conn, events, filter)
}

/// The occurrences of `events` that pass the filter, sorted by start.
fn expand(conn: &Connection, events: Vec<Event>, filter: &EventFilter) -> Result<Vec<Occurrence>> {
    let tz = crate::settings::time_zone(conn)?;
    let forms: HashMap<i64, EventForm> = queries::forms(conn)?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let names = queries::partner_names(conn)?;
    let words = crate::text::search_terms(&filter.query);
    let mut out = Vec::new();
    for event in &events {
        let d = &event.data;
        if !filter.form_ids.is_empty() && !filter.form_ids.contains(&d.form_id) {
            continue;
        }
        if filter
            .partner_id
            .is_some_and(|pid| !d.partner_ids.contains(&pid))
        {
            continue;
        }
        let form = forms.get(&d.form_id);
        let form_name = form.map(|f| f.name.clone()).unwrap_or_default();
        let partners: Vec<String> = d
            .partner_ids
            .iter()
            .filter_map(|id| names.get(id).map(|(n, _)| n.clone()))
            .collect();
        if !matches_query(event, &form_name, &partners, &words) {
            continue;
        }
        let from = filter.from.unwrap_or(d.start.date());
        let to = filter.to.unwrap_or_else(|| super::reach(d.start.date()));
        for slot in recurrence::slots(event, from, to, tz) {
            if !filter.statuses.is_empty() && !filter.statuses.contains(&slot.status) {
                continue;
            }
            let change = slot.change;
            out.push(Occurrence {
                event_id: event.id,
                date: slot.date,
                start: slot.start,
                end: slot.end,
                all_day: d.all_day,
                title: d.title.clone(),
                form_id: d.form_id,
                form: form_name.clone(),
                color: form.map(|f| f.color.clone()).unwrap_or_default(),
                status: slot.status,
                place: d.place.clone(),
                link: d.link.clone(),
                responsible: d.responsible.clone(),
                partner_ids: d.partner_ids.clone(),
                partners: partners.clone(),
                audience: d.audience.clone(),
                planned_count: d.planned_count,
                actual_count: change.map(|c| c.actual_count).unwrap_or(d.actual_count),
                results: change
                    .map(|c| c.results.clone())
                    .unwrap_or_else(|| d.results.clone()),
                recurring: d.recurrence.is_some(),
                changed: change.is_some(),
            });
        }
    }
    out.sort_by_key(|o| (o.start, o.event_id, o.date));
    Ok(out)
}

fn matches_query(event: &Event, form: &str, partners: &[String], words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let d = &event.data;
    let haystack = fold(&format!(
        "{} {} {} {} {} {}",
        d.title,
        d.place,
        d.responsible,
        d.organiser,
        form,
        partners.join(" ")
    ));
    words.iter().all(|w| haystack.contains(w.as_str()))
}
