//! One search for everything (Ctrl+K) and the calendar's search over its
//! whole school year (issue 14 §1). Async: a keystroke's search never
//! holds the window's thread, the first one after a change reads the names.

use partnernet::events::model::EventFilter;
use partnernet::search::{
    self,
    model::{EventMatches, SearchResults},
};
use partnernet::ApiError;
use tauri::State;

use crate::state::{now, AppState};

/// The records matching `query`, grouped by kind, at most `limit` of each
/// (8 when not given). An empty query answers nothing and prepares the
/// search, so the palette asks it as it opens.
#[tauri::command]
pub async fn search_everything(
    state: State<'_, AppState>,
    query: String,
    limit: Option<u32>,
) -> Result<SearchResults, ApiError> {
    state.with(|s| search::everything(s, &query, limit.unwrap_or(8), now().date()))
}

/// The occurrences of the filter's period (the calendar's school year)
/// matching its search and filters: the first `limit` (200 when not given)
/// and how many there are.
#[tauri::command]
pub async fn search_events(
    state: State<'_, AppState>,
    filter: EventFilter,
    limit: Option<u32>,
) -> Result<EventMatches, ApiError> {
    state.with(|s| search::events_in_range(s, &filter, limit.unwrap_or(200)))
}
