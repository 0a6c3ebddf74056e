//! An iCalendar file → events of our model. The file is read with the
//! icalendar crate's parser (unfolding, unescaping); the mapping of times,
//! rules and overrides is ours, and everything that does not fit our model
//! is simplified with a Russian note rather than refused.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDateTime};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component};
use sha2::{Digest, Sha256};

use super::component::{param, prop, props};
use super::rules::{parse_duration, parse_rrule};
use super::zones::{When, Zones};
use super::{ru_date, x, ParsedCalendar, ParsedEvent};
use crate::error::{CoreError, Refusal, Result};
use crate::events::model::{
    Audience, EventForm, EventInput, EventStatus, OccurrenceChange, Recurrence,
};
use crate::text::fold;

/// Reads `text` (an .ics file) into events of the zone `tz`, matching
/// CATEGORIES to `forms`.
pub fn parse(text: &str, tz: Tz, forms: &[EventForm]) -> Result<ParsedCalendar> {
    let text = text.trim_start_matches('\u{feff}');
    let not_ical = |why: &str| {
        CoreError::BadInput(format!(
            "Файл не похож на календарь iCalendar (.ics): {why}"
        ))
    };
    if !text.to_ascii_uppercase().contains("BEGIN:VCALENDAR") {
        return Err(not_ical("в нём нет строки BEGIN:VCALENDAR."));
    }
    let text = crlf(text);
    let unfolded = unfold(&text);
    super::nesting::check(&unfolded).map_err(|why| not_ical(&why.0))?;
    let calendar = read_calendar(&unfolded).map_err(|e| not_ical(&syntax_error(&e)))?;
    let root_is_calendar = unfolded
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("BEGIN:VCALENDAR");
    if !root_is_calendar {
        return Err(not_ical(
            "файл должен начинаться со строки BEGIN:VCALENDAR.",
        ));
    }
    let zones = Zones::new(&calendar.components, tz);
    let mut out = ParsedCalendar {
        events: Vec::new(),
        skipped: Vec::new(),
    };
    let mut overrides: HashMap<String, Vec<&Component>> = HashMap::new();
    let mut masters: Vec<&Component> = Vec::new();
    for c in &calendar.components {
        match c.name.as_str().to_ascii_uppercase().as_str() {
            "VEVENT" if prop(c, "RECURRENCE-ID").is_some() => overrides
                .entry(text_of(c, "UID").trim().to_string())
                .or_default()
                .push(c),
            "VEVENT" => masters.push(c),
            "VTIMEZONE" => {}
            other => out.skipped.push(format!(
                "{} «{}» не импортируется: импортируются только мероприятия (VEVENT).",
                kind_of(other),
                title_of(c)
            )),
        }
    }
    let mut seen = HashSet::new();
    for master in masters {
        match event(master, &zones, forms) {
            Ok(mut parsed) => {
                if !seen.insert(parsed.uid.clone()) {
                    out.skipped.push(format!(
                        "Мероприятие «{}» пропущено: UID {} уже встречался в файле.",
                        parsed.input.title, parsed.uid
                    ));
                    continue;
                }
                if let Some(list) = overrides.remove(&parsed.uid) {
                    apply_overrides(&mut parsed, &list, &zones);
                }
                out.events.push(parsed);
            }
            Err(why) => out.skipped.push(why.0),
        }
    }
    let mut orphans: Vec<_> = overrides.into_values().flatten().collect();
    orphans.sort_by_key(|c| title_of(c));
    for c in orphans {
        out.skipped.push(format!(
            "Изменённое повторение «{}» пропущено: в файле нет основного мероприятия с UID {}.",
            title_of(c),
            text_of(c, "UID").trim()
        ));
    }
    Ok(out)
}

/// Every line ending as CRLF: RFC 5545 asks for it, but files edited by
/// hand or glued by scripts mix LF and CRLF, and the parser expects one kind.
fn crlf(text: &str) -> std::borrow::Cow<'_, str> {
    let bare_lf = text
        .bytes()
        .enumerate()
        .any(|(i, b)| b == b'\n' && (i == 0 || text.as_bytes()[i - 1] != b'\r'));
    if !bare_lf {
        return text.into();
    }
    text.replace("\r\n", "\n").replace('\n', "\r\n").into()
}

