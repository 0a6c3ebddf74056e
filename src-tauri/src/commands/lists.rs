//! «Экспорт» of every list (Партнёры, контакты, Договоры, Мероприятия,
//! Дефициты и ресурсы, Корзина) as XLSX or CSV. The UI names the rows it
//! shows, in its order (`ExportTarget::PartnerList { ids, .. }` …), shows
//! the save dialog, and passes the chosen path; the core writes the table.

use partnernet::exports::ExportTarget;
use partnernet::ApiError;
use tauri::State;

use crate::commands::exports::write;
use crate::state::AppState;

/// Writes a list's table to the path chosen in the save dialog; the path
/// written (the format's extension added when missing).
#[tauri::command]
pub async fn lists_export(
    state: State<'_, AppState>,
    target: ExportTarget,
    path: String,
) -> Result<String, ApiError> {
    write(&state, target, path)
}
