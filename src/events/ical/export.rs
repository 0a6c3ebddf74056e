//! Events → an iCalendar file. VEVENTs go through the icalendar builder
//! (escaping); the calendar head and VTIMEZONE are written here because the
//! builder would add DTSTAMP/UID where they are not allowed; the whole file
//! is folded here at the end.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Component, Event as IcsEvent, EventLike, Property};

use super::{month_position, rule_dates, vtimezone::vtimezone, x, WEEKDAYS};
use crate::events::model::{
    Audience, Event, EventForm, EventStatus, Frequency, OccurrenceChange, Recurrence,
};

pub const PRODID: &str = "-//PartnerNet//Сетевое взаимодействие//RU";

/// The calendar of `events` in the zone `tz` (their times are local to
/// it). `now` (local time of `tz`) becomes DTSTAMP, so the same events give
/// the same file; `partner_names` gives the short names of partners.
pub fn export(
    events: &[Event],
    forms: &[EventForm],
    partner_names: &HashMap<i64, String>,
    tz: Tz,
    now: NaiveDateTime,
) -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\n");
    for (key, value) in [
        ("PRODID", PRODID),
        ("VERSION", "2.0"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", "Сетевое взаимодействие"),
        ("X-WR-TIMEZONE", tz.name()),
    ] {
        out.push_str(&line(Property::new(key, value)));
    }
    let (from, to) = year_span(events, now);
    out.push_str(&vtimezone(tz, from, to));
    let stamp = to_utc(tz, now);
    let ctx = Ctx {
        tz,
        stamp,
        forms,
        partner_names,
    };
    for event in events {
        out.push_str(&ctx.master(event).try_into_string().unwrap_or_default());
        for change in &event.changes {
            if !plain_cancel(change) && event.data.recurrence.is_some() {
                out.push_str(
                    &ctx.exception(event, change)
                        .try_into_string()
                        .unwrap_or_default(),
                );
            }
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    refold(&out)
}

/// A cancelled occurrence that kept the rule's times is an EXDATE; one that
/// was moved first keeps its new times in an override with STATUS:CANCELLED.
fn plain_cancel(change: &OccurrenceChange) -> bool {
    change.status == EventStatus::Cancelled && change.start.is_none()
}

/// Folds every content line to at most 75 octets (RFC 5545 §3.1), never
/// inside a character. The builder's own folding lets some lines of
/// Cyrillic text reach 76 octets, so its output is unfolded and folded again.
fn refold(text: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for line in text.replace("\r\n ", "").split("\r\n") {
        if line.is_empty() {
            continue;
        }
        let mut room = LIMIT;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > room {
                out.push_str("\r\n ");
                // The leading space of a continuation line counts.
                room = LIMIT - 1;
                used = 0;
            }
            out.push(c);
            used += c.len_utf8();
        }
        out.push_str("\r\n");
    }
    out
}

struct Ctx<'a> {
    tz: Tz,
    stamp: NaiveDateTime,
    forms: &'a [EventForm],
    partner_names: &'a HashMap<i64, String>,
}

/// One property as a folded CRLF line.
fn line(p: Property) -> String {
    p.try_into().unwrap_or_default()
}

/// A local time of `tz` as UTC (the earlier one when it is ambiguous,
/// shifted past a gap when it does not exist).
pub(crate) fn to_utc(tz: Tz, local: NaiveDateTime) -> NaiveDateTime {
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map_or(local, |t| t.with_timezone(&Utc).naive_utc())
}

fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// Escapes one item of a TEXT list (CATEGORIES), which the builder leaves as is.
fn escape_item(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}

/// The first and last year the events reach (for the VTIMEZONE).
fn year_span(events: &[Event], now: NaiveDateTime) -> (i32, i32) {
    let mut from = i32::MAX;
    let mut to = i32::MIN;
    for e in events {
        from = from.min(e.data.start.year());
        to = to.max(e.data.end.year());
        if let Some(rule) = &e.data.recurrence {
            let last = match rule.until {
                Some(u) if rule.count.is_none() => Some(u),
                _ => rule_dates(e.data.start.date(), rule, usize::MAX)
                    .last()
                    .copied(),
            };
            if let Some(last) = last {
                to = to.max(last.year() + 1);
            }
        }
        for c in &e.changes {
            for t in [c.start, c.end].into_iter().flatten() {
                from = from.min(t.year());
                to = to.max(t.year());
            }
        }
    }
    if from > to {
        (now.year(), now.year())
    } else {
        (from, to.min(from + 30))
    }
}