/// The line of a syntax error in Russian (the parser's message is English).
fn syntax_error(e: &str) -> String {
    let line = e
        .split("at line ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .filter(|n| !n.is_empty());
    match line {
        Some(n) => format!("ошибка разбора в строке {n} (после склейки перенесённых строк)."),
        None => "структура файла нарушена.".to_string(),
    }
}

fn kind_of(name: &str) -> String {
    match name {
        "VTODO" => "Задача (VTODO)".into(),
        "VJOURNAL" => "Заметка (VJOURNAL)".into(),
        "VFREEBUSY" => "Сведения о занятости (VFREEBUSY)".into(),
        other => format!("Компонент {other}"),
    }
}

fn text_of(c: &Component, name: &str) -> String {
    prop(c, name)
        .map(|p| p.val.as_str().to_string())
        .unwrap_or_default()
}

fn title_of(c: &Component) -> String {
    let t = text_of(c, "SUMMARY");
    if t.trim().is_empty() {
        "без названия".into()
    } else {
        t.trim().to_string()
    }
}

/// Splits a raw CATEGORIES value on unescaped commas and unescapes the items.
fn text_list(raw: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') | Some('N') => items.last_mut().map_or((), |s| s.push('\n')),
                Some(o) => items.last_mut().map_or((), |s| s.push(o)),
                None => {}
            },
            ',' => items.push(String::new()),
            c => items.last_mut().map_or((), |s| s.push(c)),
        }
    }
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn status_code(c: &Component, extras: bool) -> (Option<EventStatus>, Option<String>) {
    if extras {
        if let Some(s) =
            prop(c, x::STATUS).and_then(|p| EventStatus::from_code(p.val.as_str().trim()))
        {
            return (Some(s), None);
        }
    }
    match text_of(c, "STATUS").trim().to_ascii_uppercase().as_str() {
        "CANCELLED" => (Some(EventStatus::Cancelled), None),
        "CONFIRMED" => (Some(EventStatus::Planned), None),
        "TENTATIVE" => (
            Some(EventStatus::Planned),
            Some("Статус «предварительно» (TENTATIVE) импортирован как «запланировано».".into()),
        ),
        _ => (None, None),
    }
}

fn is_url(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(char::is_whitespace)
}

fn deterministic_uid(c: &Component) -> String {
    let mut h = Sha256::new();
    for key in [
        "SUMMARY", "DTSTART", "DTEND", "DURATION", "RRULE", "LOCATION",
    ] {
        h.update(text_of(c, key).as_bytes());
        h.update([0u8]);
    }
    let hex: String = h
        .finalize()
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("import-{hex}@partnernet")
}

/// One VEVENT without RECURRENCE-ID; `Err` is the Russian reason to skip it.
/// The notes keep the order in which the properties are read.
fn event(
    c: &Component,
    zones: &Zones,
    forms: &[EventForm],
) -> std::result::Result<ParsedEvent, Refusal> {
    let mut notes = Vec::new();
    let extras = has_extras(c);
    let title = text_of(c, "SUMMARY").trim().to_string();
    let span = event_span(c, zones, &mut notes)?;
    let uid = uid_or_derived(c, &mut notes);
    let (status, status_note) = status_code(c, extras);
    notes.extend(status_note);
    let (form_id, form_name, form_matched) = match_form(c, forms, &mut notes);
    let (place, link) = place_and_link(c, extras);
    let recurrence = series_rule(c, span.start, zones, &mut notes);
    let changes = if recurrence.is_some() {
        exdates(c, zones, &mut notes)
    } else {
        Vec::new()
    };
    let title = if title.is_empty() {
        notes.push("В файле у мероприятия нет названия: названо «Без названия».".into());
        "Без названия".into()
    } else {
        title
    };
    let mut input = EventInput {
        form_id,
        title,
        description: if extras {
            text_of(c, x::DESCRIPTION)
        } else {
            text_of(c, "DESCRIPTION").trim().to_string()
        },
        start: span.start,
        end: span.end,
        all_day: span.all_day,
        place,
        link,
        status: status.unwrap_or(EventStatus::Planned),
        recurrence,
        ..EventInput::default()
    };
    if extras {
        read_extras(c, &mut input);
    }
    Ok(ParsedEvent {
        uid,
        input,
        changes,
        form_name,
        form_matched,
        status_given: status.is_some(),
        extras,
        partner_names: props(c, x::PARTNER)
            .map(|p| p.val.as_str().trim().to_string())
            .filter(|n| !n.is_empty())
            .collect(),
        notes,
    })
}

