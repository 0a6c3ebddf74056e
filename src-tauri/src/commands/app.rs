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

#[tauri::command]
pub fn demo_fill(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with(|s| partnernet::demo::fill(s, now()).map(|_| ()))
}
