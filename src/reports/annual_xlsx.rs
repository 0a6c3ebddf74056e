//! The analytical report as an Excel workbook (rust_xlsxwriter), in the
//! plan's house style: one sheet per table of the report, the title on top,
//! the header row frozen and filtered, set widths, wrapped text, counts as
//! numbers and dates as dates, a bold «Итого» row under the filtered range.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::annual_sections::EVENT_COLUMNS;
use super::model::{AnnualReport, EventFigures, ReportCount};
use super::plan_xlsx::wrapped_lines;
use crate::error::{CoreError, Result};
use crate::grammar::date_short;
use crate::network::model::{HealthFlag, HealthFlagKind};

/// The sheets, in order.
pub const SHEETS: [&str; 8] = [
    "Партнёры по типам",
    "Договоры",
    "Мероприятия по формам",
    "Мероприятия по месяцам",
    "Итоги",
    "Дефициты",
    "Этапы",
    "Риски",
];

/// The header row (0-based): institution, title, an empty line, header.
pub const HEADER_ROW: u32 = 3;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Number(f64),
    Date(Option<NaiveDate>),
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn number(n: impl Into<f64>) -> Value {
    Value::Number(n.into())
}

/// One sheet: its columns (name, width in characters), rows and an
/// optional bold total row.
struct Sheet {
    name: &'static str,
    columns: Vec<(&'static str, f64)>,
    rows: Vec<Vec<Value>>,
    total: Option<Vec<Value>>,
}

struct Formats {
    title: Format,
    institution: Format,
    header: Format,
    text: Format,
    number: Format,
    date: Format,
    total: Format,
    total_number: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            institution: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(0xE7E6E6),
            number: cell.clone().set_align(FormatAlign::Right),
            date: cell.clone().set_num_format("dd.mm.yyyy"),
            total: cell.clone().set_bold().set_background_color(0xF2F2F2),
            total_number: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Right)
                .set_background_color(0xF2F2F2),
            text: cell,
        }
    }
}

fn failed(e: XlsxError) -> CoreError {
    CoreError::Document(format!("Не удалось составить файл Excel: {e}"))
}

fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    (text_f, number_f, date_f): (&Format, &Format, &Format),
) -> std::result::Result<(), XlsxError> {
    match v {
        Value::Text(t) if t.is_empty() => ws.write_blank(row, col, text_f)?,
        Value::Text(t) => ws.write_string_with_format(row, col, t, text_f)?,
        Value::Number(n) => ws.write_number_with_format(row, col, *n, number_f)?,
        Value::Date(Some(d)) => ws.write_datetime_with_format(row, col, d, date_f)?,
        Value::Date(None) => ws.write_blank(row, col, date_f)?,
    };
    Ok(())
}

/// The wrapped height of a row: one 15 pt line per line of its tallest cell.
fn row_height(values: &[Value], columns: &[(&str, f64)]) -> f64 {
    let lines = values
        .iter()
        .zip(columns)
        .map(|(v, (_, w))| match v {
            Value::Text(t) => wrapped_lines(t, *w),
            _ => 1,
        })
        .max()
        .unwrap_or(1);
    15.0 * lines as f64
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &Sheet,
    r: &AnnualReport,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    ws.set_name(sheet.name)?;
    ws.write_string_with_format(0, 0, &r.institution.full_name, &f.institution)?;
    ws.write_string_with_format(1, 0, format!("{}: {}", r.title, sheet.name), &f.title)?;
    for (i, (name, width)) in sheet.columns.iter().enumerate() {
        ws.set_column_width(i as u16, *width)?;
        ws.write_string_with_format(HEADER_ROW, i as u16, *name, &f.header)?;
    }
    let mut row = HEADER_ROW + 1;
    for values in &sheet.rows {
        ws.set_row_height(row, row_height(values, &sheet.columns))?;
        for (i, v) in values.iter().enumerate() {
            write_value(ws, row, i as u16, v, (&f.text, &f.number, &f.date))?;
        }
        row += 1;
    }
    let last_col = (sheet.columns.len() - 1) as u16;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.autofilter(HEADER_ROW, 0, (row - 1).max(HEADER_ROW), last_col)?;
    if let Some(total) = &sheet.total {
        for (i, v) in total.iter().enumerate() {
            write_value(ws, row, i as u16, v, (&f.total, &f.total_number, &f.date))?;
        }
    }
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.79, 0.39, 0.79, 0.79, 0.3, 0.3);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_footer("&CСтраница &P из &N");
    Ok(())
}

fn by_type(r: &AnnualReport) -> Sheet {
    let row = |i: usize, c: &ReportCount| {
        vec![
            number(i as u32 + 1),
            text(c.label.clone()),
            number(c.total),
            number(c.new),
        ]
    };
    Sheet {
        name: SHEETS[0],
        columns: vec![
            ("№", 5.0),
            ("Тип партнёра", 50.0),
            ("Всего", 10.0),
            ("Из них новых", 14.0),
        ],
        rows: r
            .by_type
            .iter()
            .enumerate()
            .map(|(i, c)| row(i, c))
            .collect(),
        total: Some(vec![
            text(""),
            text("Итого"),
            number(r.by_type.iter().map(|c| c.total).sum::<u32>()),
            number(r.by_type.iter().map(|c| c.new).sum::<u32>()),
        ]),
    }
}

