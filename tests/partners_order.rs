//! The partners list as the window asks for it (issue 13 §3): the ordered
//! ids of the whole list from the core, then the rows of the screen, on a
//! real SQLite file.

mod common;

use common::{now, open, school};
use partnernet::partners::{
    self,
    model::*,
    order::{PartnerSort, PartnerSortKey, SortDir},
};

fn sort(key: PartnerSortKey, dir: SortDir) -> PartnerSort {
    PartnerSort {
        key,
        dir,
        own_field: None,
    }
}

fn add(storage: &mut partnernet::Storage, n: u32, short: &str, stage: Option<u8>) -> i64 {
    let mut input = school(n);
    input.short_name = short.into();
    input.stage = stage;
    if stage.is_none() {
        input.stage_reached_on = None;
    }
    partners::create(storage, input, now()).expect("create").id
}

#[test]
fn the_ids_come_in_the_russian_order_of_the_chosen_column() {
    let (_dir, mut storage) = open();
    let s10 = add(&mut storage, 1, "Школа № 10", Some(2));
    let yolka = add(&mut storage, 2, "ёлочка", None);
    let s2 = add(&mut storage, 3, "Школа № 2", Some(1));
    let quoted = add(&mut storage, 4, "«Движение первых»", Some(3));
    let all = PartnerFilter::default();

    let by_name = partners::list_ids(&storage, &all, PartnerSort::default()).expect("ids");
    assert_eq!(by_name, [quoted, yolka, s2, s10]);
    let desc =
        partners::list_ids(&storage, &all, sort(PartnerSortKey::Name, SortDir::Desc)).expect("ids");
    assert_eq!(desc, [s10, s2, yolka, quoted]);
    // No stage stays last in both directions.
    let stage = partners::list_ids(&storage, &all, sort(PartnerSortKey::Stage, SortDir::Desc))
        .expect("ids");
    assert_eq!(stage, [quoted, s10, s2, yolka]);
    // `list` (the CLI, the exports) keeps the same order by name.
    let listed: Vec<i64> = partners::list(&storage, &all)
        .expect("list")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(listed, by_name);
}

#[test]
fn the_search_and_filters_narrow_the_ids_and_trashed_partners_are_left_out() {
    let (_dir, mut storage) = open();
    let a = add(&mut storage, 1, "Школа № 1", Some(1));
    let b = add(&mut storage, 2, "Школа № 2", Some(2));
    let lib = add(&mut storage, 3, "Библиотека", Some(2));
    partnernet::partners::trash(&mut storage, a, now()).expect("trash");
    let all = partners::list_ids(&storage, &PartnerFilter::default(), PartnerSort::default())
        .expect("ids");
    assert_eq!(all, [lib, b], "the trashed one is not listed");
    let filter = PartnerFilter {
        query: "библиотеки".into(),
        ..Default::default()
    };
    assert_eq!(
        partners::list_ids(&storage, &filter, PartnerSort::default()).expect("ids"),
        [lib]
    );
    let filter = PartnerFilter {
        stages: vec![1],
        ..Default::default()
    };
    assert!(
        partners::list_ids(&storage, &filter, PartnerSort::default())
            .expect("ids")
            .is_empty()
    );
}

#[test]
fn the_rows_of_the_screen_come_in_the_order_asked_without_the_ones_gone() {
    let (_dir, mut storage) = open();
    let ids: Vec<i64> = (1..=5)
        .map(|n| add(&mut storage, n, &format!("Партнёр {n}"), None))
        .collect();
    let asked = [ids[3], 9_999, ids[0], ids[4]];
    let rows = partners::summaries_of(&storage, &asked).expect("rows");
    assert_eq!(
        rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        [ids[3], ids[0], ids[4]]
    );
    assert_eq!(rows[0].short_name, "Партнёр 4");
    assert!(partners::summaries_of(&storage, &[])
        .expect("none")
        .is_empty());
}

#[test]
fn more_rows_than_a_page_are_cut_not_refused() {
    let (_dir, mut storage) = open();
    let id = add(&mut storage, 1, "Один", None);
    let asked = vec![id; partners::SUMMARIES_AT_ONCE + 100];
    // The same id many times: one row (the answer is by id), and no error.
    let rows = partners::summaries_of(&storage, &asked).expect("rows");
    assert_eq!(rows.len(), 1);
}

/// A column of her own sorts the list too: numbers by value, options in
/// the order she gave them, dates by the day; partners without a value stay
/// last either way; a field that is gone sorts by name.
#[test]
fn her_own_fields_sort_the_list_by_their_kind() {
    use partnernet::partners::own_fields;
    let (_dir, mut storage) = open();
    let field = |storage: &mut partnernet::Storage, name: &str, kind, options: &[&str]| {
        own_fields::add(
            storage,
            OwnFieldInput {
                name: name.into(),
                kind,
                options: options.iter().map(|o| o.to_string()).collect(),
            },
            now(),
        )
        .expect("field")
        .id
    };
    let pupils = field(&mut storage, "Учащихся", OwnFieldKind::Number, &[]);
    let level = field(
        &mut storage,
        "Уровень",
        OwnFieldKind::Choice,
        &["стартовый", "базовый", "продвинутый"],
    );
    let since = field(&mut storage, "С какого дня", OwnFieldKind::Date, &[]);
    let rows = [
        ("Альфа", "1200", "продвинутый", "01.09.2025"),
        ("Бета", "95,5", "стартовый", "15.01.2026"),
        ("Гамма", "", "", ""),
        ("Дельта", "300", "базовый", "02.02.2024"),
    ];
    let mut ids = Vec::new();
    for (n, (name, count, lvl, day)) in rows.into_iter().enumerate() {
        let mut input = school(n as u32 + 1);
        input.short_name = name.into();
        input.own_fields = [(pupils, count), (level, lvl), (since, day)]
            .into_iter()
            .map(|(field_id, value)| OwnFieldValue {
                field_id,
                value: value.into(),
            })
            .collect();
        ids.push(
            partners::create(&mut storage, input, now())
                .expect("create")
                .id,
        );
    }
    let [alpha, beta, gamma, delta] = [ids[0], ids[1], ids[2], ids[3]];
    let all = PartnerFilter::default();
    let by = |storage: &partnernet::Storage, field: i64, dir| {
        let sort = PartnerSort {
            key: PartnerSortKey::Own,
            dir,
            own_field: Some(field),
        };
        partners::list_ids(storage, &all, sort).expect("ids")
    };
    for (field, dir, expected) in [
        (pupils, SortDir::Asc, [beta, delta, alpha, gamma]),
        (pupils, SortDir::Desc, [alpha, delta, beta, gamma]),
        (level, SortDir::Asc, [beta, delta, alpha, gamma]),
        (since, SortDir::Desc, [beta, alpha, delta, gamma]),
    ] {
        assert_eq!(by(&storage, field, dir), expected, "field {field} {dir:?}");
    }
    own_fields::remove(&mut storage, pupils, now()).expect("remove");
    assert_eq!(
        by(&storage, pupils, SortDir::Asc),
        [alpha, beta, gamma, delta]
    );
}
