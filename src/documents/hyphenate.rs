//! Russian hyphenation. Only the Russian dictionary is embedded (copied from
//! the `hyphenation` crate's prebuilt `ru.standard.bincode`, built from the
//! TeX hyph-utf8 patterns), so no other language bloats the binary and
//! nothing is read from disk or network at run time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use super::DocumentError;

const RU_DICTIONARY: &[u8] = include_bytes!("../../assets/hyphenation/ru.standard.bincode");

/// Words shorter than this (in letters) are never hyphenated: breaking
/// «может» or «взять» looks worse than a slightly loose line.
const MIN_WORD: usize = 5;
/// At least this many letters stay on each side of a break.
const MIN_SIDE: usize = 2;

/// The dictionary, or why it could not be loaded: kept either way, so a
/// broken build fails every render with the same error instead of
/// re-reading the bytes each time.
static DICT: OnceLock<Result<Standard, DocumentError>> = OnceLock::new();

fn dictionary() -> Result<&'static Standard, DocumentError> {
    DICT.get_or_init(|| {
        Standard::from_reader(Language::Russian, &mut &RU_DICTIONARY[..])
            .map_err(|e| DocumentError::Resource(format!("словарь переносов: {e}")))
    })
    .as_ref()
    .map_err(Clone::clone)
}

thread_local! {
    /// Words already hyphenated during the current render: running text
    /// repeats its words a lot, and dictionary lookups are the costliest
    /// part of line breaking.
    static CACHE: RefCell<HashMap<String, Vec<usize>>> = RefCell::new(HashMap::new());
}

/// Forgets cached words; called at the start of every render so that a
/// long-running app does not grow the cache without bound.
pub fn reset_cache() {
    CACHE.with(|c| c.borrow_mut().clear());
}

/// A letter, with a fast path for Latin and Cyrillic.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{0410}'..='\u{044F}' | 'ё' | 'Ё')
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Byte offsets inside `word` where a hyphen may be inserted. `word` is a run
/// of letters only (the caller strips punctuation).
pub fn break_points(word: &str) -> Result<Vec<usize>, DocumentError> {
    let letters = word.chars().count();
    if letters < MIN_WORD || !word.chars().all(is_letter) {
        return Ok(Vec::new());
    }
    if let Some(hit) = CACHE.with(|c| c.borrow().get(word).cloned()) {
        return Ok(hit);
    }
    let points = lookup(word, letters)?;
    CACHE.with(|c| c.borrow_mut().insert(word.to_string(), points.clone()));
    Ok(points)
}

fn lookup(word: &str, letters: usize) -> Result<Vec<usize>, DocumentError> {
    let dict = dictionary()?;
    let hyphenated = dict.hyphenate(word);
    Ok(hyphenated
        .breaks
        .into_iter()
        .filter(|&b| {
            word.is_char_boundary(b) && {
                let left = word[..b].chars().count();
                left >= MIN_SIDE && letters - left >= MIN_SIDE
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> String {
        let points = break_points(word).unwrap();
        let mut out = String::new();
        let mut last = 0;
        for p in points {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn hyphenates_russian_words() {
        assert_eq!(split("взаимодействие"), "вза-и-мо-дей-ствие");
        assert_eq!(split("Образование"), "Об-ра-зо-ва-ние");
        assert_eq!(split("дети"), "дети");
        assert_eq!(split("abc1"), "abc1");
    }
}
