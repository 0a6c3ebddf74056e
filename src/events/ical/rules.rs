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
                total += match (unit, in_time) {
                    ('W', _) => Duration::weeks(n),
                    ('D', _) => Duration::days(n),
                    ('H', true) => Duration::hours(n),
                    ('M', true) => Duration::minutes(n),
                    ('S', true) => Duration::seconds(n),
                    _ => return None,
                };
            }
        }
    }
    number.is_empty().then_some(total * sign)
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
    let parts: Vec<(String, String)> = value
        .split(';')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_string()))
        .collect();
    let get = |k: &str| {
        parts
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let mut interval: u32 = get("INTERVAL")
        .and_then(|v| v.parse().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1);
    let days: Vec<(Option<i32>, u8)> = get("BYDAY")
        .map(|v| v.split(',').filter_map(byday).collect())
        .unwrap_or_default();
    let mut used = vec!["FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST"];
    let weekday_rule = |n: Option<i32>, wd: u8, notes: &mut Vec<String>| {
        let (nth, last) = month_position(start.date());
        let same_day = u32::from(wd) == start.weekday().number_from_monday();
        let same = same_day
            && matches!(n, Some(k) if (k == -1 && last) || (k == nth && (!last || k == 5)));
        if !same {
            notes.push(format!(
                "Повторение по дню недели месяца приведено к дате начала {}: тот же день недели \
                 той же недели месяца{}.",
                ru_date(start.date()),
                if last { " (последней)" } else { "" }
            ));
        }
        Frequency::MonthlyByWeekday
    };
    let freq = get("FREQ").unwrap_or("").to_ascii_uppercase();
    let mut weekdays = Vec::new();
    let frequency = match freq.as_str() {
        "DAILY" if !days.is_empty() && interval == 1 => {
            used.push("BYDAY");
            weekdays = days.iter().map(|d| d.1).collect();
            Frequency::Weekly
        }
        "DAILY" => Frequency::Daily,
        "WEEKLY" => {
            used.push("BYDAY");
            weekdays = days.iter().map(|d| d.1).collect();
            Frequency::Weekly
        }
        "MONTHLY" | "YEARLY" => {
            if freq == "YEARLY" {
                used.push("BYMONTH");
                let month_ok = get("BYMONTH").is_none_or(|m| m.trim() == start.month().to_string());
                notes.push(format!(
                    "Ежегодное повторение импортировано как «каждые {} месяцев»{}.",
                    interval * 12,
                    if month_ok {
                        ""
                    } else {
                        " от месяца даты начала"
                    }
                ));
                interval *= 12;
            }
            let setpos = get("BYSETPOS").and_then(|v| v.parse::<i32>().ok());
            match (days.as_slice(), get("BYMONTHDAY")) {
                ([(n, wd)], _) => {
                    used.extend(["BYDAY", "BYSETPOS"]);
                    weekday_rule(n.or(setpos), *wd, notes)
                }
                ([_, _, ..], _) => {
                    used.extend(["BYDAY", "BYSETPOS"]);
                    weekday_rule(None, 0, notes)
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
    };
    let dropped: Vec<String> = parts
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
    if frequency == Frequency::Weekly && interval > 1 && weekdays.len() > 1 {
        if let Some(wkst) = get("WKST").filter(|w| !w.eq_ignore_ascii_case("MO")) {
            notes.push(format!(
                "Недели повторения считаются с понедельника, а в файле — с {wkst}: даты могут сдвинуться."
            ));
        }
    }
    let count = get("COUNT")
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|&c| c >= 1);
    // An UNTIL earlier in its day than the start time ends the day before.
    let until = get("UNTIL")
        .and_then(|v| zones.when(v, p, notes))
        .map(|w| match w {
            When::Time(u) if u.time() < start.time() => u.date() - Duration::days(1),
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
        let today = stamp.map_or(start.date(), |s| s.max(start.date()));
        let end = school_year_end(today);
        rule.until = Some(end);
        notes.push(format!(
            "Повторение без даты окончания ограничено концом учебного года: {}.",
            ru_date(end)
        ));
    }
    Some(rule)
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
