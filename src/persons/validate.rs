//! Checks a person's form before anything is saved: the same rules as a
//! contact in the partner form (a surname, a phone and an e-mail that read),
//! each problem a Russian message tied to its field.

use crate::error::FieldError;
use crate::organisation::validate::{trim, Problems};
use crate::persons::model::{PersonInput, PersonRecord};
use crate::validation;

/// The form cleaned (phones in the one format), or every problem found. A
/// membership must be one the person has: the form edits, never links.
pub fn normalize(
    mut input: PersonInput,
    old: &PersonRecord,
) -> Result<PersonInput, Vec<FieldError>> {
    let mut p = Problems::default();
    for (field, label, value) in [
        ("surname", "Фамилия", &mut input.surname),
        ("name", "Имя", &mut input.name),
        ("patronymic", "Отчество", &mut input.patronymic),
    ] {
        trim(value);
        p.0.extend(validation::fields::line_in(field, label, value));
    }
    if input.surname.is_empty() {
        p.add("surname", "Укажите фамилию.");
    }
    for (i, m) in input.memberships.iter_mut().enumerate() {
        let at = |f: &str| format!("memberships.{i}.{f}");
        if !old.memberships.iter().any(|o| o.partner_id == m.partner_id) {
            p.add(
                at("partner_id"),
                "Этот человек не связан с этой организацией: обновите карточку и повторите.",
            );
        }
        for s in [&mut m.role, &mut m.phone, &mut m.email] {
            trim(s);
        }
        p.0.extend(validation::fields::line_in(
            &at("role"),
            "Роль",
            &mut m.role,
        ));
        if !m.phone.is_empty() {
            match validation::phone(&m.phone) {
                Ok(v) => m.phone = v,
                Err(e) => p.add(at("phone"), e.to_string()),
            }
        }
        if !m.email.is_empty() {
            if let Err(e) = validation::email(&m.email) {
                p.add(at("email"), e.to_string());
            }
        }
    }
    p.into_result(input)
}
