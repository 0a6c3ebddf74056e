//! Sections 1–5 of the analytical report as document blocks: the network
//! in figures, partners by type, agreements, events (with their charts)
//! and what the held events gave.

use super::annual_text::{bold_cell, cell, dates, heading, num, para, table};
use super::charts_draw::Chart;
use super::charts_table;
use super::model::{AnnualReport, EventFigures, ReportCount};
use crate::documents::model::{Align, Paragraph, Table};
use crate::documents::{Block, Inline};
use crate::error::Result;
use crate::grammar::{date_long, date_short};

/// The section headings, in order.
pub const SECTIONS: [&str; 9] = [
    "1. Общие сведения о сети",
    "2. Партнёры по типам",
    "3. Договоры",
    "4. Мероприятия",
    "5. Итоги мероприятий",
    "6. Ресурсные дефициты",
    "7. Развитие партнёрства",
    "8. Риски",
    "9. Выводы",
];

/// The columns of the events tables (by form and by month).
pub const EVENT_COLUMNS: [&str; 8] = [
    "",
    "Всего",
    "Проведено",
    "Запланировано",
    "Перенесено",
    "Отменено",
    "Участники: план",
    "Участники: факт",
];

/// The eight columns of the events tables take a point less.
const EVENTS_CELL_SIZE: f32 = 9.0;

fn count_rows(counts: &[ReportCount]) -> Vec<Vec<Vec<Inline>>> {
    let mut rows: Vec<Vec<Vec<Inline>>> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                cell((i + 1).to_string()),
                cell(c.label.clone()),
                cell(num(i64::from(c.total))),
                cell(num(i64::from(c.new))),
            ]
        })
        .collect();
    let total: u32 = counts.iter().map(|c| c.total).sum();
    let new: u32 = counts.iter().map(|c| c.new).sum();
    rows.push(vec![
        Vec::new(),
        bold_cell("Итого"),
        bold_cell(num(i64::from(total))),
        bold_cell(num(i64::from(new))),
    ]);
    rows
}

fn event_row(f: &EventFigures, bold: bool) -> Vec<Vec<Inline>> {
    let c = |s: String| if bold { bold_cell(s) } else { cell(s) };
    vec![
        c(f.label.clone()),
        c(num(i64::from(f.total))),
        c(num(i64::from(f.held))),
        c(num(i64::from(f.planned))),
        c(num(i64::from(f.postponed))),
        c(num(i64::from(f.cancelled))),
        c(num(f.participants_planned)),
        c(num(f.participants_actual)),
    ]
}

fn events_table(first: &str, rows: &[EventFigures], total: &EventFigures) -> Block {
    let mut header = EVENT_COLUMNS;
    header[0] = first;
    let mut body: Vec<_> = rows.iter().map(|f| event_row(f, false)).collect();
    body.push(event_row(total, true));
    let mut align = vec![Align::Right; 8];
    align[0] = Align::Left;
    Block::Table(Table {
        column_widths: vec![30.0, 12.0, 20.0, 29.0, 21.0, 19.0, 19.5, 19.5],
        header: header.iter().map(|h| cell(*h)).collect(),
        rows: body,
        keep_together: false,
        borderless: false,
        column_align: align,
        font_size: Some(EVENTS_CELL_SIZE),
    })
}

/// The blocks being built, and how the charts are given: drawn (PDF), or
/// as tables of their data (DOCX, where this app draws no vector figures).
#[derive(Debug, Default)]
pub struct Out {
    pub blocks: Vec<Block>,
    pub figures_as_tables: bool,
    /// Figures given so far, for the «Рисунок N» numbers.
    figures: usize,
}

