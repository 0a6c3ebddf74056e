//! The rules of a value of her own field: what she may type for each kind,
//! its canonical stored form, how it is shown, what changed, what a list
//! filter keeps. One place for the form, the CLI, the import and the list.

use chrono::NaiveDate;

use crate::error::FieldError;
use crate::partners::model::{
    OwnField, OwnFieldFilter, OwnFieldKind, OwnFieldValue, PartnerSummary,
};
use crate::text::fold;

/// The longest text value, in characters.
pub const MAX_TEXT: usize = 2_000;

/// The form field a value's problem is tied to.
pub fn form_field(id: i64) -> String {
    format!("own_fields.{id}")
}

/// The value in its canonical form («» for no value), or why it is refused:
/// «Поле «Дата аккредитации»: 31.02.2026 — такой даты нет…».
pub fn canonical(field: &OwnField, typed: &str) -> Result<String, String> {
    let label = format!("Поле «{}»", field.name);
    let t = typed.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    match field.kind {
        OwnFieldKind::Text => crate::validation::fields::line(&label, t)
            .map_err(|r| r.0)
            .and_then(|v| {
                let n = v.chars().count();
                if n > MAX_TEXT {
                    Err(format!(
                        "{label}: слишком длинный текст ({n} знаков), допускается не более \
                         {MAX_TEXT}."
                    ))
                } else {
                    Ok(v)
                }
            }),
        OwnFieldKind::Number => number(t).ok_or_else(|| {
            format!("{label}: «{t}» — не число; напишите число, например 12 или 3,5.")
        }),
        OwnFieldKind::Date => date(&label, t).map(|d| d.format("%Y-%m-%d").to_string()),
        OwnFieldKind::YesNo => match fold(t).as_str() {
            "1" | "да" | "true" | "yes" | "+" => Ok("1".into()),
            "0" | "нет" | "false" | "no" | "-" => Ok("0".into()),
            _ => Err(format!("{label}: «{t}» — напишите «да» или «нет».")),
        },
        OwnFieldKind::Choice => field
            .options
            .iter()
            .find(|o| fold(o) == fold(t))
            .cloned()
            .ok_or_else(|| {
                let options = field
                    .options
                    .iter()
                    .map(|o| format!("«{o}»"))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{label}: варианта «{t}» нет в списке; выберите один из: {options}.")
            }),
    }
}

/// «1 200,5» → «1200.5»; `None` when it is not a decimal number.
fn number(t: &str) -> Option<String> {
    let s: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let digits = s.strip_prefix('-').unwrap_or(&s);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let ok = !whole.is_empty()
        && whole.len() <= 15
        && frac.len() <= 10
        && all_digits(whole)
        && all_digits(frac)
        && !(digits.contains('.') && frac.is_empty());
    ok.then_some(s)
}

