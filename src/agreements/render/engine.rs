//! The sandboxed template engine: minijinja with no loader (so `include`,
//! `extends` and `import` find nothing), no file or environment functions,
//! a fuel limit against endless loops, and Markdown escaping of every value
//! so that a partner's name can never turn into markup or a marker line.

use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, Value};
use serde::Serialize;

/// The template's name inside the engine (never a path).
const NAME: &str = "шаблон";
/// Enough for any agreement, little enough to stop `range(100000)` loops quickly.
const FUEL: u64 = 2_000_000;

/// A problem of a template, with its 1-based line when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "Строка {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(50);
    env.set_formatter(|out, _state, value| {
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        if value.is_safe() {
            return out.write_str(&value.to_string()).map_err(Error::from);
        }
        out.write_str(&escape_markdown(&value.to_string()))
            .map_err(Error::from)
    });
    // Each filter under its English and its Russian name (fields::FILTERS).
    for name in ["oneline", "в_строку"] {
        env.add_filter(name, oneline);
    }
    for name in ["clause", "часть_предложения"] {
        env.add_filter(name, clause_filter);
    }
    for name in ["sentence", "предложение"] {
        env.add_filter(name, |v: Value| -> String { clause(&text_of(&v), true) });
    }
    env
}

fn oneline(v: Value) -> String {
    v.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn clause_filter(state: &minijinja::State, v: Value) -> String {
    let text = text_of(&v);
    // A defined name («Базовая организация», «Стороны») keeps its capital.
    clause(&text, starts_with_defined_name(state, &text))
}

/// Whether `text` begins with a party's role or «Сторон…», names the
/// agreement defines and always writes with a capital letter.
fn starts_with_defined_name(state: &minijinja::State, text: &str) -> bool {
    let text = text.trim_start();
    if text.starts_with("Сторон") {
        return true;
    }
    let mut roles = Vec::new();
    if let Some(own) = state.lookup("own") {
        if let Ok(role) = own.get_attr("role") {
            roles.push(role.to_string());
        }
    }
    if let Some(parties) = state.lookup("parties") {
        if let Ok(iter) = parties.try_iter() {
            for party in iter {
                if let Ok(role) = party.get_attr("role") {
                    roles.push(role.to_string());
                }
            }
        }
    }
    roles
        .iter()
        .filter(|r| !r.is_empty() && *r != "none" && *r != "undefined")
        .any(|r| text.starts_with(r.as_str()))
}

fn text_of(v: &Value) -> String {
    if v.is_undefined() || v.is_none() {
        String::new()
    } else {
        v.to_string()
    }
}

/// A value as part of a sentence (lower-case start) or as a sentence of
/// its own (capital start), ending with a full stop; an empty value is a
/// line to fill in by hand.
pub fn clause(text: &str, capital: bool) -> String {
    let t = text.trim();
    if t.is_empty() {
        return format!("{}.", super::context::BLANK);
    }
    let mut chars = t.chars();
    let mut out = String::with_capacity(t.len() + 1);
    if let Some(first) = chars.next() {
        let second_lower = t.chars().nth(1).is_some_and(|c| c.is_lowercase());
        if capital {
            out.extend(first.to_uppercase());
        } else if second_lower {
            out.extend(first.to_lowercase());
        } else {
            out.push(first);
        }
    }
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '!', '?', '…']) {
        let trimmed = out.trim_end_matches([';', ',', ':']).to_string();
        out = trimmed + ".";
    }
    out
}

/// Checks the syntax of a template without rendering it.
pub fn check(source: &str) -> Result<(), TemplateError> {
    let env = environment();
    env.template_from_named_str(NAME, source)
        .map(|_| ())
        .map_err(|e| translate(&e, source))
}

/// A template's context converted to the engine's values, once: a
/// conversion costs more than a short template's run, and the editor checks
/// every keystroke against the same sample.
#[derive(Debug, Clone)]
pub struct Root(Value);

impl Root {
    pub fn new<S: Serialize>(context: &S) -> Self {
        Root(Value::from_serialize(context))
    }
}

/// Renders `source` with `context`: Markdown text with marker lines. A
/// field the context lacks is named in the error.
pub fn render<S: Serialize>(source: &str, context: &S) -> Result<String, TemplateError> {
    render_root(source, &Root::new(context))
}

