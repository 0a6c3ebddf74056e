//! Checks of requisites and contacts, so that a typo is caught at entry
//! (DOMAIN.md §2).
//!
//! Every check returns a [`CheckError`] whose `Display` is a complete Russian
//! sentence: it names the requisite and says what to fix. The form layer
//! attaches it to a field (`requisites.inn` …) as a `FieldError`.
//!
//! Input conventions, the same for every check:
//! - the value is trimmed; an empty value is an error ([`CheckError::Empty`]):
//!   whether a field may stay empty is the caller's decision;
//! - in the digit requisites (ИНН, КПП, ОГРН, БИК, счета) inner whitespace
//!   (spaces, no-break spaces, tabs) and invisible zero-width characters are
//!   tolerated and removed — people copy «40702 810 4 0000 0000225» from
//!   bank letters. Any other character (a hyphen, a letter) is rejected with
//!   its name. [`compact`] gives the form to store;
//! - [`phone`] and [`website`] return the normalised value to store.

mod contacts;
pub mod dates;
pub mod fields;
pub mod make;
mod requisites;

use std::fmt;

pub use contacts::{email, phone, website};
pub use requisites::{bank_account, bik, corr_account, inn, kpp, ogrn, restore_leading_zero};

/// Which requisite or contact a [`CheckError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Inn,
    Kpp,
    /// ОГРН (13 digits) or ОГРНИП (15): before the length is known.
    Ogrn,
    /// ОГРНИП, once 15 digits were entered.
    Ogrnip,
    Bik,
    BankAccount,
    CorrAccount,
    Email,
    Phone,
    Website,
}

impl Field {
    /// The name as it starts a sentence: «ИНН», «Расчётный счёт».
    pub fn label(self) -> &'static str {
        match self {
            Field::Inn => "ИНН",
            Field::Kpp => "КПП",
            Field::Ogrn => "ОГРН",
            Field::Ogrnip => "ОГРНИП",
            Field::Bik => "БИК",
            Field::BankAccount => "Расчётный счёт",
            Field::CorrAccount => "Корреспондентский счёт",
            Field::Email => "Адрес электронной почты",
            Field::Phone => "Телефон",
            Field::Website => "Адрес сайта",
        }
    }

    /// After the preposition «в»: «в ИНН», «в номере расчётного счёта».
    fn prepositional(self) -> &'static str {
        match self {
            Field::Inn => "ИНН",
            Field::Kpp => "КПП",
            Field::Ogrn => "ОГРН",
            Field::Ogrnip => "ОГРНИП",
            Field::Bik => "БИК",
            Field::BankAccount => "номере расчётного счёта",
            Field::CorrAccount => "номере корреспондентского счёта",
            Field::Email => "адресе электронной почты",
            Field::Phone => "номере телефона",
            Field::Website => "адресе сайта",
        }
    }

    /// What a correct value looks like, for «не указан: введите …».
    fn expected(self) -> &'static str {
        match self {
            Field::Inn => "введите 10 цифр для организации или 12 цифр для ИП и физического лица",
            Field::Kpp => "введите 9 знаков, например 682501001",
            Field::Ogrn | Field::Ogrnip => {
                "введите 13 цифр ОГРН организации или 15 цифр ОГРНИП индивидуального предпринимателя"
            }
            Field::Bik => "введите 9 цифр БИК банка",
            Field::BankAccount | Field::CorrAccount => "введите 20 цифр номера счёта",
            Field::Email => "введите его в виде name@example.ru",
            Field::Phone => "введите номер с кодом города, например 8 (47541) 2-34-56",
            Field::Website => "введите его, например ddt-kotovsk.ru",
        }
    }

    /// The length rule, for «… должен состоять из …».
    fn length_rule(self) -> &'static str {
        match self {
            Field::Inn => "10 цифр (организация) или 12 цифр (ИП, физическое лицо)",
            Field::Kpp => "9 знаков",
            Field::Ogrn | Field::Ogrnip => {
                "13 цифр (организация) или 15 цифр (ОГРНИП индивидуального предпринимателя)"
            }
            Field::Bik => "9 цифр",
            Field::BankAccount | Field::CorrAccount => "20 цифр",
            Field::Email | Field::Phone | Field::Website => "допустимого числа знаков",
        }
    }
}

