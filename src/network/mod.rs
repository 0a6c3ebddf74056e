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
pub mod view;

pub use map_pdf::map_figure;
pub use timeline::timeline;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{Duration, NaiveDate};

use crate::agreements::model::{Agreement, StatusChange};
use crate::error::Result;
use crate::events::school_year::school_year_range;
use crate::storage::Storage;
use health::{Inputs, STAGE_FIELD};
use model::{HealthFlag, HealthView, MapQuery, NetworkHealth, NetworkMap};

/// How far past the later of today and the year's end planned events are
/// looked at (events after an agreement ended).
const REACH_DAYS: i64 = 366;

/// For each deficit the partners whose resources cover it (in the
/// partners' order), and every partner covering one: each distinct text
/// stemmed once.
fn coverage(
    deficits: &[String],
    partners: &[crate::partners::model::Partner],
) -> (Vec<(String, Vec<i64>)>, HashSet<i64>) {
    use crate::institution::Stemmed;
    let wanted: Vec<Stemmed> = deficits.iter().map(|d| Stemmed::new(d)).collect();
    let mut covered_by: Vec<(String, Vec<i64>)> =
        deficits.iter().map(|d| (d.clone(), Vec::new())).collect();
    let mut covering = HashSet::new();
    // The deficits each distinct resource text covers.
    let mut hits: HashMap<&str, Vec<usize>> = HashMap::new();
    for p in partners {
        for r in &p.data.resources {
            let of = hits.entry(r.as_str()).or_insert_with(|| {
                let r = Stemmed::new(r);
                (0..wanted.len())
                    .filter(|&i| wanted[i].matches(&r))
                    .collect()
            });
            for &i in of.iter() {
                if !covered_by[i].1.contains(&p.id) {
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
    let to = reach(today, school_year);
    let occurrences = crate::events::occurrence_facts(storage, None, Some(to))?;
    let rest = load_rest(storage, today)?;
    let inst = rest.institution;
    let institution = [&inst.short_name, &inst.full_name]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .unwrap_or("Наше учреждение")
        .to_string();
    let (covered_by, covering) = coverage(&inst.deficits, &rest.partners);
    Ok(Inputs {
        today,
        year: school_year,
        dormant_months: rest.settings.dormant_months,
        partners: rest.partners,
        stage_history: rest.stage_history,
        agreements: rest.agreements,
        occurrences,
        deficits: inst.deficits,
        covered_by,
        covering,
        ties: rest.ties,
        note_dates: rest.note_dates,
        institution,
    })
}

/// Everything [`load`] reads besides the occurrences.
struct Rest {
    settings: crate::settings::Settings,
    partners: Vec<crate::partners::model::Partner>,
    stage_history: HashMap<i64, Vec<crate::partners::model::HistoryEntry>>,
    agreements: Vec<(Agreement, Vec<StatusChange>)>,
    institution: crate::institution::model::Institution,
    ties: Vec<crate::partners::model::Tie>,
    note_dates: Vec<(i64, NaiveDate)>,
}

fn load_rest(storage: &Storage, today: NaiveDate) -> Result<Rest> {
    let conn = storage.conn();
    let partners = crate::partners::all_lean(storage)?;
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
    Ok(Rest {
        settings: crate::settings::load(conn)?,
        partners,
        stage_history,
        agreements,
        institution: crate::institution::get(storage)?,
        ties: crate::partners::tie_queries::all_live(conn)?,
        note_dates: crate::partners::note_queries::live_dates(conn)?,
    })
}

/// The network's health for `school_year` (2026 = 2026/2027) as of `today`.
pub fn health(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<NetworkHealth> {
    Ok(health::compute(&load(storage, today, school_year)?))
}

/// [`load`], kept while the data has not changed (`Storage::memo`): the
/// health and the map of the same day share it.
fn inputs_memo(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<Arc<Inputs>> {
    storage.memo(&format!("network::inputs {today} {school_year}"), |s| {
        load(s, today, school_year).map(Arc::new)
    })
}

/// [`health`], kept while the data has not changed and shared, not copied.
fn health_shared(
    storage: &Storage,
    today: NaiveDate,
    school_year: i32,
) -> Result<Arc<NetworkHealth>> {
    storage.memo(&format!("network::health {today} {school_year}"), |s| {
        Ok(Arc::new(health::compute(&*inputs_memo(
            s,
            today,
            school_year,
        )?)))
    })
}

/// [`health`], kept while the data has not changed. Benchmarks and reports
/// compute it afresh with [`health`].
pub fn health_memo(storage: &Storage, today: NaiveDate, school_year: i32) -> Result<NetworkHealth> {
    Ok((*health_shared(storage, today, school_year)?).clone())
}

/// What «Главная» and «Партнёры» show of the health (its first `flags`
/// flags), kept while the data has not changed.
pub fn health_view(
    storage: &Storage,
    today: NaiveDate,
    school_year: i32,
    flags: usize,
) -> Result<HealthView> {
    // Kept too: ordering 10 000 flags again at each visit of «Партнёры»
    // held the storage (and the list waiting for it) for tens of ms.
    let key = format!("network::health_view {today} {school_year} {flags}");
    let view = storage.memo(&key, |s| {
        Ok(Arc::new(view::view(
            &*health_shared(s, today, school_year)?,
            flags,
        )))
    })?;
    Ok((*view).clone())
}

/// The flags of one partner as of `today` in the current school year, in
/// the order they are shown.
pub fn partner_flags(
    storage: &Storage,
    today: NaiveDate,
    partner_id: i64,
) -> Result<Vec<HealthFlag>> {
    let year = crate::events::school_year::school_year_of(today);
    let health = health_shared(storage, today, year)?;
    Ok(view::partner_flags(&health, partner_id))
}

/// [`map`] for the app: the loaded data and the health's flags are kept
/// while the data has not changed, so a filter, the cut or a visit after
/// «Главная» only computes the map itself.
pub fn map_memo(storage: &Storage, today: NaiveDate, query: &MapQuery) -> Result<NetworkMap> {
    let (from, to) = map::period(query, today)?;
    let year = crate::events::school_year::school_year_of(today);
    if to > reach(today, year) {
        return map(storage, today, query);
    }
    let inputs = inputs_memo(storage, today, year)?;
    let health = health_shared(storage, today, year)?;
    Ok(map::compute(&inputs, &health.flags, from, to, query))
}

/// The network map of `query`'s period (by default the school year of
/// `today`): everything loaded once, the health's flags as of `today`.
pub fn map(storage: &Storage, today: NaiveDate, query: &MapQuery) -> Result<NetworkMap> {
    let (from, to) = map::period(query, today)?;
    let year = crate::events::school_year::school_year_of(today);
    let mut inputs = load(storage, today, year)?;
    let flags = health::compute(&inputs).flags;
    if to > reach(today, year) {
        inputs.occurrences = crate::events::occurrence_facts(storage, Some(from), Some(to))?;
    }
    Ok(map::compute(&inputs, &flags, from, to, query))
}
