//! Positions (должности) in the oblique cases, and the participle of the
//! preamble.
//!
//! Only the head of the phrase changes: the adjectives before the head noun
//! and the noun itself («генеральный директор» → «генерального директора»);
//! whatever follows the head noun is already governed by it («директор МБОУ
//! «СОШ № 1»», «заместитель директора по УВР», «заведующий отделом») and
//! stays. A phrase whose head is not known stays whole.

use super::{is_cyrillic_word, like_case, Case, Gender};

/// How a noun declines: the endings of the genitive, dative, accusative
/// (animate), instrumental and prepositional after `skip` letters are
/// dropped.
#[derive(Debug, Clone, Copy)]
struct Paradigm {
    skip: usize,
    ends: [&'static str; 5],
}

/// директор → директора, директору, директора, директором, директоре.
const HARD: Paradigm = Paradigm {
    skip: 0,
    ends: ["а", "у", "а", "ом", "е"],
};
/// руководитель → руководителя, руководителю, …, руководителем.
const SOFT: Paradigm = Paradigm {
    skip: 1,
    ends: ["я", "ю", "я", "ем", "е"],
};
/// секретарь → секретаря, …, секретарём.
const SOFT_STRESSED: Paradigm = Paradigm {
    skip: 1,
    ends: ["я", "ю", "я", "ём", "е"],
};
/// глава → главы, главе, главу, главой, главе.
const FEMININE_A: Paradigm = Paradigm {
    skip: 1,
    ends: ["ы", "е", "у", "ой", "е"],
};
/// владелец → владельца (the vowel drops).
const FLEETING_E: Paradigm = Paradigm {
    skip: 2,
    ends: ["ьца", "ьцу", "ьца", "ьцем", "ьце"],
};

/// The head nouns of positions, in the nominative, lower case.
const NOUNS: &[(&str, Paradigm)] = &[
    ("директор", HARD),
    ("ректор", HARD),
    ("проректор", HARD),
    ("начальник", HARD),
    ("президент", HARD),
    ("председатель", SOFT),
    ("руководитель", SOFT),
    ("заместитель", SOFT),
    ("представитель", SOFT),
    ("предприниматель", SOFT),
    ("учредитель", SOFT),
    ("попечитель", SOFT),
    ("основатель", SOFT),
    ("распорядитель", SOFT),
    ("управитель", SOFT),
    ("настоятель", SOFT),
    ("хранитель", SOFT),
    ("смотритель", SOFT),
    ("преподаватель", SOFT),
    ("воспитатель", SOFT),
    ("учитель", SOFT),
    ("секретарь", SOFT_STRESSED),
    ("библиотекарь", SOFT),
    ("глава", FEMININE_A),
    ("владелец", FLEETING_E),
    ("методист", HARD),
    ("педагог", HARD),
    ("психолог", HARD),
    ("логопед", HARD),
    ("дефектолог", HARD),
    ("инспектор", HARD),
    ("специалист", HARD),
    ("менеджер", HARD),
    ("советник", HARD),
    ("помощник", HARD),
    ("консультант", HARD),
    ("координатор", HARD),
    ("куратор", HARD),
    ("организатор", HARD),
    ("администратор", HARD),
    ("декан", HARD),
    ("редактор", HARD),
    ("бухгалтер", HARD),
    ("тренер", HARD),
    ("художник", HARD),
    ("режиссёр", HARD),
    ("режиссер", HARD),
    ("дирижёр", HARD),
    ("дирижер", HARD),
    ("концертмейстер", HARD),
    ("хормейстер", HARD),
    ("балетмейстер", HARD),
    ("аккомпаниатор", HARD),
    ("экскурсовод", HARD),
    ("лаборант", HARD),
    ("ассистент", HARD),
    ("доцент", HARD),
    ("профессор", HARD),
    ("член", HARD),
    ("атаман", HARD),
    ("командир", HARD),
    ("комиссар", HARD),
];

/// Adjectives and participles used as nouns: the head when no known noun
/// follows them («заведующий отделом»), an adjective otherwise
/// («управляющий директор»).
const ADJ_NOUNS: &[&str] = &[
    "заведующий",
    "заведующая",
    "управляющий",
    "управляющая",
    "уполномоченный",
    "уполномоченная",
    "ответственный",
    "ответственная",
];

/// Prefixes that do not change: вице-президент → вице-президента.
const FIXED_PREFIXES: &[&str] = &["вице", "экс", "штаб", "обер", "унтер"];

fn noun_paradigm(lower: &str) -> Option<Paradigm> {
    if ADJ_NOUNS.contains(&lower) {
        return None;
    }
    NOUNS.iter().find(|(w, _)| *w == lower).map(|(_, p)| *p)
}

fn apply(word: &str, paradigm: Paradigm, index: usize) -> String {
    let keep = word.chars().count().saturating_sub(paradigm.skip);
    word.chars().take(keep).collect::<String>() + paradigm.ends[index]
}

/// A known head noun, possibly hyphenated (педагог-организатор,
/// тренер-преподаватель, вице-президент), declined; `None` if not known.
fn decline_noun(lower: &str, index: usize) -> Option<String> {
    let pieces: Vec<&str> = lower.split('-').collect();
    let mut out = Vec::with_capacity(pieces.len());
    let mut any_noun = false;
    for (i, piece) in pieces.iter().enumerate() {
        if i + 1 < pieces.len() && FIXED_PREFIXES.contains(piece) {
            out.push(piece.to_string());
            continue;
        }
        let paradigm = noun_paradigm(piece)?;
        out.push(apply(piece, paradigm, index));
        any_noun = true;
    }
    any_noun.then(|| out.join("-"))
}

/// How a noun that is not in [`NOUNS`] declines, by its ending: the rule
/// of the declension it looks like (masculine in a consonant, «-ь» or «-й»;
/// «-а»/«-я» nouns; «-ец» dropping its vowel). Indeclinable loans
/// («атташе», «портье») keep their form; `None` for what no rule fits.
fn guess_paradigm(lower: &str) -> Option<Paradigm> {
    const fn p(skip: usize, ends: [&'static str; 5]) -> Paradigm {
        Paradigm { skip, ends }
    }
    let chars: Vec<char> = lower.chars().collect();
    let n = chars.len();
    if n < 2 || !chars.iter().all(|c| matches!(c, 'а'..='я' | 'ё')) {
        return None;
    }
    let (last, before) = (chars[n - 1], chars[n - 2]);
    let velar_or_sibilant = matches!(before, 'г' | 'к' | 'х' | 'ж' | 'ш' | 'ч' | 'щ');
    Some(match last {
        'о' | 'е' | 'и' | 'у' | 'ю' | 'э' => p(0, [""; 5]),
        'ц' if before == 'е' && n > 3 && chars[n - 3] == 'л' => FLEETING_E,
        'ц' if before == 'е' && n > 3 => p(2, ["ца", "цу", "ца", "цом", "це"]),
        'ц' => p(0, ["а", "у", "а", "ем", "е"]),
        'ч' if before == 'а' => p(0, ["а", "у", "а", "ом", "е"]),
        'ж' | 'ш' | 'ч' | 'щ' => p(0, ["а", "у", "а", "ем", "е"]),
        'ь' | 'й' => SOFT,
        'а' if before == 'ц' => p(1, ["ы", "е", "у", "ей", "е"]),
        'а' if velar_or_sibilant => p(1, ["и", "е", "у", "ой", "е"]),
        'а' => FEMININE_A,
        'я' if before == 'и' => p(1, ["и", "и", "ю", "ей", "и"]),
        'я' => p(1, ["и", "е", "ю", "ей", "е"]),
        c if !matches!(c, 'ы' | 'ъ' | 'ё') => HARD,
        _ => return None,
    })
}

/// The head noun, known or by [`guess_paradigm`], possibly hyphenated
/// («инженер-программист», «секретарь-машинистка»).
fn decline_any_noun(lower: &str, index: usize) -> Option<String> {
    if let Some(known) = decline_noun(lower, index) {
        return Some(known);
    }
    let pieces: Vec<&str> = lower.split('-').collect();
    let mut out = Vec::with_capacity(pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i + 1 < pieces.len() && FIXED_PREFIXES.contains(piece) {
            out.push(piece.to_string());
            continue;
        }
        let paradigm = noun_paradigm(piece).or_else(|| guess_paradigm(piece))?;
        out.push(apply(piece, paradigm, index));
    }
    Some(out.join("-"))
}

/// An abbreviation such as «МБОУ» or «ИП»: no rule declines it.
fn abbreviation(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 5 && letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// An adjective or participle in the masculine or feminine singular,
/// declined; `None` when the word does not look like one.
fn decline_adjective(lower: &str, index: usize) -> Option<String> {
    let chars: Vec<char> = lower.chars().collect();
    if chars.len() < 4 {
        return None;
    }
    let stem: String = chars[..chars.len() - 2].iter().collect();
    let before = chars[chars.len() - 3];
    let ending: String = chars[chars.len() - 2..].iter().collect();
    let velar = matches!(before, 'г' | 'к' | 'х');
    let sibilant = matches!(before, 'ж' | 'ш' | 'ч' | 'щ');
    let ends: [&str; 5] = match ending.as_str() {
        "ый" => ["ого", "ому", "ого", "ым", "ом"],
        "ой" if velar || sibilant => ["ого", "ому", "ого", "им", "ом"],
        "ой" => ["ого", "ому", "ого", "ым", "ом"],
        "ий" if velar => ["ого", "ому", "ого", "им", "ом"],
        "ий" => ["его", "ему", "его", "им", "ем"],
        "ая" if sibilant => ["ей", "ей", "ую", "ей", "ей"],
        "ая" => ["ой", "ой", "ую", "ой", "ой"],
        "яя" => ["ей", "ей", "юю", "ей", "ей"],
        _ => return None,
    };
    Some(stem + ends[index])
}

/// The letters of a token (with inner hyphens and dots) and what follows
/// them («директор,» → «директор» and «,»).
fn split_token(token: &str) -> (&str, &str) {
    let end = token
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(token.len(), |(i, _)| i);
    token.split_at(end)
}

/// The position in `case`, changing only its head words; unchanged when
/// no rule declines it (see [`position_declines`]) or the phrase already
/// governs a genitive («и.о. директора», «врио директора»).
pub fn position(position: &str, case: Case) -> String {
    match case.oblique_index() {
        Some(index) => decline_phrase(position, index).unwrap_or_else(|| position.to_string()),
        None => position.to_string(),
    }
}

/// Whether the rules put the position in the genitive (an empty one has
/// nothing to decline). When they cannot («CEO», «IT-директор»), the
/// agreement asks for the genitive by hand instead of printing the
/// nominative silently.
pub fn position_declines(position: &str) -> bool {
    position.trim().is_empty() || decline_phrase(position, 0).is_some()
}

/// The phrase with its head declined, `None` when no rule applies.
fn decline_phrase(position: &str, index: usize) -> Option<String> {
    // «и.о. директора», «врио директора»: the acting head, already a genitive.
    let compact: String = position.to_lowercase().split_whitespace().collect();
    if compact.starts_with("и.о.") || compact.starts_with("врио") {
        return Some(position.to_string());
    }
    // Split at single spaces so that joining gives the text back exactly.
    let tokens: Vec<&str> = position.split(' ').collect();
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&i| !tokens[i].is_empty())
        .collect();
    let lower = |i: usize| split_token(tokens[i]).0.to_lowercase();
    let mut changed: Vec<(usize, String)> = Vec::new();
    let mut done = false;
    for (k, &i) in words.iter().enumerate() {
        let (core, _) = split_token(tokens[i]);
        if !is_cyrillic_word(core) || abbreviation(core) {
            break;
        }
        let w = core.to_lowercase();
        let next = words.get(k + 1).map(|&j| lower(j));
        if w == "временно" && changed.is_empty() {
            continue;
        }
        // «исполняющий обязанности директора»: the participle, then its
        // object, which is already in the genitive.
        if (w == "исполняющий" || w == "исполняющая")
            && next.as_deref().is_some_and(|n| n.starts_with("обязанност"))
        {
            if let Some(form) = decline_adjective(&w, index) {
                changed.push((i, form));
                done = true;
            }
            break;
        }
        if let Some(form) = decline_noun(&w, index) {
            changed.push((i, form));
            done = true;
            break;
        }
        let next_is_noun = next
            .as_deref()
            .is_some_and(|n| decline_noun(n, index).is_some());
        if ADJ_NOUNS.contains(&w.as_str()) && !next_is_noun {
            if let Some(form) = decline_adjective(&w, index) {
                changed.push((i, form));
                done = true;
            }
            break;
        }
        match decline_adjective(&w, index) {
            // The last word of adjectives only is one used as a noun
            // («старший вожатый», «дежурный»).
            Some(form) => {
                changed.push((i, form));
                done = next.is_none();
            }
            // Not an adjective: the head noun, declined by its ending.
            None => {
                if let Some(form) = decline_any_noun(&w, index) {
                    changed.push((i, form));
                    done = true;
                }
                break;
            }
        }
    }
    if !done {
        return None;
    }
    let mut out: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
    for (i, form) in changed {
        let (core, rest) = split_token(tokens[i]);
        out[i] = like_case(core, &form) + rest;
    }
    Some(out.join(" "))
}

/// «действующего» / «действующей на основании Устава»: agrees with the
/// head's gender; the masculine when it is not known.
pub fn acting_participle(gender: Option<Gender>) -> &'static str {
    match gender {
        Some(Gender::Female) => "действующей",
        Some(Gender::Male) | None => "действующего",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_decline_by_their_stem() {
        assert_eq!(decline_adjective("главный", 0).as_deref(), Some("главного"));
        assert_eq!(decline_adjective("старший", 1).as_deref(), Some("старшему"));
        assert_eq!(
            decline_adjective("городской", 3).as_deref(),
            Some("городским")
        );
        assert_eq!(
            decline_adjective("заведующая", 0).as_deref(),
            Some("заведующей")
        );
        assert_eq!(decline_adjective("главная", 2).as_deref(), Some("главную"));
        assert_eq!(decline_adjective("директор", 0), None);
    }

    #[test]
    fn hyphenated_nouns() {
        assert_eq!(
            decline_noun("вице-президент", 0).as_deref(),
            Some("вице-президента")
        );
        assert_eq!(
            decline_noun("тренер-преподаватель", 1).as_deref(),
            Some("тренеру-преподавателю")
        );
        assert_eq!(decline_noun("вице", 0), None);
        assert_eq!(decline_noun("директор-вице", 0), None);
    }

    #[test]
    fn tokens_keep_their_punctuation() {
        assert_eq!(split_token("директор,"), ("директор", ","));
        assert_eq!(split_token("«СОШ"), ("", "«СОШ"));
    }
}
