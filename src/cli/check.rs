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
/// from before the bound, a row written by hand). 0 when all is well.
pub fn data(storage: &Storage, io: &mut Io) -> Result<i32> {
    let integrity: String = storage
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let mut problems = crate::events::damaged(storage)?;
    if integrity != "ok" {
        problems.insert(
            0,
            "Файл базы данных повреждён (проверка целостности SQLite не пройдена): \
             восстановите базу из резервной копии."
                .to_string(),
        );
    }
    let out = |io: &mut Io, line: &str| {
        writeln!(io.stdout, "{line}").map_err(|e| CoreError::io("stdout", e))
    };
    if problems.is_empty() {
        out(
            io,
            "Данные в порядке: файл базы цел, повреждённых записей нет.",
        )?;
        return Ok(0);
    }
    for p in &problems {
        out(io, p)?;
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