/// ИНН of an organisation (10 digits) or of a person / ИП (12 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InnKind {
    Legal,
    Individual,
}

/// ОГРН of an organisation (13 digits) or ОГРНИП of an ИП (15 digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OgrnKind {
    Legal,
    Individual,
}

/// Why a value was rejected. `Display` is the Russian message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// Nothing entered.
    Empty(Field),
    /// A character that is not allowed in a digit requisite.
    InvalidChar {
        field: Field,
        ch: char,
    },
    /// A character other than a digit or an uppercase Latin letter in
    /// positions 5–6 of a КПП (1-based `position`).
    KppChar {
        ch: char,
        position: usize,
    },
    /// The number of digits (characters for КПП) is wrong.
    WrongLength {
        field: Field,
        found: usize,
    },
    /// The check digit(s) do not match.
    Checksum {
        field: Field,
        value: String,
    },
    /// A БИК that belongs to no Russian bank or treasury body.
    BikPrefix {
        value: String,
    },
    /// The account needs a valid БИК to be checked.
    AccountNeedsBik {
        field: Field,
    },
    /// The control key of the account does not match the БИК.
    AccountKey {
        field: Field,
        account: String,
        bik: String,
    },
    /// A correspondent account not starting with 301.
    CorrAccountPrefix {
        value: String,
    },
    /// Spaces inside an e-mail or a website address.
    Spaces {
        field: Field,
        value: String,
    },
    EmailNoAt {
        value: String,
    },
    EmailManyAt {
        value: String,
    },
    EmailNoLocal {
        value: String,
    },
    EmailDomain {
        value: String,
    },
    /// Not a Russian phone number.
    Phone {
        value: String,
    },
    WebsiteScheme {
        value: String,
    },
    WebsiteDomain {
        value: String,
    },
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Every label is masculine: «ИНН», «Расчётный счёт», «Адрес сайта».
            CheckError::Empty(field) => {
                write!(f, "{} не указан: {}.", field.label(), field.expected())
            }
            CheckError::InvalidChar { field, ch } => invalid_char(f, *field, *ch),
            CheckError::KppChar { ch, position } => kpp_char(f, *ch, *position),
            CheckError::WrongLength { field, found } => wrong_length(f, *field, *found),
            CheckError::Checksum { field, value } => write!(
                f,
                "{} {value} не проходит проверку контрольной суммы: проверьте цифры — вероятно, опечатка.",
                field.label()
            ),
            CheckError::BikPrefix { value } => write!(
                f,
                "БИК российского банка начинается с «04» (у органов Федерального казначейства — \
                 с «00», «01» или «02»), а введён БИК {value}: проверьте первые цифры."
            ),
            CheckError::AccountNeedsBik { field } => write!(
                f,
                "{} нельзя проверить без правильного БИК банка: сначала укажите или исправьте БИК.",
                field.label()
            ),
            CheckError::AccountKey { field, account, bik } => write!(
                f,
                "{} {account} не соответствует БИК {bik}: не сходится контрольный ключ. \
                 Проверьте номер счёта и БИК — вероятно, опечатка.",
                field.label()
            ),
            CheckError::CorrAccountPrefix { value } => write!(
                f,
                "Корреспондентский счёт банка начинается с «301», а введён счёт {value}: \
                 возможно, перепутаны расчётный и корреспондентский счета."
            ),
            CheckError::Spaces { field, value } => write!(
                f,
                "В {} «{value}» не должно быть пробелов: уберите их.",
                field.prepositional()
            ),
            CheckError::EmailNoAt { value } => write!(
                f,
                "В адресе электронной почты «{value}» нет знака «@»: адрес должен выглядеть \
                 как name@example.ru."
            ),
            CheckError::EmailManyAt { value } => write!(
                f,
                "В адресе электронной почты «{value}» несколько знаков «@», а должен быть один: \
                 укажите один адрес в виде name@example.ru."
            ),
            CheckError::EmailNoLocal { value } => write!(
                f,
                "В адресе электронной почты «{value}» перед знаком «@» должно стоять имя ящика, \
                 например name@example.ru."
            ),
            CheckError::EmailDomain { value } => write!(
                f,
                "В адресе электронной почты «{value}» после знака «@» должен стоять домен с точкой, \
                 например example.ru."
            ),
            CheckError::Phone { value } => write!(
                f,
                "Телефон «{value}» не похож на российский номер: укажите 10 цифр с кодом города \
                 или оператора, например 8 (47541) 2-34-56 или +7 910 123-45-67 \
                 (добавочный номер — после «доб.»)."
            ),
            CheckError::WebsiteScheme { value } => write!(
                f,
                "Адрес сайта «{value}» должен начинаться с http:// или https:// \
                 (или просто с имени сайта, например ddt-kotovsk.ru)."
            ),
            CheckError::WebsiteDomain { value } => write!(
                f,
                "Адрес сайта «{value}» не похож на имя сайта: укажите домен с точкой, \
                 например ddt-kotovsk.ru или дом-творчества.рф."
            ),
        }
    }
}

