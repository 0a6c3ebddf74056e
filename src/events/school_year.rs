//! The school year: 1 September to 31 August, named by the year it starts
//! in (DOMAIN.md §6).

use chrono::{Datelike, NaiveDate};

/// The school year a date belongs to, named by the year it starts in:
/// 31.08.2027 is in 2026 (2026/2027), 01.09.2027 in 2027.
pub fn school_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The first and last day of the school year `year`: 1 September `year` –
/// 31 August `year + 1`. Years outside chrono's range give its extremes.
pub fn school_year_range(year: i32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, 9, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(year.saturating_add(1), 8, 31).unwrap_or(NaiveDate::MAX);
    (first, last)
}

/// «2026/2027», as the year is named in the text.
pub fn year_name(year: i32) -> String {
    format!("{year}/{}", year.saturating_add(1))
}
