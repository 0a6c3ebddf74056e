use std::path::PathBuf;

use partnernet::brochures::{
    self,
    model::{Brochure, BrochureSummary, SourceProblem},
};
use partnernet::{ApiError, FieldError};
use tauri::ipc::Response;
use tauri::State;

use crate::state::{now, AppState};

/// A Markdown problem crosses as `{code: "document", fields: [{field: "line.N"}]}`
/// so the editor can point at the line.
pub fn source_error(p: SourceProblem) -> ApiError {
    ApiError {
        code: "document".into(),
        fields: vec![FieldError::new(
            p.line
                .map(|l| format!("line.{l}"))
                .unwrap_or_else(|| "source".into()),
            p.message.clone(),
        )],
        message: p.message,
    }
}

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

/// The PDF of the text being edited, as raw bytes for pdf.js. Async, so
/// typesetting runs off the window's thread and typing never stalls.
#[tauri::command]
pub async fn brochures_preview(source: String) -> Result<Response, ApiError> {
    brochures::render(&source, now())
        .map(Response::new)
        .map_err(source_error)
}

/// Exports to `path`, or asks where with the native save dialog when no path
/// is given. Returns the path written, or `None` when the user cancelled.
#[tauri::command]
pub fn brochures_export(
    state: State<'_, AppState>,
    id: i64,
    path: Option<String>,
) -> Result<Option<String>, ApiError> {
    let path = match path {
        Some(p) => PathBuf::from(p),
        None => {
            let title = state.with(|s| brochures::get(s, id))?.title;
            let chosen = rfd::FileDialog::new()
                .set_title("Сохранить брошюру в PDF")
                .set_file_name(format!("{}.pdf", crate::files::safe_file_name(&title)))
                .add_filter("PDF", &["pdf"])
                .save_file();
            match chosen {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    state.with(|s| brochures::export(s, id, &path, now()))?;
    Ok(Some(path.display().to_string()))
}
