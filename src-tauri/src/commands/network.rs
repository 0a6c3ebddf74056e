//! The network's health (issue 11 §4): flags, concentration, stages, shown
//! on «Главная» and in the partners list.

use partnernet::events::school_year;
use partnernet::network::{self, model::NetworkHealth};
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

/// The network's health for a school year (the current one when `year` is
/// not given) as of today.
#[tauri::command]
pub fn network_health(
    state: State<'_, AppState>,
    year: Option<i32>,
) -> Result<NetworkHealth, ApiError> {
    let today = now().date();
    let year = year.unwrap_or_else(|| school_year::school_year_of(today));
    state.with(|s| network::health(s, today, year))
}
