//! Typed ties between two organisations (issue 11 §1): сетевое
//! взаимодействие, социальное партнёрство, шефство or «другое», from a date,
//! maybe until one. Either side may be the user's own institution (`None`).
//! Every change is written to the history of each partner it touches.

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::{CoreError, FieldError, Result};
use crate::organisation::validate::{trim_text, Problems};
use crate::partners::model::{Tie, TieInput, TieKind};
use crate::partners::{queries, tie_queries};
use crate::storage::Storage;

const MAX_NOTE: usize = 2_000;
/// The history field of tie entries.
pub const HISTORY_FIELD: &str = "Связь";

fn fmt_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Checks and normalises a tie form against the registry; every problem as
/// a Russian message on its field.
fn prepare(storage: &Storage, input: TieInput) -> Result<TieInput> {
    prepare_on(storage.conn(), input)
}

/// [`prepare`] on a connection: the exchange checks a package's ties inside
/// its transaction, after the partners they name are written.
pub fn prepare_on(conn: &rusqlite::Connection, mut input: TieInput) -> Result<TieInput> {
    let mut p = Problems::default();
    trim_text(&mut input.note);
    for (field, id) in [("first_id", input.first_id), ("second_id", input.second_id)] {
        if let Some(id) = id {
            match queries::state(conn, id)? {
                None => p.add(
                    field,
                    format!("Партнёр № {id} не найден в реестре: выберите организацию из списка."),
                ),
                Some((name, true)) => p.add(
                    field,
                    format!(
                        "Партнёр «{name}» в корзине: сначала восстановите его, потом указывайте связь."
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    if input.first_id == input.second_id {
        p.add(
            "second_id",
            "Связь организации с самой собой не указывается: выберите другую организацию.",
        );
    }
    for e in [
        crate::validation::dates::opt_date_problem(
            "start_date",
            "Дата начала связи",
            input.start_date,
        ),
        crate::validation::dates::opt_date_problem(
            "end_date",
            "Дата окончания связи",
            input.end_date,
        ),
    ]
    .into_iter()
    .flatten()
    {
        p.add(e.field, e.message);
    }
    match (input.start_date, input.end_date) {
        (None, _) => p.add("start_date", "Укажите дату начала связи."),
        (Some(start), Some(end)) if end < start => p.add(
            "end_date",
            format!(
                "Дата окончания {} раньше даты начала {}: исправьте одну из дат.",
                fmt_date(end),
                fmt_date(start)
            ),
        ),
        _ => {}
    }
    if input.kind == TieKind::Other && input.note.is_empty() {
        p.add(
            "note",
            "Для вида связи «другое» опишите связь в примечании.",
        );
    }
    let n = input.note.chars().count();
    if n > MAX_NOTE {
        p.add(
            "note",
            format!(
                "Примечание: слишком длинный текст ({n} знаков), допускается не более {MAX_NOTE}."
            ),
        );
    }
    p.into_result(input).map_err(CoreError::Validation)
}

/// Checks a tie form without saving: the problems it would be refused for.
pub fn check(storage: &Storage, input: &TieInput) -> Result<Vec<FieldError>> {
    match prepare(storage, input.clone()) {
        Ok(_) => Ok(Vec::new()),
        Err(CoreError::Validation(fields)) => Ok(fields),
        Err(other) => Err(other),
    }
}

/// The tie as the history of partner `of` shows it:
/// «шефство с МБОУ СОШ № 1 с 01.09.2025 по 31.05.2026 (примечание)».
pub fn describe(tie: &Tie, of: i64) -> String {
    let other = if tie.first_id == Some(of) {
        &tie.second_name
    } else {
        &tie.first_name
    };
    let mut s = format!(
        "{} с «{}» с {}",
        tie.kind.label(),
        other,
        fmt_date(tie.start_date)
    );
    if let Some(end) = tie.end_date {
        s.push_str(&format!(" по {}", fmt_date(end)));
    }
    if !tie.note.is_empty() {
        s.push_str(&format!(" ({})", tie.note));
    }
    s
}

fn parties(tie: &Tie) -> impl Iterator<Item = i64> {
    [tie.first_id, tie.second_id].into_iter().flatten()
}

/// History entries for every partner of `old` or `new`: what the tie was
/// for them and what it is now (empty where it was not or is no more).
fn record(
    tx: &rusqlite::Transaction,
    old: Option<&Tie>,
    new: Option<&Tie>,
    now: NaiveDateTime,
) -> Result<()> {
    let mut ids: Vec<i64> = old.into_iter().chain(new).flat_map(parties).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let shown = |t: Option<&Tie>| {
            t.filter(|t| parties(t).any(|p| p == id))
                .map(|t| describe(t, id))
        };
        let before = shown(old);
        let after = match (shown(new), &before) {
            (None, Some(_)) => Some("удалена".to_string()),
            (after, _) => after,
        };
        let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
        if before != after {
            queries::add_history(tx, id, &[(HISTORY_FIELD.into(), before, after)], now)?;
        }
    }
    Ok(())
}

pub fn add(storage: &mut Storage, input: TieInput, now: NaiveDateTime) -> Result<Tie> {
    let input = prepare(storage, input)?;
    storage.write(|tx| insert_checked(tx, &input, now))
}

/// Writes a tie already checked inside the caller's transaction, with its
/// history (the demo loads its ties this way, in its one transaction).
pub fn insert_checked(
    tx: &rusqlite::Transaction,
    input: &TieInput,
    now: NaiveDateTime,
) -> Result<Tie> {
    let id = tie_queries::insert(tx, input, now)?;
    let tie = tie_queries::load(tx, id)?;
    record(tx, None, Some(&tie), now)?;
    Ok(tie)
}

/// Rewrites a tie already checked inside the caller's transaction, with its
/// history (the exchange updates a tie a newer package brings this way).
pub fn update_checked(
    tx: &rusqlite::Transaction,
    id: i64,
    input: &TieInput,
    now: NaiveDateTime,
) -> Result<Tie> {
    let old = tie_queries::load(tx, id)?;
    tie_queries::update(tx, id, input, now)?;
    let tie = tie_queries::load(tx, id)?;
    record(tx, Some(&old), Some(&tie), now)?;
    Ok(tie)
}

pub fn update(storage: &mut Storage, id: i64, input: TieInput, now: NaiveDateTime) -> Result<Tie> {
    let old = get(storage, id)?;
    let input = prepare(storage, input)?;
    storage.write(|tx| {
        tie_queries::update(tx, id, &input, now)?;
        let tie = tie_queries::load(tx, id)?;
        record(tx, Some(&old), Some(&tie), now)?;
        Ok(tie)
    })
}

pub fn remove(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    let old = get(storage, id)?;
    storage.write(|tx| {
        tie_queries::delete(tx, id)?;
        record(tx, Some(&old), None, now)
    })
}

pub fn get(storage: &Storage, id: i64) -> Result<Tie> {
    crate::error::rows::named(tie_queries::load(storage.conn(), id), "связи", id)
}

/// The ties of a partner, whichever side it is on, the latest started first.
/// Ties with a partner in the trash are left out until it is restored.
pub fn of_partner(storage: &Storage, partner_id: i64) -> Result<Vec<Tie>> {
    if queries::state(storage.conn(), partner_id)?.is_none() {
        return Err(CoreError::NotFound {
            what: "Партнёр",
            id: partner_id,
        });
    }
    tie_queries::of_partner(storage.conn(), partner_id)
}

/// The ties of the own institution with partners not in the trash.
pub fn of_institution(storage: &Storage) -> Result<Vec<Tie>> {
    tie_queries::of_institution(storage.conn())
}
