//! Backups of the database and the attachments, made without her thinking
//! of them: at start when the last one is older than a day, before every
//! migration, import and restore, and on request. Each is a folder
//! `partnernet-<date>-<time>` in the backups folder (default
//! `<data folder>/backups`, movable) holding `partnernet.sqlite3`, the
//! `attachments/`, the brochures' `images/` and `backup.json` (why, when,
//! each file's SHA-256). They are rotated (7 daily, 4 weekly, 12 monthly
//! unless she chose other counts); a damaged one is listed marked and never
//! restored. A failed backup at start is reported, not hidden: the window
//! shows why.

pub mod check;
pub mod folder;
pub mod model;
pub mod restore;
pub mod rotation;
pub mod write;

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDateTime};
use rusqlite::Connection;

use crate::error::{CoreError, Result};
use crate::storage::{latest_version, Storage, DB_FILE};

pub use model::{Backup, BackupsOverview, Reason, StartBackup};
pub use rotation::Policy;

/// The data folder's folders a backup holds beside the database: the
/// agreements' attachments and the brochures' pictures.
pub const FOLDERS: [&str; 2] = [
    crate::agreements::attachments::ATTACHMENTS_DIR,
    crate::brochures::images::IMAGES_DIR,
];

/// The data folder of an open storage.
fn data_dir(storage: &Storage) -> PathBuf {
    storage
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The backups folder of an open storage.
pub fn folder_of(storage: &Storage) -> PathBuf {
    folder::of(&data_dir(storage))
}

/// Makes a backup now, then rotates the old ones; the new backup.
pub fn create(storage: &Storage, reason: Reason, now: NaiveDateTime) -> Result<Backup> {
    let data = data_dir(storage);
    let target = folder::of(&data);
    let dir = write::write(storage.conn(), &data, &target, reason, now)?;
    rotate(&target, folder::policy(&data), now);
    Ok(check::inspect(&dir))
}

/// The backup to call before changing data in bulk: an import of a table
/// of partners or of an exchange package (`Reason::Import`).
pub fn before(storage: &Storage, reason: Reason, now: NaiveDateTime) -> Result<Backup> {
    create(storage, reason, now)
}

/// At start: a backup when the last one is older than a day (none for a
/// database still empty). A failure is the outcome, with its reason in
/// Russian, for the window to show: the app starts all the same.
pub fn at_start(storage: &Storage, now: NaiveDateTime) -> StartBackup {
    let made = storage.info().and_then(|info| {
        if info.is_empty {
            return Ok(None);
        }
        let last = found(&folder_of(storage))
            .iter()
            .filter_map(|dir| check::manifest(dir).ok())
            .map(|m| m.created_at)
            .max();
        match last {
            Some(t) if t > now - Duration::days(1) => Ok(None),
            _ => create(storage, Reason::Start, now).map(Some),
        }
    });
    match made {
        Ok(None) => StartBackup::NotDue,
        Ok(Some(backup)) => StartBackup::Made { backup },
        Err(err) => StartBackup::Failed {
            reason: err.to_string(),
            folder: folder_of(storage).display().to_string(),
        },
    }
}

/// The backups of the backups folder, newest first, each checked.
pub fn list(storage: &Storage) -> Result<BackupsOverview> {
    let dir = data_dir(storage);
    let folder = folder::of(&dir);
    let mut backups: Vec<Backup> = found(&folder).iter().map(|d| check::inspect(d)).collect();
    backups.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.name.cmp(&a.name)));
    Ok(BackupsOverview {
        folder: folder.display().to_string(),
        default_folder: folder::is_default(&dir),
        rotation: folder::policy(&dir),
        backups,
    })
}

/// Saves how many daily, weekly and monthly backups are kept; the backups
/// beyond them go at the next backup.
pub fn set_rotation(storage: &Storage, policy: Policy) -> Result<BackupsOverview> {
    folder::set_policy(&data_dir(storage), policy)?;
    list(storage)
}

/// Moves the backups to `folder` (`None`: back to the default): the ones
/// made so far go along, and the next ones are made there.
pub fn set_folder(storage: &Storage, folder: Option<&Path>) -> Result<BackupsOverview> {
    let old = folder_of(storage);
    let new = folder::set(&data_dir(storage), folder)?;
    if new != old {
        for dir in found(&old) {
            move_backup(&dir, &new)?;
        }
    }
    list(storage)
}

