//! The file itself: a zip (deflate) of JSON parts and `manifest.json`,
//! which names the sender, the date, the versions and a SHA-256 of every
//! part. Reading checks all of it before anything is trusted, and every
//! refusal says in Russian what is wrong with the file.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model::{Package, Sender};
use crate::error::{CoreError, Result};

/// What `manifest.json` calls the format: anything else is a foreign zip.
pub const FORMAT: &str = "partnernet-exchange";
/// The format version this build writes and reads (and every older one).
pub const FORMAT_VERSION: u32 = 1;
/// Larger files are refused before they are read: a network's package of
/// thousands of records is a few megabytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// No part unpacks to more than this, whatever its header says: a zip bomb
/// stops here, counted while it inflates.
pub const MAX_PART_BYTES: u64 = 100 * 1024 * 1024;

const PARTS: [&str; 4] = [
    "partners.json",
    "events.json",
    "agreements.json",
    "ties.json",
];
/// Parts a package of an older build may lack (ties came with 011): empty.
const OPTIONAL: [&str; 1] = ["ties.json"];

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PartEntry {
    name: String,
    sha256: String,
    records: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    format: String,
    format_version: u32,
    app_version: String,
    created_at: chrono::NaiveDateTime,
    sender: Sender,
    contacts: bool,
    parts: Vec<PartEntry>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(value)
        .map_err(|e| CoreError::Document(format!("Не удалось записать пакет обмена: {e}")))
}

fn zip_error(e: impl std::fmt::Display) -> CoreError {
    CoreError::Document(format!("Не удалось записать пакет обмена: {e}"))
}

/// The bytes of a package file.
pub fn to_bytes(package: &Package) -> Result<Vec<u8>> {
    let parts: [(&str, Vec<u8>, usize); 4] = [
        (PARTS[0], json(&package.partners)?, package.partners.len()),
        (PARTS[1], json(&package.events)?, package.events.len()),
        (
            PARTS[2],
            json(&package.agreements)?,
            package.agreements.len(),
        ),
        (PARTS[3], json(&package.ties)?, package.ties.len()),
    ];
    let manifest = Manifest {
        format: FORMAT.to_string(),
        format_version: FORMAT_VERSION,
        app_version: package.app_version.clone(),
        created_at: package.created_at,
        sender: package.sender.clone(),
        contacts: package.contacts,
        parts: parts
            .iter()
            .map(|(name, bytes, records)| PartEntry {
                name: name.to_string(),
                sha256: sha256_hex(bytes),
                records: *records,
            })
            .collect(),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("manifest.json", options)
        .map_err(zip_error)?;
    zip.write_all(&json(&manifest)?).map_err(zip_error)?;
    for (name, bytes, _) in &parts {
        zip.start_file(*name, options).map_err(zip_error)?;
        zip.write_all(bytes).map_err(zip_error)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

fn damaged(detail: &str) -> CoreError {
    CoreError::Document(format!(
        "Пакет обмена повреждён: {detail}. Попросите отправителя выгрузить пакет заново; \
         данные не изменены."
    ))
}

fn foreign(path: &Path) -> CoreError {
    CoreError::Document(format!(
        "Файл «{}» — не пакет обмена PartnerNet (.partnernet): это файл другого формата или \
         он повреждён. Данные не изменены.",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    ))
}

fn read_part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>> {
    let mut file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(damaged(&format!("часть «{name}» не читается"))),
    };
    let mut bytes = Vec::new();
    let read = (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| damaged(&format!("часть «{name}» не распаковывается")))?;
    if read as u64 > MAX_PART_BYTES {
        return Err(damaged(&format!(
            "часть «{name}» при распаковке больше {} МБ (так не бывает у настоящего пакета)",
            MAX_PART_BYTES / (1024 * 1024)
        )));
    }
    Ok(Some(bytes))
}

/// Where JSON stopped making sense, in Russian (serde's own words are not
/// shown to her).
fn at(e: &serde_json::Error) -> String {
    format!("строка {}, позиция {}", e.line(), e.column())
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| damaged(&format!("часть «{name}» не читается ({})", at(&e))))
}

/// Reads and checks a package file: a zip, with our manifest, of a format
/// this build knows, every part present and matching its SHA-256.
pub fn read(path: &Path) -> Result<Package> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?;
    if !meta.is_file() {
        return Err(CoreError::BadInput(format!(
            "«{}» — это не файл. Выберите файл пакета обмена .partnernet.",
            path.display()
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CoreError::Document(format!(
            "Файл «{}» слишком большой ({} МБ): пакет обмена должен быть не больше {} МБ. \
             Данные не изменены.",
            path.display(),
            meta.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(path, e))?;
    from_bytes(&bytes).map_err(|e| match e {
        Refusal::Foreign => foreign(path),
        Refusal::Other(e) => e,
    })
}

/// Reads and checks a package from its bytes, as [`read`] does after the
/// file's checks (the fuzz target's way in).
pub fn read_bytes(bytes: &[u8]) -> Result<Package> {
    from_bytes(bytes).map_err(|e| match e {
        Refusal::Foreign => foreign(Path::new("пакет")),
        Refusal::Other(e) => e,
    })
}

enum Refusal {
    Foreign,
    Other(CoreError),
}

impl From<CoreError> for Refusal {
    fn from(e: CoreError) -> Self {
        Refusal::Other(e)
    }
}

fn from_bytes(bytes: &[u8]) -> std::result::Result<Package, Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::Foreign)?;
    let manifest = read_part(&mut archive, "manifest.json")?.ok_or(Refusal::Foreign)?;
    let manifest: serde_json::Value =
        serde_json::from_slice(&manifest).map_err(|_| Refusal::Foreign)?;
    if manifest.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Refusal::Foreign);
    }
    let version = manifest
        .get("format_version")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if version > FORMAT_VERSION as u64 {
        return Err(CoreError::Document(format!(
            "Пакет создан более новой версией программы (формат пакета {version}, эта программа \
             читает до {FORMAT_VERSION}). Обновите программу и откройте пакет снова; данные не \
             изменены."
        ))
        .into());
    }
    let manifest: Manifest = serde_json::from_value(manifest).map_err(|e| {
        damaged(&format!(
            "описание пакета (manifest.json) не читается ({})",
            at(&e)
        ))
    })?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for name in PARTS {
        let Some(entry) = manifest.parts.iter().find(|p| p.name == name) else {
            if OPTIONAL.contains(&name) {
                parts.push(b"[]".to_vec());
                continue;
            }
            return Err(damaged(&format!("в описании нет части «{name}»")).into());
        };
        let bytes = read_part(&mut archive, name)?
            .ok_or_else(|| damaged(&format!("в пакете нет части «{name}»")))?;
        if sha256_hex(&bytes) != entry.sha256.to_lowercase() {
            return Err(damaged(&format!(
                "часть «{name}» не совпадает со своей контрольной суммой (SHA-256)"
            ))
            .into());
        }
        parts.push(bytes);
    }
    Ok(Package {
        sender: manifest.sender,
        created_at: manifest.created_at,
        app_version: manifest.app_version,
        contacts: manifest.contacts,
        partners: parse(PARTS[0], &parts[0])?,
        events: parse(PARTS[1], &parts[1])?,
        agreements: parse(PARTS[2], &parts[2])?,
        ties: parse(PARTS[3], &parts[3])?,
    })
}
