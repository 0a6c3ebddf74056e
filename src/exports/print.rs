//! «Печать» of what goes out as PDF — the plan, a brochure, the year's
//! report: a copy under its Russian name in the data folder's `print/`,
//! opened in the system's viewer, which prints it (as agreements are
//! printed). The window never waits for the viewer.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{file_name, write, ExportTarget, FileFormat};
use crate::error::{CoreError, Result};
use crate::storage::Storage;

/// Writes the print copy of `target` (a PDF) and returns its path.
pub fn print_copy(
    storage: &mut Storage,
    target: &ExportTarget,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    if target.format() != FileFormat::Pdf {
        return Err(CoreError::BadInput(
            "напечатать можно только PDF: выберите формат PDF".into(),
        ));
    }
    let dir = storage.print_dir();
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let path = dir.join(file_name(storage, target)?);
    write(storage, target, &path, now)
}

/// [`print_copy`] opened in the system's PDF viewer.
pub fn print(storage: &mut Storage, target: &ExportTarget, now: NaiveDateTime) -> Result<PathBuf> {
    let path = print_copy(storage, target, now)?;
    crate::storage::files::open_with_system(&path)?;
    Ok(path)
}
