//! SQL of her own fields (`own_fields`) and their values
//! (`partner_own_values`), migration 014. Reads take a `&Connection`;
//! writes are called inside the caller's transaction.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, Result};
use crate::partners::model::{OwnField, OwnFieldInput, OwnFieldKind, OwnFieldValue};
use crate::storage::time::fmt_ts;

const SELECT: &str = "SELECT f.id, f.name, f.kind, f.options,
        (SELECT count(*) FROM partner_own_values v WHERE v.field_id = f.id)
     FROM own_fields f";

fn read(r: &Row) -> rusqlite::Result<OwnField> {
    let code: String = r.get(2)?;
    let kind = OwnFieldKind::from_code(&code).ok_or_else(|| {
        rusqlite::Error::InvalidColumnType(
            2,
            format!("вид своего поля: неизвестное значение «{code}»"),
            rusqlite::types::Type::Text,
        )
    })?;
    let options: String = r.get(3)?;
    Ok(OwnField {
        id: r.get(0)?,
        name: r.get(1)?,
        kind,
        // Options that do not read are no options: the field still shows.
        options: serde_json::from_str(&options).unwrap_or_default(),
        used_by: r.get(4)?,
    })
}

/// The live fields in her order.
pub fn live(conn: &Connection) -> Result<Vec<OwnField>> {
    let sql = format!("{SELECT} WHERE f.deleted_at IS NULL ORDER BY f.position, f.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], read)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A live field by its id.
pub fn get(conn: &Connection, id: i64) -> Result<OwnField> {
    let sql = format!("{SELECT} WHERE f.id = ? AND f.deleted_at IS NULL");
    conn.query_row(&sql, [id], read)
        .optional()?
        .ok_or(CoreError::NotFound {
            what: "Своё поле",
            id,
        })
}

pub fn insert(conn: &Connection, input: &OwnFieldInput, now: NaiveDateTime) -> Result<i64> {
    let position: i64 = conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM own_fields WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO own_fields (name, kind, options, position, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            input.name,
            input.kind.code(),
            options_json(&input.options),
            position,
            fmt_ts(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, input: &OwnFieldInput) -> Result<()> {
    conn.execute(
        "UPDATE own_fields SET name = ?2, kind = ?3, options = ?4 WHERE id = ?1",
        params![
            id,
            input.name,
            input.kind.code(),
            options_json(&input.options)
        ],
    )?;
    Ok(())
}

/// A list of strings always serialises; the fallback is never taken.
fn options_json(options: &[String]) -> String {
    serde_json::to_string(options).unwrap_or_else(|_| "[]".into())
}

pub fn set_position(conn: &Connection, id: i64, position: i64) -> Result<()> {
    conn.execute(
        "UPDATE own_fields SET position = ?2 WHERE id = ?1",
        params![id, position],
    )?;
    Ok(())
}

pub fn mark_deleted(conn: &Connection, id: i64, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE own_fields SET deleted_at = ?2 WHERE id = ?1",
        params![id, fmt_ts(now)],
    )?;
    Ok(())
}

/// How many partners have `value` in field `id`.
pub fn count_value(conn: &Connection, id: i64, value: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM partner_own_values WHERE field_id = ?1 AND value = ?2",
        params![id, value],
        |r| r.get(0),
    )?)
}

/// Every `(partner, value)` of field `id`.
pub fn values_of_field(conn: &Connection, id: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT partner_id, value FROM partner_own_values WHERE field_id = ? ORDER BY partner_id",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A partner's values of the live fields, in the fields' order.
pub fn values_of(conn: &Connection, partner_id: i64) -> Result<Vec<OwnFieldValue>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.field_id, v.value FROM partner_own_values v
         JOIN own_fields f ON f.id = v.field_id AND f.deleted_at IS NULL
         WHERE v.partner_id = ? ORDER BY f.position, f.id",
    )?;
    let rows = stmt.query_map([partner_id], |r| {
        Ok(OwnFieldValue {
            field_id: r.get(0)?,
            value: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every partner's values of the live fields, by partner, each in the
/// fields' order (the list's columns, the exports).
pub fn all_values(conn: &Connection) -> Result<HashMap<i64, Vec<OwnFieldValue>>> {
    by_partner(conn, "", &[])
}

/// Keeps the rows whose values meet the list's conditions on her fields
/// (nothing is read when there are none).
pub fn keep_matching(
    conn: &Connection,
    rows: &mut Vec<crate::partners::model::PartnerSummary>,
    filters: &[crate::partners::model::OwnFieldFilter],
) -> Result<()> {
    if filters.is_empty() {
        return Ok(());
    }
    let values = all_values(conn)?;
    rows.retain(|r| {
        let own = values.get(&r.id).map(Vec::as_slice).unwrap_or_default();
        crate::partners::own_values::matches(filters, own)
    });
    Ok(())
}

/// [`all_values`] of the partners `ids` only (the rows the window draws).
pub fn values_for(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, Vec<OwnFieldValue>>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let marks = vec!["?"; ids.len()].join(", ");
    by_partner(conn, &format!("WHERE v.partner_id IN ({marks})"), ids)
}

fn by_partner(
    conn: &Connection,
    condition: &str,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<OwnFieldValue>>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT v.partner_id, v.field_id, v.value FROM partner_own_values v
         JOIN own_fields f ON f.id = v.field_id AND f.deleted_at IS NULL
         {condition} ORDER BY v.partner_id, f.position, f.id"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(ids), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            OwnFieldValue {
                field_id: r.get(1)?,
                value: r.get(2)?,
            },
        ))
    })?;
    let mut out: HashMap<i64, Vec<OwnFieldValue>> = HashMap::new();
    for row in rows {
        let (partner, value) = row?;
        out.entry(partner).or_default().push(value);
    }
    Ok(out)
}

/// Replaces a partner's values of the live fields; values of removed
/// fields stay (their history and backups read them).
pub fn write_values(conn: &Connection, partner_id: i64, values: &[OwnFieldValue]) -> Result<()> {
    conn.execute(
        "DELETE FROM partner_own_values WHERE partner_id = ?1
           AND field_id IN (SELECT id FROM own_fields WHERE deleted_at IS NULL)",
        [partner_id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT OR REPLACE INTO partner_own_values (partner_id, field_id, value)
         VALUES (?1, ?2, ?3)",
    )?;
    for v in values.iter().filter(|v| !v.value.is_empty()) {
        stmt.execute(params![partner_id, v.field_id, v.value])?;
    }
    Ok(())
}
