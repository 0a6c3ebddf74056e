//! Where the templates of the agreement kinds are kept (migration 015):
//! a row per template, the built-in one of each kind included with a NULL
//! text (its text comes with the program, from `templates/*.md`); one row
//! of a kind is its default. The checks are in [`super::variants`], the
//! rendering in [`super::render`]; both read the templates through here.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::agreements::model::{AgreementInput, AgreementKind, AgreementTemplate};
use crate::error::{CoreError, Result};
use crate::storage::time::fmt_ts;

const NETWORK_PROGRAM: &str = include_str!("templates/network_program.md");
const COOPERATION: &str = include_str!("templates/cooperation.md");

/// The built-in template of a kind.
pub fn builtin_text(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::NetworkProgram => NETWORK_PROGRAM,
        AgreementKind::Cooperation => COOPERATION,
    }
}

/// A stored template as the table holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTemplate {
    pub id: i64,
    pub kind: AgreementKind,
    pub name: String,
    /// `None` for the built-in template.
    pub source: Option<String>,
    pub is_default: bool,
    /// How many agreements (the trash included) chose it.
    pub used_by: i64,
}

const SELECT: &str = "SELECT t.id, t.kind, t.name, t.source, t.is_default,
        (SELECT count(*) FROM agreements a WHERE a.template_id = t.id)
     FROM agreement_templates t";

fn read(row: &Row) -> rusqlite::Result<StoredTemplate> {
    Ok(StoredTemplate {
        id: row.get(0)?,
        kind: super::queries::kind(&row.get::<_, String>(1)?)?,
        name: row.get(2)?,
        source: row.get(3)?,
        is_default: row.get::<_, i64>(4)? != 0,
        used_by: row.get(5)?,
    })
}

/// The templates of `kind`: the built-in one first, then by name.
pub fn list(conn: &Connection, kind: AgreementKind) -> Result<Vec<StoredTemplate>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.kind = ? ORDER BY t.source IS NOT NULL, t.name, t.id"
    ))?;
    let rows = stmt.query_map([kind.code()], read)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The template `id`; a missing one is [`CoreError::NotFound`].
pub fn get(conn: &Connection, id: i64) -> Result<StoredTemplate> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?"), [id], read)
        .optional()?
        .ok_or(CoreError::NotFound {
            what: "Шаблон договора",
            id,
        })
}

/// The default template of `kind`: the marked one, else the built-in one
/// (a database whose marks were lost still renders).
pub fn default_of(conn: &Connection, kind: AgreementKind) -> Result<StoredTemplate> {
    let found = conn
        .query_row(
            &format!(
                "{SELECT} WHERE t.kind = ? ORDER BY t.is_default DESC, t.source IS NOT NULL LIMIT 1"
            ),
            [kind.code()],
            read,
        )
        .optional()?;
    Ok(found.unwrap_or(StoredTemplate {
        id: 0,
        kind,
        name: BUILTIN_NAME.into(),
        source: None,
        is_default: true,
        used_by: 0,
    }))
}

/// The name of the built-in template of every kind.
pub const BUILTIN_NAME: &str = "Стандартный";

/// A new template of `kind`; its id.
pub fn insert(
    conn: &Connection,
    kind: AgreementKind,
    name: &str,
    source: &str,
    now: NaiveDateTime,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO agreement_templates (kind, name, source, is_default, updated_at)
         VALUES (?1, ?2, ?3, 0, ?4)",
        params![kind.code(), name, source, fmt_ts(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn set_source(conn: &Connection, id: i64, source: &str, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE agreement_templates SET source = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, source, fmt_ts(now)],
    )?;
    Ok(())
}

pub fn set_name(conn: &Connection, id: i64, name: &str, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE agreement_templates SET name = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, name, fmt_ts(now)],
    )?;
    Ok(())
}

/// Makes `id` the one default of its kind.
pub fn set_default(conn: &Connection, kind: AgreementKind, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE agreement_templates SET is_default = 0 WHERE kind = ? AND is_default = 1",
        [kind.code()],
    )?;
    conn.execute(
        "UPDATE agreement_templates SET is_default = 1 WHERE id = ?",
        [id],
    )?;
    Ok(())
}

/// Deletes the template `id`; the agreements that chose it follow their
/// kind's default again. How many they were.
pub fn delete(conn: &Connection, id: i64) -> Result<usize> {
    let moved = conn.execute(
        "UPDATE agreements SET template_id = NULL WHERE template_id = ?",
        [id],
    )?;
    conn.execute("DELETE FROM agreement_templates WHERE id = ?", [id])?;
    Ok(moved)
}

/// A stored template as the UI and the rendering see it: the built-in
/// one with its text.
pub fn full(row: StoredTemplate) -> AgreementTemplate {
    let builtin = row.source.is_none();
    let source = row
        .source
        .unwrap_or_else(|| builtin_text(row.kind).to_string());
    AgreementTemplate {
        id: row.id,
        kind: row.kind,
        customized: source != builtin_text(row.kind),
        name: row.name,
        source,
        builtin,
        is_default: row.is_default,
        used_by: row.used_by,
    }
}

/// The template an agreement prints with: the one it chose, else (none, or
/// one of another kind or gone) its kind's default.
pub fn of_agreement(conn: &Connection, data: &AgreementInput) -> Result<AgreementTemplate> {
    if let Some(id) = data.template_id {
        match get(conn, id) {
            Ok(row) if row.kind == data.kind => return Ok(full(row)),
            Ok(_) | Err(CoreError::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    default_of(conn, data.kind).map(full)
}
