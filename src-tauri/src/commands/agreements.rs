use std::path::PathBuf;

use chrono::NaiveDate;
use partnernet::agreements::{
    self, attachments,
    model::{
        Agreement, AgreementFilter, AgreementInput, AgreementKind, AgreementStatus,
        AgreementSummary, AgreementTemplate, Attachment, MergeField, Reminder, StatusChange,
    },
    output, render, StatusKept,
};
use partnernet::exports::{self, ExportTarget, FileFormat, OpenPurpose};
use partnernet::{ApiError, FieldError};
use tauri::ipc::Response;
use tauri::State;

use crate::state::{now, AppState};

fn today() -> NaiveDate {
    now().date()
}

#[tauri::command]
pub fn agreements_list(
    state: State<'_, AppState>,
    filter: AgreementFilter,
) -> Result<Vec<AgreementSummary>, ApiError> {
    state.with(|s| agreements::list(s, &filter, today()))
}

#[tauri::command]
pub fn agreements_of_partner(
    state: State<'_, AppState>,
    partner_id: i64,
) -> Result<Vec<AgreementSummary>, ApiError> {
    state.with(|s| agreements::agreements_of_partner(s, partner_id, today()))
}

#[tauri::command]
pub fn agreements_get(state: State<'_, AppState>, id: i64) -> Result<Agreement, ApiError> {
    state.with(|s| agreements::get(s, id))
}

#[tauri::command]
pub fn agreements_validate(
    state: State<'_, AppState>,
    input: AgreementInput,
    id: Option<i64>,
) -> Result<Vec<FieldError>, ApiError> {
    state.with(|s| agreements::check(s, &input, id, now()))
}

#[tauri::command]
pub fn agreements_suggest_number(
    state: State<'_, AppState>,
    date: Option<NaiveDate>,
) -> Result<String, ApiError> {
    state.with(|s| agreements::suggest_number(s, date, now()))
}

#[tauri::command]
pub fn agreements_create(
    state: State<'_, AppState>,
    input: AgreementInput,
) -> Result<Agreement, ApiError> {
    state.with(|s| agreements::create(s, input, now()))
}

#[tauri::command]
pub fn agreements_update(
    state: State<'_, AppState>,
    id: i64,
    input: AgreementInput,
) -> Result<Agreement, ApiError> {
    state.with(|s| agreements::update(s, id, input, now()))
}

/// The statuses the agreement may move to now.
#[tauri::command]
pub fn agreements_transitions(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<AgreementStatus>, ApiError> {
    state.with(|s| Ok(agreements::allowed_next(agreements::get(s, id)?.status).to_vec()))
}

/// What keeps the agreement from being signed (empty when it can be).
#[tauri::command]
pub fn agreements_signing_problems(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<FieldError>, ApiError> {
    state.with(|s| agreements::signing_problems(s, id))
}

#[tauri::command]
pub fn agreements_set_status(
    state: State<'_, AppState>,
    id: i64,
    to: AgreementStatus,
    on: NaiveDate,
    note: String,
) -> Result<Agreement, ApiError> {
    state.with(|s| agreements::set_status(s, id, to, on, &note, now()))
}

#[tauri::command]
pub fn agreements_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<StatusChange>, ApiError> {
    state.with(|s| agreements::history(s, id))
}

#[tauri::command]
pub fn agreements_trash(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| agreements::trash(s, id, now()))
}

#[tauri::command]
pub fn agreements_restore(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| agreements::restore(s, id))
}

#[tauri::command]
pub fn agreements_purge(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| agreements::purge(s, id))
}

#[tauri::command]
pub fn agreements_trash_list(
    state: State<'_, AppState>,
) -> Result<Vec<AgreementSummary>, ApiError> {
    state.with(|s| agreements::trash_list(s, today()))
}

/// The next number by the scheme being typed in Настройки.
#[tauri::command]
pub fn agreements_number_preview(
    state: State<'_, AppState>,
    scheme: String,
) -> Result<String, ApiError> {
    state.with(|s| agreements::number_preview(s, &scheme, now()))
}

