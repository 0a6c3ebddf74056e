//! The network's health (issue 11 §4): a read model above the domains.
//! Everything is loaded once ([`load`]) and computed by pure functions
//! ([`health::compute`]): dormant partners, partners reached through one
//! contact, joint events after an agreement ended, deficits no partner
//! covers and resources that cover none, the concentration of the year's
//! events on the five most active partners, partners by stage.
//! «Today» and the school year are passed in.

pub mod health;
pub mod map;
pub mod map_layout;
pub mod map_pdf;
pub mod model;
pub mod timeline;

pub use map_pdf::map_figure;
pub use timeline::timeline;

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::events::model::EventFilter;
use crate::events::school_year::school_year_range;
use crate::storage::Storage;
use health::{Inputs, STAGE_FIELD};
use model::{MapQuery, NetworkHealth, NetworkMap};

/// How far past the later of today and the year's end planned events are
/// looked at (events after an agreement ended).
const REACH_DAYS: i64 = 366;

/// For each deficit the partners whose resources cover it (in the
/// partners' order), and every partner covering one: each text stemmed once.
fn coverage(
    deficits: &[String],
    partners: &[crate::partners::model::Partner],
) -> (Vec<(String, Vec<i64>)>, HashSet<i64>) {
    use crate::institution::Stemmed;
    let wanted: Vec<Stemmed> = deficits.iter().map(|d| Stemmed::new(d)).collect();
    let mut covered_by: Vec<(String, Vec<i64>)> =
        deficits.iter().map(|d| (d.clone(), Vec::new())).collect();
    let mut covering = HashSet::new();
    for p in partners {
        for r in &p.data.resources {
            let r = Stemmed::new(r);
            for (i, d) in wanted.iter().enumerate() {
                if d.matches(&r) && !covered_by[i].1.contains(&p.id) {
                    covered_by[i].1.push(p.id);
                    covering.insert(p.id);
                }
            }
        }
    }
    (covered_by, covering)
}

/// The last day the loaded occurrences cover.
fn reach(today: NaiveDate, school_year: i32) -> NaiveDate {
    let (_, last) = school_year_range(school_year);
    last.max(today) + Duration::days(REACH_DAYS)
}

/// Loads what the health is computed from: live partners, agreements and
/// events only.
pub fn load(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<Inputs> {
    let conn = storage.conn();
    let settings = crate::settings::load(conn)?;
    let partners = crate::partners::all(storage)?;
    let mut stage_history: HashMap<i64, Vec<_>> =
        partners.iter().map(|p| (p.id, Vec::new())).collect();
    for e in crate::partners::queries::field_history(conn, STAGE_FIELD)? {
        if let Some(entries) = stage_history.get_mut(&e.partner_id) {
            entries.push(e);
        }
    }
    let mut agreements = Vec::new();
    for a in crate::agreements::all(storage, today)? {
        let history = crate::agreements::queries::history(conn, a.id)?;
        agreements.push((a, history));
    }
    let to = reach(today, school_year);
    let occurrences = crate::events::occurrences(
        storage,
        &EventFilter {
            to: Some(to),
            ..EventFilter::default()
        },
    )?;
    let inst = crate::institution::get(storage)?;
    let institution = [&inst.short_name, &inst.full_name]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("Наше учреждение")
        .to_string();
    let (covered_by, covering) = coverage(&inst.deficits, &partners);
    Ok(Inputs {
        today,
        year: school_year,
        dormant_months: settings.dormant_months,
        partners,
        stage_history,
        agreements,
        occurrences,
        deficits: inst.deficits,
        covered_by,
        covering,
        ties: crate::partners::tie_queries::all_live(conn)?,
        note_dates: crate::partners::note_queries::live_dates(conn)?,
        institution,
    })
}

/// The network's health for `school_year` (2026 = 2026/2027) as of `today`.
pub fn health(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<NetworkHealth> {
    Ok(health::compute(&load(storage, today, school_year)?))
}

/// The network map of `query`'s period (by default the school year of
/// `today`): everything loaded once, the health's flags as of `today`.
pub fn map(storage: &Storage, today: NaiveDate, query: &MapQuery) -> Result<NetworkMap> {
    let (from, to) = map::period(query, today)?;
    let year = crate::events::school_year::school_year_of(today);
    let mut inputs = load(storage, today, year)?;
    let flags = health::compute(&inputs).flags;
    if to > reach(today, year) {
        inputs.occurrences = crate::events::occurrences(
            storage,
            &EventFilter {
                from: Some(from),
                to: Some(to),
                ..EventFilter::default()
            },
        )?;
    }
    Ok(map::compute(&inputs, &flags, from, to, query))
}
