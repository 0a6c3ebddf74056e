//! «Контакты»: the list with its search, a person's card, the edit, the
//! merge of two records and their history. Each only translates.

use partnernet::persons::{
    self,
    model::{PersonFilter, PersonHistoryEntry, PersonInput, PersonRecord, PersonSummary},
};
use partnernet::{ApiError, FieldError};
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub fn persons_search(
    state: State<'_, AppState>,
    filter: PersonFilter,
) -> Result<Vec<PersonSummary>, ApiError> {
    state.with(|s| persons::list(s, &filter))
}

#[tauri::command]
pub fn persons_get(state: State<'_, AppState>, id: i64) -> Result<PersonRecord, ApiError> {
    state.with(|s| persons::get(s, id))
}

#[tauri::command]
pub fn persons_validate(
    state: State<'_, AppState>,
    id: i64,
    input: PersonInput,
) -> Result<Vec<FieldError>, ApiError> {
    state.with(|s| persons::check(s, id, &input))
}

#[tauri::command]
pub fn persons_update(
    state: State<'_, AppState>,
    id: i64,
    input: PersonInput,
) -> Result<PersonRecord, ApiError> {
    state.with(|s| persons::update(s, id, input, now()))
}

/// Merges record `other` into `keep`; `other` is gone after it.
#[tauri::command]
pub fn persons_merge(
    state: State<'_, AppState>,
    keep: i64,
    other: i64,
) -> Result<PersonRecord, ApiError> {
    state.with(|s| persons::merge(s, keep, other, now()))
}

#[tauri::command]
pub fn persons_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<PersonHistoryEntry>, ApiError> {
    state.with(|s| persons::history(s, id))
}
