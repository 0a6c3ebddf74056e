//! The network's health (issue 11 §4): a read model above the domains.
//! Everything is loaded once ([`load`]) and computed by pure functions
//! ([`health::compute`]): dormant partners, partners reached through one
//! contact, joint events after an agreement ended, deficits no partner
//! covers and resources that cover none, the concentration of the year's
//! events on the five most active partners, partners by stage.
//! «Today» and the school year are passed in.

pub mod health;
pub mod model;
pub mod timeline;

pub use timeline::timeline;

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::error::Result;
use crate::events::model::EventFilter;
use crate::events::school_year::school_year_range;
use crate::storage::Storage;
use health::{Inputs, STAGE_FIELD};
use model::NetworkHealth;

/// How far past the later of today and the year's end planned events are
/// looked at (events after an agreement ended).
const REACH_DAYS: i64 = 366;

/// Loads what the health is computed from: live partners, agreements and
/// events only.
pub fn load(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<Inputs> {
    let conn = storage.conn();
    let settings = crate::settings::load(conn)?;
    let partners = crate::partners::all(storage)?;
    let mut stage_history = HashMap::new();
    for p in &partners {
        let entries: Vec<_> = crate::partners::queries::history(conn, p.id)?
            .into_iter()
            .filter(|e| e.field == STAGE_FIELD)
            .collect();
        stage_history.insert(p.id, entries);
    }
    let mut agreements = Vec::new();
    for a in crate::agreements::all(storage, today)? {
        let history = crate::agreements::queries::history(conn, a.id)?;
        agreements.push((a, history));
    }
    let (_, last) = school_year_range(school_year);
    let to = last.max(today) + Duration::days(REACH_DAYS);
    let occurrences = crate::events::occurrences(
        storage,
        &EventFilter {
            to: Some(to),
            ..EventFilter::default()
        },
    )?;
    let inst = crate::institution::get(storage)?;
    let covered_by = crate::institution::deficit_matches(storage)?
        .into_iter()
        .map(|m| (m.deficit, m.partners.iter().map(|p| p.partner_id).collect()))
        .collect();
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
    })
}

/// The network's health for `school_year` (2026 = 2026/2027) as of `today`.
pub fn health(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<NetworkHealth> {
    Ok(health::compute(&load(storage, today, school_year)?))
}
