//! Export of the plan or a selection as an .ics file: the stored events
//! with their partners' names, written by `ical::export`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDateTime;

use super::ical;
use super::model::EventFilter;
use crate::error::{CoreError, Result};
use crate::storage::Storage;

/// The plan as .ics: the events with an occurrence in the school year
/// `year`/`year + 1` (1 September – 31 August).
pub fn export_year(storage: &Storage, year: i32, now: NaiveDateTime) -> Result<String> {
    let (from, to) = super::school_year::school_year_range(year);
    let filter = EventFilter {
        from: Some(from),
        to: Some(to),
        ..EventFilter::default()
    };
    let ids: Vec<i64> = super::occurrences(storage, &filter)?
        .into_iter()
        .map(|o| o.event_id)
        .collect();
    export_ids(storage, &ids, now)
}

/// The events `ids` as an .ics file at `path`, written whole or not at all.
pub fn export_ids_to(
    storage: &Storage,
    ids: &[i64],
    path: &Path,
    now: NaiveDateTime,
) -> Result<()> {
    if ids.is_empty() {
        return Err(CoreError::BadInput(
            "не выбрано ни одного мероприятия для выгрузки в календарь.".into(),
        ));
    }
    let text = export_ids(storage, ids, now)?;
    crate::storage::files::write_atomic(path, text.as_bytes())
}

/// The events `ids` (in that order, each once) as .ics.
pub fn export_ids(storage: &Storage, ids: &[i64], now: NaiveDateTime) -> Result<String> {
    let mut seen = HashSet::new();
    let mut events = Vec::new();
    for &id in ids {
        if seen.insert(id) {
            events.push(super::get(storage, id)?);
        }
    }
    let mut names = HashMap::new();
    for pid in events.iter().flat_map(|e| e.data.partner_ids.iter()) {
        if names.contains_key(pid) {
            continue;
        }
        match crate::partners::get(storage, *pid) {
            Ok(p) => {
                let name = if p.data.short_name.trim().is_empty() {
                    p.data.full_name
                } else {
                    p.data.short_name
                };
                names.insert(*pid, name.trim().to_string());
            }
            Err(CoreError::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    let tz = super::time_zone(storage)?;
    let forms = super::forms(storage)?;
    Ok(ical::export(&events, &forms, &names, tz, now))
}
