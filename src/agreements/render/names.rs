//! The one table of the template fields: every key of the merge context
//! with its Russian name, its group in the editor's field list and what it
//! is. A template may write either name (`own.head.in_person` or
//! `учреждение.руководитель.в_лице`): the old English names keep working for
//! templates written before, the built-in ones use the Russian names.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// A group of fields in the editor's list, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Agreement,
    Term,
    Art15,
    Own,
    Partners,
    Parties,
    Plan,
}

impl Group {
    /// The heading of the group in the field list.
    pub fn label(self) -> &'static str {
        match self {
            Group::Agreement => "Договор",
            Group::Term => "Срок действия",
            Group::Art15 => "Статья 15 (договор о сетевой форме)",
            Group::Own => "Учреждение",
            Group::Partners => "Партнёры",
            Group::Parties => "Все стороны",
            Group::Plan => "План мероприятий",
        }
    }
}

/// What sits at a path: a value to print, a group of fields, or a list to
/// go through with `{% for %}` (with the name of one item of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Value,
    Object,
    List { item: &'static str },
}

/// One row of the table, relative to where it sits.
struct Row {
    en: &'static str,
    ru: &'static str,
    about: &'static str,
    shape: Shape,
}

const fn v(en: &'static str, ru: &'static str, about: &'static str) -> Row {
    Row {
        en,
        ru,
        about,
        shape: Shape::Value,
    }
}

const fn obj(en: &'static str, ru: &'static str, about: &'static str) -> Row {
    Row {
        en,
        ru,
        about,
        shape: Shape::Object,
    }
}

/// The top of the context, except the parties and the plan.
const TOP: &[(Group, Row)] = &[
    (
        Group::Agreement,
        v(
            "title",
            "заголовок",
            "вид документа прописными: «ДОГОВОР» или «СОГЛАШЕНИЕ»",
        ),
    ),
    (
        Group::Agreement,
        v(
            "title_about",
            "подзаголовок",
            "о чём документ: «о сетевой форме реализации образовательной программы»",
        ),
    ),
    (Group::Agreement, v("number", "номер", "номер договора")),
    (
        Group::Agreement,
        v("date", "дата", "дата договора для таблиц: 01.09.2026"),
    ),
    (
        Group::Agreement,
        v(
            "date_quoted",
            "дата_в_кавычках",
            "дата договора для строки даты: «01» сентября 2026 г.",
        ),
    ),
    (
        Group::Agreement,
        v(
            "date_long",
            "дата_текстом",
            "дата договора в тексте: 1 сентября 2026 г.",
        ),
    ),
    (
        Group::Agreement,
        v("place", "место", "место заключения: г. Котовск"),
    ),
    (
        Group::Agreement,
        v("subject", "предмет", "предмет договора"),
    ),
    (
        Group::Agreement,
        v("responsible", "ответственный", "ответственный за договор"),
    ),
    (
        Group::Agreement,
        v("notes", "примечания", "примечания к договору"),
    ),
    (
        Group::Agreement,
        v(
            "parties_count",
            "число_сторон",
            "сколько сторон у договора, вместе с учреждением",
        ),
    ),
    (
        Group::Agreement,
        v(
            "copies_words",
            "экземпляров_словами",
            "число экземпляров для «составлен в … экземплярах»: «двух», «трёх»",
        ),
    ),
    (
        Group::Agreement,
        v(
            "kind",
            "вид",
            "вид договора кодом: network_program (о сетевой форме) или cooperation (соглашение)",
        ),
    ),
    (
        Group::Term,
        v(
            "start_date",
            "начало",
            "начало действия для таблиц: 01.09.2026",
        ),
    ),
    (
        Group::Term,
        v(
            "start_date_quoted",
            "начало_в_кавычках",
            "начало действия: «01» сентября 2026 г.",
        ),
    ),
    (
        Group::Term,
        v(
            "start_date_long",
            "начало_текстом",
            "начало действия в тексте: 1 сентября 2026 г.",
        ),
    ),
    (
        Group::Term,
        v(
            "end_date",
            "окончание",
            "окончание действия для таблиц: 31.08.2027",
        ),
    ),
    (
        Group::Term,
        v(
            "end_date_quoted",
            "окончание_в_кавычках",
            "окончание действия: «31» августа 2027 г.",
        ),
    ),
    (
        Group::Term,
        v(
            "end_date_long",
            "окончание_текстом",
            "окончание действия в тексте: 31 августа 2027 г.",
        ),
    ),
    (
        Group::Term,
        v(
            "term",
            "срок",
            "срок действия словами: «1 год»; пусто, если срок не равен целому числу месяцев",
        ),
    ),
    (
        Group::Term,
        v(
            "auto_prolong",
            "автопродление",
            "продлевается ли договор сам: да или нет (для {% if автопродление %})",
        ),
    ),
    (
        Group::Term,
        v(
            "prolong_term",
            "срок_продления",
            "на сколько продлевается: «1 год» или «тот же срок»",
        ),
    ),
    (
        Group::Art15,
        obj(
            "art15",
            "статья15",
            "пункты статьи 15 Закона об образовании",
        ),
    ),
    (
        Group::Art15,
        v(
            "art15.programme",
            "статья15.программа",
            "вид, уровень и (или) направленность программы",
        ),
    ),
    (
        Group::Art15,
        v(
            "art15.learners",
            "статья15.обучающиеся",
            "статус обучающихся, правила приёма, академическая мобильность",
        ),
    ),
    (
        Group::Art15,
        v(
            "art15.duties",
            "статья15.обязанности",
            "условия и порядок деятельности, обязанности и ресурсы сторон",
        ),
    ),
    (
        Group::Art15,
        v(
            "art15.documents",
            "статья15.документы",
            "выдаваемые документы и кто их выдаёт",
        ),
    ),
    (
        Group::Art15,
        v(
            "art15.term",
            "статья15.изменение_и_прекращение",
            "порядок изменения и прекращения договора",
        ),
    ),
];

