//! The analytical report as a PDF through the document engine: portrait
//! A4, the approval block «УТВЕРЖДАЮ» at the top right (ГОСТ Р 7.0.97-2016),
//! the title, then nine numbered sections with tables whose header row is
//! repeated on every page they continue on.

use chrono::NaiveDateTime;

use super::annual_text::{cell, heading};
use super::model::AnnualReport;
use super::{annual_risks as risks, annual_sections as sections};
use crate::documents::model::{Align, Metadata, Paragraph, Table};
use crate::documents::{self, Block, Document, Inline, PageSetup};
use crate::error::{CoreError, Result};
use crate::events::school_year::year_name;
use crate::grammar::date_long;

pub use super::annual_sections::{EVENT_COLUMNS, SECTIONS};
pub use super::annual_text::num;

/// Portrait A4, ГОСТ Р 7.0.97-2016 margins, 12 pt body (the DOCX too).
pub fn setup() -> PageSetup {
    PageSetup {
        margin_left_mm: 30.0,
        margin_right_mm: 10.0,
        margin_top_mm: 20.0,
        margin_bottom_mm: 20.0,
        body_size: 12.0,
        line_spacing: 1.2,
        first_line_indent_mm: 12.5,
        page_numbers: true,
        heading_scale: [1.2, 1.05, 1.0],
    }
}

/// «УТВЕРЖДАЮ», the position with the institution's name, the signature
/// line with «И.О. Фамилия» and the date line, at the top right.
fn approval(r: &AnnualReport) -> Block {
    let inst = &r.institution;
    let org = if inst.short_name.is_empty() {
        &inst.full_name
    } else {
        &inst.short_name
    };
    let position = match (inst.head_position.is_empty(), org.is_empty()) {
        (false, false) => format!("{} {org}", inst.head_position),
        (false, true) => inst.head_position.clone(),
        (true, false) => format!("Руководитель {org}"),
        (true, true) => "Руководитель".to_string(),
    };
    let name = if inst.head_name.is_empty() {
        "И.О. Фамилия".to_string()
    } else {
        inst.head_name.clone()
    };
    let lines = [
        "УТВЕРЖДАЮ".to_string(),
        position,
        format!("_____________ {}", name.replace(' ', "\u{a0}")),
        "«__» ________ 20__ г.".to_string(),
    ];
    Block::Table(Table {
        column_widths: vec![80.0, 90.0],
        header: Vec::new(),
        rows: lines
            .into_iter()
            .map(|l| vec![Vec::new(), cell(l)])
            .collect(),
        keep_together: true,
        borderless: true,
        column_align: vec![Align::Left, Align::Left],
        font_size: Some(12.0),
    })
}

/// The report as document blocks with its charts drawn (public for tests
/// and previews).
pub fn document(r: &AnnualReport, created: NaiveDateTime) -> Result<Document> {
    blocks(r, created, false)
}

/// The report as document blocks; `figures_as_tables`: the charts as
/// tables of their data (for the DOCX).
pub fn blocks(
    r: &AnnualReport,
    created: NaiveDateTime,
    figures_as_tables: bool,
) -> Result<Document> {
    let mut b = sections::Out::new(figures_as_tables);
    b.push(approval(r));
    if !r.institution.full_name.is_empty() {
        b.push(Block::Paragraph(Paragraph {
            inlines: vec![Inline::bold(r.institution.full_name.clone())],
            align: Align::Center,
        }));
    }
    b.push(heading(1, &r.title));
    b.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::plain(format!(
            "Период: с {} по {}; данные на {}",
            date_long(r.first_day),
            date_long(r.last_day),
            date_long(r.today)
        ))],
        align: Align::Center,
    }));
    sections::overview(r, &mut b);
    sections::partners_section(r, &mut b)?;
    sections::agreements_section(r, &mut b)?;
    sections::events_section(r, &mut b)?;
    sections::results_section(r, &mut b);
    risks::deficits_section(r, &mut b);
    risks::stages_section(r, &mut b)?;
    risks::risks_section(r, &mut b);
    risks::conclusions_section(r, &mut b);
    b.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::plain(format!(
            "Составлено: {}",
            date_long(created.date())
        ))],
        align: Align::Right,
    }));
    Ok(Document {
        meta: Metadata {
            title: r.title.clone(),
            author: r.institution.full_name.clone(),
            subject: "Аналитическая справка о сетевом взаимодействии".into(),
            keywords: vec![
                "аналитическая справка".into(),
                "сетевое взаимодействие".into(),
                year_name(r.year),
            ],
        },
        blocks: b.blocks,
    })
}

/// The report as PDF bytes; the same report and `created` give the same bytes.
pub fn render(r: &AnnualReport, created: NaiveDateTime) -> Result<Vec<u8>> {
    documents::render(&document(r, created)?, &setup(), created)
        .map_err(|e| CoreError::Document(e.to_string()))
}
