//! Numbered schema migrations. Each file in `migrations/` is one step; the
//! step count is the schema version kept in SQLite's `user_version`.
//!
//! The steps are applied here rather than by `rusqlite_migration`'s runner:
//! it reads the version before it takes the write lock, so two processes
//! opening a new folder at once both ran step 1 and one failed («table
//! institution already exists», with the step's SQL in its message). Here
//! the version is read again under the lock, and no SQL is ever part of an
//! error. `migrations()` stays for tests that build an old schema.

use rusqlite::{Connection, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::error::{CoreError, Result};

const STEPS: &[&str] = &[
    include_str!("../../migrations/001_initial.sql"),
    include_str!("../../migrations/002_brochures.sql"),
    include_str!("../../migrations/003_agreements.sql"),
    include_str!("../../migrations/004_head_position_genitive.sql"),
    include_str!("../../migrations/005_events.sql"),
    include_str!("../../migrations/006_exported_files.sql"),
    include_str!("../../migrations/007_ties_and_notes.sql"),
    include_str!("../../migrations/008_notes_field_cleared.sql"),
    include_str!("../../migrations/009_imports.sql"),
    include_str!("../../migrations/010_record_uuids.sql"),
    include_str!("../../migrations/011_exchange_ties.sql"),
    include_str!("../../migrations/012_partner_inn_unique.sql"),
    include_str!("../../migrations/013_persons.sql"),
    include_str!("../../migrations/014_custom_fields.sql"),
    include_str!("../../migrations/015_template_variants.sql"),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    STEPS.len() as i64
}

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema up to date in one IMMEDIATE transaction: a second
/// process opening the same folder waits for the first (busy timeout), then
/// finds the schema current and does nothing. A file written by a newer
/// version is refused untouched.
pub(crate) fn to_latest(conn: &mut Connection) -> Result<()> {
    let supported = latest_version();
    if version(conn)? == supported {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    if found > supported {
        return Err(CoreError::NewerDatabase { found, supported });
    }
    if found == supported {
        return Ok(());
    }
    let first = usize::try_from(found).unwrap_or(0);
    for sql in &STEPS[first..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", supported)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn the_runner_builds_the_same_schema_as_rusqlite_migration() {
        let schema = |conn: &Connection| -> Vec<(String, String)> {
            let mut stmt = conn
                .prepare("SELECT name, coalesce(sql, '') FROM sqlite_master ORDER BY name")
                .expect("prepare");
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("query");
            rows.collect::<rusqlite::Result<_>>().expect("rows")
        };
        let mut ours = Connection::open_in_memory().expect("open");
        to_latest(&mut ours).expect("ours");
        to_latest(&mut ours).expect("twice is nothing");
        let mut theirs = Connection::open_in_memory().expect("open");
        migrations().to_latest(&mut theirs).expect("theirs");
        assert_eq!(schema(&ours), schema(&theirs));
        assert_eq!(version(&ours).expect("v"), latest_version());
    }

    #[test]
    fn an_older_schema_is_brought_up_from_where_it_is() {
        let mut conn = Connection::open_in_memory().expect("open");
        migrations().to_version(&mut conn, 6).expect("schema 6");
        to_latest(&mut conn).expect("up");
        assert_eq!(version(&conn).expect("v"), latest_version());
    }
}
