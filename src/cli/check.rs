//! `partnernet check inn|kpp|ogrn|bik VALUE`

use super::Io;
use crate::validation;

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Requisite {
    Inn,
    Kpp,
    Ogrn,
    Bik,
}

pub fn run(kind: Requisite, value: &str, io: &mut Io) -> i32 {
    let result = match kind {
        Requisite::Inn => validation::inn(value).map(|_| ()),
        Requisite::Kpp => validation::kpp(value),
        Requisite::Ogrn => validation::ogrn(value).map(|_| ()),
        Requisite::Bik => validation::bik(value),
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
