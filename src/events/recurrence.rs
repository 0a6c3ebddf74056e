//! Expanding a series into its occurrences.
//!
//! The rule works on local wall-clock dates (a seminar «every Tuesday at
//! 15:00» stays at 15:00 when the clocks change). A wall time that does not
//! exist on a day because the clocks spring forward is moved forward by the
//! gap, as RFC 5545 §3.3.5 says; an ambiguous one (clocks fall back) keeps
//! the earlier instant.
//!
//! All date arithmetic here is checked: a date near chrono's end (a stored
//! row from before the year bounds) ends a series instead of panicking.

use chrono::{
    Datelike, Days, Duration, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::events::model::{Event, EventStatus, Frequency, OccurrenceChange, Recurrence};

/// A series never yields more occurrences than this (a guard, not a rule).
pub const MAX_OCCURRENCES: usize = 1000;

/// The dates the rule gives, from `start` on, in order, none after `limit`.
/// `start` itself is always the first one.
pub fn rule_dates(start: NaiveDate, rule: &Recurrence, limit: NaiveDate) -> Vec<NaiveDate> {
    let limit = match rule.until {
        Some(until) => until.min(limit),
        None => limit,
    };
    let max = rule
        .count
        .map(|c| c as usize)
        .unwrap_or(MAX_OCCURRENCES)
        .min(MAX_OCCURRENCES);
    let interval = rule.interval.max(1);
    let mut out = Vec::new();
    if start > limit || max == 0 {
        return out;
    }
    let push = |d: NaiveDate, out: &mut Vec<NaiveDate>| -> bool {
        if d > limit || out.len() >= max {
            return false;
        }
        if d >= start && out.last().is_none_or(|l| *l < d) {
            out.push(d);
        }
        true
    };
    match rule.frequency {
        Frequency::Daily => {
            let mut d = Some(start);
            while let Some(day) = d.filter(|day| push(*day, &mut out)) {
                d = day.checked_add_days(Days::new(u64::from(interval)));
            }
        }
        Frequency::Weekly => {
            let mut days = weekdays(start, rule);
            days.sort_unstable();
            let back = Days::new(u64::from(start.weekday().num_days_from_monday()));
            let Some(monday) = start.checked_sub_days(back) else {
                return out;
            };
            let mut period = 0u64;
            'weeks: loop {
                let weeks = Days::new(7 * period * u64::from(interval));
                let Some(first) = monday.checked_add_days(weeks) else {
                    break;
                };
                for wd in &days {
                    let day = first.checked_add_days(Days::new(u64::from(*wd).saturating_sub(1)));
                    if !day.is_some_and(|d| push(d, &mut out)) {
                        break 'weeks;
                    }
                }
                period += 1;
            }
        }
        Frequency::MonthlyByDate => {
            let mut k = 0u32;
            while let Some(first) = add_months(first_of_month(start), k.saturating_mul(interval)) {
                if first > limit {
                    break;
                }
                if let Some(d) = first.with_day(start.day()) {
                    if !push(d, &mut out) {
                        break;
                    }
                }
                k += 1;
            }
        }
        Frequency::MonthlyByWeekday => {
            let nth = nth_of(start);
            let mut k = 0u32;
            while let Some(first) = add_months(first_of_month(start), k.saturating_mul(interval)) {
                if first > limit {
                    break;
                }
                if let Some(d) = nth_weekday(first, start.weekday(), nth) {
                    if !push(d, &mut out) {
                        break;
                    }
                }
                k += 1;
            }
        }
    }
    out
}

/// The weekdays (1..=7) of a weekly rule: the rule's, always with the
/// start's own weekday (the start is an occurrence).
pub fn weekdays(start: NaiveDate, rule: &Recurrence) -> Vec<u8> {
    let own = start.weekday().number_from_monday() as u8;
    let mut days: Vec<u8> = rule
        .weekdays
        .iter()
        .copied()
        .filter(|d| (1..=7).contains(d))
        .collect();
    if !days.contains(&own) {
        days.push(own);
    }
    days.sort_unstable();
    days.dedup();
    days
}

