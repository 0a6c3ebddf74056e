//! JSON a person wrote (a file, stdin) read into a record. A UTF-8 BOM in
//! front is accepted (Windows editors add one); a failure is a Russian
//! sentence naming the field, what was found and what is expected — never
//! serde's English.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{CoreError, Result};

/// The Russian label of a closed list's code («general_education» →
/// «Учреждения общего образования»), supplied by a layer that knows them.
pub type Labels<'a> = &'a dyn Fn(&str) -> Option<String>;

/// No labels: the allowed values are listed as codes only.
pub fn no_labels(_: &str) -> Option<String> {
    None
}

/// Parses `text` as JSON; `what` names the record in the genitive
/// («партнёра»): «JSON партнёра не читается (строка 3, столбец 7): …».
pub fn parse(text: &str, what: &str) -> Result<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        CoreError::BadInput(format!(
            "JSON {what} не читается (строка {}, столбец {}): {}.",
            e.line(),
            e.column(),
            syntax_reason(&e)
        ))
    })
}

/// Reads the record from parsed JSON; a wrong field is named by its path
/// (`requisites.inn`, `contacts[0].email`).
pub fn record<T: DeserializeOwned>(value: &Value, what: &str, labels: Labels) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().clone();
        let mut field = path.to_string();
        let message = strip_position(&e.inner().to_string());
        if let Some(missing) = between(&message, "missing field `", "`") {
            field = if field == "." {
                missing.to_string()
            } else {
                format!("{field}.{missing}")
            };
            return CoreError::BadInput(format!(
                "JSON {what} не читается: нет обязательного поля «{field}» — добавьте его."
            ));
        }
        let found = at_path(value, &path);
        let reason = value_reason(&message, found, labels);
        if field == "." {
            CoreError::BadInput(format!("JSON {what} не читается: {reason}."))
        } else {
            CoreError::BadInput(format!(
                "JSON {what} не читается: поле «{field}» — {reason}."
            ))
        }
    })
}

/// [`parse`] then [`record`].
pub fn from_text<T: DeserializeOwned>(text: &str, what: &str, labels: Labels) -> Result<T> {
    record(&parse(text, what)?, what, labels)
}

/// The value the failing path points at, to quote it in the message.
fn at_path<'v>(value: &'v Value, path: &serde_path_to_error::Path) -> Option<&'v Value> {
    use serde_path_to_error::Segment;
    let mut here = value;
    for segment in path.iter() {
        here = match segment {
            Segment::Seq { index } => here.get(*index)?,
            Segment::Map { key } => here.get(key.as_str())?,
            Segment::Enum { .. } => here,
            Segment::Unknown => return None,
        };
    }
    Some(here)
}

/// serde_json's message without « at line 1 column 5».
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The text between `start` and the next `end` in `text`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// Every `quoted` item in serde's «expected one of `a`, `b`».
fn quoted_items(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Why a well-formed value does not fit the record, in Russian.
fn value_reason(message: &str, found: Option<&Value>, labels: Labels) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (unexpected, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "ожидается {}, а указано {}",
            expected(wanted),
            unexpected_value(unexpected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (unexpected, wanted) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "значение {} не подходит: ожидается {}",
            unexpected_value(unexpected),
            expected(wanted)
        );
    }
    if message.starts_with("invalid length ") {
        let wanted = message.split_once(", expected ").map_or("", |(_, w)| w);
        return format!("неверное число элементов: ожидается {}", expected(wanted));
    }
    if let Some(variant) = between(message, "unknown variant `", "`") {
        let allowed = message.split_once(", expected ").map_or("", |(_, w)| w);
        return format!(
            "неизвестное значение «{variant}»; допустимые значения: {}",
            allowed_list(&quoted_items(allowed), labels)
        );
    }
    if let Some(name) = between(message, "unknown field `", "`") {
        let allowed = message.split_once(", expected ").map_or("", |(_, w)| w);
        return format!(
            "неизвестное поле «{name}»; допустимые поля: {}",
            allowed_list(&quoted_items(allowed), &no_labels)
        );
    }
    if let Some(name) = between(message, "duplicate field `", "`") {
        return format!("поле «{name}» указано дважды — оставьте одно");
    }
    let quoted = match found {
        Some(Value::String(s)) => format!("«{s}» "),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => format!("{v} "),
        _ => String::new(),
    };
    match message {
        "input is out of range" => format!(
            "значения {quoted}нет в календаре: проверьте число, месяц и время \
             (например, 31.02 не бывает)"
        ),
        "input contains invalid characters"
        | "premature end of input"
        | "trailing input"
        | "input is not enough for unique date and time"
        | "no possible date and time matching input"
        | "bad or unsupported format string" => format!(
            "дата или время {quoted}записаны не так: нужно, например, \"2026-09-15\" \
             или \"2026-10-06T15:00:00\""
        ),
        _ => format!("значение {quoted}не подходит для этого поля"),
    }
}

