//! Import of partners from a table (Настройки → Данные, Партнёры →
//! «Импорт…»): open the file chosen in the open dialog, the dry run, the
//! import and its undo. Each command only calls the core.

use std::path::PathBuf;

use partnernet::exports::{self, OpenPurpose};
use partnernet::imports::{
    self,
    model::{ImportBatch, ImportPlan, ImportRequest, ImportSource},
};
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

/// The file's sheets, headers, first rows and the guessed mapping; the
/// folder is remembered for the next dialog.
#[tauri::command]
pub async fn imports_open(
    state: State<'_, AppState>,
    path: String,
    sheet: String,
) -> Result<ImportSource, ApiError> {
    let path = PathBuf::from(path);
    state.with(|s| {
        let source = imports::open(s, &path, &sheet)?;
        exports::opened(s, OpenPurpose::PartnerTable, &path)?;
        Ok(source)
    })
}

/// The dry run with her decisions; nothing is written.
#[tauri::command]
pub async fn imports_preview(
    state: State<'_, AppState>,
    request: ImportRequest,
) -> Result<ImportPlan, ApiError> {
    state.with(|s| imports::preview(s, &request, now()))
}

/// The import in one transaction.
#[tauri::command]
pub async fn imports_apply(
    state: State<'_, AppState>,
    request: ImportRequest,
) -> Result<ImportBatch, ApiError> {
    state.with(|s| imports::apply(s, &request, now()))
}

/// Every import, the latest first.
#[tauri::command]
pub fn imports_batches(state: State<'_, AppState>) -> Result<Vec<ImportBatch>, ApiError> {
    state.with(|s| imports::batches(s))
}

/// Undoes an import as one step.
#[tauri::command]
pub fn imports_undo(state: State<'_, AppState>, id: i64) -> Result<ImportBatch, ApiError> {
    state.with(|s| imports::undo(s, id, now()))
}
