//! The names the search ranks, folded once and kept while the data stays
//! the same (`Storage::memo`): a keystroke then only compares strings in
//! memory, and the partners' other text is looked up in their FTS index.
//! Events are kept once each (a series once), not as occurrences.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use super::model::{Found, FoundTarget};
use super::rank::Words;
use crate::agreements;
use crate::error::Result;
use crate::events::{self, model::Event, recurrence};
use crate::grammar::date_short;
use crate::partners::{self, model::PartnerFilter};
use crate::storage::Storage;
use crate::text::fold;
use crate::{brochures, settings};

/// One record as the search sees it.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub id: i64,
    /// The ranking's «name» (a partner has two).
    pub names: Vec<Words>,
    /// Other text, when the search looks there (partners' is in FTS).
    pub other: Option<Words>,
    pub found: Found,
}

/// Every kind's records, each sorted by name (ties of a rank keep this order).
#[derive(Debug, Default)]
pub(super) struct Index {
    pub partners: Vec<Entry>,
    pub persons: Vec<Entry>,
    pub agreements: Vec<Entry>,
    pub events: Vec<Entry>,
    pub brochures: Vec<Entry>,
}

/// The index of the data as it is, built again only after a change. An
/// event opens on its next date from `today`, so `today` is in the key.
pub(super) fn get(storage: &Storage, today: NaiveDate) -> Result<Arc<Index>> {
    storage.memo(&format!("search:index:{today}"), |s| {
        Ok(Arc::new(build(s, today)?))
    })
}

fn build(storage: &Storage, today: NaiveDate) -> Result<Index> {
    let partners = partner_entries(storage)?;
    let names: HashMap<i64, &str> = partners
        .iter()
        .map(|e| (e.id, e.found.title.as_str()))
        .collect();
    let persons = person_entries(storage, &names)?;
    let mut index = Index {
        persons,
        agreements: agreement_entries(storage)?,
        events: event_entries(storage, today)?,
        brochures: brochure_entries(storage)?,
        partners,
    };
    for list in [
        &mut index.partners,
        &mut index.persons,
        &mut index.agreements,
        &mut index.events,
        &mut index.brochures,
    ] {
        list.sort_by_cached_key(|e| (fold(&e.found.title), e.id));
    }
    Ok(index)
}

/// Live partners as the list reads them (a damaged row is left out there
/// and here): the short and the full name.
fn partner_entries(storage: &Storage) -> Result<Vec<Entry>> {
    Ok(partners::list(storage, &PartnerFilter::default())?
        .into_iter()
        .map(|p| {
            let mut subtitle = p.partner_type.label().to_string();
            if !p.head.is_empty() {
                subtitle.push_str(" · ");
                subtitle.push_str(&p.head);
            }
            Entry {
                id: p.id,
                names: vec![Words::new(&p.short_name), Words::new(&p.full_name)],
                other: None,
                found: Found {
                    title: p.short_name,
                    subtitle,
                    open: FoundTarget::Partner { id: p.id },
                },
            }
        })
        .collect())
}

/// Contact persons of live partners: the full name; role, phone and e-mail
/// as other text. A person in several organisations opens the first.
fn person_entries(storage: &Storage, partners: &HashMap<i64, &str>) -> Result<Vec<Entry>> {
    let mut stmt = storage.conn().prepare(
        "SELECT pe.id, pe.surname, pe.name, pe.patronymic, c.partner_id, c.role, c.phone, c.email
         FROM partner_contacts c JOIN persons pe ON pe.id = c.person_id
         ORDER BY pe.id, c.position, c.partner_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<Entry> = Vec::new();
    // The other memberships of a person: how many, and their text.
    let mut more: HashMap<i64, (usize, String)> = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let partner_id: i64 = r.get(4)?;
        let Some(org) = partners.get(&partner_id) else {
            continue;
        };
        let role: String = r.get(5)?;
        let other = format!(
            "{role} {} {}",
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?
        );
        if out.last().is_some_and(|e| e.id == id) {
            let (n, text) = more.entry(id).or_default();
            *n += 1;
            text.push(' ');
            text.push_str(&other);
            continue;
        }
        let full = [r.get::<_, String>(1)?, r.get(2)?, r.get(3)?]
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let subtitle = if role.trim().is_empty() {
            org.to_string()
        } else {
            format!("{}, {org}", role.trim())
        };
        out.push(Entry {
            id,
            names: vec![Words::new(&full)],
            other: Some(Words::new(&other)),
            found: Found {
                title: full,
                subtitle,
                open: FoundTarget::Person { id, partner_id },
            },
        });
    }
    for e in &mut out {
        if let Some((n, text)) = more.get(&e.id) {
            e.found.subtitle.push_str(&format!(" и ещё {n}"));
            let first = e
                .other
                .as_ref()
                .map(|o| o.text.as_str())
                .unwrap_or_default();
            e.other = Some(Words::new(&format!("{first} {text}")));
        }
    }
    Ok(out)
}

