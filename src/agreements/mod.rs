//! Agreements (договоры и соглашения, DOMAIN.md §3): records, numbering,
//! the lifecycle with its history, reminders and attached files.
//!
//! Every function takes the storage and, where it writes, the current time
//! (`now`) or the day (`today`): the caller decides, so tests are
//! deterministic.
//!
//! Editing rule: the content (kind, number, date, place, parties, subject,
//! Art. 15 items, start date, prolongation, plan) can be changed only while
//! the agreement is «черновик» or «на согласовании». Once signed, only the
//! responsible person, the notes and the end date (after a prolongation)
//! can change; anything else is refused with the list of what was changed.

pub mod attachments;
pub mod expiry;
pub mod heading;
pub mod leftovers;
pub mod lifecycle;
pub mod model;
pub mod numbering;
pub mod output;
pub mod parties;
pub mod queries;
pub mod reminders;
pub mod render;
pub mod template_files;
pub mod templates_store;
pub mod term;
pub mod validate;
pub mod variants;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;
use lifecycle::{capitalized, title};
use model::{
    Agreement, AgreementFilter, AgreementInput, AgreementStatus, AgreementSummary, StatusChange,
};

pub use expiry::{keep_statuses, StatusKept};
pub use lifecycle::{allowed_next, set_status, signing_problems};
pub use reminders::{reminder_count, reminders};
pub use term::in_force_during;

/// Checks a form without saving: the problems it would be refused for.
pub fn check(
    storage: &Storage,
    input: &AgreementInput,
    id: Option<i64>,
    now: NaiveDateTime,
) -> Result<Vec<FieldError>> {
    let result = match id {
        None => prepare(storage.conn(), input.clone(), None, now),
        Some(id) => {
            let old = get(storage, id)?;
            prepare_update(storage.conn(), &old, input.clone(), now)
        }
    };
    match result {
        Ok(_) => Ok(Vec::new()),
        Err(CoreError::Validation(fields)) => Ok(fields),
        Err(other) => Err(other),
    }
}

/// The number a new agreement dated `date` (or today) would get.
pub fn suggest_number(
    storage: &Storage,
    date: Option<NaiveDate>,
    now: NaiveDateTime,
) -> Result<String> {
    let scheme = crate::settings::get(storage)?.number_scheme;
    let year = date.unwrap_or(now.date()).year();
    numbering::next_number(storage.conn(), &scheme, year)
}

/// The number the next agreement of this year gets by `scheme` — the one
/// being typed in Настройки, before it is saved — counting the agreements
/// already numbered by it. A scheme the settings would refuse is refused
/// with the same message.
pub fn number_preview(storage: &Storage, scheme: &str, now: NaiveDateTime) -> Result<String> {
    let scheme = scheme.trim();
    crate::settings::number_scheme::check_scheme(scheme)
        .map_err(|r| CoreError::Validation(vec![r.at("number_scheme")]))?;
    numbering::next_number(storage.conn(), scheme, now.date().year())
}

/// Normalises the form and runs the checks that need the database: the
/// partners exist and are not in the trash, the number is free (or is
/// given by the scheme), the place defaults to the settings' one.
pub fn prepare(
    conn: &Connection,
    mut input: AgreementInput,
    id: Option<i64>,
    now: NaiveDateTime,
) -> Result<AgreementInput> {
    let person = crate::persons::link_responsible(
        conn,
        input.responsible_person_id,
        &mut input.responsible,
    )?;
    crate::persons::with_problem(person, prepare_linked(conn, input, id, now))
}

/// [`prepare`] once the responsible picked from «Контакты» is named.
fn prepare_linked(
    conn: &Connection,
    input: AgreementInput,
    id: Option<i64>,
    now: NaiveDateTime,
) -> Result<AgreementInput> {
    let mut problems = party_problems(conn, &input)?;
    problems.extend(variants::choice_problem(conn, &input)?);
    let mut input = match validate::normalize_agreement(input) {
        Ok(input) => input,
        Err(mut fields) => {
            fields.append(&mut problems);
            return Err(CoreError::Validation(fields));
        }
    };
    let settings = crate::settings::load(conn)?;
    if input.number.is_empty() {
        let year = input.date.unwrap_or(now.date()).year();
        input.number = numbering::next_number(conn, &settings.number_scheme, year)?;
    } else if let Some(other) = numbering::taken_by(conn, &input.number, id)? {
        let holder = queries::load(conn, other)?;
        problems.push(FieldError::new(
            "number",
            format!(
                "Номер «{}» уже занят: {} от {}. Укажите другой номер или оставьте поле \
                 пустым — номер будет присвоен по схеме.",
                input.number,
                title(&holder),
                holder
                    .data
                    .date
                    .map(validate::fmt_date)
                    .unwrap_or_else(|| "без даты".to_string())
            ),
        ));
    }
    if input.place.is_empty() {
        input.place = settings.place;
    }
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(CoreError::Validation(problems))
    }
}

