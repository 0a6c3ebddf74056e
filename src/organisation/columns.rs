//! The requisites and head columns, shared by the `partners` and
//! `institution` tables (both describe an organisation the same way).

use rusqlite::types::Value;
use rusqlite::Row;

use crate::grammar::Gender;
use crate::organisation::model::{Head, Requisites};

/// Column names in the order of [`values`] and [`read`].
pub const COLUMNS: &[&str] = &[
    "inn",
    "kpp",
    "ogrn",
    "legal_address",
    "postal_address",
    "phone",
    "email",
    "website",
    "bank_account",
    "corr_account",
    "bik",
    "bank_name",
    "licence_number",
    "licence_date",
    "licence_issuer",
    "head_surname",
    "head_name",
    "head_patronymic",
    "head_gender",
    "head_position",
    "head_basis",
    "head_position_genitive",
];

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// SQL values for [`COLUMNS`].
pub fn values(r: &Requisites, h: &Head) -> Vec<Value> {
    vec![
        text(&r.inn),
        text(&r.kpp),
        text(&r.ogrn),
        text(&r.legal_address),
        text(&r.postal_address),
        text(&r.phone),
        text(&r.email),
        text(&r.website),
        text(&r.bank_account),
        text(&r.corr_account),
        text(&r.bik),
        text(&r.bank_name),
        text(&r.licence_number),
        r.licence_date
            .map(|d| Value::Text(d.format("%Y-%m-%d").to_string()))
            .unwrap_or(Value::Null),
        text(&r.licence_issuer),
        text(&h.surname),
        text(&h.name),
        text(&h.patronymic),
        h.gender.map(|g| text(g.code())).unwrap_or(Value::Null),
        text(&h.position),
        text(&h.basis),
        text(&h.position_genitive),
    ]
}

/// Reads [`COLUMNS`] starting at column index `at`.
pub fn read(row: &Row, at: usize) -> rusqlite::Result<(Requisites, Head)> {
    let s = |i: usize| row.get::<_, String>(at + i);
    let requisites = Requisites {
        inn: s(0)?,
        kpp: s(1)?,
        ogrn: s(2)?,
        legal_address: s(3)?,
        postal_address: s(4)?,
        phone: s(5)?,
        email: s(6)?,
        website: s(7)?,
        bank_account: s(8)?,
        corr_account: s(9)?,
        bik: s(10)?,
        bank_name: s(11)?,
        licence_number: s(12)?,
        licence_date: row.get(at + 13)?,
        licence_issuer: s(14)?,
    };
    let gender: Option<String> = row.get(at + 18)?;
    let head = Head {
        surname: s(15)?,
        name: s(16)?,
        patronymic: s(17)?,
        gender: gender.as_deref().and_then(Gender::from_code),
        position: s(19)?,
        basis: s(20)?,
        position_genitive: s(21)?,
    };
    Ok((requisites, head))
}
