//! Dated notes of the interaction with a partner («Запись о взаимодействии»,
//! issue 11 §2): a date, the text, maybe one of its contact persons. They
//! replace the single «Заметки» field; migration 007 copied that field into a
//! first dated note, and a later step moves the partner form to these notes.

use chrono::{Months, NaiveDate, NaiveDateTime};

use crate::error::{CoreError, FieldError, Result};
use crate::organisation::validate::{trim_text, Problems};
use crate::partners::model::{Note, NoteInput};
use crate::partners::{note_queries, queries};
use crate::storage::Storage;

const MAX_TEXT: usize = 20_000;

fn fmt_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The partner must exist and be out of the trash to get or change notes.
fn live_partner(storage: &Storage, partner_id: i64) -> Result<()> {
    match queries::state(storage.conn(), partner_id)? {
        None => Err(CoreError::NotFound {
            what: "Партнёр",
            id: partner_id,
        }),
        Some((name, true)) => Err(CoreError::Conflict(format!(
            "Партнёр «{name}» в корзине: сначала восстановите его, потом изменяйте записи."
        ))),
        Some(_) => Ok(()),
    }
}

fn prepare(
    storage: &Storage,
    partner_id: i64,
    mut input: NoteInput,
    today: NaiveDate,
) -> Result<NoteInput> {
    let mut p = Problems::default();
    trim_text(&mut input.text);
    if input.text.is_empty() {
        p.add(
            "text",
            "Запись пустая: напишите, как прошло взаимодействие.",
        );
    }
    let n = input.text.chars().count();
    if n > MAX_TEXT {
        p.add(
            "text",
            format!("Запись слишком длинная ({n} знаков), допускается не более {MAX_TEXT}."),
        );
    }
    let limit = today.checked_add_months(Months::new(12)).unwrap_or(today);
    let too_early = input
        .date
        .filter(|d| *d < limit)
        .and_then(|d| crate::validation::dates::date_problem("date", "Дата записи", d));
    if let Some(e) = too_early {
        p.add(e.field, e.message);
    }
    match input.date {
        None => p.add("date", "Укажите дату записи."),
        Some(d) if d > limit => p.add(
            "date",
            format!(
                "Дата записи {} слишком далеко в будущем: укажите дату не позже {}.",
                fmt_date(d),
                fmt_date(limit)
            ),
        ),
        Some(_) => {}
    }
    if let Some(person) = input.person_id {
        if !note_queries::is_contact(storage.conn(), partner_id, person)? {
            p.add(
                "person_id",
                "Это контактное лицо не из контактов партнёра: выберите из его списка контактов \
                 или оставьте поле пустым.",
            );
        }
    }
    p.into_result(input).map_err(CoreError::Validation)
}

/// Checks a note form without saving: the problems it would be refused for.
pub fn check(
    storage: &Storage,
    partner_id: i64,
    input: &NoteInput,
    now: NaiveDateTime,
) -> Result<Vec<FieldError>> {
    match prepare(storage, partner_id, input.clone(), now.date()) {
        Ok(_) => Ok(Vec::new()),
        Err(CoreError::Validation(fields)) => Ok(fields),
        Err(other) => Err(other),
    }
}

pub fn add(
    storage: &mut Storage,
    partner_id: i64,
    input: NoteInput,
    now: NaiveDateTime,
) -> Result<Note> {
    live_partner(storage, partner_id)?;
    let input = prepare(storage, partner_id, input, now.date())?;
    storage.write(|tx| {
        let id = note_queries::insert(tx, partner_id, &input, now)?;
        note_queries::load(tx, id)
    })
}

pub fn update(
    storage: &mut Storage,
    id: i64,
    input: NoteInput,
    now: NaiveDateTime,
) -> Result<Note> {
    let old = get(storage, id)?;
    live_partner(storage, old.partner_id)?;
    let input = prepare(storage, old.partner_id, input, now.date())?;
    storage.write(|tx| {
        note_queries::update(tx, id, &input, now)?;
        note_queries::load(tx, id)
    })
}

pub fn delete(storage: &mut Storage, id: i64) -> Result<()> {
    let old = get(storage, id)?;
    live_partner(storage, old.partner_id)?;
    storage.write(|tx| note_queries::delete(tx, id))
}

pub fn get(storage: &Storage, id: i64) -> Result<Note> {
    crate::error::rows::named(note_queries::load(storage.conn(), id), "заметки", id)
}

/// The notes of a partner (in the trash too, to be read), newest first.
pub fn of_partner(storage: &Storage, partner_id: i64) -> Result<Vec<Note>> {
    if queries::state(storage.conn(), partner_id)?.is_none() {
        return Err(CoreError::NotFound {
            what: "Партнёр",
            id: partner_id,
        });
    }
    note_queries::of_partner(storage.conn(), partner_id)
}