/// Which weekday of its month a date is: 1..=4, or -1 for «the last» when
/// it falls in the month's last seven days.
pub fn nth_of(date: NaiveDate) -> i32 {
    let days = days_in_month(date);
    if date.day() + 7 > days {
        -1
    } else {
        ((date.day() - 1) / 7 + 1) as i32
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn add_months(first: NaiveDate, months: u32) -> Option<NaiveDate> {
    first.checked_add_months(chrono::Months::new(months))
}

fn days_in_month(d: NaiveDate) -> u32 {
    let first = first_of_month(d);
    add_months(first, 1)
        .map(|next| (next - first).num_days() as u32)
        .unwrap_or(31)
}

/// The `nth` (1..=5, or -1 = last) `weekday` of the month starting `first`.
fn nth_weekday(first: NaiveDate, weekday: chrono::Weekday, nth: i32) -> Option<NaiveDate> {
    if nth < 0 {
        let last = add_months(first, 1)?.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return last.checked_sub_days(Days::new(u64::from(back)));
    }
    let ahead = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let weeks = u64::try_from(nth - 1).unwrap_or(0);
    let d = first.checked_add_days(Days::new(u64::from(ahead) + 7 * weeks))?;
    (d.month() == first.month()).then_some(d)
}

/// A local wall time made real in `tz`: a time inside a spring-forward gap
/// moves forward by the gap; others stay.
pub fn resolve(tz: Tz, t: NaiveDateTime) -> NaiveDateTime {
    if !matches!(tz.from_local_datetime(&t), LocalResult::None) {
        return t;
    }
    // Read with the offset in force before the gap, shown with the one after.
    let offset = |x: NaiveDateTime| {
        tz.from_local_datetime(&x)
            .earliest()
            .map(|d| i64::from(d.offset().fix().local_minus_utc()))
    };
    let around = |hours| {
        t.checked_add_signed(Duration::hours(hours))
            .and_then(offset)
    };
    match (around(-3), around(3)) {
        (Some(before), Some(after)) => t
            .checked_add_signed(Duration::seconds(after - before))
            .unwrap_or(t),
        _ => t,
    }
}

/// The UTC instant of a local wall time (after [`resolve`]); an ambiguous
/// time takes the earlier instant.
pub fn to_utc(tz: Tz, t: NaiveDateTime) -> chrono::DateTime<Utc> {
    let t = resolve(tz, t);
    match tz.from_local_datetime(&t) {
        LocalResult::Single(x) => x.with_timezone(&Utc),
        LocalResult::Ambiguous(a, _) => a.with_timezone(&Utc),
        LocalResult::None => Utc.from_utc_datetime(&t),
    }
}

/// One occurrence of an event with its change applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot<'a> {
    /// The key: the date the rule gives it.
    pub date: NaiveDate,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub status: EventStatus,
    pub change: Option<&'a OccurrenceChange>,
}

/// The interval an occurrence takes: all-day ones run from the first day's
/// midnight to the midnight after the last day.
pub fn span(
    all_day: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    if all_day {
        let s = start.date().and_time(chrono::NaiveTime::MIN);
        let last = end.date().max(start.date());
        let e = last
            .succ_opt()
            .unwrap_or(last)
            .and_time(chrono::NaiveTime::MIN);
        (s, e)
    } else {
        (start, end)
    }
}

/// The occurrences of an event touching `from..=to` (both days inclusive),
/// in order of their key. A moved occurrence is included when its new
/// times touch the window, wherever the rule put it.
pub fn slots<'a>(event: &'a Event, from: NaiveDate, to: NaiveDate, tz: Tz) -> Vec<Slot<'a>> {
    let d = &event.data;
    let duration = d.end - d.start;
    let dates = match &d.recurrence {
        None => vec![d.start.date()],
        Some(rule) => {
            let moved_key = event
                .changes
                .iter()
                .filter(|c| c.start.is_some())
                .map(|c| c.date)
                .max();
            let reach = moved_key.map_or(to, |k| k.max(to));
            rule_dates(d.start.date(), rule, reach)
        }
    };
    let window_start = from.and_time(chrono::NaiveTime::MIN);
    let window_end = to.succ_opt().unwrap_or(to).and_time(chrono::NaiveTime::MIN);
    let mut out = Vec::new();
    for date in dates {
        let change = event.changes.iter().find(|c| c.date == date);
        let rule_start = date.and_time(d.start.time());
        let Some(rule_end) = rule_start.checked_add_signed(duration) else {
            continue;
        };
        let (mut start, mut end) = if d.all_day {
            (rule_start, rule_end)
        } else {
            (resolve(tz, rule_start), resolve(tz, rule_end))
        };
        let mut status = d.status;
        if let Some(c) = change {
            if d.recurrence.is_some() {
                status = c.status;
                if let (Some(s), Some(e)) = (c.start, c.end) {
                    start = s;
                    end = e;
                }
            }
        }
        let (s, e) = span(d.all_day, start, end);
        let touches = s < window_end && (e > window_start || (e == s && s >= window_start));
        if touches {
            out.push(Slot {
                date,
                start,
                end,
                status,
                change: change.filter(|_| d.recurrence.is_some()),
            });
        }
    }
    out
}

