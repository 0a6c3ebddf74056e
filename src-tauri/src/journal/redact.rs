//! Masks what may be personal data in a text bound for the journal.
//!
//! The core's messages name records in quotes («Школа № 3», «Иванова»),
//! put the path of a file after «файла …:», and the values of requisites
//! and contacts are long runs of digits or e-mails. Masking those leaves
//! the sentence, error codes, ids and short numbers readable, which is all
//! support needs (152-ФЗ: a journal is not a copy of her registry).

/// The masked text, on one line.
pub fn redact(text: &str) -> String {
    let unquoted = mask_quotes(text);
    let tokens = mask_tokens(&unquoted);
    mask_digit_runs(&tokens)
        .replace("\r\n", " / ")
        .replace(['\n', '\r'], " / ")
}

const MASK: &str = "…";

/// «anything» → «…», also "…", „…“ and “…”; an unclosed quote masks the rest.
fn mask_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let close = match c {
            '«' => '»',
            '"' => '"',
            '„' => '“',
            '“' => '”',
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push(c);
        out.push_str(MASK);
        let mut depth = 0usize;
        for inner in chars.by_ref() {
            if inner == c && c != close {
                depth += 1;
            } else if inner == close || (c == '„' && inner == '”') {
                if depth == 0 {
                    out.push(inner);
                    break;
                }
                depth -= 1;
            }
        }
    }
    out
}

/// E-mails, links and file paths, token by token (a path may hold spaces:
/// it is masked up to the «:» that ends it in the core's messages, or to
/// the end of the text).
fn mask_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_path = false;
    for piece in split_keeping_spaces(text) {
        if piece.trim().is_empty() {
            if !in_path {
                out.push_str(piece);
            }
            continue;
        }
        let core = piece.trim_matches(|c: char| "()[],;.!?".contains(c));
        if in_path {
            if piece.ends_with(':') {
                out.push(':');
                in_path = false;
            }
            continue;
        }
        if is_path_start(core) {
            out.push_str("<путь>");
            if piece.ends_with(':') {
                out.push(':');
            } else {
                in_path = true;
            }
        } else if core.contains('@') {
            out.push_str(&piece.replace(core, "<e-mail>"));
        } else if core.contains("://") || core.starts_with("www.") {
            out.push_str(&piece.replace(core, "<ссылка>"));
        } else {
            out.push_str(piece);
        }
    }
    out
}

fn is_path_start(token: &str) -> bool {
    let bytes = token.as_bytes();
    token.starts_with('/')
        || token.starts_with("~/")
        || token.starts_with("\\\\")
        || (bytes.len() >= 3
            && bytes[0].is_ascii_alphabetic()
            && bytes[1] == b':'
            && (bytes[2] == b'\\' || bytes[2] == b'/'))
}

/// The text cut into words and the runs of white space between them.
fn split_keeping_spaces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut last_space: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if last_space.is_some_and(|s| s != space) {
            pieces.push(&text[start..i]);
            start = i;
        }
        last_space = Some(space);
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// A number of six digits or more, separators included (ИНН, КПП, ОГРН,
/// БИК, accounts, phones like «8 (47541) 4-56-78», postal codes) → «<цифры>».
/// Ids, years and short numbers stay.
fn mask_digit_runs(text: &str) -> String {
    const MIN_DIGITS: usize = 6;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !(chars[i].is_ascii_digit() || chars[i] == '+' || chars[i] == '(') {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // the longest run of digits and separators, cut back to its last digit
        let mut end = i;
        let mut last_digit = None;
        let mut digits = 0;
        while end < chars.len() && is_number_char(chars[end]) {
            if chars[end].is_ascii_digit() {
                digits += 1;
                last_digit = Some(end);
            }
            end += 1;
        }
        match last_digit {
            Some(last) if digits >= MIN_DIGITS => {
                out.push_str("<цифры>");
                i = last + 1;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '\u{a0}' | '\u{202f}')
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn quoted_names_are_masked() {
        assert_eq!(
            redact("Партнёр «ИП Иванова М. П.» в корзине: сначала восстановите его."),
            "Партнёр «…» в корзине: сначала восстановите его."
        );
        assert_eq!(redact("Нет «вложенных «кавычек» тут» да"), "Нет «…» да");
        assert_eq!(redact("Открыт \"Иванов\" и „Петров“"), "Открыт \"…\" и „…“");
        assert_eq!(redact("Незакрытая «Иванова"), "Незакрытая «…");
    }

    #[test]
    fn numbers_of_six_digits_and_more_are_masked() {
        assert_eq!(
            redact("ИНН 6825012345, тел. 8 (47541) 4-56-78, +7 912 345-67-89."),
            "ИНН <цифры>, тел. <цифры>, <цифры>."
        );
        assert_eq!(
            redact("Партнёр не найден(а): № 4242 за 2025 год"),
            "Партнёр не найден(а): № 4242 за 2025 год"
        );
        assert_eq!(redact("индекс 392000"), "индекс <цифры>");
    }

    #[test]
    fn e_mails_links_and_paths_are_masked() {
        assert_eq!(
            redact("Почта ivanova.m@example.ru (личная), сайт https://ivanova.ru."),
            "Почта <e-mail> (личная), сайт <ссылка>."
        );
        assert_eq!(
            redact(
                "Ошибка чтения или записи файла /home/ivanova/Мои документы/Иванова.pdf: \
                 No such file or directory (os error 2)"
            ),
            "Ошибка чтения или записи файла <путь>: No such file or directory (os error 2)"
        );
        assert_eq!(
            redact("Сохранено в C:\\Users\\Иванова\\План.xlsx"),
            "Сохранено в <путь>"
        );
        assert_eq!(redact("в ~/Иванова и всё"), "в <путь>");
    }

    #[test]
    fn one_line_always() {
        assert_eq!(
            redact("Исправьте ошибки в форме:\n– ИНН: контрольная цифра не сходится"),
            "Исправьте ошибки в форме: / – ИНН: контрольная цифра не сходится"
        );
    }
}