/// Our own files carry `X-PARTNERNET-*` properties: their values win over
/// the standard ones.
fn has_extras(c: &Component) -> bool {
    c.properties.iter().any(|p| {
        p.name
            .as_str()
            .to_ascii_uppercase()
            .starts_with("X-PARTNERNET-")
    })
}

/// An event's times as our model keeps them: all-day events from midnight
/// to midnight of the last day.
struct Span {
    all_day: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
}

/// DTSTART with DTEND or DURATION in our zone. The file's all-day end is
/// exclusive and ours inclusive; an end before the start is the start.
/// Without a readable DTSTART there is no event to import.
fn event_span(
    c: &Component,
    zones: &Zones,
    notes: &mut Vec<String>,
) -> std::result::Result<Span, Refusal> {
    let shown = title_of(c);
    let Some(start_prop) = prop(c, "DTSTART") else {
        return Err(Refusal(format!(
            "Мероприятие «{shown}» пропущено: нет даты начала (DTSTART)."
        )));
    };
    let Some(start) = zones.when(start_prop.val.as_str(), start_prop, notes) else {
        return Err(Refusal(format!(
            "Мероприятие «{shown}» пропущено: дата начала «{}» не распознана.",
            start_prop.val.as_str()
        )));
    };
    let duration = prop(c, "DURATION").and_then(|p| parse_duration(p.val.as_str()));
    let end = zones.when_of(c, "DTEND", notes);
    Ok(match (start, end) {
        (When::Date(s), end) => {
            let last = match (end, duration) {
                (Some(When::Date(e)), _) => e.pred_opt().unwrap_or(e),
                (Some(When::Time(e)), _) => e.date(),
                (None, Some(d)) => s
                    .checked_add_signed(Duration::days((d.num_days() - 1).max(0)))
                    .unwrap_or(s),
                (None, None) => s,
            };
            before_start(last < s, notes);
            Span {
                all_day: true,
                start: s.and_time(midnight()),
                end: last.max(s).and_time(midnight()),
            }
        }
        (When::Time(s), end) => {
            let e = match (end, duration) {
                (Some(When::Time(e)), _) => e,
                (Some(When::Date(e)), _) => e.and_time(midnight()),
                (None, Some(d)) => s.checked_add_signed(d).unwrap_or(s),
                (None, None) => s,
            };
            before_start(e < s, notes);
            Span {
                all_day: false,
                start: s,
                end: e.max(s),
            }
        }
    })
}

/// An end before the start is taken as the start, and the preview says so
/// (`events add` refuses such an event; a file is cleaned, not refused).
fn before_start(earlier: bool, notes: &mut Vec<String>) {
    if earlier {
        notes.push(
            "В файле окончание (DTEND) раньше начала: окончание принято равным началу — \
             проверьте время после импорта."
                .into(),
        );
    }
}

/// The file's UID, or one derived from the event's content so that the
/// same file imported again finds the same event.
fn uid_or_derived(c: &Component, notes: &mut Vec<String>) -> String {
    match text_of(c, "UID").trim() {
        "" => {
            let uid = deterministic_uid(c);
            notes.push(format!("В файле у мероприятия нет UID: присвоен {uid}."));
            uid
        }
        uid => uid.to_string(),
    }
}

