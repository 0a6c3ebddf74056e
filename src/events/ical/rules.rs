//! RRULE and DURATION values of a file → our [`Recurrence`] and durations.
//! A rule our model cannot keep is brought to the nearest one it can, with
//! a note; a rule without an end gets one (the end of the school year).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use icalendar::parser::Property;

use super::zones::{When, Zones};
use super::{month_position, ru_date, school_year_end, WEEKDAYS};
use crate::events::model::{Frequency, Recurrence};

/// «P1D», «PT1H30M», «P1W», «-PT15M».
pub(super) fn parse_duration(value: &str) -> Option<Duration> {
    let v = value.trim().to_ascii_uppercase();
    let (sign, v) = match v.strip_prefix('-') {
        Some(rest) => (-1, rest.to_string()),
        None => (1, v.trim_start_matches('+').to_string()),
    };
    let v = v.strip_prefix('P')?;
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut in_time = false;
    for c in v.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => in_time = true,
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                // Checked: «P99999999999W» is no duration, not a panic.
                let part = match (unit, in_time) {
                    ('W', _) => Duration::try_weeks(n),
                    ('D', _) => Duration::try_days(n),
                    ('H', true) => Duration::try_hours(n),
                    ('M', true) => Duration::try_minutes(n),
                    ('S', true) => Duration::try_seconds(n),
                    _ => return None,
                };
                total = total.checked_add(&part?)?;
            }
        }
    }
    if !number.is_empty() {
        return None;
    }
    total.checked_mul(sign)
}

/// «3TH» → (Some(3), 4); «MO» → (None, 1): ISO weekday numbers.
fn byday(item: &str) -> Option<(Option<i32>, u8)> {
    let item = item.trim();
    let split = item.len().checked_sub(2)?;
    let (n, code) = (item.get(..split)?, item.get(split..)?);
    let wd = WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(code))? as u8 + 1;
    let n = if n.is_empty() {
        None
    } else {
        Some(n.trim_start_matches('+').parse::<i32>().ok()?)
    };
    Some((n, wd))
}

/// The RRULE's `KEY=value` parts, keys in capitals, in the file's order.
struct Parts(Vec<(String, String)>);

impl Parts {
    fn new(value: &str) -> Parts {
        Parts(
            value
                .split(';')
                .filter_map(|kv| kv.split_once('='))
                .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_string()))
                .collect(),
        )
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The RRULE `value` of an event starting at `start` (our zone). `stamp`
/// (the file's DTSTAMP date) stands for «today» when the rule has no end.
pub(super) fn parse_rrule(
    value: &str,
    start: NaiveDateTime,
    stamp: Option<NaiveDate>,
    zones: &Zones,
    p: &Property,
    notes: &mut Vec<String>,
) -> Option<Recurrence> {
    let parts = Parts::new(value);
    let given = parts.get("INTERVAL");
    let parsed = given.map(|v| v.parse::<u32>().ok().filter(|&n| n >= 1));
    let mut interval: u32 = parsed.flatten().unwrap_or(1);
    if let (Some(v), Some(None)) = (given, parsed) {
        notes.push(format!(
            "Интервал повторения «{v}» в файле недопустим (нужно целое число от 1): \
             принят интервал 1."
        ));
    }
    let mut used = vec!["FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST"];
    let (frequency, weekdays) = frequency(&parts, start, &mut interval, &mut used, notes)?;
    note_dropped(&parts, &used, notes);
    if frequency == Frequency::Weekly && interval > 1 && weekdays.len() > 1 {
        if let Some(wkst) = parts.get("WKST").filter(|w| !w.eq_ignore_ascii_case("MO")) {
            notes.push(format!(
                "Недели повторения считаются с понедельника, а в файле — с {wkst}: даты могут сдвинуться."
            ));
        }
    }
    let count = parts
        .get("COUNT")
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|&c| c >= 1);
    // An UNTIL earlier in its day than the start time ends the day before.
    let until = parts
        .get("UNTIL")
        .and_then(|v| zones.when(v, p, notes))
        .map(|w| match w {
            When::Time(u) if u.time() < start.time() => u.date().pred_opt().unwrap_or(u.date()),
            w => w.date(),
        });
    let mut rule = Recurrence {
        frequency,
        interval,
        weekdays,
        until,
        count,
    };
    rule.weekdays.sort_unstable();
    rule.weekdays.dedup();
    if rule.until.is_none() && rule.count.is_none() {
        rule.until = Some(school_year_until(start, stamp, notes));
    }
    Some(rule)
}

/// FREQ (with BYDAY) as our frequency and weekdays, marking the parts it
/// reads in `used`; `None`, with a note, for a frequency our model lacks.
/// A yearly rule multiplies `interval` by 12.
fn frequency(
    parts: &Parts,
    start: NaiveDateTime,
    interval: &mut u32,
    used: &mut Vec<&'static str>,
    notes: &mut Vec<String>,
) -> Option<(Frequency, Vec<u8>)> {
    let days: Vec<(Option<i32>, u8)> = parts
        .get("BYDAY")
        .map(|v| v.split(',').filter_map(byday).collect())
        .unwrap_or_default();
    let weekly = |used: &mut Vec<&'static str>| -> (Frequency, Vec<u8>) {
        used.push("BYDAY");
        (Frequency::Weekly, days.iter().map(|d| d.1).collect())
    };
    let freq = parts.get("FREQ").unwrap_or("").to_ascii_uppercase();
    Some(match freq.as_str() {
        "DAILY" if !days.is_empty() && *interval == 1 => weekly(used),
        "DAILY" => (Frequency::Daily, Vec::new()),
        "WEEKLY" => weekly(used),
        "MONTHLY" | "YEARLY" => {
            if freq == "YEARLY" {
                yearly_as_months(parts, start, interval, used, notes);
            }
            (monthly(parts, start, &days, used, notes), Vec::new())
        }
        other => {
            notes.push(format!(
                "Повторение «{}» не поддерживается: импортировано только первое мероприятие.",
                if other.is_empty() {
                    "без частоты"
                } else {
                    other
                }
            ));
            return None;
        }
    })
}

