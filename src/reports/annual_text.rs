//! The small pieces the analytical report is typeset from: Russian
//! numbers, table cells, paragraphs, headings and tables in the report's
//! style. Shared by its sections and its charts.

use chrono::NaiveDate;

use crate::documents::model::{Align, Paragraph, Table};
use crate::documents::{Block, Inline};
use crate::grammar::date_short;

pub const CELL_SIZE: f32 = 10.0;

/// A count in Russian typography (one rule for every document and note).
pub use crate::grammar::number as num;

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
        runs: Vec::new(),
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
