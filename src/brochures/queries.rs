//! SQL of the `brochures` table.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use crate::brochures::model::{Brochure, BrochureSummary};
use crate::error::{CoreError, Result};
use crate::storage::time::{fmt_ts, parse_ts};

pub fn insert(conn: &Connection, title: &str, source: &str, now: NaiveDateTime) -> Result<i64> {
    conn.execute(
        "INSERT INTO brochures (title, source, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![title, source, fmt_ts(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(
    conn: &Connection,
    id: i64,
    title: &str,
    source: &str,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "UPDATE brochures SET title = ?2, source = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, title, source, fmt_ts(now)],
    )?;
    Ok(())
}

pub fn set_deleted(conn: &Connection, id: i64, at: Option<NaiveDateTime>) -> Result<()> {
    conn.execute(
        "UPDATE brochures SET deleted_at = ?2 WHERE id = ?1",
        params![id, at.map(fmt_ts)],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM brochures WHERE id = ?", [id])?;
    Ok(())
}

pub fn load(conn: &Connection, id: i64) -> Result<Brochure> {
    conn.query_row(
        "SELECT id, title, source, created_at, updated_at, deleted_at FROM brochures WHERE id = ?",
        [id],
        |r| {
            let deleted: Option<String> = r.get(5)?;
            Ok(Brochure {
                id: r.get(0)?,
                title: r.get(1)?,
                source: r.get(2)?,
                created_at: parse_ts(&r.get::<_, String>(3)?)?,
                updated_at: parse_ts(&r.get::<_, String>(4)?)?,
                deleted_at: deleted.as_deref().map(parse_ts).transpose()?,
            })
        },
    )
    .optional()?
    .ok_or(CoreError::NotFound {
        what: "Брошюра",
        id,
    })
}

/// Live brochures, or the ones in the trash.
pub fn list(conn: &Connection, trashed: bool) -> Result<Vec<BrochureSummary>> {
    let sql = format!(
        "SELECT id, title, updated_at FROM brochures WHERE deleted_at IS {} NULL
         ORDER BY updated_at DESC, id DESC",
        if trashed { "NOT" } else { "" }
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], read_summary)?;
    Ok(crate::error::rows::sound(rows)?)
}

fn read_summary(r: &rusqlite::Row) -> rusqlite::Result<BrochureSummary> {
    Ok(BrochureSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        updated_at: parse_ts(&r.get::<_, String>(2)?)?,
    })
}

/// The brochures the list leaves out because a stored value does not read.
pub fn damaged(conn: &Connection) -> Result<Vec<(i64, String)>> {
    Ok(crate::error::rows::refused(
        conn,
        "SELECT id, title, updated_at FROM brochures ORDER BY id",
        0,
        read_summary,
    )?)
}