/// (place, link): other calendars put a web address in LOCATION or URL;
/// our files keep the place apart in `X-PARTNERNET-PLACE`.
fn place_and_link(c: &Component, extras: bool) -> (String, String) {
    let location = text_of(c, "LOCATION").trim().to_string();
    let url = text_of(c, "URL").trim().to_string();
    let link = if is_url(&url) {
        url
    } else if is_url(&location) {
        location.clone()
    } else {
        String::new()
    };
    let place = if extras {
        text_of(c, x::PLACE)
    } else if is_url(&location) {
        String::new()
    } else {
        location
    };
    (place, link)
}

/// The first RRULE as our rule, with notes on what our model cannot keep:
/// a drifting zone, further rules, RDATE.
fn series_rule(
    c: &Component,
    start: NaiveDateTime,
    zones: &Zones,
    notes: &mut Vec<String>,
) -> Option<Recurrence> {
    let stamp = zones.when_of(c, "DTSTAMP", &mut Vec::new()).map(When::date);
    let recurrence = props(c, "RRULE")
        .next()
        .and_then(|p| parse_rrule(p.val.as_str(), start, stamp, zones, p, notes));
    let drifts = prop(c, "DTSTART").is_some_and(|p| zones.drifts(p, start.date()));
    if recurrence.is_some() && drifts {
        notes.push(format!(
            "Время серии пересчитано в пояс {} по первому занятию: там, где в поясе файла \
             переводят часы, занятия могут сдвинуться на час.",
            zones.ours_name()
        ));
    }
    if props(c, "RRULE").count() > 1 {
        notes.push("В файле несколько правил повторения (RRULE): импортировано первое.".into());
    }
    if prop(c, "RDATE").is_some() {
        notes.push("Дополнительные даты повторения (RDATE) не импортированы.".into());
    }
    recurrence
}

/// EXDATE values become cancelled occurrences, one per date, in date order.
fn exdates(c: &Component, zones: &Zones, notes: &mut Vec<String>) -> Vec<OccurrenceChange> {
    let mut changes = Vec::new();
    for p in props(c, "EXDATE") {
        for v in p.val.as_str().split(',') {
            if let Some(w) = zones.when(v, p, notes) {
                changes.push(OccurrenceChange {
                    date: w.date(),
                    status: EventStatus::Cancelled,
                    ..OccurrenceChange::default()
                });
            }
        }
    }
    changes.sort_by_key(|c| c.date);
    changes.dedup_by_key(|c| c.date);
    changes
}

/// The fields only our own files carry (results, people, counts, audience).
fn read_extras(c: &Component, input: &mut EventInput) {
    let number = |key: &str| prop(c, key).and_then(|p| p.val.as_str().trim().parse::<i64>().ok());
    input.results = text_of(c, x::RESULTS);
    input.responsible = text_of(c, x::RESPONSIBLE);
    input.organiser = text_of(c, x::ORGANISER);
    input.planned_count = number(x::PLANNED);
    input.actual_count = number(x::ACTUAL);
    input.audience = text_of(c, x::AUDIENCE)
        .split(',')
        .filter_map(|a| Audience::from_code(a.trim()))
        .collect();
}

fn midnight() -> chrono::NaiveTime {
    chrono::NaiveTime::MIN
}

fn match_form(c: &Component, forms: &[EventForm], notes: &mut Vec<String>) -> (i64, String, bool) {
    let categories: Vec<String> = props(c, "CATEGORIES")
        .flat_map(|p| text_list(p.val.as_str()))
        .collect();
    for cat in &categories {
        if let Some(f) = forms.iter().find(|f| fold(f.name.trim()) == fold(cat)) {
            return (f.id, f.name.clone(), true);
        }
    }
    let Some(first) = forms.first() else {
        return (0, String::new(), false);
    };
    notes.push(if categories.is_empty() {
        format!(
            "Форма мероприятия в файле не указана: выбрана «{}».",
            first.name
        )
    } else {
        format!(
            "Форма «{}» не найдена среди форм мероприятий: выбрана «{}».",
            categories.join(", "),
            first.name
        )
    });
    (first.id, first.name.clone(), false)
}