fn party_problems(conn: &Connection, input: &AgreementInput) -> Result<Vec<FieldError>> {
    let mut out = Vec::new();
    for (i, party) in input.parties.iter().enumerate() {
        if party.partner_id <= 0 {
            continue;
        }
        let field = format!("parties.{i}.partner_id");
        match queries::partner_state(conn, party.partner_id)? {
            None => out.push(FieldError::new(
                field,
                format!(
                    "Партнёр № {} не найден в реестре: выберите партнёра из списка.",
                    party.partner_id
                ),
            )),
            Some((name, true)) => out.push(FieldError::new(
                field,
                format!(
                    "Партнёр «{name}» в корзине: восстановите его или выберите другого партнёра."
                ),
            )),
            Some(_) => {}
        }
    }
    Ok(out)
}

/// Creates an agreement as «черновик»; the number comes from the scheme
/// when left empty.
pub fn create(
    storage: &mut Storage,
    input: AgreementInput,
    now: NaiveDateTime,
) -> Result<Agreement> {
    let input = prepare(storage.conn(), input, None, now)?;
    storage.write(|tx| insert_prepared(tx, &input, now))
}

/// Writes an already prepared form inside the caller's transaction.
pub fn insert_prepared(
    tx: &rusqlite::Transaction,
    input: &AgreementInput,
    now: NaiveDateTime,
) -> Result<Agreement> {
    let id = queries::insert(tx, input, AgreementStatus::Draft, now)?;
    queries::add_history(
        tx,
        id,
        None,
        AgreementStatus::Draft,
        now.date(),
        "создан",
        now,
    )?;
    queries::load(tx, id)
}

/// The labels of the content fields that differ between two forms.
fn changed_content(old: &AgreementInput, new: &AgreementInput) -> Vec<&'static str> {
    let checks = [
        (old.kind != new.kind, "вид"),
        (old.number != new.number, "номер"),
        (old.date != new.date, "дата"),
        (old.place != new.place, "место заключения"),
        (
            old.own_role != new.own_role || old.parties != new.parties,
            "стороны",
        ),
        (old.subject != new.subject, "предмет"),
        (old.art15 != new.art15, "пункты статьи 15"),
        (old.start_date != new.start_date, "дата начала"),
        (
            old.auto_prolong != new.auto_prolong || old.prolong_months != new.prolong_months,
            "автоматическое продление",
        ),
        (old.plan != new.plan, "план мероприятий"),
        (old.template_id != new.template_id, "шаблон"),
    ];
    checks
        .into_iter()
        .filter_map(|(changed, label)| changed.then_some(label))
        .collect()
}

fn prepare_update(
    conn: &Connection,
    old: &Agreement,
    mut input: AgreementInput,
    now: NaiveDateTime,
) -> Result<AgreementInput> {
    if old.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "{} в корзине: сначала восстановите его, потом изменяйте.",
            capitalized(&title(old))
        )));
    }
    if input.number.trim().is_empty() {
        input.number = old.data.number.clone();
    }
    if old.status.content_editable() {
        return prepare(conn, input, Some(old.id), now);
    }
    // Signed: the parties are as signed (a partner may be in the trash
    // since), so only the form itself is checked.
    if input.place.trim().is_empty() {
        input.place = old.data.place.clone();
    }
    let person = crate::persons::link_responsible(
        conn,
        input.responsible_person_id,
        &mut input.responsible,
    )?;
    let input = crate::persons::with_problem(
        person,
        validate::normalize_agreement(input).map_err(CoreError::Validation),
    )?;
    let changed = changed_content(&old.data, &input);
    if !changed.is_empty() {
        return Err(CoreError::Conflict(format!(
            "{} уже {} (статус «{}»): после подписания можно менять только \
             ответственного, заметки и дату окончания. Изменено: {}. Изменения содержания \
             оформляются дополнительным соглашением.",
            capitalized(&title(old)),
            match old.data.kind {
                model::AgreementKind::NetworkProgram => "подписан",
                model::AgreementKind::Cooperation => "подписано",
            },
            old.status.label(),
            changed.join(", ")
        )));
    }
    Ok(input)
}

/// Saves an edited form (see the editing rule at the top of this module).
pub fn update(
    storage: &mut Storage,
    id: i64,
    input: AgreementInput,
    now: NaiveDateTime,
) -> Result<Agreement> {
    let old = get(storage, id)?;
    let input = prepare_update(storage.conn(), &old, input, now)?;
    storage.write(|tx| {
        queries::update(tx, id, &input, now)?;
        queries::load(tx, id)
    })
}

