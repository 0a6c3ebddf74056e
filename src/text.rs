//! Text normalisation shared by search and matching: one place decides that
//! «Ё» and «е» are the same letter.

/// Lower case with «ё» folded to «е».
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Words of a text (letters and digits), folded.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The shortest stem a search keeps: shorter ones would match too much
/// («ели» stays «ели», not «ел»).
const MIN_STEM: usize = 3;

/// The Snowball stem of a folded Russian word, or the word itself when it
/// is not Cyrillic or its stem would be too short. Snowball only takes
/// endings off, so the stem is a prefix of the word: searching for the
/// stem finds everything the word found, and every other case of it
/// («библиотеки», «библиотекой» → «библиотек»; «Мишиной» → «мишин»).
pub fn stem(word: &str) -> String {
    use std::sync::OnceLock;
    static RUSSIAN: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    if !word.chars().any(|c| matches!(c, 'а'..='я')) {
        return word.to_string();
    }
    let stemmer =
        RUSSIAN.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian));
    let stem = stemmer.stem(word);
    if stem.chars().count() >= MIN_STEM && word.starts_with(stem.as_ref()) {
        stem.into_owned()
    } else {
        word.to_string()
    }
}

/// Terms of a search box: whitespace-separated, punctuation trimmed at
/// their ends, folded and stemmed: «1/2026» stays one term, ««Ёлочка»»
/// becomes «елочк», «детской библиотеке» finds «детская библиотека».
/// A term is found inside words (so typing a prefix finds too).
pub fn search_terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|t| fold(t.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|t| !t.is_empty())
        .map(|t| stem(&t))
        .collect()
}

/// An FTS5 query that matches every word of `query` by its stem as a
/// prefix (see [`stem`]); `None` when the query has no words (then
/// everything matches).
pub fn prefix_query(query: &str) -> Option<String> {
    let terms: Vec<String> = words(query)
        .into_iter()
        .map(|w| format!("\"{}\"*", stem(&w)))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// Trims, drops empties and case-insensitive duplicates, keeping order.
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .filter(|t| seen.insert(fold(t)))
        .collect()
}

/// «Мишина В.И.» from surname, name and patronymic.
pub fn surname_initials(surname: &str, name: &str, patronymic: &str) -> String {
    let initials: String = [name, patronymic]
        .iter()
        .filter_map(|p| p.trim().chars().next())
        .map(|c| format!("{c}."))
        .collect();
    match (surname.trim(), initials.is_empty()) {
        ("", _) => initials,
        (s, true) => s.to_string(),
        (s, false) => format!("{s} {initials}"),
    }
}

/// What makes a spreadsheet read a CSV cell as a formula: the list exports
/// put an apostrophe before such a text, the import takes it off.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text file's bytes as text: UTF-8 (with or without a byte-order mark)
/// when it is valid, else the encoding an 8-bit Russian file is in
/// (Windows-1251 as a rule).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"ru"), false);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_yo_and_case() {
        assert_eq!(fold("ЁЛКА Ёжик"), "елка ежик");
    }

    #[test]
    fn builds_prefix_query() {
        assert_eq!(
            prefix_query("  Дом-Творч ").as_deref(),
            Some("\"дом\"* AND \"творч\"*")
        );
        assert_eq!(prefix_query(" -- "), None);
        assert_eq!(
            prefix_query("Библиотеки").as_deref(),
            Some("\"библиотек\"*")
        );
    }

    #[test]
    fn stems_keep_a_prefix_of_the_word() {
        for (word, stemmed) in [
            ("библиотеки", "библиотек"),
            ("библиотекой", "библиотек"),
            ("детской", "детск"),
            ("мишиной", "мишин"),
            ("лаврентьевой", "лаврентьев"),
            ("ели", "ели"),
            ("2026", "2026"),
            ("school", "school"),
        ] {
            assert_eq!(stem(word), stemmed, "{word}");
            assert!(word.starts_with(&stem(word)));
        }
        assert_eq!(
            search_terms("«Детской»  БИБЛИОТЕКЕ"),
            ["детск", "библиотек"]
        );
    }

    #[test]
    fn cleans_tags() {
        let tags = ["  Спортзал ", "спортзал", "", "Музей  фонды"].map(String::from);
        assert_eq!(clean_tags(&tags), vec!["Спортзал", "Музей фонды"]);
    }

    #[test]
    fn initials() {
        assert_eq!(
            surname_initials("Мишина", "Валентина", "Ивановна"),
            "Мишина В.И."
        );
        assert_eq!(surname_initials("Мишина", "", ""), "Мишина");
    }
}
