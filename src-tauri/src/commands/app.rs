use partnernet::damaged::{DamagedRow, DataCheck};
use partnernet::storage::AppInfo;
use partnernet::vocabulary::Vocabulary;
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    state.with(|s| s.info())
}

#[tauri::command]
pub fn vocabulary() -> Vocabulary {
    partnernet::vocabulary::vocabulary()
}

/// The stored rows the lists leave out (the window's notice).
#[tauri::command]
pub fn app_damaged(state: State<'_, AppState>) -> Result<Vec<DamagedRow>, ApiError> {
    state.with(|s| partnernet::damaged::rows(s))
}

/// «Проверить данные»: the file's integrity and the rows left out, by kind.
#[tauri::command]
pub fn app_check_data(state: State<'_, AppState>) -> Result<DataCheck, ApiError> {
    state.with(|s| partnernet::damaged::check(s))
}

#[tauri::command]
pub fn demo_fill(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with(|s| partnernet::demo::fill(s, now()).map(|_| ()))
}
