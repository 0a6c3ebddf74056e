//! Her own fields of partners (Настройки → «Свои поля»): add, rename, change
//! the options, reorder, remove. A removed field keeps its values in the
//! database, and each partner that had one gets a history entry saying so.

use chrono::NaiveDateTime;

use crate::error::{CoreError, FieldError, Result};
use crate::partners::model::{OwnField, OwnFieldInput, OwnFieldKind};
use crate::partners::own_field_queries as q;
use crate::partners::own_values::shown;
use crate::partners::queries;
use crate::storage::Storage;
use crate::text::fold;

/// The longest name of a field, in characters.
const MAX_NAME: usize = 100;
/// The most options of one «один из списка».
const MAX_OPTIONS: usize = 200;
/// The most live fields.
const MAX_FIELDS: usize = 100;

/// The live fields in her order, with how many partners use each.
pub fn list(storage: &Storage) -> Result<Vec<OwnField>> {
    q::live(storage.conn())
}

pub fn add(storage: &mut Storage, input: OwnFieldInput, now: NaiveDateTime) -> Result<OwnField> {
    let live = list(storage)?;
    if live.len() >= MAX_FIELDS {
        return Err(CoreError::Conflict(format!(
            "Своих полей уже {MAX_FIELDS} — больше нельзя: удалите ненужное поле."
        )));
    }
    let input = normalize(input, &live, None)?;
    storage.write(|tx| {
        let id = q::insert(tx, &input, now)?;
        q::get(tx, id)
    })
}

/// Renames a field, changes its options; its kind only while no partner
/// has a value of it, an option only while no partner has chosen it.
pub fn update(storage: &mut Storage, id: i64, input: OwnFieldInput) -> Result<OwnField> {
    let old = q::get(storage.conn(), id)?;
    let live = list(storage)?;
    let input = normalize(input, &live, Some(id))?;
    if input.kind != old.kind && old.used_by > 0 {
        return Err(CoreError::Validation(vec![FieldError::new(
            "kind",
            format!(
                "Поле «{}» заполнено у {}: его вид менять нельзя. Заведите новое поле \
                 нужного вида.",
                old.name,
                partners_count(old.used_by)
            ),
        )]));
    }
    if old.kind == OwnFieldKind::Choice {
        for gone in old.options.iter().filter(|o| !input.options.contains(o)) {
            let n = q::count_value(storage.conn(), id, gone)?;
            if n > 0 && input.kind == OwnFieldKind::Choice {
                return Err(CoreError::Validation(vec![FieldError::new(
                    "options",
                    format!(
                        "Вариант «{gone}» выбран у {}: сначала выберите им другой вариант, \
                         потом уберите этот из списка.",
                        partners_count(n)
                    ),
                )]));
            }
        }
    }
    storage.write(|tx| {
        q::update(tx, id, &input)?;
        q::get(tx, id)
    })
}

/// Puts the live fields in the order of `ids` (those left out go last).
pub fn reorder(storage: &mut Storage, ids: &[i64]) -> Result<Vec<OwnField>> {
    let live = list(storage)?;
    for id in ids {
        if !live.iter().any(|f| f.id == *id) {
            return Err(CoreError::NotFound {
                what: "Своё поле",
                id: *id,
            });
        }
    }
    let rest = live.iter().map(|f| f.id).filter(|id| !ids.contains(id));
    let order: Vec<i64> = ids.iter().copied().chain(rest).collect();
    storage.write(|tx| {
        for (pos, id) in order.iter().enumerate() {
            q::set_position(tx, *id, pos as i64 + 1)?;
        }
        q::live(tx)
    })
}

/// Removes a field: it leaves the form, the card, the list and the
/// exports. Each partner that had a value gets a history entry with the
/// field's name and that value, so nothing is lost without a trace.
pub fn remove(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<()> {
    let field = q::get(storage.conn(), id)?;
    storage.write(|tx| {
        let had = q::values_of_field(tx, id)?;
        for (partner, value) in &had {
            queries::add_history(
                tx,
                *partner,
                &[(
                    field.name.clone(),
                    shown(field.kind, value),
                    "поле удалено в настройках".into(),
                )],
                now,
            )?;
        }
        q::mark_deleted(tx, id, now)?;
        // The search no longer finds a partner by the removed field's words.
        for (partner, _) in &had {
            queries::reindex(tx, &queries::load(tx, *partner)?)?;
        }
        Ok(())
    })
}

/// «3 партнёров», as «заполнено у …» needs it.
pub fn partners_count(n: i64) -> String {
    // The genitive after «у»: «у 1 партнёра», «у 3 партнёров».
    let word = crate::grammar::plural(n, "партнёра", "партнёров", "партнёров");
    format!("{n} {word}")
}

/// The definition cleaned: a name given and not taken, options of a list
/// trimmed, without repeats, at least one.
fn normalize(
    mut input: OwnFieldInput,
    live: &[OwnField],
    id: Option<i64>,
) -> Result<OwnFieldInput> {
    let mut problems = Vec::new();
    match crate::validation::fields::line("Название поля", &input.name) {
        Ok(name) => input.name = name,
        Err(r) => problems.push(r.at("name")),
    }
    let n = input.name.chars().count();
    if input.name.is_empty() {
        problems.push(FieldError::new("name", "Укажите название поля."));
    } else if n > MAX_NAME {
        problems.push(FieldError::new(
            "name",
            format!("Название поля слишком длинное ({n} знаков): не более {MAX_NAME}."),
        ));
    } else if let Some(other) = live
        .iter()
        .find(|f| Some(f.id) != id && fold(&f.name) == fold(&input.name))
    {
        problems.push(FieldError::new(
            "name",
            format!(
                "Поле «{}» уже есть: дайте этому полю другое название.",
                other.name
            ),
        ));
    }
    if input.kind == OwnFieldKind::Choice {
        let mut options: Vec<String> = Vec::new();
        for o in &input.options {
            let o = crate::validation::fields::clean_line(o).trim().to_string();
            if !o.is_empty() && !options.iter().any(|x| fold(x) == fold(&o)) {
                options.push(o);
            }
        }
        if options.is_empty() {
            problems.push(FieldError::new(
                "options",
                "Впишите варианты списка, по одному в строке: из них и будут выбирать.",
            ));
        } else if options.len() > MAX_OPTIONS {
            problems.push(FieldError::new(
                "options",
                format!(
                    "Вариантов слишком много ({}): не более {MAX_OPTIONS}.",
                    options.len()
                ),
            ));
        } else if let Some(long) = options.iter().find(|o| o.chars().count() > MAX_NAME * 2) {
            problems.push(FieldError::new(
                "options",
                format!(
                    "Вариант «{}…» слишком длинный: не более {} знаков.",
                    long.chars().take(30).collect::<String>(),
                    MAX_NAME * 2
                ),
            ));
        }
        input.options = options;
    } else {
        input.options.clear();
    }
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(CoreError::Validation(problems))
    }
}