/// «a, b или c», each code with its Russian label when known.
fn allowed_list(codes: &[&str], labels: Labels) -> String {
    if codes.is_empty() {
        return "нет".to_string();
    }
    let items: Vec<String> = codes
        .iter()
        .map(|code| match labels(code) {
            Some(label) => format!("{code} («{label}»)"),
            None => code.to_string(),
        })
        .collect();
    items.join(", ")
}

/// serde's «expected …» in Russian.
fn expected(wanted: &str) -> String {
    let w = wanted.trim();
    let integer = |s: &str| {
        s.len() >= 2
            && (s.starts_with('i') || s.starts_with('u'))
            && s[1..].chars().all(|c| c.is_ascii_digit() || c == 's')
    };
    if w.starts_with("struct ") || w == "a map" || w == "map" {
        "объект в фигурных скобках { … }".to_string()
    } else if w.contains("string") && !w.contains("date") {
        "текст в кавычках".to_string()
    } else if w.contains("sequence") || w.starts_with("a tuple") || w.starts_with("tuple") {
        "список в квадратных скобках [ … ]".to_string()
    } else if w.starts_with('u') && integer(w) {
        "целое неотрицательное число".to_string()
    } else if integer(w) || w.contains("integer") {
        "целое число".to_string()
    } else if w == "f32" || w == "f64" || w.contains("float") {
        "число".to_string()
    } else if w.contains("bool") {
        "true или false".to_string()
    } else if w.contains("date") && (w.contains("time") || w.contains("timestamp")) {
        "дата и время в кавычках, например \"2026-10-06T15:00:00\"".to_string()
    } else if w.contains("date") {
        "дата в кавычках, например \"2026-09-15\"".to_string()
    } else if w.contains("time") {
        "время в кавычках, например \"15:00:00\"".to_string()
    } else if w.starts_with("enum") || w.contains("variant") {
        "одно из значений списка".to_string()
    } else if w.contains("char") {
        "один знак в кавычках".to_string()
    } else {
        "значение другого вида".to_string()
    }
}

/// serde's description of what it found, in Russian.
fn unexpected_value(found: &str) -> String {
    let inner = |s: &str| {
        s.split_once('`')
            .map(|(_, r)| r.trim_end_matches('`').to_string())
    };
    if found == "null" || found == "unit value" || found == "Option value" {
        "null (пусто)".to_string()
    } else if let Some(text) = found.strip_prefix("string ") {
        format!("текст {text}")
    } else if found.starts_with("integer") || found.starts_with("floating point") {
        format!("число {}", inner(found).unwrap_or_default())
    } else if found.starts_with("boolean") {
        inner(found).unwrap_or_default()
    } else if found.starts_with("sequence") {
        "список [ … ]".to_string()
    } else if found.starts_with("map") {
        "объект { … }".to_string()
    } else if found.starts_with("character") {
        format!("знак {}", inner(found).unwrap_or_default())
    } else {
        "значение другого вида".to_string()
    }
}

/// serde_json's syntax error in Russian: what to fix at that place.
fn syntax_reason(e: &serde_json::Error) -> &'static str {
    let message = strip_position(&e.to_string());
    match message.as_str() {
        m if m.starts_with("EOF while parsing") => {
            "файл пуст или обрывается раньше, чем закончен JSON: \
             не хватает закрывающей скобки или кавычки"
        }
        "expected `:`" => "после имени поля нужно двоеточие",
        "expected `,` or `]`" => "между элементами списка нужна запятая, в конце — «]»",
        "expected `,` or `}`" => "между полями нужна запятая, в конце — «}»",
        "expected ident" => "ожидается true, false или null",
        "expected value" => {
            "ожидается значение: текст в кавычках, число, объект { … } или список [ … ]"
        }
        "invalid escape" => "после обратной косой черты «\\» стоит недопустимый знак",
        "invalid number" => "число записано неверно",
        "number out of range" => "число слишком велико",
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => "неверный код символа \\u…",
        m if m.starts_with("control character") => {
            "в тексте в кавычках управляющий знак (перевод строки, табуляция): \
             запишите его как \\n или \\t"
        }
        "key must be a string" => "имя поля должно быть в кавычках",
        "trailing comma" => "лишняя запятая перед закрывающей скобкой",
        "trailing characters" => "после конца JSON лишний текст",
        "recursion limit exceeded" => "слишком глубокая вложенность скобок (больше 128 уровней)",
        _ => "синтаксическая ошибка",
    }
}