/// Our model has no yearly rule: a year becomes 12 months, counted from the
/// month of the start whatever BYMONTH says.
fn yearly_as_months(
    parts: &Parts,
    start: NaiveDateTime,
    interval: &mut u32,
    used: &mut Vec<&'static str>,
    notes: &mut Vec<String>,
) {
    used.push("BYMONTH");
    let month_ok = parts
        .get("BYMONTH")
        .is_none_or(|m| m.trim() == start.month().to_string());
    notes.push(format!(
        "Ежегодное повторение импортировано как «каждые {} месяцев»{}.",
        *interval * 12,
        if month_ok {
            ""
        } else {
            " от месяца даты начала"
        }
    ));
    *interval *= 12;
}

/// A monthly rule by BYDAY (with BYSETPOS) or BYMONTHDAY. Our series repeat
/// the day of the start, so another day is brought to it with a note.
fn monthly(
    parts: &Parts,
    start: NaiveDateTime,
    days: &[(Option<i32>, u8)],
    used: &mut Vec<&'static str>,
    notes: &mut Vec<String>,
) -> Frequency {
    let setpos = parts.get("BYSETPOS").and_then(|v| v.parse::<i32>().ok());
    match (days, parts.get("BYMONTHDAY")) {
        ([(n, wd)], _) => {
            used.extend(["BYDAY", "BYSETPOS"]);
            monthly_by_weekday(start, n.or(setpos), *wd, notes)
        }
        ([_, _, ..], _) => {
            used.extend(["BYDAY", "BYSETPOS"]);
            monthly_by_weekday(start, None, 0, notes)
        }
        ([], Some(day)) => {
            used.push("BYMONTHDAY");
            if day.trim() != start.day().to_string() {
                notes.push(format!(
                    "Повторение по числам месяца ({day}) приведено к числу даты начала: {}-е.",
                    start.day()
                ));
            }
            Frequency::MonthlyByDate
        }
        ([], None) => Frequency::MonthlyByDate,
    }
}

/// «The `n`-th weekday `wd` of the month» as our rule, which takes both from
/// the start: a note when the file's position is another one.
fn monthly_by_weekday(
    start: NaiveDateTime,
    n: Option<i32>,
    wd: u8,
    notes: &mut Vec<String>,
) -> Frequency {
    let (nth, last) = month_position(start.date());
    let same_day = u32::from(wd) == start.weekday().number_from_monday();
    let same =
        same_day && matches!(n, Some(k) if (k == -1 && last) || (k == nth && (!last || k == 5)));
    if !same {
        notes.push(format!(
            "Повторение по дню недели месяца приведено к дате начала {}: тот же день недели \
             той же недели месяца{}.",
            ru_date(start.date()),
            if last { " (последней)" } else { "" }
        ));
    }
    Frequency::MonthlyByWeekday
}

/// Parts the mapping did not read are named in a note, not lost silently.
fn note_dropped(parts: &Parts, used: &[&str], notes: &mut Vec<String>) {
    let dropped: Vec<String> = parts
        .0
        .iter()
        .filter(|(k, _)| !used.contains(&k.as_str()))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if !dropped.is_empty() {
        notes.push(format!(
            "Части правила повторения не поддерживаются и отброшены: {}.",
            dropped.join("; ")
        ));
    }
}

/// A rule without an end would run forever: it ends with the school year of
/// «today» (the file's DTSTAMP, not before the start).
fn school_year_until(
    start: NaiveDateTime,
    stamp: Option<NaiveDate>,
    notes: &mut Vec<String>,
) -> NaiveDate {
    let today = stamp.map_or(start.date(), |s| s.max(start.date()));
    let end = school_year_end(today);
    notes.push(format!(
        "Повторение без даты окончания ограничено концом учебного года: {}.",
        ru_date(end)
    ));
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("PT1H30M"), Some(Duration::minutes(90)));
        assert_eq!(parse_duration("P1D"), Some(Duration::days(1)));
        assert_eq!(parse_duration("P2W"), Some(Duration::weeks(2)));
        assert_eq!(parse_duration("-PT15M"), Some(Duration::minutes(-15)));
        assert_eq!(parse_duration("P1DT2H"), Some(Duration::hours(26)));
        assert_eq!(parse_duration("1H"), None);
        assert_eq!(parse_duration("PT5"), None);
    }

    #[test]
    fn byday_items() {
        assert_eq!(byday("3TH"), Some((Some(3), 4)));
        assert_eq!(byday("-1FR"), Some((Some(-1), 5)));
        assert_eq!(byday("MO"), Some((None, 1)));
        assert_eq!(byday("XX"), None);
    }
}
