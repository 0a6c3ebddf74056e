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

/// Terms of a search box: whitespace-separated, punctuation trimmed at
/// their ends, folded: «1/2026» stays one term, ««Ёлочка»» becomes «елочка».
pub fn search_terms(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|t| fold(t.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|t| !t.is_empty())
        .collect()
}

/// An FTS5 query that matches every word of `query` as a prefix; `None`
/// when the query has no words (then everything matches).
pub fn prefix_query(query: &str) -> Option<String> {
    let terms: Vec<String> = words(query)
        .into_iter()
        .map(|w| format!("\"{w}\"*"))
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