/// Moves one backup folder into `to`: renamed on the same disk, else copied
/// under a temporary name, synced, renamed, and only then the old one removed.
fn move_backup(dir: &Path, to: &Path) -> Result<()> {
    let Some(name) = dir.file_name() else {
        return Ok(());
    };
    let dest = to.join(name);
    if dest.exists() || std::fs::rename(dir, &dest).is_ok() {
        return Ok(());
    }
    let tmp = to.join(format!(".{}move-{}", write::PREFIX, std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let copied = write::files_under(dir).and_then(|files| {
        for rel in files {
            write::copy_hashed(&dir.join(&rel), &tmp.join(&rel), String::new())?;
        }
        write::sync_tree(&tmp);
        std::fs::rename(&tmp, &dest).map_err(|e| CoreError::io(&dest, e))
    });
    if let Err(e) = copied {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    write::sync_dir(to);
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

/// «Открыть папку»: the backups folder in the system's file manager.
pub fn open_folder(storage: &Storage) -> Result<()> {
    let folder = folder_of(storage);
    folder::writable(&folder)?;
    crate::storage::files::open_with_system(&folder)
}

/// Restores the backup at `path` (its folder, or its `backup.json` or
/// database file): verified first, the current state backed up, then the
/// database and the attachments replaced and `storage` reopened on them.
pub fn restore(storage: &mut Storage, path: &Path, now: NaiveDateTime) -> Result<Backup> {
    let dir = data_dir(storage);
    let target = folder::of(&dir);
    let restored = restore::restore(storage, &dir, &target, path, now)?;
    rotate(&target, folder::policy(&dir), now);
    Ok(restored)
}

/// Opens the database in `dir` like [`Storage::open_dir`], with a backup
/// first when an existing file's schema is about to be migrated, and
/// tidies what a killed render or picture copy left (`agreements::leftovers`,
/// `brochures::images::tidy`).
pub fn open_dir(dir: &Path, now: NaiveDateTime) -> Result<Storage> {
    crate::storage::paths::ensure_data_dir(dir)?;
    let mut storage = open(&dir.join(DB_FILE), now)?;
    // Leftovers of a render or a scan killed midway. Best effort: a folder
    // that cannot be tidied now is tidied at the next start.
    let _ = crate::agreements::leftovers::tidy(&mut storage);
    crate::brochures::images::tidy(dir);
    Ok(storage)
}

/// [`open_dir`] for a database file.
pub fn open(path: &Path, now: NaiveDateTime) -> Result<Storage> {
    if path.is_file() {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > 0 && version < latest_version() {
            before_migration(&conn, path, now)?;
        }
    }
    Storage::open(path)
}

/// The copy before a migration goes to the chosen folder, or when that is
/// out of reach (a USB stick left at home) to the default one: the app
/// must still start after an update.
fn before_migration(conn: &Connection, path: &Path, now: NaiveDateTime) -> Result<()> {
    let data_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let chosen = folder::of(&data_dir);
    let target = match write::write(conn, &data_dir, &chosen, Reason::Migration, now) {
        Ok(_) => chosen,
        Err(_) => {
            let fallback = data_dir.join(folder::DEFAULT_DIR);
            write::write(conn, &data_dir, &fallback, Reason::Migration, now)?;
            fallback
        }
    };
    rotate(&target, folder::policy(&data_dir), now);
    Ok(())
}

/// The backup folders in `folder` (ours only: named `partnernet-…`).
fn found(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| e.file_name().to_string_lossy().starts_with(write::PREFIX))
        .map(|e| e.path())
        .collect()
}

/// Deletes the backups the rotation does not keep. Only backups with a
/// readable manifest take part: a folder it cannot read is never deleted.
/// Best effort: a backup that cannot be deleted (a read-only copy) stays,
/// and never stops a new backup from being made. How many were deleted.
pub fn rotate(folder: &Path, policy: Policy, now: NaiveDateTime) -> usize {
    let dated: Vec<(PathBuf, NaiveDateTime)> = found(folder)
        .into_iter()
        .filter_map(|dir| check::manifest(&dir).ok().map(|m| (dir, m.created_at)))
        .collect();
    let times: Vec<NaiveDateTime> = dated.iter().map(|(_, t)| *t).collect();
    let keep = rotation::keep(&times, now, policy);
    dated
        .iter()
        .zip(keep)
        .filter(|(_, keep)| !keep)
        .filter(|((dir, _), _)| std::fs::remove_dir_all(dir).is_ok())
        .count()
}
