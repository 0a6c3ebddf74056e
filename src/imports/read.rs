//! Reading a table she already keeps: .xlsx, .xls, .ods through calamine,
//! .csv through the `csv` crate after its encoding (UTF-8 or Windows-1251)
//! and delimiter (`;`, `,` or tab) are detected. Every refusal says in
//! Russian what to do; nothing here writes.

use std::io::Cursor;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use calamine::{open_workbook_from_rs, Data, Reader, Sheets};

pub use super::cells::MAX_ROWS;
use super::cells::{Cells, Grid};
use crate::error::{CoreError, Result};

/// The largest file read for an import.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
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

fn kind(name: &str) -> Result<Kind> {
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => Ok(Kind::Csv),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(Kind::Spreadsheet),
        _ => Err(bad(format!(
            "файл «{name}» — не таблица: выберите файл .xlsx, .xls, .ods или .csv."
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
    let name = file_name(path);
    kind(&name)?;
    let bytes = std::fs::read(path).map_err(|e| CoreError::io(path, e))?;
    from_bytes(&name, &bytes, sheet)
}

/// Reads `sheet` of a file named `name` (its extension says the format)
/// from its bytes: [`read`] after the file checks, and the fuzz target.
pub fn from_bytes(name: &str, bytes: &[u8], sheet: &str) -> Result<Table> {
    let (sheets, sheet, grid) = match kind(name)? {
        Kind::Csv => (vec![String::new()], String::new(), csv_grid(name, bytes)?),
        Kind::Spreadsheet => spreadsheet_grid(name, bytes, sheet)?,
    };
    into_table(name, sheets, sheet, grid)
}

/// The workbook in the format the extension names, as calamine opens a path.
fn workbook<'a>(name: &str, bytes: &'a [u8]) -> Option<Sheets<Cursor<&'a [u8]>>> {
    let ext = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let data = Cursor::new(bytes);
    match ext.as_str() {
        "xls" => open_workbook_from_rs(data).ok().map(Sheets::Xls),
        "ods" => open_workbook_from_rs(data).ok().map(Sheets::Ods),
        _ => open_workbook_from_rs(data).ok().map(Sheets::Xlsx),
    }
}

/// Reads the chosen sheet; a panic inside calamine (a hostile file can
/// still find one) becomes the message that the file is damaged.
fn spreadsheet_grid(name: &str, bytes: &[u8], sheet: &str) -> Result<(Vec<String>, String, Grid)> {
    let read = std::panic::catch_unwind(AssertUnwindSafe(|| sheet_cells(name, bytes, sheet)));
    read.unwrap_or_else(|_| {
        Err(bad(format!(
            "файл «{name}» повреждён: прочитать его не удалось. Откройте его в Excel или \
             LibreOffice и сохраните заново как .xlsx."
        )))
    })
}

fn sheet_cells(name: &str, bytes: &[u8], sheet: &str) -> Result<(Vec<String>, String, Grid)> {
    let mut book = workbook(name, bytes).ok_or_else(|| {
        bad(format!(
            "файл «{name}» не читается как таблица: он повреждён или это файл другого типа, \
             чем говорит его расширение. Откройте его в Excel или LibreOffice и сохраните \
             заново как .xlsx."
        ))
    })?;
    let sheets = book.sheet_names();
    let chosen = if sheet.trim().is_empty() {
        // The first sheet with anything on it: a title sheet is passed over.
        let filled = sheets.iter().find(|s| has_cells(&mut book, s));
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
    let damaged = || {
        bad(format!(
            "лист «{chosen}» файла «{name}» не читается: файл повреждён. Откройте его в Excel \
             или LibreOffice и сохраните заново."
        ))
    };
    let mut cells = Cells::default();
    match &mut book {
        // Cell by cell: the grid grows with what is filled, never to the
        // size the sheet declares (a cell at XFD1048576 would be 512 GB).
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(&chosen)
                .map_err(|_| damaged())?;
            while let Some(cell) = reader.next_cell().map_err(|_| damaged())? {
                let (row, col) = cell.get_position();
                cells.put(row, col, cell_text(&Data::from(cell.get_value().clone())))?;
            }
        }
        // calamine reads .xls and .ods whole when it opens them (BIFF8 has
        // at most 65 536 × 256 cells); the same limits apply to what it read.
        other => {
            let range = other.worksheet_range(&chosen).map_err(|_| damaged())?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (row, col, data) in range.used_cells() {
                let row = top.saturating_add(row as u32);
                let col = left.saturating_add(col as u32);
                cells.put(row, col, cell_text(data))?;
            }
        }
    }
    Ok((sheets, chosen, cells.into_grid()?))
}

/// Whether a sheet has a filled cell; an .xlsx sheet is read only up to it.
fn has_cells(book: &mut Sheets<Cursor<&[u8]>>, sheet: &str) -> bool {
    match book {
        Sheets::Xlsx(xlsx) => {
            let Ok(mut reader) = xlsx.worksheet_cells_reader(sheet) else {
                return false;
            };
            while let Ok(Some(cell)) = reader.next_cell() {
                let text = cell_text(&Data::from(cell.get_value().clone()));
                if !text.trim().is_empty() {
                    return true;
                }
            }
            false
        }
        other => other
            .worksheet_range(sheet)
            .map(|r| !r.is_empty())
            .unwrap_or(false),
    }
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

fn csv_grid(name: &str, bytes: &[u8]) -> Result<Grid> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(bad(format!(
            "файл «{name}» назван .csv, но это таблица Excel или LibreOffice: \
             переименуйте его в .xlsx (или .xls, .ods) и выберите снова."
        )));
    }
    let text = crate::text::decode(bytes);
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
fn into_table(name: &str, sheets: Vec<String>, sheet: String, grid: Grid) -> Result<Table> {
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
        assert_eq!(
            crate::text::decode(&bytes),
            "Наименование;ИНН\nШкола №1;123"
        );
        assert_eq!(crate::text::decode("\u{feff}ИНН".as_bytes()), "ИНН");
    }
}
