//! The templates of an agreement kind (issue 14 §5): her own named ones
//! beside the built-in one, one of them the default for new agreements.

use partnernet::agreements::{
    model::{AgreementKind, AgreementTemplate},
    variants,
};
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
