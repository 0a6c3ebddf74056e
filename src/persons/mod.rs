//! «Контакты»: people as records of their own (issue 14 §2). A person is
//! created by a partner's form (a contact person) and belongs to one or
//! more organisations, each with its own role, phone and e-mail; here she
//! finds, edits and merges them, and picks one as the responsible of an
//! event or an agreement.
//!
//! An edit or a merge changes the partners' contacts too, so each touches
//! their search rows and writes their history as the partner form would,
//! in the same transaction as the person's own history.

pub mod model;
pub mod queries;
pub mod validate;

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::error::{CoreError, FieldError, Result};
use crate::partners;
use crate::storage::Storage;
use crate::text;
use model::{PersonFilter, PersonHistoryEntry, PersonInput, PersonRecord, PersonSummary};

/// The people matching the search (every word by its stem, in names,
/// roles, phones, e-mails and organisations), by surname, name, patronymic.
pub fn list(storage: &Storage, filter: &PersonFilter) -> Result<Vec<PersonSummary>> {
    let words = text::search_terms(&filter.query);
    let mut found: Vec<PersonSummary> = queries::searchable(storage.conn())?
        .into_iter()
        .filter(|s| Some(s.summary.id) != filter.exclude)
        .filter(|s| words.iter().all(|w| s.haystack.contains(w.as_str())))
        .map(|s| s.summary)
        .collect();
    found.sort_by_cached_key(|p| {
        (
            text::fold(&p.surname),
            text::fold(&p.name),
            text::fold(&p.patronymic),
            p.id,
        )
    });
    if let Some(limit) = filter.limit {
        found.truncate(limit as usize);
    }
    Ok(found)
}

pub fn get(storage: &Storage, id: i64) -> Result<PersonRecord> {
    queries::load(storage.conn(), id)
}

pub fn history(storage: &Storage, id: i64) -> Result<Vec<PersonHistoryEntry>> {
    get(storage, id)?;
    queries::history(storage.conn(), id)
}

/// Checks a form without saving: the problems it would be refused for.
pub fn check(storage: &Storage, id: i64, input: &PersonInput) -> Result<Vec<FieldError>> {
    let old = get(storage, id)?;
    Ok(validate::normalize(input.clone(), &old)
        .err()
        .unwrap_or_default())
}

/// Saves the name parts and the memberships' roles, phones and e-mails in
/// one transaction, with the person's history and the partners' history.
pub fn update(
    storage: &mut Storage,
    id: i64,
    input: PersonInput,
    now: NaiveDateTime,
) -> Result<PersonRecord> {
    let old = get(storage, id)?;
    let input = validate::normalize(input, &old).map_err(CoreError::Validation)?;
    storage.write(|tx| {
        // Read again under the write lock: another window may have changed it.
        let old = queries::load(tx, id)?;
        let changes = diff(&old, &input);
        if changes.is_empty() {
            return Ok(old);
        }
        let partner_ids = queries::partner_ids(tx, id)?;
        with_partner_history(tx, &partner_ids, now, || {
            queries::set_names(tx, id, &input.surname, &input.name, &input.patronymic)?;
            for m in &input.memberships {
                queries::set_membership(tx, id, m)?;
            }
            Ok(())
        })?;
        let shown = text::surname_initials(&input.surname, &input.name, &input.patronymic);
        if shown != old.short_name() {
            queries::rename_responsible(tx, id, &shown)?;
        }
        queries::add_history(tx, id, &changes, now)?;
        queries::load(tx, id)
    })
}

/// `(field, old, new)` of every changed name part and membership field.
fn diff(old: &PersonRecord, new: &PersonInput) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut field = |label: String, a: &str, b: &str| {
        if a != b {
            out.push((label, a.to_string(), b.to_string()));
        }
    };
    field("Фамилия".into(), &old.surname, &new.surname);
    field("Имя".into(), &old.name, &new.name);
    field("Отчество".into(), &old.patronymic, &new.patronymic);
    for m in &new.memberships {
        if let Some(o) = old
            .memberships
            .iter()
            .find(|o| o.partner_id == m.partner_id)
        {
            let at = &o.partner_name;
            field(format!("Роль — {at}"), &o.role, &m.role);
            field(format!("Телефон — {at}"), &o.phone, &m.phone);
            field(format!("Эл. почта — {at}"), &o.email, &m.email);
        }
    }
    out
}

