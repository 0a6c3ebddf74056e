//! The brochure's YAML front matter. The keys are fixed and simple, so a
//! strict small parser (a subset of YAML: `key: value`, quoted strings and a
//! block or flow list for the authors) gives exact line numbers in errors.
//! The keys are Russian (`название:`, `авторы:` …); the English names of the
//! first versions keep working for brochures written with them.

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

/// Each key: the name the code uses, its Russian name (what templates,
/// help and messages say), and the English name older brochures use.
const KEYS: [(&str, &str); 7] = [
    ("organization", "организация"),
    ("unit", "подразделение"),
    ("title", "название"),
    ("kind", "вид"),
    ("authors", "авторы"),
    ("city", "город"),
    ("year", "год"),
];

/// The Russian name of key `known`.
fn russian(known: &str) -> &'static str {
    KEYS.iter()
        .find(|(en, _)| *en == known)
        .map_or("", |(_, ru)| ru)
}

/// The Russian key names, in order, for messages.
fn russian_keys() -> String {
    KEYS.iter()
        .map(|(_, ru)| *ru)
        .collect::<Vec<_>>()
        .join(", ")
}

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
            format!(
                "брошюра должна начинаться с блока титульного листа: строка «---», затем ключи {} и снова «---»",
                russian_keys()
            ),
        ));
    }
    let mut offset = first.len();
    let mut reader = Reader::default();
    for (i, raw) in lines.enumerate() {
        let line_no = i + 2;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim_end() == "---" {
            let fm = reader.close(line_no)?;
            return Ok((fm, &source[offset..], line_no + 1));
        }
        reader.line(line, line_no)?;
    }
    Err(err(
        1,
        "блок титульного листа не закрыт: нет второй строки «---»",
    ))
}

/// The front matter read so far: split from [`split`] so that each kind
/// of line (a key, a list item, the closing `---`) has its own checks.
#[derive(Default)]
struct Reader {
    fm: FrontMatter,
    /// Keys already given, to refuse a key given twice and name the
    /// missing ones at the end.
    seen: Vec<&'static str>,
    /// The line of an `authors:` key whose block list is being read.
    in_authors: Option<usize>,
}

