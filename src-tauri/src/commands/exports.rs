//! Files in and out: what the native dialogs (shown by the UI through the
//! dialog plugin, never from a command) propose, and opening a written file
//! with the system's program. The exports themselves are in each feature's
//! commands; all of them end in `exports::write` of the core.

use std::path::PathBuf;

use partnernet::exports::{self, ExportTarget, FileDialogOptions, OpenPurpose};
use partnernet::ApiError;
use tauri::State;

use crate::state::AppState;

/// The save dialog of an export: title, Russian file name in the last
/// folder used, type filter.
#[tauri::command]
pub fn exports_save_dialog(
    state: State<'_, AppState>,
    target: ExportTarget,
) -> Result<FileDialogOptions, ApiError> {
    state.with(|s| exports::save_dialog_on(s, &target, crate::state::now().date()))
}

/// The open dialog for a scan or a calendar, in the folder last opened from.
#[tauri::command]
pub fn exports_open_dialog(
    state: State<'_, AppState>,
    purpose: OpenPurpose,
) -> Result<FileDialogOptions, ApiError> {
    state.with(|s| exports::open_dialog(s, purpose))
}

/// «Открыть файл» after an export: only a file the app wrote. Async, so the
/// window never waits for the system's program.
#[tauri::command]
pub async fn exports_open(state: State<'_, AppState>, path: String) -> Result<(), ApiError> {
    state.with(|s| exports::open(s, &PathBuf::from(path)))
}

/// Writes an export to the path chosen in the save dialog; the path written.
pub fn write(state: &AppState, target: ExportTarget, path: String) -> Result<String, ApiError> {
    let written =
        state.with(|s| exports::write(s, &target, &PathBuf::from(path), crate::state::now()))?;
    Ok(written.display().to_string())
}

/// «Печать» of a PDF export (the plan, a brochure, the year's report): the
/// copy opened in the system's viewer; its path. Async, so the window never
/// waits for the viewer.
#[tauri::command]
pub async fn exports_print(
    state: State<'_, AppState>,
    target: ExportTarget,
) -> Result<String, ApiError> {
    let path = state.with(|s| exports::print::print(s, &target, crate::state::now()))?;
    Ok(path.display().to_string())
}
