//! The agreement numbering scheme: `{n}` is the sequence number within the
//! year, `{year}` the four-digit year. «{n}/{year}» gives «1/2026»,
//! «2/2026» …; «ДС-{year}-{n}» gives «ДС-2026-1». It is a setting, so its
//! syntax lives here; the agreements number by it.

use crate::error::Refusal;
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Lit(String),
    N,
    Year,
}

fn tokens(scheme: &str) -> std::result::Result<Vec<Token>, Refusal> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut rest = scheme;
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            let Some(end) = rest.find('}') else {
                return Err(Refusal(format!(
                    "В схеме номера «{scheme}» не закрыта фигурная скобка: \
                     используйте {{n}} и {{year}}."
                )));
            };
            let name = &rest[1..end];
            let token = match name {
                "n" => Token::N,
                "year" => Token::Year,
                other => {
                    return Err(Refusal(format!(
                        "В схеме номера неизвестное поле {{{other}}}: допускаются только \
                         {{n}} (порядковый номер) и {{year}} (год)."
                    )))
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
pub fn check_scheme(scheme: &str) -> std::result::Result<(), Refusal> {
    let scheme = scheme.trim();
    if scheme.is_empty() {
        return Err(Refusal(
            "Укажите схему номера договора, например {n}/{year}.".to_string(),
        ));
    }
    let t = tokens(scheme)?;
    let ns = t.iter().filter(|t| **t == Token::N).count();
    if ns != 1 {
        return Err(Refusal(format!(
            "Схема номера должна содержать ровно одно поле {{n}} (порядковый номер), \
             а в «{scheme}» их {ns}. Например: {{n}}/{{year}}."
        )));
    }
    let adjacent = t
        .windows(2)
        .any(|w| matches!(w, [Token::N, Token::Year] | [Token::Year, Token::N]));
    if adjacent {
        return Err(Refusal(
            "В схеме номера между {n} и {year} нужен разделитель, например {n}/{year}: \
             иначе номер «12026» читается двояко."
                .to_string(),
        ));
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
    }
}
