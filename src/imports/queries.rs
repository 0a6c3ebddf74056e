//! The SQL of `import_batches` and `import_batch_partners`, and the mapping
//! remembered in `settings`.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use super::model::{ImportBatch, ImportField};
use crate::error::Result;
use crate::grammar::plural;
use crate::storage::time::{fmt_ts, parse_ts};

/// The settings key of the last mapping: folded header → field.
const KEY_MAPPING: &str = "import_mapping";
/// The settings key of the last columns of her own fields: folded header → field id.
const KEY_OWN_MAPPING: &str = "import_own_mapping";

pub fn insert_batch(
    conn: &Connection,
    file_name: &str,
    at: NaiveDateTime,
    counts: (u32, u32, u32),
) -> Result<i64> {
    conn.execute(
        "INSERT INTO import_batches (file_name, imported_at, created, updated, skipped)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![file_name, fmt_ts(at), counts.0, counts.1, counts.2],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One partner the import wrote; `previous` is the form before an update.
pub fn add_partner(
    conn: &Connection,
    batch_id: i64,
    partner_id: i64,
    previous: Option<&str>,
) -> Result<()> {
    let action = if previous.is_some() {
        "updated"
    } else {
        "created"
    };
    conn.prepare_cached(
        "INSERT OR IGNORE INTO import_batch_partners (batch_id, partner_id, action, previous)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![batch_id, partner_id, action, previous])?;
    Ok(())
}

/// `(partner id, the form before, if it was an update)` of a batch.
pub fn partners(conn: &Connection, batch_id: i64) -> Result<Vec<(i64, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT partner_id, previous FROM import_batch_partners WHERE batch_id = ?
         ORDER BY partner_id",
    )?;
    let rows = stmt.query_map([batch_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When other imports of a partner were undone: a change made by such an
/// undo is not an edit of hers.
pub fn undone_times(conn: &Connection, partner_id: i64, except: i64) -> Result<Vec<NaiveDateTime>> {
    let mut stmt = conn.prepare(
        "SELECT b.undone_at FROM import_batches b
         JOIN import_batch_partners p ON p.batch_id = b.id
         WHERE p.partner_id = ?1 AND b.id <> ?2 AND b.undone_at IS NOT NULL",
    )?;
    let rows = stmt.query_map(params![partner_id, except], |r| {
        parse_ts(&r.get::<_, String>(0)?)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_undone(conn: &Connection, batch_id: i64, at: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1",
        params![batch_id, fmt_ts(at)],
    )?;
    Ok(())
}

const BATCH_COLUMNS: &str =
    "SELECT id, file_name, imported_at, created, updated, skipped, undone_at FROM import_batches";

fn batch_row(r: &rusqlite::Row) -> rusqlite::Result<ImportBatch> {
    let imported_at = parse_ts(&r.get::<_, String>(2)?)?;
    let created: u32 = r.get(3)?;
    let updated: u32 = r.get(4)?;
    let undone_at = match r.get::<_, Option<String>>(6)? {
        Some(t) => Some(parse_ts(&t)?),
        None => None,
    };
    let n = i64::from(created + updated);
    Ok(ImportBatch {
        id: r.get(0)?,
        file_name: r.get(1)?,
        imported_at,
        created,
        updated,
        skipped: r.get(5)?,
        undone_at,
        label: format!(
            "Импорт от {} ({n} {})",
            imported_at.format("%d.%m.%Y"),
            plural(n, "партнёр", "партнёра", "партнёров")
        ),
    })
}

/// Every import, the latest first.
pub fn batches(conn: &Connection) -> Result<Vec<ImportBatch>> {
    let mut stmt = conn.prepare(&format!("{BATCH_COLUMNS} ORDER BY id DESC"))?;
    let rows = stmt.query_map([], batch_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn batch(conn: &Connection, id: i64) -> Result<Option<ImportBatch>> {
    Ok(conn
        .query_row(&format!("{BATCH_COLUMNS} WHERE id = ?"), [id], batch_row)
        .optional()?)
}

/// The fields chosen last time, by folded header.
pub fn mapping(conn: &Connection) -> Result<BTreeMap<String, ImportField>> {
    remembered(conn, KEY_MAPPING)
}

pub fn set_mapping(conn: &Connection, mapping: &BTreeMap<String, ImportField>) -> Result<()> {
    remember(conn, KEY_MAPPING, mapping)
}

/// The columns that filled her own fields last time: folded header → field id.
pub fn own_mapping(conn: &Connection) -> Result<BTreeMap<String, i64>> {
    remembered(conn, KEY_OWN_MAPPING)
}

pub fn set_own_mapping(conn: &Connection, mapping: &BTreeMap<String, i64>) -> Result<()> {
    remember(conn, KEY_OWN_MAPPING, mapping)
}

/// A JSON value kept in the settings; one this version cannot read is
/// forgotten, not an error.
fn remembered<T: serde::de::DeserializeOwned + Default>(conn: &Connection, key: &str) -> Result<T> {
    Ok(crate::settings::stored(conn, key)?
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

fn remember<T: serde::Serialize>(conn: &Connection, key: &str, value: &T) -> Result<()> {
    crate::settings::store(conn, key, &serde_json::to_string(value).unwrap_or_default())
}