impl Out {
    pub fn new(figures_as_tables: bool) -> Self {
        Out {
            figures_as_tables,
            ..Out::default()
        }
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

/// Adds `chart`, numbered «Рисунок N. …», when it has something to show:
/// the drawing with its caption, or the table of its data followed by the
/// caption.
pub fn figure(b: &mut Out, r: &AnnualReport, chart: Chart) -> Result<()> {
    let caption = format!("Рисунок {}. {}", b.figures + 1, chart.title());
    if b.figures_as_tables {
        if let Some(t) = charts_table::table(&r.charts, chart) {
            b.figures += 1;
            b.push(Block::Table(t));
            b.push(Block::Paragraph(Paragraph {
                inlines: vec![Inline::italic(caption)],
                align: Align::Center,
            }));
        }
    } else if let Some(f) = chart.figure(&r.charts, caption)? {
        b.figures += 1;
        b.push(Block::Figure(f));
    }
    Ok(())
}

pub fn overview(r: &AnnualReport, b: &mut Out) {
    let t = &r.events_total;
    b.push(heading(2, SECTIONS[0]));
    b.push(para(format!(
        "На конец учебного года ({}) в реестре сетевых партнёров — {}, из них внесены в \
         реестр в течение учебного года — {}.",
        date_long(r.last_day),
        num(i64::from(r.partners_total)),
        num(i64::from(r.partners_new))
    )));
    b.push(para(format!(
        "В течение учебного года действовали договоры и соглашения — {}, заключено — {}, \
         прекратили действие — {}.",
        num(i64::from(r.agreements.in_force)),
        num(i64::from(r.agreements.concluded)),
        num(i64::from(r.agreements.ended))
    )));
    b.push(para(format!(
        "Совместных мероприятий (занятия серий — по отдельности) в плане года — {}: проведено — \
         {}, остаются запланированными — {}, перенесено — {}, отменено — {}. Участников по \
         плану — {}, фактически — {}.",
        num(i64::from(t.total)),
        num(i64::from(t.held)),
        num(i64::from(t.planned)),
        num(i64::from(t.postponed)),
        num(i64::from(t.cancelled)),
        num(t.participants_planned),
        num(t.participants_actual)
    )));
}

pub fn partners_section(r: &AnnualReport, b: &mut Out) -> Result<()> {
    b.push(heading(2, SECTIONS[1]));
    let align = vec![Align::Center, Align::Left, Align::Right, Align::Right];
    let header = ["№", "Тип партнёра", "Всего", "Из них новых"];
    b.push(table(
        &[10.0, 110.0, 25.0, 25.0],
        &header,
        count_rows(&r.by_type),
        align.clone(),
    ));
    figure(b, r, Chart::PartnersByType)?;
    b.push(para("По характеру взаимодействия:"));
    let header = ["№", "Вид взаимодействия", "Всего", "Из них новых"];
    b.push(table(
        &[10.0, 110.0, 25.0, 25.0],
        &header,
        count_rows(&r.by_relation),
        align,
    ));
    Ok(())
}

pub fn agreements_section(r: &AnnualReport, b: &mut Out) -> Result<()> {
    let a = &r.agreements;
    b.push(heading(2, SECTIONS[2]));
    b.push(para(format!(
        "В течение учебного года действовали договоры и соглашения — {} (договоры о сетевой \
         форме реализации образовательных программ — {}, соглашения о сотрудничестве — {}); \
         заключено (подписано) в течение года — {}; прекратили действие (истёк срок, \
         расторгнуты) — {}.",
        num(i64::from(a.in_force)),
        num(i64::from(a.network_program)),
        num(i64::from(a.cooperation)),
        num(i64::from(a.concluded)),
        num(i64::from(a.ended))
    )));
    if a.rows.is_empty() {
        return Ok(());
    }
    let rows = a
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            vec![
                cell((i + 1).to_string()),
                cell(row.name.replace("№ ", "№\u{a0}")),
                cell(row.partners.join(", ")),
                cell(row.signed_on.map(date_short).unwrap_or_default()),
                cell(row.ended_on.map(date_short).unwrap_or_default()),
                cell(row.status.clone()),
            ]
        })
        .collect();
    b.push(table(
        &[10.0, 42.0, 50.0, 23.0, 24.0, 21.0],
        &[
            "№",
            "Договор",
            "Партнёры",
            "Подписан",
            "Прекратил действие",
            "Статус",
        ],
        rows,
        vec![Align::Center],
    ));
    figure(b, r, Chart::AgreementsByStatus)
}

pub fn events_section(r: &AnnualReport, b: &mut Out) -> Result<()> {
    b.push(heading(2, SECTIONS[3]));
    b.push(para(
        "Мероприятия сети по формам взаимодействия и по месяцам (занятия серии учитываются по \
         отдельности; участники по плану — у проведённых и запланированных, фактически — у \
         проведённых).",
    ));
    b.push(heading(3, "4.1. По формам взаимодействия"));
    if r.events_by_form.is_empty() {
        b.push(para("Мероприятий в учебном году нет."));
    } else {
        b.push(events_table("Форма", &r.events_by_form, &r.events_total));
    }
    b.push(heading(3, "4.2. По месяцам"));
    b.push(events_table("Месяц", &r.events_by_month, &r.events_total));
    figure(b, r, Chart::EventsByMonth)?;
    figure(b, r, Chart::ParticipantsByMonth)?;
    b.push(heading(3, "4.3. Аудитория"));
    let rows = r
        .audience
        .iter()
        .map(|a| {
            vec![
                cell(a.label.clone()),
                cell(num(i64::from(a.occurrences))),
                cell(num(i64::from(a.held))),
            ]
        })
        .collect();
    b.push(table(
        &[70.0, 50.0, 50.0],
        &[
            "Аудитория",
            "Мероприятий (проведённых и запланированных)",
            "Из них проведено",
        ],
        rows,
        vec![Align::Left, Align::Right, Align::Right],
    ));
    Ok(())
}

pub fn results_section(r: &AnnualReport, b: &mut Out) {
    b.push(heading(2, SECTIONS[4]));
    if r.results.is_empty() {
        b.push(para("Итоги проведённых мероприятий не записаны."));
        return;
    }
    let rows = r
        .results
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut what = vec![Inline::bold(e.title.clone())];
            let mut more = vec![e.form.clone()];
            if !e.partners.is_empty() {
                more.push(e.partners.join(", "));
            }
            if let Some(n) = e.participants_actual {
                more.push(format!("участников — {}", num(n)));
            }
            what.push(Inline::plain(format!(" ({})", more.join("; "))));
            vec![
                cell((i + 1).to_string()),
                cell(dates(&e.dates)),
                what,
                cell(e.results.clone()),
            ]
        })
        .collect();
    b.push(table(
        &[10.0, 24.0, 60.0, 76.0],
        &["№", "Дата", "Мероприятие", "Итоги"],
        rows,
        vec![Align::Center],
    ));
}