/// The fields of one party, relative to it (`own.`, an item of `partners`
/// or of `parties`).
const PARTY: &[Row] = &[
    v(
        "role",
        "роль",
        "как сторона названа в тексте: «Базовая организация»",
    ),
    v("full_name", "полное_наименование", "полное наименование"),
    v(
        "short_name",
        "краткое_наименование",
        "сокращённое наименование",
    ),
    v(
        "named",
        "именуемое",
        "«именуемое» / «именуемый» / «именуемая» — в роде наименования",
    ),
    obj("head", "руководитель", "руководитель"),
    v(
        "head.in_person",
        "руководитель.в_лице",
        "после «в лице»: «директора Мишиной Валентины Ивановны»",
    ),
    v(
        "head.acting",
        "руководитель.действующий",
        "«действующей» / «действующего» — по полу руководителя",
    ),
    v(
        "head.basis",
        "руководитель.основание",
        "на основании чего действует: «Устава»",
    ),
    v(
        "head.position",
        "руководитель.должность",
        "должность для подписи: «Директор»",
    ),
    v(
        "head.position_genitive",
        "руководитель.должность_родительный",
        "должность в родительном падеже: «директора»",
    ),
    v(
        "head.full_name",
        "руководитель.фио",
        "ФИО руководителя: «Мишина Валентина Ивановна»",
    ),
    v(
        "head.full_name_genitive",
        "руководитель.фио_родительный",
        "ФИО в родительном падеже: «Мишиной Валентины Ивановны»",
    ),
    v(
        "head.initials",
        "руководитель.инициалы",
        "инициалы и фамилия: «В.И. Мишина»",
    ),
    v(
        "head.signature",
        "руководитель.подпись",
        "строка подписи: «_____________ / В.И. Мишина /»",
    ),
    obj("requisites", "реквизиты", "реквизиты"),
    v(
        "requisites.legal_address",
        "реквизиты.юридический_адрес",
        "юридический адрес",
    ),
    v(
        "requisites.postal_address",
        "реквизиты.почтовый_адрес",
        "почтовый адрес",
    ),
    v("requisites.inn", "реквизиты.инн", "ИНН"),
    v("requisites.kpp", "реквизиты.кпп", "КПП"),
    v("requisites.ogrn", "реквизиты.огрн", "ОГРН или ОГРНИП"),
    v(
        "requisites.ogrn_label",
        "реквизиты.огрн_название",
        "подпись к номеру: «ОГРН» или «ОГРНИП» (15 цифр)",
    ),
    v(
        "requisites.bank_account",
        "реквизиты.расчётный_счёт",
        "расчётный счёт",
    ),
    v(
        "requisites.corr_account",
        "реквизиты.корр_счёт",
        "корреспондентский счёт",
    ),
    v("requisites.bik", "реквизиты.бик", "БИК"),
    v("requisites.bank_name", "реквизиты.банк", "банк"),
    v("requisites.phone", "реквизиты.телефон", "телефон"),
    v(
        "requisites.email",
        "реквизиты.эл_почта",
        "электронная почта",
    ),
    v("requisites.website", "реквизиты.сайт", "сайт"),
    v(
        "has_requisites",
        "есть_реквизиты",
        "да, если у стороны есть реквизиты (нет у родительской общественности)",
    ),
    v("is_own", "своё", "да у своего учреждения, нет у партнёров"),
    obj(
        "own_fields",
        "поля",
        "свои поля партнёра (Настройки → «Свои поля»): поля[\"Название\"]",
    ),
];

