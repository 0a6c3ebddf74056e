//! The partner pickers (filters, agreement parties, event partners): the
//! first matches of a search as you type and the names of partners already
//! chosen, so that no window loads the whole registry to offer one partner.

use rusqlite::params_from_iter;

use crate::error::Result;
use crate::partners::list_queries::{read_summary, SUMMARY_SELECT};
use crate::partners::model::{PartnerFilter, PartnerSummary};
use crate::partners::order::PartnerSort;
use crate::storage::Storage;

/// The most a picker may ask for at once: a list longer than this is not read.
pub const MAX_MATCHES: u32 = 100;

/// The first `limit` live partners (at most [`MAX_MATCHES`]) whose names or
/// requisites match `query` as the partners list searches, in its order
/// (the list's Russian order by short name); an empty query gives the first
/// partners by name.
pub fn first_matches(storage: &Storage, query: &str, limit: u32) -> Result<Vec<PartnerSummary>> {
    let filter = PartnerFilter {
        query: query.to_string(),
        ..PartnerFilter::default()
    };
    let mut ids = super::list_ids(storage, &filter, PartnerSort::default())?;
    ids.truncate(limit.min(MAX_MATCHES) as usize);
    super::summaries_of(storage, &ids)
}

/// The partners with these ids, in the order asked, trashed ones too (a
/// chosen partner keeps its name on the form); unknown ids are left out.
pub fn by_ids(storage: &Storage, ids: &[i64]) -> Result<Vec<PartnerSummary>> {
    let mut wanted: Vec<i64> = ids.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    wanted.truncate(MAX_MATCHES as usize);
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; wanted.len()].join(", ");
    let sql = format!("{SUMMARY_SELECT} p.id IN ({marks})");
    let conn = storage.conn();
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(wanted.iter()), read_summary)?;
    let found: Vec<PartnerSummary> = crate::error::rows::sound(rows)?;
    let mut ordered = Vec::with_capacity(found.len());
    for id in ids {
        if let Some(p) = found.iter().find(|p| p.id == *id) {
            if !ordered.iter().any(|o: &PartnerSummary| o.id == *id) {
                ordered.push(p.clone());
            }
        }
    }
    Ok(ordered)
}
