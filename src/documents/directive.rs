//! Directives of a brochure: a line of its own such as `[[партнёры
//! тип=СМИ]]` or `[[мероприятия год=2025 форма=семинар]]` that takes a part
//! of the brochure from the database. The engine knows no database: it
//! only recognises the line into a typed [`Directive`] with its line
//! number; a read model above the domains (`reports::directives`) replaces
//! it with blocks. A name or parameter it does not know is an error with the
//! line, like every other problem of the source.

use super::DocumentError;

/// What a directive asks for; the parameters as written, checked for form
/// only (a year is a number, a type or form is looked up by the expansion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `[[партнёры]]`, `[[партнёры тип=…]]`: partners grouped by type.
    Partners { partner_type: Option<String> },
    /// `[[мероприятия год=2025 форма=…]]`: the school year's events.
    Events {
        year: Option<i32>,
        form: Option<String>,
    },
    /// `[[формы год=2025]]`: the forms used, with counts.
    Forms { year: Option<i32> },
    /// `[[итоги год=2025]]`: the results of the held events.
    Results { year: Option<i32> },
    /// `[[карта год=2025]]`: the network map as a figure.
    Map { year: Option<i32> },
}

/// A directive line of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The 1-based line of the source.
    pub line: usize,
    pub kind: DirectiveKind,
}

/// The directives a brochure knows, with their parameters, for messages
/// and the help.
const KNOWN: [(&str, &[&str]); 5] = [
    ("партнёры", &["тип"]),
    ("мероприятия", &["год", "форма"]),
    ("формы", &["год"]),
    ("итоги", &["год"]),
    ("карта", &["год"]),
];

/// The earliest and the latest school year a directive may name.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

impl Directive {
    /// The directive's name as the help writes it: «партнёры».
    pub fn name(&self) -> &'static str {
        match self.kind {
            DirectiveKind::Partners { .. } => KNOWN[0].0,
            DirectiveKind::Events { .. } => KNOWN[1].0,
            DirectiveKind::Forms { .. } => KNOWN[2].0,
            DirectiveKind::Results { .. } => KNOWN[3].0,
            DirectiveKind::Map { .. } => KNOWN[4].0,
        }
    }

    /// An error of this directive's line: «Строка N: …».
    pub fn error(&self, message: impl Into<String>) -> DocumentError {
        err(self.line, message)
    }

    /// The error where nothing can fill the directive in (the engine alone,
    /// a Markdown file rendered without a database).
    pub fn unexpanded(&self) -> DocumentError {
        self.error(format!(
            "[[{}]] берёт данные из базы: такую брошюру собирает приложение (раздел «Документы»)",
            self.name()
        ))
    }
}

fn err(line: usize, message: impl Into<String>) -> DocumentError {
    DocumentError::Markdown {
        line,
        message: message.into(),
    }
}

/// Lower case with «ё» as «е», so `[[Партнеры]]` is `[[партнёры]]`.
fn folded(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The text between `[[` and `]]` when `raw` is a directive line: the
/// brackets alone on the line, indented less than a code block.
fn inner(raw: &str) -> Option<&str> {
    let line = raw.trim_end_matches(['\n', '\r']);
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let inner = line.trim().strip_prefix("[[")?.strip_suffix("]]")?;
    (!inner.contains("[[") && !inner.contains("]]")).then_some(inner)
}

/// A parameter's value without the quotes around it: «…», "…".
fn unquote(value: &str) -> &str {
    let v = value.trim();
    [('«', '»'), ('"', '"')]
        .iter()
        .find_map(|&(open, close)| v.strip_prefix(open)?.strip_suffix(close))
        .map(str::trim)
        .unwrap_or(v)
}

/// `тип=Учреждения культуры и спорта год=2025` → the pairs; a value runs
/// up to the next word with `=`, so labels with spaces need no quotes.
fn parameters(text: &str, line: usize, name: &str) -> Result<Vec<(String, String)>, DocumentError> {
    let mut out: Vec<(String, String)> = Vec::new();
    for word in text.split_whitespace() {
        match word.split_once('=') {
            Some((key, value)) => {
                let key = folded(key.trim());
                if key.is_empty() {
                    return Err(err(
                        line,
                        format!("в [[{name}]] перед «=» нет имени параметра: пишите имя=значение"),
                    ));
                }
                out.push((key, value.to_string()));
            }
            None => match out.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(word);
                }
                None => {
                    return Err(err(
                        line,
                        format!(
                            "в [[{name}]] непонятно «{word}»: параметры пишутся как имя=значение, \
                             например [[мероприятия год=2025]]"
                        ),
                    ))
                }
            },
        }
    }
    Ok(out
        .into_iter()
        .map(|(k, v)| (k, unquote(&v).to_string()))
        .collect())
}

