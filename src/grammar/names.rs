//! Personal names: declension (through the `petrovich` crate, with a small
//! table of corrections), gender guessing and initials.

use super::{is_cyrillic_word, like_case, Case, Gender};

/// Which part of a full name a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Surname,
    Name,
    Patronymic,
}

/// What a correction matches: whole words or an ending.
#[derive(Debug, Clone, Copy)]
enum Test {
    Exact(&'static [&'static str]),
    Suffix(&'static str),
}

/// A correction of petrovich: for the matching word, drop `skip` letters and
/// add the ending of the case (genitive, dative, accusative, instrumental,
/// prepositional).
#[derive(Debug, Clone, Copy)]
struct Fix {
    part: Part,
    /// `None`: whatever the gender.
    gender: Option<Gender>,
    test: Test,
    skip: usize,
    ends: [&'static str; 5],
}

/// Where petrovich 0.2 gets a case wrong. The first match wins, so the
/// exact words come before the endings.
const FIXES: &[Fix] = &[
    // petrovich has «-нец» → «-нца» (Волынец → Волынца), which also drops
    // the vowel of the monosyllabic Кузнец, Жнец («Кузнца», «Жнца»); these
    // surnames keep it: Кузнеца, Жнеца.
    Fix {
        part: Part::Surname,
        gender: Some(Gender::Male),
        test: Test::Exact(&["кузнец", "жнец"]),
        skip: 0,
        ends: ["а", "у", "а", "ом", "е"],
    },
    // petrovich declines every surname in «-я» like Фидря; the French Золя
    // (stress on the last syllable) does not decline («Золи» is wrong).
    Fix {
        part: Part::Surname,
        gender: None,
        test: Test::Exact(&["золя"]),
        skip: 0,
        ends: ["", "", "", "", ""],
    },
    // petrovich gives «Ии» for the dative and prepositional of Ия (its «-ия»
    // rule, as for Мария); Ия declines like Зоя: Ии, Ие, Ию, Ией, об Ие.
    Fix {
        part: Part::Name,
        gender: None,
        test: Test::Exact(&["ия"]),
        skip: 1,
        ends: ["и", "е", "ю", "ей", "е"],
    },
    // petrovich's rule for «-ния, -рия, -вия» gives the instrumental and the
    // prepositional «Марием», «о Ксением»; the forms are Марией, о Марии.
    Fix {
        part: Part::Name,
        gender: None,
        test: Test::Suffix("ия"),
        skip: 2,
        ends: ["ии", "ии", "ию", "ией", "ии"],
    },
];

fn find_fix(part: Part, gender: Option<Gender>, lower: &str) -> Option<&'static Fix> {
    FIXES.iter().find(|fix| {
        fix.part == part
            && (fix.gender.is_none() || fix.gender == gender)
            && match fix.test {
                Test::Exact(words) => words.contains(&lower),
                Test::Suffix(end) => {
                    lower.ends_with(end) && lower.chars().count() > end.chars().count()
                }
            }
    })
}

fn apply_fix(word: &str, fix: &Fix, index: usize) -> String {
    let keep = word.chars().count().saturating_sub(fix.skip);
    let stem: String = word.chars().take(keep).collect();
    stem + fix.ends[index]
}

fn petrovich_gender(gender: Option<Gender>) -> petrovich::Gender {
    match gender {
        Some(Gender::Male) => petrovich::Gender::Male,
        Some(Gender::Female) => petrovich::Gender::Female,
        None => petrovich::Gender::Androgynous,
    }
}

fn petrovich_case(index: usize) -> petrovich::Case {
    match index {
        0 => petrovich::Case::Genitive,
        1 => petrovich::Case::Dative,
        2 => petrovich::Case::Accusative,
        3 => petrovich::Case::Instrumental,
        _ => petrovich::Case::Prepositional,
    }
}

fn petrovich_inflect(part: Part, gender: Option<Gender>, word: &str, index: usize) -> String {
    let (g, c) = (petrovich_gender(gender), petrovich_case(index));
    match part {
        Part::Surname => petrovich::lastname(g, word, c),
        Part::Name => petrovich::firstname(g, word, c),
        Part::Patronymic => petrovich::middlename(g, word, c),
    }
}

/// One word (possibly hyphenated: Римский-Корсаков, Анна-Мария) in the
/// case with the paradigm `index`. Without a gender, the word is declined
/// only when the masculine and the feminine declensions agree (Кочерга →
/// Кочерги, Саша → Саши); otherwise (Ковальчук, Шмидт, Ким) it stays.
fn decline_word(part: Part, gender: Option<Gender>, word: &str, index: usize) -> String {
    // The rules know Cyrillic only; anything else (Smith, digits) stays.
    if !is_cyrillic_word(word) {
        return word.to_string();
    }
    match gender {
        Some(g) => decline_gendered(part, g, word, index),
        None => {
            let male = decline_gendered(part, Gender::Male, word, index);
            let female = decline_gendered(part, Gender::Female, word, index);
            if male == female {
                male
            } else {
                word.to_string()
            }
        }
    }
}

