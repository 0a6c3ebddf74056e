//! The report's charts as tables of their data, for the DOCX (where this
//! app draws no vector figures): the same figures the drawings show.

use super::annual_text::{bold_cell, cell, num};
use super::charts_draw::{agreement_bars, stage_bars, Chart};
use super::model::{ChartBar, YearCharts};
use crate::documents::model::{Align, Inline, Table};

/// Type size of the month columns: fourteen columns fit the width.
const MONTHS_SIZE: f32 = 8.0;

fn data_table(
    widths: Vec<f32>,
    header: Vec<String>,
    rows: Vec<Vec<Vec<Inline>>>,
    size: f32,
) -> Table {
    let mut column_align = vec![Align::Right; widths.len()];
    column_align[0] = Align::Left;
    Table {
        column_widths: widths,
        header: header.into_iter().map(cell).collect(),
        rows,
        keep_together: false,
        borderless: false,
        column_align,
        font_size: Some(size),
    }
}

fn bars_table(first: &str, value: &str, bars: &[ChartBar]) -> Table {
    let rows = bars
        .iter()
        .map(|b| vec![cell(b.label.clone()), cell(num(i64::from(b.value)))])
        .collect();
    data_table(
        vec![130.0, 40.0],
        vec![first.to_string(), value.to_string()],
        rows,
        10.0,
    )
}

/// Rows of twelve monthly values and their total under a month header.
fn months_table(c: &YearCharts, first: &str, rows: Vec<(String, Vec<i64>)>) -> Table {
    let mut header = vec![first.to_string()];
    header.extend(c.month_abbr.iter().cloned());
    header.push("Всего".to_string());
    let body = rows
        .into_iter()
        .map(|(label, values)| {
            let mut row = vec![cell(label)];
            row.extend(values.iter().map(|v| cell(num(*v))));
            row.push(bold_cell(num(values.iter().sum())));
            row
        })
        .collect();
    let mut widths = vec![40.0];
    widths.extend(std::iter::repeat_n(9.0, c.month_abbr.len()));
    widths.push(12.0);
    data_table(widths, header, body, MONTHS_SIZE)
}

/// The data of `chart`, or none when it shows nothing (as the drawing).
pub fn table(c: &YearCharts, chart: Chart) -> Option<Table> {
    if !chart.shows(c) {
        return None;
    }
    Some(match chart {
        Chart::PartnersByType => bars_table("Тип партнёра", "Партнёров", &c.partners_by_type),
        Chart::AgreementsByStatus => bars_table("Статус", "Договоров", &agreement_bars(c)),
        Chart::PartnersByStage => bars_table("Этап", "Партнёров", &stage_bars(c)),
        Chart::EventsByMonth => {
            let rows = c
                .events_by_form
                .iter()
                .map(|f| {
                    let values = f.total.iter().map(|n| i64::from(*n)).collect();
                    (f.form.clone(), values)
                })
                .collect();
            months_table(c, "Форма", rows)
        }
        Chart::ParticipantsByMonth => months_table(
            c,
            "Участники",
            vec![
                ("по плану".to_string(), c.participants_planned.clone()),
                ("фактически".to_string(), c.participants_actual.clone()),
            ],
        ),
    })
}
