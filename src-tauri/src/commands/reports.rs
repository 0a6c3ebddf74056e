//! «Отчёты»: the school-year plan (table, PDF preview, PDF/XLSX/ICS export)
//! and the year's analytical report (figures, charts, «Выводы», PDF preview,
//! PDF/DOCX/XLSX export). The UI shows the save dialog and passes the chosen
//! path.

use partnernet::events::school_year;
use partnernet::exports::{ExportTarget, FileFormat};
use partnernet::reports::model::{AnnualReport, PlanPage, SchoolYearPlan, YearCharts};
use partnernet::reports::plan_signatures::{self, PlanSignatures};
use partnernet::reports::{annual, annual_pdf, charts, plan, plan_export, plan_page};
use partnernet::ApiError;
use tauri::ipc::Response;
use tauri::State;

use crate::commands::exports::write;
use crate::state::{now, AppState};

/// The school year given, or the current one (2026 for 2026/2027).
fn year_or_current(year: Option<i32>) -> i32 {
    year.unwrap_or_else(|| school_year::school_year_of(now().date()))
}

/// The plan of a school year (the current one when `year` is not given).
#[tauri::command]
pub fn plan_get(state: State<'_, AppState>, year: Option<i32>) -> Result<SchoolYearPlan, ApiError> {
    let year = year_or_current(year);
    state.with(|s| plan::plan(s, year))
}

/// Rows `offset .. offset + limit` of the plan of a school year (the
/// current one when `year` is not given) with the year's outline: the table
/// asks for the rows it scrolls to. Async: the year's occurrences take a
/// tenth of a second at 20 000 events, off the window's main thread.
#[tauri::command]
pub async fn plan_page(
    state: State<'_, AppState>,
    year: Option<i32>,
    offset: u32,
    limit: u32,
) -> Result<PlanPage, ApiError> {
    let year = year_or_current(year);
    state.with(|s| plan_page::page(s, year, offset, limit))
}

/// The plan's approval block and signature (the defaults until she sets
/// them).
#[tauri::command]
pub fn plan_signatures_get(state: State<'_, AppState>) -> Result<PlanSignatures, ApiError> {
    state.with(|s| plan_signatures::get(s))
}

/// Stores the plan's approval block and signature; refused with each
/// field's Russian message.
#[tauri::command]
pub fn plan_signatures_save(
    state: State<'_, AppState>,
    input: PlanSignatures,
) -> Result<PlanSignatures, ApiError> {
    state.with(|s| plan_signatures::save(s, input))
}

/// The plan's PDF as raw bytes for pdf.js.
#[tauri::command]
pub async fn plan_preview(state: State<'_, AppState>, year: i32) -> Result<Response, ApiError> {
    state
        .with(|s| plan_export::pdf(s, year, now()))
        .map(Response::new)
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
    let format = crate::journal::guarded(|| FileFormat::parse(&format))?;
    write(&state, ExportTarget::Plan { year, format }, path)
}

/// The charts' figures of a school year (the current one when `year` is
/// not given), as of today.
#[tauri::command]
pub fn reports_charts(
    state: State<'_, AppState>,
    year: Option<i32>,
) -> Result<YearCharts, ApiError> {
    let year = year_or_current(year);
    state.with(|s| charts::year_charts(s, year, now().date()))
}

/// The analytical report of a school year, as of today.
#[tauri::command]
pub fn annual_report_get(state: State<'_, AppState>, year: i32) -> Result<AnnualReport, ApiError> {
    state.with(|s| annual::report(s, year, now().date()))
}

/// Keeps the report's «Выводы» for the year (an empty text removes them).
#[tauri::command]
pub fn annual_report_conclusions_save(
    state: State<'_, AppState>,
    year: i32,
    text: String,
) -> Result<(), ApiError> {
    state.with(|s| annual::save_conclusions(s, year, &text))
}

/// The report's PDF as raw bytes for pdf.js.
#[tauri::command]
pub async fn annual_report_preview(
    state: State<'_, AppState>,
    year: i32,
) -> Result<Response, ApiError> {
    let now = now();
    let report = state.with(|s| annual::report(s, year, now.date()))?;
    annual_pdf::render(&report, now)
        .map(Response::new)
        .map_err(ApiError::from)
}

/// Exports the report as PDF, DOCX or XLSX to the path chosen in the save
/// dialog. Returns the path written.
#[tauri::command]
pub async fn annual_report_export(
    state: State<'_, AppState>,
    year: i32,
    format: String,
    path: String,
) -> Result<String, ApiError> {
    let format = crate::journal::guarded(|| FileFormat::parse(&format))?;
    write(&state, ExportTarget::AnnualReport { year, format }, path)
}
