//! Writing one backup: a consistent copy of the database (`VACUUM INTO`,
//! which reads one snapshot while the app keeps running) and a copy of the
//! attachments, each hashed, into a temporary folder that is synced and then
//! renamed into place. A crash or a full disk never leaves a half backup
//! under a backup's name.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::folder;
use super::model::{FileEntry, Manifest, Reason, FORMAT};
use crate::error::{CoreError, Result};
use crate::storage::DB_FILE;

/// The manifest's file name inside a backup's folder.
pub const MANIFEST: &str = "backup.json";
/// Every backup folder's name starts with this; nothing else is ever
/// deleted from the backups folder.
pub const PREFIX: &str = "partnernet-";

/// Writes a backup of the open database `conn` (whose data folder is
/// `data_dir`) into the backups folder `target`; the backup's folder.
pub fn write(
    conn: &Connection,
    data_dir: &Path,
    target: &Path,
    reason: Reason,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    folder::writable(target)?;
    let tmp = target.join(format!(
        ".{PREFIX}tmp-{}-{}",
        std::process::id(),
        now.format("%Y%m%d%H%M%S")
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    let written = fill(conn, data_dir, &tmp, reason, now).and_then(|()| {
        let dest = free_name(target, now);
        std::fs::rename(&tmp, &dest).map_err(|e| CoreError::io(&dest, e))?;
        sync_dir(target);
        Ok(dest)
    });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    written
}

/// `partnernet-2026-12-04-152000`, with `-2`, `-3` … when taken.
fn free_name(folder: &Path, now: NaiveDateTime) -> PathBuf {
    let base = format!("{PREFIX}{}", now.format("%Y-%m-%d-%H%M%S"));
    let mut path = folder.join(&base);
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{base}-{n}"));
        n += 1;
    }
    path
}

fn fill(
    conn: &Connection,
    data_dir: &Path,
    tmp: &Path,
    reason: Reason,
    now: NaiveDateTime,
) -> Result<()> {
    std::fs::create_dir_all(tmp).map_err(|e| CoreError::io(tmp, e))?;
    let db = tmp.join(DB_FILE);
    let db_text = db.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [&db_text])?;
    let schema_version = {
        // A standalone file: no -wal/-shm beside it when it is read later.
        let copy = Connection::open(&db)?;
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        copy.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?
    };
    let database = hash_and_sync(&db, DB_FILE)?;
    let mut files = Vec::new();
    for folder in super::FOLDERS {
        let source = data_dir.join(folder);
        for rel in files_under(&source)? {
            let from = source.join(&rel);
            let rel_text = format!("{folder}/{}", slashed(&rel));
            let to = tmp.join(folder).join(&rel);
            files.push(copy_hashed(&from, &to, rel_text)?);
        }
    }
    let manifest = Manifest {
        format: FORMAT,
        created_at: now,
        reason,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version,
        database,
        files,
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| CoreError::BadInput(format!("описание копии не записывается: {e}")))?;
    let path = tmp.join(MANIFEST);
    let mut f = std::fs::File::create(&path).map_err(|e| CoreError::io(&path, e))?;
    f.write_all(&json).map_err(|e| CoreError::io(&path, e))?;
    f.sync_all().map_err(|e| CoreError::io(&path, e))?;
    sync_tree(tmp);
    Ok(())
}

/// Relative paths of the files under `dir` (none when it is missing),
/// sorted; temporary files of unfinished attachments are left out.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let here = dir.join(&rel);
        let entries = match std::fs::read_dir(&here) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(CoreError::io(&here, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| CoreError::io(&here, e))?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with(".tmp-") {
                continue;
            }
            let kind = entry.file_type().map_err(|e| CoreError::io(&here, e))?;
            if kind.is_dir() {
                stack.push(rel.join(&name));
            } else if kind.is_file() {
                out.push(rel.join(&name));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn slashed(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Size and SHA-256 of `path`, read in pieces.
pub fn hash_file(path: &Path) -> Result<(u64, String)> {
    let mut f = std::fs::File::open(path).map_err(|e| CoreError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = f.read(&mut buf).map_err(|e| CoreError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hex(&hasher.finalize())))
}

fn hash_and_sync(path: &Path, rel: &str) -> Result<FileEntry> {
    let (size, sha256) = hash_file(path)?;
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| CoreError::io(path, e))?;
    Ok(FileEntry {
        path: rel.to_string(),
        size,
        sha256,
    })
}

/// Copies `from` to `to` (folders created), synced, with its hash.
pub fn copy_hashed(from: &Path, to: &Path, rel: String) -> Result<FileEntry> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| CoreError::io(parent, e))?;
    }
    let mut input = std::fs::File::open(from).map_err(|e| CoreError::io(from, e))?;
    let mut output = std::fs::File::create(to).map_err(|e| CoreError::io(to, e))?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = input.read(&mut buf).map_err(|e| CoreError::io(from, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        output
            .write_all(&buf[..n])
            .map_err(|e| CoreError::io(to, e))?;
        size += n as u64;
    }
    output.sync_all().map_err(|e| CoreError::io(to, e))?;
    Ok(FileEntry {
        path: rel,
        size,
        sha256: hex(&hasher.finalize()),
    })
}

/// Makes the names inside `dir` durable (best effort, as for exports).
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// [`sync_dir`] on `dir` and every folder under it.
pub fn sync_tree(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(entries) = std::fs::read_dir(&d) {
            for e in entries.flatten() {
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    stack.push(e.path());
                }
            }
        }
        sync_dir(&d);
    }
}
