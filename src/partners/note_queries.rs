//! SQL of the dated notes of a partner. Reads take a `&Connection`; writes
//! are called inside the caller's transaction.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, Result};
use crate::partners::model::{Note, NoteInput};
use crate::storage::time::{fmt_ts, parse_ts};

const SELECT: &str = "SELECT n.id, n.partner_id, n.on_date, n.body, n.person_id,
        trim(coalesce(p.surname, '') || ' ' || coalesce(p.name, '') || ' ' || coalesce(p.patronymic, '')),
        n.created_at, n.updated_at
     FROM partner_notes n LEFT JOIN persons p ON p.id = n.person_id";

fn read_note(r: &Row) -> rusqlite::Result<Note> {
    let name: String = r.get(5)?;
    Ok(Note {
        id: r.get(0)?,
        partner_id: r.get(1)?,
        date: r.get(2)?,
        text: r.get(3)?,
        person_id: r.get(4)?,
        person_name: name.split_whitespace().collect::<Vec<_>>().join(" "),
        created_at: parse_ts(&r.get::<_, String>(6)?)?,
        updated_at: parse_ts(&r.get::<_, String>(7)?)?,
    })
}

fn day(input: &NoteInput) -> Option<String> {
    input.date.map(|d| d.format("%Y-%m-%d").to_string())
}

pub fn insert(
    conn: &Connection,
    partner_id: i64,
    input: &NoteInput,
    now: NaiveDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO partner_notes (partner_id, on_date, body, person_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            partner_id,
            day(input),
            input.text,
            input.person_id,
            fmt_ts(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: i64, input: &NoteInput, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE partner_notes SET on_date = ?2, body = ?3, person_id = ?4, updated_at = ?5
         WHERE id = ?1",
        params![id, day(input), input.text, input.person_id, fmt_ts(now)],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM partner_notes WHERE id = ?", [id])?;
    Ok(())
}

pub fn load(conn: &Connection, id: i64) -> Result<Note> {
    conn.query_row(&format!("{SELECT} WHERE n.id = ?"), [id], read_note)
        .optional()?
        .ok_or(CoreError::NotFound {
            what: "Запись о взаимодействии",
            id,
        })
}

/// The notes of a partner, newest first (by date, then the latest written).
pub fn of_partner(conn: &Connection, partner_id: i64) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE n.partner_id = ? ORDER BY n.on_date DESC, n.id DESC"
    ))?;
    let rows = stmt.query_map([partner_id], read_note)?;
    Ok(crate::error::rows::sound(rows)?)
}

/// Whether `person_id` is one of the contact persons of the partner.
pub fn is_contact(conn: &Connection, partner_id: i64, person_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM partner_contacts WHERE partner_id = ?1 AND person_id = ?2)",
        params![partner_id, person_id],
        |r| r.get(0),
    )?)
}

/// The dates of every note of partners out of the trash: (partner, date).
pub fn live_dates(conn: &Connection) -> Result<Vec<(i64, chrono::NaiveDate)>> {
    let mut stmt = conn.prepare(
        "SELECT n.partner_id, n.on_date FROM partner_notes n
         JOIN partners p ON p.id = n.partner_id
         WHERE p.deleted_at IS NULL ORDER BY n.partner_id, n.on_date",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(crate::error::rows::sound(rows)?)
}

/// The notes left out because a stored value does not read: (id, why).
pub fn damaged(conn: &Connection) -> Result<Vec<(i64, String)>> {
    Ok(crate::error::rows::refused(
        conn,
        &format!("{SELECT} ORDER BY n.id"),
        0,
        read_note,
    )?)
}