fn agreements(r: &AnnualReport) -> Sheet {
    let rows = r
        .agreements
        .rows
        .iter()
        .enumerate()
        .map(|(i, a)| {
            vec![
                number(i as u32 + 1),
                text(a.name.clone()),
                text(a.partners.join(", ")),
                Value::Date(a.signed_on),
                Value::Date(a.ended_on),
                text(a.status.clone()),
            ]
        })
        .collect();
    Sheet {
        name: SHEETS[1],
        columns: vec![
            ("№", 5.0),
            ("Договор", 26.0),
            ("Партнёры", 40.0),
            ("Подписан", 12.0),
            ("Прекратил действие", 14.0),
            ("Статус", 14.0),
        ],
        rows,
        total: None,
    }
}

fn events_row(f: &EventFigures) -> Vec<Value> {
    vec![
        text(f.label.clone()),
        number(f.total),
        number(f.held),
        number(f.planned),
        number(f.postponed),
        number(f.cancelled),
        number(f.participants_planned as f64),
        number(f.participants_actual as f64),
    ]
}

fn events(
    name: &'static str,
    first: &'static str,
    rows: &[EventFigures],
    total: &EventFigures,
) -> Sheet {
    let mut columns: Vec<(&'static str, f64)> = EVENT_COLUMNS.iter().map(|c| (*c, 14.0)).collect();
    columns[0] = (first, 34.0);
    Sheet {
        name,
        columns,
        rows: rows.iter().map(events_row).collect(),
        total: Some(events_row(total)),
    }
}

fn results(r: &AnnualReport) -> Sheet {
    let rows = r
        .results
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let dates: Vec<String> = e.dates.iter().map(|d| date_short(*d)).collect();
            vec![
                number(i as u32 + 1),
                Value::Date(e.dates.first().copied()),
                text(dates.join(", ")),
                text(e.title.clone()),
                text(e.form.clone()),
                text(e.partners.join(", ")),
                e.participants_actual
                    .map_or_else(|| text(""), |n| number(n as f64)),
                text(e.results.clone()),
            ]
        })
        .collect();
    Sheet {
        name: SHEETS[4],
        columns: vec![
            ("№", 5.0),
            ("Дата", 12.0),
            ("Все даты", 16.0),
            ("Мероприятие", 36.0),
            ("Форма", 18.0),
            ("Партнёры", 28.0),
            ("Участников", 12.0),
            ("Итоги", 50.0),
        ],
        rows,
        total: None,
    }
}

fn deficits(r: &AnnualReport) -> Sheet {
    let rows = r
        .deficits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            vec![
                number(i as u32 + 1),
                text(d.deficit.clone()),
                text(if d.covered {
                    "закрыт"
                } else {
                    "не закрыт"
                }),
                text(d.partners.join(", ")),
            ]
        })
        .collect();
    Sheet {
        name: SHEETS[5],
        columns: vec![
            ("№", 5.0),
            ("Дефицит", 40.0),
            ("Состояние", 12.0),
            ("Партнёры, чьи ресурсы его закрывают", 50.0),
        ],
        rows,
        total: None,
    }
}

fn stages(r: &AnnualReport) -> Sheet {
    let rows = r
        .by_stage
        .iter()
        .map(|s| {
            let label = match s.stage {
                Some(n) => format!("{n}. {}", s.label),
                None => s.label.clone(),
            };
            vec![text(label), number(s.partners)]
        })
        .collect();
    Sheet {
        name: SHEETS[6],
        columns: vec![
            ("Этап развития сетевого взаимодействия", 70.0),
            ("Партнёров", 12.0),
        ],
        rows,
        total: Some(vec![
            text("Итого"),
            number(r.by_stage.iter().map(|s| s.partners).sum::<u32>()),
        ]),
    }
}

fn risk_kind(kind: HealthFlagKind) -> &'static str {
    match kind {
        HealthFlagKind::Dormant => "«спящий» партнёр",
        HealthFlagKind::NoLegalBasis => "мероприятия без действующего договора",
        HealthFlagKind::SingleContact => "один контакт",
        HealthFlagKind::UncoveredDeficit => "дефицит не закрыт",
        HealthFlagKind::IdleResources => "ресурсы не используются",
    }
}

fn risks(r: &AnnualReport) -> Sheet {
    let flags: Vec<&HealthFlag> = r.dormant.iter().chain(&r.risks).collect();
    let rows = flags
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                number(i as u32 + 1),
                text(risk_kind(f.kind)),
                text(f.subject.clone()),
                text(f.message.clone()),
            ]
        })
        .collect();
    Sheet {
        name: SHEETS[7],
        columns: vec![
            ("№", 5.0),
            ("Риск", 24.0),
            ("Партнёр", 30.0),
            ("Что происходит и что сделать", 70.0),
        ],
        rows,
        total: None,
    }
}

/// The report as XLSX bytes. The workbook is dated by the report's day, so
/// the same report always gives the same bytes.
pub fn render(r: &AnnualReport) -> Result<Vec<u8>> {
    let sheets = [
        by_type(r),
        agreements(r),
        events(SHEETS[2], "Форма", &r.events_by_form, &r.events_total),
        events(SHEETS[3], "Месяц", &r.events_by_month, &r.events_total),
        results(r),
        deficits(r),
        stages(r),
        risks(r),
    ];
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(&r.title)
        .set_author(&r.institution.full_name)
        .set_creation_datetime(&r.today);
    wb.set_properties(&props);
    let f = Formats::new();
    for sheet in &sheets {
        write_sheet(wb.add_worksheet(), sheet, r, &f).map_err(failed)?;
    }
    wb.save_to_buffer().map_err(failed)
}
