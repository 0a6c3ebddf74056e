//! «Контакты»: the people as the list shows them, one row per person and
//! organisation (a person of no organisation has one row), so a
//! spreadsheet filters by organisation and still counts people by «№».

use super::{number, text, Table};
use crate::error::Result;
use crate::persons;
use crate::storage::Storage;

const COLUMNS: [(&str, f64); 9] = [
    ("№", 5.0),
    ("Фамилия", 16.0),
    ("Имя", 14.0),
    ("Отчество", 16.0),
    ("Организация", 32.0),
    ("Должность, роль", 24.0),
    ("Телефон", 18.0),
    ("E-mail", 26.0),
    ("В корзине", 10.0),
];

/// The persons `ids` in this order, each with their organisations.
pub fn table(storage: &Storage, ids: &[i64]) -> Result<Table> {
    let mut rows = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        let p = persons::get(storage, *id)?;
        let no = number(Some(n as i64 + 1));
        let person = [text(&p.surname), text(&p.name), text(&p.patronymic)];
        if p.memberships.is_empty() {
            let mut row = vec![no.clone()];
            row.extend(person.iter().cloned());
            row.extend((0..5).map(|_| text("")));
            rows.push(row);
        }
        for m in &p.memberships {
            let mut row = vec![no.clone()];
            row.extend(person.iter().cloned());
            row.extend([
                text(&m.partner_name),
                text(&m.role),
                text(&m.phone),
                text(&m.email),
                super::yes(m.partner_trashed),
            ]);
            rows.push(row);
        }
    }
    Ok(Table {
        name: "Контакты",
        columns: super::columns(&COLUMNS),
        rows,
    })
}
