//! Import of an .ics file (preview, then apply). An event is matched by UID: a known one is updated, never
//! doubled, so importing the same file twice changes nothing.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::ical::{self, rule_dates, ParsedEvent};
use super::model::{
    Event, EventInput, EventStatus, ImportAction, ImportItem, ImportPreview, ImportReport,
    OccurrenceChange,
};
use crate::error::{CoreError, Result};
use crate::storage::Storage;
use crate::text::fold;

/// One event of the file with what the import will do with it.
struct Planned {
    uid: String,
    existing: Option<Event>,
    input: EventInput,
    changes: Vec<OccurrenceChange>,
    action: ImportAction,
    form: String,
    notes: Vec<String>,
}

/// The largest .ics file read for an import: calendars of a few thousand
/// events are well below it.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads an .ics file for [`preview`] / [`apply`]: a file, not too large,
/// UTF-8 (a byte-order mark is dropped); each refusal says what to do.
pub fn read_file(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?;
    if !meta.is_file() {
        return Err(CoreError::BadInput(format!(
            "«{}» — это не файл. Выберите файл календаря .ics.",
            path.display()
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CoreError::BadInput(format!(
            "файл «{}» слишком большой ({} МБ): календарь для импорта должен быть не больше {} МБ.",
            path.display(),
            meta.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    // The size again while reading: the file may have grown since.
    let bytes = crate::storage::files::read_limited(path, MAX_FILE_BYTES, "календаря")?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CoreError::BadInput(format!(
            "файл «{}» не в кодировке UTF-8: это не календарь iCalendar (.ics). \
             Выгрузите календарь заново в формате .ics.",
            path.display()
        ))
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// What an import of `text` would do, without writing anything.
pub fn preview(storage: &Storage, text: &str) -> Result<ImportPreview> {
    let (planned, skipped) = plan(storage, text)?;
    let items = planned
        .into_iter()
        .map(|p| ImportItem {
            uid: p.uid,
            title: p.input.title.clone(),
            start: p.input.start,
            end: p.input.end,
            all_day: p.input.all_day,
            recurring: p.input.recurrence.is_some(),
            form: p.form,
            action: p.action,
            existing_id: p.existing.map(|e| e.id),
            notes: p.notes,
        })
        .collect();
    Ok(ImportPreview { items, skipped })
}

/// Imports `text`: new UIDs are added, known ones updated (and restored
/// from the trash); events that would be refused are skipped with their
/// reason, as the preview shows. All of it is one transaction: a failure
/// midway leaves the database as it was.
pub fn apply(storage: &mut Storage, text: &str, now: NaiveDateTime) -> Result<ImportReport> {
    let (planned, skipped) = plan(storage, text)?;
    let mut report = ImportReport {
        added: 0,
        updated: 0,
        unchanged: 0,
        skipped,
    };
    storage.write(|tx| {
        let refs = super::validate::References::load(tx)?;
        for p in planned {
            match (p.action, p.existing) {
                (ImportAction::Unchanged, _) => report.unchanged += 1,
                (ImportAction::Add, _) | (_, None) => {
                    let input = super::prepare_with(&refs, p.input)?;
                    let id = super::queries::insert(tx, &input, &p.uid, now)?;
                    if !p.changes.is_empty() {
                        super::replace_changes(tx, id, &input, p.changes, now)?;
                    }
                    report.added += 1;
                }
                (ImportAction::Update, Some(old)) => {
                    if old.deleted_at.is_some() {
                        super::queries::set_deleted(tx, old.id, None)?;
                    }
                    let edited = normal(old.data.clone()) != p.input;
                    let input = if edited {
                        let input = super::prepare_with(&refs, p.input)?;
                        super::queries::update(tx, old.id, &input, now)?;
                        input
                    } else {
                        old.data
                    };
                    if edited || !same_changes(&old.changes, &p.changes) {
                        super::replace_changes(tx, old.id, &input, p.changes, now)?;
                    }
                    report.updated += 1;
                }
            }
        }
        Ok(())
    })?;
    Ok(report)
}

/// The form as the store keeps it (trimmed, sorted, normalised link), so
/// that comparing with a stored event means «the same».
fn normal(input: EventInput) -> EventInput {
    super::validate::normalize(input.clone()).unwrap_or(input)
}

fn same_changes(a: &[OccurrenceChange], b: &[OccurrenceChange]) -> bool {
    let sorted = |list: &[OccurrenceChange]| {
        let mut v = list.to_vec();
        v.sort_by_key(|c| c.date);
        v
    };
    sorted(a) == sorted(b)
}

fn plan(storage: &Storage, text: &str) -> Result<(Vec<Planned>, Vec<String>)> {
    let tz = super::time_zone(storage)?;
    let forms = super::forms(storage)?;
    let parsed = ical::parse(text, tz, &forms)?;
    let partners = partner_index(storage)?;
    let refs = super::validate::References::load(storage.conn())?;
    let form_name = |id: i64| {
        forms
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.name.clone())
            .unwrap_or_default()
    };
    let mut skipped = parsed.skipped;
    let mut out = Vec::new();
    for p in parsed.events {
        let existing = super::find_by_uid(storage, &p.uid)?;
        let mut notes = p.notes.clone();
        let (input, changes) = match &existing {
            Some(e) => merge(e, &p),
            None => (fresh(&p, &partners, &mut notes), p.changes.clone()),
        };
        let mut problems = super::check_with(&refs, &input)?;
        for c in &changes {
            if let Err(mut bad) = super::validate::change(c.clone()) {
                problems.append(&mut bad);
            }
        }
        if !problems.is_empty() {
            let list: Vec<String> = problems.into_iter().map(|f| f.message).collect();
            skipped.push(format!(
                "Мероприятие «{}» ({}) не импортируется: {}",
                input.title,
                ical::ru_date(input.start.date()),
                list.join(" ")
            ));
            continue;
        }
        let input = normal(input);
        let changes = keyed_by_rule(&input, changes);
        let action = match &existing {
            None => ImportAction::Add,
            Some(e) => {
                if e.deleted_at.is_some() {
                    notes.push("Мероприятие было в корзине: оно будет восстановлено.".into());
                }
                let same = e.deleted_at.is_none()
                    && normal(e.data.clone()) == input
                    && same_changes(&e.changes, &changes);
                if same {
                    ImportAction::Unchanged
                } else {
                    ImportAction::Update
                }
            }
        };
        out.push(Planned {
            uid: p.uid,
            form: form_name(input.form_id),
            existing,
            input,
            changes,
            action,
            notes,
        });
    }
    Ok((out, skipped))
}

/// Only changes of dates the rule gives are kept (as the store does), and
/// none that change nothing.
fn keyed_by_rule(input: &EventInput, changes: Vec<OccurrenceChange>) -> Vec<OccurrenceChange> {
    let Some(rule) = &input.recurrence else {
        return Vec::new();
    };
    let dates: HashSet<NaiveDate> = rule_dates(input.start.date(), rule, usize::MAX)
        .into_iter()
        .collect();
    let mut out: Vec<OccurrenceChange> = changes
        .into_iter()
        .filter(|c| dates.contains(&c.date))
        .map(|mut c| {
            c.results = c.results.trim().to_string();
            c
        })
        .filter(|c| {
            c.status != input.status
                || c.start.is_some()
                || c.actual_count.is_some()
                || !c.results.is_empty()
        })
        .collect();
    out.sort_by_key(|c| c.date);
    out
}

/// Folded short and full names of live partners → id.
fn partner_index(storage: &Storage) -> Result<HashMap<String, i64>> {
    let mut index = HashMap::new();
    for p in crate::partners::list(storage, &Default::default())? {
        index.entry(fold(p.full_name.trim())).or_insert(p.id);
        index.insert(fold(p.short_name.trim()), p.id);
    }
    Ok(index)
}

/// A new event: the file's data, partners found by name in the registry.
fn fresh(p: &ParsedEvent, partners: &HashMap<String, i64>, notes: &mut Vec<String>) -> EventInput {
    let mut input = p.input.clone();
    for name in &p.partner_names {
        match partners.get(&fold(name)) {
            Some(id) if !input.partner_ids.contains(id) => input.partner_ids.push(*id),
            Some(_) => {}
            None => notes.push(format!(
                "Партнёр «{name}» не найден в реестре: к мероприятию не добавлен."
            )),
        }
    }
    input
}

/// A known event updated from the file: what the file carries replaces
/// the stored values; partners, agreement (and, from another calendar,
/// audience, counts, responsible and results) stay as they are.
fn merge(old: &Event, p: &ParsedEvent) -> (EventInput, Vec<OccurrenceChange>) {
    let f = &p.input;
    let mut m = old.data.clone();
    if p.form_matched {
        m.form_id = f.form_id;
    }
    m.title = f.title.clone();
    m.description = f.description.clone();
    m.start = f.start;
    m.end = f.end;
    m.all_day = f.all_day;
    m.place = f.place.clone();
    m.link = f.link.clone();
    m.recurrence = f.recurrence.clone();
    if p.extras {
        m.audience = f.audience.clone();
        m.planned_count = f.planned_count;
        m.actual_count = f.actual_count;
        m.results = f.results.clone();
        if m.responsible != f.responsible {
            // Another name in the file: the person picked here no longer holds.
            m.responsible_person_id = None;
        }
        m.responsible = f.responsible.clone();
        m.organiser = f.organiser.clone();
        m.status = f.status;
        return (m, p.changes.clone());
    }
    if p.status_given {
        // CONFIRMED says «planned or held»: a held event stays held.
        let held = f.status == EventStatus::Planned && old.data.status == EventStatus::Held;
        if !held {
            m.status = f.status;
        }
    }
    // Results of single occurrences are ours alone: kept unless the file
    // cancels or moves that occurrence.
    let mut changes = p.changes.clone();
    for c in &mut changes {
        if let Some(o) = old.changes.iter().find(|o| o.date == c.date) {
            if c.status != EventStatus::Cancelled {
                if o.status == EventStatus::Held {
                    c.status = EventStatus::Held;
                }
                if c.results.is_empty() {
                    c.results = o.results.clone();
                }
                c.actual_count = c.actual_count.or(o.actual_count);
            }
        }
    }
    for o in &old.changes {
        let own = o.start.is_none() && o.status != EventStatus::Cancelled;
        if own && !changes.iter().any(|c| c.date == o.date) {
            changes.push(o.clone());
        }
    }
    changes.sort_by_key(|c| c.date);
    (m, changes)
}
