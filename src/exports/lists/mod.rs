//! Every list of the app as a table she can take away: XLSX in the plan's
//! house style (real dates and numbers, the header row frozen and filtered,
//! set widths, wrapped text) and CSV as Excel on a Russian Windows opens it
//! (UTF-8 with a BOM, `;`, CRLF, quoted where needed). Each list builds a
//! [`Table`] of exactly the rows the UI shows, in its order: the UI names
//! them (ids in order, or the calendar's own filter); nothing is re-sorted.

pub mod agreements;
pub mod contacts;
pub mod deficits;
pub mod events;
pub mod partners;
pub mod persons;
pub mod trash;

use std::borrow::Cow;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::{ExportTarget, FileFormat};
use crate::error::{CoreError, Result};
use crate::reports::plan_xlsx::{failed, wrapped_lines, Formats};

/// One cell of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(Option<NaiveDate>),
    DateTime(Option<NaiveDateTime>),
}

pub(crate) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A count or a figure; an empty cell when there is none.
pub(crate) fn number(n: Option<i64>) -> Cell {
    match n {
        Some(n) => Cell::Number(n as f64),
        None => Cell::Text(String::new()),
    }
}

/// «да» or nothing: a flag that filters well in a spreadsheet.
pub(crate) fn yes(flag: bool) -> Cell {
    text(if flag { "да" } else { "" })
}

/// A list's fixed columns as a [`Table`] keeps them.
pub(crate) fn columns(fixed: &[(&'static str, f64)]) -> Vec<(Cow<'static, str>, f64)> {
    fixed.iter().map(|(n, w)| (Cow::Borrowed(*n), *w)).collect()
}

/// A list ready to be written: the sheet's name, its columns (heading and
/// width in characters) and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name and the workbook's title: «Партнёры».
    pub name: &'static str,
    /// Heading and width; her own fields' headings are her words.
    pub columns: Vec<(Cow<'static, str>, f64)>,
    pub rows: Vec<Vec<Cell>>,
}

impl Cell {
    /// The cell as CSV text: dates as Excel on a Russian system reads them.
    fn csv_text(&self) -> String {
        match self {
            Cell::Text(s) => formula_safe(s),
            Cell::Number(n) => format_number(*n),
            Cell::Date(d) => d.map(crate::grammar::date_short).unwrap_or_default(),
            Cell::DateTime(t) => t
                .map(|t| {
                    format!(
                        "{} {:02}:{:02}",
                        crate::grammar::date_short(t.date()),
                        t.hour(),
                        t.minute()
                    )
                })
                .unwrap_or_default(),
        }
    }
}

/// A text Excel would take for a formula (a phone «+7 (…)», a line «- …»,
/// «=…», «@…») gets an apostrophe in front: it opens as the text, and no
/// cell of a shared list can run a formula. The import drops it again.
fn formula_safe(s: &str) -> String {
    if s.starts_with(crate::text::FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Whole numbers without «.0»; others with a decimal comma.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string().replace('.', ",")
    }
}

/// The table as CSV bytes: a BOM, `;`, CRLF, fields quoted when they hold
/// `;`, a quote or a line break.
pub fn csv(table: &Table) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .quote_style(::csv::QuoteStyle::Necessary)
            .from_writer(&mut out);
        let broken =
            |e: ::csv::Error| CoreError::Document(format!("Не удалось составить CSV: {e}"));
        w.write_record(table.columns.iter().map(|(name, _)| name.as_ref()))
            .map_err(broken)?;
        for row in &table.rows {
            w.write_record(row.iter().map(Cell::csv_text))
                .map_err(broken)?;
        }
        w.flush()
            .map_err(|e| CoreError::Document(format!("Не удалось составить CSV: {e}")))?;
    }
    Ok(out)
}

/// Widest list (in characters) printed one page wide: about what a
/// landscape A4 holds at 70 % scale.
const FIT_WIDTH_CHARS: f64 = 280.0;

/// Lists longer than this are compressed at the fastest level.
const FAST_ZIP_ROWS: usize = 1_000;

/// A date and time cell of the sheet.
struct Stamp {
    format: Format,
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
    stamp: &Stamp,
) -> std::result::Result<(), XlsxError> {
    match cell {
        Cell::Text(s) if s.is_empty() => ws.write_blank(row, col, &f.text)?,
        Cell::Text(s) => ws.write_string_with_format(row, col, s, &f.text)?,
        Cell::Number(n) => ws.write_number_with_format(row, col, *n, &f.number)?,
        Cell::Date(Some(d)) => ws.write_datetime_with_format(row, col, d, &f.date)?,
        Cell::DateTime(Some(t)) => ws.write_datetime_with_format(row, col, t, &stamp.format)?,
        Cell::Date(None) | Cell::DateTime(None) => ws.write_blank(row, col, &f.date)?,
    };
    Ok(())
}

/// How many 15 pt lines a row takes: the tallest wrapped cell. Spreadsheets
/// do not grow a row for wrapped text by themselves.
fn row_lines(table: &Table, row: &[Cell]) -> usize {
    row.iter()
        .zip(&table.columns)
        .map(|(cell, (_, width))| match cell {
            Cell::Text(s) => wrapped_lines(s, *width),
            _ => 1,
        })
        .max()
        .unwrap_or(1)
}

