//! One SQLite file per user: opening it safely, migrating it, and running
//! writes in transactions.

pub mod files;
mod memo;
mod migrations;
pub mod paths;
pub mod time;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

pub use migrations::{latest_version, migrations};

/// The database file name inside the data folder.
pub const DB_FILE: &str = "partnernet.sqlite3";

/// An open, migrated database.
pub struct Storage {
    conn: Connection,
    path: PathBuf,
    /// Read models kept while the data has not changed (`memo.rs`).
    memo: memo::Memo,
}

/// What the UI needs to know about the open database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub db_path: String,
    /// No partners, institution profile or events yet: the first start.
    pub is_empty: bool,
}

/// How long opening waits for another process switching the same file.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Switches the file to WAL. SQLite answers «busy» at once here, without
/// calling the busy handler, while a second process is switching the same
/// new file; so the switch is retried for as long as the busy timeout.
fn set_wal(conn: &Connection) -> Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && started.elapsed() < BUSY_WAIT =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return Ok(other?),
        }
    }
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

impl Storage {
    /// Opens (creating if needed) the database in `dir`.
    pub fn open_dir(dir: &Path) -> Result<Self> {
        paths::ensure_data_dir(dir)?;
        Self::open(&dir.join(DB_FILE))
    }

    /// Opens (creating if needed) the database file and brings its schema up
    /// to date. A file written by a newer version is refused untouched.
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        // Check the version before anything writes to the file.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let supported = latest_version();
        if found > supported {
            return Err(CoreError::NewerDatabase { found, supported });
        }
        set_wal(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // FULL: a committed change survives a power cut, not only a crash
        // (`make bench`: bench_backups measures what it costs).
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Room for every statement a report or the network repeats per row
        // (`prepare_cached`): the default 16 lets them push each other out.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        migrations::to_latest(&mut conn)?;
        Ok(Storage {
            conn,
            path: path.to_path_buf(),
            memo: memo::Memo::default(),
        })
    }

    /// A connection for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where «Печать» puts the PDFs it hands to the system's viewer: the
    /// data folder's `print/`.
    pub fn print_dir(&self) -> std::path::PathBuf {
        self.path()
            .parent()
            .map_or_else(|| std::path::PathBuf::from("print"), |p| p.join("print"))
    }

    /// Runs `f` in a transaction: all of it is saved, or none of it.
    /// IMMEDIATE: the write lock is taken at the start, so a second process
    /// writing at the same time waits for it (busy timeout) instead of
    /// failing at once with «database is locked» when a deferred
    /// transaction that has read tries to write.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    pub fn info(&self) -> Result<AppInfo> {
        let partners: i64 = self
            .conn
            .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))?;
        let institution: i64 =
            self.conn
                .query_row("SELECT count(*) FROM institution", [], |r| r.get(0))?;
        let events: i64 = self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
        let data_dir = self
            .path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir,
            db_path: self.path.display().to_string(),
            is_empty: partners == 0 && institution == 0 && events == 0,
        })
    }
}