pub fn get(storage: &Storage, id: i64) -> Result<Agreement> {
    queries::load(storage.conn(), id)
}

fn summaries(
    storage: &Storage,
    trashed: bool,
    filter: &AgreementFilter,
    today: NaiveDate,
) -> Result<Vec<AgreementSummary>> {
    let window = crate::settings::get(storage)?.reminder_days;
    let words = crate::text::search_terms(&filter.query);
    Ok(
        queries::summaries(storage.conn(), trashed, filter.partner_id)?
            .into_iter()
            .filter(|l| words.iter().all(|w| contains_term(&l.haystack, w)))
            .map(|l| {
                let mut s = l.summary;
                s.needs_attention =
                    reminders::attention(s.status, s.end_date, today, window).is_some();
                s
            })
            .filter(|s| filter.kinds.is_empty() || filter.kinds.contains(&s.kind))
            .filter(|s| filter.statuses.is_empty() || filter.statuses.contains(&s.status))
            .filter(|s| !filter.ending_soon || s.needs_attention)
            .collect(),
    )
}

/// A term is found inside words, except a bare number, which must be a
/// whole number: «2» finds «СОШ № 2» but not «2026».
fn contains_term(haystack: &str, term: &str) -> bool {
    if !term.chars().all(|c| c.is_ascii_digit()) {
        return haystack.contains(term);
    }
    haystack.match_indices(term).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + term.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Agreements not in the trash matching the filter, newest first. The
/// search looks in the number, the subject and the partners' names.
pub fn list(
    storage: &Storage,
    filter: &AgreementFilter,
    today: NaiveDate,
) -> Result<Vec<AgreementSummary>> {
    summaries(storage, false, filter, today)
}

pub fn trash_list(storage: &Storage, today: NaiveDate) -> Result<Vec<AgreementSummary>> {
    summaries(storage, true, &AgreementFilter::default(), today)
}

/// The agreements a partner is a party of, for the partner card.
pub fn agreements_of_partner(
    storage: &Storage,
    partner_id: i64,
    today: NaiveDate,
) -> Result<Vec<AgreementSummary>> {
    let filter = AgreementFilter {
        partner_id: Some(partner_id),
        ..AgreementFilter::default()
    };
    list(storage, &filter, today)
}

/// Full records of all agreements not in the trash (export, the CLI); a
/// damaged row is left out, as in the list.
pub fn all(storage: &Storage, today: NaiveDate) -> Result<Vec<Agreement>> {
    let mut out = Vec::new();
    for s in list(storage, &AgreementFilter::default(), today)? {
        out.extend(crate::error::rows::unless_damaged(get(storage, s.id))?);
    }
    Ok(out)
}

/// The status changes, oldest first (the first one is the creation).
pub fn history(storage: &Storage, id: i64) -> Result<Vec<StatusChange>> {
    get(storage, id)?;
    queries::history(storage.conn(), id)
}

/// Moves an agreement to the trash; it can be restored. Its number is then
/// free for a manual number, but the scheme never gives it again.
pub fn trash(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    let a = get(storage, id)?;
    if a.deleted_at.is_some() {
        return Ok(());
    }
    storage.write(|tx| queries::set_deleted(tx, id, Some(now)))
}

pub fn restore(storage: &mut Storage, id: i64) -> Result<()> {
    let a = get(storage, id)?;
    if a.deleted_at.is_none() {
        return Ok(());
    }
    if let Some(other) = numbering::taken_by(storage.conn(), &a.data.number, Some(id))? {
        let holder = get(storage, other)?;
        return Err(CoreError::Conflict(format!(
            "Нельзя восстановить {}: этот номер уже у другого документа ({}). \
             Измените номер одного из них.",
            title(&a),
            title(&holder)
        )));
    }
    storage.write(|tx| queries::set_deleted(tx, id, None))
}

/// Deletes an agreement from the trash for good, with its files.
pub fn purge(storage: &mut Storage, id: i64) -> Result<()> {
    let a = get(storage, id)?;
    if a.deleted_at.is_none() {
        return Err(CoreError::Conflict(format!(
            "{} не в корзине: навсегда удалить можно только из корзины.",
            capitalized(&title(&a))
        )));
    }
    storage.write(|tx| queries::purge(tx, id))?;
    attachments::remove_folder(storage, id);
    Ok(())
}

/// Numbers of the agreements (in the trash too) a partner is a party of:
/// while there are any, the partner cannot be deleted for good.
pub fn numbers_of_partner(storage: &Storage, partner_id: i64) -> Result<Vec<String>> {
    queries::numbers_of_partner(storage.conn(), partner_id)
}
