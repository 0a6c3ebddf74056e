//! The partner's timeline (issue 11 §2): one feed, newest first, of what
//! happened with a partner — occurrences of joint events, agreements it is a
//! party of and their status changes, ties (start and end), stage and other
//! changes of its card, dated notes. Trashed events and agreements are left
//! out; a trashed partner has no timeline until it is restored.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::agreements::lifecycle::capitalized;
use crate::agreements::model::AgreementSummary;
use crate::error::{CoreError, Result};
use crate::events::model::EventFilter;
use crate::partners::model::HistoryEntry;
use crate::storage::Storage;

use super::health::STAGE_FIELD;
use super::model::{TimelineEntry, TimelineFilter, TimelineKind, TimelineTarget};

/// The history field of the date a stage was reached.
const STAGE_DATE_FIELD: &str = "Дата этапа";
/// How many characters of a value or a note a detail line shows.
const SHOWN_CHARS: usize = 160;

fn fmt_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// At most [`SHOWN_CHARS`] characters of the first line, «…» when cut.
fn shorten(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    let cut: String = line.chars().take(SHOWN_CHARS).collect();
    if cut.chars().count() < line.chars().count() || text.trim().lines().nth(1).is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn shown(value: &str) -> String {
    if value.is_empty() {
        "—".to_string()
    } else {
        format!("«{}»", shorten(value))
    }
}

/// The feed of partner `partner_id`, newest first: by date, then time (an
/// entry without a time after the timed ones of its day), then kind in the
/// order of [`TimelineKind`], then the newest record first.
pub fn timeline(
    storage: &Storage,
    partner_id: i64,
    filter: &TimelineFilter,
) -> Result<Vec<TimelineEntry>> {
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if to < from {
            return Err(CoreError::invalid(
                "to",
                format!(
                    "Конец периода {} раньше его начала {}: исправьте одну из дат.",
                    fmt_date(to),
                    fmt_date(from)
                ),
            ));
        }
    }
    let partner = crate::partners::get(storage, partner_id)?;
    if partner.deleted_at.is_some() {
        return Err(CoreError::NotFound {
            what: "Партнёр",
            id: partner_id,
        });
    }
    let wants = |k: TimelineKind| filter.kinds.is_empty() || filter.kinds.contains(&k);
    let mut out = Vec::new();
    if wants(TimelineKind::Event) {
        events(storage, partner_id, filter, &mut out)?;
    }
    if wants(TimelineKind::Agreement) || wants(TimelineKind::AgreementStatus) {
        agreements(storage, partner_id, &mut out)?;
    }
    if wants(TimelineKind::Tie) {
        ties(storage, partner_id, &mut out)?;
    }
    if wants(TimelineKind::Stage) || wants(TimelineKind::Change) {
        history(storage, partner_id, &mut out)?;
    }
    if wants(TimelineKind::Note) {
        notes(storage, partner_id, &mut out)?;
    }
    out.retain(|e| {
        wants(e.kind)
            && filter.from.is_none_or(|from| e.date >= from)
            && filter.to.is_none_or(|to| e.date <= to)
    });
    out.sort_by(newest_first);
    Ok(out)
}

/// The order of the feed; total, so the same data gives the same feed.
fn newest_first(a: &TimelineEntry, b: &TimelineEntry) -> Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| b.time.cmp(&a.time))
        .then_with(|| a.kind.cmp(&b.kind))
        .then_with(|| b.target.cmp(&a.target))
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.detail.cmp(&b.detail))
}

fn events(
    storage: &Storage,
    partner_id: i64,
    filter: &TimelineFilter,
    out: &mut Vec<TimelineEntry>,
) -> Result<()> {
    let occurrences = crate::events::occurrences(
        storage,
        &EventFilter {
            partner_id: Some(partner_id),
            // A moved occurrence may leave its rule date by a few days.
            from: filter.from.map(|d| d - chrono::Duration::days(31)),
            to: filter.to.map(|d| d + chrono::Duration::days(31)),
            ..EventFilter::default()
        },
    )?;
    for o in occurrences {
        let mut parts = vec![capitalized(o.status.label())];
        if !o.form.is_empty() {
            parts.push(o.form.clone());
        }
        if o.recurring {
            parts.push(format!("занятие серии от {}", fmt_date(o.date)));
        }
        if !o.place.is_empty() {
            parts.push(o.place.clone());
        }
        let count = if o.status == crate::events::model::EventStatus::Held {
            o.actual_count.map(|n| format!("участников: {n}"))
        } else {
            o.planned_count.map(|n| format!("участников по плану: {n}"))
        };
        parts.extend(count);
        out.push(TimelineEntry {
            date: o.start.date(),
            time: (!o.all_day).then(|| o.start.time()),
            kind: TimelineKind::Event,
            title: o.title,
            detail: parts.join(" · "),
            target: TimelineTarget::Event {
                id: o.event_id,
                date: o.date,
            },
        });
    }
    Ok(())
}

/// «Соглашение № 4/2026».
fn agreement_title(a: &AgreementSummary) -> String {
    if a.number.is_empty() {
        a.kind.noun().to_string()
    } else {
        format!("{} № {}", a.kind.noun(), a.number)
    }
}

