//! What the agreements list shows of an agreement's subject: not two cut
//! lines of boilerplate («Сетевая реализация дополнительной
//! общеразвивающей программы…») but what tells agreements apart — the
//! programme's name for a network-form agreement, the subject's first
//! clause for a cooperation agreement.

use super::model::AgreementKind;

/// The longest heading, in characters; a longer one is cut at a word.
const MAX_CHARS: usize = 120;

/// The first «…» of `text` with its quotes, nested quotes kept
/// («Школа «Юный техник»»); `None` without a closed pair.
fn quoted(text: &str) -> Option<&str> {
    let start = text.find('«')?;
    let mut depth = 0usize;
    for (i, c) in text[start..].char_indices() {
        match c {
            '«' => depth += 1,
            '»' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[start..start + i + c.len_utf8()]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The text up to the first «:», «.» or «;» outside quotes.
fn first_clause(text: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            ':' | '.' | ';' if depth == 0 => return &text[..i],
            _ => {}
        }
    }
    text
}

/// Cut to [`MAX_CHARS`] at a word, with «…».
fn short(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ' ', '—', '-']))
}

/// The heading of an agreement in the list.
pub fn list_heading(kind: AgreementKind, subject: &str, programme: &str) -> String {
    if kind == AgreementKind::NetworkProgram {
        if let Some(name) = quoted(programme).or_else(|| quoted(subject)) {
            return short(&format!("Программа {name}"));
        }
    }
    let source = if subject.trim().is_empty() {
        programme
    } else {
        subject
    };
    short(first_clause(source.trim()).trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_agreement_is_named_by_its_programme() {
        assert_eq!(
            list_heading(
                AgreementKind::NetworkProgram,
                "Сетевая реализация дополнительной общеразвивающей программы",
                "ДООП «Юный конструктор», техническая направленность, базовый уровень",
            ),
            "Программа «Юный конструктор»"
        );
        assert_eq!(
            list_heading(
                AgreementKind::NetworkProgram,
                "Совместная реализация программы «Школа «Юный техник»» в 2026 году",
                "",
            ),
            "Программа «Школа «Юный техник»»"
        );
    }

    #[test]
    fn a_cooperation_agreement_by_its_first_clause() {
        assert_eq!(
            list_heading(
                AgreementKind::Cooperation,
                "Патриотическое воспитание обучающихся: встречи с ветеранами, совместные проекты.",
                "",
            ),
            "Патриотическое воспитание обучающихся"
        );
        assert_eq!(
            list_heading(
                AgreementKind::Cooperation,
                "Обмен опытом «Д. Н. Мамин»: встречи",
                ""
            ),
            "Обмен опытом «Д. Н. Мамин»"
        );
        assert_eq!(list_heading(AgreementKind::Cooperation, "  ", ""), "");
        let long = "слово ".repeat(40);
        let heading = list_heading(AgreementKind::Cooperation, &long, "");
        assert!(
            heading.ends_with('…') && heading.chars().count() <= MAX_CHARS + 1,
            "{heading}"
        );
    }
}
