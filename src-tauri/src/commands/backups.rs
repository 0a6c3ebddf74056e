//! Настройки → Данные → «Резервные копии»: the list, «Создать копию сейчас»,
//! «Восстановить…» (the storage is reopened on the restored data under the
//! state's lock, so no command sees a half-restored database), the folder.
//! Async: a backup copies files, and the window must not wait on it.

use std::path::PathBuf;

use partnernet::backups::{self, Backup, BackupsOverview, Reason};
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub async fn backups_list(state: State<'_, AppState>) -> Result<BackupsOverview, ApiError> {
    state.with(|s| backups::list(s))
}

/// «Создать копию сейчас»: the new backup.
#[tauri::command]
pub async fn backups_create(state: State<'_, AppState>) -> Result<Backup, ApiError> {
    state.with(|s| backups::create(s, Reason::Manual, now()))
}

/// Restores the backup in folder `path`; the UI reloads afterwards.
#[tauri::command]
pub async fn backups_restore(state: State<'_, AppState>, path: String) -> Result<Backup, ApiError> {
    state.with(|s| backups::restore(s, &PathBuf::from(path), now()))
}

/// Moves the backups to `folder` (picked with the folder dialog), the ones
/// made so far and the next ones; back to the default with `null`.
#[tauri::command]
pub async fn backups_set_folder(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> Result<BackupsOverview, ApiError> {
    state.with(|s| backups::set_folder(s, folder.map(PathBuf::from).as_deref()))
}

/// «Открыть папку» in the system's file manager.
#[tauri::command]
pub async fn backups_open_folder(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with(|s| backups::open_folder(s))
}

/// At start, off the window's thread: a backup when the last one is older
/// than a day. A failure is journalled by `with` and does not stop the app.
pub fn at_start(state: &AppState) {
    let _ = state.with(|s| backups::at_start(s, now()));
}
