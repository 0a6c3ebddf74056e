//! Agreement numbers by a configurable scheme: `{n}` is the sequence number
//! within the year, `{year}` the four-digit year. «{n}/{year}» gives
//! «1/2026», «2/2026» …; «ДС-{year}-{n}» gives «ДС-2026-1».
//!
//! The next number of a year is one more than the greatest `{n}` among the
//! numbers of that year that fit the scheme (agreements in the trash
//! included, so that restoring one never collides), skipping any number
//! already taken (typed by hand, or under an older scheme).

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Lit(String),
    N,
    Year,
}

fn tokens(scheme: &str) -> std::result::Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut rest = scheme;
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            let Some(end) = rest.find('}') else {
                return Err(format!(
                    "В схеме номера «{scheme}» не закрыта фигурная скобка: \
                     используйте {{n}} и {{year}}."
                ));
            };
            let name = &rest[1..end];
            let token = match name {
                "n" => Token::N,
                "year" => Token::Year,
                other => {
                    return Err(format!(
                        "В схеме номера неизвестное поле {{{other}}}: допускаются только \
                         {{n}} (порядковый номер) и {{year}} (год)."
                    ))
                }
            };
            if !lit.is_empty() {
                out.push(Token::Lit(std::mem::take(&mut lit)));
            }
            out.push(token);
            rest = &rest[end + 1..];
        } else {
            lit.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !lit.is_empty() {
        out.push(Token::Lit(lit));
    }
    Ok(out)
}

/// A scheme is usable when it has exactly one `{n}` and nothing unknown.
pub fn check_scheme(scheme: &str) -> std::result::Result<(), String> {
    let scheme = scheme.trim();
    if scheme.is_empty() {
        return Err("Укажите схему номера договора, например {n}/{year}.".to_string());
    }
    let t = tokens(scheme)?;
    let ns = t.iter().filter(|t| **t == Token::N).count();
    if ns != 1 {
        return Err(format!(
            "Схема номера должна содержать ровно одно поле {{n}} (порядковый номер), \
             а в «{scheme}» их {ns}. Например: {{n}}/{{year}}."
        ));
    }
    let adjacent = t
        .windows(2)
        .any(|w| matches!(w, [Token::N, Token::Year] | [Token::Year, Token::N]));
    if adjacent {
        return Err(
            "В схеме номера между {n} и {year} нужен разделитель, например {n}/{year}: \
             иначе номер «12026» читается двояко."
                .to_string(),
        );
    }
    Ok(())
}

/// The number `n` of `year` by the scheme.
pub fn format_number(scheme: &str, n: u32, year: i32) -> String {
    match tokens(scheme.trim()) {
        Ok(tokens) => tokens
            .iter()
            .map(|t| match t {
                Token::Lit(s) => s.clone(),
                Token::N => n.to_string(),
                Token::Year => year.to_string(),
            })
            .collect(),
        Err(_) => format!("{n}/{year}"),
    }
}

/// The `{n}` of `number` when it fits the scheme for `year`.
pub fn parse_n(scheme: &str, number: &str, year: i32) -> Option<u32> {
    let tokens = tokens(scheme.trim()).ok()?;
    let year = year.to_string();
    let mut rest = number.trim();
    let mut found = None;
    for t in &tokens {
        match t {
            Token::Lit(s) => rest = strip_prefix_folded(rest, s)?,
            Token::Year => rest = rest.strip_prefix(year.as_str())?,
            Token::N => {
                let digits =
                    rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits == 0 {
                    return None;
                }
                found = Some(rest[..digits].parse::<u32>().ok()?);
                rest = &rest[digits..];
            }
        }
    }
    if rest.is_empty() {
        found
    } else {
        None
    }
}

fn strip_prefix_folded<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.chars().count();
    let head: String = s.chars().take(n).collect();
    if head.chars().count() == n && text::fold(&head) == text::fold(prefix) {
        Some(&s[head.len()..])
    } else {
        None
    }
}

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
    fn schemes() {
        assert!(check_scheme("{n}/{year}").is_ok());
        assert!(check_scheme("ДС-{year}-{n}").is_ok());
        assert!(check_scheme("{n}").is_ok());
        assert!(check_scheme("{year}").is_err());
        assert!(check_scheme("{n}-{n}").is_err());
        assert!(check_scheme("{n}{year}").is_err());
        assert!(check_scheme("{num}/{year}").is_err());
        assert!(check_scheme("{n/{year}").is_err());
        assert!(check_scheme(" ").is_err());
    }

    #[test]
    fn format_and_parse() {
        assert_eq!(format_number("{n}/{year}", 12, 2026), "12/2026");
        assert_eq!(format_number("ДС-{year}-{n}", 3, 2026), "ДС-2026-3");
        assert_eq!(parse_n("{n}/{year}", "12/2026", 2026), Some(12));
        assert_eq!(parse_n("{n}/{year}", "12/2025", 2026), None);
        assert_eq!(parse_n("{n}/{year}", "12/2026-а", 2026), None);
        assert_eq!(parse_n("ДС-{year}-{n}", "дс-2026-7", 2026), Some(7));
        assert_eq!(parse_n("{n}", "15", 2026), Some(15));
        assert_eq!(number_key(" 12 / 2026 "), "12/2026");
    }
}
