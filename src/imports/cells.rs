//! The filled cells of a sheet, gathered one at a time into a grid only as
//! large as what is filled: a sheet's declared size (up to 16 384 columns
//! by 1 048 576 rows) is never allocated, and a cell beyond what an import
//! takes is refused by its name, so she knows which one to delete.

use std::collections::BTreeMap;

use crate::error::{CoreError, Result};

/// The most data rows one import takes.
pub const MAX_ROWS: usize = 100_000;
/// The farthest sheet row an import reads: the data rows, their header and
/// room for a title and blank rows above them.
pub const MAX_SHEET_ROW: u32 = MAX_ROWS as u32 + 1_000;
/// The most columns an import reads: a list of partners has a few dozen.
pub const MAX_COLUMNS: u32 = 1_000;
/// The most filled cells an import reads (100 000 rows of 50 columns).
pub const MAX_CELLS: usize = 5_000_000;

/// Rows of cells with the sheet row number of each (1-based).
pub type Grid = Vec<(u32, Vec<String>)>;

/// The filled cells of a sheet by row, gathered one at a time.
#[derive(Default)]
pub struct Cells {
    rows: BTreeMap<u32, Vec<(u32, String)>>,
    count: usize,
}

impl Cells {
    /// Keeps a filled cell (0-based position); one beyond the limits is
    /// refused by its name, as the spreadsheet shows it.
    pub fn put(&mut self, row: u32, col: u32, text: String) -> Result<()> {
        if text.trim().is_empty() {
            return Ok(());
        }
        if row >= MAX_SHEET_ROW || col >= MAX_COLUMNS {
            return Err(CoreError::BadInput(format!(
                "Ячейка {} лежит за пределами того, что можно импортировать (не дальше строки \
                 {MAX_SHEET_ROW} и столбца {}, в одном импорте не больше {MAX_ROWS} строк): \
                 удалите лишние ячейки или сохраните только таблицу с данными.",
                cell_name(row, col),
                column_name(MAX_COLUMNS - 1)
            )));
        }
        self.count += 1;
        if self.count > MAX_CELLS {
            return Err(too_many_cells());
        }
        self.rows.entry(row).or_default().push((col, text));
        Ok(())
    }

    /// Rows with their 1-based numbers, each as wide as its last filled cell.
    pub fn into_grid(self) -> Result<Grid> {
        let width = |cells: &[(u32, String)]| {
            cells
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0)
        };
        let total: usize = self.rows.values().map(|c| width(c)).sum();
        if total > MAX_CELLS * 2 {
            return Err(too_many_cells());
        }
        let mut grid = Vec::with_capacity(self.rows.len());
        for (row, cells) in self.rows {
            let mut dense = vec![String::new(); width(&cells)];
            for (col, text) in cells {
                if let Some(slot) = dense.get_mut(col as usize) {
                    *slot = text;
                }
            }
            grid.push((row + 1, dense));
        }
        Ok(grid)
    }
}

fn too_many_cells() -> CoreError {
    CoreError::BadInput(format!(
        "в таблице слишком много заполненных ячеек (больше {MAX_CELLS}): удалите лишние \
         столбцы или сохраните только таблицу с данными."
    ))
}

/// A cell's name as the spreadsheet shows it: row 0, column 0 is «A1».
fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_name(col), u64::from(row) + 1)
}

/// A column's letters: 0 is «A», 25 «Z», 26 «AA».
fn column_name(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_the_spreadsheet_shows_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(2, 26), "AA3");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(column_name(MAX_COLUMNS - 1), "ALL");
        assert_eq!(cell_name(u32::MAX, u32::MAX), "MWLQKWV4294967296");
    }

    #[test]
    fn a_far_cell_is_refused_by_name_and_the_grid_stays_small() {
        let mut cells = Cells::default();
        cells.put(0, 0, "ИНН".into()).expect("near cell");
        cells
            .put(0, 999_999, String::new())
            .expect("an empty cell is skipped");
        let err = cells
            .put(1_048_575, 16_383, "x".into())
            .expect_err("far cell");
        assert!(
            err.to_string()
                .contains("Ячейка XFD1048576 лежит за пределами"),
            "{err}"
        );
        let grid = cells.into_grid().expect("grid");
        assert_eq!(grid, vec![(1, vec!["ИНН".to_string()])]);
    }
}
