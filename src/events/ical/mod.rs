//! iCalendar (RFC 5545) exchange of events: [`export`] writes a calendar
//! other programs read (series as RRULE, cancelled dates as EXDATE, moved
//! dates as RECURRENCE-ID overrides, the time zone as VTIMEZONE); [`parse`]
//! reads a file from another calendar into our model, noting in Russian
//! whatever it had to simplify.
//!
//! Our own files also carry `X-PARTNERNET-*` properties (audience, counts,
//! responsible, results, the exact status, partners by name) so that an
//! export imported back gives the same events.

mod component;
mod export;
mod nesting;
mod parse;
mod rules;
mod vtimezone;
mod zones;

#[cfg(test)]
mod roundtrip_tests;

use chrono::{Datelike, NaiveDate};

use super::model::{EventInput, OccurrenceChange, Recurrence};

pub use export::export;
pub use parse::parse;

/// What [`parse`] found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCalendar {
    pub events: Vec<ParsedEvent>,
    /// Parts of the file that are not imported, each with its reason.
    pub skipped: Vec<String>,
}

/// One event (a series with its overrides) of a file, in our model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEvent {
    pub uid: String,
    /// Partners, agreement and (for foreign files) audience, counts and
    /// responsible are left empty: the import keeps those of a known event.
    pub input: EventInput,
    pub changes: Vec<OccurrenceChange>,
    /// The form the event got (matched from CATEGORIES or the first one).
    pub form_name: String,
    /// CATEGORIES named one of our forms: otherwise an update keeps the form.
    pub form_matched: bool,
    /// The file says the status (STATUS or X-PARTNERNET-STATUS).
    pub status_given: bool,
    /// The file is ours: audience, counts, responsible, organiser and
    /// results come from `X-PARTNERNET-*` and are authoritative.
    pub extras: bool,
    /// Partners by short name (our files only).
    pub partner_names: Vec<String>,
    /// What was simplified or left out, in Russian.
    pub notes: Vec<String>,
}

/// Property names of our own round-trip data.
pub(crate) mod x {
    pub const DESCRIPTION: &str = "X-PARTNERNET-DESCRIPTION";
    pub const STATUS: &str = "X-PARTNERNET-STATUS";
    pub const RESULTS: &str = "X-PARTNERNET-RESULTS";
    pub const AUDIENCE: &str = "X-PARTNERNET-AUDIENCE";
    pub const PLANNED: &str = "X-PARTNERNET-PLANNED";
    pub const ACTUAL: &str = "X-PARTNERNET-ACTUAL";
    pub const RESPONSIBLE: &str = "X-PARTNERNET-RESPONSIBLE";
    pub const ORGANISER: &str = "X-PARTNERNET-ORGANISER";
    pub const PARTNER: &str = "X-PARTNERNET-PARTNER";
    pub const PLACE: &str = "X-PARTNERNET-PLACE";
}

/// RFC 5545 weekday codes, Monday first (ISO 1..7).
pub(crate) const WEEKDAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The dates a rule gives from `start` (the first occurrence) in order, as
/// far as `until`/`count` allow and at most `limit` of them: used to decide
/// whether UNTIL or COUNT ends a series first and how far a file reaches.
/// The series' own expansion, so a file and the calendar always agree.
pub(crate) fn rule_dates(start: NaiveDate, rule: &Recurrence, limit: usize) -> Vec<NaiveDate> {
    let far = start
        .checked_add_months(chrono::Months::new(12 * 100))
        .unwrap_or(start);
    let mut dates = crate::events::recurrence::rule_dates(start, rule, far);
    dates.truncate(limit);
    dates
}

/// The week of the month of a date (1..=5) and whether it is in the last
/// seven days (then a monthly-by-weekday series means «последний»).
pub(crate) fn month_position(date: NaiveDate) -> (i32, bool) {
    let nth = ((date.day() - 1) / 7 + 1) as i32;
    let last = date.day() + 7 > days_in_month(date.year(), date.month());
    (nth, last)
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(28, |d| d.day())
}

/// The last day of the school year (31 August) a date belongs to.
pub(crate) fn school_year_end(date: NaiveDate) -> NaiveDate {
    let year = if date.month() >= 9 {
        date.year() + 1
    } else {
        date.year()
    };
    NaiveDate::from_ymd_opt(year, 8, 31).unwrap_or(date)
}

/// «15.09.2026».
pub(crate) fn ru_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::model::Frequency;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn rule(frequency: Frequency, interval: u32) -> Recurrence {
        Recurrence {
            frequency,
            interval,
            ..Recurrence::default()
        }
    }

    #[test]
    fn weekly_rule_on_two_weekdays_every_second_week() {
        let r = Recurrence {
            weekdays: vec![2, 4],
            count: Some(5),
            ..rule(Frequency::Weekly, 2)
        };
        // 2026-09-03 is a Thursday: the Tuesday of its week is before it.
        let dates = rule_dates(d(2026, 9, 3), &r, 100);
        assert_eq!(
            dates,
            vec![
                d(2026, 9, 3),
                d(2026, 9, 15),
                d(2026, 9, 17),
                d(2026, 9, 29),
                d(2026, 10, 1)
            ]
        );
    }

    #[test]
    fn monthly_by_date_skips_short_months() {
        let r = Recurrence {
            until: Some(d(2027, 5, 31)),
            ..rule(Frequency::MonthlyByDate, 1)
        };
        let dates = rule_dates(d(2027, 1, 31), &r, 100);
        assert_eq!(dates, vec![d(2027, 1, 31), d(2027, 3, 31), d(2027, 5, 31)]);
    }

    #[test]
    fn monthly_by_weekday_third_and_last() {
        let r = Recurrence {
            count: Some(3),
            ..rule(Frequency::MonthlyByWeekday, 1)
        };
        // 17.09.2026 — the third Thursday.
        assert_eq!(
            rule_dates(d(2026, 9, 17), &r, 100),
            vec![d(2026, 9, 17), d(2026, 10, 15), d(2026, 11, 19)]
        );
        // 24.09.2026 — the fourth Thursday and also the last one.
        assert_eq!(
            rule_dates(d(2026, 9, 24), &r, 100),
            vec![d(2026, 9, 24), d(2026, 10, 29), d(2026, 11, 26)]
        );
    }

    #[test]
    fn daily_rule_until_and_count_whichever_first() {
        let r = Recurrence {
            until: Some(d(2026, 9, 10)),
            count: Some(3),
            ..rule(Frequency::Daily, 3)
        };
        assert_eq!(
            rule_dates(d(2026, 9, 1), &r, 100),
            vec![d(2026, 9, 1), d(2026, 9, 4), d(2026, 9, 7)]
        );
    }

    #[test]
    fn school_year_ends_on_31_august() {
        assert_eq!(school_year_end(d(2026, 9, 1)), d(2027, 8, 31));
        assert_eq!(school_year_end(d(2027, 8, 31)), d(2027, 8, 31));
    }
}
