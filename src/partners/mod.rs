//! The partner registry: create, edit, search, trash and history.
//!
//! Every function takes the storage and, where it writes, the current time:
//! the caller decides what "now" is, so tests are deterministic.

pub mod bulk_queries;
pub mod duplicates;
pub mod history;
pub mod list_queries;
pub mod model;
pub mod note_queries;
pub mod notes;
pub mod order;
pub mod own_field_queries;
pub mod own_fields;
pub mod own_values;
pub mod queries;
pub mod search;
pub mod tie_queries;
pub mod ties;
pub mod validate;

use chrono::NaiveDateTime;

use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;
use model::{
    HistoryEntry, NoteInput, Partner, PartnerFilter, PartnerInput, PartnerSummary, Person,
};

/// Checks a form without saving: the problems the form would be refused for.
pub fn check(
    storage: &Storage,
    input: &PartnerInput,
    id: Option<i64>,
    now: NaiveDateTime,
) -> Result<Vec<FieldError>> {
    match prepare(storage, input.clone(), id, now) {
        Ok(_) => Ok(Vec::new()),
        Err(CoreError::Validation(fields)) => Ok(fields),
        Err(other) => Err(other),
    }
}

fn prepare(
    storage: &Storage,
    input: PartnerInput,
    id: Option<i64>,
    now: NaiveDateTime,
) -> Result<PartnerInput> {
    let fields = own_field_queries::live(storage.conn())?;
    let own = own_values::normalize(&fields, &input.own_fields);
    let input = match (validate::normalize_partner(input, now.date()), own) {
        (Ok(mut input), Ok(own)) => {
            input.own_fields = own;
            input
        }
        (checked, own) => {
            let mut problems = checked.err().unwrap_or_default();
            problems.extend(own.err().unwrap_or_default());
            return Err(CoreError::Validation(problems));
        }
    };
    duplicates::refuse(storage.conn(), &input, id)?;
    Ok(input)
}

pub fn create(storage: &mut Storage, input: PartnerInput, now: NaiveDateTime) -> Result<Partner> {
    let input = prepare(storage, input, None, now)?;
    storage.write(|tx| insert_prepared(tx, &input, now))
}

/// Checks a form as [`create`] would, without writing.
pub fn prepare_new(
    storage: &Storage,
    input: PartnerInput,
    now: NaiveDateTime,
) -> Result<PartnerInput> {
    prepare(storage, input, None, now)
}

/// Writes an already checked form inside the caller's transaction.
pub fn insert_prepared(
    tx: &rusqlite::Transaction,
    input: &PartnerInput,
    now: NaiveDateTime,
) -> Result<Partner> {
    let (input, legacy) = without_notes(input);
    let id = queries::insert(tx, &input, now)?;
    own_field_queries::write_values(tx, id, &input.own_fields)?;
    add_legacy_note(tx, id, &legacy, "", now)?;
    let partner = queries::load(tx, id)?;
    queries::reindex(tx, &partner)?;
    queries::add_history(
        tx,
        id,
        &[("Запись".into(), String::new(), "создана".into())],
        now,
    )?;
    Ok(partner)
}

/// The form without the old single «Заметки» field, and that field's text:
/// notes are dated entries now, the field stays empty (migration 008).
fn without_notes(input: &PartnerInput) -> (PartnerInput, String) {
    let mut input = input.clone();
    let legacy = std::mem::take(&mut input.notes);
    (input, legacy)
}

/// Text sent in the old «Заметки» field (the CLI's JSON, an older client)
/// becomes a dated note of today, unless it is what the field held already.
fn add_legacy_note(
    tx: &rusqlite::Transaction,
    partner_id: i64,
    text: &str,
    stored: &str,
    now: NaiveDateTime,
) -> Result<()> {
    let text = text.trim();
    if text.is_empty() || text == stored.trim() {
        return Ok(());
    }
    let note = NoteInput {
        date: Some(now.date()),
        text: text.to_string(),
        person_id: None,
    };
    note_queries::insert(tx, partner_id, &note, now)?;
    Ok(())
}

pub fn update(
    storage: &mut Storage,
    id: i64,
    input: PartnerInput,
    now: NaiveDateTime,
) -> Result<Partner> {
    let old = get(storage, id)?;
    if old.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "Партнёр «{}» в корзине: сначала восстановите его, потом изменяйте.",
            old.data.short_name
        )));
    }
    let input = prepare(storage, input, Some(id), now)?;
    storage.write(|tx| update_prepared(tx, &old, &input, now))
}

/// Writes an already checked form over partner `old` inside the caller's
/// transaction, with its history (an import updates many in one).
pub fn update_prepared(
    tx: &rusqlite::Transaction,
    old: &Partner,
    input: &PartnerInput,
    now: NaiveDateTime,
) -> Result<Partner> {
    let id = old.id;
    let (input, legacy) = without_notes(input);
    add_legacy_note(tx, id, &legacy, &old.data.notes, now)?;
    queries::update(tx, id, &input, now)?;
    own_field_queries::write_values(tx, id, &input.own_fields)?;
    let partner = queries::load(tx, id)?;
    queries::reindex(tx, &partner)?;
    let mut changes = history::diff(&old.data, &partner.data);
    let fields = own_field_queries::live(tx)?;
    changes.extend(own_values::diff(
        &fields,
        &old.data.own_fields,
        &partner.data.own_fields,
    ));
    queries::add_history(tx, id, &changes, now)?;
    Ok(partner)
}