fn sheet(ws: &mut Worksheet, table: &Table) -> std::result::Result<(), XlsxError> {
    let f = Formats::new();
    let stamp = Stamp {
        format: f.date.clone().set_num_format("dd.mm.yyyy hh:mm"),
    };
    ws.set_name(table.name)?;
    let last_col = table.columns.len().saturating_sub(1) as u16;
    for (i, (name, width)) in table.columns.iter().enumerate() {
        ws.set_column_width(i as u16, *width)?;
        ws.write_string_with_format(0, i as u16, name.as_ref(), &f.header)?;
    }
    let header_lines = table
        .columns
        .iter()
        .map(|(name, width)| wrapped_lines(name, *width))
        .max()
        .unwrap_or(1);
    if header_lines > 1 {
        ws.set_row_height(0, 15.0 * header_lines as f64)?;
    }
    let mut row = 1u32;
    for cells in &table.rows {
        let lines = row_lines(table, cells);
        if lines > 1 {
            ws.set_row_height(row, 15.0 * lines.min(27) as f64)?;
        }
        for (i, cell) in cells.iter().enumerate() {
            write_cell(ws, row, i as u16, cell, &f, &stamp)?;
        }
        row += 1;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, row - 1, last_col)?;
    // Printing: landscape A4, the header on every page; one page wide when
    // that stays readable (a list of 28 columns would print unreadably small).
    ws.set_landscape();
    ws.set_paper_size(9);
    let total: f64 = table.columns.iter().map(|(_, w)| w).sum();
    if total <= FIT_WIDTH_CHARS {
        ws.set_print_fit_to_pages(1, 0);
    }
    ws.set_margins(0.79, 0.39, 0.79, 0.79, 0.3, 0.3);
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer("&CСтраница &P из &N");
    Ok(())
}

/// The table as XLSX bytes; `created` is the workbook's creation date, so
/// the same list on the same day gives the same bytes.
pub fn xlsx(table: &Table, created: NaiveDateTime) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(table.name)
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    // Most of the time of a long list goes to compressing its XML: the
    // fastest level keeps 10 000 partners within a second.
    if table.rows.len() > FAST_ZIP_ROWS {
        wb.set_zip_compression_level(1);
    }
    sheet(wb.add_worksheet(), table).map_err(failed)?;
    wb.save_to_buffer().map_err(failed)
}

/// The table in `format` (XLSX or CSV).
pub fn bytes(table: &Table, format: FileFormat, now: NaiveDateTime) -> Result<Vec<u8>> {
    match format {
        FileFormat::Csv => csv(table),
        FileFormat::Xlsx => xlsx(table, now),
        other => Err(CoreError::BadInput(format!(
            "список выгружается в Excel (xlsx) или CSV, а не в {}.",
            other.extension().to_uppercase()
        ))),
    }
}

/// Writes the table to `path` atomically.
pub fn write(table: &Table, format: FileFormat, path: &Path, now: NaiveDateTime) -> Result<()> {
    crate::storage::files::write_atomic(path, &bytes(table, format, now)?)
}

/// «10:00–12:00» of a timed occurrence, «10:00» across days, empty all day.
pub(crate) fn time_text(start: NaiveDateTime, end: NaiveDateTime, all_day: bool) -> String {
    let hm = |t: NaiveDateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    if all_day {
        String::new()
    } else if end > start && end.date() == start.date() {
        format!("{}–{}", hm(start), hm(end))
    } else {
        hm(start)
    }
}

/// The table of a list's export target; other targets are not lists.
pub fn table(storage: &crate::storage::Storage, target: &ExportTarget) -> Result<Table> {
    match target {
        ExportTarget::PartnerList { ids, .. } => partners::table(storage, ids),
        ExportTarget::ContactList { partner_ids, .. } => contacts::table(storage, partner_ids),
        ExportTarget::PersonList { ids, .. } => persons::table(storage, ids),
        ExportTarget::AgreementList { ids, .. } => agreements::table(storage, ids),
        ExportTarget::EventList { filter, series, .. } => events::table(storage, filter, *series),
        ExportTarget::DeficitTable { .. } => deficits::table(storage),
        ExportTarget::TrashList { items, .. } => trash::table(storage, items),
        _ => Err(CoreError::BadInput(
            "это не список: выгрузить в таблицу можно партнёров, контакты, договоры, мероприятия, дефициты и корзину.".into(),
        )),
    }
}

/// The file name's stem of a list: «Партнёры», «Мероприятия» …; `None`
/// for other targets.
pub fn stem(target: &ExportTarget) -> Option<&'static str> {
    Some(match target {
        ExportTarget::PartnerList { .. } => "Партнёры",
        ExportTarget::ContactList { .. } => "Контакты партнёров",
        ExportTarget::PersonList { .. } => "Контакты",
        ExportTarget::AgreementList { .. } => "Договоры",
        ExportTarget::EventList { series: false, .. } => "Мероприятия",
        ExportTarget::EventList { series: true, .. } => "Мероприятия и серии",
        ExportTarget::DeficitTable { .. } => "Дефициты и ресурсы",
        ExportTarget::TrashList { .. } => "Корзина",
        _ => return None,
    })
}
