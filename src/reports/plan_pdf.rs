//! The school-year plan as a PDF through the document engine: landscape
//! A4, the approval block «УТВЕРЖДАЮ» at the top right, the institution and
//! the title, then per month a heading and a table whose header row is
//! repeated on every page it continues on, and the responsible's signature.

use chrono::NaiveDateTime;

use super::model::{PlanRow, SchoolYearPlan};
use super::plan_signatures::{date_line, PlanSignatures};
use crate::documents::model::{Align, Metadata, Orientation, Paragraph, Table};
use crate::documents::{self, Block, Document, Inline, PageSetup};
use crate::error::{CoreError, Result};
use crate::grammar::date_long;

/// The column headings, in order.
pub const COLUMNS: [&str; 8] = [
    "№",
    "Даты",
    "Форма",
    "Мероприятие",
    "Партнёры",
    "Аудитория",
    "Ответственный",
    "Статус",
];

/// Column widths in millimetres of the 267 mm text width (scaled anyway):
/// the title and the partners get the room; «№» holds five digits (a year
/// of 20 000 rows) unbroken; «онлайн-конференция», «общественность»,
/// «педагог-организатор» and «запланировано» fit a line, so no word is
/// split by force. The tests below pin all of this.
const WIDTHS: [f32; 8] = [12.0, 28.0, 37.0, 51.0, 38.0, 31.0, 39.0, 28.0];

/// Type size of the table cells: 8 columns across 267 mm.
const CELL_SIZE: f32 = 10.0;

/// Landscape pages per ГОСТ Р 7.0.97-2016 margins; 12 pt body.
fn setup() -> PageSetup {
    PageSetup {
        margin_left_mm: 20.0,
        margin_right_mm: 10.0,
        margin_top_mm: 15.0,
        margin_bottom_mm: 12.0,
        body_size: 12.0,
        line_spacing: 1.2,
        first_line_indent_mm: 0.0,
        page_numbers: true,
        heading_scale: [1.2, 1.0, 1.0],
    }
}

fn cell(text: &str) -> Vec<Inline> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::plain(tie(text))]
    }
}

/// An initial: one capital letter and a full stop («В.»).
fn is_initial(token: &str) -> bool {
    let mut chars = token.trim_end_matches(',').chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    )
}

/// Non-breaking spaces where a line must not break in a narrow cell:
/// «№ 2» (also «(№ 2)»), and initials with each other and the surname
/// («Петрова Н. В.»).
fn tie(text: &str) -> String {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            let prev = tokens[i - 1];
            let tied = prev.ends_with('№')
                || (is_initial(prev) && !prev.ends_with(','))
                || is_initial(token);
            out.push(if tied { '\u{a0}' } else { ' ' });
        }
        out.push_str(token);
    }
    out
}

fn centered(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        inlines,
        align: Align::Center,
    })
}

fn table_row(r: &PlanRow) -> Vec<Vec<Inline>> {
    vec![
        cell(&r.number.to_string()),
        cell(&r.when),
        cell(&r.form),
        cell(&r.title),
        cell(&r.partners.join(", ")),
        cell(&r.audience),
        cell(&r.responsible),
        cell(&r.status),
    ]
}

/// A borderless table whose cells are `rows` of plain text.
fn plain_table(widths: &[f32], rows: Vec<Vec<String>>, align: Vec<Align>) -> Block {
    Block::Table(Table {
        column_widths: widths.to_vec(),
        header: Vec::new(),
        rows: rows
            .into_iter()
            .map(|r| r.iter().map(|t| cell(t)).collect())
            .collect(),
        keep_together: true,
        borderless: true,
        column_align: align,
        font_size: None,
    })
}

/// «УТВЕРЖДАЮ», the position, the signature line with the name and the
/// date, in the right third of the page.
fn approval(s: &PlanSignatures) -> Block {
    let lines = [
        "УТВЕРЖДАЮ".to_string(),
        s.approver_position.clone(),
        format!("______________ {}", s.approver_name)
            .trim_end()
            .to_string(),
        date_line(s.approval_date),
    ];
    plain_table(
        &[170.0, 97.0],
        lines.into_iter().map(|l| vec![String::new(), l]).collect(),
        vec![Align::Left, Align::Left],
    )
}

/// The responsible's position, a signature line and the name (a line to
/// write it on when none is given).
fn signature(s: &PlanSignatures) -> Block {
    let name = if s.responsible_name.is_empty() {
        "/______________________/".to_string()
    } else {
        s.responsible_name.clone()
    };
    plain_table(
        &[95.0, 38.0, 60.0, 74.0],
        vec![vec![
            s.responsible_position.clone(),
            "______________".into(),
            name,
            String::new(),
        ]],
        vec![Align::Left, Align::Center, Align::Left, Align::Left],
    )
}

