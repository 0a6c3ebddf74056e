//! Demo events: a whole school year (1 September – 31 August) of network
//! interaction around the day the demo is loaded, so the calendar, the plan
//! and the exports show real content at once.
//!
//! Every date is counted from the school year containing `today`: what lies
//! before the moment of loading is held (with results and actual counts,
//! except two recent events still waiting for their results), what lies
//! after it is planned. A few events are placed in the current week, so the
//! start screen's block is never empty. Exactly one pair of events overlaps
//! at the same place ([`super::event_spec::CONFLICT_PLACE`]): the
//! double-booked hall the methodologist has to sort out.
//!
//! The content is in [`super::event_list`], [`super::event_spring`],
//! [`super::event_summer`] (single events of the year),
//! [`super::event_series`] (series and the events around `today`) and
//! [`super::event_history`] (the last school year, all held), written
//! with the words of [`super::event_spec`]; this file only loads it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use rusqlite::{Connection, Transaction};

use crate::error::{CoreError, Result};
use crate::events::model::{EventInput, EventStatus, OccurrenceChange};
use crate::events::{queries, recurrence, validate};

use super::event_spec::{Fate, Form, SchoolYear, Series, Spec};
use super::{event_history, event_list, event_series, event_spring, event_summer};

/// When a (single) event is over: all-day events at the end of their last day.
fn finish(all_day: bool, end: NaiveDateTime) -> NaiveDateTime {
    if all_day {
        end + chrono::Duration::days(1)
    } else {
        end
    }
}

/// All demo events of the school year containing `now`, in the order they
/// are written.
pub fn specs(now: NaiveDateTime) -> Vec<Spec> {
    let year = SchoolYear::containing(now.date());
    let mut all = event_list::autumn(year);
    all.extend(event_spring::winter(year));
    all.extend(event_spring::spring(year));
    all.extend(event_summer::summer(year));
    all.extend(event_series::series(year));
    all.extend(event_series::around_today(year, now));
    all
}

/// The ids the content refers to.
pub struct Ids<'a> {
    /// Built-in form → its id.
    pub forms: HashMap<Form, i64>,
    /// Partner short name → id.
    pub partners: &'a HashMap<String, i64>,
    /// First party of a demo agreement → the agreement's id.
    pub agreements: &'a HashMap<&'static str, i64>,
}

impl Ids<'_> {
    fn partner(&self, name: &str) -> Result<i64> {
        self.partners.get(name).copied().ok_or_else(|| {
            CoreError::Conflict(format!("В демонстрационных данных нет партнёра «{name}»."))
        })
    }

    fn agreement(&self, first_party: &str) -> Result<i64> {
        self.agreements.get(first_party).copied().ok_or_else(|| {
            CoreError::Conflict(format!(
                "В демонстрационных данных нет договора с «{first_party}»."
            ))
        })
    }
}

/// The built-in forms of the database by their order.
pub fn form_ids(conn: &Connection) -> Result<HashMap<Form, i64>> {
    let builtin: Vec<_> = queries::forms(conn)?
        .into_iter()
        .filter(|f| f.builtin)
        .collect();
    Form::ALL
        .into_iter()
        .map(|form| {
            builtin
                .iter()
                .find(|f| f.name == form.name())
                .or_else(|| builtin.get(form as usize))
                .map(|f| (form, f.id))
                .ok_or_else(|| {
                    CoreError::Conflict(format!("Нет встроенной формы «{}».", form.name()))
                })
        })
        .collect()
}

