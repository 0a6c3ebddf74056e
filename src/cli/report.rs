//! `partnernet report`: the analytical report on a school year, as PDF,
//! DOCX or XLSX by the output's extension.

use std::path::Path;

use chrono::NaiveDateTime;

use super::Io;
use crate::error::{CoreError, Result};
use crate::reports::annual_export;
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
    let bytes = annual_export::bytes(storage, year, &ext, now)?;
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
