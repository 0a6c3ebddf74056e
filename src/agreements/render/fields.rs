//! The field list of the template editor: every merge field with a Russian
//! description and, when an agreement is at hand, its value as an example.

use serde_json::Value;

use crate::agreements::model::MergeField;

use super::compose::MARKERS;
use super::context::Context;

const TOP: &[(&str, &str)] = &[
    (
        "title",
        "вид документа прописными: «ДОГОВОР» или «СОГЛАШЕНИЕ»",
    ),
    (
        "title_about",
        "о чём документ: «о сетевой форме реализации образовательной программы»",
    ),
    ("number", "номер договора"),
    ("date", "дата договора для таблиц: 01.09.2026"),
    (
        "date_quoted",
        "дата договора для строки даты: «01» сентября 2026 г.",
    ),
    ("date_long", "дата договора в тексте: 1 сентября 2026 г."),
    ("place", "место заключения: г. Котовск"),
    ("subject", "предмет договора"),
    (
        "art15.programme",
        "ст. 15: вид, уровень и (или) направленность программы",
    ),
    (
        "art15.learners",
        "ст. 15: статус обучающихся, правила приёма, академическая мобильность",
    ),
    (
        "art15.duties",
        "ст. 15: условия и порядок деятельности, обязанности и ресурсы сторон",
    ),
    (
        "art15.documents",
        "ст. 15: выдаваемые документы и кто их выдаёт",
    ),
    (
        "art15.term",
        "ст. 15: порядок изменения и прекращения договора",
    ),
    (
        "start_date_long",
        "начало действия в тексте: 1 сентября 2026 г. (также start_date, start_date_quoted)",
    ),
    (
        "end_date_long",
        "окончание действия в тексте: 31 августа 2027 г. (также end_date, end_date_quoted)",
    ),
    (
        "term",
        "срок действия словами: «1 год»; пусто, если срок не равен целому числу месяцев",
    ),
    (
        "auto_prolong",
        "автоматическое продление: да/нет (для {% if auto_prolong %})",
    ),
    ("prolong_term", "срок продления: «1 год» или «тот же срок»"),
    ("parties_count", "число сторон"),
    (
        "copies_words",
        "число экземпляров для «составлен в … экземплярах»: «двух», «трёх»",
    ),
    ("responsible", "ответственный за договор"),
    ("notes", "примечания"),
];

const PARTY: &[(&str, &str)] = &[
    (
        "role",
        "как сторона названа в тексте: «Базовая организация»",
    ),
    ("full_name", "полное наименование"),
    ("short_name", "сокращённое наименование"),
    (
        "named",
        "«именуемое» / «именуемый» / «именуемая» — в роде наименования",
    ),
    (
        "head.in_person",
        "после «в лице»: «директора Мишиной Валентины Ивановны»",
    ),
    (
        "head.position_genitive",
        "должность руководителя в родительном падеже: «директора»",
    ),
    (
        "head.full_name_genitive",
        "ФИО руководителя в родительном падеже: «Мишиной Валентины Ивановны»",
    ),
    (
        "head.acting",
        "«действующей» / «действующего» — по полу руководителя",
    ),
    ("head.basis", "на основании чего действует: «Устава»"),
    ("head.position", "должность для подписи: «Директор»"),
    (
        "head.full_name",
        "ФИО руководителя: «Мишина Валентина Ивановна»",
    ),
    ("head.initials", "инициалы и фамилия: «В.И. Мишина»"),
    (
        "head.signature",
        "строка подписи: «_____________ / В.И. Мишина /»",
    ),
    ("requisites.legal_address", "юридический адрес"),
    ("requisites.postal_address", "почтовый адрес"),
    ("requisites.inn", "ИНН"),
    ("requisites.kpp", "КПП"),
    (
        "requisites.ogrn",
        "ОГРН (ОГРНИП); подпись к нему — requisites.ogrn_label",
    ),
    ("requisites.bank_account", "расчётный счёт"),
    ("requisites.corr_account", "корреспондентский счёт"),
    ("requisites.bik", "БИК"),
    ("requisites.bank_name", "банк"),
    ("requisites.phone", "телефон"),
    ("requisites.email", "электронная почта"),
    ("requisites.website", "сайт"),
];

const PLAN: &[(&str, &str)] = &[
    ("number", "номер строки плана"),
    ("title", "мероприятие"),
    ("period", "срок проведения"),
    ("responsible", "ответственный"),
];

const FILTERS: &[(&str, &str)] = &[
    ("|clause", "часть предложения: со строчной буквы и с точкой в конце; пустое поле — черта для заполнения"),
    ("|sentence", "отдельное предложение: с прописной буквы и с точкой в конце"),
    ("|oneline", "всё в одну строку (для ячеек таблицы)"),
    ("|upper, |lower, |length, |join …", "стандартные фильтры minijinja"),
];

/// The value at `path` (`partners[0].head.initials`) as display text.
fn lookup(root: &Value, path: &str) -> String {
    let mut v = root;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        v = match v.get(key) {
            Some(x) => x,
            None => return String::new(),
        };
        if let Some(i) = index {
            v = match v.get(i) {
                Some(x) => x,
                None => return String::new(),
            };
        }
    }
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "да".into(),
        Value::Bool(false) => "нет".into(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn field(name: String, description: impl Into<String>, root: Option<&Value>) -> MergeField {
    let example = root.map(|r| lookup(r, &name)).unwrap_or_default();
    MergeField {
        name,
        description: description.into(),
        example,
    }
}

/// Every field, filter and marker line a template can use.
pub fn fields_for(ctx: Option<&Context>) -> Vec<MergeField> {
    let root = ctx.and_then(|c| serde_json::to_value(c).ok());
    let root = root.as_ref();
    let mut out: Vec<MergeField> = TOP
        .iter()
        .map(|(n, d)| field(n.to_string(), *d, root))
        .collect();
    for (prefix, who) in [
        ("own", "своё учреждение"),
        (
            "partners[0]",
            "первый партнёр (в цикле {% for p in partners %} — p.…)",
        ),
    ] {
        for (n, d) in PARTY {
            out.push(field(format!("{prefix}.{n}"), format!("{who}: {d}"), root));
        }
    }
    out.push(field(
        "parties".into(),
        "все стороны по порядку, своё учреждение первым: {% for p in parties %} … {% endfor %}",
        None,
    ));
    for (n, d) in PLAN {
        out.push(field(
            format!("plan[0].{n}"),
            format!("план мероприятий ({{% for row in plan %}} — row.…): {d}"),
            root,
        ));
    }
    for (n, d) in FILTERS {
        out.push(field(n.to_string(), *d, None));
    }
    for (m, d) in MARKERS {
        out.push(MergeField {
            name: m.to_string(),
            description: format!("строка-метка: {d}"),
            example: String::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_looked_up() {
        let v = serde_json::json!({"a": {"b": [{"c": "x"}]}, "t": true});
        assert_eq!(lookup(&v, "a.b[0].c"), "x");
        assert_eq!(lookup(&v, "t"), "да");
        assert_eq!(lookup(&v, "a.z"), "");
        let fields = fields_for(None);
        assert!(fields.iter().any(|f| f.name == "own.head.in_person"));
        assert!(fields.iter().any(|f| f.name == "[[requisites]]"));
    }
}