/// A letter or sign in a digits-only field, with a hint when it looks like
/// the digit that was meant.
fn invalid_char(f: &mut fmt::Formatter<'_>, field: Field, ch: char) -> fmt::Result {
    write!(
        f,
        "В {} допустимы только цифры, а встретился символ «{}»{}.",
        field.prepositional(),
        shown(ch),
        lookalike_hint(ch)
    )
}

/// Positions 5 and 6 of a КПП may hold Latin capitals as well, so the
/// message and the hint depend on the position.
fn kpp_char(f: &mut fmt::Formatter<'_>, ch: char, position: usize) -> fmt::Result {
    if (5..=6).contains(&position) {
        write!(
            f,
            "В 5-й и 6-й позициях КПП допустимы только цифры и заглавные латинские \
             буквы A–Z, а встретился символ «{}»{}.",
            shown(ch),
            kpp_letter_hint(ch)
        )
    } else {
        write!(
            f,
            "В {position}-й позиции КПП допустимы только цифры, а встретился символ «{}»{}.",
            shown(ch),
            lookalike_hint(ch)
        )
    }
}

/// The count entered agrees in number with its noun: a КПП counts
/// characters, the other codes digits.
fn wrong_length(f: &mut fmt::Formatter<'_>, field: Field, found: usize) -> fmt::Result {
    let entered = match field {
        Field::Kpp => entered_count(
            found,
            ["введён", "введены", "введено"],
            ["знак", "знака", "знаков"],
        ),
        _ => entered_count(
            found,
            ["введена", "введены", "введено"],
            ["цифра", "цифры", "цифр"],
        ),
    };
    write!(
        f,
        "{} должен состоять из {}, а {entered}.",
        field.label(),
        field.length_rule()
    )
}

impl CheckError {
    /// The field the error is about.
    pub fn field(&self) -> Field {
        match self {
            CheckError::Empty(field)
            | CheckError::InvalidChar { field, .. }
            | CheckError::WrongLength { field, .. }
            | CheckError::Checksum { field, .. }
            | CheckError::AccountNeedsBik { field }
            | CheckError::AccountKey { field, .. }
            | CheckError::Spaces { field, .. } => *field,
            CheckError::KppChar { .. } => Field::Kpp,
            CheckError::BikPrefix { .. } => Field::Bik,
            CheckError::CorrAccountPrefix { .. } => Field::CorrAccount,
            CheckError::EmailNoAt { .. }
            | CheckError::EmailManyAt { .. }
            | CheckError::EmailNoLocal { .. }
            | CheckError::EmailDomain { .. } => Field::Email,
            CheckError::Phone { .. } => Field::Phone,
            CheckError::WebsiteScheme { .. } | CheckError::WebsiteDomain { .. } => Field::Website,
        }
    }
}

