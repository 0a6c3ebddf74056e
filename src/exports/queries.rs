//! The SQL of `exported_files` and `dialog_folders`.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::storage::time::fmt_ts;

/// How many written files are remembered; the oldest are forgotten.
const KEEP_EXPORTED: i64 = 500;

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Remembers a written file and its folder as the last one for `purpose`.
pub fn record_export(
    conn: &Connection,
    purpose: &str,
    path: &Path,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO exported_files (path, written_at) VALUES (?1, ?2)
         ON CONFLICT (path) DO UPDATE SET written_at = excluded.written_at",
        params![text(path), fmt_ts(now)],
    )?;
    conn.execute(
        "DELETE FROM exported_files WHERE path NOT IN
           (SELECT path FROM exported_files ORDER BY written_at DESC, path LIMIT ?1)",
        [KEEP_EXPORTED],
    )?;
    if let Some(dir) = path.parent() {
        set_folder(conn, purpose, dir)?;
    }
    Ok(())
}

pub fn was_exported(conn: &Connection, path: &Path) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM exported_files WHERE path = ?1",
            [text(path)],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub fn set_folder(conn: &Connection, purpose: &str, dir: &Path) -> Result<()> {
    conn.execute(
        "INSERT INTO dialog_folders (purpose, path) VALUES (?1, ?2)
         ON CONFLICT (purpose) DO UPDATE SET path = excluded.path",
        params![purpose, text(dir)],
    )?;
    Ok(())
}

pub fn folder(conn: &Connection, purpose: &str) -> Result<Option<PathBuf>> {
    Ok(conn
        .query_row(
            "SELECT path FROM dialog_folders WHERE purpose = ?1",
            [purpose],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .map(PathBuf::from))
}
