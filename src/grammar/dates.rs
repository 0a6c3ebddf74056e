//! Dates and terms in words, as Russian official documents write them.

use chrono::{Datelike, NaiveDate};

use super::plural;

const GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const NOMINATIVE: [&str; 12] = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
];

fn month_index(m: u32) -> Option<usize> {
    (1..=12).contains(&m).then(|| (m - 1) as usize)
}

/// «сентября» for 9; an empty string outside 1–12.
pub fn month_genitive(m: u32) -> &'static str {
    month_index(m).map_or("", |i| GENITIVE[i])
}

/// «Сентябрь» for 9 (capitalised, as in a calendar heading); an empty
/// string outside 1–12.
pub fn month_nominative(m: u32) -> &'static str {
    month_index(m).map_or("", |i| NOMINATIVE[i])
}

/// «01» сентября 2026 г. — the date line of an agreement.
pub fn date_quoted(d: NaiveDate) -> String {
    format!(
        "«{:02}» {} {} г.",
        d.day(),
        month_genitive(d.month()),
        d.year()
    )
}

/// «1 сентября 2026 г.» — a date in running text.
pub fn date_long(d: NaiveDate) -> String {
    format!("{} {} {} г.", d.day(), month_genitive(d.month()), d.year())
}

/// «01.09.2026» — a date in a table.
pub fn date_short(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A term in words: «6 месяцев», «1 год», «2 года», «1 год 6 месяцев»;
/// «0 месяцев» for zero.
pub fn term_in_words(months: u32) -> String {
    let (years, rest) = (i64::from(months / 12), i64::from(months % 12));
    let mut parts = Vec::new();
    if years > 0 {
        parts.push(format!("{years} {}", plural(years, "год", "года", "лет")));
    }
    if rest > 0 || years == 0 {
        parts.push(format!(
            "{rest} {}",
            plural(rest, "месяц", "месяца", "месяцев")
        ));
    }
    parts.join(" ")
}
