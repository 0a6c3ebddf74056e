//! The charts of a school year: their figures come from the analytical
//! report (counted once, in [`super::annual`]); `charts_draw` turns them
//! into the report's figures.

use chrono::NaiveDate;

use super::annual;
use super::model::YearCharts;
use crate::error::Result;
use crate::storage::Storage;

/// The chart figures of school year `year` (2025 = 2025/2026) as of `today`.
pub fn year_charts(storage: &Storage, year: i32, today: NaiveDate) -> Result<YearCharts> {
    Ok(annual::report(storage, year, today)?.charts)
}
