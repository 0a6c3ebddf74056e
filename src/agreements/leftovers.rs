//! Leftovers of a copy killed midway (a render, a scan), put right when the
//! data folder opens. A copy is written to `attachments/<agreement>/.tmp-…`
//! and gets its name `<row id>-<name>` inside the transaction that records
//! its row ([`super::attachments`]), so a kill can leave:
//! - a `.tmp-…` file: removed once older than [`crate::storage::files::STALE`] (a running
//!   program's temporaries are younger);
//! - a named file whose row was never committed: moved to `lost/` in the
//!   data folder rather than deleted — it is a whole copy, and a file the
//!   user put there by hand would land there too.
//!
//! Files without a row are judged under the write lock: a program between
//! its rename and its commit holds that lock, so its file is never taken.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::agreements::attachments::ATTACHMENTS_DIR;
use crate::error::{CoreError, Result};
use crate::storage::files::is_stale;
use crate::storage::Storage;

/// Where files of attachments without a row are moved.
pub const LOST_DIR: &str = "lost";

/// What [`tidy`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tidied {
    pub temporaries_removed: usize,
    pub moved_to_lost: usize,
}

/// Cleans the leftovers in the data folder of `storage` (see the module).
pub fn tidy(storage: &mut Storage) -> Result<Tidied> {
    let data_dir = storage
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut done = Tidied::default();
    let mut unknown = Vec::new();
    let known = stored_paths(storage.conn())?;
    for (relative, path) in files(&data_dir)? {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n.starts_with(".tmp-")) {
            if is_stale(&path) && std::fs::remove_file(&path).is_ok() {
                done.temporaries_removed += 1;
            }
        } else if !known.contains(&relative) {
            unknown.push((relative, path));
        }
    }
    if unknown.is_empty() {
        return Ok(done);
    }
    done.moved_to_lost = storage.write(|tx| {
        let known = stored_paths(tx)?;
        let mut moved = 0;
        for (relative, path) in unknown.iter().filter(|(r, _)| !known.contains(r)) {
            move_to_lost(&data_dir, relative, path)?;
            moved += 1;
        }
        Ok(moved)
    })?;
    Ok(done)
}

fn stored_paths(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare("SELECT stored_path FROM agreement_attachments")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The files in the agreements' folders (`attachments/<id>/<file>`), with
/// their path as a row stores it.
fn files(data_dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let root = data_dir.join(ATTACHMENTS_DIR);
    let mut out = Vec::new();
    let Ok(folders) = std::fs::read_dir(&root) else {
        return Ok(out);
    };
    for folder in folders.flatten() {
        let id = folder.file_name().to_string_lossy().into_owned();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) || !folder.path().is_dir() {
            continue;
        }
        let entries =
            std::fs::read_dir(folder.path()).map_err(|e| CoreError::io(folder.path(), e))?;
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                let name = entry.file_name().to_string_lossy().into_owned();
                out.push((format!("{ATTACHMENTS_DIR}/{id}/{name}"), entry.path()));
            }
        }
    }
    Ok(out)
}

/// `attachments/7/12-Договор.pdf` → `lost/7/12-Договор.pdf` (or `… (2)`).
fn move_to_lost(data_dir: &Path, relative: &str, path: &Path) -> Result<()> {
    let inside = relative
        .strip_prefix(&format!("{ATTACHMENTS_DIR}/"))
        .unwrap_or(relative);
    let mut target = data_dir.join(LOST_DIR).join(inside);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| CoreError::io(parent, e))?;
    }
    let mut n = 2;
    while target.exists() {
        target = data_dir.join(LOST_DIR).join(format!("{inside} ({n})"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(|e| CoreError::io(&target, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::files::STALE;
    use std::time::{Duration, SystemTime};

    fn storage() -> (tempfile::TempDir, Storage) {
        let dir = tempfile::tempdir().expect("dir");
        let storage = Storage::open_dir(dir.path()).expect("open");
        (dir, storage)
    }

    fn age(path: &Path) {
        let f = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        f.set_modified(SystemTime::now() - STALE - Duration::from_secs(60))
            .expect("age");
    }

    #[test]
    fn old_temporaries_go_fresh_ones_stay() {
        let (dir, mut storage) = storage();
        let folder = dir.path().join(ATTACHMENTS_DIR).join("3");
        std::fs::create_dir_all(&folder).expect("folder");
        let old = folder.join(".tmp-1-2-3");
        let fresh = folder.join(".tmp-4-5-6");
        std::fs::write(&old, b"half").expect("old");
        std::fs::write(&fresh, b"half").expect("fresh");
        age(&old);
        let done = tidy(&mut storage).expect("tidy");
        assert_eq!(done.temporaries_removed, 1);
        assert!(!old.exists());
        assert!(fresh.exists());
    }

    #[test]
    fn a_copy_without_its_row_is_moved_to_lost_and_never_deleted() {
        let (dir, mut storage) = storage();
        let folder = dir.path().join(ATTACHMENTS_DIR).join("3");
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(folder.join("9-Договор.pdf"), b"%PDF").expect("orphan");
        let done = tidy(&mut storage).expect("tidy");
        assert_eq!(done.moved_to_lost, 1);
        assert!(!folder.join("9-Договор.pdf").exists());
        let lost = dir.path().join(LOST_DIR).join("3").join("9-Договор.pdf");
        assert_eq!(std::fs::read(lost).expect("lost"), b"%PDF");
        assert_eq!(tidy(&mut storage).expect("again"), Tidied::default());
    }
}
