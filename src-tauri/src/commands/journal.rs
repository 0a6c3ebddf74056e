//! The journal from the window: where it is, «Открыть журнал», and the
//! hidden panic of the tests. Failures pass through `journal::guarded`
//! like every command's, even when the database did not open (that is
//! when the journal is needed most).

use partnernet::storage::files::open_with_system;
use partnernet::{ApiError, CoreError};
use tauri::State;

use crate::journal;
use crate::state::AppState;

fn log_folder() -> Result<&'static std::path::Path, CoreError> {
    journal::folder().ok_or_else(|| {
        CoreError::Conflict(
            "Журнал не ведётся: при запуске не удалось создать его папку в папке данных.".into(),
        )
    })
}

/// The journal's folder, shown in Настройки → Данные.
#[tauri::command]
pub fn journal_folder() -> Result<String, ApiError> {
    journal::guarded(|| Ok(log_folder()?.display().to_string()))
}

/// «Открыть журнал»: the newest file with the system's program (the
/// folder while there is none). Async, so the window never waits for it.
#[tauri::command]
pub async fn journal_open() -> Result<(), ApiError> {
    journal::guarded(|| open_with_system(&journal::newest(log_folder()?)))
}

/// Panics inside a command, as a bug in the core would (debug builds
/// only): the e2e test and the shell tests check the journal and the
/// window's message with it.
#[tauri::command]
pub fn journal_debug_panic(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with(|_| journal::debug_panic())
}