fn agreements(storage: &Storage, partner_id: i64, out: &mut Vec<TimelineEntry>) -> Result<()> {
    let conn = storage.conn();
    for listed in crate::agreements::queries::summaries(conn, false, Some(partner_id))? {
        let a = listed.summary;
        let changes = crate::agreements::queries::history(conn, a.id)?;
        let title = agreement_title(&a);
        let date = a
            .date
            .or_else(|| changes.first().map(|c| c.on))
            .unwrap_or_default();
        let mut detail = vec![a.kind.label().to_string()];
        if !a.subject.is_empty() {
            detail.push(format!("предмет: {}", shorten(&a.subject)));
        }
        detail.push(format!("сейчас: {}", a.status.label()));
        out.push(TimelineEntry {
            date,
            time: None,
            kind: TimelineKind::Agreement,
            title: match a.date {
                Some(d) => format!("{title} от {}", fmt_date(d)),
                None => format!("{title} (без даты, создан)"),
            },
            detail: detail.join(" · "),
            target: TimelineTarget::Agreement { id: a.id },
        });
        for change in changes {
            // The first entry is the creation, which the agreement's own
            // line shows.
            let Some(from) = change.from else { continue };
            let mut detail = format!(
                "Статус изменён: «{}» → «{}»",
                from.label(),
                change.to.label()
            );
            if !change.note.is_empty() {
                detail.push_str(&format!(" ({})", shorten(&change.note)));
            }
            out.push(TimelineEntry {
                date: change.on,
                time: None,
                kind: TimelineKind::AgreementStatus,
                title: format!("{title} — {}", change.to.label()),
                detail,
                target: TimelineTarget::Agreement { id: a.id },
            });
        }
    }
    Ok(())
}

fn ties(storage: &Storage, partner_id: i64, out: &mut Vec<TimelineEntry>) -> Result<()> {
    for tie in crate::partners::ties::of_partner(storage, partner_id)? {
        let other = if tie.first_id == Some(partner_id) {
            &tie.second_name
        } else {
            &tie.first_name
        };
        let detail = capitalized(&crate::partners::ties::describe(&tie, partner_id));
        out.push(TimelineEntry {
            date: tie.start_date,
            time: None,
            kind: TimelineKind::Tie,
            title: format!("Начало связи: {} с «{other}»", tie.kind.label()),
            detail: detail.clone(),
            target: TimelineTarget::Tie { id: tie.id },
        });
        if let Some(end) = tie.end_date {
            out.push(TimelineEntry {
                date: end,
                time: None,
                kind: TimelineKind::Tie,
                title: format!("Окончание связи: {} с «{other}»", tie.kind.label()),
                detail,
                target: TimelineTarget::Tie { id: tie.id },
            });
        }
    }
    Ok(())
}

/// One line per stage change and one per saving of the card (its fields
/// changed at the same moment together). Ties are in the history as field
/// «Связь»: their own lines show them.
fn history(storage: &Storage, partner_id: i64, out: &mut Vec<TimelineEntry>) -> Result<()> {
    let entries = crate::partners::queries::history(storage.conn(), partner_id)?;
    let mut saved: BTreeMap<NaiveDateTime, Vec<&HistoryEntry>> = BTreeMap::new();
    // Oldest first, so a saving's fields keep the form's order.
    for e in entries.iter().rev() {
        if e.field == crate::partners::ties::HISTORY_FIELD {
            continue;
        }
        saved.entry(e.changed_at).or_default().push(e);
    }
    for (at, group) in saved {
        let stage_date = group
            .iter()
            .find(|e| e.field == STAGE_DATE_FIELD)
            .map(|e| e.new_value.clone())
            .filter(|v| !v.is_empty());
        let (stages, others): (Vec<&HistoryEntry>, Vec<&HistoryEntry>) =
            group.into_iter().partition(|e| e.field == STAGE_FIELD);
        for e in stages {
            let title = if e.new_value.is_empty() {
                "Этап партнёрства снят".to_string()
            } else {
                format!("Этап партнёрства: {}", e.new_value)
            };
            let mut detail = if e.old_value.is_empty() {
                "Этап указан впервые".to_string()
            } else {
                format!("Прежний этап: {}", e.old_value)
            };
            if let Some(d) = &stage_date {
                detail.push_str(&format!(" · достигнут {d}"));
            }
            out.push(TimelineEntry {
                date: at.date(),
                time: Some(at.time()),
                kind: TimelineKind::Stage,
                title,
                detail,
                target: TimelineTarget::History { id: e.id },
            });
        }
        let Some(first) = others.first() else {
            continue;
        };
        let title = match (first.field.as_str(), others.len()) {
            ("Запись", 1) => "Партнёр внесён в реестр".to_string(),
            ("Корзина", 1) => format!("Корзина: {}", first.new_value),
            _ => format!(
                "Изменено в карточке: {}",
                others
                    .iter()
                    .map(|e| e.field.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let detail = others
            .iter()
            .map(|e| {
                format!(
                    "{}: {} → {}",
                    e.field,
                    shown(&e.old_value),
                    shown(&e.new_value)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        out.push(TimelineEntry {
            date: at.date(),
            time: Some(at.time()),
            kind: TimelineKind::Change,
            title,
            detail,
            target: TimelineTarget::History { id: first.id },
        });
    }
    Ok(())
}

fn notes(storage: &Storage, partner_id: i64, out: &mut Vec<TimelineEntry>) -> Result<()> {
    for note in crate::partners::notes::of_partner(storage, partner_id)? {
        let title = if note.person_name.is_empty() {
            "Запись о взаимодействии".to_string()
        } else {
            format!("Запись о взаимодействии · {}", note.person_name)
        };
        out.push(TimelineEntry {
            date: note.date,
            time: None,
            kind: TimelineKind::Note,
            title,
            detail: shorten(&note.text),
            target: TimelineTarget::Note { id: note.id },
        });
    }
    Ok(())
}
