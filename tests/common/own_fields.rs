//! Helpers of the tests of her own fields of partners: a field's form, five
//! fields of every kind, values by field id.

use partnernet::partners::model::{OwnFieldInput, OwnFieldKind, OwnFieldValue};
use partnernet::partners::own_fields;
use partnernet::Storage;

use super::now;

pub fn field(name: &str, kind: OwnFieldKind, options: &[&str]) -> OwnFieldInput {
    OwnFieldInput {
        name: name.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
    }
}

/// Five fields, one of each kind: (text, number, date, yes/no, choice).
pub fn five(storage: &mut Storage) -> [i64; 5] {
    let mut add = |name, kind, options: &[&str]| {
        own_fields::add(storage, field(name, kind, options), now())
            .expect(name)
            .id
    };
    [
        add("Куратор", OwnFieldKind::Text, &[]),
        add("Число кружков", OwnFieldKind::Number, &[]),
        add("Дата аккредитации", OwnFieldKind::Date, &[]),
        add("Есть актовый зал", OwnFieldKind::YesNo, &[]),
        add(
            "Направление",
            OwnFieldKind::Choice,
            &["Техническое", "Художественное"],
        ),
    ]
}

pub fn values(pairs: &[(i64, &str)]) -> Vec<OwnFieldValue> {
    pairs
        .iter()
        .map(|(id, v)| OwnFieldValue {
            field_id: *id,
            value: v.to_string(),
        })
        .collect()
}