/// The fields of one row of the plan, relative to it.
const PLAN: &[Row] = &[
    v("number", "номер", "номер строки плана"),
    v("title", "мероприятие", "мероприятие"),
    v("period", "срок", "срок проведения"),
    v("responsible", "ответственный", "ответственный"),
];

/// One field of the context with both its names. List items are written
/// `[]` in the path: `partners[].head.initials`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub en: String,
    pub ru: String,
    pub about: String,
    pub group: Group,
    pub shape: Shape,
}

fn push(out: &mut Vec<Name>, group: Group, prefix: (&str, &str), row: &Row, about: String) {
    let join = |p: &str, s: &str| {
        if p.is_empty() {
            s.to_string()
        } else {
            format!("{p}.{s}")
        }
    };
    out.push(Name {
        en: join(prefix.0, row.en),
        ru: join(prefix.1, row.ru),
        about,
        group,
        shape: row.shape,
    });
}

fn build() -> Vec<Name> {
    let mut out = Vec::new();
    for (group, row) in TOP {
        push(&mut out, *group, ("", ""), row, row.about.to_string());
    }
    let parties: [(Group, Row, &str, &str); 3] = [
        (
            Group::Own,
            obj("own", "учреждение", "своё учреждение — сторона договора"),
            "own",
            "учреждение",
        ),
        (
            Group::Partners,
            Row {
                en: "partners",
                ru: "партнёры",
                about: "партнёры по порядку, без своего учреждения",
                shape: Shape::List {
                    item: "партнёр"
                },
            },
            "partners[]",
            "партнёры[]",
        ),
        (
            Group::Parties,
            Row {
                en: "parties",
                ru: "стороны",
                about: "все стороны по порядку, своё учреждение первым",
                shape: Shape::List {
                    item: "сторона"
                },
            },
            "parties[]",
            "стороны[]",
        ),
    ];
    for (group, holder, en, ru) in parties {
        push(&mut out, group, ("", ""), &holder, holder.about.to_string());
        for row in PARTY {
            push(&mut out, group, (en, ru), row, row.about.to_string());
        }
    }
    let plan = Row {
        en: "plan",
        ru: "план",
        about: "строки плана совместных мероприятий (приложение); пусто — приложения нет",
        shape: Shape::List {
            item: "строка"
        },
    };
    push(
        &mut out,
        Group::Plan,
        ("", ""),
        &plan,
        plan.about.to_string(),
    );
    for row in PLAN {
        push(
            &mut out,
            Group::Plan,
            ("plan[]", "план[]"),
            row,
            row.about.to_string(),
        );
    }
    out
}

/// Every field of the context, in the order of the editor's list.
pub fn table() -> &'static [Name] {
    static TABLE: OnceLock<Vec<Name>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// English path → the Russian name of its last part.
fn russian_keys() -> &'static HashMap<&'static str, &'static str> {
    static KEYS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    KEYS.get_or_init(|| {
        table()
            .iter()
            .map(|n| {
                let last = n.ru.rsplit('.').next().unwrap_or(&n.ru);
                (n.en.as_str(), last)
            })
            .collect()
    })
}

/// The context with every key also under its Russian name, so a template
/// may use either.
pub fn bilingual(context: &Value) -> Value {
    with_russian(context, "")
}

fn with_russian(value: &Value, path: &str) -> Value {
    match value {
        Value::Object(map) => {
            let keys = russian_keys();
            let mut out = Map::with_capacity(map.len() * 2);
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let child = with_russian(child, &child_path);
                if let Some(ru) = keys.get(child_path.as_str()) {
                    out.insert((*ru).to_string(), child.clone());
                }
                out.insert(key.clone(), child);
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            let item_path = format!("{path}[]");
            Value::Array(items.iter().map(|i| with_russian(i, &item_path)).collect())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_identifiers() {
        let mut seen = std::collections::HashSet::new();
        for n in table() {
            assert!(seen.insert(n.en.clone()), "{} twice", n.en);
            assert!(seen.insert(n.ru.clone()), "{} twice", n.ru);
            for part in n.ru.split('.') {
                let part = part.trim_end_matches("[]");
                assert!(
                    part.chars().all(|c| c == '_' || c.is_alphanumeric())
                        && part.chars().next().is_some_and(char::is_alphabetic),
                    "«{part}» is not a name"
                );
            }
        }
    }

    #[test]
    fn keys_get_their_russian_twins() {
        let ctx = serde_json::json!({
            "own": {"head": {"initials": "В.И. Мишина"}},
            "plan": [{"title": "Семинар"}],
        });
        let b = bilingual(&ctx);
        assert_eq!(b["учреждение"]["руководитель"]["инициалы"], "В.И. Мишина");
        assert_eq!(b["own"]["head"]["инициалы"], "В.И. Мишина");
        assert_eq!(b["план"][0]["мероприятие"], "Семинар");
        assert_eq!(b["plan"][0]["title"], "Семинар");
    }
}
