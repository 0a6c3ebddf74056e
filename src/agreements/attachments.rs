//! Files kept with an agreement: signed scans (any file the user picks) and
//! the exported drafts (versions). Each is copied into
//! `<data folder>/attachments/<agreement id>/` and stored with its original
//! name, size and SHA-256.
//!
//! Atomic: the content goes to a temporary name first and is renamed inside
//! the database transaction; if anything fails, the copy is removed and no
//! row is written. Removing an attachment deletes its row and its copy (the
//! file is deleted after the row; a copy that cannot be deleted is left
//! behind harmlessly and nothing refers to it any more).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::agreements::lifecycle::{capitalized, title};
use crate::agreements::model::{Attachment, AttachmentKind};
use crate::agreements::queries;
use crate::error::{CoreError, Result};
use crate::storage::time::{fmt_ts, parse_ts};
use crate::storage::Storage;

pub const ATTACHMENTS_DIR: &str = "attachments";
const MAX_NAME: usize = 120;

fn data_dir(storage: &Storage) -> PathBuf {
    storage
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The folder of one agreement's files.
pub fn folder(storage: &Storage, agreement_id: i64) -> PathBuf {
    data_dir(storage)
        .join(ATTACHMENTS_DIR)
        .join(agreement_id.to_string())
}

/// A file name safe on every system, keeping letters (Cyrillic too),
/// digits and the extension.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '(' | ')') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned
        .trim_matches(|c: char| c == '.' || c == ' ')
        .to_string();
    let cleaned = if cleaned.is_empty() {
        "файл".to_string()
    } else {
        cleaned
    };
    if cleaned.chars().count() <= MAX_NAME {
        return cleaned;
    }
    let (stem, ext) = match cleaned.rsplit_once('.') {
        Some((s, e)) if e.chars().count() <= 10 => (s.to_string(), format!(".{e}")),
        _ => (cleaned.clone(), String::new()),
    };
    let keep = MAX_NAME - ext.chars().count();
    format!("{}{ext}", stem.chars().take(keep).collect::<String>())
}

