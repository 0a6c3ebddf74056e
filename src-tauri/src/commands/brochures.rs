//! Methodical brochures: the list, the Markdown editor with its live PDF
//! preview, the trash and the PDF export.

use partnernet::brochures::{
    self,
    model::{Brochure, BrochureSummary},
};
use partnernet::exports::{self, ExportTarget, FileFormat, OpenPurpose};
use partnernet::reports::directives;
use partnernet::ApiError;
use tauri::ipc::Response;
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub fn brochures_list(state: State<'_, AppState>) -> Result<Vec<BrochureSummary>, ApiError> {
    state.with(|s| brochures::list(s))
}

#[tauri::command]
pub fn brochures_trash_list(state: State<'_, AppState>) -> Result<Vec<BrochureSummary>, ApiError> {
    state.with(|s| brochures::trash_list(s))
}

#[tauri::command]
pub fn brochures_purge(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| brochures::purge(s, id))
}

#[tauri::command]
pub fn brochures_get(state: State<'_, AppState>, id: i64) -> Result<Brochure, ApiError> {
    state.with(|s| brochures::get(s, id))
}

#[tauri::command]
pub fn brochures_template(state: State<'_, AppState>) -> Result<String, ApiError> {
    use chrono::Datelike;
    state.with(|s| brochures::template(s, now().year()))
}

#[tauri::command]
pub fn brochures_create(state: State<'_, AppState>, source: String) -> Result<Brochure, ApiError> {
    state.with(|s| brochures::create(s, &source, now()))
}

#[tauri::command]
pub fn brochures_update(
    state: State<'_, AppState>,
    id: i64,
    source: String,
) -> Result<Brochure, ApiError> {
    state.with(|s| brochures::update(s, id, &source, now()))
}

#[tauri::command]
pub fn brochures_trash(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| brochures::trash(s, id, now()))
}

#[tauri::command]
pub fn brochures_restore(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| brochures::restore(s, id))
}

/// The PDF of the text being edited, directives filled in from the data,
/// as raw bytes for pdf.js. Async, so typesetting runs off the window's
/// thread (and outside the storage lock) and typing never stalls.
#[tauri::command]
pub async fn brochures_preview(
    state: State<'_, AppState>,
    source: String,
) -> Result<Response, ApiError> {
    let now = now();
    let document = state.with(|s| directives::document(s, &source, now.date()))??;
    directives::pdf(&document, now)
        .map(Response::new)
        .map_err(ApiError::from)
}

/// Copies the picture chosen in the open dialog into the data folder's
/// `images/`; the path to write in the Markdown (`images/….png`). The
/// folder is remembered for the next dialog.
#[tauri::command]
pub async fn brochures_add_image(
    state: State<'_, AppState>,
    path: String,
) -> Result<String, ApiError> {
    let path = std::path::PathBuf::from(path);
    state.with(|s| {
        let added = brochures::images::add_image(s, &path)?;
        exports::opened(s, OpenPurpose::Image, &path)?;
        Ok(added)
    })
}

/// Exports as PDF or as an editable DOCX to the path chosen in the save
/// dialog; the path written.
#[tauri::command]
pub async fn brochures_export(
    state: State<'_, AppState>,
    id: i64,
    format: FileFormat,
    path: String,
) -> Result<String, ApiError> {
    crate::commands::exports::write(&state, ExportTarget::Brochure { id, format }, path)
}
