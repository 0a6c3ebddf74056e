//! One window of the school-year plan for the «Отчёты» table: the rows it
//! scrolls to, numbered and written by the same rule as the whole plan
//! (`plan::group`, `plan::row`), without writing the other rows.

use std::sync::Arc;

use super::model::{PlanMonthHead, PlanPage};
use super::plan::{group, month_label, row, title, year_occurrences};
use crate::error::Result;
use crate::events::model::Occurrence;
use crate::storage::Storage;

/// The most rows one page gives: a larger limit is cut to it.
pub const MAX_PAGE_ROWS: u32 = 500;

/// Rows `offset .. offset + limit` of the plan of school year `year` (fewer
/// at the end, none past it), with the year's outline. Pure, like
/// [`super::plan::build`].
pub fn page_of(
    year: i32,
    institution: &str,
    occurrences: &[Occurrence],
    offset: u32,
    limit: u32,
) -> PlanPage {
    let months = group(year, occurrences);
    let end = u64::from(offset) + u64::from(limit.min(MAX_PAGE_ROWS));
    let mut heads = Vec::with_capacity(months.len());
    let mut rows = Vec::new();
    let mut first = 0u32;
    for m in &months {
        let count = u32::try_from(m.groups.len()).unwrap_or(u32::MAX);
        for (i, g) in m.groups.iter().enumerate() {
            let index = u64::from(first) + i as u64;
            if index >= u64::from(offset) && index < end {
                // Numbered through the year from 1, as in the whole plan.
                rows.push(row(u32::try_from(index + 1).unwrap_or(u32::MAX), g));
            }
        }
        heads.push(PlanMonthHead {
            year: m.year,
            month: m.month,
            label: month_label(m.year, m.month),
            first,
            count,
        });
        first = first.saturating_add(count);
    }
    PlanPage {
        year,
        title: title(year),
        institution: institution.trim().to_string(),
        total: first,
        months: heads,
        offset,
        rows,
    }
}

/// A window of the stored plan of school year `year` (see [`page_of`]).
/// The year's occurrences are kept between pages while the data has not
/// changed (`Storage::memo`): scrolling asks for page after page.
pub fn page(storage: &Storage, year: i32, offset: u32, limit: u32) -> Result<PlanPage> {
    let occurrences = storage.memo(&format!("reports::year_occurrences {year}"), |s| {
        year_occurrences(s, year).map(Arc::new)
    })?;
    let institution = crate::institution::get(storage)?.full_name;
    Ok(page_of(year, &institution, &occurrences, offset, limit))
}