fn temp_path(dir: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    dir.join(format!(".tmp-{}-{nanos}-{n}", std::process::id()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Copies `reader` into a new temporary file in `dir`: (path, sha256, size).
fn write_temp(dir: &Path, reader: &mut dyn Read, source: &str) -> Result<(PathBuf, String, i64)> {
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
    let tmp = temp_path(dir);
    let result = (|| {
        let mut out = std::fs::File::create(&tmp).map_err(|e| CoreError::io(&tmp, e))?;
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = reader
                .read(&mut buf)
                .map_err(|e| CoreError::io(source, e))?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])
                .map_err(|e| CoreError::io(&tmp, e))?;
            size += n as u64;
        }
        out.sync_all().map_err(|e| CoreError::io(&tmp, e))?;
        Ok((
            hex(&hasher.finalize()),
            i64::try_from(size).unwrap_or(i64::MAX),
        ))
    })();
    match result {
        Ok((hash, size)) => Ok((tmp, hash, size)),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Stores the temporary copy under its final name with its row, atomically.
fn store(
    storage: &mut Storage,
    agreement_id: i64,
    kind: AttachmentKind,
    file_name: &str,
    template: &str,
    (tmp, sha256, size): (PathBuf, String, i64),
    now: NaiveDateTime,
) -> Result<Attachment> {
    let dir = folder(storage, agreement_id);
    let base = data_dir(storage);
    let mut placed: Option<PathBuf> = None;
    let result = storage.write(|tx| {
        tx.execute(
            "INSERT INTO agreement_attachments
                 (agreement_id, kind, file_name, stored_path, sha256, size, template, added_at)
             VALUES (?1, ?2, ?3, '', ?4, ?5, ?6, ?7)",
            params![
                agreement_id,
                kind.code(),
                file_name,
                sha256,
                size,
                template,
                fmt_ts(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        let name = format!("{id}-{}", safe_name(file_name));
        let target = dir.join(&name);
        std::fs::rename(&tmp, &target).map_err(|e| CoreError::io(&target, e))?;
        placed = Some(target);
        let relative = format!("{ATTACHMENTS_DIR}/{agreement_id}/{name}");
        tx.execute(
            "UPDATE agreement_attachments SET stored_path = ?2 WHERE id = ?1",
            params![id, relative],
        )?;
        load(tx, &base, id)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        if let Some(target) = &placed {
            let _ = std::fs::remove_file(target);
        }
    }
    result
}

fn live_agreement(storage: &Storage, agreement_id: i64) -> Result<()> {
    let a = queries::load(storage.conn(), agreement_id)?;
    if a.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "{} в корзине: сначала восстановите его, потом прикладывайте файлы.",
            capitalized(&title(&a))
        )));
    }
    Ok(())
}

/// Copies a signed scan (any file) into the data folder.
pub fn add_scan(
    storage: &mut Storage,
    agreement_id: i64,
    source: &Path,
    now: NaiveDateTime,
) -> Result<Attachment> {
    live_agreement(storage, agreement_id)?;
    let shown = source.display().to_string();
    if source.is_dir() {
        return Err(CoreError::invalid(
            "source_path",
            format!("«{shown}» — это папка, а не файл: выберите файл скана."),
        ));
    }
    let mut file = std::fs::File::open(source).map_err(|e| {
        let message = if e.kind() == std::io::ErrorKind::NotFound {
            format!("Файл «{shown}» не найден: проверьте путь.")
        } else {
            format!("Файл «{shown}» не удалось открыть: {e}.")
        };
        CoreError::invalid("source_path", message)
    })?;
    let file_name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "файл".to_string());
    let dir = folder(storage, agreement_id);
    let copy = write_temp(&dir, &mut file, &shown)?;
    store(
        storage,
        agreement_id,
        AttachmentKind::Scan,
        &file_name,
        "",
        copy,
        now,
    )
}

/// Keeps an exported draft as a version: its bytes, the file name it was
/// exported as, and which template produced it.
pub fn add_version(
    storage: &mut Storage,
    agreement_id: i64,
    bytes: &[u8],
    file_name: &str,
    template_label: &str,
    now: NaiveDateTime,
) -> Result<Attachment> {
    live_agreement(storage, agreement_id)?;
    let file_name = file_name.trim();
    let file_name = if file_name.is_empty() {
        "черновик"
    } else {
        file_name
    };
    let dir = folder(storage, agreement_id);
    let copy = write_temp(&dir, &mut &bytes[..], file_name)?;
    store(
        storage,
        agreement_id,
        AttachmentKind::Version,
        file_name,
        template_label.trim(),
        copy,
        now,
    )
}

fn load(conn: &Connection, base: &Path, id: i64) -> Result<Attachment> {
    let found = conn
        .query_row(&format!("{SELECT} WHERE id = ?"), [id], |r| read(r, base))
        .optional()?;
    found.ok_or(CoreError::NotFound {
        what: "Вложение",
        id,
    })
}

const SELECT: &str = "SELECT id, agreement_id, kind, file_name, stored_path, sha256, size, \
                      template, added_at FROM agreement_attachments";

fn read(r: &rusqlite::Row, base: &Path) -> rusqlite::Result<Attachment> {
    let kind: String = r.get(2)?;
    let stored: String = r.get(4)?;
    Ok(Attachment {
        id: r.get(0)?,
        agreement_id: r.get(1)?,
        kind: AttachmentKind::from_code(&kind).ok_or_else(|| {
            rusqlite::Error::InvalidColumnType(
                2,
                format!("вид файла (kind): неизвестное значение «{kind}»"),
                rusqlite::types::Type::Text,
            )
        })?,
        file_name: r.get(3)?,
        path: base.join(stored).display().to_string(),
        sha256: r.get(5)?,
        size: r.get(6)?,
        template: r.get(7)?,
        added_at: parse_ts(&r.get::<_, String>(8)?)?,
    })
}

pub fn get(storage: &Storage, attachment_id: i64) -> Result<Attachment> {
    let found = load(storage.conn(), &data_dir(storage), attachment_id);
    crate::error::rows::named(found, "файла договора", attachment_id)
}

/// Opens a scan or a version with the system's viewer.
pub fn open(storage: &Storage, attachment_id: i64) -> Result<()> {
    let attachment = get(storage, attachment_id)?;
    crate::storage::files::open_with_system(Path::new(&attachment.path))
}

/// The files of an agreement, newest first.
pub fn list(storage: &Storage, agreement_id: i64) -> Result<Vec<Attachment>> {
    queries::load(storage.conn(), agreement_id)?;
    let base = data_dir(storage);
    let mut stmt = storage
        .conn()
        .prepare(&format!("{SELECT} WHERE agreement_id = ? ORDER BY id DESC"))?;
    let rows = stmt.query_map([agreement_id], |r| read(r, &base))?;
    Ok(crate::error::rows::sound(rows)?)
}

/// The files (scans, versions) left out because a stored value does not
/// read: (id, why).
pub fn damaged(storage: &Storage) -> Result<Vec<(i64, String)>> {
    let base = data_dir(storage);
    Ok(crate::error::rows::refused(
        storage.conn(),
        &format!("{SELECT} ORDER BY id"),
        0,
        |r| read(r, &base),
    )?)
}

/// Deletes the attachment's row, then its copy.
pub fn remove(storage: &mut Storage, attachment_id: i64) -> Result<()> {
    let attachment = get(storage, attachment_id)?;
    storage.write(|tx| {
        tx.execute(
            "DELETE FROM agreement_attachments WHERE id = ?",
            [attachment_id],
        )?;
        Ok(())
    })?;
    let _ = std::fs::remove_file(&attachment.path);
    Ok(())
}

/// Deletes the folder of a purged agreement (best effort).
pub fn remove_folder(storage: &Storage, agreement_id: i64) {
    let _ = std::fs::remove_dir_all(folder(storage, agreement_id));
}
