//! How times are kept in the database: ISO text, which sorts as time does.
//! Every domain's queries use these two, so they live with the storage.

use chrono::NaiveDateTime;

/// Timestamps are kept as ISO text, which sorts as time does.
pub fn fmt_ts(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S").to_string()
}

pub fn parse_ts(s: &str) -> rusqlite::Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}
