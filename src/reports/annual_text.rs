//! The small pieces the analytical report is typeset from: Russian
//! numbers, table cells, paragraphs, headings and tables in the report's
//! style. Shared by its sections and its charts.

use chrono::NaiveDate;

use crate::documents::model::{Align, Paragraph, Table};
use crate::documents::{Block, Inline};
use crate::grammar::date_short;

pub const CELL_SIZE: f32 = 10.0;

/// A count in Russian typography: digits grouped by a non-breaking space
/// from five digits on («12 345»), «−» for a negative.
pub fn num(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped = if digits.len() > 4 {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        out
    } else {
        digits
    };
    if n < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

pub fn cell(text: impl Into<String>) -> Vec<Inline> {
    let text = text.into();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::plain(text)]
    }
}

pub fn bold_cell(text: impl Into<String>) -> Vec<Inline> {
    vec![Inline::bold(text.into())]
}

/// A justified paragraph; a dash stays on the line of the word before it
/// («прекратили действие — 2» never leaves «— 2» alone on a line).
pub fn para(text: impl Into<String>) -> Block {
    let text = text.into().replace(" — ", "\u{a0}— ");
    Block::Paragraph(Paragraph::justified(vec![Inline::plain(text)]))
}

pub fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
    }
}

pub fn table(
    widths: &[f32],
    header: &[&str],
    rows: Vec<Vec<Vec<Inline>>>,
    align: Vec<Align>,
) -> Block {
    Block::Table(Table {
        column_widths: widths.to_vec(),
        header: header.iter().map(|h| cell(*h)).collect(),
        rows,
        keep_together: false,
        borderless: false,
        column_align: align,
        font_size: Some(CELL_SIZE),
    })
}

pub fn dates(list: &[NaiveDate]) -> String {
    list.iter()
        .map(|d| date_short(*d))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn russian_numbers() {
        assert_eq!(num(0), "0");
        assert_eq!(num(1234), "1234");
        assert_eq!(num(12345), "12\u{a0}345");
        assert_eq!(num(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(num(-5), "−5");
    }
}
