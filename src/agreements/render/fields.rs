//! The field list of the template editor, made from the one table of
//! [`super::names`]: every merge field with its Russian name, description,
//! what a click inserts and, when an agreement is at hand, its value as an
//! example; then the conditions, filters and marker lines.

use serde_json::Value;

use crate::agreements::model::MergeField;

use super::compose::MARKERS;
use super::context::Context;
use super::names::{self, Group, Name, Shape};

/// The heading of the commands, filters and markers in the list.
const COMMANDS: &str = "Условия и циклы";
const FILTERS_GROUP: &str = "Фильтры";
const MARKERS_GROUP: &str = "Строки-метки";

/// (English, Russian, description) of the filters.
pub const FILTERS: &[(&str, &str, &str)] = &[
    (
        "clause",
        "часть_предложения",
        "часть предложения: со строчной буквы и с точкой в конце; пустое поле — черта для заполнения",
    ),
    (
        "sentence",
        "предложение",
        "отдельное предложение: с прописной буквы и с точкой в конце",
    ),
    ("oneline", "в_строку", "всё в одну строку (для ячеек таблицы)"),
];

/// (written, inserted, description) of the commands of the engine.
const COMMAND_ROWS: &[(&str, &str, &str)] = &[
    (
        "{% if … %}",
        "{% if автопродление %}\n\n{% endif %}\n",
        "текст только при условии: {% if поле %} … {% else %} … {% endif %}; пустое поле и «нет» — ложь",
    ),
    (
        "loop.last",
        "loop.last",
        "внутри цикла: последний элемент, например {% if loop.last %}и {% endif %}",
    ),
    (
        "loop.index",
        "loop.index",
        "внутри цикла: номер элемента с 1",
    ),
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
    text(v)
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "да".into(),
        Value::Bool(false) => "нет".into(),
        Value::Null => String::new(),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .map(|i| match i.get("short_name").or_else(|| i.get("title")) {
                    Some(x) => text(x),
                    None => text(i),
                })
                .collect();
            names.join("; ")
        }
        other => other.to_string(),
    }
}

/// The lists whose items have the fields of `group`'s items: inside a loop
/// over any of them a field goes in as `item.…`.
fn lists_of(group: Group) -> Vec<String> {
    let names: &[&str] = match group {
        Group::Partners | Group::Parties => &["партнёры", "partners", "стороны", "parties"],
        Group::Plan => &["план", "plan"],
        _ => &[],
    };
    names.iter().map(|s| s.to_string()).collect()
}

/// A whole `{% for %}` block over the list `ru` with one line of its items.
fn loop_block(list: &Name, item: &str) -> String {
    let prefix = format!("{}[].", list.ru);
    let fields: Vec<String> = names::table()
        .iter()
        .filter(|n| n.shape == Shape::Value)
        .filter_map(|n| n.ru.strip_prefix(&prefix))
        .map(|f| format!("{{{{ {item}.{f} }}}}"))
        .collect();
    let body = if list.group == Group::Plan {
        format!("| {} |", fields.join(" | "))
    } else {
        format!("{{{{ {item}.полное_наименование }}}}")
    };
    format!(
        "{{% for {item} in {} %}}\n{body}\n{{% endfor %}}\n",
        list.ru
    )
}

fn entry(name: &Name, root: Option<&Value>) -> Option<MergeField> {
    let example = |path: &str| root.map(|r| lookup(r, path)).unwrap_or_default();
    let base = MergeField {
        name: name.en.clone(),
        russian: name.ru.clone(),
        group: name.group.label().to_string(),
        description: name.about.clone(),
        example: String::new(),
        insert: String::new(),
        lists: Vec::new(),
        item: String::new(),
    };
    match name.shape {
        Shape::Object => None,
        Shape::List { item } => Some(MergeField {
            description: format!(
                "{}; по одному: {{% for {item} in {} %}}",
                name.about, name.ru
            ),
            example: example(&name.en),
            insert: loop_block(name, item),
            ..base
        }),
        // The fields of every party are listed once, under «Партнёры».
        Shape::Value if name.group == Group::Parties => None,
        Shape::Value => match name.ru.split_once("[].") {
            Some((list, inner)) => {
                let (en, ru) = (name.en.replace("[]", "[0]"), name.ru.replace("[]", "[0]"));
                let (first, item) = if list == "план" {
                    ("первой строки", "строка")
                } else {
                    ("первого партнёра", "партнёр")
                };
                Some(MergeField {
                    description: format!(
                        "{} — {first}; внутри цикла вставится как {item}.{inner}",
                        name.about
                    ),
                    example: example(&en),
                    insert: format!("{{{{ {ru} }}}}"),
                    lists: lists_of(name.group),
                    item: inner.to_string(),
                    name: en,
                    russian: ru,
                    ..base
                })
            }
            None => Some(MergeField {
                example: example(&name.en),
                insert: format!("{{{{ {} }}}}", name.ru),
                ..base
            }),
        },
    }
}