fn decline_gendered(part: Part, gender: Gender, word: &str, index: usize) -> String {
    let gender = Some(gender);
    let pieces: Vec<&str> = word.split('-').collect();
    let lower: Vec<String> = pieces.iter().map(|p| p.to_lowercase()).collect();
    let fixes: Vec<Option<&Fix>> = lower.iter().map(|l| find_fix(part, gender, l)).collect();
    let whole = if fixes.iter().all(|f| f.is_some()) {
        None
    } else {
        // petrovich splits at hyphens itself and knows which first halves
        // stay (Бонч-Бруевич): ask it for the whole word, take its pieces.
        Some(petrovich_inflect(part, gender, word, index))
    };
    let whole_pieces: Vec<&str> = whole
        .as_deref()
        .map(|w| w.split('-').collect())
        .unwrap_or_default();
    pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| {
            let declined = match fixes[i] {
                Some(fix) => apply_fix(piece, fix, index),
                None => whole_pieces
                    .get(i)
                    .map_or_else(|| piece.to_string(), |w| w.to_string()),
            };
            like_case(piece, &declined)
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn decline_part(part: Part, gender: Option<Gender>, text: &str, index: usize) -> String {
    text.split_whitespace()
        .map(|word| decline_word(part, gender, word, index))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gender told by the patronymic (…ич, …на, оглы, кызы), else by the
/// name, else by the surname; `None` when nothing tells.
pub fn guess_gender(surname: &str, name: &str, patronymic: &str) -> Option<Gender> {
    let p = patronymic.trim().to_lowercase();
    if p.ends_with("ич") || p.ends_with("оглы") || p.ends_with("улы") || p.ends_with("уулу")
    {
        return Some(Gender::Male);
    }
    if p.ends_with("на") || p.ends_with("кызы") || p.ends_with("гызы") {
        return Some(Gender::Female);
    }
    fn opt(s: &str) -> Option<&str> {
        let s = s.trim();
        (!s.is_empty()).then_some(s)
    }
    match petrovich::detect_gender(opt(surname), opt(name), opt(patronymic)) {
        petrovich::Gender::Male => Some(Gender::Male),
        petrovich::Gender::Female => Some(Gender::Female),
        petrovich::Gender::Androgynous => None,
    }
}

/// «Фамилия Имя Отчество» in `case`: «Мишина Валентина Ивановна» →
/// genitive «Мишиной Валентины Ивановны».
///
/// Without a gender, it is guessed (see [`guess_gender`]); when that fails
/// too, a word is declined only where men's and women's forms agree
/// (Кочерга → Кочерги, Саша → Саши), so a surname such as Ковальчук or
/// Шмидт, which declines for men only, is left as is.
/// Empty parts are skipped.
pub fn full_name(
    surname: &str,
    name: &str,
    patronymic: &str,
    gender: Option<Gender>,
    case: Case,
) -> String {
    let gender = gender.or_else(|| guess_gender(surname, name, patronymic));
    let parts = match case.oblique_index() {
        None => {
            [surname, name, patronymic].map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        Some(index) => [
            decline_part(Part::Surname, gender, surname, index),
            decline_part(Part::Name, gender, name, index),
            decline_part(Part::Patronymic, gender, patronymic, index),
        ],
    };
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// «В.И.» from «Валентина», «Ивановна»; «А.-М.» from «Анна-Мария».
/// Lower-case words after the first (оглы, кызы) give no initial.
fn initials(name: &str, patronymic: &str) -> String {
    let mut out = String::new();
    for part in [name, patronymic] {
        for (i, word) in part.split_whitespace().enumerate() {
            if i > 0 && word.chars().next().is_some_and(|c| c.is_lowercase()) {
                continue;
            }
            let letters: Vec<String> = word
                .split('-')
                .filter_map(|piece| piece.chars().find(|c| c.is_alphabetic()))
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect();
            out.push_str(&letters.join("-"));
        }
    }
    out
}

fn join_nonempty(parts: [&str; 2]) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// «В.И. Мишина»: for the line under a signature.
pub fn initials_before(surname: &str, name: &str, patronymic: &str) -> String {
    join_nonempty([&initials(name, patronymic), &clean(surname)])
}

/// «Мишина В.И.»: for lists.
pub fn initials_after(surname: &str, name: &str, patronymic: &str) -> String {
    join_nonempty([&clean(surname), &initials(name, patronymic)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_apply_and_petrovich_is_asked_otherwise() {
        let g = |s: &str| decline_word(Part::Surname, Some(Gender::Male), s, 0);
        assert_eq!(g("Кузнец"), "Кузнеца");
        assert_eq!(g("Волынец"), "Волынца");
        assert_eq!(g("Бонч-Бруевич"), "Бонч-Бруевича");
        assert_eq!(g("ИВАНОВ"), "ИВАНОВА");
        assert_eq!(g("Smith"), "Smith");
        assert_eq!(g(""), "");
        let i = |s: &str| decline_word(Part::Name, Some(Gender::Female), s, 3);
        assert_eq!(i("Мария"), "Марией");
        assert_eq!(i("Анна-Мария"), "Анной-Марией");
    }

    #[test]
    fn gender_is_guessed() {
        assert_eq!(guess_gender("", "", "Ильич"), Some(Gender::Male));
        assert_eq!(guess_gender("", "", "Саввична"), Some(Gender::Female));
        assert_eq!(guess_gender("Ким", "Саша", ""), None);
        assert_eq!(guess_gender("Петрова", "", ""), Some(Gender::Female));
        assert_eq!(guess_gender("", "Пётр", ""), Some(Gender::Male));
        assert_eq!(
            guess_gender("Алиев", "Гейдар", "Али оглы"),
            Some(Gender::Male)
        );
    }

    #[test]
    fn initials_of_odd_names() {
        assert_eq!(initials("", ""), "");
        assert_eq!(initials("ёлка", ""), "Ё.");
        assert_eq!(initials("Гейдар", "Али оглы"), "Г.А.");
    }
}
