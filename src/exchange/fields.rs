//! A record as the preview shows it and the import compares it: a flat list
//! of labelled fields with their values as text. The same function turns
//! the local record and the package's record into fields, so «changed» and
//! «in conflict» are decided field by field on what she sees.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::agreements::model::{AgreementKind, AgreementStatus};
use crate::events::model::{Audience, EventStatus};
use crate::partners::model::{PartnerType, TieKind};

/// Field key (a dotted JSON path) → value as text.
pub type Fields = BTreeMap<String, String>;

/// Keys that are identity, the sender's own relation, or ids local to one
/// database: never compared, never shown.
const SKIPPED: [&str; 11] = [
    "uuid",
    "form_online",
    "uid",
    "relation_kind",
    "data.form_id",
    "data.partner_ids",
    "data.agreement_id",
    "data.responsible_person_id",
    "data.template_id",
    "data.parties",
    "data.notes",
];

/// The order of the parts of a listed item (a contact, a plan row, a
/// changed date of a series) when it is shown as one line.
const OBJECT_ORDER: [&str; 14] = [
    "surname",
    "name",
    "patronymic",
    "date",
    "title",
    "role",
    "period",
    "status",
    "start",
    "end",
    "responsible",
    "phone",
    "email",
    "results",
];

/// Russian labels by the last part of the key.
const LABELS: &[(&str, &str)] = &[
    ("partner_type", "Тип партнёра"),
    ("full_name", "Полное наименование"),
    ("short_name", "Краткое наименование"),
    ("inn", "ИНН"),
    ("kpp", "КПП"),
    ("ogrn", "ОГРН"),
    ("legal_address", "Юридический адрес"),
    ("postal_address", "Почтовый адрес"),
    ("phone", "Телефон"),
    ("email", "E-mail"),
    ("website", "Сайт"),
    ("bank_account", "Расчётный счёт"),
    ("corr_account", "Корр. счёт"),
    ("bik", "БИК"),
    ("bank_name", "Банк"),
    ("licence_number", "Лицензия: номер"),
    ("licence_date", "Лицензия: дата"),
    ("licence_issuer", "Лицензия: кем выдана"),
    ("surname", "Руководитель: фамилия"),
    ("name", "Руководитель: имя"),
    ("patronymic", "Руководитель: отчество"),
    ("gender", "Руководитель: пол"),
    ("position", "Руководитель: должность"),
    ("position_genitive", "Должность в родительном падеже"),
    ("basis", "Действует на основании"),
    ("resources", "Ресурсы"),
    ("requests", "Запросы"),
    ("contacts", "Контактные лица"),
    ("form", "Форма"),
    ("partners", "Партнёры"),
    ("agreement", "Договор"),
    ("changes", "Изменённые даты серии"),
    ("title", "Название"),
    ("description", "Описание"),
    ("start", "Начало"),
    ("end", "Окончание"),
    ("all_day", "Весь день"),
    ("place", "Место"),
    ("link", "Ссылка"),
    ("organiser", "Организатор"),
    ("audience", "Участники"),
    ("planned_count", "Участников по плану"),
    ("actual_count", "Участников фактически"),
    ("status", "Статус"),
    ("results", "Результаты"),
    ("responsible", "Ответственный"),
    ("recurrence", "Повторение"),
    ("frequency", "Повторение: частота"),
    ("interval", "Повторение: интервал"),
    ("weekdays", "Повторение: дни недели"),
    ("until", "Повторение: до"),
    ("count", "Повторение: раз"),
    ("kind", "Вид"),
    ("number", "Номер"),
    ("date", "Дата"),
    ("own_role", "Роль учреждения"),
    ("parties", "Стороны"),
    ("subject", "Предмет"),
    ("programme", "Ст. 15: программа"),
    ("learners", "Ст. 15: обучающиеся"),
    ("duties", "Ст. 15: обязанности сторон"),
    ("documents", "Ст. 15: документы"),
    ("term", "Ст. 15: срок"),
    ("start_date", "Дата начала"),
    ("end_date", "Дата окончания"),
    ("auto_prolong", "Автоматическое продление"),
    ("prolong_months", "Продление на, мес."),
    ("plan", "План мероприятий"),
    ("first", "Первая сторона"),
    ("second", "Вторая сторона"),
    ("note", "Примечание"),
];

/// The Russian label of a field key.
pub fn label(key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    let base = LABELS
        .iter()
        .find(|(k, _)| *k == last)
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| last.to_string());
    if key.starts_with("head.") {
        base
    } else if matches!(
        last,
        "surname" | "name" | "patronymic" | "gender" | "position"
    ) {
        base.trim_start_matches("Руководитель: ").to_string()
    } else {
        base
    }
}

