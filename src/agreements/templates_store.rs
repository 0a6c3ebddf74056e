//! Where the user's edited templates are kept: one row per agreement kind;
//! no row means the built-in default. The render module owns the defaults
//! and the rendering; this module only stores the sources.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use crate::agreements::model::AgreementKind;
use crate::error::Result;
use crate::storage::time::fmt_ts;

/// The edited template of `kind`, or `None` while it is the default.
pub fn get_custom(conn: &Connection, kind: AgreementKind) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT source FROM agreement_templates WHERE kind = ?",
            [kind.code()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Keeps an edited template (call inside a transaction or on the storage's
/// connection).
pub fn set_custom(
    conn: &Connection,
    kind: AgreementKind,
    source: &str,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO agreement_templates (kind, source, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (kind) DO UPDATE SET source = excluded.source,
                                          updated_at = excluded.updated_at",
        params![kind.code(), source, fmt_ts(now)],
    )?;
    Ok(())
}

/// Back to the built-in default.
pub fn reset(conn: &Connection, kind: AgreementKind) -> Result<()> {
    conn.execute(
        "DELETE FROM agreement_templates WHERE kind = ?",
        [kind.code()],
    )?;
    Ok(())
}