fn status(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Planned | EventStatus::Held => "CONFIRMED",
        EventStatus::Postponed => "TENTATIVE",
        EventStatus::Cancelled => "CANCELLED",
    }
}

impl Ctx<'_> {
    fn time(&self, key: &str, t: NaiveDateTime) -> Property {
        Property::new(key, stamp(t))
            .add_parameter("TZID", self.tz.name())
            .done()
    }

    fn day(key: &str, d: NaiveDate) -> Property {
        Property::new(key, date(d))
            .add_parameter("VALUE", "DATE")
            .done()
    }

    /// DTSTART and DTEND; an all-day end is the exclusive next day.
    fn times(&self, ev: &mut IcsEvent, start: NaiveDateTime, end: NaiveDateTime, all_day: bool) {
        if all_day {
            let last = end.date().max(start.date());
            ev.append_property(Self::day("DTSTART", start.date()));
            ev.append_property(Self::day("DTEND", last + Duration::days(1)));
        } else {
            ev.append_property(self.time("DTSTART", start));
            ev.append_property(self.time("DTEND", end.max(start)));
        }
    }

    fn partners(&self, event: &Event) -> Vec<String> {
        event
            .data
            .partner_ids
            .iter()
            .filter_map(|id| self.partner_names.get(id).cloned())
            .collect()
    }

    /// What the event has in common with its overrides.
    fn common(
        &self,
        event: &Event,
        state: EventStatus,
        results: &str,
        actual: Option<i64>,
    ) -> IcsEvent {
        let d = &event.data;
        let mut ev = IcsEvent::new();
        ev.uid(&event.uid);
        ev.add_property("DTSTAMP", format!("{}Z", stamp(self.stamp)));
        ev.summary(&d.title);
        let partners = self.partners(event);
        let description = describe(event, &partners, state, results, actual);
        if !description.is_empty() {
            ev.description(&description);
        }
        if !d.place.trim().is_empty() {
            ev.location(&d.place);
        } else if !d.link.trim().is_empty() {
            ev.location(&d.link);
        }
        if !d.link.trim().is_empty() {
            ev.url(&d.link);
        }
        if let Some(form) = self.forms.iter().find(|f| f.id == d.form_id) {
            ev.add_property("CATEGORIES", escape_item(&form.name));
        }
        ev.add_property("STATUS", status(state));
        ev.add_property(x::STATUS, state.code());
        let texts = [
            (x::DESCRIPTION, d.description.as_str()),
            (x::RESULTS, results),
            (x::RESPONSIBLE, d.responsible.as_str()),
            (x::ORGANISER, d.organiser.as_str()),
            (x::PLACE, d.place.as_str()),
        ];
        for (key, value) in texts {
            if !value.is_empty() {
                ev.add_property(key, value);
            }
        }
        let audience: Vec<&str> = d.audience.iter().map(|a| a.code()).collect();
        if !audience.is_empty() {
            ev.add_property(x::AUDIENCE, audience.join(","));
        }
        for (key, value) in [(x::PLANNED, d.planned_count), (x::ACTUAL, actual)] {
            if let Some(v) = value {
                ev.add_property(key, v.to_string());
            }
        }
        for name in partners {
            ev.append_multi_property(Property::new(x::PARTNER, name));
        }
        ev
    }

    fn master(&self, event: &Event) -> IcsEvent {
        let d = &event.data;
        let mut ev = self.common(event, d.status, &d.results, d.actual_count);
        self.times(&mut ev, d.start, d.end, d.all_day);
        if let Some(rule) = &d.recurrence {
            ev.add_property("RRULE", self.rrule(d.start, d.all_day, rule));
            for c in event.changes.iter().filter(|c| plain_cancel(c)) {
                let p = if d.all_day {
                    Self::day("EXDATE", c.date)
                } else {
                    self.time("EXDATE", c.date.and_time(d.start.time()))
                };
                ev.append_multi_property(p);
            }
        }
        ev
    }

    /// An override of one occurrence (RECURRENCE-ID = the time the rule gives it).
    fn exception(&self, event: &Event, change: &OccurrenceChange) -> IcsEvent {
        let d = &event.data;
        let mut ev = self.common(event, change.status, &change.results, change.actual_count);
        let rule_start = change.date.and_time(d.start.time());
        let start = change.start.unwrap_or(rule_start);
        let end = change.end.unwrap_or(start + (d.end - d.start));
        if d.all_day {
            ev.append_property(Self::day("RECURRENCE-ID", change.date));
        } else {
            ev.append_property(self.time("RECURRENCE-ID", rule_start));
        }
        self.times(&mut ev, start, end, d.all_day);
        ev
    }

    /// RRULE; UNTIL has the value type of DTSTART: a date, or (with TZID)
    /// the UTC time of the end of the last day.
    fn rrule(&self, start: NaiveDateTime, all_day: bool, rule: &Recurrence) -> String {
        let mut parts = Vec::new();
        let freq = match rule.frequency {
            Frequency::Daily => "DAILY",
            Frequency::Weekly => "WEEKLY",
            Frequency::MonthlyByDate | Frequency::MonthlyByWeekday => "MONTHLY",
        };
        parts.push(format!("FREQ={freq}"));
        if rule.interval > 1 {
            parts.push(format!("INTERVAL={}", rule.interval));
        }
        match rule.frequency {
            Frequency::Daily => {}
            Frequency::Weekly => {
                let mut days: Vec<u8> = rule.weekdays.clone();
                days.sort_unstable();
                days.dedup();
                let codes: Vec<&str> = days
                    .iter()
                    .filter_map(|&w| WEEKDAYS.get(usize::from(w).wrapping_sub(1)).copied())
                    .collect();
                if !codes.is_empty() {
                    parts.push(format!("BYDAY={}", codes.join(",")));
                }
                if rule.interval > 1 {
                    parts.push("WKST=MO".into());
                }
            }
            Frequency::MonthlyByDate => parts.push(format!("BYMONTHDAY={}", start.day())),
            Frequency::MonthlyByWeekday => {
                let (nth, last) = month_position(start.date());
                let wd = WEEKDAYS
                    .get(start.weekday().num_days_from_monday() as usize)
                    .copied()
                    .unwrap_or("MO");
                parts.push(format!("BYDAY={}{wd}", if last { -1 } else { nth }));
            }
        }
        let until_first = match (rule.until, rule.count) {
            (Some(u), Some(c)) => {
                let counted = Recurrence {
                    until: None,
                    ..rule.clone()
                };
                let dates = rule_dates(start.date(), &counted, c as usize);
                dates.len() < c as usize || dates.last().is_none_or(|last| *last > u)
            }
            (Some(_), None) => true,
            _ => false,
        };
        match (rule.until, rule.count) {
            (Some(u), _) if until_first => {
                if all_day {
                    parts.push(format!("UNTIL={}", date(u)));
                } else {
                    let end_of_day = u.and_hms_opt(23, 59, 59).unwrap_or(start);
                    parts.push(format!("UNTIL={}Z", stamp(to_utc(self.tz, end_of_day))));
                }
            }
            (_, Some(c)) => parts.push(format!("COUNT={c}")),
            _ => {}
        }
        parts.join(";")
    }
}

