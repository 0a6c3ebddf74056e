//! «Отчёты»: the school-year plan (table, PDF preview, PDF/XLSX/ICS export),
//! iCalendar import and export, and the forms of events in «Настройки».
//! Each command only picks a file (native dialog unless a path is given)
//! and calls the core.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use partnernet::events::{
    self, import,
    model::{EventForm, EventFormInput, ImportPreview, ImportReport, SchoolYearPlan},
    plan, plan_pdf,
};
use partnernet::ApiError;
use serde::Serialize;
use tauri::ipc::Response;
use tauri::State;

use crate::files::open_with_system;
use crate::state::{now, AppState};

/// The files written by the exports of this session: only these can be
/// opened from the UI (a toast's «Открыть файл»), not any path.
static EXPORTED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn remember(path: &Path) {
    if let Ok(mut list) = EXPORTED.lock() {
        if !list.iter().any(|p| p == path) {
            list.push(path.to_path_buf());
        }
    }
}

/// An .ics file read for an import and what importing it would do.
#[derive(Debug, Clone, Serialize)]
pub struct ImportFile {
    pub path: String,
    pub preview: ImportPreview,
}

fn bad_input(code: &str, message: String) -> ApiError {
    ApiError {
        code: code.into(),
        message,
        fields: Vec::new(),
    }
}

/// The school year given, or the current one (2026 for 2026/2027).
fn year_or_current(year: Option<i32>) -> i32 {
    year.unwrap_or_else(|| plan::school_year_of(now().date()))
}

/// «План сетевого взаимодействия 2026-2027.pdf».
pub fn plan_file_name(year: i32, ext: &str) -> String {
    format!("План сетевого взаимодействия {year}-{}.{ext}", year + 1)
}

fn export_format(format: &str) -> Result<(&'static str, &'static str), ApiError> {
    match format {
        "pdf" => Ok(("pdf", "PDF")),
        "xlsx" => Ok(("xlsx", "Excel")),
        "ics" => Ok(("ics", "iCalendar")),
        other => Err(bad_input(
            "bad_input",
            format!("Неизвестный формат выгрузки «{other}»: возможны PDF, Excel (xlsx) и iCalendar (ics)."),
        )),
    }
}

/// The path given (with the format's extension when it has none), or the
/// one chosen in the native save dialog; `None` when cancelled.
fn save_path(
    path: Option<String>,
    title: &str,
    name: String,
    ext: &str,
    filter: &str,
) -> Option<PathBuf> {
    match path {
        Some(p) => {
            let mut p = PathBuf::from(p);
            if p.extension().is_none() {
                p.set_extension(ext);
            }
            Some(p)
        }
        None => rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(name)
            .add_filter(filter, &[ext])
            .save_file()
            .map(|mut p| {
                if p.extension().is_none() {
                    p.set_extension(ext);
                }
                p
            }),
    }
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

/// Exports the plan as PDF, XLSX or ICS to `path`, or asks where with the
/// native save dialog. Returns the path written, or `None` when cancelled.
#[tauri::command]
pub fn plan_export(
    state: State<'_, AppState>,
    year: i32,
    format: String,
    path: Option<String>,
) -> Result<Option<String>, ApiError> {
    let (ext, filter) = export_format(&format)?;
    let Some(path) = save_path(
        path,
        "Сохранить план сетевого взаимодействия",
        plan_file_name(year, ext),
        ext,
        filter,
    ) else {
        return Ok(None);
    };
    state.with(|s| plan::export(s, year, &path, now()))?;
    remember(&path);
    Ok(Some(path.display().to_string()))
}

/// Opens a file exported in this session with the system's program
/// (a PDF viewer, a spreadsheet, a calendar).
#[tauri::command]
pub fn plan_open_exported(path: String) -> Result<(), ApiError> {
    let path = PathBuf::from(path);
    let known = EXPORTED
        .lock()
        .map(|list| list.iter().any(|p| p == &path))
        .unwrap_or(false);
    if !known {
        return Err(bad_input(
            "not_found",
            format!(
                "Файл «{}» не выгружался в этом сеансе программы: откройте его из папки.",
                path.display()
            ),
        ));
    }
    open_with_system(&path)
}

/// Exports the chosen events as an .ics file.
#[tauri::command]
pub fn events_export_ics(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    path: Option<String>,
) -> Result<Option<String>, ApiError> {
    let Some(path) = save_path(
        path,
        "Сохранить мероприятия в календарь",
        "Мероприятия.ics".into(),
        "ics",
        "iCalendar",
    ) else {
        return Ok(None);
    };
    state.with(|s| import::export_ids_to(s, &ids, &path, now()))?;
    remember(&path);
    Ok(Some(path.display().to_string()))
}

/// Reads an .ics file (`path`, or chosen in the native open dialog) and
/// says what importing it would do; nothing is written. `None` when cancelled.
#[tauri::command]
pub fn events_import_preview(
    state: State<'_, AppState>,
    path: Option<String>,
) -> Result<Option<ImportFile>, ApiError> {
    let path = match path {
        Some(p) => PathBuf::from(p),
        None => match rfd::FileDialog::new()
            .set_title("Импорт мероприятий из календаря")
            .add_filter("Календарь iCalendar (.ics)", &["ics", "ICS"])
            .pick_file()
        {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let text = import::read_file(&path)?;
    let preview = state.with(|s| import::preview(s, &text))?;
    Ok(Some(ImportFile {
        path: path.display().to_string(),
        preview,
    }))
}

/// Imports the .ics file previewed before: new UIDs are added, known ones
/// updated.
#[tauri::command]
pub fn events_import_apply(
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_plan_file_is_named_after_the_school_year() {
        assert_eq!(
            super::plan_file_name(2026, "pdf"),
            "План сетевого взаимодействия 2026-2027.pdf"
        );
    }

    #[test]
    fn unknown_formats_are_refused_in_russian() {
        let err = super::export_format("docx").unwrap_err();
        assert!(
            err.message.contains("Неизвестный формат"),
            "{}",
            err.message
        );
    }
}