pub fn get(storage: &Storage, id: i64) -> Result<Partner> {
    queries::load(storage.conn(), id)
}

/// Live partners matching the filter, sorted by short name.
pub fn list(storage: &Storage, filter: &PartnerFilter) -> Result<Vec<PartnerSummary>> {
    let rows = list_queries::summaries(storage.conn(), filter, false)?;
    Ok(order::sort(rows, order::PartnerSort::default()))
}

/// The ids of the list with its search and filters, in the order of `sort`:
/// the window draws the rows it shows, asked by [`summaries_of`].
pub fn list_ids(
    storage: &Storage,
    filter: &PartnerFilter,
    sort: order::PartnerSort,
) -> Result<Vec<i64>> {
    let rows = list_queries::order_rows(storage.conn(), filter)?;
    let own = match (sort.key, sort.own_field) {
        (order::PartnerSortKey::Own, Some(id)) => own_column(storage, id)?,
        _ => None,
    };
    Ok(order::sort_with(rows, sort, own.as_ref())
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// Her field `id` with every partner's value, for sorting by it; `None`
/// when the field is gone (the list then sorts by name).
fn own_column(storage: &Storage, id: i64) -> Result<Option<order::OwnColumn>> {
    let conn = storage.conn();
    let field = match own_field_queries::get(conn, id) {
        Ok(field) => field,
        Err(CoreError::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let values = own_field_queries::values_of_field(conn, id)?
        .into_iter()
        .collect();
    Ok(Some(order::OwnColumn { field, values }))
}

/// The list's rows of `ids`, in that order (at most [`SUMMARIES_AT_ONCE`]); an
/// id that is gone or damaged is left out.
pub fn summaries_of(storage: &Storage, ids: &[i64]) -> Result<Vec<PartnerSummary>> {
    let ids = &ids[..ids.len().min(SUMMARIES_AT_ONCE)];
    let mut found: std::collections::HashMap<i64, PartnerSummary> =
        list_queries::summaries_by_ids(storage.conn(), ids)?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// A page of the window's list is a few screens; more in one call is refused
/// quietly (cut), never a 10 000-row answer.
pub const SUMMARIES_AT_ONCE: usize = 500;

/// Full records of all live partners (for export and the CLI).
pub fn all(storage: &Storage) -> Result<Vec<Partner>> {
    bulk_queries::load_all_live(storage.conn())
}

/// [`all`] with only what the network's read models use (type, relation,
/// short name, stage, contacts, resources, creation time): they load every
/// partner at each visit.
pub fn all_lean(storage: &Storage) -> Result<Vec<Partner>> {
    bulk_queries::load_all_lean(storage.conn())
}

/// Moves a partner to the trash; it can be restored.
pub fn trash(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    let partner = get(storage, id)?;
    if partner.deleted_at.is_some() {
        return Ok(());
    }
    storage.write(|tx| {
        queries::set_deleted(tx, id, Some(now))?;
        queries::add_history(
            tx,
            id,
            &[(
                "Корзина".into(),
                String::new(),
                "перемещён в корзину".into(),
            )],
            now,
        )
    })
}

pub fn restore(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    let partner = get(storage, id)?;
    if partner.deleted_at.is_none() {
        return Ok(());
    }
    let r = &partner.data.requisites;
    storage.write(|tx| {
        // Inside the transaction: another process may have added it since.
        if !r.inn.is_empty() {
            if let Some(other) = duplicates::same_inn(tx, &r.inn, &r.kpp, Some(id))? {
                return Err(CoreError::Conflict(format!(
                    "Нельзя восстановить «{}»: в реестре уже есть партнёр с тем же ИНН — «{other}».",
                    partner.data.short_name
                )));
            }
        }
        queries::set_deleted(tx, id, None)?;
        queries::add_history(
            tx,
            id,
            &[("Корзина".into(), "в корзине".into(), "восстановлен".into())],
            now,
        )
    })
}

/// Deletes a partner from the trash for good, once `still_referenced`
/// (asked after the trash check) has no objection. Only the crate calls it:
/// what refers to a partner is decided above the registry, in
/// [`crate::trash::purge_partner`].
pub(crate) fn purge(
    storage: &mut Storage,
    id: i64,
    still_referenced: impl FnOnce(&Storage, &Partner) -> Result<()>,
) -> Result<()> {
    let partner = get(storage, id)?;
    if partner.deleted_at.is_none() {
        return Err(CoreError::Conflict(format!(
            "«{}» не в корзине: навсегда удалить можно только из корзины.",
            partner.data.short_name
        )));
    }
    still_referenced(storage, &partner)?;
    storage.write(|tx| queries::purge(tx, id))
}

/// Partners in the trash, in the list's order.
pub fn trash_list(storage: &Storage) -> Result<Vec<PartnerSummary>> {
    let rows = list_queries::summaries(storage.conn(), &PartnerFilter::default(), true)?;
    Ok(order::sort(rows, order::PartnerSort::default()))
}

pub fn history(storage: &Storage, id: i64) -> Result<Vec<HistoryEntry>> {
    get(storage, id)?;
    queries::history(storage.conn(), id)
}

pub fn persons(storage: &Storage) -> Result<Vec<Person>> {
    queries::persons(storage.conn())
}
