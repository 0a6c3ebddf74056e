//! `partnernet check inn|kpp|ogrn|bik VALUE` and `partnernet check data`

use super::Io;
use crate::error::{CoreError, Result};
use crate::storage::Storage;
use crate::validation;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Requisite {
    Inn,
    Kpp,
    Ogrn,
    Bik,
    /// The data folder: the file's integrity and the rows the lists leave out.
    Data,
}

/// `check data`: the database file's integrity and the stored rows the
/// lists, the plan and the calendar leave out (a date outside 1900–2200
/// from before the bound, a row written by hand), counted by kind and named
/// one by one. 0 when all is well.
pub fn data(storage: &Storage, io: &mut Io) -> Result<i32> {
    let check = crate::damaged::check(storage)?;
    let mut lines = Vec::new();
    if !check.file_ok {
        lines.push(
            "Файл базы данных повреждён (проверка целостности SQLite не пройдена): \
             восстановите базу из резервной копии."
                .to_string(),
        );
    }
    if !check.rows.is_empty() {
        let figures: Vec<String> = check
            .counts
            .iter()
            .map(|c| format!("{} — {}", c.label, c.count))
            .collect();
        lines.push(format!(
            "Повреждены и не показываются в списках: {}.",
            figures.join(", ")
        ));
    }
    for row in &check.rows {
        let title = if row.title.is_empty() {
            String::new()
        } else {
            format!(" «{}»", row.title)
        };
        lines.push(format!(
            "{} № {}{title}: {}. Исправьте запись или удалите её.",
            row.kind_label, row.id, row.why
        ));
    }
    let out = |io: &mut Io, line: &str| {
        writeln!(io.stdout, "{line}").map_err(|e| CoreError::io("stdout", e))
    };
    if lines.is_empty() {
        out(
            io,
            "Данные в порядке: файл базы цел, повреждённых записей нет.",
        )?;
        return Ok(0);
    }
    for line in &lines {
        out(io, line)?;
    }
    Ok(1)
}

pub fn run(kind: Requisite, value: &str, io: &mut Io) -> i32 {
    let result = match kind {
        Requisite::Inn => validation::inn(value).map(|_| ()),
        Requisite::Kpp => validation::kpp(value),
        Requisite::Ogrn => validation::ogrn(value).map(|_| ()),
        Requisite::Bik => validation::bik(value),
        Requisite::Data => Ok(()),
    };
    match result {
        Ok(()) => {
            let _ = writeln!(io.stdout, "{}: верно", value.trim());
            0
        }
        Err(e) => {
            let _ = writeln!(io.stderr, "{e}");
            1
        }
    }
}
