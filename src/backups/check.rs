//! Reading a backup back: its manifest, whether its database opens and
//! passes `PRAGMA integrity_check`, what it holds (plain SQL on the copy), and
//! before a restore, whether every file still has the hash it was written
//! with. A backup with a problem is listed marked and never restored.

use std::path::Path;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::model::{Backup, Manifest, FORMAT};
use super::write::{files_under, hash_file, MANIFEST, PREFIX};
use crate::error::{CoreError, Result};
use crate::storage::{latest_version, DB_FILE};

/// The manifest of the backup in `dir`, or why there is none, in Russian.
pub fn manifest(dir: &Path) -> std::result::Result<Manifest, String> {
    let bytes = std::fs::read(dir.join(MANIFEST)).map_err(|_| {
        format!("в папке нет описания копии ({MANIFEST}): копия не была дописана или это не резервная копия PartnerNet")
    })?;
    let manifest: Manifest = serde_json::from_slice(&bytes)
        .map_err(|_| format!("описание копии ({MANIFEST}) повреждено"))?;
    if manifest.format > FORMAT {
        return Err("копия сделана более новой версией программы: обновите программу".into());
    }
    Ok(manifest)
}

/// The time in a backup folder's name, for a backup whose manifest is lost.
pub fn time_of_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.get(..17)?;
    NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d-%H%M%S").ok()
}

/// Everything the list shows about the backup in `dir`.
pub fn inspect(dir: &Path) -> Backup {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = files_under(dir)
        .unwrap_or_default()
        .iter()
        .filter_map(|rel| std::fs::metadata(dir.join(rel)).ok())
        .map(|m| m.len())
        .sum();
    let mut backup = Backup {
        created_at: time_of_name(&name),
        name,
        path: dir.display().to_string(),
        reason: None,
        reason_label: "Неизвестно".into(),
        size,
        partners: 0,
        agreements: 0,
        events: 0,
        attachments: 0,
        problem: None,
    };
    let manifest = match manifest(dir) {
        Ok(m) => m,
        Err(problem) => {
            backup.problem = Some(problem);
            return backup;
        }
    };
    backup.created_at = Some(manifest.created_at);
    backup.reason = Some(manifest.reason);
    backup.reason_label = manifest.reason.label().into();
    backup.attachments = manifest.files.len() as i64;
    if let Err(problem) = database(dir, &manifest, &mut backup) {
        backup.problem = Some(problem);
        return backup;
    }
    backup.problem = manifest
        .files
        .iter()
        .find(|f| {
            std::fs::metadata(dir.join(&f.path))
                .map(|m| m.len() != f.size)
                .unwrap_or(true)
        })
        .map(|f| format!("файл вложения «{}» пропал или изменился", f.path));
    backup
}

/// Opens the backup's database read-only, checks it and counts its records.
fn database(
    dir: &Path,
    manifest: &Manifest,
    backup: &mut Backup,
) -> std::result::Result<(), String> {
    let path = dir.join(DB_FILE);
    let len = std::fs::metadata(&path)
        .map_err(|_| format!("в копии нет файла базы ({DB_FILE})"))?
        .len();
    if len != manifest.database.size {
        return Err(format!(
            "файл базы обрезан или изменён: {len} байт вместо {}",
            manifest.database.size
        ));
    }
    // SQLite's own words are English: the Russian sentence says it all.
    let damaged = |_: rusqlite::Error| "файл базы повреждён и не открывается".to_string();
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(damaged)?;
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(damaged)?;
    if verdict != "ok" {
        return Err("файл базы повреждён: он не прошёл проверку целостности".into());
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(damaged)?;
    if version > latest_version() {
        return Err(
            "база в копии записана более новой версией программы: обновите программу".into(),
        );
    }
    if version < 1 || !has_table(&conn, "partners").map_err(damaged)? {
        return Err("в копии не база PartnerNet".into());
    }
    backup.partners = count(&conn, "partners").map_err(damaged)?;
    backup.agreements = count(&conn, "agreements").map_err(damaged)?;
    backup.events = count(&conn, "events").map_err(damaged)?;
    Ok(())
}

fn has_table(conn: &Connection, table: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Records of `table` not in the trash; 0 when an old schema has no such table.
fn count(conn: &Connection, table: &str) -> rusqlite::Result<i64> {
    if !has_table(conn, table)? {
        return Ok(0);
    }
    conn.query_row(
        &format!("SELECT count(*) FROM \"{table}\" WHERE deleted_at IS NULL"),
        [],
        |r| r.get(0),
    )
}

/// Before a restore: the backup is usable and every file has the hash it
/// was written with. The Russian refusal says the data was not touched.
pub fn verify(dir: &Path) -> Result<(Backup, Manifest)> {
    let backup = inspect(dir);
    let refuse = |why: &str| {
        CoreError::BadInput(format!(
            "резервную копию «{}» восстановить нельзя: {why}. Текущие данные не изменены.",
            backup.name
        ))
    };
    if let Some(problem) = &backup.problem {
        return Err(refuse(problem));
    }
    let manifest = manifest(dir).map_err(|p| refuse(&p))?;
    for entry in std::iter::once(&manifest.database).chain(&manifest.files) {
        let (size, sha) = hash_file(&dir.join(&entry.path))
            .map_err(|_| refuse(&format!("файл «{}» не читается", entry.path)))?;
        if size != entry.size || sha != entry.sha256 {
            return Err(refuse(&format!(
                "файл «{}» изменился после создания копии",
                entry.path
            )));
        }
    }
    Ok((backup, manifest))
}