fn plain(group: &str, name: String, russian: String, insert: String, about: &str) -> MergeField {
    MergeField {
        name,
        russian,
        group: group.to_string(),
        description: about.to_string(),
        example: String::new(),
        insert,
        lists: Vec::new(),
        item: String::new(),
    }
}

/// Her own fields of partners (Настройки → «Свои поля») in the list, under
/// «Партнёры»: `{{ партнёры[0].поля["Дата аккредитации"] }}`, inside a loop
/// `партнёр.поля["…"]`.
pub fn own_fields_for(names: &[String], ctx: Option<&Context>) -> Vec<MergeField> {
    let root = ctx.and_then(|c| serde_json::to_value(c).ok());
    names
        .iter()
        .map(|name| {
            let key = format!("[\"{}\"]", name.replace('\\', "\\\\").replace('"', "\\\""));
            let russian = format!("партнёры[0].поля{key}");
            let example = root
                .as_ref()
                .and_then(|r| r.get("partners")?.get(0)?.get("own_fields")?.get(name))
                .map(text)
                .unwrap_or_default();
            MergeField {
                name: format!("partners[0].own_fields{key}"),
                insert: format!("{{{{ {russian} }}}}"),
                russian,
                group: Group::Partners.label().to_string(),
                description: format!(
                    "своё поле «{name}» — первого партнёра; внутри цикла вставится как \
                     партнёр.поля{key}"
                ),
                example,
                lists: lists_of(Group::Partners),
                item: format!("поля{key}"),
            }
        })
        .collect()
}

/// Every field, command, filter and marker line a template can use.
pub fn fields_for(ctx: Option<&Context>) -> Vec<MergeField> {
    let root = ctx.and_then(|c| serde_json::to_value(c).ok());
    let mut out: Vec<MergeField> = names::table()
        .iter()
        .filter_map(|n| entry(n, root.as_ref()))
        .collect();
    for (written, insert, about) in COMMAND_ROWS {
        out.push(plain(
            COMMANDS,
            written.to_string(),
            written.to_string(),
            insert.to_string(),
            about,
        ));
    }
    for (en, ru, about) in FILTERS {
        out.push(plain(
            FILTERS_GROUP,
            format!("|{en}"),
            format!("|{ru}"),
            format!("|{ru}"),
            about,
        ));
    }
    for (en, ru, rest, about) in MARKERS {
        out.push(plain(
            MARKERS_GROUP,
            format!("[[{en}]]{rest}"),
            format!("[[{ru}]]{rest}"),
            format!("[[{ru}]]{rest}\n"),
            &format!("строка-метка: {about}"),
        ));
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
        let f = |n: &str| fields.iter().find(|f| f.name == n).cloned();
        let head = f("own.head.in_person").expect("listed");
        assert_eq!(head.russian, "учреждение.руководитель.в_лице");
        assert_eq!(head.insert, "{{ учреждение.руководитель.в_лице }}");
        let acting = f("partners[0].head.acting").expect("listed");
        assert_eq!(acting.item, "руководитель.действующий");
        assert!(acting.lists.contains(&"стороны".to_string()));
        let plan = f("plan").expect("the plan loop");
        assert!(
            plan.insert
                .starts_with("{% for строка in план %}\n| {{ строка.номер }} |"),
            "{}",
            plan.insert
        );
        assert!(plan.insert.ends_with("{% endfor %}\n"));
        assert!(fields.iter().any(|f| f.russian == "[[реквизиты]]"));
        assert!(fields.iter().any(|f| f.russian == "|часть_предложения"));
    }
}
