//! Several templates per agreement kind (issue 14 §5): she keeps one for
//! schools and one for museums and chooses it in the agreement editor. The
//! built-in template of a kind is always there and never changes; hers are
//! named, renamed, copied and deleted; one of a kind is the default for
//! new agreements and for those that chose none.

use chrono::NaiveDateTime;
use rusqlite::Connection;

use crate::agreements::model::{AgreementInput, AgreementKind, AgreementTemplate};
use crate::agreements::render;
use crate::agreements::templates_store::{self as store, StoredTemplate};
use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;

/// The name a first template of hers takes when she saves the built-in one
/// edited (and the migration gives her old edited template).
pub const FIRST_NAME: &str = "Мой шаблон";

/// The templates of `kind`: the built-in one first, then hers by name.
pub fn list(conn: &Connection, kind: AgreementKind) -> Result<Vec<AgreementTemplate>> {
    Ok(store::list(conn, kind)?
        .into_iter()
        .map(store::full)
        .collect())
}

pub fn get(conn: &Connection, id: i64) -> Result<AgreementTemplate> {
    store::get(conn, id).map(store::full)
}

/// The default template of `kind`.
pub fn default_of(conn: &Connection, kind: AgreementKind) -> Result<AgreementTemplate> {
    store::default_of(conn, kind).map(store::full)
}

/// The editor's «Шаблон» checked: a chosen template exists and is of the
/// agreement's kind.
pub fn choice_problem(conn: &Connection, data: &AgreementInput) -> Result<Option<FieldError>> {
    let Some(id) = data.template_id else {
        return Ok(None);
    };
    let wrong = |why: String| Ok(Some(FieldError::new("template_id", why)));
    match store::get(conn, id) {
        Ok(row) if row.kind == data.kind => Ok(None),
        Ok(row) => wrong(format!(
            "Шаблон «{}» — для другого вида договора: выберите шаблон из списка «Шаблон».",
            row.name
        )),
        Err(CoreError::NotFound { .. }) => {
            wrong("Выбранного шаблона больше нет: выберите шаблон из списка «Шаблон».".into())
        }
        Err(e) => Err(e),
    }
}

/// A name checked: not empty, one line, not taken by another template of
/// the kind (letter case and «ё» aside).
fn checked_name(
    conn: &Connection,
    kind: AgreementKind,
    name: &str,
    except: Option<i64>,
) -> Result<String> {
    let wrong = |why: String| CoreError::Validation(vec![FieldError::new("name", why)]);
    let name = crate::validation::fields::line("Название шаблона", name).map_err(|r| wrong(r.0))?;
    if name.is_empty() {
        return Err(wrong(
            "Укажите название шаблона, например «Для школ».".into(),
        ));
    }
    let key = crate::text::fold(&name);
    if let Some(other) = store::list(conn, kind)?
        .into_iter()
        .find(|t| Some(t.id) != except && crate::text::fold(&t.name) == key)
    {
        return Err(wrong(format!(
            "Шаблон «{}» уже есть: выберите другое название.",
            other.name
        )));
    }
    Ok(name)
}

/// A text checked: its length first (a huge one is refused before it is
/// parsed), then its syntax and a trial run.
fn checked_source(source: &str) -> Result<()> {
    crate::validation::fields::text("Шаблон договора", source)
        .map_err(|r| CoreError::BadInput(r.0))?;
    render::validate_template(source)
}

fn own(conn: &Connection, id: i64, what: &str) -> Result<StoredTemplate> {
    let row = store::get(conn, id)?;
    if row.source.is_none() {
        return Err(CoreError::Conflict(format!(
            "Стандартный шаблон {what} нельзя: он поставляется с программой. \
             Сделайте свой — «Новый шаблон»."
        )));
    }
    Ok(row)
}

