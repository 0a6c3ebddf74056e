//! «Партнёры»: each shown partner with requisites, head, contacts and her
//! own fields.

use std::borrow::Cow;

use super::{number, text, Cell, Table};
use crate::error::Result;
use crate::partners::model::{OwnField, OwnFieldKind, Partner};
use crate::partners::own_values::{shown, value_of};
use crate::partners::{self, own_fields};
use crate::storage::Storage;

const COLUMNS: [(&str, f64); 28] = [
    ("№", 5.0),
    ("Краткое наименование", 30.0),
    ("Полное наименование", 42.0),
    ("Тип", 26.0),
    ("Вид связи", 18.0),
    ("Этап", 6.0),
    ("ИНН", 13.0),
    ("КПП", 11.0),
    ("ОГРН", 16.0),
    ("Юридический адрес", 32.0),
    ("Почтовый адрес", 32.0),
    ("Телефон", 18.0),
    ("E-mail", 24.0),
    ("Сайт", 22.0),
    ("Руководитель", 28.0),
    ("Должность руководителя", 20.0),
    ("Действует на основании", 16.0),
    ("Расчётный счёт", 22.0),
    ("Корр. счёт", 22.0),
    ("БИК", 11.0),
    ("Банк", 24.0),
    ("Лицензия №", 14.0),
    ("Дата лицензии", 11.0),
    ("Кем выдана лицензия", 26.0),
    ("Контакты", 40.0),
    ("Ресурсы", 30.0),
    ("Запросы", 30.0),
    ("Изменён", 11.0),
];

/// «Иванова Мария Петровна, завуч, +7 …, mail@…», one contact a line.
fn contacts_text(p: &Partner) -> String {
    p.data
        .contacts
        .iter()
        .map(|c| {
            let name = [&c.surname, &c.name, &c.patronymic]
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            [name.as_str(), c.role.trim(), c.phone.trim(), c.email.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn row(n: usize, p: &Partner) -> Vec<Cell> {
    let d = &p.data;
    let r = &d.requisites;
    let h = &d.head;
    let head = [&h.surname, &h.name, &h.patronymic]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    vec![
        number(Some(n as i64)),
        text(&d.short_name),
        text(&d.full_name),
        text(d.partner_type.label()),
        text(d.relation_kind.label()),
        number(d.stage.map(i64::from)),
        text(&r.inn),
        text(&r.kpp),
        text(&r.ogrn),
        text(&r.legal_address),
        text(&r.postal_address),
        text(&r.phone),
        text(&r.email),
        text(&r.website),
        text(head),
        text(&h.position),
        text(&h.basis),
        text(&r.bank_account),
        text(&r.corr_account),
        text(&r.bik),
        text(&r.bank_name),
        text(&r.licence_number),
        Cell::Date(r.licence_date),
        text(&r.licence_issuer),
        text(contacts_text(p)),
        text(d.resources.join(", ")),
        text(d.requests.join(", ")),
        Cell::Date(Some(p.updated_at.date())),
    ]
}

/// A value of her own field as a cell: a real date and number, «да»/«нет».
fn own_cell(field: &OwnField, value: &str) -> Cell {
    match field.kind {
        OwnFieldKind::Date => match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(d) => Cell::Date(Some(d)),
            Err(_) => text(value),
        },
        OwnFieldKind::Number => match value.parse::<f64>() {
            Ok(n) => Cell::Number(n),
            Err(_) => text(value),
        },
        kind => text(shown(kind, value)),
    }
}

/// The partners `ids`, in this order (an id not found is an error), with
/// her own fields as the last columns.
pub fn table(storage: &Storage, ids: &[i64]) -> Result<Table> {
    let own = own_fields::list(storage)?;
    let mut rows = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let partner = partners::get(storage, *id)?;
        let mut cells = row(i + 1, &partner);
        for f in &own {
            cells.push(own_cell(f, value_of(&partner.data.own_fields, f.id)));
        }
        rows.push(cells);
    }
    let mut columns = super::columns(&COLUMNS);
    for f in &own {
        let width = (f.name.chars().count() as f64 + 2.0).clamp(11.0, 30.0);
        columns.push((Cow::Owned(f.name.clone()), width));
    }
    Ok(Table {
        name: "Партнёры",
        columns,
        rows,
    })
}

/// The ids of the live partners a search finds, in the registry's order
/// (by short name): the command line's list.
pub fn ids_found(storage: &Storage, query: &str) -> Result<Vec<i64>> {
    let filter = crate::partners::model::PartnerFilter {
        query: query.to_string(),
        ..Default::default()
    };
    Ok(partners::list(storage, &filter)?
        .into_iter()
        .map(|s| s.id)
        .collect())
}