/// Overrides (RECURRENCE-ID) become changes of the occurrences they key.
/// A date the master's EXDATE already cancels keeps that change; each note
/// is added once however many overrides give it.
fn apply_overrides(parsed: &mut ParsedEvent, list: &[&Component], zones: &Zones) {
    if parsed.input.recurrence.is_none() {
        parsed.notes.push(format!(
            "Изменённые повторения ({}) не импортированы: мероприятие импортировано без повторения.",
            list.len()
        ));
        return;
    }
    let mut notes = Vec::new();
    let changes: Vec<OccurrenceChange> = list
        .iter()
        .filter_map(|c| override_change(c, &parsed.input, zones, &mut notes))
        .collect();
    for ch in changes {
        if !parsed.changes.iter().any(|o| o.date == ch.date) {
            parsed.changes.push(ch);
        }
    }
    parsed.changes.sort_by_key(|c| c.date);
    for n in notes {
        if !parsed.notes.contains(&n) {
            parsed.notes.push(n);
        }
    }
}

/// One override of the series `d` as a change of the occurrence it keys;
/// `None` when its RECURRENCE-ID cannot be read. A RANGE (this and all
/// later ones) is applied to the one date only.
fn override_change(
    c: &Component,
    d: &EventInput,
    zones: &Zones,
    notes: &mut Vec<String>,
) -> Option<OccurrenceChange> {
    let key = zones.when_of(c, "RECURRENCE-ID", notes)?;
    if prop(c, "RECURRENCE-ID")
        .and_then(|p| param(p, "RANGE"))
        .is_some()
    {
        notes.push(format!(
            "Изменение «и все последующие» от {} применено только к этой дате.",
            ru_date(key.date())
        ));
    }
    let date = key.date();
    let rule_start = date.and_time(d.start.time());
    let rule_end = rule_start + (d.end - d.start);
    let (s, e) = override_times(c, d.end - d.start, (rule_start, rule_end), zones, notes);
    let moved = (s, e) != (rule_start, rule_end);
    let extras = has_extras(c);
    // A foreign CONFIRMED or TENTATIVE says no more than «planned»: the
    // occurrence keeps the series' status.
    let status = match status_code(c, extras).0 {
        Some(EventStatus::Planned) if !extras => d.status,
        Some(s) => s,
        None => d.status,
    };
    Some(OccurrenceChange {
        date,
        status,
        start: moved.then_some(s),
        end: moved.then_some(e),
        actual_count: prop(c, x::ACTUAL).and_then(|p| p.val.as_str().trim().parse().ok()),
        results: if extras {
            text_of(c, x::RESULTS)
        } else {
            String::new()
        },
    })
}

/// The times an override gives its occurrence: its own DTSTART with DTEND,
/// DURATION or the series' `length`; without DTSTART the times of the rule.
fn override_times(
    c: &Component,
    length: Duration,
    rule: (NaiveDateTime, NaiveDateTime),
    zones: &Zones,
    notes: &mut Vec<String>,
) -> (NaiveDateTime, NaiveDateTime) {
    let start = zones.when_of(c, "DTSTART", notes);
    let duration = prop(c, "DURATION").and_then(|p| parse_duration(p.val.as_str()));
    match start {
        Some(When::Time(s)) => {
            let e = match (zones.when_of(c, "DTEND", notes), duration) {
                (Some(When::Time(e)), _) => e,
                (_, Some(du)) => s.checked_add_signed(du).unwrap_or(s),
                _ => s.checked_add_signed(length).unwrap_or(s),
            };
            (s, e.max(s))
        }
        Some(When::Date(s)) => {
            let last = match zones.when_of(c, "DTEND", notes) {
                Some(When::Date(e)) => e.pred_opt().unwrap_or(e),
                _ => s
                    .checked_add_signed(Duration::days(length.num_days().max(0)))
                    .unwrap_or(s),
            };
            (s.and_time(midnight()), last.max(s).and_time(midnight()))
        }
        None => rule,
    }
}