/// The plan as document blocks (public for tests and previews), with the
/// approval block and the signature when `signatures` asks for them.
pub fn document(
    plan: &SchoolYearPlan,
    signatures: Option<&PlanSignatures>,
    created: NaiveDateTime,
) -> Document {
    let mut blocks = vec![Block::Orientation(Orientation::Landscape)];
    if let Some(s) = signatures.filter(|s| s.approval) {
        blocks.push(approval(s));
    }
    if !plan.institution.is_empty() {
        blocks.push(centered(vec![Inline::bold(plan.institution.clone())]));
    }
    blocks.push(Block::Heading {
        level: 1,
        text: plan.title.clone(),
        runs: Vec::new(),
    });
    blocks.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::plain(format!(
            "Составлено: {}",
            date_long(created.date())
        ))],
        align: Align::Right,
    }));
    if plan.months.is_empty() {
        blocks.push(centered(vec![Inline::plain(format!(
            "В {} учебном году мероприятий нет.",
            crate::events::school_year::year_name(plan.year)
        ))]));
    }
    let header: Vec<Vec<Inline>> = COLUMNS.iter().map(|c| cell(c)).collect();
    let mut align = vec![Align::Left; COLUMNS.len()];
    align[0] = Align::Center;
    for month in &plan.months {
        // A heading per month: it goes to the PDF outline and stays with
        // the table's first rows.
        blocks.push(Block::Heading {
            level: 2,
            text: month.label.clone(),
            runs: Vec::new(),
        });
        blocks.push(Block::Table(Table {
            column_widths: WIDTHS.to_vec(),
            header: header.clone(),
            rows: month.rows.iter().map(table_row).collect(),
            keep_together: false,
            borderless: false,
            column_align: align.clone(),
            font_size: Some(CELL_SIZE),
        }));
    }
    if let Some(s) = signatures.filter(|s| s.responsible) {
        blocks.push(Block::Paragraph(Paragraph {
            inlines: Vec::new(),
            align: Align::Left,
        }));
        blocks.push(signature(s));
    }
    Document {
        meta: Metadata {
            title: plan.title.clone(),
            author: plan.institution.clone(),
            subject: "План сетевого взаимодействия".into(),
            keywords: vec![
                "план".into(),
                "сетевое взаимодействие".into(),
                crate::events::school_year::year_name(plan.year),
            ],
        },
        blocks,
    }
}

/// The plan as PDF bytes; the same plan, signatures and `created` give the
/// same bytes.
pub fn render(
    plan: &SchoolYearPlan,
    signatures: Option<&PlanSignatures>,
    created: NaiveDateTime,
) -> Result<Vec<u8>> {
    documents::render(&document(plan, signatures, created), &setup(), created)
        .map_err(|e| CoreError::Document(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::{setup, tie, CELL_SIZE, COLUMNS, WIDTHS};
    use crate::documents::debug_cell_lines;

    /// Lines of `text` in column `i` as the plan's table sets them.
    fn lines_in(column: usize, text: &str) -> Vec<String> {
        let page = setup();
        let text_mm = 297.0 - page.margin_left_mm - page.margin_right_mm;
        let sum: f32 = WIDTHS.iter().sum();
        let mm = WIDTHS[column] / sum * text_mm;
        debug_cell_lines(text, mm, CELL_SIZE)
            .expect("sets")
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn the_columns_hold_their_longest_words_on_one_line() {
        for number in ["9", "100", "9999", "20000"] {
            assert_eq!(lines_in(0, number), [number], "№ {number}");
        }
        for (column, word) in [
            (2, "онлайн-конференция"),
            (5, "общественность"),
            (6, "педагог-организатор"),
            (7, "запланировано"),
        ] {
            assert_eq!(lines_in(column, word), [word], "{}", COLUMNS[column]);
        }
    }

    #[test]
    fn numbers_and_initials_are_tied() {
        assert_eq!(tie("МБОУ «СОШ № 2»"), "МБОУ «СОШ №\u{a0}2»");
        assert_eq!(
            tie("Петрова Н. В., методист"),
            "Петрова\u{a0}Н.\u{a0}В., методист"
        );
        assert_eq!(tie("В. И. Мишина"), "В.\u{a0}И.\u{a0}Мишина");
        assert_eq!(tie("педагоги, родители"), "педагоги, родители");
        assert_eq!(tie("Сбор (№ 12)"), "Сбор (№\u{a0}12)");
    }
}
