//! A stored row that does not read (a date «2026-02-31» or «x», an unknown
//! code, broken JSON — written by hand or by an older version) is left out
//! of a list instead of failing it; `partnernet check data` and «Настройки →
//! Данные → Проверить данные» name it. A failure of SQLite itself still fails.

/// Whether `err` is one row's value that does not convert, not a failure of
/// the database.
pub fn is_damaged_value(err: &rusqlite::Error) -> bool {
    matches!(
        err,
        rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::Utf8Error(..)
    )
}

/// The rows that read, in order; a damaged one is skipped.
pub fn sound<T>(rows: impl Iterator<Item = rusqlite::Result<T>>) -> rusqlite::Result<Vec<T>> {
    let mut out = Vec::new();
    for row in rows {
        match row {
            Ok(v) => out.push(v),
            Err(e) if is_damaged_value(&e) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// The ids (column `id_at` of `sql`) of the rows that `read` refuses, each
/// with what is wrong in Russian: the same reader as the list's, so what the
/// list leaves out is exactly what is named.
pub fn refused<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    id_at: usize,
    read: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        if let Err(e) = read(row) {
            if !is_damaged_value(&e) {
                return Err(e);
            }
            out.push((row.get(id_at)?, what(&e, row)));
        }
    }
    Ok(out)
}

/// What a damaged value is, in Russian, naming the column.
fn what(err: &rusqlite::Error, row: &rusqlite::Row) -> String {
    let column = |i: usize| {
        row.as_ref()
            .column_name(i)
            .map(|c| format!("«{c}»"))
            .unwrap_or_else(|_| format!("№ {}", i + 1))
    };
    match err {
        // Our readers name the column and the unknown code themselves.
        rusqlite::Error::InvalidColumnType(_, detail, _) if detail.contains('«') => detail.clone(),
        rusqlite::Error::FromSqlConversionFailure(i, _, _) => format!(
            "значение в столбце {} не читается (неверная дата, время или число)",
            column(*i)
        ),
        rusqlite::Error::InvalidColumnType(i, _, _) => {
            format!("в столбце {} значение не того вида", column(*i))
        }
        rusqlite::Error::IntegralValueOutOfRange(i, v) => {
            format!("число {v} в столбце {} вне допустимого", column(*i))
        }
        _ => "значение не читается".to_string(),
    }
}

/// `None` for a record whose row is damaged (a lookup by id of a row the
/// lists leave out), the record or any other failure as it is.
pub fn unless_damaged<T>(found: crate::error::Result<T>) -> crate::error::Result<Option<T>> {
    match found {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_damaged(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `err` is a stored row that does not read, named or not yet.
pub fn is_damaged(err: &crate::error::CoreError) -> bool {
    match err {
        crate::error::CoreError::Damaged { .. } => true,
        crate::error::CoreError::Storage(e) => is_damaged_value(e),
        _ => false,
    }
}

/// A lookup by id as it is, but a row of it that does not read becomes
/// [`CoreError::Damaged`](crate::error::CoreError::Damaged) naming the
/// record (`of`: its kind in the genitive, «партнёра») instead of a
/// message about some value somewhere.
pub fn named<T>(
    found: crate::error::Result<T>,
    of: &'static str,
    id: i64,
) -> crate::error::Result<T> {
    found.map_err(|e| match e {
        crate::error::CoreError::Storage(e) if is_damaged_value(&e) => {
            crate::error::CoreError::Damaged { of, id }
        }
        other => other,
    })
}
