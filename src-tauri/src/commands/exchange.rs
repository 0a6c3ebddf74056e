//! Exchange with the institutions of the network: the package (.partnernet)
//! is written to the path chosen in the save dialog, previewed from the
//! path chosen in the open dialog, then imported with her choices for the
//! conflicts. Each command only calls the core.

use std::path::PathBuf;

use partnernet::exchange::{
    self,
    model::{ConflictChoice, ExchangePreview, ExchangeReport, ExchangeSelection},
};
use partnernet::exports::{self, ExportTarget, OpenPurpose};
use partnernet::ApiError;
use tauri::State;

use crate::commands::exports::write;
use crate::state::{now, AppState};

/// Writes the package of the chosen records; the path written.
#[tauri::command]
pub async fn exchange_export(
    state: State<'_, AppState>,
    selection: ExchangeSelection,
    path: String,
) -> Result<String, ApiError> {
    write(&state, ExportTarget::Exchange { selection }, path)
}

/// What importing the package would do, record by record; nothing is
/// written but the folder for the next open dialog.
#[tauri::command]
pub async fn exchange_preview(
    state: State<'_, AppState>,
    path: String,
) -> Result<ExchangePreview, ApiError> {
    let path = PathBuf::from(path);
    state.with(|s| {
        let preview = exchange::preview(s, &path)?;
        exports::opened(s, OpenPurpose::Exchange, &path)?;
        Ok(preview)
    })
}

/// Imports the package in one transaction with her choices for conflicts.
#[tauri::command]
pub async fn exchange_import(
    state: State<'_, AppState>,
    path: String,
    choices: Vec<ConflictChoice>,
) -> Result<ExchangeReport, ApiError> {
    state.with(|s| exchange::import(s, &PathBuf::from(path), &choices, now()))
}
