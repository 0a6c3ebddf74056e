//! The plan of network interaction for a school year (DOMAIN.md §4, §6):
//! the year's occurrences grouped by month, September to August, one row
//! per event and month. `plan_export` writes it to files.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::model::{PlanMonth, PlanRow, SchoolYearPlan};
use crate::error::Result;
use crate::events::model::{EventFilter, EventStatus, Occurrence};
use crate::events::school_year::{school_year_of, school_year_range};
use crate::grammar::month_nominative;
use crate::storage::Storage;

/// «План сетевого взаимодействия на 2026/2027 учебный год».
pub fn title(year: i32) -> String {
    format!(
        "План сетевого взаимодействия на {year}/{} учебный год",
        year.saturating_add(1)
    )
}

/// One month of the plan before its rows are written: the month's
/// occurrences grouped by event, each group sorted by start.
pub(crate) struct MonthGroups<'a> {
    pub year: i32,
    pub month: u32,
    pub groups: Vec<Vec<&'a Occurrence>>,
}

/// The grouping rule of the plan, shared by the whole plan ([`build`]) and
/// one window of it (`plan_page`): the occurrences of school year `year`
/// (those starting outside it left out) by month, September first, and in a
/// month one group per event in the order of its first occurrence. Rows are
/// numbered through the year in this order.
pub(crate) fn group(year: i32, occurrences: &[Occurrence]) -> Vec<MonthGroups<'_>> {
    let mut occ: Vec<&Occurrence> = occurrences
        .iter()
        .filter(|o| school_year_of(o.start.date()) == year)
        .collect();
    occ.sort_by_key(|o| (o.start, o.event_id, o.date));

    let mut months: Vec<MonthGroups> = Vec::new();
    let mut i = 0;
    while i < occ.len() {
        let (y, m) = (occ[i].start.year(), occ[i].start.month());
        let mut j = i;
        while j < occ.len() && (occ[j].start.year(), occ[j].start.month()) == (y, m) {
            j += 1;
        }
        // A busy month has thousands of events: find an event's group by id.
        let mut groups: Vec<Vec<&Occurrence>> = Vec::new();
        let mut index: HashMap<i64, usize> = HashMap::new();
        for o in &occ[i..j] {
            match index.get(&o.event_id) {
                Some(&g) => groups[g].push(o),
                None => {
                    index.insert(o.event_id, groups.len());
                    groups.push(vec![o]);
                }
            }
        }
        months.push(MonthGroups {
            year: y,
            month: m,
            groups,
        });
        i = j;
    }
    months
}

/// «Сентябрь 2026».
pub(crate) fn month_label(year: i32, month: u32) -> String {
    format!("{} {year}", month_nominative(month))
}

/// Groups the occurrences of school year `year` into the plan. Pure: the
/// occurrences are taken as given (moved ones at their new times); those
/// starting outside the year are left out.
pub fn build(year: i32, institution: &str, occurrences: &[Occurrence]) -> SchoolYearPlan {
    let mut number = 0u32;
    let months = group(year, occurrences)
        .into_iter()
        .map(|m| PlanMonth {
            year: m.year,
            month: m.month,
            label: month_label(m.year, m.month),
            rows: m
                .groups
                .iter()
                .map(|g| {
                    number += 1;
                    row(number, g)
                })
                .collect(),
        })
        .collect();
    SchoolYearPlan {
        year,
        title: title(year),
        institution: institution.trim().to_string(),
        months,
    }
}

