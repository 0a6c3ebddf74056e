//! «Дефициты и ресурсы»: each deficit of the institution with the partners
//! that can cover it, in the page's order; a deficit nobody covers keeps
//! its row.

use super::{number, text, Table};
use crate::error::Result;
use crate::storage::Storage;

const COLUMNS: [(&str, f64); 5] = [
    ("№", 5.0),
    ("Дефицит учреждения", 34.0),
    ("Партнёр", 32.0),
    ("Ресурс партнёра", 34.0),
    ("Закрыт", 8.0),
];

pub fn table(storage: &Storage) -> Result<Table> {
    let mut rows = Vec::new();
    for (i, m) in crate::institution::deficit_matches(storage)?
        .iter()
        .enumerate()
    {
        let n = number(Some(i as i64 + 1));
        if m.partners.is_empty() {
            rows.push(vec![
                n.clone(),
                text(&m.deficit),
                text(""),
                text(""),
                text("нет"),
            ]);
        }
        for p in &m.partners {
            rows.push(vec![
                n.clone(),
                text(&m.deficit),
                text(&p.short_name),
                text(&p.resource),
                text("да"),
            ]);
        }
    }
    Ok(Table {
        name: "Дефициты и ресурсы",
        columns: super::columns(&COLUMNS),
        rows,
    })
}
