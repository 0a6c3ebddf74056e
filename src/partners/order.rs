//! The order of the partners list: one rule in the core, so the window asks
//! for a sorted page instead of sorting 10 000 rows itself.
//!
//! Names compare as Russian readers expect: case and ё ignored, numbers by
//! value («Школа № 2» before «Школа № 10»), leading quotes and punctuation
//! skipped («Движение первых» under Д), Cyrillic before Latin.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::collections::HashMap;

use super::model::{OwnField, OwnFieldKind, PartnerSummary, PartnerType};
use crate::text;

/// The column the list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartnerSortKey {
    #[default]
    Name,
    /// The vocabulary's order of types.
    Type,
    Inn,
    Stage,
    /// The time of the last change.
    Updated,
    /// Her own field [`PartnerSort::own_field`] (a column she chose).
    Own,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

/// The list's sort: a column and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PartnerSort {
    pub key: PartnerSortKey,
    pub dir: SortDir,
    /// The id of her field when `key` is [`PartnerSortKey::Own`]; a field
    /// that is gone sorts by name.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_field: Option<i64>,
}

/// Her field the list is sorted by, and each partner's stored value of it.
#[derive(Debug, Clone)]
pub struct OwnColumn {
    pub field: OwnField,
    pub values: HashMap<i64, String>,
}

/// One piece of a name as it sorts; the variants are in their order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    /// Spaces, punctuation, symbols.
    Mark(char),
    /// A run of digits: its length without leading zeros, then the digits.
    Number(usize, String),
    Cyrillic(char),
    Latin(char),
    Letter(char),
}

/// What a name sorts by (see the module's doc).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameKey(Vec<Piece>);

pub fn name_key(name: &str) -> NameKey {
    let folded = text::fold(name.trim_start_matches(|c: char| !c.is_alphanumeric()));
    let mut pieces = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let value = digits.trim_start_matches('0').to_string();
            pieces.push(Piece::Number(value.len(), value));
        } else if matches!(c, 'а'..='я') {
            pieces.push(Piece::Cyrillic(c));
        } else if c.is_ascii_alphabetic() {
            pieces.push(Piece::Latin(c));
        } else if c.is_alphanumeric() {
            pieces.push(Piece::Letter(c));
        } else {
            pieces.push(Piece::Mark(c));
        }
    }
    NameKey(pieces)
}

/// The name a partner is listed under: the short one, else the full one.
pub fn display_name(row: &PartnerSummary) -> &str {
    let short = row.short_name.trim();
    if short.is_empty() {
        row.full_name.trim()
    } else {
        short
    }
}

/// The rows sorted by `sort`. Partners without an ИНН or a stage stay last
/// in either direction; ties go by name, then by id.
pub fn sort(rows: Vec<PartnerSummary>, sort: PartnerSort) -> Vec<PartnerSummary> {
    sort_with(rows, sort, None)
}

/// [`sort`], by her field `own` when the sort asks for it (without it, by
/// name). An empty value stays last as an empty ИНН does.
pub fn sort_with(
    rows: Vec<PartnerSummary>,
    sort: PartnerSort,
    own: Option<&OwnColumn>,
) -> Vec<PartnerSummary> {
    let by_own = own.filter(|_| sort.key == PartnerSortKey::Own);
    let sort = match (sort.key, by_own) {
        (PartnerSortKey::Own, None) => PartnerSort {
            key: PartnerSortKey::Name,
            ..sort
        },
        _ => sort,
    };
    let keys: Vec<Keys> = rows
        .iter()
        .map(|r| Keys {
            name: name_key(display_name(r)),
            inn: (sort.key == PartnerSortKey::Inn).then(|| name_key(&r.inn)),
            own: by_own.and_then(|c| own_key(&c.field, c.values.get(&r.id)?)),
        })
        .collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&i, &j| compare(sort, (&keys[i], &rows[i]), (&keys[j], &rows[j])));
    let mut slots: Vec<Option<PartnerSummary>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// What a row sorts by, made once per row rather than at each comparison.
struct Keys {
    name: NameKey,
    /// Only when sorting by ИНН.
    inn: Option<NameKey>,
    /// Only when sorting by her field, and only for a value.
    own: Option<OwnKey>,
}

/// A value of her field as it sorts: numbers by value, dates by the day,
/// «нет» before «да», options in her order, texts as names.
#[derive(Debug, Clone, PartialEq)]
enum OwnKey {
    Number(f64),
    Plain(String),
    Option(usize, NameKey),
    Text(NameKey),
}

