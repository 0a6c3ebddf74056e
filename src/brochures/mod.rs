//! Methodical brochures kept in the database: written in the app's editor.
//! Previewing and exporting them as PDF is `reports::directives`' (above
//! the domains), which fills in the directives from the data first.

pub mod images;
pub mod model;
pub mod queries;

use chrono::NaiveDateTime;

use crate::error::{CoreError, Result};
use crate::storage::Storage;
use model::{Brochure, BrochureSummary};

const UNTITLED: &str = "Без названия";

/// The `название:` (or the older `title:`) of the front matter, read
/// leniently: a draft with errors elsewhere still gets its name in the list.
pub fn title_of(source: &str) -> String {
    let mut lines = source.lines();
    if lines.next().map(str::trim) != Some("---") {
        return UNTITLED.to_string();
    }
    lines
        .take_while(|l| l.trim() != "---")
        .find_map(|l| {
            let l = l.trim();
            l.strip_prefix("название:")
                .or_else(|| l.strip_prefix("Название:"))
                .or_else(|| l.strip_prefix("title:"))
        })
        .map(|t| crate::validation::fields::clean_line(t.trim().trim_matches(['"', '\''])))
        // Empty or only invisible characters: no name to list it by.
        .filter(|t| !t.chars().all(crate::validation::fields::is_invisible))
        .unwrap_or_else(|| UNTITLED.to_string())
}

/// The text a new brochure starts from: the title page filled in from the
/// institution profile, and the usual sections to write.
pub fn template(storage: &Storage, year: i32) -> Result<String> {
    let inst = crate::institution::get(storage)?;
    let organization = if inst.full_name.is_empty() {
        "Наименование учреждения".to_string()
    } else {
        inst.full_name
    };
    let unit = if inst.unit.is_empty() {
        "Муниципальный опорный центр".to_string()
    } else {
        inst.unit
    };
    let city = if inst.city.is_empty() {
        "Город".to_string()
    } else {
        inst.city
    };
    Ok(format!(
        "---\nорганизация: {organization}\nподразделение: {unit}\nназвание: Название брошюры\n\
         вид: Методические рекомендации\nавторы:\n  - Фамилия И.О. — методист\n\
         город: {city}\nгод: {year}\n---\n\n[[toc]]\n\n---\n\n# Введение\n\n\
         Текст введения.\n\n# Основная часть\n\n## Раздел\n\n- пункт списка;\n- пункт списка.\n\n\
         # Вывод\n\nТекст вывода.\n"
    ))
}

pub fn list(storage: &Storage) -> Result<Vec<BrochureSummary>> {
    queries::list(storage.conn(), false)
}

pub fn trash_list(storage: &Storage) -> Result<Vec<BrochureSummary>> {
    queries::list(storage.conn(), true)
}

/// Deletes a brochure from the trash for good.
pub fn purge(storage: &mut Storage, id: i64) -> Result<()> {
    let brochure = get(storage, id)?;
    if brochure.deleted_at.is_none() {
        return Err(CoreError::Conflict(format!(
            "«{}» не в корзине: навсегда удалить можно только из корзины.",
            brochure.title
        )));
    }
    storage.write(|tx| queries::delete(tx, id))
}

pub fn get(storage: &Storage, id: i64) -> Result<Brochure> {
    crate::error::rows::named(queries::load(storage.conn(), id), "брошюры", id)
}

/// Saves a new brochure. A draft is saved even when it does not typeset yet:
/// nothing the user wrote is lost; problems show in the preview.
pub fn create(storage: &mut Storage, source: &str, now: NaiveDateTime) -> Result<Brochure> {
    fits(source)?;
    let title = title_of(source);
    storage.write(|tx| {
        let id = queries::insert(tx, &title, source, now)?;
        queries::load(tx, id)
    })
}

pub fn update(
    storage: &mut Storage,
    id: i64,
    source: &str,
    now: NaiveDateTime,
) -> Result<Brochure> {
    let existing = get(storage, id)?;
    if existing.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "Брошюра «{}» удалена: её нельзя изменить.",
            existing.title
        )));
    }
    fits(source)?;
    let title = title_of(source);
    storage.write(|tx| {
        queries::update(tx, id, &title, source, now)?;
        queries::load(tx, id)
    })
}

/// Even a draft is refused over the size a brochure can be typeset at.
fn fits(source: &str) -> Result<()> {
    crate::documents::brochure::check_size(Some(source.len() as u64))
        .map_err(|e| CoreError::BadInput(e.to_string()))
}

pub fn trash(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    get(storage, id)?;
    storage.write(|tx| queries::set_deleted(tx, id, Some(now)))
}

pub fn restore(storage: &mut Storage, id: i64) -> Result<()> {
    get(storage, id)?;
    storage.write(|tx| queries::set_deleted(tx, id, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_from_front_matter() {
        assert_eq!(
            title_of("---\norganization: X\ntitle: «Сетевое взаимодействие»\n---\n# A"),
            "«Сетевое взаимодействие»"
        );
        assert_eq!(title_of("---\ntitle: \"Кавычки\"\n---"), "Кавычки");
        assert_eq!(title_of("# Без шапки"), UNTITLED);
        assert_eq!(title_of("---\ntitle:\n---"), UNTITLED);
        assert_eq!(title_of("---\ntitle: \u{200B}\u{FEFF}\n---"), UNTITLED);
        assert_eq!(title_of("---\ntitle: Да\u{0}та\n---"), "Дата");
        assert_eq!(title_of("---\nназвание: Памятка\n---"), "Памятка");
    }
}
