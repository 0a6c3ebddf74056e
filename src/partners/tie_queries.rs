//! SQL of the ties between organisations. Reads take a `&Connection`; writes
//! are called inside the caller's transaction.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, Result};
use crate::partners::model::{Tie, TieInput, TieKind};
use crate::storage::time::{fmt_ts, parse_ts};

/// How the own institution is named on a tie when its profile has no name.
pub const INSTITUTION_FALLBACK: &str = "наше учреждение";

const SELECT: &str = "SELECT t.id, t.first_id, a.short_name, t.second_id, b.short_name, t.kind,
        t.start_date, t.end_date, t.note, t.created_at, t.updated_at,
        (SELECT short_name FROM institution WHERE id = 1)
     FROM partner_ties t
     LEFT JOIN partners a ON a.id = t.first_id
     LEFT JOIN partners b ON b.id = t.second_id";

fn institution_name(stored: Option<String>) -> String {
    stored
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| INSTITUTION_FALLBACK.to_string())
}

fn read_tie(r: &Row) -> rusqlite::Result<Tie> {
    let own = institution_name(r.get(11)?);
    let first_id: Option<i64> = r.get(1)?;
    let second_id: Option<i64> = r.get(3)?;
    let kind: String = r.get(5)?;
    Ok(Tie {
        id: r.get(0)?,
        first_id,
        first_name: r
            .get::<_, Option<String>>(2)?
            .unwrap_or_else(|| own.clone()),
        second_id,
        second_name: r.get::<_, Option<String>>(4)?.unwrap_or(own),
        kind: TieKind::from_code(&kind).ok_or_else(|| {
            rusqlite::Error::InvalidColumnType(
                5,
                format!("вид связи (kind): неизвестное значение «{kind}»"),
                rusqlite::types::Type::Text,
            )
        })?,
        start_date: r.get(6)?,
        end_date: r.get(7)?,
        note: r.get(8)?,
        created_at: parse_ts(&r.get::<_, String>(9)?)?,
        updated_at: parse_ts(&r.get::<_, String>(10)?)?,
    })
}

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

pub fn insert(conn: &Connection, input: &TieInput, now: NaiveDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO partner_ties (first_id, second_id, kind, start_date, end_date, note,
                                   created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            input.first_id,
            input.second_id,
            input.kind.code(),
            day(input.start_date),
            day(input.end_date),
            input.note,
            fmt_ts(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, input: &TieInput, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE partner_ties SET first_id = ?2, second_id = ?3, kind = ?4, start_date = ?5,
                end_date = ?6, note = ?7, updated_at = ?8
         WHERE id = ?1",
        params![
            id,
            input.first_id,
            input.second_id,
            input.kind.code(),
            day(input.start_date),
            day(input.end_date),
            input.note,
            fmt_ts(now)
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM partner_ties WHERE id = ?", [id])?;
    Ok(())
}

pub fn load(conn: &Connection, id: i64) -> Result<Tie> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?"), [id], read_tie)
        .optional()?
        .ok_or(CoreError::NotFound {
            what: "Связь", id
        })
}

/// The ties of a partner in both directions, the current ones (by start
/// date) first. A tie whose other side is in the trash is left out while it
/// is there: it comes back with the restore.
pub fn of_partner(conn: &Connection, partner_id: i64) -> Result<Vec<Tie>> {
    let sql = format!(
        "{SELECT} WHERE (t.first_id = ?1 AND (t.second_id IS NULL OR b.deleted_at IS NULL))
            OR (t.second_id = ?1 AND (t.first_id IS NULL OR a.deleted_at IS NULL))
         ORDER BY t.start_date DESC, t.id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([partner_id], read_tie)?;
    Ok(crate::error::rows::sound(rows)?)
}

/// The ties of the own institution with live partners.
pub fn of_institution(conn: &Connection) -> Result<Vec<Tie>> {
    let sql = format!(
        "{SELECT} WHERE (t.first_id IS NULL AND b.deleted_at IS NULL)
            OR (t.second_id IS NULL AND a.deleted_at IS NULL)
         ORDER BY t.start_date DESC, t.id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], read_tie)?;
    Ok(crate::error::rows::sound(rows)?)
}

/// Every tie whose sides are the own institution or partners out of the
/// trash (the network's read models load them once).
pub fn all_live(conn: &Connection) -> Result<Vec<Tie>> {
    let sql = format!(
        "{SELECT} WHERE (t.first_id IS NULL OR a.deleted_at IS NULL)
            AND (t.second_id IS NULL OR b.deleted_at IS NULL)
         ORDER BY t.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], read_tie)?;
    Ok(crate::error::rows::sound(rows)?)
}

/// The ties left out because a stored value does not read: (id, why).
pub fn damaged(conn: &Connection) -> Result<Vec<(i64, String)>> {
    Ok(crate::error::rows::refused(
        conn,
        &format!("{SELECT} ORDER BY t.id"),
        0,
        read_tie,
    )?)
}