/// The date of the series' last occurrence (`None` for a single event).
pub fn last_date(event: &Event) -> Option<NaiveDate> {
    let rule = event.data.recurrence.as_ref()?;
    let start = event.data.start.date();
    let limit = rule.until.unwrap_or_else(|| {
        start
            .checked_add_days(Days::new(366 * 5))
            .unwrap_or(NaiveDate::MAX)
    });
    rule_dates(start, rule, limit).last().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn rule(frequency: Frequency, interval: u32, count: Option<u32>) -> Recurrence {
        Recurrence {
            frequency,
            interval,
            weekdays: Vec::new(),
            until: None,
            count,
        }
    }

    #[test]
    fn weekly_every_two_weeks_on_two_days() {
        let mut r = rule(Frequency::Weekly, 2, Some(5));
        r.weekdays = vec![4]; // Thursday, plus the start's Tuesday
        let got = rule_dates(date(2026, 9, 1), &r, date(2027, 8, 31));
        assert_eq!(
            got,
            [
                date(2026, 9, 1),
                date(2026, 9, 3),
                date(2026, 9, 15),
                date(2026, 9, 17),
                date(2026, 9, 29)
            ]
        );
    }

    #[test]
    fn monthly_by_date_skips_short_months() {
        let r = rule(Frequency::MonthlyByDate, 1, Some(4));
        let got = rule_dates(date(2026, 12, 31), &r, date(2027, 12, 31));
        assert_eq!(
            got,
            [
                date(2026, 12, 31),
                date(2027, 1, 31),
                date(2027, 3, 31),
                date(2027, 5, 31)
            ]
        );
    }

    #[test]
    fn monthly_by_weekday_third_and_last() {
        // 17.09.2026 is the third Thursday.
        let r = rule(Frequency::MonthlyByWeekday, 1, Some(3));
        assert_eq!(
            rule_dates(date(2026, 9, 17), &r, date(2027, 8, 31)),
            [date(2026, 9, 17), date(2026, 10, 15), date(2026, 11, 19)]
        );
        // 24.09.2026 is the last Thursday (29.10 is, not 22.10).
        assert_eq!(nth_of(date(2026, 9, 24)), -1);
        assert_eq!(
            rule_dates(date(2026, 9, 24), &r, date(2027, 8, 31)),
            [date(2026, 9, 24), date(2026, 10, 29), date(2026, 11, 26)]
        );
    }

    #[test]
    fn until_is_inclusive_and_daily_interval() {
        let r = Recurrence {
            until: Some(date(2026, 9, 7)),
            ..rule(Frequency::Daily, 3, None)
        };
        assert_eq!(
            rule_dates(date(2026, 9, 1), &r, date(2027, 1, 1)),
            [date(2026, 9, 1), date(2026, 9, 4), date(2026, 9, 7)]
        );
    }

    #[test]
    fn dates_at_the_end_of_the_calendar_end_the_series() {
        let far = NaiveDate::MAX - Duration::days(20);
        for frequency in [
            Frequency::Daily,
            Frequency::Weekly,
            Frequency::MonthlyByDate,
            Frequency::MonthlyByWeekday,
        ] {
            let got = rule_dates(far, &rule(frequency, 99, None), NaiveDate::MAX);
            assert_eq!(got.first(), Some(&far), "{frequency:?}");
        }
        let t = NaiveDate::MAX.and_hms_opt(23, 0, 0).expect("t");
        assert_eq!(resolve(chrono_tz::Europe::Berlin, t), t);
        assert_eq!(
            span(true, t, t).1,
            NaiveDate::MAX.and_time(chrono::NaiveTime::MIN)
        );
    }

    #[test]
    fn spring_gap_moves_forward_fall_back_keeps_earlier() {
        let berlin = chrono_tz::Europe::Berlin;
        let gap = date(2026, 3, 29).and_hms_opt(2, 30, 0).expect("t");
        assert_eq!(
            resolve(berlin, gap),
            date(2026, 3, 29).and_hms_opt(3, 30, 0).expect("t")
        );
        let fine = date(2026, 3, 29).and_hms_opt(10, 0, 0).expect("t");
        assert_eq!(resolve(berlin, fine), fine);
        let ambiguous = date(2026, 10, 25).and_hms_opt(2, 30, 0).expect("t");
        assert_eq!(resolve(berlin, ambiguous), ambiguous);
        assert_eq!(
            to_utc(berlin, ambiguous).naive_utc(),
            date(2026, 10, 25).and_hms_opt(0, 30, 0).expect("t")
        );
    }
}