/// `2025` or `2025/2026` → 2025, the year the school year starts in.
fn year(value: &str, line: usize) -> Result<i32, DocumentError> {
    let bad = || {
        err(
            line,
            format!(
                "год «{value}» не понят: укажите год начала учебного года четырьмя цифрами, \
                 например год=2025 (это 2025/2026 учебный год)"
            ),
        )
    };
    let (first, second) = match value.split_once('/') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (value.trim(), None),
    };
    let four = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
    if !four(first) {
        return Err(bad());
    }
    let y: i32 = first.parse().map_err(|_| bad())?;
    if let Some(second) = second {
        if !four(second) || second.parse::<i32>().ok() != Some(y + 1) {
            return Err(bad());
        }
    }
    if !YEARS.contains(&y) {
        return Err(err(
            line,
            format!(
                "год {y} вне допустимого: укажите учебный год с {} по {}",
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    Ok(y)
}

/// Recognises a directive line. `Ok(None)`: the line is not a directive
/// (text that merely contains `[[`, an indented code line, `[[toc]]`,
/// which the Markdown front end places itself).
pub fn parse(raw: &str, line: usize) -> Result<Option<Directive>, DocumentError> {
    let Some(inner) = inner(raw) else {
        return Ok(None);
    };
    let inner = inner.trim();
    let (name, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let key = folded(name);
    if key == "toc" {
        return Ok(None);
    }
    let Some(&(name, allowed)) = KNOWN.iter().find(|(n, _)| folded(n) == key) else {
        let known: Vec<String> = std::iter::once("[[toc]]".to_string())
            .chain(KNOWN.iter().map(|(n, _)| format!("[[{n}]]")))
            .collect();
        return Err(err(
            line,
            format!(
                "неизвестная директива [[{name}]]: возможны {}",
                known.join(", ")
            ),
        ));
    };
    let params = parameters(rest, line, name)?;
    let mut seen: Vec<&str> = Vec::new();
    for (key, value) in &params {
        let Some(&p) = allowed.iter().find(|p| folded(p) == *key) else {
            let list: Vec<String> = allowed.iter().map(|p| format!("«{p}»")).collect();
            return Err(err(
                line,
                format!(
                    "у [[{name}]] нет параметра «{key}»: возможен только {}",
                    list.join(" или ")
                ),
            ));
        };
        if seen.contains(&p) {
            return Err(err(
                line,
                format!("в [[{name}]] параметр «{p}» указан дважды"),
            ));
        }
        seen.push(p);
        if value.is_empty() {
            return Err(err(
                line,
                format!("в [[{name}]] у параметра «{p}» нет значения: пишите {p}=…"),
            ));
        }
    }
    let get = |p: &str| params.iter().find(|(k, _)| k == p).map(|(_, v)| v.clone());
    let year = get("год").map(|v| year(&v, line)).transpose()?;
    let kind = match name {
        "партнёры" => DirectiveKind::Partners {
            partner_type: get("тип"),
        },
        "мероприятия" => DirectiveKind::Events {
            year,
            form: get("форма"),
        },
        "формы" => DirectiveKind::Forms { year },
        "итоги" => DirectiveKind::Results { year },
        _ => DirectiveKind::Map { year },
    };
    Ok(Some(Directive { line, kind }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> Option<DirectiveKind> {
        parse(raw, 7).expect("parses").map(|d| d.kind)
    }

    fn message(raw: &str) -> String {
        parse(raw, 7).expect_err("refused").to_string()
    }

    #[test]
    fn directive_lines_and_their_parameters() {
        assert_eq!(
            ok("[[партнёры]]\n"),
            Some(DirectiveKind::Partners { partner_type: None })
        );
        assert_eq!(
            ok("  [[Партнеры тип=Учреждения культуры и спорта]]"),
            Some(DirectiveKind::Partners {
                partner_type: Some("Учреждения культуры и спорта".into())
            })
        );
        assert_eq!(
            ok("[[мероприятия год=2025/2026 форма=«круглый стол»]]"),
            Some(DirectiveKind::Events {
                year: Some(2025),
                form: Some("круглый стол".into())
            })
        );
        assert_eq!(
            ok("[[итоги год=2024]]"),
            Some(DirectiveKind::Results { year: Some(2024) })
        );
        assert_eq!(ok("[[карта]]"), Some(DirectiveKind::Map { year: None }));
    }

    #[test]
    fn text_that_merely_contains_brackets_is_not_a_directive() {
        assert_eq!(ok("См. [[партнёры]] ниже."), None);
        assert_eq!(ok("[[партнёры]] и текст"), None);
        assert_eq!(ok("    [[партнёры]]"), None);
        assert_eq!(ok("- [[партнёры]]"), None);
        assert_eq!(ok("[[toc]]"), None);
    }

    #[test]
    fn unknown_names_parameters_and_bad_years_are_refused_with_the_line() {
        let m = message("[[таблица]]");
        assert!(
            m.starts_with("Строка 7: неизвестная директива [[таблица]]"),
            "{m}"
        );
        let m = message("[[формы тип=СМИ]]");
        assert!(m.contains("у [[формы]] нет параметра «тип»"), "{m}");
        for bad in ["20x5", "25", "2025/2027", "3000"] {
            let m = message(&format!("[[итоги год={bad}]]"));
            assert!(m.starts_with("Строка 7: год"), "{m}");
        }
        let m = message("[[мероприятия 2025]]");
        assert!(m.contains("имя=значение"), "{m}");
        let m = message("[[итоги год=2025 год=2026]]");
        assert!(m.contains("указан дважды"), "{m}");
    }
}