/// The form of one demo event as of `now`.
pub fn input(spec: &Spec, ids: &Ids, now: NaiveDateTime) -> Result<EventInput> {
    let over = finish(spec.all_day, spec.end) <= now;
    let (status, actual, results) = match spec.fate {
        _ if spec.series.is_some() => (EventStatus::Planned, None, ""),
        Fate::Cancelled => (EventStatus::Cancelled, None, ""),
        Fate::Postponed => (EventStatus::Postponed, None, ""),
        Fate::ByTime if over => (EventStatus::Held, spec.actual, spec.results),
        Fate::HeldNoResults if over => (EventStatus::Held, spec.actual, ""),
        _ => (EventStatus::Planned, None, ""),
    };
    Ok(EventInput {
        form_id: ids.forms.get(&spec.form).copied().unwrap_or_default(),
        title: spec.title.clone(),
        description: spec.description.to_string(),
        start: spec.start,
        end: spec.end,
        all_day: spec.all_day,
        place: spec.place.to_string(),
        link: spec.link.to_string(),
        organiser: spec.organiser.to_string(),
        partner_ids: spec
            .partners
            .iter()
            .map(|name| ids.partner(name))
            .collect::<Result<_>>()?,
        agreement_id: spec.agreement.map(|a| ids.agreement(a)).transpose()?,
        audience: spec.audience.to_vec(),
        planned_count: spec.planned,
        actual_count: actual,
        status,
        results: results.to_string(),
        responsible: spec.responsible.to_string(),
        responsible_person_id: None,
        recurrence: spec.series.as_ref().map(|s| s.recurrence.clone()),
    })
}

/// The changes of a series' occurrences as of `now`: the held ones with
/// their results, the cancelled and the moved one. `occurrences` are the
/// (start, end) of the occurrences by their key date, in order.
pub fn changes(
    series: &Series,
    occurrences: &[(NaiveDate, NaiveDateTime, NaiveDateTime)],
    now: NaiveDateTime,
) -> Vec<OccurrenceChange> {
    let mut out = Vec::new();
    for (i, &(date, start, end)) in occurrences.iter().enumerate() {
        let session = &series.sessions[i % series.sessions.len().max(1)];
        let held = |start: Option<NaiveDateTime>, end: Option<NaiveDateTime>| OccurrenceChange {
            date,
            status: EventStatus::Held,
            start,
            end,
            actual_count: Some(session.actual),
            results: session.results.to_string(),
        };
        if series.cancelled == Some(i) {
            out.push(OccurrenceChange {
                date,
                status: EventStatus::Cancelled,
                ..OccurrenceChange::default()
            });
        } else if let Some((_, days)) = series.moved.filter(|(m, _)| *m == i) {
            let (start, end) = (
                start + chrono::Duration::days(days as i64),
                end + chrono::Duration::days(days as i64),
            );
            if end <= now {
                out.push(held(Some(start), Some(end)));
            } else {
                out.push(OccurrenceChange {
                    date,
                    status: EventStatus::Planned,
                    start: Some(start),
                    end: Some(end),
                    ..OccurrenceChange::default()
                });
            }
        } else if end <= now {
            out.push(held(None, None));
        }
    }
    out
}

/// Writes the demo events inside the demo's transaction (after the partners
/// and agreements), through the events core's checks and queries; a series
/// gets its held, cancelled and moved occurrences. Returns the number of
/// events.
pub fn load(
    tx: &Transaction,
    partners: &HashMap<String, i64>,
    agreements: &HashMap<&'static str, i64>,
    now: NaiveDateTime,
) -> Result<usize> {
    let ids = Ids {
        forms: form_ids(tx)?,
        partners,
        agreements,
    };
    let year = SchoolYear::containing(now.date());
    let all = specs(now);
    for spec in &all {
        let input = crate::events::prepare(tx, input(spec, &ids, now)?)?;
        let id = crate::events::insert_new(tx, &input, now)?;
        let (Some(series), Some(rule)) = (&spec.series, &input.recurrence) else {
            continue;
        };
        let length = input.end - input.start;
        let occurrences: Vec<_> = recurrence::rule_dates(input.start.date(), rule, year.last_day())
            .into_iter()
            .map(|date| {
                let start = date.and_time(input.start.time());
                (date, start, start + length)
            })
            .collect();
        for change in changes(series, &occurrences, now) {
            let change = validate::change(change).map_err(CoreError::Validation)?;
            queries::put_change(tx, id, &change)?;
        }
    }
    let history = event_history::previous_year(year);
    for spec in &history {
        let input = crate::events::prepare(tx, input(spec, &ids, now)?)?;
        crate::events::insert_new(tx, &input, now)?;
    }
    Ok(all.len() + history.len())
}
