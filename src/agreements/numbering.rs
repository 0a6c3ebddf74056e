//! Agreement numbers by the scheme of the settings
//! ([`crate::settings::number_scheme`]).
//!
//! The next number of a year is one more than the greatest `{n}` among the
//! numbers of that year that fit the scheme (agreements in the trash
//! included, so that restoring one never collides), skipping any number
//! already taken (typed by hand, or under an older scheme).

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::settings::number_scheme::{format_number, parse_n};
use crate::text;

/// The uniqueness key of a number: folded, without spaces.
pub fn number_key(number: &str) -> String {
    text::fold(number)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The id of the live agreement (other than `except`) holding
/// `number`, if any.
pub fn taken_by(conn: &Connection, number: &str, except: Option<i64>) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM agreements WHERE number_key = ?1 AND deleted_at IS NULL
             AND id IS NOT ?2 LIMIT 1",
            params![number_key(number), except],
            |r| r.get(0),
        )
        .optional()?)
}

/// The next free number of `year` by the scheme.
pub fn next_number(conn: &Connection, scheme: &str, year: i32) -> Result<String> {
    let mut stmt = conn.prepare_cached("SELECT number, number_key FROM agreements")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut max = 0;
    let mut keys = std::collections::HashSet::new();
    for row in rows {
        let (number, key) = row?;
        if let Some(n) = parse_n(scheme, &number, year) {
            max = max.max(n);
        }
        keys.insert(key);
    }
    let mut n = max.saturating_add(1);
    loop {
        let candidate = format_number(scheme, n, year);
        if !keys.contains(&number_key(&candidate)) || n == u32::MAX {
            return Ok(candidate);
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_keys() {
        assert_eq!(number_key(" 12 / 2026 "), "12/2026");
    }
}
