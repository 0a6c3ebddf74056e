//! Reading a table she already keeps: .xlsx, .xls, .ods through calamine,
//! .csv through the `csv` crate after its encoding (UTF-8 or Windows-1251)
//! and delimiter (`;`, `,` or tab) are detected. Every refusal says in
//! Russian what to do; nothing here writes.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use crate::error::{CoreError, Result};

/// The largest file read for an import.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most data rows one import takes.
pub const MAX_ROWS: usize = 100_000;
/// The longest cell: a longer one is a whole text pasted by mistake.
pub const MAX_CELL_CHARS: usize = 10_000;

/// A sheet as text: the header row and the data rows with their numbers
/// as the spreadsheet shows them (1-based).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub sheets: Vec<String>,
    pub sheet: String,
    pub headers: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
}

enum Kind {
    Csv,
    Spreadsheet,
}

fn bad(message: String) -> CoreError {
    CoreError::BadInput(message)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn kind(path: &Path) -> Result<Kind> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => Ok(Kind::Csv),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(Kind::Spreadsheet),
        _ => Err(bad(format!(
            "файл «{}» — не таблица: выберите файл .xlsx, .xls, .ods или .csv.",
            file_name(path)
        ))),
    }
}

/// Reads `sheet` of the file (the first one when empty).
pub fn read(path: &Path, sheet: &str) -> Result<Table> {
    let meta = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?;
    if !meta.is_file() {
        return Err(bad(format!(
            "«{}» — это не файл. Выберите таблицу .xlsx, .xls, .ods или .csv.",
            path.display()
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(bad(format!(
            "файл «{}» слишком большой ({} МБ): для импорта подходит таблица не больше {} МБ. \
             Разделите её на несколько файлов.",
            file_name(path),
            meta.len().div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let (sheets, sheet, grid) = match kind(path)? {
        Kind::Csv => (vec![String::new()], String::new(), csv_grid(path)?),
        Kind::Spreadsheet => spreadsheet_grid(path, sheet)?,
    };
    let table = into_table(path, sheets, sheet, grid)?;
    Ok(table)
}

/// Rows of cells with the sheet row number of each.
type Grid = Vec<(u32, Vec<String>)>;

fn spreadsheet_grid(path: &Path, sheet: &str) -> Result<(Vec<String>, String, Grid)> {
    let name = file_name(path);
    let mut book = open_workbook_auto(path).map_err(|_| {
        bad(format!(
            "файл «{name}» не читается как таблица: он повреждён или это файл другого типа, \
             чем говорит его расширение. Откройте его в Excel или LibreOffice и сохраните \
             заново как .xlsx."
        ))
    })?;
    let sheets = book.sheet_names();
    let chosen = if sheet.trim().is_empty() {
        // The first sheet with anything on it: a title sheet is passed over.
        let filled = sheets.iter().find(|s| {
            book.worksheet_range(s)
                .map(|r| !r.is_empty())
                .unwrap_or(false)
        });
        filled.or(sheets.first()).cloned().ok_or_else(|| {
            bad(format!(
                "в файле «{name}» нет ни одного листа: выберите другой файл."
            ))
        })?
    } else if sheets.iter().any(|s| s == sheet) {
        sheet.to_string()
    } else {
        return Err(bad(format!(
            "в файле «{name}» нет листа «{sheet}»; есть: {}.",
            sheets
                .iter()
                .map(|s| format!("«{s}»"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let range = book.worksheet_range(&chosen).map_err(|_| {
        bad(format!(
            "лист «{chosen}» файла «{name}» не читается: файл повреждён. Откройте его в Excel \
             или LibreOffice и сохраните заново."
        ))
    })?;
    let first_row = range.start().map(|(r, _)| r).unwrap_or(0);
    let width = range.width();
    let mut grid = Vec::new();
    for (i, row) in range.rows().enumerate() {
        if grid.len() > MAX_ROWS + 1 {
            break;
        }
        let mut cells: Vec<String> = row.iter().map(cell_text).collect();
        cells.truncate(width);
        grid.push((first_row + i as u32 + 1, cells));
    }
    Ok((sheets, chosen, grid))
}

/// A cell as she sees it: a whole number without «.0» (an ИНН typed as a
/// number), a date as 15.09.2020, a formula's cached value, an error empty.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "да" } else { "нет" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%d.%m.%Y").to_string(),
            Some(t) => t.format("%d.%m.%Y %H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

fn csv_grid(path: &Path) -> Result<Grid> {
    let name = file_name(path);
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(path, e))?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(bad(format!(
            "файл «{name}» назван .csv, но это таблица Excel или LibreOffice: \
             переименуйте его в .xlsx (или .xls, .ods) и выберите снова."
        )));
    }
    let text = decode(&bytes);
    if text.contains('\0') {
        return Err(bad(format!(
            "файл «{name}» — не текстовая таблица CSV: в нём двоичные данные. \
             Сохраните таблицу заново как CSV или .xlsx."
        )));
    }
    let delimiter = delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, record) in reader.records().enumerate() {
        if grid.len() > MAX_ROWS + 1 {
            break;
        }
        let record = record.map_err(|_| {
            bad(format!(
                "строка {} файла «{name}» не читается как CSV (незакрытые кавычки?). \
                 Проверьте её или сохраните таблицу заново.",
                i + 1
            ))
        })?;
        grid.push((i as u32 + 1, record.iter().map(unguarded).collect()));
    }
    Ok(grid)
}

/// A CSV cell without the apostrophe our list exports put before a text
/// Excel would take for a formula.
fn unguarded(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(crate::text::FORMULA_STARTS) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// UTF-8 (with or without a byte-order mark) when it is valid, else the
/// encoding an 8-bit Russian file is in (Windows-1251 as a rule).
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"ru"), false);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The delimiter that splits the first line into the most fields, counted
/// outside quotes: `;` (Excel on a Russian Windows), `,` or a tab.
fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b';', b',', b'\t'][best]
}

fn blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// The header is the first row with two filled cells (a title above it,
/// merged across the columns, has one); empty rows are dropped.
fn into_table(path: &Path, sheets: Vec<String>, sheet: String, grid: Grid) -> Result<Table> {
    let name = file_name(path);
    let what = if sheet.is_empty() {
        format!("файл «{name}»")
    } else {
        format!("лист «{sheet}» файла «{name}»")
    };
    let mut rows: Vec<(u32, Vec<String>)> = grid
        .into_iter()
        .filter(|(_, cells)| !blank(cells))
        .collect();
    if rows.is_empty() {
        return Err(bad(format!(
            "{what} пуст: в нём нет ни одной строки. Выберите другой лист или файл."
        )));
    }
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.trim().is_empty()).count();
    let at = rows.iter().position(|(_, c)| filled(c) >= 2).unwrap_or(0);
    let (_, headers) = rows.remove(at);
    rows.drain(..at);
    if rows.is_empty() {
        return Err(bad(format!(
            "в {} есть только строка заголовков, а партнёров под ней нет.",
            prepositional(&what)
        )));
    }
    if rows.len() > MAX_ROWS {
        return Err(bad(format!(
            "в таблице больше {MAX_ROWS} строк, а за один раз можно импортировать не больше \
             {MAX_ROWS}: разделите файл на части."
        )));
    }
    for (number, cells) in &rows {
        for (col, cell) in cells.iter().enumerate() {
            let n = cell.chars().count();
            if n > MAX_CELL_CHARS {
                let header = headers.get(col).map(|h| h.trim()).unwrap_or_default();
                return Err(bad(format!(
                    "строка {number}, столбец «{}»: в ячейке {n} знаков, а допускается не \
                     больше {MAX_CELL_CHARS}. Похоже, в неё попал целый текст: исправьте ячейку.",
                    if header.is_empty() {
                        "без заголовка"
                    } else {
                        header
                    }
                )));
            }
        }
    }
    Ok(Table {
        sheets,
        sheet,
        headers: headers.iter().map(|h| h.trim().to_string()).collect(),
        rows,
    })
}

fn prepositional(what: &str) -> String {
    what.replacen("файл «", "файле «", 1)
        .replacen("лист «", "листе «", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected_outside_quotes() {
        assert_eq!(delimiter("a;b;c\n1,2;3"), b';');
        assert_eq!(delimiter("\"a;b\",c,d\n"), b',');
        assert_eq!(delimiter("a\tb\n"), b'\t');
    }

    #[test]
    fn windows_1251_is_decoded() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Наименование;ИНН\nШкола №1;123");
        assert_eq!(decode(&bytes), "Наименование;ИНН\nШкола №1;123");
        assert_eq!(decode("\u{feff}ИНН".as_bytes()), "ИНН");
    }
}
