//! Russian grammar for the agreement templates: names and positions in the
//! oblique cases, initials, the participles of the preamble, dates in words
//! and plural forms.
//!
//! Everything here is pure and total: on input it does not understand, a
//! function returns the input unchanged (the caller has a manual override
//! field) instead of guessing or failing.

mod dates;
mod names;
mod numbers;
mod org;
mod positions;

pub use dates::{
    date_long, date_quoted, date_short, month_genitive, month_nominative, term_in_words,
};
pub use names::{full_name, guess_gender, initials_after, initials_before};
pub use numbers::number;
pub use org::named_adjective;
pub use positions::{acting_participle, position, position_declines};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A grammatical case (падеж).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Именительный: кто? что?
    Nominative,
    /// Родительный: кого? чего?
    Genitive,
    /// Дательный: кому? чему?
    Dative,
    /// Винительный: кого? что?
    Accusative,
    /// Творительный: кем? чем?
    Instrumental,
    /// Предложный: о ком? о чём?
    Prepositional,
}

impl Case {
    pub const ALL: [Case; 6] = [
        Case::Nominative,
        Case::Genitive,
        Case::Dative,
        Case::Accusative,
        Case::Instrumental,
        Case::Prepositional,
    ];

    /// The index into a five-form paradigm (genitive … prepositional);
    /// `None` for the nominative, which is the dictionary form itself.
    pub(crate) fn oblique_index(self) -> Option<usize> {
        match self {
            Case::Nominative => None,
            Case::Genitive => Some(0),
            Case::Dative => Some(1),
            Case::Accusative => Some(2),
            Case::Instrumental => Some(3),
            Case::Prepositional => Some(4),
        }
    }
}

/// A person's grammatical gender (род): names decline and participles agree
/// by it. It lives here, not with the people who have one, so that grammar
/// depends on nothing; the code is how it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// The form of a counted word after the number `n`: `one` for 1, 21, 101 …,
/// `few` for 2–4, 22–24 …, `many` for 0, 5–20, 25–30 … (11–14 take `many`).
///
/// Returns only the word: `plural(5, "год", "года", "лет")` is «лет».
pub fn plural(n: i64, one: &str, few: &str, many: &str) -> String {
    let n = n.unsigned_abs();
    let form = if (11..=14).contains(&(n % 100)) {
        many
    } else {
        match n % 10 {
            1 => one,
            2..=4 => few,
            _ => many,
        }
    };
    form.to_string()
}

/// `word` written as `model` is: all capitals when `model` is all capitals
/// (and longer than one letter), a capital first letter when `model` starts
/// with one, otherwise as is.
pub(crate) fn like_case(model: &str, word: &str) -> String {
    let letters: Vec<char> = model.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return word.to_uppercase();
    }
    match model.chars().next() {
        Some(first) if first.is_uppercase() => capitalize(word),
        _ => word.to_string(),
    }
}

/// The word with its first letter in upper case.
pub(crate) fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True when the word is written in Cyrillic letters (hyphens and
/// apostrophes allowed): the only words the declension rules know.
pub(crate) fn is_cyrillic_word(word: &str) -> bool {
    !word.is_empty()
        && word.chars().any(|c| c.is_alphabetic())
        && word
            .chars()
            .all(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | '-' | '\'' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        let f = |n| plural(n, "месяц", "месяца", "месяцев");
        assert_eq!(f(0), "месяцев");
        assert_eq!(f(1), "месяц");
        assert_eq!(f(4), "месяца");
        assert_eq!(f(13), "месяцев");
        assert_eq!(f(101), "месяц");
        assert_eq!(f(-2), "месяца");
    }

    #[test]
    fn case_of_words() {
        assert_eq!(like_case("Директор", "директора"), "Директора");
        assert_eq!(like_case("ДИРЕКТОР", "директора"), "ДИРЕКТОРА");
        assert_eq!(like_case("директор", "директора"), "директора");
        assert_eq!(like_case("Я", "меня"), "Меня");
        assert!(is_cyrillic_word("Анна-Мария"));
        assert!(is_cyrillic_word("Пётр"));
        assert!(!is_cyrillic_word("Smith"));
        assert!(!is_cyrillic_word("-"));
    }
}
