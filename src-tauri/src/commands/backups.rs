//! Настройки → Данные → «Резервные копии»: the list, «Создать копию сейчас»,
//! «Восстановить…» (the storage is reopened on the restored data under the
//! state's lock, so no command sees a half-restored database), the folder,
//! the rotation counts; and what the backup at start did, kept for the
//! window to ask (it shows a failure). Async: a backup copies files, and the
//! window must not wait on it.

use std::path::PathBuf;
use std::sync::Mutex;

use partnernet::backups::{self, Backup, BackupsOverview, Policy, Reason, StartBackup};
use partnernet::ApiError;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::journal;
use crate::state::{now, AppState};

/// What the backup at start did; `None` while it is still being made.
#[derive(Default)]
pub struct StartOutcome(Mutex<Option<StartBackup>>);

impl StartOutcome {
    fn get(&self) -> Option<StartBackup> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn set(&self, outcome: StartBackup) {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(outcome);
    }
}

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

/// «Хранить копий»: how many daily, weekly and monthly backups are kept.
#[tauri::command]
pub async fn backups_set_rotation(
    state: State<'_, AppState>,
    rotation: Policy,
) -> Result<BackupsOverview, ApiError> {
    state.with(|s| backups::set_rotation(s, rotation))
}

/// What the backup at start did, asked by the window once it is up:
/// `null` while it is still being made (the window asks again).
#[tauri::command]
pub async fn backups_start_outcome(
    outcome: State<'_, StartOutcome>,
) -> Result<Option<StartBackup>, ApiError> {
    Ok(outcome.get())
}

/// At start, off the window's thread: a backup when the last one is older
/// than a day. The outcome is kept for the window and journalled; a
/// failure does not stop the app.
pub fn at_start<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let outcome = state
        .with(|s| Ok(backups::at_start(s, now())))
        .unwrap_or_else(|err| StartBackup::Failed {
            reason: err.message,
            folder: String::new(),
        });
    match &outcome {
        StartBackup::Failed { reason, .. } => journal::start_backup_failed(reason),
        StartBackup::Made { backup } => journal::record(
            "backup.start",
            &[("partners", backup.partners), ("size", backup.size as i64)],
        ),
        StartBackup::NotDue => {}
    }
    app.state::<StartOutcome>().set(outcome);
}
