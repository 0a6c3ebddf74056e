//! The network (issue 11 §3, §4): its health, shown on «Главная» and in the
//! partners list, and the network map with its PDF and PNG export.

use std::path::PathBuf;

use partnernet::events::school_year;
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::network::{
    self,
    model::{MapQuery, NetworkHealth, NetworkMap},
};
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

/// The network map of the query's period (the current school year when it
/// gives no dates), filtered and laid out.
#[tauri::command]
pub fn network_map(state: State<'_, AppState>, query: MapQuery) -> Result<NetworkMap, ApiError> {
    state.with(|s| network::map(s, now().date(), &query))
}

/// Saves the map to the path chosen in the save dialog: «pdf» drawn by the
/// core, «png» from the bytes of the UI's canvas (checked by the core).
/// Returns the path written.
#[tauri::command]
pub async fn network_map_export(
    state: State<'_, AppState>,
    query: MapQuery,
    format: String,
    path: String,
    png: Option<Vec<u8>>,
) -> Result<String, ApiError> {
    let format = FileFormat::parse(&format)?;
    let target = ExportTarget::NetworkMap { query, format };
    let written = state
        .with(|s| exports::write_drawn(s, &target, &PathBuf::from(path), png.as_deref(), now()))?;
    Ok(written.display().to_string())
}
