//! The SQL of the exchange: records by their stable ids, and what the last
//! package brought for each (table `exchange_imports`, migration 010).

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use super::model::RecordKind;
use crate::error::Result;
use crate::storage::time::fmt_ts;

fn one(conn: &Connection, sql: &str, key: &str) -> Result<Option<i64>> {
    Ok(conn.query_row(sql, [key], |r| r.get(0)).optional()?)
}

fn uuid_of(conn: &Connection, sql: &str, id: i64) -> Result<String> {
    Ok(conn
        .query_row(sql, [id], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten()
        .unwrap_or_default())
}

/// The partner (in the trash too) with this stable id.
pub fn partner_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>> {
    one(conn, "SELECT id FROM partners WHERE uuid = ?", uuid)
}

/// A live partner with the same ИНН and КПП: the same organisation entered
/// independently here (its stable id differs).
pub fn partner_by_inn(conn: &Connection, inn: &str, kpp: &str) -> Result<Option<i64>> {
    if inn.trim().is_empty() {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT id FROM partners WHERE inn = ?1 AND kpp = ?2 AND deleted_at IS NULL
             ORDER BY id LIMIT 1",
            params![inn, kpp],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn partner_uuid(conn: &Connection, id: i64) -> Result<String> {
    uuid_of(conn, "SELECT uuid FROM partners WHERE id = ?", id)
}

pub fn person_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>> {
    one(conn, "SELECT id FROM persons WHERE uuid = ?", uuid)
}

pub fn person_uuid(conn: &Connection, id: i64) -> Result<String> {
    uuid_of(conn, "SELECT uuid FROM persons WHERE id = ?", id)
}

pub fn agreement_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>> {
    one(conn, "SELECT id FROM agreements WHERE uuid = ?", uuid)
}

pub fn agreement_uuid(conn: &Connection, id: i64) -> Result<String> {
    uuid_of(conn, "SELECT uuid FROM agreements WHERE id = ?", id)
}

pub fn event_by_uid(conn: &Connection, uid: &str) -> Result<Option<i64>> {
    one(conn, "SELECT id FROM events WHERE uid = ?", uid)
}

pub fn tie_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>> {
    one(conn, "SELECT id FROM partner_ties WHERE uuid = ?", uuid)
}

pub fn tie_uuid(conn: &Connection, id: i64) -> Result<String> {
    uuid_of(conn, "SELECT uuid FROM partner_ties WHERE id = ?", id)
}

/// The own institution's stable id (migration 011); `None` before its
/// profile is first saved.
pub fn institution_uuid(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT uuid FROM institution WHERE id = 1", [], |r| {
            r.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten()
        .filter(|u| !u.is_empty()))
}

/// The own institution's short name as ties show it.
pub fn institution_name(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row("SELECT short_name FROM institution WHERE id = 1", [], |r| {
            r.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| crate::partners::tie_queries::INSTITUTION_FALLBACK.to_string()))
}

/// Whether a row is in the trash (then a package does not touch it). Ties
/// have no trash of their own: a tie with a partner in the trash is left
/// as it is by the plan.
pub fn trashed(conn: &Connection, kind: RecordKind, id: i64) -> Result<bool> {
    let table = match kind {
        RecordKind::Partner => "partners",
        RecordKind::Event => "events",
        RecordKind::Agreement => "agreements",
        RecordKind::Tie => return Ok(false),
    };
    Ok(conn
        .query_row(
            &format!("SELECT deleted_at IS NOT NULL FROM {table} WHERE id = ?"),
            [id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Gives a row the stable id it has in the package.
pub fn set_uuid(conn: &Connection, table: &str, id: i64, uuid: &str) -> Result<()> {
    let table = match table {
        "partners" => "partners",
        "persons" => "persons",
        "partner_ties" => "partner_ties",
        _ => "agreements",
    };
    conn.execute(
        &format!("UPDATE {table} SET uuid = ?2 WHERE id = ?1"),
        params![id, uuid],
    )?;
    Ok(())
}

/// The largest person id: persons above it were created by this import.
pub fn max_person_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT COALESCE(MAX(id), 0) FROM persons", [], |r| r.get(0))?)
}

/// The fields (JSON) the last package brought for a record.
pub fn last_imported(conn: &Connection, kind: RecordKind, uuid: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT fields FROM exchange_imports WHERE kind = ?1 AND uuid = ?2",
            params![kind.code(), uuid],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn remember_imported(
    conn: &Connection,
    kind: RecordKind,
    uuid: &str,
    fields: &str,
    sha256: &str,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO exchange_imports (kind, uuid, fields, sha256, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (kind, uuid) DO UPDATE SET fields = excluded.fields,
             sha256 = excluded.sha256, imported_at = excluded.imported_at",
        params![kind.code(), uuid, fields, sha256, fmt_ts(now)],
    )?;
    Ok(())
}
