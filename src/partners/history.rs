//! What changed between two versions of a partner, field by field, in the
//! words the user sees on the card.

use crate::grammar::Gender;
use crate::partners::model::{Contact, PartnerInput, STAGE_LABELS};

/// `(field label, old value, new value)` for every field that differs.
pub fn diff(old: &PartnerInput, new: &PartnerInput) -> Vec<(String, String, String)> {
    let before = flatten(old);
    let after = flatten(new);
    before
        .into_iter()
        .zip(after)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| (a.0.to_string(), a.1, b.1))
        .collect()
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_default()
}

fn contact(c: &Contact) -> String {
    let name = [c.surname.as_str(), &c.name, &c.patronymic]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let rest = [c.role.as_str(), &c.phone, &c.email]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if rest.is_empty() {
        name
    } else {
        format!("{name} ({rest})")
    }
}

/// Every field of the form as `(label, shown value)`, in the form's order.
fn flatten(d: &PartnerInput) -> Vec<(&'static str, String)> {
    let r = &d.requisites;
    let h = &d.head;
    vec![
        ("Тип партнёра", d.partner_type.label().to_string()),
        ("Вид взаимодействия", d.relation_kind.label().to_string()),
        ("Полное наименование", d.full_name.clone()),
        ("Краткое наименование", d.short_name.clone()),
        ("ИНН", r.inn.clone()),
        ("КПП", r.kpp.clone()),
        ("ОГРН", r.ogrn.clone()),
        ("Юридический адрес", r.legal_address.clone()),
        ("Почтовый адрес", r.postal_address.clone()),
        ("Телефон", r.phone.clone()),
        ("Электронная почта", r.email.clone()),
        ("Сайт", r.website.clone()),
        ("Расчётный счёт", r.bank_account.clone()),
        ("Корреспондентский счёт", r.corr_account.clone()),
        ("БИК", r.bik.clone()),
        ("Банк", r.bank_name.clone()),
        ("Номер лицензии", r.licence_number.clone()),
        ("Дата лицензии", date(r.licence_date)),
        ("Кем выдана лицензия", r.licence_issuer.clone()),
        ("Фамилия руководителя", h.surname.clone()),
        ("Имя руководителя", h.name.clone()),
        ("Отчество руководителя", h.patronymic.clone()),
        (
            "Пол руководителя",
            match h.gender {
                Some(Gender::Male) => "мужской".to_string(),
                Some(Gender::Female) => "женский".to_string(),
                None => String::new(),
            },
        ),
        ("Должность руководителя", h.position.clone()),
        (
            "Должность руководителя (родительный падеж)",
            h.position_genitive.clone(),
        ),
        ("Действует на основании", h.basis.clone()),
        (
            "Контакты",
            d.contacts
                .iter()
                .map(contact)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        ("Ресурсы", d.resources.join("; ")),
        ("Запросы", d.requests.join("; ")),
        (
            "Этап партнёрства",
            d.stage
                .and_then(|s| {
                    STAGE_LABELS
                        .get(usize::from(s).wrapping_sub(1))
                        .map(|l| format!("{s}. {l}"))
                })
                .unwrap_or_default(),
        ),
        ("Дата этапа", date(d.stage_reached_on)),
        (
            "Условия готовности",
            d.readiness
                .iter()
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        ("Заметки", d.notes.clone()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_only_changed_fields() {
        let old = PartnerInput {
            full_name: "Школа № 1".into(),
            ..Default::default()
        };
        let mut new = old.clone();
        new.requisites.inn = "6825001234".into();
        new.resources = vec!["Спортзал".into()];
        let changes = diff(&old, &new);
        assert_eq!(
            changes,
            vec![
                ("ИНН".to_string(), String::new(), "6825001234".to_string()),
                ("Ресурсы".to_string(), String::new(), "Спортзал".to_string()),
            ]
        );
    }
}
