//! The VTIMEZONE of the institution's zone, written by hand: the icalendar
//! builder adds DTSTAMP and UID to every component, which a VTIMEZONE must
//! not have. The observances are the zone's real offset changes (from
//! chrono-tz) over the years the events span, so any zone is described
//! correctly, not just the ones without daylight saving.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One change of the zone's UTC offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Transition {
    /// The first instant of the new offset.
    pub at: DateTime<Utc>,
    /// Seconds east of UTC before and after.
    pub from: i32,
    pub to: i32,
    pub daylight: bool,
    pub name: Option<String>,
}

fn offset_at(tz: Tz, t: DateTime<Utc>) -> (i32, bool, Option<String>) {
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    (
        o.fix().local_minus_utc(),
        o.dst_offset() != Duration::zero(),
        o.abbreviation().map(str::to_string),
    )
}

/// The offset changes of `tz` from 1 January `from_year` to 1 January
/// `to_year + 1` (UTC): scanned day by day, then bisected to the second.
pub(crate) fn transitions(tz: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
    let day = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
    };
    let (Some(mut t), Some(stop)) = (day(from_year), day(to_year.max(from_year) + 1)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut prev = offset_at(tz, t).0;
    while t < stop {
        let next = t + Duration::days(1);
        let now = offset_at(tz, next).0;
        if now != prev {
            // Invariant: the offset at `lo` is `prev`, at `hi` it is not
            // (whole seconds since the epoch).
            let (mut lo, mut hi) = (t.timestamp(), next.timestamp());
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                let at = DateTime::from_timestamp(mid, 0).unwrap_or(t);
                if offset_at(tz, at).0 == prev {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let hi = DateTime::from_timestamp(hi, 0).unwrap_or(next);
            let (to, daylight, name) = offset_at(tz, hi);
            out.push(Transition {
                at: hi,
                from: prev,
                to,
                daylight,
                name,
            });
            prev = to;
        }
        t = next;
    }
    out
}

/// «+0300», «-0430».
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn local(at: DateTime<Utc>, offset: i32) -> NaiveDateTime {
    at.naive_utc() + Duration::seconds(i64::from(offset))
}

fn observance(
    out: &mut String,
    onset: NaiveDateTime,
    from: i32,
    to: i32,
    dst: bool,
    name: Option<&str>,
) {
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    out.push_str(&format!("BEGIN:{kind}\r\n"));
    out.push_str(&format!("DTSTART:{}\r\n", onset.format("%Y%m%dT%H%M%S")));
    out.push_str(&format!("TZOFFSETFROM:{}\r\n", utc_offset(from)));
    out.push_str(&format!("TZOFFSETTO:{}\r\n", utc_offset(to)));
    if let Some(name) = name.filter(|n| {
        n.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-".contains(c))
    }) {
        out.push_str(&format!("TZNAME:{name}\r\n"));
    }
    out.push_str(&format!("END:{kind}\r\n"));
}

/// The VTIMEZONE component (CRLF lines) for the events of `from_year` …
/// `to_year`. Scanning starts a year earlier so that the observance in
/// force at the first event is included.
pub(crate) fn vtimezone(tz: Tz, from_year: i32, to_year: i32) -> String {
    let mut out = String::new();
    out.push_str(&format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name()));
    out.push_str(&format!("X-LIC-LOCATION:{}\r\n", tz.name()));
    let start = NaiveDate::from_ymd_opt(from_year - 1, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
        .unwrap_or_default();
    let (offset, dst, name) = offset_at(tz, start);
    let changes = transitions(tz, from_year - 1, to_year);
    if changes.is_empty() {
        let onset = NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        observance(&mut out, onset, offset, offset, dst, name.as_deref());
    } else {
        observance(
            &mut out,
            local(start, offset),
            offset,
            offset,
            dst,
            name.as_deref(),
        );
        for t in &changes {
            observance(
                &mut out,
                local(t.at, t.from),
                t.from,
                t.to,
                t.daylight,
                t.name.as_deref(),
            );
        }
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moscow_has_one_standard_observance() {
        let v = vtimezone(chrono_tz::Europe::Moscow, 2026, 2027);
        assert_eq!(v.matches("BEGIN:STANDARD").count(), 1, "{v}");
        assert!(!v.contains("DAYLIGHT"), "{v}");
        assert!(
            v.contains("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"),
            "{v}"
        );
        assert!(v.contains("TZNAME:MSK"), "{v}");
    }

    #[test]
    fn berlin_transitions_are_found_to_the_second() {
        let t = transitions(chrono_tz::Europe::Berlin, 2026, 2026);
        assert_eq!(t.len(), 2, "{t:?}");
        // 29.03.2026 01:00 UTC: 02:00 CET becomes 03:00 CEST.
        assert_eq!(t[0].at.to_rfc3339(), "2026-03-29T01:00:00+00:00");
        assert_eq!((t[0].from, t[0].to, t[0].daylight), (3600, 7200, true));
        // 25.10.2026 01:00 UTC: 03:00 CEST becomes 02:00 CET.
        assert_eq!(t[1].at.to_rfc3339(), "2026-10-25T01:00:00+00:00");
        let v = vtimezone(chrono_tz::Europe::Berlin, 2026, 2026);
        assert!(v.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"), "{v}");
        assert!(v.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"), "{v}");
    }

    #[test]
    fn offsets_are_written_with_sign() {
        assert_eq!(utc_offset(3 * 3600), "+0300");
        assert_eq!(utc_offset(-(4 * 3600 + 1800)), "-0430");
    }
}
