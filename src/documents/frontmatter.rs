//! The brochure's YAML front matter. The keys are fixed and simple, so a
//! strict small parser (a subset of YAML: `key: value`, quoted strings and a
//! block or flow list for `authors`) gives exact line numbers in errors.

use super::DocumentError;

/// The title-page data of a brochure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatter {
    pub organization: String,
    pub unit: String,
    pub title: String,
    pub kind: String,
    pub authors: Vec<String>,
    pub city: String,
    pub year: String,
}

const KEYS: [&str; 7] = [
    "organization",
    "unit",
    "title",
    "kind",
    "authors",
    "city",
    "year",
];

fn err(line: usize, message: impl Into<String>) -> DocumentError {
    DocumentError::FrontMatter {
        line,
        message: message.into(),
    }
}

/// Removes matching quotes around a scalar.
fn scalar(raw: &str, line: usize) -> Result<String, DocumentError> {
    let v = raw.trim();
    for q in ['"', '\''] {
        if v.starts_with(q) {
            if v.len() >= 2 && v.ends_with(q) {
                let inner = &v[1..v.len() - 1];
                return Ok(if q == '"' {
                    inner.replace("\\\"", "\"")
                } else {
                    inner.replace("''", "'")
                });
            }
            return Err(err(line, "незакрытая кавычка в значении"));
        }
    }
    if let Some(pos) = v.find(" #") {
        return Ok(v[..pos].trim_end().to_string());
    }
    Ok(v.to_string())
}

/// Splits `source` into the front matter and the body. Returns the parsed
/// front matter, the body and the 1-based line number where the body starts.
pub fn split(source: &str) -> Result<(FrontMatter, &str, usize), DocumentError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(err(
            1,
            "брошюра должна начинаться с блока титульного листа: строка «---», затем ключи organization, unit, title, kind, authors, city, year и снова «---»",
        ));
    }
    let mut offset = first.len();
    let mut fm = FrontMatter::default();
    let mut seen: Vec<&str> = Vec::new();
    let mut in_authors: Option<usize> = None;
    let mut line_no = 1;
    for raw in lines {
        line_no += 1;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            if let Some(l) = in_authors {
                if fm.authors.is_empty() {
                    return Err(err(l, "список authors пуст: укажите авторов строками «- Фамилия И. О., должность»"));
                }
            }
            let missing: Vec<&str> = KEYS.iter().copied().filter(|k| !seen.contains(k)).collect();
            if !missing.is_empty() {
                return Err(err(
                    line_no,
                    format!(
                        "в блоке титульного листа нет обязательных ключей: {}",
                        missing.join(", ")
                    ),
                ));
            }
            return Ok((fm, &source[offset..], line_no + 1));
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with(' ') || line.starts_with('\t') || line.starts_with('-') {
            let item = line.trim_start();
            match (in_authors, item.strip_prefix('-')) {
                (Some(_), Some(rest)) if rest.is_empty() || rest.starts_with(' ') => {
                    let v = scalar(rest, line_no)?;
                    if v.is_empty() {
                        return Err(err(line_no, "пустой элемент списка authors"));
                    }
                    fm.authors.push(v);
                    continue;
                }
                _ => {
                    return Err(err(
                        line_no,
                        "непонятная строка в блоке титульного листа: ожидается «ключ: значение»",
                    ))
                }
            }
        }
        if let Some(l) = in_authors.take() {
            if fm.authors.is_empty() {
                return Err(err(l, "список authors пуст"));
            }
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(line_no, "ожидается «ключ: значение»"));
        };
        let key = key.trim();
        let Some(&known) = KEYS.iter().find(|k| **k == key) else {
            return Err(err(
                line_no,
                format!(
                    "неизвестный ключ «{key}»; допустимы только: {}",
                    KEYS.join(", ")
                ),
            ));
        };
        if seen.contains(&known) {
            return Err(err(line_no, format!("ключ «{key}» указан дважды")));
        }
        seen.push(known);
        if known == "authors" {
            let v = value.trim();
            if v.is_empty() {
                in_authors = Some(line_no);
            } else if let Some(inner) = v.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                for part in inner.split(',') {
                    let a = scalar(part, line_no)?;
                    if !a.is_empty() {
                        fm.authors.push(a);
                    }
                }
                if fm.authors.is_empty() {
                    return Err(err(line_no, "список authors пуст"));
                }
            } else {
                fm.authors.push(scalar(v, line_no)?);
            }
            continue;
        }
        let v = scalar(value, line_no)?;
        if v.is_empty() {
            return Err(err(line_no, format!("пустое значение ключа «{key}»")));
        }
        let slot = match known {
            "organization" => &mut fm.organization,
            "unit" => &mut fm.unit,
            "title" => &mut fm.title,
            "kind" => &mut fm.kind,
            "city" => &mut fm.city,
            _ => &mut fm.year,
        };
        *slot = v;
    }
    Err(err(
        1,
        "блок титульного листа не закрыт: нет второй строки «---»",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\norganization: \"МБУ ДО «Дом детского творчества»\"\nunit: Муниципальный опорный центр\ntitle: Заголовок\nkind: Методические рекомендации\nauthors:\n  - Иванова А. А., методист\n  - Петрова Б. Б., педагог\ncity: Котовск\nyear: 2026\n---\nТекст\n";

    #[test]
    fn parses_all_keys() {
        let (fm, body, line) = split(GOOD).unwrap();
        assert_eq!(fm.organization, "МБУ ДО «Дом детского творчества»");
        assert_eq!(fm.authors.len(), 2);
        assert_eq!(fm.year, "2026");
        assert_eq!(body, "Текст\n");
        assert_eq!(line, 12);
    }

    #[test]
    fn rejects_unknown_and_missing() {
        let bad = GOOD.replace("city: Котовск", "town: Котовск");
        let e = split(&bad).unwrap_err().to_string();
        assert!(e.starts_with("Строка 9: неизвестный ключ «town»"), "{e}");
        let bad = GOOD.replace("city: Котовск\n", "");
        let e = split(&bad).unwrap_err().to_string();
        assert!(e.contains("Строка 10") && e.contains("city"), "{e}");
        let e = split("# Нет титула\n").unwrap_err().to_string();
        assert!(e.starts_with("Строка 1:"), "{e}");
    }
}
