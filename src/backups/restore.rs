//! Putting a backup back. Nothing is touched until the backup is verified
//! (it opens, passes `integrity_check`, every file has its hash); the
//! current state is backed up first; the database is overwritten through
//! SQLite's backup API in one step (one transaction: all of it or none);
//! the attachments are staged beside the data and swapped in by renames;
//! then the storage is reopened (and migrated when the backup is older).

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::backup::{Backup as SqliteBackup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::check::verify;
use super::model::{Backup, Manifest, Reason};
use super::write::{copy_hashed, sync_dir, MANIFEST};
use crate::error::{CoreError, Result};
use crate::storage::{Storage, DB_FILE};

/// The backup's folder from what she named: the folder itself, or its
/// `backup.json` or database file.
pub fn backup_dir(path: &Path) -> Result<PathBuf> {
    if path.is_dir() {
        return Ok(path.to_path_buf());
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    match (name.as_deref(), path.parent()) {
        (Some(MANIFEST | DB_FILE), Some(dir)) if path.is_file() => Ok(dir.to_path_buf()),
        _ if !path.exists() => Err(CoreError::BadInput(format!(
            "резервной копии «{}» нет: возможно, её переместили или удалили.",
            path.display()
        ))),
        _ => Err(CoreError::BadInput(format!(
            "«{}» — не резервная копия PartnerNet: укажите папку копии (partnernet-…) \
             или файл {MANIFEST} в ней. Текущие данные не изменены.",
            path.display()
        ))),
    }
}

/// Restores the backup at `path` over the open `storage`; the backup restored.
pub fn restore(
    storage: &mut Storage,
    data_dir: &Path,
    target: &Path,
    path: &Path,
    now: NaiveDateTime,
) -> Result<Backup> {
    let dir = backup_dir(path)?;
    let (backup, manifest) = verify(&dir)?;
    let staged = data_dir.join(format!(".attachments-restore-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staged);
    let result = stage(&dir, &manifest, &staged).and_then(|()| {
        super::write::write(storage.conn(), data_dir, target, Reason::Restore, now)?;
        overwrite_database(storage.path(), &dir.join(DB_FILE))
    });
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e);
    }
    *storage = super::open(storage.path(), now)?;
    swap_attachments(data_dir, &staged)?;
    Ok(backup)
}

/// Copies the backup's files into `staged`, in their layout: each of
/// [`super::FOLDERS`] in a folder of its name (a backup made before
/// pictures existed has none: the pictures folder restored is empty).
fn stage(dir: &Path, manifest: &Manifest, staged: &Path) -> Result<()> {
    for folder in super::FOLDERS {
        let path = staged.join(folder);
        std::fs::create_dir_all(&path).map_err(|e| CoreError::io(&path, e))?;
    }
    for f in &manifest.files {
        let rel = f.path.as_str();
        let known = super::FOLDERS
            .iter()
            .any(|folder| rel.strip_prefix(folder).is_some_and(|r| r.starts_with('/')));
        if !known || rel.split('/').any(|part| part == ".." || part.is_empty()) {
            return Err(CoreError::BadInput(format!(
                "в описании копии неверный путь вложения «{}». Текущие данные не изменены.",
                f.path
            )));
        }
        copy_hashed(&dir.join(&f.path), &staged.join(rel), f.path.clone())?;
    }
    Ok(())
}

/// Overwrites the live database with the backup's, through a second
/// connection, in one backup step (one transaction).
fn overwrite_database(live: &Path, copy: &Path) -> Result<()> {
    let src = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut dst = Connection::open(live)?;
    dst.busy_timeout(std::time::Duration::from_secs(5))?;
    let step = SqliteBackup::new(&src, &mut dst)?.step(-1)?;
    match step {
        StepResult::Done => Ok(()),
        _ => Err(CoreError::Conflict(
            "база данных занята другой программой: закройте её и повторите восстановление. \
             Текущие данные не изменены."
                .into(),
        )),
    }
}

/// Puts the staged folders (attachments, pictures) in place of the
/// current ones.
fn swap_attachments(data_dir: &Path, staged: &Path) -> Result<()> {
    for folder in super::FOLDERS {
        let live = data_dir.join(folder);
        let old = data_dir.join(format!(".{folder}-old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&old);
        if live.exists() {
            std::fs::rename(&live, &old).map_err(|e| CoreError::io(&live, e))?;
        }
        let from = staged.join(folder);
        std::fs::rename(&from, &live).map_err(|e| CoreError::io(&live, e))?;
        let _ = std::fs::remove_dir_all(&old);
    }
    sync_dir(data_dir);
    let _ = std::fs::remove_dir_all(staged);
    Ok(())
}
