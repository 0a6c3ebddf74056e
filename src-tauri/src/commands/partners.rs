use partnernet::network::{
    self,
    model::{TimelineEntry, TimelineFilter},
};
use partnernet::partners::{
    self,
    model::{
        HistoryEntry, Note, NoteInput, Partner, PartnerFilter, PartnerInput, PartnerSummary, Tie,
        TieInput,
    },
    notes,
    order::PartnerSort,
    search, ties,
};
use partnernet::{trash, ApiError, FieldError};
use tauri::State;

use crate::state::{now, AppState};

#[tauri::command]
pub fn partners_list(
    state: State<'_, AppState>,
    filter: PartnerFilter,
) -> Result<Vec<PartnerSummary>, ApiError> {
    state.with(|s| partners::list(s, &filter))
}

/// The list's ids in the order of `sort` (the window draws only what it shows).
#[tauri::command]
pub async fn partners_list_ids(
    state: State<'_, AppState>,
    filter: PartnerFilter,
    sort: PartnerSort,
) -> Result<Vec<i64>, ApiError> {
    state.with(|s| partners::list_ids(s, &filter, sort))
}

/// The rows of the list the window is about to show, in the order of `ids`.
#[tauri::command]
pub async fn partners_summaries(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<PartnerSummary>, ApiError> {
    state.with(|s| partners::summaries_of(s, &ids))
}

/// A partner picker's search as you type: the first `limit` matches.
#[tauri::command]
pub fn partners_pick(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<Vec<PartnerSummary>, ApiError> {
    state.with(|s| search::first_matches(s, &query, limit))
}

/// The partners a picker has chosen, by id (their names on the form).
#[tauri::command]
pub fn partners_named(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<PartnerSummary>, ApiError> {
    state.with(|s| search::by_ids(s, &ids))
}

#[tauri::command]
pub fn partners_get(state: State<'_, AppState>, id: i64) -> Result<Partner, ApiError> {
    state.with(|s| partners::get(s, id))
}

#[tauri::command]
pub fn partners_validate(
    state: State<'_, AppState>,
    input: PartnerInput,
    id: Option<i64>,
) -> Result<Vec<FieldError>, ApiError> {
    state.with(|s| partners::check(s, &input, id, now()))
}

#[tauri::command]
pub fn partners_create(
    state: State<'_, AppState>,
    input: PartnerInput,
) -> Result<Partner, ApiError> {
    state.with(|s| partners::create(s, input, now()))
}

#[tauri::command]
pub fn partners_update(
    state: State<'_, AppState>,
    id: i64,
    input: PartnerInput,
) -> Result<Partner, ApiError> {
    state.with(|s| partners::update(s, id, input, now()))
}

#[tauri::command]
pub fn partners_trash(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| partners::trash(s, id, now()))
}

#[tauri::command]
pub fn partners_restore(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| partners::restore(s, id, now()))
}

#[tauri::command]
pub fn partners_purge(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| trash::purge_partner(s, id))
}

#[tauri::command]
pub fn partners_trash_list(state: State<'_, AppState>) -> Result<Vec<PartnerSummary>, ApiError> {
    state.with(|s| partners::trash_list(s))
}

#[tauri::command]
pub fn partners_history(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<HistoryEntry>, ApiError> {
    state.with(|s| partners::history(s, id))
}

#[tauri::command]
pub fn partners_ties(state: State<'_, AppState>, id: i64) -> Result<Vec<Tie>, ApiError> {
    state.with(|s| ties::of_partner(s, id))
}

#[tauri::command]
pub fn partners_tie_add(state: State<'_, AppState>, input: TieInput) -> Result<Tie, ApiError> {
    state.with(|s| ties::add(s, input, now()))
}

#[tauri::command]
pub fn partners_tie_update(
    state: State<'_, AppState>,
    id: i64,
    input: TieInput,
) -> Result<Tie, ApiError> {
    state.with(|s| ties::update(s, id, input, now()))
}

#[tauri::command]
pub fn partners_tie_remove(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| ties::remove(s, id, now()))
}

#[tauri::command]
pub fn partners_notes(state: State<'_, AppState>, id: i64) -> Result<Vec<Note>, ApiError> {
    state.with(|s| notes::of_partner(s, id))
}

#[tauri::command]
pub fn partners_note_add(
    state: State<'_, AppState>,
    partner_id: i64,
    input: NoteInput,
) -> Result<Note, ApiError> {
    state.with(|s| notes::add(s, partner_id, input, now()))
}

#[tauri::command]
pub fn partners_note_update(
    state: State<'_, AppState>,
    id: i64,
    input: NoteInput,
) -> Result<Note, ApiError> {
    state.with(|s| notes::update(s, id, input, now()))
}

#[tauri::command]
pub fn partners_note_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| notes::delete(s, id))
}

#[tauri::command]
pub fn partners_timeline(
    state: State<'_, AppState>,
    id: i64,
    filter: TimelineFilter,
) -> Result<Vec<TimelineEntry>, ApiError> {
    state.with(|s| network::timeline(s, id, &filter))
}