/// 31.01.2026 or 2026-01-31, within the years every date keeps.
fn date(label: &str, t: &str) -> Result<NaiveDate, String> {
    let parsed = NaiveDate::parse_from_str(t, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"));
    match parsed {
        Ok(d) => crate::validation::dates::date(label, d).map_err(|r| r.0),
        Err(_) if looks_like_date(t) => Err(format!(
            "{label}: {t} — такой даты нет; проверьте число и месяц."
        )),
        Err(_) => Err(format!(
            "{label}: «{t}» — не дата; напишите её как 15.09.2026."
        )),
    }
}

/// Digits and dots or dashes as a date is written: a wrong day, not a word.
fn looks_like_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['.', '-']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// The value as the card, the list and the exports show it: 31.01.2026,
/// «3,5», «да»/«нет».
pub fn shown(kind: OwnFieldKind, value: &str) -> String {
    match kind {
        OwnFieldKind::Number => value.replace('.', ","),
        OwnFieldKind::Date => NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_else(|_| value.to_string()),
        OwnFieldKind::YesNo => match value {
            "1" => "да".into(),
            "0" => "нет".into(),
            other => other.to_string(),
        },
        OwnFieldKind::Text | OwnFieldKind::Choice => value.to_string(),
    }
}

/// The value of field `id` among `values`, «» when there is none.
pub fn value_of(values: &[OwnFieldValue], id: i64) -> &str {
    values
        .iter()
        .find(|v| v.field_id == id)
        .map(|v| v.value.as_str())
        .unwrap_or_default()
}

/// A form's values checked against the live fields: canonical, in the
/// fields' order, empty ones left out; or every problem, tied to its field.
pub fn normalize(
    fields: &[OwnField],
    typed: &[OwnFieldValue],
) -> Result<Vec<OwnFieldValue>, Vec<FieldError>> {
    let mut problems = Vec::new();
    for v in typed {
        if !v.value.trim().is_empty() && !fields.iter().any(|f| f.id == v.field_id) {
            problems.push(FieldError::new(
                form_field(v.field_id),
                format!(
                    "Своего поля № {} больше нет (его удалили в настройках): обновите форму.",
                    v.field_id
                ),
            ));
        }
    }
    let mut out = Vec::new();
    for f in fields {
        // The last value given for a field wins, as in a form.
        let Some(v) = typed.iter().rev().find(|v| v.field_id == f.id) else {
            continue;
        };
        match canonical(f, &v.value) {
            Ok(value) if value.is_empty() => {}
            Ok(value) => out.push(OwnFieldValue {
                field_id: f.id,
                value,
            }),
            Err(message) => problems.push(FieldError::new(form_field(f.id), message)),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// `(field name, old shown, new shown)` for every live field whose value
/// changed: a partner's history entry names her field.
pub fn diff(
    fields: &[OwnField],
    old: &[OwnFieldValue],
    new: &[OwnFieldValue],
) -> Vec<(String, String, String)> {
    fields
        .iter()
        .filter_map(|f| {
            let (a, b) = (value_of(old, f.id), value_of(new, f.id));
            (a != b).then(|| (f.name.clone(), shown(f.kind, a), shown(f.kind, b)))
        })
        .collect()
}

/// Whether a partner's values meet every condition of the list's filter:
/// one of the chosen values, or a value that contains what is typed (a
/// date typed as 02.2026 or a number as 3,5 are looked for as stored).
pub fn matches(filters: &[OwnFieldFilter], values: &[OwnFieldValue]) -> bool {
    filters.iter().all(|f| {
        let value = value_of(values, f.field_id);
        let chosen = f.values.is_empty() || f.values.iter().any(|c| c == value);
        let value = fold(value);
        let typed = fold(f.contains.trim());
        chosen && (typed.is_empty() || value.contains(&typed) || value.contains(&stored(&typed)))
    })
}

/// «01.02.2026» → «2026-02-01», «02.2026» → «2026-02», «3,5» → «3.5».
fn stored(typed: &str) -> String {
    let parts: Vec<&str> = typed.split('.').collect();
    let digits = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    if parts.len() > 1 && parts.iter().all(digits) {
        return parts.iter().rev().copied().collect::<Vec<_>>().join("-");
    }
    typed.replace(',', ".")
}

/// Gives each row of the list its values and keeps the rows the filter's
/// own-field conditions let through.
pub fn attach(
    rows: &mut Vec<PartnerSummary>,
    mut values: std::collections::HashMap<i64, Vec<OwnFieldValue>>,
    filters: &[OwnFieldFilter],
) {
    for row in rows.iter_mut() {
        row.own_fields = values.remove(&row.id).unwrap_or_default();
    }
    rows.retain(|r| matches(filters, &r.own_fields));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: OwnFieldKind) -> OwnField {
        OwnField {
            id: 1,
            name: "Поле".into(),
            kind,
            options: vec!["Школа".into(), "Музей".into()],
            used_by: 0,
        }
    }

    #[test]
    fn numbers_are_kept_with_a_dot() {
        let f = field(OwnFieldKind::Number);
        assert_eq!(canonical(&f, "1 200,5").as_deref(), Ok("1200.5"));
        assert_eq!(canonical(&f, "-3").as_deref(), Ok("-3"));
        for bad in ["12а", "1.", ",5", "1.2.3", "--1"] {
            assert!(canonical(&f, bad).is_err(), "{bad}");
        }
        assert_eq!(shown(OwnFieldKind::Number, "1200.5"), "1200,5");
    }

    #[test]
    fn dates_yes_no_and_options() {
        let d = field(OwnFieldKind::Date);
        assert_eq!(canonical(&d, "01.02.2026").as_deref(), Ok("2026-02-01"));
        let e = canonical(&d, "31.02.2026").expect_err("no such date");
        assert!(e.contains("31.02.2026 — такой даты нет"), "{e}");
        let e = canonical(&d, "вчера").expect_err("not a date");
        assert!(e.contains("не дата"), "{e}");
        let y = field(OwnFieldKind::YesNo);
        assert_eq!(canonical(&y, "Да").as_deref(), Ok("1"));
        assert_eq!(canonical(&y, "нет").as_deref(), Ok("0"));
        let c = field(OwnFieldKind::Choice);
        assert_eq!(canonical(&c, "музей").as_deref(), Ok("Музей"));
        let e = canonical(&c, "Театр").expect_err("not an option");
        assert!(e.contains("варианта «Театр» нет в списке"), "{e}");
    }

    #[test]
    fn a_typed_date_or_number_finds_the_stored_value() {
        let v = |id, value: &str| OwnFieldValue {
            field_id: id,
            value: value.into(),
        };
        let values = [v(1, "2026-02-01"), v(2, "3.5")];
        let typed = |id, text: &str| {
            vec![OwnFieldFilter {
                field_id: id,
                values: Vec::new(),
                contains: text.into(),
            }]
        };
        assert!(matches(&typed(1, "01.02.2026"), &values));
        assert!(matches(&typed(1, "02.2026"), &values));
        assert!(!matches(&typed(1, "03.2026"), &values));
        assert!(matches(&typed(2, "3,5"), &values));
    }
}