/// [`render`] with a context already converted.
pub fn render_root(source: &str, root: &Root) -> Result<String, TemplateError> {
    let env = environment();
    let template = env
        .template_from_named_str(NAME, source)
        .map_err(|e| translate(&e, source))?;
    template.render(&root.0).map_err(|e| {
        let mut out = translate(&e, source);
        if e.kind() == ErrorKind::UndefinedError {
            if let Some(u) = super::unknown::find(source, out.line, &root.0) {
                out.message = unknown_message(&u);
            }
        }
        out
    })
}

/// «нет поля «неизвестное»; поля — в списке «Поля»».
fn unknown_message(u: &super::unknown::Unknown) -> String {
    let near = match &u.nearest {
        Some(n) => format!(", может быть, «{n}»?"),
        None => String::new(),
    };
    format!("нет поля «{}»{near}; поля — в списке «Поля»", u.name)
}

/// Escapes what Markdown would read as markup. Line breaks inside a value
/// become paragraph breaks; the start of each line is protected against
/// being read as a list item, heading or quotation.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        // «1. …» or «1) …» at the start of a line would begin a list.
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        for (j, ch) in line.chars().enumerate() {
            let start_special = j == 0 && matches!(ch, '-' | '+' | '=');
            let after_digits = j == digits && digits > 0 && matches!(ch, '.' | ')');
            if start_special
                || after_digits
                || matches!(
                    ch,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
                )
            {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

/// Removes Markdown backslash escapes (for marker lines, which are not
/// parsed as Markdown).
pub fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(ch);
    }
    out
}

/// The name in a minijinja detail: `unknown filter 'x'`, `filter x is
/// unknown`, `… named x` → `x`.
fn quoted(detail: &str) -> Option<&str> {
    if let Some(start) = detail.find(['\'', '`']).map(|i| i + 1) {
        if let Some(len) = detail[start..].find(['\'', '`']) {
            return Some(&detail[start..start + len]);
        }
    }
    let words: Vec<&str> = detail.split_whitespace().collect();
    match words.as_slice() {
        [_, name, "is", "unknown", ..] => Some(name),
        [.., last] => Some(last),
        [] => None,
    }
}

fn syntax_message(detail: &str) -> String {
    let d = detail.to_lowercase();
    if d.contains("unexpected end of input") {
        return "шаблон закончился, а блок не закрыт: проверьте пары {% if %}…{% endif %} и {% for %}…{% endfor %}".into();
    }
    if let Some(name) = d.strip_prefix("unknown statement ") {
        return format!("неизвестная команда {name}");
    }
    if d.contains("unexpected `}`") || d.contains("unexpected }") {
        return "лишняя фигурная скобка или не закрыта вставка поля {{ … }}".into();
    }
    if d.contains("unexpected end of variable block") {
        return "вставка поля {{ … }} закрыта раньше, чем записано поле".into();
    }
    if d.contains("unexpected end of block") {
        return "команда {% … %} закрыта раньше, чем записана: допишите условие или цикл".into();
    }
    if d.contains("unexpected") {
        return "ошибка в записи полей или команд шаблона: проверьте скобки {{ }} и {% %} в этой строке".into();
    }
    "ошибка в записи шаблона: проверьте эту строку".into()
}