/// Agreements past their end date become «истёк» or «продлён» (issue 14
/// §4): the UI calls it at start and every hour, and says what changed.
#[tauri::command]
pub fn agreements_keep_statuses(state: State<'_, AppState>) -> Result<Vec<StatusKept>, ApiError> {
    state.with(|s| agreements::keep_statuses(s, today(), now()))
}

#[tauri::command]
pub fn agreements_reminders(state: State<'_, AppState>) -> Result<Vec<Reminder>, ApiError> {
    state.with(|s| agreements::reminders(s, today()))
}

#[tauri::command]
pub fn agreements_attachments(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<Attachment>, ApiError> {
    state.with(|s| attachments::list(s, id))
}

/// Attaches the signed scan chosen in the open dialog.
#[tauri::command]
pub async fn agreements_attach_scan(
    state: State<'_, AppState>,
    id: i64,
    path: String,
) -> Result<Attachment, ApiError> {
    let path = PathBuf::from(path);
    state.with(|s| {
        let attachment = attachments::add_scan(s, id, &path, now())?;
        exports::opened(s, OpenPurpose::Scan, &path)?;
        Ok(attachment)
    })
}

#[tauri::command]
pub fn agreements_attachment_remove(
    state: State<'_, AppState>,
    attachment_id: i64,
) -> Result<(), ApiError> {
    state.with(|s| attachments::remove(s, attachment_id))
}

/// Opens a scan or a version with the system's viewer.
#[tauri::command]
pub async fn agreements_attachment_open(
    state: State<'_, AppState>,
    attachment_id: i64,
) -> Result<(), ApiError> {
    state.with(|s| attachments::open(s, attachment_id))
}

/// The PDF of the agreement being edited (saved or not), for pdf.js.
#[tauri::command]
pub async fn agreements_preview(
    state: State<'_, AppState>,
    input: AgreementInput,
    template: Option<String>,
) -> Result<Response, ApiError> {
    let pdf = state.with(|s| Ok(render::preview_input(s, &input, template.as_deref(), now())))?;
    pdf.map(Response::new).map_err(ApiError::from)
}

/// The PDF of a stored agreement with a template being edited.
#[tauri::command]
pub async fn agreements_template_preview(
    state: State<'_, AppState>,
    id: i64,
    template: String,
) -> Result<Response, ApiError> {
    let pdf = state.with(|s| Ok(render::preview_source(s, id, Some(&template), now())))?;
    pdf.map(Response::new).map_err(ApiError::from)
}

/// Exports as PDF or DOCX to the path chosen in the save dialog (kept as
/// a version); the path written.
#[tauri::command]
pub async fn agreements_export(
    state: State<'_, AppState>,
    id: i64,
    format: String,
    path: String,
) -> Result<String, ApiError> {
    let format = crate::journal::guarded(|| FileFormat::parse(&format))?;
    crate::commands::exports::write(&state, ExportTarget::Agreement { id, format }, path)
}

/// «Печать»: the PDF opened in the system viewer. Async, so the window
/// never waits for the viewer.
#[tauri::command]
pub async fn agreements_print(state: State<'_, AppState>, id: i64) -> Result<String, ApiError> {
    let path = state.with(|s| output::print(s, id, now()))?;
    Ok(path.display().to_string())
}

#[tauri::command]
pub fn agreements_template(
    state: State<'_, AppState>,
    kind: AgreementKind,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| render::template(s, kind))
}

#[tauri::command]
pub fn agreements_template_save(
    state: State<'_, AppState>,
    kind: AgreementKind,
    source: String,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| output::save_template(s, kind, &source, now()))
}

/// The merge fields, with the values of agreement `id` as examples.
#[tauri::command]
pub fn agreements_merge_fields(
    state: State<'_, AppState>,
    id: Option<i64>,
) -> Result<Vec<MergeField>, ApiError> {
    state.with(|s| {
        let agreement = id.map(|id| agreements::get(s, id)).transpose()?;
        render::merge_fields(s, agreement.as_ref())
    })
}
