//! Times of a file → local times of our zone: UTC, TZID (IANA names, or a
//! VTIMEZONE with a single offset), floating times and dates.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use icalendar::parser::{Component, Property};

use super::component::{is, param, prop};

/// A time zone named by TZID.
#[derive(Clone, Copy)]
enum Zone {
    Iana(Tz),
    Fixed(FixedOffset),
}

/// The zones of the file: IANA names, else a VTIMEZONE with one offset.
pub(super) struct Zones {
    ours: Tz,
    fixed: HashMap<String, FixedOffset>,
}

impl Zones {
    pub(super) fn new(components: &[Component], ours: Tz) -> Self {
        let mut fixed = HashMap::new();
        for c in components.iter().filter(|c| is(c, "VTIMEZONE")) {
            let offsets: HashSet<String> = c
                .components
                .iter()
                .filter_map(|o| prop(o, "TZOFFSETTO"))
                .map(|p| p.val.as_str().trim().to_string())
                .collect();
            if let ([offset], Some(id)) = (
                offsets.iter().collect::<Vec<_>>().as_slice(),
                prop(c, "TZID"),
            ) {
                if let Some(o) = utc_offset(offset) {
                    fixed.insert(id.val.as_str().trim().to_string(), o);
                }
            }
        }
        Self { ours, fixed }
    }

    fn zone(&self, tzid: &str) -> Option<Zone> {
        let id = tzid.trim().trim_matches('"');
        let segments: Vec<&str> = id.split('/').filter(|s| !s.is_empty()).collect();
        let candidates = [
            id.trim_start_matches('/').to_string(),
            segments[segments.len().saturating_sub(2)..].join("/"),
            segments[segments.len().saturating_sub(3)..].join("/"),
        ];
        candidates
            .iter()
            .find_map(|c| c.parse::<Tz>().ok())
            .map(Zone::Iana)
            .or_else(|| self.fixed.get(id).copied().map(Zone::Fixed))
    }
}

fn utc_offset(s: &str) -> Option<FixedOffset> {
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits = s.get(1..)?;
    let h: i32 = digits.get(0..2)?.parse().ok()?;
    let m: i32 = digits.get(2..4)?.parse().ok()?;
    let sec: i32 = digits.get(4..6).and_then(|v| v.parse().ok()).unwrap_or(0);
    FixedOffset::east_opt(sign * (h * 3600 + m * 60 + sec))
}

/// A date or a time of the file, already in our zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum When {
    Date(NaiveDate),
    Time(NaiveDateTime),
}

impl When {
    pub(super) fn date(self) -> NaiveDate {
        match self {
            When::Date(d) => d,
            When::Time(t) => t.date(),
        }
    }
}

fn local_in<Z: TimeZone>(zone: &Z, t: NaiveDateTime) -> Option<chrono::DateTime<Z>> {
    zone.from_local_datetime(&t).earliest().or_else(|| {
        t.checked_add_signed(Duration::hours(1))
            .and_then(|later| zone.from_local_datetime(&later).earliest())
    })
}

impl Zones {
    /// One value («20260915», «20260915T100000Z», with or without TZID);
    /// a note is pushed when the TZID is unknown.
    pub(super) fn when(&self, value: &str, p: &Property, notes: &mut Vec<String>) -> Option<When> {
        let v = value.trim();
        let is_date = param(p, "VALUE").is_some_and(|t| t.eq_ignore_ascii_case("DATE"))
            || (v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()));
        if is_date {
            return NaiveDate::parse_from_str(v.get(..8)?, "%Y%m%d")
                .ok()
                .map(When::Date);
        }
        let utc = v.ends_with('Z') || v.ends_with('z');
        let t =
            NaiveDateTime::parse_from_str(v.trim_end_matches(['Z', 'z']), "%Y%m%dT%H%M%S").ok()?;
        if utc {
            return Some(When::Time(
                t.and_utc().with_timezone(&self.ours).naive_local(),
            ));
        }
        let Some(tzid) = param(p, "TZID") else {
            return Some(When::Time(t));
        };
        let converted = match self.zone(tzid) {
            Some(Zone::Iana(z)) => local_in(&z, t).map(|l| l.with_timezone(&self.ours)),
            Some(Zone::Fixed(z)) => local_in(&z, t).map(|l| l.with_timezone(&self.ours)),
            None => {
                let note = format!(
                    "Часовой пояс «{tzid}» не распознан: время взято как местное ({}).",
                    self.ours.name()
                );
                if !notes.contains(&note) {
                    notes.push(note);
                }
                return Some(When::Time(t));
            }
        };
        Some(When::Time(converted.map_or(t, |c| c.naive_local())))
    }

    pub(super) fn when_of(
        &self,
        c: &Component,
        name: &str,
        notes: &mut Vec<String>,
    ) -> Option<When> {
        let p = prop(c, name)?;
        self.when(p.val.as_str(), p, notes)
    }

    pub(super) fn ours_name(&self) -> &'static str {
        self.ours.name()
    }

    /// The zone of a value's TZID (or UTC) and ours differ by another
    /// amount in winter than in summer: a series converted by its first
    /// occurrence drifts by an hour somewhere.
    pub(super) fn drifts(&self, p: &Property, around: NaiveDate) -> bool {
        let utc = p.val.as_str().trim().to_ascii_uppercase().ends_with('Z');
        let zone = match param(p, "TZID") {
            _ if utc => FixedOffset::east_opt(0).map(Zone::Fixed),
            Some(id) => self.zone(id),
            None => None,
        };
        let Some(zone) = zone else {
            return false;
        };
        let diff = |m: u32| {
            let Some(at) = NaiveDate::from_ymd_opt(around.year(), m, 1)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .map(|d| d.and_utc())
            else {
                return 0;
            };
            let theirs = match zone {
                Zone::Iana(z) => z.offset_from_utc_datetime(&at.naive_utc()).fix(),
                Zone::Fixed(f) => f,
            };
            let ours = self.ours.offset_from_utc_datetime(&at.naive_utc()).fix();
            theirs.local_minus_utc() - ours.local_minus_utc()
        };
        diff(1) != diff(7)
    }
}
