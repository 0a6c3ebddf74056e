//! Her own fields of partners in a table import: a column whose header is a
//! field's name fills it; each value is checked as the form checks it
//! (`partners::own_values`), a date may also be an Excel day number.

use std::collections::BTreeMap;

use crate::partners::model::{OwnField, OwnFieldKind, OwnFieldValue, PartnerInput};
use crate::partners::own_values::canonical;
use crate::text::fold;

/// Per column: the field she chose for the same header last time
/// (`remembered`: folded header → field id) if it is still there, else the
/// field whose name the header is; never where the column fills a field of
/// the registry, and no field twice.
pub fn guess(
    fields: &[OwnField],
    headers: &[String],
    taken: &[Option<super::model::ImportField>],
    remembered: &BTreeMap<String, i64>,
) -> Vec<Option<i64>> {
    let mut used = Vec::new();
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if taken.get(i).copied().flatten().is_some() {
                return None;
            }
            let live = |id: i64| fields.iter().any(|f| f.id == id) && !used.contains(&id);
            let key = fold(h.trim());
            let id = remembered
                .get(&super::fields::normal(h))
                .copied()
                .filter(|&id| live(id))
                .or_else(|| {
                    fields
                        .iter()
                        .find(|f| fold(&f.name) == key && live(f.id))
                        .map(|f| f.id)
                })?;
            used.push(id);
            Some(id)
        })
        .collect()
}

/// What to remember of a mapping of her fields: folded header → field id.
pub fn to_remember(headers: &[String], mapping: &[Option<i64>]) -> BTreeMap<String, i64> {
    headers
        .iter()
        .zip(mapping)
        .filter_map(|(h, id)| Some((super::fields::normal(h), (*id)?)))
        .filter(|(h, _)| !h.is_empty())
        .collect()
}

/// The row's own-field cells written over `input`: `(field name, message)`
/// for each value refused (the row is then skipped, as for any problem).
pub fn apply(
    fields: &[OwnField],
    cells: &[String],
    mapping: &[Option<i64>],
    input: &mut PartnerInput,
) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for (col, id) in mapping.iter().enumerate() {
        let Some(field) = id.and_then(|id| fields.iter().find(|f| f.id == id)) else {
            continue;
        };
        let text = cells.get(col).map(|c| c.trim()).unwrap_or_default();
        if text.is_empty() {
            continue;
        }
        match value(field, text) {
            Ok(value) => {
                input.own_fields.retain(|v| v.field_id != field.id);
                input.own_fields.push(OwnFieldValue {
                    field_id: field.id,
                    value,
                });
            }
            Err(message) => {
                let prefix = format!("Поле «{}»: ", field.name);
                let message = message.strip_prefix(&prefix).unwrap_or(&message);
                problems.push((field.name.clone(), message.to_string()));
            }
        }
    }
    // In the fields' order, as the form keeps them.
    input.own_fields.sort_by_key(|v| {
        fields
            .iter()
            .position(|f| f.id == v.field_id)
            .unwrap_or(usize::MAX)
    });
    problems
}

/// A cell's value in its canonical form; a date kept by the spreadsheet as
/// a day number (46054) is read as the date it is.
fn value(field: &OwnField, text: &str) -> Result<String, String> {
    match canonical(field, text) {
        Err(message) if field.kind == OwnFieldKind::Date => super::row::parse_date(text)
            .map(|d| canonical(field, &d.format("%d.%m.%Y").to_string()))
            .unwrap_or(Err(message)),
        other => other,
    }
}
