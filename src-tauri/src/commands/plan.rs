//! «Отчёты»: the school-year plan (table, PDF preview, PDF/XLSX/ICS export),
//! iCalendar import and export, and the forms of events in «Настройки».
//! The UI shows the native dialogs and passes the chosen path; each command
//! calls the core.

use std::path::PathBuf;

use partnernet::events::{
    self, import,
    model::{EventForm, EventFormInput, ImportPreview, ImportReport, SchoolYearPlan},
    plan, plan_pdf,
};
use partnernet::exports::{self, ExportTarget, FileFormat, OpenPurpose};
use partnernet::ApiError;
use serde::Serialize;
use tauri::ipc::Response;
use tauri::State;

use crate::commands::exports::write;
use crate::state::{now, AppState};

/// An .ics file read for an import and what importing it would do.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFile {
    pub path: String,
    pub preview: ImportPreview,
}

/// The school year given, or the current one (2026 for 2026/2027).
fn year_or_current(year: Option<i32>) -> i32 {
    year.unwrap_or_else(|| plan::school_year_of(now().date()))
}

/// The plan of a school year (the current one when `year` is not given).
#[tauri::command]
pub fn plan_get(state: State<'_, AppState>, year: Option<i32>) -> Result<SchoolYearPlan, ApiError> {
    let year = year_or_current(year);
    state.with(|s| plan::plan(s, year))
}

/// The plan's PDF as raw bytes for pdf.js.
#[tauri::command]
pub async fn plan_preview(state: State<'_, AppState>, year: i32) -> Result<Response, ApiError> {
    let plan = state.with(|s| plan::plan(s, year))?;
    plan_pdf::render(&plan, now())
        .map(Response::new)
        .map_err(ApiError::from)
}

/// Exports the plan as PDF, XLSX or ICS to the path chosen in the save
/// dialog. Returns the path written.
#[tauri::command]
pub async fn plan_export(
    state: State<'_, AppState>,
    year: i32,
    format: String,
    path: String,
) -> Result<String, ApiError> {
    let format = FileFormat::parse(&format)?;
    write(&state, ExportTarget::Plan { year, format }, path)
}

/// Exports the chosen events as an .ics file to the path chosen.
#[tauri::command]
pub async fn events_export_ics(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    path: String,
) -> Result<String, ApiError> {
    write(&state, ExportTarget::Events { ids }, path)
}

/// Reads the .ics file chosen in the open dialog and says what importing
/// it would do; nothing is written but the folder for the next dialog.
#[tauri::command]
pub async fn events_import_preview(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportFile, ApiError> {
    let path = PathBuf::from(path);
    let text = import::read_file(&path)?;
    let preview = state.with(|s| {
        let preview = import::preview(s, &text)?;
        exports::opened(s, OpenPurpose::Calendar, &path)?;
        Ok(preview)
    })?;
    Ok(ImportFile {
        path: path.display().to_string(),
        preview,
    })
}

/// Imports the .ics file previewed before: new UIDs are added, known ones
/// updated.
#[tauri::command]
pub async fn events_import_apply(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportReport, ApiError> {
    let path = PathBuf::from(path);
    let text = import::read_file(&path)?;
    state.with(|s| import::apply(s, &text, now()))
}

#[tauri::command]
pub fn event_forms_add(
    state: State<'_, AppState>,
    input: EventFormInput,
) -> Result<EventForm, ApiError> {
    state.with(|s| events::add_form(s, input))
}

#[tauri::command]
pub fn event_forms_update(
    state: State<'_, AppState>,
    id: i64,
    input: EventFormInput,
) -> Result<EventForm, ApiError> {
    state.with(|s| events::update_form(s, id, input))
}

/// Deletes a user's form; built-in forms and forms in use are refused with
/// the core's message.
#[tauri::command]
pub fn event_forms_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| events::delete_form(s, id))
}
