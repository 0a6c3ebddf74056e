//! «Корзина»: the deleted records as the page shows them, group by group.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{number, text, Cell, Table};
use crate::error::Result;
use crate::storage::Storage;

/// What a record in the trash is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    Partner,
    Agreement,
    Event,
    Brochure,
}

/// One row of the trash as shown: its kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrashItem {
    pub kind: TrashKind,
    pub id: i64,
}

const COLUMNS: [(&str, f64); 5] = [
    ("№", 5.0),
    ("Раздел", 14.0),
    ("Запись", 44.0),
    ("Подробности", 36.0),
    ("Удалено", 16.0),
];

fn row(storage: &Storage, item: TrashItem) -> Result<[Cell; 4]> {
    Ok(match item.kind {
        TrashKind::Partner => {
            let p = crate::partners::get(storage, item.id)?;
            let name = if p.data.short_name.trim().is_empty() {
                p.data.full_name.clone()
            } else {
                p.data.short_name.clone()
            };
            let inn = &p.data.requisites.inn;
            let details = if inn.is_empty() {
                p.data.partner_type.label().to_string()
            } else {
                format!("ИНН {inn}; {}", p.data.partner_type.label())
            };
            [
                text("Партнёры"),
                text(name),
                text(details),
                Cell::DateTime(p.deleted_at),
            ]
        }
        TrashKind::Agreement => {
            let a = crate::agreements::get(storage, item.id)?;
            let d = &a.data;
            let title = match (d.number.trim(), d.date) {
                ("", _) => format!("{} (проект)", d.kind.noun()),
                (n, Some(date)) => format!(
                    "{} № {n} от {}",
                    d.kind.noun(),
                    crate::grammar::date_short(date)
                ),
                (n, None) => format!("{} № {n}", d.kind.noun()),
            };
            [
                text("Договоры"),
                text(title),
                text(&d.subject),
                Cell::DateTime(a.deleted_at),
            ]
        }
        TrashKind::Event => {
            let e = crate::events::get(storage, item.id)?;
            let d = &e.data;
            let mut when = crate::grammar::date_short(d.start.date());
            let time = super::time_text(d.start, d.end, d.all_day);
            if !time.is_empty() {
                when = format!("{when}, {time}");
            }
            if d.recurrence.is_some() {
                when.push_str("; повторяющееся мероприятие");
            }
            [
                text("Мероприятия"),
                text(&d.title),
                text(when),
                Cell::DateTime(e.deleted_at),
            ]
        }
        TrashKind::Brochure => {
            let b = crate::brochures::get(storage, item.id)?;
            [
                text("Брошюры"),
                text(&b.title),
                text(""),
                Cell::DateTime(b.deleted_at),
            ]
        }
    })
}

/// The records `items`, in this order.
pub fn table(storage: &Storage, items: &[TrashItem]) -> Result<Table> {
    let mut rows = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut cells = vec![number(Some(i as i64 + 1))];
        cells.extend(row(storage, *item)?);
        rows.push(cells);
    }
    Ok(Table {
        name: "Корзина",
        columns: super::columns(&COLUMNS),
        rows,
    })
}
