//! Clean text for every name and text field: the one rule for control
//! characters, invisible names and lengths. Names and titles are one line:
//! a tab or a line break becomes a space, other control characters (NUL,
//! escape …) are dropped. Multi-line texts keep tabs and line breaks. A
//! name of nothing but invisible characters (zero-width space, BOM, bidi
//! marks) is refused: it cannot be found, sorted or printed.

use crate::error::{FieldError, Refusal};

/// The longest one-line name or title, in characters.
pub const MAX_LINE: usize = 1000;
/// The longest multi-line text (a description, a note, a clause), in
/// characters: about 60 printed pages.
pub const MAX_TEXT: usize = 200_000;

/// A one-line value without control characters, trimmed.
pub fn clean_line(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A multi-line value: line breaks as `\n`, tabs kept, other control
/// characters dropped, trimmed.
pub fn clean_text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\t' | '\n' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Characters that take no room on the page: whitespace, zero-width and
/// formatting characters.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// A one-line name or title (`label` as it starts a sentence: «Наименование»)
/// cleaned by [`clean_line`]; refused when it is too long or, not empty,
/// has nothing visible. Whether it may be empty is the caller's decision.
pub fn line(label: &str, value: &str) -> Result<String, Refusal> {
    let clean = clean_line(value);
    visible(label, &clean)?;
    length(label, &clean, MAX_LINE)?;
    Ok(clean)
}

/// A multi-line text cleaned by [`clean_text`]; refused over [`MAX_TEXT`].
pub fn text(label: &str, value: &str) -> Result<String, Refusal> {
    let clean = clean_text(value);
    length(label, &clean, MAX_TEXT)?;
    Ok(clean)
}

/// [`line`] in place: the value is replaced by its clean form, the
/// refusal becomes the problem of `field`.
pub fn line_in(field: &str, label: &str, value: &mut String) -> Option<FieldError> {
    match line(label, value) {
        Ok(clean) => {
            *value = clean;
            None
        }
        Err(r) => Some(r.at(field)),
    }
}

/// [`text`] in place, like [`line_in`].
pub fn text_in(field: &str, label: &str, value: &mut String) -> Option<FieldError> {
    match text(label, value) {
        Ok(clean) => {
            *value = clean;
            None
        }
        Err(r) => Some(r.at(field)),
    }
}

fn visible(label: &str, clean: &str) -> Result<(), Refusal> {
    if !clean.is_empty() && clean.chars().all(is_invisible) {
        return Err(Refusal(format!(
            "{label} не может состоять из невидимых символов: введите текст буквами."
        )));
    }
    Ok(())
}

fn length(label: &str, clean: &str, max: usize) -> Result<(), Refusal> {
    // Bytes bound the characters from above: most values skip the count.
    if clean.len() > max {
        let n = clean.chars().count();
        if n > max {
            return Err(Refusal(format!(
                "{label}: не более {max} знаков, а введено {n}. Сократите текст."
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_loses_control_characters() {
        assert_eq!(
            clean_line(" МБОУ\u{0}\u{7} «СОШ\t№ 1»\r\n"),
            "МБОУ «СОШ № 1»"
        );
        assert_eq!(
            clean_text("Первая\r\nвторая\rтретья\u{1b}[31m\tконец\u{0}"),
            "Первая\nвторая\nтретья[31m\tконец"
        );
    }

    #[test]
    fn an_invisible_name_is_refused_an_empty_one_is_the_callers() {
        assert_eq!(
            line("Наименование", "\u{200B}\u{FEFF} \u{200D}").map_err(|r| r.0),
            Err(
                "Наименование не может состоять из невидимых символов: введите текст буквами."
                    .to_string()
            )
        );
        assert_eq!(
            line("Наименование", "  ").map_err(|r| r.0),
            Ok(String::new())
        );
        assert_eq!(
            line("Наименование", "\u{200B}Школа").map_err(|r| r.0),
            Ok("\u{200B}Школа".to_string())
        );
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        assert!(line("Название", &"я".repeat(MAX_LINE)).is_ok());
        let long = line("Название", &"я".repeat(MAX_LINE + 1)).map_err(|r| r.0);
        assert_eq!(
            long,
            Err("Название: не более 1000 знаков, а введено 1001. Сократите текст.".to_string())
        );
        assert!(text("Описание", &"a\n".repeat(MAX_TEXT)).is_err());
    }
}
