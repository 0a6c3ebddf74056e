//! «Начать с пустой базы» (Настройки → Данные, `partnernet start-over`):
//! after a backup, the database becomes what a first start makes of an
//! empty folder, while the app keeps running on the same file.
//!
//! A new database is made beside it by the same migrations, and every
//! table is emptied and refilled from it in one transaction: so the
//! defaults the migrations write (the ten forms of events) come back, and
//! a table a later migration adds is covered without a list here. The
//! settings (numbering, reminder window, time zone) and the folders the
//! dialogs remember are hers, not data: they stay. The agreements' files
//! are removed after the commit; the backup holds them.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backups::{self, Reason};
use crate::error::{CoreError, Result};
use crate::storage::Storage;

/// Tables that keep their rows: her preferences, not her data.
const KEPT: [&str; 2] = ["settings", "dialog_folders"];

/// What [`start_over`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StartedOver {
    /// The backup made first: its folder name, to restore from.
    pub backup: String,
    /// What the backup holds.
    pub partners: i64,
    pub agreements: i64,
    pub events: i64,
}

/// Backs up, then empties the database (see the module's note).
pub fn start_over(storage: &mut Storage, now: NaiveDateTime) -> Result<StartedOver> {
    let backup = backups::create(storage, Reason::Clear, now)?;
    let fresh = fresh_path(storage.path(), now);
    let result = refill(storage, &fresh);
    remove_db_files(&fresh);
    let agreements = result?;
    for id in agreements {
        crate::agreements::attachments::remove_folder(storage, id);
    }
    Ok(StartedOver {
        backup: backup.name,
        partners: backup.partners,
        agreements: backup.agreements,
        events: backup.events,
    })
}

/// A `.tmp-` name: one a killed run leaves is tidied at the next start.
fn fresh_path(db: &Path, now: NaiveDateTime) -> PathBuf {
    let dir = db.parent().map(Path::to_path_buf).unwrap_or_default();
    dir.join(format!(
        ".tmp-fresh-{}-{}.sqlite3",
        std::process::id(),
        now.format("%Y%m%d%H%M%S")
    ))
}

/// Empties and refills every table from a new database; the ids of the
/// agreements that were there, for their folders.
fn refill(storage: &mut Storage, fresh: &Path) -> Result<Vec<i64>> {
    drop(Storage::open(fresh)?);
    let conn = storage.conn();
    conn.execute("ATTACH DATABASE ?1 AS fresh", [fresh.display().to_string()])?;
    // Tables refer to each other in every order: the keys are off while
    // they are emptied and refilled, and checked before the commit.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let done = storage.write(|tx| {
        let agreements = {
            let mut stmt = tx.prepare("SELECT id FROM agreements")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<i64>>>()?
        };
        // Virtual tables (the partners' search index) first, while the
        // rows they index are still there.
        for table in tables(tx, "virtual")? {
            let quoted = format!("\"{}\"", table.replace('"', "\"\""));
            tx.execute(&format!("DELETE FROM main.{quoted}"), [])?;
        }
        for table in tables(tx, "table")? {
            let quoted = format!("\"{}\"", table.replace('"', "\"\""));
            tx.execute(&format!("DELETE FROM main.{quoted}"), [])?;
            tx.execute(
                &format!("INSERT INTO main.{quoted} SELECT * FROM fresh.{quoted}"),
                [],
            )?;
        }
        // The keys were off while the tables were swapped: checked here.
        let broken = tx
            .prepare("PRAGMA main.foreign_key_check")?
            .query_map([], |_| Ok(()))?
            .count();
        if broken > 0 {
            return Err(CoreError::Conflict(
                "База не очищена: после очистки остались ссылки на удалённые записи. \
                 Данные не изменены; сообщите об этом разработчикам."
                    .into(),
            ));
        }
        Ok(agreements)
    });
    let keys = storage.conn().pragma_update(None, "foreign_keys", "ON");
    let detached = storage.conn().execute("DETACH DATABASE fresh", []);
    let agreements = done?;
    keys?;
    detached?;
    Ok(agreements)
}

/// The tables of the database of a `kind` (`table` or `virtual`; not
/// SQLite's own, not the ones [`KEPT`], not a virtual table's shadows),
/// ordinary ones with `sqlite_sequence` so ids start again from one.
fn tables(conn: &Connection, kind: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = ?
           AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let rows = stmt.query_map([kind], |r| r.get::<_, String>(0))?;
    let mut out: Vec<String> = rows
        .collect::<rusqlite::Result<Vec<String>>>()?
        .into_iter()
        .filter(|t| !KEPT.contains(&t.as_str()))
        .collect();
    let sequence: i64 = conn.query_row(
        "SELECT count(*) FROM main.sqlite_master WHERE name = 'sqlite_sequence'",
        [],
        |r| r.get(0),
    )?;
    let fresh_sequence: i64 = conn.query_row(
        "SELECT count(*) FROM fresh.sqlite_master WHERE name = 'sqlite_sequence'",
        [],
        |r| r.get(0),
    )?;
    if kind == "table" && sequence > 0 && fresh_sequence > 0 {
        out.push("sqlite_sequence".to_string());
    }
    Ok(out)
}

fn remove_db_files(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
