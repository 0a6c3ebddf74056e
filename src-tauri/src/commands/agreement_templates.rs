//! The templates of an agreement kind (issue 14 §5): her own named ones
//! beside the built-in one, one of them the default for new agreements.

use std::path::PathBuf;

use partnernet::agreements::{
    model::{AgreementKind, AgreementTemplate},
    template_files, variants,
};
use partnernet::exports::{self, ExportTarget, OpenPurpose};
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

/// The built-in template of `kind` first, then hers by name.
#[tauri::command]
pub fn agreements_templates(
    state: State<'_, AppState>,
    kind: AgreementKind,
) -> Result<Vec<AgreementTemplate>, ApiError> {
    state.with(|s| variants::list(s.conn(), kind))
}

/// «Новый шаблон» and «Копировать»: `source` is the text copied.
#[tauri::command]
pub fn agreements_template_create(
    state: State<'_, AppState>,
    kind: AgreementKind,
    name: String,
    source: String,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| variants::create(s, kind, &name, &source, now()))
}

/// Saves the edited text of her template `id`.
#[tauri::command]
pub fn agreements_template_update(
    state: State<'_, AppState>,
    id: i64,
    source: String,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| variants::save(s, id, &source, now()))
}

#[tauri::command]
pub fn agreements_template_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| variants::rename(s, id, &name, now()))
}

/// «Сбросить к стандартному»: her template `id` gets the built-in text.
#[tauri::command]
pub fn agreements_template_reset(
    state: State<'_, AppState>,
    id: i64,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| variants::reset(s, id, now()))
}

#[tauri::command]
pub fn agreements_template_set_default(
    state: State<'_, AppState>,
    id: i64,
) -> Result<AgreementTemplate, ApiError> {
    state.with(|s| variants::set_default(s, id))
}

/// Deletes her template `id`; how many agreements went back to the default.
#[tauri::command]
pub fn agreements_template_delete(state: State<'_, AppState>, id: i64) -> Result<usize, ApiError> {
    state.with(|s| variants::delete(s, id))
}

/// «Открыть из файла…»: a new template of hers with the text of the file
/// chosen in the open dialog (saving one is an export: `exports_write`).
#[tauri::command]
pub async fn agreements_template_open_file(
    state: State<'_, AppState>,
    kind: AgreementKind,
    path: String,
) -> Result<AgreementTemplate, ApiError> {
    let path = PathBuf::from(path);
    state.with(|s| {
        let template = template_files::open(s, kind, &path, now())?;
        exports::opened(s, OpenPurpose::AgreementTemplate, &path)?;
        Ok(template)
    })
}

/// «Сохранить в файл…»: the text of template `id` to the path chosen in the
/// save dialog; the path written.
#[tauri::command]
pub async fn agreements_template_save_file(
    state: State<'_, AppState>,
    id: i64,
    path: String,
) -> Result<String, ApiError> {
    crate::commands::exports::write(&state, ExportTarget::AgreementTemplate { id }, path)
}
