//! The analytical report written to a file, in the format its extension
//! names. Used by the export dialog and the command line.

use std::path::Path;

use chrono::NaiveDateTime;

use super::{annual, annual_docx, annual_pdf, annual_xlsx};
use crate::error::{CoreError, Result};
use crate::storage::Storage;

/// The report of school year `year` as the bytes of a .pdf, .docx or .xlsx
/// file, chosen by `extension` (lower case, no dot).
pub fn bytes(storage: &Storage, year: i32, extension: &str, now: NaiveDateTime) -> Result<Vec<u8>> {
    let report = || annual::report(storage, year, now.date());
    match extension {
        "pdf" => annual_pdf::render(&report()?, now),
        "docx" => annual_docx::render(&report()?, now),
        "xlsx" => annual_xlsx::render(&report()?),
        other => Err(CoreError::BadInput(format!(
            "аналитическую справку можно сохранить в файл .pdf, .docx или .xlsx, а не «.{other}»."
        ))),
    }
}

/// Writes the report of school year `year` to `path` as PDF, DOCX or XLSX
/// by its extension; the file appears whole or not at all.
pub fn export(storage: &Storage, year: i32, path: &Path, now: NaiveDateTime) -> Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = bytes(storage, year, &ext, now)?;
    crate::storage::files::write_atomic(path, &bytes)
}
