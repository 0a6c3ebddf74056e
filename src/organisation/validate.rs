//! Checks of an organisation's requisites and head, for a partner and for
//! the own institution alike. Every problem becomes a Russian message tied to
//! its form field, collected in [`Problems`].

use chrono::NaiveDate;

use crate::error::FieldError;
use crate::grammar::Gender;
use crate::organisation::model::{Head, Requisites};
use crate::validation;

/// Collects field errors while normalising.
#[derive(Default)]
pub struct Problems(pub Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    pub fn into_result<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// Trims in place (without a new allocation when there is nothing to trim).
/// Control characters (NUL, a line break in a one-line field) are cleaned
/// out as everywhere ([`crate::validation::fields::clean_line`]).
pub fn trim(s: &mut String) {
    if s.chars().any(char::is_control) {
        *s = crate::validation::fields::clean_line(s);
        return;
    }
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

/// [`trim`] of a multi-line text: tabs and line breaks stay.
pub fn trim_text(s: &mut String) {
    if s.chars().any(char::is_control) {
        *s = crate::validation::fields::clean_text(s);
        return;
    }
    trim(s);
}

/// Checks and normalises the phone, e-mail and website (and trims the addresses).
pub fn phone_email_site(p: &mut Problems, prefix: &str, r: &mut Requisites) {
    trim(&mut r.legal_address);
    trim(&mut r.postal_address);
    trim(&mut r.phone);
    trim(&mut r.email);
    trim(&mut r.website);
    if !r.phone.is_empty() {
        match validation::phone(&r.phone) {
            Ok(v) => r.phone = v,
            Err(e) => p.add(format!("{prefix}.phone"), e.to_string()),
        }
    }
    if !r.email.is_empty() {
        if let Err(e) = validation::email(&r.email) {
            p.add(format!("{prefix}.email"), e.to_string());
        }
    }
    if !r.website.is_empty() {
        match validation::website(&r.website) {
            Ok(v) => r.website = v,
            Err(e) => p.add(format!("{prefix}.website"), e.to_string()),
        }
    }
}

fn digits_only(s: &mut String) {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    *s = t;
}

/// Checks requisites of an organisation (also used for the own institution):
/// contacts, registration numbers, bank, licence, in that order.
pub fn requisites(p: &mut Problems, prefix: &str, r: &mut Requisites, today: NaiveDate) {
    phone_email_site(p, prefix, r);
    for s in [
        &mut r.inn,
        &mut r.kpp,
        &mut r.ogrn,
        &mut r.bank_account,
        &mut r.corr_account,
        &mut r.bik,
    ] {
        digits_only(s);
    }
    trim(&mut r.bank_name);
    trim(&mut r.licence_number);
    trim(&mut r.licence_issuer);
    registration(p, prefix, r);
    bank(p, prefix, r);
    let licence = format!("{prefix}.licence_date");
    if let Some(e) =
        crate::validation::dates::opt_date_problem(&licence, "Дата выдачи лицензии", r.licence_date)
    {
        p.add(e.field, e.message);
    } else if let Some(date) = r.licence_date {
        if date > today {
            p.add(
                format!("{prefix}.licence_date"),
                format!(
                    "Дата выдачи лицензии {} ещё не наступила: проверьте дату.",
                    date.format("%d.%m.%Y")
                ),
            );
        }
    }
}

/// ИНН, КПП and ОГРН, each valid on its own and all of one kind: a КПП and
/// an ОГРН belong to an organisation's 10-digit ИНН, an ОГРНИП to a 12-digit
/// one.
fn registration(p: &mut Problems, prefix: &str, r: &Requisites) {
    let f = |name: &str| format!("{prefix}.{name}");
    let mut inn_kind = None;
    if !r.inn.is_empty() {
        match validation::inn(&r.inn) {
            Ok(kind) => inn_kind = Some(kind),
            Err(e) => p.add(f("inn"), e.to_string()),
        }
    }
    if !r.kpp.is_empty() {
        if let Err(e) = validation::kpp(&r.kpp) {
            p.add(f("kpp"), e.to_string());
        } else if inn_kind == Some(validation::InnKind::Individual) {
            p.add(
                f("kpp"),
                "КПП есть только у организаций, а ИНН из 12 цифр — у ИП или физического лица: \
                 очистите КПП или проверьте ИНН.",
            );
        }
    }
    if !r.ogrn.is_empty() {
        match validation::ogrn(&r.ogrn) {
            Ok(kind) => {
                let mismatch = matches!(
                    (inn_kind, kind),
                    (
                        Some(validation::InnKind::Legal),
                        validation::OgrnKind::Individual
                    ) | (
                        Some(validation::InnKind::Individual),
                        validation::OgrnKind::Legal
                    )
                );
                if mismatch {
                    p.add(
                        f("ogrn"),
                        "ОГРН (13 цифр) соответствует ИНН организации (10 цифр), ОГРНИП (15 цифр) — \
                         ИНН индивидуального предпринимателя (12 цифр): проверьте оба номера.",
                    );
                }
            }
            Err(e) => p.add(f("ogrn"), e.to_string()),
        }
    }
}

/// The БИК, then the accounts, whose control keys are computed from it:
/// an account is checked only against a valid БИК, and without one the
/// user is asked for it.
fn bank(p: &mut Problems, prefix: &str, r: &Requisites) {
    let f = |name: &str| format!("{prefix}.{name}");
    let bik_ok = if r.bik.is_empty() {
        false
    } else {
        match validation::bik(&r.bik) {
            Ok(()) => true,
            Err(e) => {
                p.add(f("bik"), e.to_string());
                false
            }
        }
    };
    for (field, value, label) in [
        ("bank_account", &r.bank_account, "расчётный счёт"),
        ("corr_account", &r.corr_account, "корреспондентский счёт"),
    ] {
        if value.is_empty() {
            continue;
        }
        if r.bik.is_empty() {
            p.add(
                f(field),
                format!("Чтобы проверить {label}, укажите БИК банка."),
            );
            continue;
        }
        if !bik_ok {
            continue;
        }
        let checked = if field == "bank_account" {
            validation::bank_account(value, &r.bik)
        } else {
            validation::corr_account(value, &r.bik)
        };
        if let Err(e) = checked {
            p.add(f(field), e.to_string());
        }
    }
}

/// Checks the head; guesses the gender from the patronymic when not given.
pub fn head(p: &mut Problems, prefix: &str, h: &mut Head) {
    for s in [
        &mut h.surname,
        &mut h.name,
        &mut h.patronymic,
        &mut h.position,
        &mut h.position_genitive,
        &mut h.basis,
    ] {
        trim(s);
    }
    let named = !(h.surname.is_empty() && h.name.is_empty() && h.patronymic.is_empty());
    if named && h.surname.is_empty() {
        p.add(format!("{prefix}.surname"), "Укажите фамилию руководителя.");
    }
    if named && h.name.is_empty() {
        p.add(format!("{prefix}.name"), "Укажите имя руководителя.");
    }
    if h.gender.is_none() {
        h.gender = gender_from_patronymic(&h.patronymic);
    }
    if named && h.basis.is_empty() {
        h.basis = "Устава".to_string();
    }
}

/// «…вич»/«…ич» is a man's patronymic, «…вна»/«…чна»/«…кызы» a woman's.
pub fn gender_from_patronymic(patronymic: &str) -> Option<Gender> {
    let p = crate::text::fold(patronymic.trim());
    if p.ends_with("ич") || p.ends_with("оглы") || p.ends_with("улы") {
        Some(Gender::Male)
    } else if p.ends_with("на") || p.ends_with("кызы") {
        Some(Gender::Female)
    } else {
        None
    }
}
