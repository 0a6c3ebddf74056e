//! Checks and normalises what the user typed before anything is saved.
//! Every problem becomes a Russian message tied to its form field; a form
//! with any problem is saved not at all.

use chrono::NaiveDate;

use crate::error::FieldError;
use crate::partners::model::{Contact, Gender, Head, PartnerInput, Requisites};
use crate::text::clean_tags;
use crate::validation;

const MAX_NAME: usize = 500;
const MAX_TEXT: usize = 20_000;
const MAX_TAG: usize = 200;

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

fn trim(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

fn check_len(p: &mut Problems, field: &str, label: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        p.add(
            field,
            format!("{label}: слишком длинный текст ({n} знаков), допускается не более {max}."),
        );
    }
}

/// Normalises a partner form; returns it cleaned, or every problem found.
pub fn normalize_partner(
    mut input: PartnerInput,
    today: NaiveDate,
) -> Result<PartnerInput, Vec<FieldError>> {
    let mut p = Problems::default();
    trim(&mut input.full_name);
    trim(&mut input.short_name);
    trim(&mut input.notes);
    if input.full_name.is_empty() {
        p.add("full_name", "Укажите полное наименование партнёра.");
    }
    if input.short_name.is_empty() {
        input.short_name = input.full_name.clone();
    }
    check_len(
        &mut p,
        "full_name",
        "Полное наименование",
        &input.full_name,
        MAX_NAME,
    );
    check_len(
        &mut p,
        "short_name",
        "Краткое наименование",
        &input.short_name,
        MAX_NAME,
    );
    check_len(&mut p, "notes", "Заметки", &input.notes, MAX_TEXT);

    if input.partner_type.has_requisites() {
        requisites(&mut p, "requisites", &mut input.requisites, today);
        head(&mut p, "head", &mut input.head);
    } else {
        // A parent community is a group, not a legal entity.
        contact_fields_only(&mut p, &mut input.requisites);
        head(&mut p, "head", &mut input.head);
    }
    for (i, c) in input.contacts.iter_mut().enumerate() {
        contact(&mut p, &format!("contacts.{i}"), c);
    }
    input.resources = tags(&mut p, "resources", "Ресурс", &input.resources);
    input.requests = tags(&mut p, "requests", "Запрос", &input.requests);
    stage(&mut p, &input, today);
    let mut readiness = input.readiness.clone();
    readiness.sort();
    readiness.dedup();
    input.readiness = readiness;
    p.into_result(input)
}

fn stage(p: &mut Problems, input: &PartnerInput, today: NaiveDate) {
    match input.stage {
        Some(s) if !(1..=3).contains(&s) => p.add(
            "stage",
            format!("Этап партнёрства — число от 1 до 3, а указано {s}."),
        ),
        None if input.stage_reached_on.is_some() => p.add(
            "stage",
            "Указана дата достижения этапа, но не выбран сам этап: выберите этап 1, 2 или 3.",
        ),
        _ => {}
    }
    if let Some(date) = input.stage_reached_on {
        if date > today {
            p.add(
                "stage_reached_on",
                format!(
                    "Дата достижения этапа {} ещё не наступила: укажите прошедшую дату.",
                    date.format("%d.%m.%Y")
                ),
            );
        }
    }
}

fn tags(p: &mut Problems, field: &str, label: &str, tags: &[String]) -> Vec<String> {
    let cleaned = clean_tags(tags);
    for t in &cleaned {
        if t.chars().count() > MAX_TAG {
            p.add(
                field,
                format!(
                    "{label} «{}…» слишком длинный: не более {MAX_TAG} знаков.",
                    short(t)
                ),
            );
        }
    }
    cleaned
}

fn short(s: &str) -> String {
    s.chars().take(30).collect()
}

/// The parent community keeps only its contacts (phone, e-mail, website).
fn contact_fields_only(p: &mut Problems, r: &mut Requisites) {
    let legal = [
        ("inn", &r.inn, "ИНН"),
        ("kpp", &r.kpp, "КПП"),
        ("ogrn", &r.ogrn, "ОГРН"),
        ("bank_account", &r.bank_account, "расчётный счёт"),
        ("corr_account", &r.corr_account, "корр. счёт"),
        ("bik", &r.bik, "БИК"),
        ("licence_number", &r.licence_number, "номер лицензии"),
    ];
    for (field, value, label) in legal {
        if !value.trim().is_empty() {
            p.add(
                format!("requisites.{field}"),
                format!(
                    "У родительской общественности нет реквизитов юридического лица: \
                     очистите поле «{label}» или выберите другой тип партнёра."
                ),
            );
        }
    }
    phone_email_site(p, "requisites", r);
}

fn phone_email_site(p: &mut Problems, prefix: &str, r: &mut Requisites) {
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

/// Checks requisites of an organisation (also used for the own institution).
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
    if let Some(date) = r.licence_date {
        if date > today {
            p.add(
                f("licence_date"),
                format!(
                    "Дата выдачи лицензии {} ещё не наступила: проверьте дату.",
                    date.format("%d.%m.%Y")
                ),
            );
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

fn contact(p: &mut Problems, prefix: &str, c: &mut Contact) {
    for s in [
        &mut c.surname,
        &mut c.name,
        &mut c.patronymic,
        &mut c.role,
        &mut c.phone,
        &mut c.email,
    ] {
        trim(s);
    }
    if c.surname.is_empty() {
        p.add(
            format!("{prefix}.surname"),
            "Укажите фамилию контактного лица (или удалите пустую строку контакта).",
        );
    }
    if !c.phone.is_empty() {
        match validation::phone(&c.phone) {
            Ok(v) => c.phone = v,
            Err(e) => p.add(format!("{prefix}.phone"), e.to_string()),
        }
    }
    if !c.email.is_empty() {
        if let Err(e) = validation::email(&c.email) {
            p.add(format!("{prefix}.email"), e.to_string());
        }
    }
}
