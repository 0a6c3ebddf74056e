//! The forms of network interaction (DOMAIN.md §4) and the user's own.

use crate::error::{CoreError, FieldError, Result};
use crate::events::model::{EventForm, EventFormInput};
use crate::events::queries;
use crate::storage::Storage;
use crate::text::fold;

const MAX_NAME: usize = 120;

/// Colours given to new forms in turn when the user picks none.
const PALETTE: [&str; 8] = [
    "#3b7d8c", "#a0522d", "#6b8e23", "#8b3a62", "#4682b4", "#b8860b", "#556b2f", "#7a4fa3",
];

fn name_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn normalize(
    storage: &Storage,
    mut input: EventFormInput,
    id: Option<i64>,
) -> Result<(EventFormInput, String)> {
    input.name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    input.color = input.color.trim().to_lowercase();
    let mut problems = Vec::new();
    if input.name.is_empty() {
        problems.push(FieldError::new(
            "name",
            "Укажите название формы: например, «мастер-класс».",
        ));
    } else if input.name.chars().count() > MAX_NAME {
        problems.push(FieldError::new(
            "name",
            format!("Название формы слишком длинное: не более {MAX_NAME} знаков."),
        ));
    }
    let key = name_key(&input.name);
    if let Some(other) = queries::form_by_key(storage.conn(), &key)? {
        if Some(other) != id && !key.is_empty() {
            problems.push(FieldError::new(
                "name",
                format!("Форма «{}» уже есть в списке.", input.name),
            ));
        }
    }
    if input.color.is_empty() {
        let n = queries::forms(storage.conn())?.len();
        input.color = PALETTE[n % PALETTE.len()].to_string();
    } else if !(input.color.len() == 7
        && input.color.starts_with('#')
        && input.color[1..].bytes().all(|b| b.is_ascii_hexdigit()))
    {
        problems.push(FieldError::new(
            "color",
            format!(
                "Цвет «{}» не распознан: выберите его в палитре (вид #2f6fb3).",
                input.color
            ),
        ));
    }
    if problems.is_empty() {
        Ok((input, key))
    } else {
        Err(CoreError::Validation(problems))
    }
}

/// Checks a new form with the form's own rules, without saving: the form
/// and its folded key (the exchange adds a form a package names this way).
pub fn prepare_new(storage: &Storage, input: EventFormInput) -> Result<(EventFormInput, String)> {
    normalize(storage, input, None)
}

/// The folded key forms are matched by.
pub fn key_of(name: &str) -> String {
    name_key(name)
}

pub fn list(storage: &Storage) -> Result<Vec<EventForm>> {
    queries::forms(storage.conn())
}

fn get(storage: &Storage, id: i64) -> Result<EventForm> {
    queries::form(storage.conn(), id)?.ok_or(CoreError::NotFound {
        what: "Форма мероприятия",
        id,
    })
}

pub fn add(storage: &mut Storage, input: EventFormInput) -> Result<EventForm> {
    let (input, key) = normalize(storage, input, None)?;
    let id = storage.write(|tx| queries::insert_form(tx, &input, &key))?;
    get(storage, id)
}

pub fn update(storage: &mut Storage, id: i64, input: EventFormInput) -> Result<EventForm> {
    get(storage, id)?;
    let (input, key) = normalize(storage, input, Some(id))?;
    storage.write(|tx| queries::update_form(tx, id, &input, &key))?;
    get(storage, id)
}

pub fn delete(storage: &mut Storage, id: i64) -> Result<()> {
    let form = get(storage, id)?;
    if form.builtin {
        return Err(CoreError::Conflict(format!(
            "Форма «{}» — из перечня форм сетевого взаимодействия, её нельзя удалить; \
             можно переименовать или сменить цвет.",
            form.name
        )));
    }
    let used = queries::form_use_count(storage.conn(), id)?;
    if used > 0 {
        return Err(CoreError::Conflict(format!(
            "Форма «{}» используется в мероприятиях ({used}), в том числе в корзине: \
             сначала смените у них форму.",
            form.name
        )));
    }
    storage.write(|tx| queries::delete_form(tx, id))
}
