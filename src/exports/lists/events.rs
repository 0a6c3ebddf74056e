//! «Мероприятия»: the occurrences the calendar shows for its period and
//! filters (the same [`EventFilter`] it lists with, in the same order), or
//! the events and series behind them, one row each.

use super::{number, text, time_text, yes, Cell, Table};
use crate::error::Result;
use crate::events::model::{EventFilter, Occurrence, Recurrence};
use crate::events::{self, recurrence};
use crate::grammar::{date_short, plural};
use crate::storage::Storage;

const OCCURRENCE_COLUMNS: [(&str, f64); 14] = [
    ("№", 5.0),
    ("Дата", 11.0),
    ("Время", 12.0),
    ("Форма", 20.0),
    ("Мероприятие", 40.0),
    ("Место или ссылка", 26.0),
    ("Партнёры", 30.0),
    ("Аудитория", 18.0),
    ("Ответственный", 20.0),
    ("Участников по плану", 11.0),
    ("Участников факт", 11.0),
    ("Статус", 15.0),
    ("Итоги", 36.0),
    ("Серия", 7.0),
];

const SERIES_COLUMNS: [(&str, f64); 14] = [
    ("№", 5.0),
    ("Мероприятие", 40.0),
    ("Форма", 20.0),
    ("Первая дата", 11.0),
    ("Последняя дата", 11.0),
    ("Время", 12.0),
    ("Повторение", 30.0),
    ("Дат в периоде", 9.0),
    ("Место или ссылка", 26.0),
    ("Партнёры", 30.0),
    ("Аудитория", 18.0),
    ("Ответственный", 20.0),
    ("Участников по плану", 11.0),
    ("Статус", 15.0),
];

const WEEKDAYS: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

/// The rule in words: «еженедельно, каждые 2 недели: пн, ср; до 31.05.2027».
pub fn rule_text(start: chrono::NaiveDate, rule: &Recurrence) -> String {
    use crate::events::model::Frequency;
    let n = rule.interval.max(1);
    let mut text = rule.frequency.label().to_string();
    if n > 1 {
        let every = match rule.frequency {
            Frequency::Daily => plural(n.into(), "день", "дня", "дней"),
            Frequency::Weekly => plural(n.into(), "неделю", "недели", "недель"),
            _ => plural(n.into(), "месяц", "месяца", "месяцев"),
        };
        text.push_str(&format!(", каждые {n} {every}"));
    }
    if rule.frequency == Frequency::Weekly {
        let days: Vec<&str> = recurrence::weekdays(start, rule)
            .iter()
            .filter_map(|d| WEEKDAYS.get(usize::from(*d).wrapping_sub(1)).copied())
            .collect();
        text.push_str(&format!(": {}", days.join(", ")));
    }
    if let Some(until) = rule.until {
        text.push_str(&format!("; до {}", date_short(until)));
    }
    if let Some(count) = rule.count {
        text.push_str(&format!(
            "; {count} {}",
            plural(count.into(), "раз", "раза", "раз")
        ));
    }
    text
}

fn audience(o: &Occurrence) -> String {
    o.audience
        .iter()
        .map(|a| a.label())
        .collect::<Vec<_>>()
        .join(", ")
}

fn place(o: &Occurrence) -> String {
    if o.place.trim().is_empty() {
        o.link.clone()
    } else {
        o.place.clone()
    }
}

fn occurrence_rows(list: &[Occurrence]) -> Vec<Vec<Cell>> {
    list.iter()
        .enumerate()
        .map(|(i, o)| {
            vec![
                number(Some(i as i64 + 1)),
                Cell::Date(Some(o.start.date())),
                text(time_text(o.start, o.end, o.all_day)),
                text(&o.form),
                text(&o.title),
                text(place(o)),
                text(o.partners.join(", ")),
                text(audience(o)),
                text(&o.responsible),
                number(o.planned_count),
                number(o.actual_count),
                text(o.status.label()),
                text(&o.results),
                yes(o.recurring),
            ]
        })
        .collect()
}

/// One row per event, in the order of its first occurrence shown.
fn series_rows(storage: &Storage, list: &[Occurrence]) -> Result<Vec<Vec<Cell>>> {
    let mut order: Vec<i64> = Vec::new();
    for o in list {
        if !order.contains(&o.event_id) {
            order.push(o.event_id);
        }
    }
    let mut rows = Vec::with_capacity(order.len());
    for (i, id) in order.iter().enumerate() {
        let mine: Vec<&Occurrence> = list.iter().filter(|o| o.event_id == *id).collect();
        let (Some(first), Some(last)) = (mine.first(), mine.last()) else {
            continue;
        };
        let event = events::get(storage, *id)?;
        let d = &event.data;
        let rule = d
            .recurrence
            .as_ref()
            .map(|r| rule_text(d.start.date(), r))
            .unwrap_or_default();
        rows.push(vec![
            number(Some(i as i64 + 1)),
            text(&first.title),
            text(&first.form),
            Cell::Date(Some(first.start.date())),
            Cell::Date(Some(last.start.date())),
            text(time_text(first.start, first.end, first.all_day)),
            text(rule),
            number(Some(mine.len() as i64)),
            text(place(first)),
            text(first.partners.join(", ")),
            text(audience(first)),
            text(&first.responsible),
            number(d.planned_count),
            text(d.status.label()),
        ]);
    }
    Ok(rows)
}

/// The occurrences `filter` gives (as the calendar lists them), or with
/// `series` the events behind them, one row each.
pub fn table(storage: &Storage, filter: &EventFilter, series: bool) -> Result<Table> {
    let list = events::occurrences(storage, filter)?;
    Ok(if series {
        Table {
            name: "Мероприятия и серии",
            columns: super::columns(&SERIES_COLUMNS),
            rows: series_rows(storage, &list)?,
        }
    } else {
        Table {
            name: "Мероприятия",
            columns: super::columns(&OCCURRENCE_COLUMNS),
            rows: occurrence_rows(&list),
        }
    })
}