/// «2026-09-01» → «01.09.2026», «2026-09-01T10:00:00» → «01.09.2026 10:00».
fn date_text(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let is_date = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s[..4].chars().all(|c| c.is_ascii_digit())
        && s[5..7].chars().all(|c| c.is_ascii_digit())
        && s[8..10].chars().all(|c| c.is_ascii_digit());
    if !is_date || !(b.len() == 10 || (b.len() >= 16 && b[10] == b'T')) {
        return None;
    }
    let day = format!("{}.{}.{}", &s[8..10], &s[5..7], &s[..4]);
    Some(if b.len() == 10 {
        day
    } else {
        format!("{day} {}", &s[11..16])
    })
}

/// A code shown by its Russian label where the key names a closed list.
fn code_label(last: &str, code: &str) -> Option<&'static str> {
    match last {
        "partner_type" => PartnerType::from_code(code).map(PartnerType::label),
        "kind" => AgreementKind::from_code(code)
            .map(AgreementKind::label)
            .or_else(|| TieKind::from_code(code).map(TieKind::label)),
        "status" => EventStatus::from_code(code)
            .map(EventStatus::label)
            .or_else(|| AgreementStatus::from_code(code).map(AgreementStatus::label)),
        "audience" => Audience::from_code(code).map(Audience::label),
        _ => None,
    }
}

fn scalar(last: &str, v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(true) => "да".to_string(),
        Value::Bool(false) => "нет".to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => code_label(last, s)
            .map(str::to_string)
            .or_else(|| date_text(s))
            .unwrap_or_else(|| s.clone()),
        Value::Array(items) => {
            let sep = if items.iter().any(Value::is_object) {
                "; "
            } else {
                ", "
            };
            items
                .iter()
                .map(|i| scalar(last, i))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(sep)
        }
        Value::Object(map) => {
            // A person reads «Фамилия Имя Отчество, роль, телефон, e-mail».
            let mut entries: Vec<(&String, &Value)> =
                map.iter().filter(|(k, _)| k.as_str() != "uuid").collect();
            entries.sort_by_key(|(k, _)| {
                OBJECT_ORDER
                    .iter()
                    .position(|o| o == k)
                    .unwrap_or(OBJECT_ORDER.len())
            });
            let name = ["surname", "name", "patronymic"];
            let full: Vec<String> = entries
                .iter()
                .filter(|(k, _)| name.contains(&k.as_str()))
                .map(|(k, v)| scalar(k, v))
                .filter(|s| !s.is_empty())
                .collect();
            let rest = entries
                .iter()
                .filter(|(k, _)| !name.contains(&k.as_str()))
                .map(|(k, v)| scalar(k, v))
                .filter(|s| !s.is_empty());
            std::iter::once(full.join(" "))
                .filter(|s| !s.is_empty())
                .chain(rest)
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

fn flatten(prefix: &str, value: &Value, out: &mut Fields) {
    let Value::Object(map) = value else {
        return;
    };
    for (k, v) in map {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        if SKIPPED.contains(&key.as_str()) {
            continue;
        }
        // A series rule reads best as one line.
        if v.is_object() && k != "recurrence" {
            flatten(&key, v, out);
        } else {
            out.insert(key, scalar(k, v));
        }
    }
}

/// The fields of a record (already serialised, with ids resolved to names).
pub fn of(value: &Value) -> Fields {
    let mut out = Fields::new();
    flatten("", value, &mut out);
    out
}

/// The fields of `package` that differ from `local`, side by side.
pub fn differing(local: Option<&Fields>, package: &Fields) -> Vec<(String, String, String)> {
    package
        .iter()
        .filter_map(|(k, p)| {
            let l = local.and_then(|l| l.get(k)).cloned().unwrap_or_default();
            (l != *p).then(|| (label(k), l, p.clone()))
        })
        .collect()
}

/// Whether `local` agrees with `reference` on every field `reference` has.
pub fn agrees(local: &Fields, reference: &Fields) -> bool {
    reference
        .iter()
        .all(|(k, v)| local.get(k).map(String::as_str).unwrap_or("") == v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes_read_in_russian() {
        let f = of(&serde_json::json!({
            "uuid": "x", "partner_type": "general_education",
            "data": {"start": "2026-09-01T10:00:00", "status": "held", "form_id": 3},
            "requisites": {"inn": "6829000010"}
        }));
        assert_eq!(
            f.get("data.start").map(String::as_str),
            Some("01.09.2026 10:00")
        );
        assert_eq!(
            f.get("requisites.inn").map(String::as_str),
            Some("6829000010")
        );
        assert!(!f.contains_key("uuid") && !f.contains_key("data.form_id"));
        assert_eq!(label("requisites.inn"), "ИНН");
        assert_eq!(label("head.surname"), "Руководитель: фамилия");
        assert_eq!(label("data.title"), "Название");
    }

    #[test]
    fn a_contact_reads_as_a_person() {
        let f = of(&serde_json::json!({"contacts": [{
            "uuid": "x", "email": "a@b.ru", "name": "Анна", "patronymic": "Сергеевна",
            "phone": "+7", "role": "завуч", "surname": "Ёлкина"
        }]}));
        assert_eq!(
            f.get("contacts").map(String::as_str),
            Some("Ёлкина Анна Сергеевна, завуч, +7, a@b.ru")
        );
    }
}
