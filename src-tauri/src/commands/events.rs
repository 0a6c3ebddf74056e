//! Events (мероприятия): the calendar, the event form, occurrences of a
//! series, the partner card's tab, the start-screen block, iCalendar import
//! and export, and the forms of events in «Настройки». Each command only
//! calls the core; files come from the dialogs the UI shows.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use partnernet::events::{
    self, import,
    model::{
        Conflict, Event, EventFilter, EventForm, EventFormInput, EventInput, EventSaved,
        EventsDigest, ImportFile, ImportReport, Occurrence, OccurrenceChange,
    },
    CalendarRange, RangeQuery,
};
use partnernet::exports::{self, ExportTarget, OpenPurpose};
use partnernet::{ApiError, FieldError};
use tauri::State;

use crate::commands::exports::write;

use crate::state::{now, AppState};

/// The forms of network interaction, in their order.
#[tauri::command]
pub fn events_forms(state: State<'_, AppState>) -> Result<Vec<EventForm>, ApiError> {
    state.with(|s| events::forms(s))
}

/// The occurrences the calendar shows (the visible range and the filters).
#[tauri::command]
pub fn events_occurrences(
    state: State<'_, AppState>,
    filter: EventFilter,
) -> Result<Vec<Occurrence>, ApiError> {
    state.with(|s| events::occurrences(s, &filter))
}

/// The visible range as the calendar draws it: a few occurrences a day and
/// the count of the rest, or a page of the list.
#[tauri::command]
pub fn events_range(
    state: State<'_, AppState>,
    query: RangeQuery,
) -> Result<CalendarRange, ApiError> {
    state.with(|s| events::calendar_range(s, &query))
}

#[tauri::command]
pub fn events_get(state: State<'_, AppState>, id: i64) -> Result<Event, ApiError> {
    state.with(|s| events::get(s, id))
}

/// What the form would be refused for (empty when it can be saved).
#[tauri::command]
pub fn events_validate(
    state: State<'_, AppState>,
    input: EventInput,
    id: Option<i64>,
) -> Result<Vec<FieldError>, ApiError> {
    state.with(|s| events::check(s, &input, id))
}

#[tauri::command]
pub fn events_create(
    state: State<'_, AppState>,
    input: EventInput,
) -> Result<EventSaved, ApiError> {
    state.with(|s| events::create(s, input, now()))
}

#[tauri::command]
pub fn events_update(
    state: State<'_, AppState>,
    id: i64,
    input: EventInput,
) -> Result<EventSaved, ApiError> {
    state.with(|s| events::update(s, id, input, now()))
}

/// Moves, cancels or records one occurrence of a series.
#[tauri::command]
pub fn events_change_occurrence(
    state: State<'_, AppState>,
    id: i64,
    change: OccurrenceChange,
) -> Result<EventSaved, ApiError> {
    state.with(|s| events::change_occurrence(s, id, change, now()))
}

/// The occurrence of `date` is again as the series' rule gives it.
#[tauri::command]
pub fn events_reset_occurrence(
    state: State<'_, AppState>,
    id: i64,
    date: NaiveDate,
) -> Result<Event, ApiError> {
    state.with(|s| events::reset_occurrence(s, id, date, now()))
}

/// A drag or resize in the calendar.
#[tauri::command]
pub fn events_reschedule(
    state: State<'_, AppState>,
    id: i64,
    date: NaiveDate,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> Result<EventSaved, ApiError> {
    state.with(|s| events::reschedule(s, id, date, start, end, now()))
}

#[tauri::command]
pub fn events_conflicts(state: State<'_, AppState>, id: i64) -> Result<Vec<Conflict>, ApiError> {
    state.with(|s| events::conflicts(s, id))
}

#[tauri::command]
pub fn events_trash(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| events::trash(s, id, now()))
}

#[tauri::command]
pub fn events_restore(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| events::restore(s, id))
}

#[tauri::command]
pub fn events_purge(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| events::purge(s, id))
}

#[tauri::command]
pub fn events_trash_list(state: State<'_, AppState>) -> Result<Vec<Event>, ApiError> {
    state.with(|s| events::trash_list(s))
}

/// The partner card's tab «Мероприятия».
#[tauri::command]
pub fn events_of_partner(
    state: State<'_, AppState>,
    partner_id: i64,
) -> Result<Vec<Occurrence>, ApiError> {
    state.with(|s| events::events_of_partner(s, partner_id, now()))
}

/// The start screen: this week, and held events waiting for their results,
/// each list cut to `limit` (the core's default when absent) with its total.
#[tauri::command]
pub fn events_digest(
    state: State<'_, AppState>,
    limit: Option<u32>,
) -> Result<EventsDigest, ApiError> {
    let limit = limit.map_or(events::DIGEST_LIMIT, |n| n as usize);
    state.with(|s| events::digest_with(s, now(), limit))
}

/// Exports the chosen events as an .ics file to the path chosen.
#[tauri::command]
pub async fn events_export_ics(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    path: String,
) -> Result<String, ApiError> {
    write(&state, ExportTarget::Events { ids }, path)
}

/// Reads the .ics file chosen in the open dialog and says what importing
/// it would do; nothing is written but the folder for the next dialog.
#[tauri::command]
pub async fn events_import_preview(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportFile, ApiError> {
    let path = PathBuf::from(path);
    let text = crate::journal::guarded(|| import::read_file(&path))?;
    let preview = state.with(|s| {
        let preview = import::preview(s, &text)?;
        exports::opened(s, OpenPurpose::Calendar, &path)?;
        Ok(preview)
    })?;
    Ok(ImportFile {
        path: path.display().to_string(),
        preview,
    })
}

/// Imports the .ics file previewed before: new UIDs are added, known ones
/// updated.
#[tauri::command]
pub async fn events_import_apply(
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportReport, ApiError> {
    let path = PathBuf::from(path);
    let text = crate::journal::guarded(|| import::read_file(&path))?;
    state.with(|s| import::apply(s, &text, now()))
}

#[tauri::command]
pub fn event_forms_add(
    state: State<'_, AppState>,
    input: EventFormInput,
) -> Result<EventForm, ApiError> {
    state.with(|s| events::add_form(s, input))
}

#[tauri::command]
pub fn event_forms_update(
    state: State<'_, AppState>,
    id: i64,
    input: EventFormInput,
) -> Result<EventForm, ApiError> {
    state.with(|s| events::update_form(s, id, input))
}

/// Deletes a user's form; built-in forms and forms in use are refused with
/// the core's message.
#[tauri::command]
pub fn event_forms_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    state.with(|s| events::delete_form(s, id))
}
