use partnernet::institution::{
    self,
    model::{DeficitMatch, Institution},
};
use partnernet::{ApiError, FieldError};
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub fn institution_get(state: State<'_, AppState>) -> Result<Institution, ApiError> {
    state.with(|s| institution::get(s))
}

#[tauri::command]
pub fn institution_validate(input: Institution) -> Vec<FieldError> {
    institution::check(&input, now())
}

#[tauri::command]
pub fn institution_save(
    state: State<'_, AppState>,
    input: Institution,
) -> Result<Institution, ApiError> {
    state.with(|s| institution::save(s, input, now()))
}

#[tauri::command]
pub fn deficit_matches(state: State<'_, AppState>) -> Result<Vec<DeficitMatch>, ApiError> {
    state.with(|s| institution::deficit_matches(s))
}