/// Runs `change` and writes what it changed in each of `partner_ids` to
/// that partner's history and search row, as the partner form would.
fn with_partner_history(
    tx: &Connection,
    partner_ids: &[i64],
    now: NaiveDateTime,
    change: impl FnOnce() -> Result<()>,
) -> Result<()> {
    let mut before = Vec::with_capacity(partner_ids.len());
    for pid in partner_ids {
        before.push(partners::queries::load(tx, *pid)?);
    }
    change()?;
    for old in before {
        let new = partners::queries::load(tx, old.id)?;
        let changes = partners::history::diff(&old.data, &new.data);
        if !changes.is_empty() {
            partners::queries::add_history(tx, old.id, &changes, now)?;
            partners::queries::reindex(tx, &new)?;
        }
    }
    Ok(())
}

/// Merges record `other` into `keep` (two records of the same person):
/// every membership, note and responsibility moves to `keep`, an empty name
/// part or membership field of `keep` is filled from `other`, the history
/// of both stays with `keep` with the merge recorded, and `other` goes.
pub fn merge(
    storage: &mut Storage,
    keep: i64,
    other: i64,
    now: NaiveDateTime,
) -> Result<PersonRecord> {
    if keep == other {
        return Err(CoreError::BadInput(
            "Выберите другую запись: человека нельзя объединить с самим собой.".into(),
        ));
    }
    get(storage, keep)?;
    get(storage, other)?;
    storage.write(|tx| {
        let kept = queries::load(tx, keep)?;
        let gone = queries::load(tx, other)?;
        let mut partner_ids = queries::partner_ids(tx, keep)?;
        partner_ids.extend(queries::partner_ids(tx, other)?);
        partner_ids.sort_unstable();
        partner_ids.dedup();
        let mut changes = Vec::new();
        let pick = |label: &str, k: &str, o: &str, changes: &mut Vec<_>| {
            if k.is_empty() && !o.is_empty() {
                changes.push((label.to_string(), String::new(), o.to_string()));
                o.to_string()
            } else {
                k.to_string()
            }
        };
        let name = pick("Имя", &kept.name, &gone.name, &mut changes);
        let patronymic = pick("Отчество", &kept.patronymic, &gone.patronymic, &mut changes);
        with_partner_history(tx, &partner_ids, now, || {
            queries::set_names(tx, keep, &kept.surname, &name, &patronymic)?;
            queries::move_references(tx, other, keep)?;
            queries::delete(tx, other)
        })?;
        let shown = text::surname_initials(&kept.surname, &name, &patronymic);
        queries::rename_responsible(tx, keep, &shown)?;
        changes.insert(0, merge_entry(&gone));
        queries::add_history(tx, keep, &changes, now)?;
        queries::load(tx, keep)
    })
}

/// «Объединение»: the record that went, with its organisations, so the
/// history says what was merged in.
fn merge_entry(gone: &PersonRecord) -> (String, String, String) {
    let orgs: Vec<&str> = gone
        .memberships
        .iter()
        .map(|m| m.partner_name.as_str())
        .collect();
    let mut was = format!("{} (запись № {})", gone.full_name(), gone.id);
    if !orgs.is_empty() {
        was.push_str(&format!(" — {}", orgs.join(", ")));
    }
    (
        "Объединение".into(),
        was,
        "объединена с этой записью: организации, заметки и ответственность перенесены".into(),
    )
}

/// The responsible of an event or an agreement picked from the persons:
/// the text becomes the person's «Фамилия И.О.»; a person who is not there
/// (removed meanwhile) is the problem of field `responsible_person_id`.
pub fn link_responsible(
    conn: &Connection,
    person_id: Option<i64>,
    text: &mut String,
) -> Result<Option<FieldError>> {
    let Some(id) = person_id else {
        return Ok(None);
    };
    Ok(match queries::short_name(conn, id)? {
        Some(name) => {
            *text = name;
            None
        }
        None => Some(FieldError::new(
            "responsible_person_id",
            "Этого человека больше нет в контактах: выберите ответственного заново или впишите имя.",
        )),
    })
}

/// `found` with one more field problem: a refused form names every problem.
pub fn with_problem<T>(problem: Option<FieldError>, found: Result<T>) -> Result<T> {
    match (problem, found) {
        (None, found) => found,
        (Some(p), Ok(_)) => Err(CoreError::Validation(vec![p])),
        (Some(p), Err(CoreError::Validation(mut fields))) => {
            fields.push(p);
            Err(CoreError::Validation(fields))
        }
        (Some(_), Err(other)) => Err(other),
    }
}
