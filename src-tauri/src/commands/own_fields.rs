//! Настройки → «Свои поля»: her own fields of partners.

use partnernet::partners::model::{OwnField, OwnFieldInput};
use partnernet::partners::own_fields;
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub fn own_fields_list(state: State<'_, AppState>) -> Result<Vec<OwnField>, ApiError> {
    state.with(|s| own_fields::list(s))
}

#[tauri::command]
pub fn own_fields_add(
    state: State<'_, AppState>,
    input: OwnFieldInput,
) -> Result<OwnField, ApiError> {
    state.with(|s| own_fields::add(s, input, now()))
}

#[tauri::command]
pub fn own_fields_update(
    state: State<'_, AppState>,
    id: i64,
    input: OwnFieldInput,
) -> Result<OwnField, ApiError> {
    state.with(|s| own_fields::update(s, id, input))
}

#[tauri::command]
pub fn own_fields_reorder(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<OwnField>, ApiError> {
    state.with(|s| own_fields::reorder(s, &ids))
}

#[tauri::command]
pub fn own_fields_remove(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| own_fields::remove(s, id, now()))
}
