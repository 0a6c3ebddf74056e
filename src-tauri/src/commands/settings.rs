//! «Настройки»: agreement numbering, the reminder window, the place line and
//! the time zone.

use partnernet::settings::{self, Settings};
use partnernet::ApiError;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn settings_get(state: State<'_, AppState>) -> Result<Settings, ApiError> {
    state.with(|s| settings::get(s))
}

#[tauri::command]
pub fn settings_save(state: State<'_, AppState>, input: Settings) -> Result<Settings, ApiError> {
    state.with(|s| settings::save(s, input))
}
