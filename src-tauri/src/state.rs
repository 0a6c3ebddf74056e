//! The open database, shared by all commands.

use std::sync::Mutex;

use partnernet::{ApiError, CoreError, ErrorCode, Storage};

/// The storage, or why it could not be opened (shown to the user at start).
pub struct AppState {
    storage: Mutex<Result<Storage, ApiError>>,
}

impl AppState {
    pub fn new(opened: Result<Storage, CoreError>) -> Self {
        AppState {
            storage: Mutex::new(opened.map_err(ApiError::from)),
        }
    }

    /// Puts the opened storage in: `run` opens the database only after the
    /// single-instance check, so a second start never touches it.
    pub fn replace(&self, opened: Result<Storage, CoreError>) {
        let mut guard = self
            .storage
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard = opened.map_err(ApiError::from);
    }

    /// Runs `f` with the storage; a core error becomes `{code, message}`
    /// and a journal line, a panic an internal error (`journal::guarded`).
    #[track_caller]
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Storage) -> Result<T, CoreError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.storage.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "Внутренняя ошибка: хранилище заблокировано после сбоя. Перезапустите программу.",
            )
        })?;
        match guard.as_mut() {
            Ok(storage) => {
                // A failure of the file itself (read-only, disk full) names it.
                let path = storage.path().to_path_buf();
                crate::journal::guarded(|| f(storage).map_err(|e| e.in_database(&path)))
            }
            Err(err) => Err(err.clone()),
        }
    }
}

/// The user's local time, naive: what "now" means for records she makes.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}
