//! Checks and normalises what the user typed before anything is saved.
//! Every problem becomes a Russian message tied to its form field; a form
//! with any problem is saved not at all.

use chrono::NaiveDate;

use crate::error::FieldError;
use crate::organisation::model::Requisites;
use crate::organisation::validate::{
    head, phone_email_site, requisites, trim, trim_text, Problems,
};
use crate::partners::model::{Contact, PartnerInput};
use crate::text::clean_tags;
use crate::validation;

const MAX_NAME: usize = 500;
const MAX_TEXT: usize = 20_000;
const MAX_TAG: usize = 200;

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
    trim_text(&mut input.notes);
    for (field, value) in [
        ("full_name", &input.full_name),
        ("short_name", &input.short_name),
    ] {
        if let Err(r) = crate::validation::fields::line("Наименование", value) {
            p.add(field, r.0);
        }
    }
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
    let reached = input.stage_reached_on;
    if let Some(e) =
        crate::validation::dates::opt_date_problem("stage_reached_on", "Дата этапа", reached)
    {
        p.add(e.field, e.message);
    } else if let Some(date) = reached {
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
