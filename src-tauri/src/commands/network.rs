//! The network (issue 11 §3, §4): its health, shown on «Главная» and in the
//! partners list, and the network map with its PDF and PNG export.

use std::path::PathBuf;

use partnernet::events::school_year;
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::network::{
    self,
    model::{HealthFlag, HealthView, MapQuery, NetworkMap},
};
use partnernet::{ApiError, CoreError};
use percent_encoding::percent_decode_str;
use serde::Deserialize;
use tauri::ipc::{InvokeBody, Request};
use tauri::State;

use crate::state::{now, AppState};

/// The flags [`network_health`] carries when not told: the first page of
/// «Главная».
const FIRST_FLAGS: usize = 10;

/// The network's health for a school year (the current one when `year` is
/// not given) as of today, as the pages show it: with its first `flags`
/// flags. Async: on a large registry it is computed off the window's thread.
#[tauri::command]
pub async fn network_health(
    state: State<'_, AppState>,
    year: Option<i32>,
    flags: Option<u32>,
) -> Result<HealthView, ApiError> {
    let today = now().date();
    let year = year.unwrap_or_else(|| school_year::school_year_of(today));
    let flags = flags.map_or(FIRST_FLAGS, |n| n as usize);
    state.with(|s| network::health_view(s, today, year, flags))
}

/// The flags of one partner in the current school year, in order.
#[tauri::command]
pub async fn network_partner_flags(
    state: State<'_, AppState>,
    partner_id: i64,
) -> Result<Vec<HealthFlag>, ApiError> {
    state.with(|s| network::partner_flags(s, now().date(), partner_id))
}

/// The network map of the query's period (the current school year when it
/// gives no dates), filtered, cut to the most active and laid out. Async: it
/// reads the whole registry, off the window's thread.
#[tauri::command]
pub async fn network_map(
    state: State<'_, AppState>,
    query: MapQuery,
) -> Result<NetworkMap, ApiError> {
    state.with(|s| network::map_memo(s, now().date(), &query))
}

/// The header of [`network_map_export`]: its query, format and path as
/// JSON, percent-encoded (a header is ASCII; paths are not).
pub const MAP_EXPORT_HEADER: &str = "x-partnernet-map-export";

/// What the header of [`network_map_export`] carries.
#[derive(Deserialize)]
struct MapExportArgs {
    query: MapQuery,
    format: String,
    path: String,
}

/// The arguments from the request's header.
fn map_export_args(request: &Request<'_>) -> Result<MapExportArgs, ApiError> {
    let bad = || {
        ApiError::from(CoreError::BadInput(
            "Не удалось прочитать, что и куда сохранять: повторите сохранение карты.".to_string(),
        ))
    };
    let header = request
        .headers()
        .get(MAP_EXPORT_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(bad)?;
    let json = percent_decode_str(header)
        .decode_utf8()
        .map_err(|_| bad())?;
    serde_json::from_str(&json).map_err(|_| bad())
}

/// Saves the map to the path chosen in the save dialog: «pdf» drawn by the
/// core, «png» from the bytes of the UI's canvas (checked by the core),
/// sent as the raw body of the request (a JSON array of numbers would
/// take seconds for a large map); the query, format and path come in the
/// [`MAP_EXPORT_HEADER`] header. Returns the path written.
#[tauri::command]
pub async fn network_map_export(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<String, ApiError> {
    let args = map_export_args(&request)?;
    let png = match request.body() {
        InvokeBody::Raw(bytes) if !bytes.is_empty() => Some(bytes.as_slice()),
        _ => None,
    };
    let format = crate::journal::guarded(|| FileFormat::parse(&args.format))?;
    let target = ExportTarget::NetworkMap {
        query: args.query,
        format,
    };
    let path = PathBuf::from(args.path);
    let written = state.with(|s| exports::write_drawn(s, &target, &path, png, now()))?;
    Ok(written.display().to_string())
}
