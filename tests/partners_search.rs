//! The partner pickers' search on real SQLite files: the first matches with
//! a limit, in the list's order, and the names of chosen partners by id.

mod common;

use common::{now, open, school};
use partnernet::partners::{self, search};

fn names(list: &[partnernet::partners::model::PartnerSummary]) -> Vec<String> {
    list.iter().map(|p| p.short_name.clone()).collect()
}

#[test]
fn gives_only_the_first_matches_in_the_lists_order() {
    let (_dir, mut storage) = open();
    let mut ids = Vec::new();
    for n in 1..=12 {
        let mut input = school(n);
        let kind = if n % 4 == 0 {
            "Лицей"
        } else {
            "Школа"
        };
        input.short_name = format!("{kind} № {n:02}");
        ids.push(
            partners::create(&mut storage, input, now())
                .expect("create")
                .id,
        );
    }
    let first = search::first_matches(&storage, "", 5).expect("pick");
    assert_eq!(
        names(&first),
        [
            "Лицей № 04",
            "Лицей № 08",
            "Лицей № 12",
            "Школа № 01",
            "Школа № 02"
        ]
    );
    let found = search::first_matches(&storage, "лиц", 2).expect("pick");
    assert_eq!(names(&found), ["Лицей № 04", "Лицей № 08"]);
    assert!(search::first_matches(&storage, "музей", 10)
        .expect("pick")
        .is_empty());
    // A picker cannot ask for the whole registry at once.
    assert_eq!(
        search::first_matches(&storage, "", 100_000)
            .expect("pick")
            .len(),
        12
    );
    assert!(search::first_matches(&storage, "", 0)
        .expect("pick")
        .is_empty());
}

/// The pickers and the trash follow the list's one order (`order.rs`), not
/// SQLite's: numbers by value, ё as е, a leading quote skipped.
#[test]
fn pickers_and_trash_use_the_lists_russian_order() {
    let (_dir, mut storage) = open();
    let mut ids = Vec::new();
    for (n, name) in ["Школа № 10", "«Ёлочка»", "Школа № 2", "Елань", "школа № 1"]
        .into_iter()
        .enumerate()
    {
        let mut input = school(n as u32 + 1);
        input.short_name = name.to_string();
        ids.push(
            partners::create(&mut storage, input, now())
                .expect("create")
                .id,
        );
    }
    let expected = ["Елань", "«Ёлочка»", "школа № 1", "Школа № 2", "Школа № 10"];
    let picked = search::first_matches(&storage, "", 10).expect("pick");
    assert_eq!(names(&picked), expected);
    let cut = search::first_matches(&storage, "", 3).expect("pick");
    assert_eq!(names(&cut), expected[..3]);
    for id in ids {
        partners::trash(&mut storage, id, now()).expect("trash");
    }
    let trashed = partners::trash_list(&storage).expect("trash list");
    assert_eq!(names(&trashed), expected);
}

#[test]
fn leaves_trashed_partners_out_of_the_matches_but_names_them_by_id() {
    let (_dir, mut storage) = open();
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let b = partners::create(&mut storage, school(2), now())
        .expect("b")
        .id;
    partners::trash(&mut storage, b, now()).expect("trash");
    let live: Vec<i64> = search::first_matches(&storage, "", 10)
        .expect("pick")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(live, [a]);
    let named: Vec<i64> = search::by_ids(&storage, &[b, 999, a, b])
        .expect("named")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(named, [b, a]);
    assert!(search::by_ids(&storage, &[]).expect("none").is_empty());
}