/// A minijinja error in Russian, with the template line.
fn translate(err: &Error, source: &str) -> TemplateError {
    let detail = err.detail().unwrap_or("");
    let q = quoted(detail).unwrap_or(detail).to_string();
    let message = match err.kind() {
        ErrorKind::SyntaxError => syntax_message(detail),
        ErrorKind::TemplateNotFound | ErrorKind::BadInclude | ErrorKind::UnknownBlock => {
            "вставка других файлов и шаблонов ({% include %}, {% extends %}, {% import %}) \
             в шаблонах договоров запрещена: шаблон видит только поля договора"
                .to_string()
        }
        ErrorKind::UndefinedError => {
            "такого поля нет: сверьте написание со списком «Поля»".to_string()
        }
        ErrorKind::UnknownFilter => format!("неизвестный фильтр «{q}»"),
        ErrorKind::UnknownFunction => {
            format!("неизвестная функция «{q}»: чтение файлов и окружения в шаблоне недоступно")
        }
        ErrorKind::UnknownTest => format!("неизвестная проверка «{q}»"),
        ErrorKind::UnknownMethod => format!("неизвестный метод «{q}»"),
        ErrorKind::TooManyArguments => "слишком много аргументов у фильтра или функции".into(),
        ErrorKind::MissingArgument => "не хватает аргумента у фильтра или функции".into(),
        ErrorKind::OutOfFuel => {
            "шаблон выполняется слишком долго (возможно, бесконечный или очень длинный цикл)".into()
        }
        ErrorKind::InvalidOperation | ErrorKind::CannotUnpack | ErrorKind::NonKey => {
            "недопустимое действие в шаблоне: проверьте поля и фильтры в этой строке".to_string()
        }
        _ if detail.is_empty() => "ошибка шаблона".to_string(),
        _ => "ошибка шаблона: проверьте эту строку".to_string(),
    };
    let total = source.lines().count().max(1);
    TemplateError {
        line: err.line().map(|l| l.clamp(1, total)),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_and_sentences() {
        assert_eq!(
            clause("Дополнительная программа", false),
            "дополнительная программа."
        );
        assert_eq!(
            clause("МБОУ выдаёт справку;", false),
            "МБОУ выдаёт справку."
        );
        assert_eq!(clause("справка.", true), "Справка.");
        assert_eq!(clause(" ", false), "____________.");
    }

    #[test]
    fn defined_names_keep_their_capital_in_a_clause() {
        let ctx = serde_json::json!({
            "own": { "role": "Базовая организация" },
            "parties": [ { "role": "Организация-участник" } ],
            "a": "Базовая организация ведёт учёт посещаемости",
            "b": "Организация-участник предоставляет зал",
            "c": "Стороны совместно проводят мероприятия",
            "d": "Реализация программы",
        });
        let out = render(
            "{{ a|clause }} {{ b|clause }} {{ c|clause }} {{ d|clause }}",
            &ctx,
        )
        .expect("render");
        assert_eq!(
            out,
            "Базовая организация ведёт учёт посещаемости. Организация-участник предоставляет зал. \
             Стороны совместно проводят мероприятия. реализация программы."
        );
    }

    #[test]
    fn values_cannot_become_markup() {
        assert_eq!(escape_markdown("ООО «Ромашка»"), "ООО «Ромашка»");
        assert_eq!(escape_markdown("a_b*c|d"), "a\\_b\\*c\\|d");
        assert_eq!(
            escape_markdown("1. Первое\n- второе"),
            "1\\. Первое\n\n\\- второе"
        );
        assert_eq!(escape_markdown("[[requisites]]"), "\\[\\[requisites\\]\\]");
        assert_eq!(unescape_markdown("a\\_b \\[x\\] \\\\"), "a_b [x] \\");
    }

    #[test]
    fn escaped_values_render_and_safe_ones_do_not() {
        let ctx = serde_json::json!({"name": "school_1 *x*", "raw": "x"});
        let out = render("{{ name }}|{{ name|oneline }}", &ctx).expect("renders");
        assert_eq!(out, "school\\_1 \\*x\\*|school\\_1 \\*x\\*");
    }

    #[test]
    fn errors_are_russian_with_lines() {
        let e = render("a\nb\n{% if x %}\nc", &serde_json::json!({"x": true})).unwrap_err();
        assert!(e.message.contains("не закрыт"), "{e}");
        assert!(e.line.is_some(), "{e:?}");
        let e = render("a\n{{ nope }}", &serde_json::json!({})).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert_eq!(e.message, "нет поля «nope»; поля — в списке «Поля»");
        let e = render("a\n\n{{ неизвестное }}", &serde_json::json!({})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Строка 3: нет поля «неизвестное»; поля — в списке «Поля»"
        );
        let e = render("{% include \"/etc/passwd\" %}", &serde_json::json!({})).unwrap_err();
        assert!(e.message.contains("запрещена"), "{e}");
        let e = render(
            "{% for i in range(100000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}",
            &serde_json::json!({}),
        )
        .unwrap_err();
        assert!(e.message.contains("слишком долго"), "{e}");
    }
}