fn own_key(field: &OwnField, value: &str) -> Option<OwnKey> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Some(match field.kind {
        OwnFieldKind::Number => match value.parse::<f64>() {
            Ok(n) if n.is_finite() => OwnKey::Number(n),
            _ => OwnKey::Text(name_key(value)),
        },
        // Stored as an ISO date and «0»/«1»: their text sorts them.
        OwnFieldKind::Date | OwnFieldKind::YesNo => OwnKey::Plain(value.to_string()),
        OwnFieldKind::Choice => OwnKey::Option(
            field
                .options
                .iter()
                .position(|o| o == value)
                .unwrap_or(field.options.len()),
            name_key(value),
        ),
        OwnFieldKind::Text => OwnKey::Text(name_key(value)),
    })
}

impl OwnKey {
    fn cmp(&self, other: &OwnKey) -> Ordering {
        match (self, other) {
            (OwnKey::Number(a), OwnKey::Number(b)) => a.total_cmp(b),
            (OwnKey::Plain(a), OwnKey::Plain(b)) => a.cmp(b),
            (OwnKey::Option(i, a), OwnKey::Option(j, b)) => i.cmp(j).then_with(|| a.cmp(b)),
            (OwnKey::Text(a), OwnKey::Text(b)) => a.cmp(b),
            // A number field's odd stored text after its numbers.
            (OwnKey::Number(_), _) => Ordering::Less,
            (_, OwnKey::Number(_)) => Ordering::Greater,
            _ => Ordering::Equal,
        }
    }
}

fn compare(
    sort: PartnerSort,
    (ka, a): (&Keys, &PartnerSummary),
    (kb, b): (&Keys, &PartnerSummary),
) -> Ordering {
    let by_name = || ka.name.cmp(&kb.name).then(a.id.cmp(&b.id));
    let primary = match sort.key {
        PartnerSortKey::Name => ka.name.cmp(&kb.name),
        PartnerSortKey::Type => type_rank(a.partner_type).cmp(&type_rank(b.partner_type)),
        PartnerSortKey::Inn => match empty_last(a.inn.is_empty(), b.inn.is_empty()) {
            Some(o) => return o,
            None => ka.inn.cmp(&kb.inn),
        },
        PartnerSortKey::Stage => match empty_last(a.stage.is_none(), b.stage.is_none()) {
            Some(o) => return o,
            None => a.stage.cmp(&b.stage),
        },
        PartnerSortKey::Updated => a.updated_at.cmp(&b.updated_at),
        PartnerSortKey::Own => match (&ka.own, &kb.own) {
            (Some(x), Some(y)) => x.cmp(y),
            (x, y) => match empty_last(x.is_none(), y.is_none()) {
                Some(o) => return o,
                None => Ordering::Equal,
            },
        },
    };
    match (primary, sort.dir) {
        (Ordering::Equal, _) => by_name(),
        (o, SortDir::Asc) => o,
        (o, SortDir::Desc) => o.reverse(),
    }
}

/// Empty values last whatever the direction; `None` when neither decides.
fn empty_last(a_empty: bool, b_empty: bool) -> Option<Ordering> {
    match (a_empty, b_empty) {
        (true, false) => Some(Ordering::Greater),
        (false, true) => Some(Ordering::Less),
        _ => None,
    }
}

