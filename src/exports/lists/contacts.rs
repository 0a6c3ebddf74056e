//! Contacts: the contact persons of the shown partners, one row per person
//! and partner, with the other partners the person is a contact of.

use std::collections::HashMap;

use super::{number, text, Table};
use crate::error::Result;
use crate::partners;
use crate::storage::Storage;

const COLUMNS: [(&str, f64); 10] = [
    ("№", 5.0),
    ("Фамилия", 16.0),
    ("Имя", 14.0),
    ("Отчество", 16.0),
    ("Должность, роль", 24.0),
    ("Телефон", 18.0),
    ("E-mail", 26.0),
    ("Партнёр", 32.0),
    ("Тип партнёра", 26.0),
    ("Также контакт у", 32.0),
];

/// The contacts of the partners `partner_ids`, partner by partner in this
/// order, each partner's contacts in the card's order.
pub fn table(storage: &Storage, partner_ids: &[i64]) -> Result<Table> {
    let linked: HashMap<i64, Vec<String>> = partners::persons(storage)?
        .into_iter()
        .map(|p| (p.id, p.partners))
        .collect();
    let mut rows = Vec::new();
    for id in partner_ids {
        let partner = partners::get(storage, *id)?;
        let d = &partner.data;
        let name = if d.short_name.trim().is_empty() {
            &d.full_name
        } else {
            &d.short_name
        };
        for c in &d.contacts {
            let others = c
                .person_id
                .and_then(|p| linked.get(&p))
                .map(|names| {
                    names
                        .iter()
                        .filter(|n| *n != name)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            rows.push(vec![
                number(Some(rows.len() as i64 + 1)),
                text(&c.surname),
                text(&c.name),
                text(&c.patronymic),
                text(&c.role),
                text(&c.phone),
                text(&c.email),
                text(name.as_str()),
                text(d.partner_type.label()),
                text(others),
            ]);
        }
    }
    Ok(Table {
        name: "Контакты",
        columns: super::columns(&COLUMNS),
        rows,
    })
}
