//! The school-year plan as an Excel workbook (rust_xlsxwriter): one sheet,
//! the title on top, the header row frozen and filtered, a bold row per
//! month, dates as real dates so that the sheet sorts and filters by them.

use chrono::{NaiveDateTime, Timelike};
use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::model::{PlanRow, SchoolYearPlan};
use crate::error::{CoreError, Result};

/// The column headings and their widths (in characters).
pub const COLUMNS: [(&str, f64); 10] = [
    ("№", 5.0),
    ("Дата", 11.0),
    ("Время", 12.0),
    ("Все даты", 22.0),
    ("Форма", 20.0),
    ("Мероприятие", 42.0),
    ("Партнёры", 32.0),
    ("Аудитория", 18.0),
    ("Ответственный", 20.0),
    ("Статус", 16.0),
];

/// The header row (0-based): institution, title, an empty line, header.
pub const HEADER_ROW: u32 = 3;

/// Excel paper size code of A4.
const A4: u8 = 9;

/// «План 2026-2027»: a sheet name may not contain «/».
pub fn sheet_name(year: i32) -> String {
    format!("План {year}-{}", year.saturating_add(1))
}

/// An xlsxwriter failure in Russian (every workbook of the app uses it).
pub(crate) fn failed(e: XlsxError) -> CoreError {
    CoreError::Document(format!("Не удалось составить файл Excel: {e}"))
}

/// The house style of every workbook: shared with the lists' exports.
pub(crate) struct Formats {
    pub(crate) title: Format,
    pub(crate) institution: Format,
    pub(crate) header: Format,
    pub(crate) month: Format,
    pub(crate) text: Format,
    pub(crate) number: Format,
    pub(crate) date: Format,
}

impl Formats {
    pub(crate) fn new() -> Self {
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
            // Not wrapped, so the label runs over the empty cells beside it.
            month: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_background_color(0xF2F2F2),
            number: cell.clone().set_align(FormatAlign::Center),
            date: cell.clone().set_num_format("dd.mm.yyyy"),
            text: cell,
        }
    }
}

/// «10:00–12:00» of a timed row; empty all day.
fn time_text(r: &PlanRow) -> String {
    let hm = |t: NaiveDateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    if r.all_day {
        String::new()
    } else if r.end > r.start && r.end.date() == r.start.date() {
        format!("{}–{}", hm(r.start), hm(r.end))
    } else {
        hm(r.start)
    }
}

/// How many lines `text` wraps to in a column `width` characters wide
/// (greedy by words, as the spreadsheet wraps).
pub fn wrapped_lines(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0) as usize;
    text.lines()
        .map(|line| {
            let mut lines = 1;
            let mut used = 0;
            for word in line.split_whitespace() {
                let len = word.chars().count();
                if used > 0 && used + 1 + len > room {
                    lines += 1;
                    used = 0;
                }
                // A word longer than the column is broken across lines.
                lines += len.saturating_sub(1) / room;
                // A word that fills its last line exactly leaves no room.
                used = if used == 0 {
                    match len % room {
                        0 => room,
                        rest => rest,
                    }
                } else {
                    used + 1 + len
                };
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    r: &PlanRow,
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    ws.write_number_with_format(row, 0, r.number, &f.number)?;
    match r.dates.first() {
        Some(d) => ws.write_datetime_with_format(row, 1, d, &f.date)?,
        None => ws.write_blank(row, 1, &f.date)?,
    };
    let texts = [
        time_text(r),
        r.when.clone(),
        r.form.clone(),
        r.title.clone(),
        r.partners.join(", "),
        r.audience.clone(),
        r.responsible.clone(),
        r.status.clone(),
    ];
    let lines = texts
        .iter()
        .enumerate()
        .map(|(i, t)| wrapped_lines(t, COLUMNS[2 + i].1))
        .max()
        .unwrap_or(1);
    // Spreadsheets do not grow a row for wrapped text by themselves (Calc
    // and Excel keep the stored height), so the height is set from the
    // text: one 15 pt line per wrapped line.
    ws.set_row_height(row, 15.0 * lines as f64)?;
    for (i, t) in texts.iter().enumerate() {
        let col = 2 + i as u16;
        if t.is_empty() {
            ws.write_blank(row, col, &f.text)?;
        } else {
            ws.write_string_with_format(row, col, t, &f.text)?;
        }
    }
    Ok(())
}

fn sheet(ws: &mut Worksheet, plan: &SchoolYearPlan) -> std::result::Result<(), XlsxError> {
    let f = Formats::new();
    let last_col = (COLUMNS.len() - 1) as u16;
    ws.set_name(sheet_name(plan.year))?;
    ws.write_string_with_format(0, 0, &plan.institution, &f.institution)?;
    ws.write_string_with_format(1, 0, &plan.title, &f.title)?;
    for (i, (name, width)) in COLUMNS.iter().enumerate() {
        let col = i as u16;
        ws.set_column_width(col, *width)?;
        ws.write_string_with_format(HEADER_ROW, col, *name, &f.header)?;
    }
    let mut row = HEADER_ROW + 1;
    for month in &plan.months {
        ws.write_string_with_format(row, 0, &month.label, &f.month)?;
        for col in 1..=last_col {
            ws.write_blank(row, col, &f.month)?;
        }
        row += 1;
        for r in &month.rows {
            write_row(ws, row, r, &f)?;
            row += 1;
        }
    }
    if plan.months.is_empty() {
        ws.write_string(
            row,
            0,
            format!(
                "В {} учебном году мероприятий нет.",
                crate::events::school_year::year_name(plan.year)
            ),
        )?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.autofilter(HEADER_ROW, 0, (row - 1).max(HEADER_ROW), last_col)?;
    // Printing: landscape A4, one page wide, the header on every page.
    ws.set_landscape();
    ws.set_paper_size(A4);
    ws.set_print_fit_to_pages(1, 0);
    // ГОСТ Р 7.0.97 margins in inches: 20 mm, 10 mm, 20 mm, 20 mm.
    ws.set_margins(0.79, 0.39, 0.79, 0.79, 0.3, 0.3);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_footer("&CСтраница &P из &N");
    Ok(())
}

/// The plan as XLSX bytes. The workbook's creation date is the first day of
/// the school year, so the same plan always gives the same bytes.
pub fn render(plan: &SchoolYearPlan) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let (first_day, _) = crate::events::school_year::school_year_range(plan.year);
    let props = DocProperties::new()
        .set_title(&plan.title)
        .set_author(&plan.institution)
        .set_creation_datetime(&first_day);
    wb.set_properties(&props);
    sheet(wb.add_worksheet(), plan).map_err(failed)?;
    wb.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn rows_grow_with_the_text_they_wrap() {
        assert_eq!(wrapped_lines("", 20.0), 1);
        assert_eq!(wrapped_lines("педагоги", 18.0), 1);
        // 20 characters wide: «Петрова Н. В.,» | «методист».
        assert_eq!(wrapped_lines("Петрова Н. В., методист", 16.0), 2);
        assert_eq!(wrapped_lines("одна строка\nвторая", 40.0), 2);
        // A word longer than the column takes several lines.
        assert_eq!(wrapped_lines("общеразвивающие", 6.0), 3);
        // A word as wide as the column fills its line.
        assert_eq!(wrapped_lines("Участников по плану", 11.0), 2);
    }
}