/// The value as the digit checks see it and as it should be stored: trimmed,
/// with inner whitespace and invisible zero-width characters removed.
/// «40702 810 4 0000 0000225» → «40702810400000000225».
pub fn compact(v: &str) -> String {
    v.chars().filter(|c| !is_ignorable(*c)).collect()
}

/// Whitespace of any kind and the invisible characters that come with
/// copy-and-paste (zero-width space, joiners, word joiner, BOM).
fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A character as shown inside «»: invisible ones by their code.
fn shown(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

/// A hint when a letter looks like the digit that was meant.
fn lookalike_hint(c: char) -> &'static str {
    match c {
        'О' | 'о' | 'O' | 'o' => " — похоже, вместо нуля набрана буква",
        'З' | 'з' => " — похоже, вместо тройки набрана буква",
        'l' | 'I' | '|' => " — похоже, вместо единицы набран другой знак",
        _ => "",
    }
}

/// A hint for a КПП letter typed in the Russian layout or in lowercase.
fn kpp_letter_hint(c: char) -> &'static str {
    if matches!(
        c,
        'А' | 'В' | 'Е' | 'К' | 'М' | 'Н' | 'О' | 'Р' | 'С' | 'Т' | 'Х' | 'У'
    ) {
        " — похоже, буква набрана в русской раскладке"
    } else if c.is_ascii_lowercase() {
        " — наберите её заглавной"
    } else {
        ""
    }
}

/// «введена 1 цифра», «введены 3 цифры», «введено 9 цифр».
fn entered_count(n: usize, verbs: [&str; 3], nouns: [&str; 3]) -> String {
    let form = plural_form(n);
    format!("{} {n} {}", verbs[form], nouns[form])
}

/// Russian plural: 0 — one (1, 21, 101 …), 1 — few (2–4, 22–24 …), 2 — many.
fn plural_form(n: usize) -> usize {
    let (d10, d100) = (n % 10, n % 100);
    if d10 == 1 && d100 != 11 {
        0
    } else if (2..=4).contains(&d10) && !(12..=14).contains(&d100) {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_removes_inner_spaces_and_invisibles() {
        assert_eq!(
            compact(" 40702 810\u{00A0}4 0000\t0000225\u{200B} "),
            "40702810400000000225"
        );
        assert_eq!(compact("\u{FEFF}7707083893"), "7707083893");
    }

    #[test]
    fn plural_forms() {
        let f = |n| {
            entered_count(
                n,
                ["введена", "введены", "введено"],
                ["цифра", "цифры", "цифр"],
            )
        };
        assert_eq!(f(1), "введена 1 цифра");
        assert_eq!(f(3), "введены 3 цифры");
        assert_eq!(f(9), "введено 9 цифр");
        assert_eq!(f(11), "введено 11 цифр");
        assert_eq!(f(12), "введено 12 цифр");
        assert_eq!(f(21), "введена 21 цифра");
        assert_eq!(f(22), "введены 22 цифры");
    }

    #[test]
    fn every_message_is_a_sentence() {
        let samples = [
            CheckError::Empty(Field::Website),
            CheckError::InvalidChar {
                field: Field::Bik,
                ch: '\u{7}',
            },
            CheckError::KppChar {
                ch: 'б',
                position: 5,
            },
            CheckError::AccountNeedsBik {
                field: Field::CorrAccount,
            },
        ];
        for e in samples {
            let text = e.to_string();
            assert!(text.ends_with('.'), "{text}");
            assert!(
                text.chars().next().is_some_and(char::is_uppercase),
                "{text}"
            );
        }
        assert_eq!(
            CheckError::InvalidChar {
                field: Field::Bik,
                ch: '\u{7}'
            }
            .to_string(),
            "В БИК допустимы только цифры, а встретился символ «U+0007»."
        );
    }
}
