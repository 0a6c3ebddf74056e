//! One search for everything (Ctrl+K, issue 14 §1): partners, contact
//! persons, agreements, events and brochures, grouped by kind and ranked
//! (`rank.rs`), in Russian as every list searches: folded (case, ё = е),
//! each word by its Snowball stem at a word's beginning. A read model
//! across the domains; the names it ranks are kept in memory while the
//! data stays the same (`index.rs`), the partners' other text (requisites,
//! head, contacts, resources) is looked up in their FTS index.
//!
//! And the calendar's search over a whole school year rather than the
//! month on screen ([`events_in_range`]).

mod index;
pub mod model;
mod rank;

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::Result;
use crate::events::{self, model::EventFilter};
use crate::storage::Storage;
use index::Entry;
use model::{EventMatches, Found, FoundGroup, FoundKind, SearchResults};
use rank::{Query, Rank};

/// The most records a group may show.
pub const MAX_PER_KIND: u32 = 50;

/// The records matching `query`, at most `limit_per_kind` of each kind
/// (1..=[`MAX_PER_KIND`]), best first: the name as typed, then every word
/// in the name, then in the other text (from the second letter typed);
/// ties by name. An empty query finds
/// nothing (and prepares the index, so the first keystroke is quick).
/// `today` decides on which date a series opens.
pub fn everything(
    storage: &Storage,
    query: &str,
    limit_per_kind: u32,
    today: NaiveDate,
) -> Result<SearchResults> {
    let index = index::get(storage, today)?;
    let query = bounded(query);
    let mut results = SearchResults {
        query: query.clone(),
        groups: Vec::new(),
    };
    let query = query.as_str();
    let Some(q) = Query::new(query) else {
        return Ok(results);
    };
    let limit = limit_per_kind.clamp(1, MAX_PER_KIND) as usize;
    let elsewhere = if q.elsewhere {
        partners_elsewhere(storage, query)?
    } else {
        HashSet::new()
    };
    for kind in FoundKind::ALL {
        let (entries, other): (&[Entry], Other) = match kind {
            FoundKind::Partner => (&index.partners, Other::Ids(&elsewhere)),
            FoundKind::Person => (&index.persons, Other::Text),
            FoundKind::Agreement => (&index.agreements, Other::Text),
            FoundKind::Event => (&index.events, Other::Text),
            FoundKind::Brochure => (&index.brochures, Other::Text),
        };
        let (total, items) = best(entries, &q, other, limit);
        if total > 0 {
            results.groups.push(FoundGroup {
                kind,
                label: kind.label().to_string(),
                total: u32::try_from(total).unwrap_or(u32::MAX),
                items,
            });
        }
    }
    Ok(results)
}

/// The words a query is searched by: a search box's worth; what is pasted
/// beyond it is left out rather than slowing every keystroke.
const MAX_WORDS: usize = 16;
const MAX_CHARS: usize = 300;

fn bounded(query: &str) -> String {
    let words: Vec<&str> = query.split_whitespace().take(MAX_WORDS).collect();
    words.join(" ").chars().take(MAX_CHARS).collect()
}

/// Where a kind's other text is.
#[derive(Clone, Copy)]
enum Other<'a> {
    /// In the entry (`Entry::other`).
    Text,
    /// Found in an FTS index: the ids it gave.
    Ids(&'a HashSet<i64>),
}

/// How many entries match and the first `limit` of them by rank, then by
/// the entries' own order (by name).
fn best(entries: &[Entry], q: &Query, other: Other, limit: usize) -> (usize, Vec<Found>) {
    let mut hits: Vec<(Rank, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(at, e)| {
            let rank = match other {
                Other::Text => q.rank(&e.names, e.other.as_ref()),
                Other::Ids(ids) => q
                    .rank(&e.names, None)
                    .or_else(|| ids.contains(&e.id).then_some(Rank::Elsewhere)),
            };
            rank.map(|r| (r, at))
        })
        .collect();
    let total = hits.len();
    if hits.len() > limit {
        hits.select_nth_unstable(limit - 1);
        hits.truncate(limit);
    }
    hits.sort_unstable();
    let items = hits
        .into_iter()
        .map(|(_, at)| entries[at].found.clone())
        .collect();
    (total, items)
}

/// The partners (live or not: the index keeps only live ones) whose
/// searchable text matches every word of `query` (the partners list's FTS).
fn partners_elsewhere(storage: &Storage, query: &str) -> Result<HashSet<i64>> {
    let Some(fts) = crate::text::prefix_query(query) else {
        return Ok(HashSet::new());
    };
    let mut stmt = storage
        .conn()
        .prepare_cached("SELECT rowid FROM partner_search WHERE partner_search MATCH ?")?;
    let rows = stmt.query_map([fts], |r| r.get::<_, i64>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The most occurrences [`events_in_range`] gives at once.
pub const MAX_EVENT_MATCHES: u32 = 500;

/// The calendar's search over its whole period (the school year on
/// screen, not the month): the occurrences passing `filter` as the
/// calendar filters them, by date, the first `limit` (at most
/// [`MAX_EVENT_MATCHES`]) and how many there are.
pub fn events_in_range(
    storage: &Storage,
    filter: &EventFilter,
    limit: u32,
) -> Result<EventMatches> {
    let mut occurrences = events::occurrences(storage, filter)?;
    let total = u32::try_from(occurrences.len()).unwrap_or(u32::MAX);
    occurrences.truncate(limit.min(MAX_EVENT_MATCHES) as usize);
    Ok(EventMatches { occurrences, total })
}