/// Agreements not in the trash: the list's heading and the number; the
/// kind and the list's search text (subject, parties) as other text.
fn agreement_entries(storage: &Storage) -> Result<Vec<Entry>> {
    Ok(agreements::queries::summaries(storage.conn(), false, None)?
        .into_iter()
        .map(|l| {
            let s = l.summary;
            let title = if s.heading.trim().is_empty() {
                s.kind.label().to_string()
            } else {
                s.heading.clone()
            };
            let mut subtitle = Vec::new();
            if !s.number.trim().is_empty() {
                subtitle.push(match s.date {
                    Some(d) => format!("№ {} от {}", s.number.trim(), date_short(d)),
                    None => format!("№ {}", s.number.trim()),
                });
            }
            subtitle.push(s.status.label().to_string());
            if !s.partners.is_empty() {
                subtitle.push(s.partners.join(", "));
            }
            Entry {
                id: s.id,
                names: vec![Words::new(&title), Words::new(&s.number)],
                other: Some(Words::new(&format!("{} {}", s.kind.label(), l.haystack))),
                found: Found {
                    title,
                    subtitle: subtitle.join(" · "),
                    open: FoundTarget::Agreement { id: s.id },
                },
            }
        })
        .collect())
}

/// Live events, a series once: the title only. The subtitle and the date
/// it opens on are the next occurrence from `today` (or the last one).
fn event_entries(storage: &Storage, today: NaiveDate) -> Result<Vec<Entry>> {
    let conn = storage.conn();
    let tz = settings::time_zone(conn)?;
    let forms: HashMap<i64, String> = events::forms(storage)?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect();
    Ok(events::queries::load_all_lean(conn)?
        .into_iter()
        .map(|event| {
            let date = shown_date(&event, today, tz);
            let d = &event.data;
            let form = forms.get(&d.form_id).cloned().unwrap_or_default();
            let when = match &d.recurrence {
                None => date_short(date),
                Some(rule) if date >= today => {
                    format!("{}, ближайшее {}", rule.frequency.label(), date_short(date))
                }
                Some(rule) => format!("{}, последнее {}", rule.frequency.label(), date_short(date)),
            };
            let subtitle = if form.is_empty() {
                when
            } else {
                format!("{form} · {when}")
            };
            Entry {
                id: event.id,
                names: vec![Words::new(&d.title)],
                other: None,
                found: Found {
                    title: d.title.clone(),
                    subtitle,
                    open: FoundTarget::Event { id: event.id, date },
                },
            }
        })
        .collect())
}

/// The key date of the occurrence an event opens on: its own for a single
/// event; for a series the first from `today`, else its last.
fn shown_date(event: &Event, today: NaiveDate, tz: chrono_tz::Tz) -> NaiveDate {
    let d = &event.data;
    let start = d.start.date();
    if d.recurrence.is_none() {
        return start;
    }
    let ahead = today.checked_add_days(Days::new(731)).unwrap_or(today);
    if let Some(next) = recurrence::slots(event, today.max(start), ahead, tz).first() {
        return next.date;
    }
    recurrence::slots(event, start, today, tz)
        .last()
        .map_or(start, |s| s.date)
}

/// Brochures not in the trash: the title; the text as other text.
fn brochure_entries(storage: &Storage) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for b in brochures::list(storage)? {
        let source = brochures::get(storage, b.id)
            .map(|f| f.source)
            .unwrap_or_default();
        out.push(Entry {
            id: b.id,
            names: vec![Words::new(&b.title)],
            other: Some(Words::new(&source)),
            found: Found {
                subtitle: format!("Брошюра, изменена {}", date_short(b.updated_at.date())),
                title: b.title,
                open: FoundTarget::Brochure { id: b.id },
            },
        });
    }
    Ok(out)
}