/// One event's row in one month; `group` is non-empty and sorted by start.
pub(crate) fn row(number: u32, group: &[&Occurrence]) -> PlanRow {
    let first = group[0];
    let mut dates: Vec<NaiveDate> = group.iter().map(|o| o.start.date()).collect();
    dates.dedup();
    PlanRow {
        number,
        event_id: first.event_id,
        when: when(group),
        dates,
        first_key: first.date,
        start: first.start,
        end: first.end,
        all_day: first.all_day,
        form: first.form.clone(),
        title: first.title.clone(),
        partners: first.partners.clone(),
        audience: first
            .audience
            .iter()
            .map(|a| a.label())
            .collect::<Vec<_>>()
            .join(", "),
        responsible: first.responsible.clone(),
        status: status(group),
    }
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn hm(t: NaiveDateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// «10:00–12:00», or «10:00» when the event has no length.
fn times(start: NaiveDateTime, end: NaiveDateTime) -> String {
    if end > start {
        format!("{}–{}", hm(start), hm(end))
    } else {
        hm(start)
    }
}

/// An all-day span: «15.09.2026», «15–17.09.2026», «30.09 – 02.10.2026»,
/// «30.12.2026 – 02.01.2027» (the spaced dash lets a narrow cell wrap).
fn day_span(first: NaiveDate, last: NaiveDate) -> String {
    if last <= first {
        dmy(first)
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        format!("{:02}–{}", first.day(), dmy(last))
    } else if first.year() == last.year() {
        format!("{} – {}", first.format("%d.%m"), dmy(last))
    } else {
        format!("{} – {}", dmy(first), dmy(last))
    }
}

/// The dates and times of a row: «15.09.2026, 10:00–12:00»;
/// «08, 15, 22, 29.09.2026, 15:00–16:30» for several dates (the times of
/// the first); «15.09.2026» or «15–17.09.2026» all day.
fn when(group: &[&Occurrence]) -> String {
    let first = group[0];
    let mut days: Vec<String> = Vec::new();
    for o in group {
        let (s, e) = (o.start.date(), o.end.date());
        let day = if o.all_day
            && e > s
            && (e.year(), e.month()) == (s.year(), s.month())
            && group.len() > 1
        {
            format!("{:02}–{:02}", s.day(), e.day())
        } else {
            format!("{:02}", s.day())
        };
        if days.last() != Some(&day) {
            days.push(day);
        }
    }
    if days.len() <= 1 {
        let (s, e) = (first.start, first.end);
        return if first.all_day {
            day_span(s.date(), e.date())
        } else if e.date() > s.date() {
            format!(
                "{}, {} – {}, {}",
                dmy(s.date()),
                hm(s),
                dmy(e.date()),
                hm(e)
            )
        } else {
            format!("{}, {}", dmy(s.date()), times(s, e))
        };
    }
    let dates = format!("{}{}", days.join(", "), first.start.format(".%m.%Y"));
    if first.all_day {
        dates
    } else {
        format!("{dates}, {}", times(first.start, first.end))
    }
}

/// The status label when all dates agree, else the counts:
/// «проведено: 2, отменено: 1».
fn status(group: &[&Occurrence]) -> String {
    let counts: Vec<(EventStatus, usize)> = EventStatus::ALL
        .into_iter()
        .map(|s| (s, group.iter().filter(|o| o.status == s).count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    match counts.as_slice() {
        [(s, _)] => s.label().to_string(),
        many => many
            .iter()
            .map(|(s, n)| format!("{}: {n}", s.label()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The occurrences of school year `year` as stored (moved ones at their new
/// times), for [`build`] and the plan's pages.
pub(crate) fn year_occurrences(storage: &Storage, year: i32) -> Result<Vec<Occurrence>> {
    let (from, to) = school_year_range(year);
    let filter = EventFilter {
        from: Some(from),
        to: Some(to),
        ..EventFilter::default()
    };
    crate::events::occurrences(storage, &filter)
}

/// The plan of school year `year` from the stored events, with the
/// institution's full name on top.
pub fn plan(storage: &Storage, year: i32) -> Result<SchoolYearPlan> {
    let occurrences = year_occurrences(storage, year)?;
    let institution = crate::institution::get(storage)?.full_name;
    Ok(build(year, &institution, &occurrences))
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
