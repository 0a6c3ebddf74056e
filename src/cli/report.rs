//! `partnernet report`: the analytical report on a school year, as PDF.

use std::path::Path;

use chrono::NaiveDateTime;

use super::Io;
use crate::error::{CoreError, Result};
use crate::reports::{annual, annual_pdf};
use crate::storage::Storage;

pub fn run(
    storage: &Storage,
    year: i32,
    output: &Path,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => {}
        "docx" | "xlsx" => {
            return Err(CoreError::BadInput(format!(
                "аналитическая справка сохраняется пока только в PDF: укажите файл .pdf \
                 вместо «{}»",
                output.display()
            )))
        }
        _ => {
            return Err(CoreError::BadInput(format!(
                "аналитическую справку можно сохранить только в файл .pdf, а не «{}»",
                output.display()
            )))
        }
    }
    let report = annual::report(storage, year, now.date())?;
    let bytes = annual_pdf::render(&report, now)?;
    crate::storage::files::write_atomic(output, &bytes)?;
    writeln!(
        io.stdout,
        "Аналитическая справка за {} учебный год сохранена: {}",
        crate::events::school_year::year_name(year),
        output.display()
    )
    .map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}
