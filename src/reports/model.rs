//! What the reports show: the plan of a school year.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The plan of network interaction for a school year (1 September – 31
/// August), grouped by month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SchoolYearPlan {
    /// The year the school year starts in: 2026 for 2026/2027.
    pub year: i32,
    /// «План сетевого взаимодействия на 2026/2027 учебный год».
    pub title: String,
    /// The institution's full name (empty when the profile is not filled in).
    pub institution: String,
    /// Only the months that have events, September first.
    pub months: Vec<PlanMonth>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanMonth {
    pub year: i32,
    pub month: u32,
    /// «Сентябрь 2026».
    pub label: String,
    pub rows: Vec<PlanRow>,
}

/// One event in one month: a series has a row in every month it meets in,
/// listing that month's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanRow {
    /// Numbered through the whole year.
    pub number: u32,
    pub event_id: i64,
    /// The occurrences' start dates in this month, in order.
    pub dates: Vec<NaiveDate>,
    /// The key (the rule's date) of the first of them: opens it in the calendar.
    pub first_key: NaiveDate,
    /// «15.09.2026, 10:00–12:00» or «08, 15, 22, 29.09.2026, 15:00–16:30».
    pub when: String,
    /// Start and end of the first occurrence in this month.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub form: String,
    pub title: String,
    pub partners: Vec<String>,
    /// «педагоги, родители».
    pub audience: String,
    pub responsible: String,
    /// «проведено», or «проведено: 2, отменено: 1» when the dates differ.
    pub status: String,
}
