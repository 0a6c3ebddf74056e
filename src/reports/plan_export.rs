//! The plan of a school year written to a file. Apart from [`super::plan`]
//! because the PDF and XLSX writers read the plan's helpers: the plan knows
//! nothing of its files, the files know the plan.

use std::path::Path;

use chrono::NaiveDateTime;

use super::plan::plan;
use super::{plan_pdf, plan_xlsx};
use crate::error::{CoreError, Result};
use crate::storage::Storage;

/// The plan of school year `year` as PDF with the stored approval block and
/// signature: what is saved, printed and previewed.
pub fn pdf(storage: &Storage, year: i32, now: NaiveDateTime) -> Result<Vec<u8>> {
    let signatures = super::plan_signatures::get(storage)?;
    plan_pdf::render(&plan(storage, year)?, Some(&signatures), now)
}

/// Writes the plan of school year `year` to `path` as PDF, XLSX or
/// iCalendar, chosen by the extension; the file appears whole or not at all.
pub fn export(storage: &Storage, year: i32, path: &Path, now: NaiveDateTime) -> Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "pdf" => pdf(storage, year, now)?,
        "xlsx" => plan_xlsx::render(&plan(storage, year)?)?,
        "ics" => crate::events::export::export_year(storage, year, now)?.into_bytes(),
        _ => {
            return Err(CoreError::BadInput(format!(
                "план можно сохранить только в файл .pdf, .xlsx или .ics, а не «{}»",
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            )))
        }
    };
    crate::storage::files::write_atomic(path, &bytes)
}