fn type_rank(t: PartnerType) -> usize {
    PartnerType::ALL
        .iter()
        .position(|&x| x == t)
        .unwrap_or(PartnerType::ALL.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn row(id: i64, short_name: &str) -> PartnerSummary {
        PartnerSummary {
            id,
            partner_type: PartnerType::GeneralEducation,
            relation_kind: super::super::model::RelationKind::NetworkInteraction,
            short_name: short_name.into(),
            full_name: short_name.into(),
            inn: String::new(),
            head: String::new(),
            phone: String::new(),
            email: String::new(),
            stage: None,
            resources: Vec::new(),
            updated_at: NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default(),
            deleted_at: None,
            own_fields: Vec::new(),
        }
    }

    fn names(rows: &[PartnerSummary]) -> Vec<&str> {
        rows.iter().map(|r| r.short_name.as_str()).collect()
    }

    fn sorted(rows: Vec<PartnerSummary>, key: PartnerSortKey, dir: SortDir) -> Vec<PartnerSummary> {
        sort(
            rows,
            PartnerSort {
                key,
                dir,
                own_field: None,
            },
        )
    }

    #[test]
    fn russian_names_sort_alphabetically_with_yo_as_ye_and_without_case() {
        let words = ["Яблоня", "ёлочка", "Ель", "абрикос", "Жук", "Ежевика"];
        let rows = words
            .iter()
            .enumerate()
            .map(|(i, w)| row(i as i64, w))
            .collect();
        let got = sorted(rows, PartnerSortKey::Name, SortDir::Asc);
        // «ёлочка» and «Ель» differ only after ё = е: «л» < «ль».
        assert_eq!(
            names(&got),
            ["абрикос", "Ежевика", "ёлочка", "Ель", "Жук", "Яблоня"]
        );
        assert_eq!(name_key("Ёлкин"), name_key("елкин"));
    }

    #[test]
    fn numbers_compare_by_value_and_leading_quotes_are_skipped() {
        let rows = vec![
            row(1, "Школа № 10"),
            row(2, "Школа № 2"),
            row(3, "Школа № 1"),
            row(4, "Школа № 002"),
        ];
        let got = sorted(rows, PartnerSortKey::Name, SortDir::Asc);
        assert_eq!(
            names(&got),
            ["Школа № 1", "Школа № 2", "Школа № 002", "Школа № 10"]
        );
        let rows = vec![
            row(1, "ООО «ТСК»"),
            row(2, "«Движение первых»"),
            row(3, "Ёлочка"),
            row(4, "АО «КЛКЗ»"),
            row(5, "IT-куб"),
        ];
        let got = sorted(rows.clone(), PartnerSortKey::Name, SortDir::Asc);
        assert_eq!(
            names(&got),
            [
                "АО «КЛКЗ»",
                "«Движение первых»",
                "Ёлочка",
                "ООО «ТСК»",
                "IT-куб"
            ]
        );
        let got = sorted(rows, PartnerSortKey::Name, SortDir::Desc);
        assert_eq!(got[0].short_name, "IT-куб");
        assert_eq!(got[1].short_name, "ООО «ТСК»");
    }

    #[test]
    fn an_empty_short_name_lists_under_the_full_one() {
        let mut b = row(1, "");
        b.full_name = "Библиотека".into();
        let got = sorted(
            vec![b, row(2, "Альфа"), row(3, "Вега")],
            PartnerSortKey::Name,
            SortDir::Asc,
        );
        assert_eq!(got.iter().map(|r| r.id).collect::<Vec<_>>(), [2, 1, 3]);
    }

    #[test]
    fn types_follow_the_vocabulary_then_names() {
        let mut a = row(1, "Я");
        a.partner_type = PartnerType::MassMedia;
        let b = row(2, "Б");
        let mut c = row(3, "А");
        c.partner_type = PartnerType::MassMedia;
        let got = sorted(vec![a, b, c], PartnerSortKey::Type, SortDir::Asc);
        assert_eq!(names(&got), ["Б", "А", "Я"]);
    }

    #[test]
    fn partners_without_a_stage_or_inn_stay_last_in_both_directions() {
        let mut third = row(2, "Третий");
        third.stage = Some(3);
        let mut first = row(3, "Первый");
        first.stage = Some(1);
        let rows = vec![row(1, "Без этапа"), third, first];
        let asc = sorted(rows.clone(), PartnerSortKey::Stage, SortDir::Asc);
        assert_eq!(names(&asc), ["Первый", "Третий", "Без этапа"]);
        let desc = sorted(rows, PartnerSortKey::Stage, SortDir::Desc);
        assert_eq!(names(&desc), ["Третий", "Первый", "Без этапа"]);

        let mut b = row(2, "Б");
        b.inn = "6825000002".into();
        let mut a = row(3, "А");
        a.inn = "6825000001".into();
        let desc = sorted(
            vec![row(1, "Нет"), b, a],
            PartnerSortKey::Inn,
            SortDir::Desc,
        );
        assert_eq!(names(&desc), ["Б", "А", "Нет"]);
    }

    #[test]
    fn by_the_last_change_and_ties_by_name() {
        let mut old = row(1, "Старый");
        old.updated_at -= chrono::Duration::days(10);
        let rows = vec![row(2, "Новый Б"), old, row(3, "Новый А")];
        let got = sorted(rows.clone(), PartnerSortKey::Updated, SortDir::Desc);
        assert_eq!(names(&got), ["Новый А", "Новый Б", "Старый"]);
        let got = sorted(rows, PartnerSortKey::Updated, SortDir::Asc);
        assert_eq!(names(&got), ["Старый", "Новый А", "Новый Б"]);
    }
}
