//! «Договоры»: each shown agreement with its parties and status.

use std::collections::HashMap;

use super::{number, text, yes, Cell, Table};
use crate::agreements;
use crate::error::Result;
use crate::storage::Storage;

const COLUMNS: [(&str, f64); 12] = [
    ("№", 5.0),
    ("Номер", 12.0),
    ("Дата", 11.0),
    ("Вид", 26.0),
    ("Стороны", 34.0),
    ("Предмет", 42.0),
    ("Начало", 11.0),
    ("Окончание", 11.0),
    ("Статус", 16.0),
    ("Автопродление", 9.0),
    ("Ответственный", 20.0),
    ("Изменён", 11.0),
];

/// A party's name as the list shows it: the short name, else the full one.
fn party_name(storage: &Storage, id: i64, cache: &mut HashMap<i64, String>) -> Result<String> {
    if let Some(name) = cache.get(&id) {
        return Ok(name.clone());
    }
    let p = match crate::partners::get(storage, id) {
        Ok(p) => p.data,
        // A party whose row is damaged (`check data` names it) keeps its name.
        Err(e) if crate::error::rows::is_damaged(&e) => {
            let name = crate::partners::queries::state(storage.conn(), id)?
                .map(|(name, _)| name)
                .unwrap_or_else(|| format!("Партнёр № {id}"));
            cache.insert(id, name.clone());
            return Ok(name);
        }
        Err(e) => return Err(e),
    };
    let name = if p.short_name.trim().is_empty() {
        p.full_name
    } else {
        p.short_name
    };
    cache.insert(id, name.clone());
    Ok(name)
}

/// The agreements `ids`, in this order.
pub fn table(storage: &Storage, ids: &[i64]) -> Result<Table> {
    let mut names = HashMap::new();
    let mut rows = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let a = agreements::get(storage, *id)?;
        let d = &a.data;
        let mut parties = Vec::new();
        for party in &d.parties {
            parties.push(party_name(storage, party.partner_id, &mut names)?);
        }
        rows.push(vec![
            number(Some(i as i64 + 1)),
            text(&d.number),
            Cell::Date(d.date),
            text(d.kind.label()),
            text(parties.join("\n")),
            text(&d.subject),
            Cell::Date(d.start_date),
            Cell::Date(d.end_date),
            text(a.status.label()),
            yes(d.auto_prolong),
            text(&d.responsible),
            Cell::Date(Some(a.updated_at.date())),
        ]);
    }
    Ok(Table {
        name: "Договоры",
        columns: super::columns(&COLUMNS),
        rows,
    })
}

/// The ids of the agreements not in the trash, in the list's order
/// (newest first): the command line's list.
pub fn ids_all(storage: &Storage, today: chrono::NaiveDate) -> Result<Vec<i64>> {
    Ok(agreements::list(storage, &Default::default(), today)?
        .into_iter()
        .map(|s| s.id)
        .collect())
}