/// «Новый шаблон», «Копировать»: a template of hers named `name` with the
/// text `source` (the current one's, copied by the page).
pub fn create(
    storage: &mut Storage,
    kind: AgreementKind,
    name: &str,
    source: &str,
    now: NaiveDateTime,
) -> Result<AgreementTemplate> {
    checked_source(source)?;
    let id = storage.write(|tx| {
        let name = checked_name(tx, kind, name, None)?;
        store::insert(tx, kind, &name, source, now)
    })?;
    get(storage.conn(), id)
}

/// Saves the edited text of her template `id`.
pub fn save(
    storage: &mut Storage,
    id: i64,
    source: &str,
    now: NaiveDateTime,
) -> Result<AgreementTemplate> {
    own(storage.conn(), id, "изменить")?;
    checked_source(source)?;
    storage.write(|tx| store::set_source(tx, id, source, now))?;
    get(storage.conn(), id)
}

/// The text edited from the kind's default: saved into it, or, while the
/// default is the built-in template, kept as a new «Мой шаблон» (or «Мой
/// шаблон 2» …) that becomes the default, so that what she edited is what
/// her agreements print.
pub fn save_default(
    storage: &mut Storage,
    kind: AgreementKind,
    source: &str,
    now: NaiveDateTime,
) -> Result<AgreementTemplate> {
    let current = default_of(storage.conn(), kind)?;
    if !current.builtin {
        return save(storage, current.id, source, now);
    }
    checked_source(source)?;
    let id = storage.write(|tx| {
        let name = free_name(tx, kind, FIRST_NAME)?;
        let id = store::insert(tx, kind, &name, source, now)?;
        store::set_default(tx, kind, id)?;
        Ok(id)
    })?;
    get(storage.conn(), id)
}

/// `base`, or «`base` 2», «`base` 3» … : the first name no template of
/// `kind` has (letter case and «ё» aside).
pub fn free_name(conn: &Connection, kind: AgreementKind, base: &str) -> Result<String> {
    let taken: Vec<String> = store::list(conn, kind)?
        .into_iter()
        .map(|t| crate::text::fold(&t.name))
        .collect();
    Ok((1..)
        .map(|n| match n {
            1 => base.to_string(),
            n => format!("{base} {n}"),
        })
        .find(|n| !taken.contains(&crate::text::fold(n)))
        .unwrap_or_else(|| base.to_string()))
}

pub fn rename(
    storage: &mut Storage,
    id: i64,
    name: &str,
    now: NaiveDateTime,
) -> Result<AgreementTemplate> {
    let row = own(storage.conn(), id, "переименовать")?;
    storage.write(|tx| {
        let name = checked_name(tx, row.kind, name, Some(id))?;
        store::set_name(tx, id, &name, now)
    })?;
    get(storage.conn(), id)
}

/// «Сбросить к стандартному»: her template `id` gets the built-in text
/// back, keeping its name and the agreements that chose it.
pub fn reset(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<AgreementTemplate> {
    let row = store::get(storage.conn(), id)?;
    if row.source.is_some() {
        let builtin = render::default_template(row.kind);
        storage.write(|tx| store::set_source(tx, id, builtin, now))?;
    }
    get(storage.conn(), id)
}

/// «По умолчанию»: `id` is chosen for new agreements of its kind and for
/// those that chose none.
pub fn set_default(storage: &mut Storage, id: i64) -> Result<AgreementTemplate> {
    let row = store::get(storage.conn(), id)?;
    storage.write(|tx| store::set_default(tx, row.kind, id))?;
    get(storage.conn(), id)
}

/// Deletes her template `id`. The agreements that chose it, and the kind's
/// default if it was, go back to the kind's default (the built-in one when
/// it was the default itself); how many agreements moved.
pub fn delete(storage: &mut Storage, id: i64) -> Result<usize> {
    let row = own(storage.conn(), id, "удалить")?;
    storage.write(|tx| {
        if row.is_default {
            if let Some(builtin) = store::list(tx, row.kind)?
                .into_iter()
                .find(|t| t.source.is_none())
            {
                store::set_default(tx, row.kind, builtin.id)?;
            }
        }
        store::delete(tx, id)
    })
}