/// The readable description: the event's text, then its results, partners,
/// audience, responsible person and counts, one per line.
fn describe(
    event: &Event,
    partners: &[String],
    state: EventStatus,
    results: &str,
    actual: Option<i64>,
) -> String {
    let d = &event.data;
    let mut lines: Vec<String> = Vec::new();
    if !d.description.trim().is_empty() {
        lines.push(d.description.trim().to_string());
        lines.push(String::new());
    }
    if !results.trim().is_empty() {
        lines.push(format!("Итоги: {}", results.trim()));
    }
    if !partners.is_empty() {
        lines.push(format!("Партнёры: {}", partners.join(", ")));
    }
    if !d.audience.is_empty() {
        let labels: Vec<&str> = d.audience.iter().map(|a: &Audience| a.label()).collect();
        lines.push(format!("Аудитория: {}", labels.join(", ")));
    }
    if !d.organiser.trim().is_empty() {
        lines.push(format!("Организатор: {}", d.organiser.trim()));
    }
    if !d.responsible.trim().is_empty() {
        lines.push(format!("Ответственный: {}", d.responsible.trim()));
    }
    match (d.planned_count, actual) {
        (Some(p), Some(a)) => lines.push(format!("Участников: план {p}, факт {a}")),
        (Some(p), None) => lines.push(format!("Участников по плану: {p}")),
        (None, Some(a)) => lines.push(format!("Участников: {a}")),
        (None, None) => {}
    }
    lines.push(format!("Статус: {}", state.label()));
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines.join("\n")
}
