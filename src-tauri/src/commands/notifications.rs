//! The day's system notification and starting over (Настройки → Данные).
//! The UI shows the notification through the notification plugin; what it
//! says and whether to say it today are the core's.

use partnernet::demo::remove::{DemoData, DemoRemoved};
use partnernet::notifications::DayNotice;
use partnernet::start_over::StartedOver;
use partnernet::ApiError;
use tauri::State;

use crate::journal;
use crate::state::{now, AppState};

/// The notice to show now, once a day; `None` when nothing is due or it
/// was shown today.
#[tauri::command]
pub fn notifications_take(state: State<'_, AppState>) -> Result<Option<DayNotice>, ApiError> {
    state.with(|s| partnernet::notifications::take(s, now().date()))
}

/// The demo records still there (the button shows only while there are).
#[tauri::command]
pub fn demo_present(state: State<'_, AppState>) -> Result<Option<DemoData>, ApiError> {
    state.with(|s| partnernet::demo::remove::present(s))
}

/// «Удалить демонстрационные данные», after a backup; journaled with its counts.
#[tauri::command]
pub async fn demo_remove(state: State<'_, AppState>) -> Result<DemoRemoved, ApiError> {
    let done = state.with(|s| partnernet::demo::remove::remove(s, now()))?;
    let r = &done.removed;
    journal::record(
        "demo.remove",
        &[
            ("partners", r.partners as i64),
            ("agreements", r.agreements as i64),
            ("events", r.events as i64),
            ("kept_partners", done.kept_partners as i64),
        ],
    );
    Ok(done)
}

/// «Начать с пустой базы», after a backup; journaled with what the backup holds.
#[tauri::command]
pub async fn app_start_over(state: State<'_, AppState>) -> Result<StartedOver, ApiError> {
    let done = state.with(|s| partnernet::start_over::start_over(s, now()))?;
    journal::record(
        "data.start_over",
        &[
            ("partners", done.partners),
            ("agreements", done.agreements),
            ("events", done.events),
        ],
    );
    Ok(done)
}