impl Reader {
    /// Reads one line between the two `---`.
    fn line(&mut self, line: &str, line_no: usize) -> Result<(), DocumentError> {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return Ok(());
        }
        if line.starts_with(' ') || line.starts_with('\t') || line.starts_with('-') {
            return self.list_item(line.trim_start(), line_no);
        }
        if let Some(l) = self.in_authors.take() {
            if self.fm.authors.is_empty() {
                return Err(err(l, "список авторов пуст"));
            }
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(line_no, "ожидается «ключ: значение»"));
        };
        let known = self.key(key.trim(), line_no)?;
        if known == "authors" {
            return self.authors(value.trim(), line_no);
        }
        self.set(known, value, line_no)
    }

    /// An indented or dashed line: only an item of the `authors` block list.
    fn list_item(&mut self, item: &str, line_no: usize) -> Result<(), DocumentError> {
        match (self.in_authors, item.strip_prefix('-')) {
            (Some(_), Some(rest)) if rest.is_empty() || rest.starts_with(' ') => {
                let v = scalar(rest, line_no)?;
                if v.is_empty() {
                    return Err(err(line_no, "пустой элемент списка авторов"));
                }
                self.fm.authors.push(v);
                Ok(())
            }
            _ => Err(err(
                line_no,
                "непонятная строка в блоке титульного листа: ожидается «ключ: значение»",
            )),
        }
    }

    /// The known key `key` (Russian or English), given for the first time.
    fn key(&mut self, key: &str, line_no: usize) -> Result<&'static str, DocumentError> {
        let lower = key.to_lowercase();
        let Some(&(known, ru)) = KEYS.iter().find(|(en, ru)| *en == lower || *ru == lower) else {
            return Err(err(
                line_no,
                format!(
                    "неизвестный ключ «{key}»; допустимы только: {}",
                    russian_keys()
                ),
            ));
        };
        if self.seen.contains(&known) {
            return Err(err(line_no, format!("ключ «{ru}» указан дважды")));
        }
        self.seen.push(known);
        Ok(known)
    }

    /// The value of `authors:`: empty before a block list, a flow list
    /// `[…]` or a single author.
    fn authors(&mut self, v: &str, line_no: usize) -> Result<(), DocumentError> {
        if v.is_empty() {
            self.in_authors = Some(line_no);
        } else if let Some(inner) = v.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            for part in inner.split(',') {
                let a = scalar(part, line_no)?;
                if !a.is_empty() {
                    self.fm.authors.push(a);
                }
            }
            if self.fm.authors.is_empty() {
                return Err(err(line_no, "список авторов пуст"));
            }
        } else {
            self.fm.authors.push(scalar(v, line_no)?);
        }
        Ok(())
    }

    /// The value of a scalar key, which must not be empty.
    fn set(&mut self, known: &str, value: &str, line_no: usize) -> Result<(), DocumentError> {
        let v = scalar(value, line_no)?;
        if v.is_empty() {
            return Err(err(
                line_no,
                format!("пустое значение ключа «{}»", russian(known)),
            ));
        }
        let slot = match known {
            "organization" => &mut self.fm.organization,
            "unit" => &mut self.fm.unit,
            "title" => &mut self.fm.title,
            "kind" => &mut self.fm.kind,
            "city" => &mut self.fm.city,
            _ => &mut self.fm.year,
        };
        *slot = v;
        Ok(())
    }

    /// The closing `---` on `line_no`: every key given, a block list of
    /// authors not left empty.
    fn close(self, line_no: usize) -> Result<FrontMatter, DocumentError> {
        if let Some(l) = self.in_authors {
            if self.fm.authors.is_empty() {
                return Err(err(
                    l,
                    "список авторов пуст: укажите авторов строками «- Фамилия И. О., должность»",
                ));
            }
        }
        let missing: Vec<&str> = KEYS
            .iter()
            .filter(|(en, _)| !self.seen.contains(en))
            .map(|(_, ru)| *ru)
            .collect();
        if !missing.is_empty() {
            return Err(err(
                line_no,
                format!(
                    "в блоке титульного листа нет обязательных ключей: {}",
                    missing.join(", ")
                ),
            ));
        }
        Ok(self.fm)
    }
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
        assert!(e.contains("Строка 10") && e.contains("город"), "{e}");
        let e = split("# Нет титула\n").unwrap_err().to_string();
        assert!(e.starts_with("Строка 1:"), "{e}");
    }

    #[test]
    fn russian_keys_are_read_and_the_old_english_ones_still_are() {
        let ru = "---\nорганизация: МБУ ДО «ДДТ»\nподразделение: МОЦ\nназвание: Памятка\nвид: Буклет\nавторы:\n  - Иванова А. А.\nгород: Котовск\nгод: 2026\n---\nТекст\n";
        let (fm, body, _) = split(ru).unwrap();
        assert_eq!(
            (
                fm.organization.as_str(),
                fm.title.as_str(),
                fm.kind.as_str()
            ),
            ("МБУ ДО «ДДТ»", "Памятка", "Буклет")
        );
        assert_eq!(fm.authors, ["Иванова А. А."]);
        assert_eq!((fm.city.as_str(), fm.year.as_str()), ("Котовск", "2026"));
        assert_eq!(body, "Текст\n");
        // Mixed in one block, and the same key twice under both names.
        let mixed = ru.replace("название: Памятка", "title: Памятка");
        assert_eq!(split(&mixed).unwrap().0.title, "Памятка");
        let twice = ru.replace("вид: Буклет", "вид: Буклет\nkind: Брошюра");
        let e = split(&twice).unwrap_err().to_string();
        assert!(e.starts_with("Строка 6: ключ «вид» указан дважды"), "{e}");
        let empty = ru.replace("  - Иванова А. А.\n", "");
        let e = split(&empty).unwrap_err().to_string();
        assert!(e.contains("список авторов пуст"), "{e}");
    }
}
