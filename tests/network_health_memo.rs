//! The health kept while nothing changed (`network::health_memo`,
//! `Storage::memo`): on a real file, the same answer without recomputing,
//! and a fresh one after a write of this connection, after a commit of
//! another process, for another day.

mod common;

use chrono::NaiveDate;
use common::{day, now, school};
use partnernet::{network, partners, Storage};

fn year(d: NaiveDate) -> i32 {
    partnernet::events::school_year::school_year_of(d)
}

#[test]
fn the_kept_health_follows_every_change() {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let today = now().date();
    let first = network::health_memo(&storage, today, year(today)).expect("health");
    assert_eq!(
        first,
        network::health(&storage, today, year(today)).expect("fresh")
    );

    // Kept: the computation is not run again while nothing changed.
    let mut ran = 0;
    // The health is kept shared (`Arc`): the pages take views of it.
    let count = |s: &Storage| {
        ran += 1;
        network::health(s, today, year(today)).map(std::sync::Arc::new)
    };
    storage
        .memo(&format!("network::health {today} {}", year(today)), count)
        .expect("kept");
    assert_eq!(ran, 0, "nothing changed: the kept result is given back");

    // A write of this connection: a new partner is counted.
    partners::create(&mut storage, school(77), now()).expect("partner");
    let second = network::health_memo(&storage, today, year(today)).expect("after a write");
    assert_eq!(second.partners.len(), first.partners.len() + 1);

    // A commit by another process (the CLI) on the same file.
    let json = serde_json::to_string(&school(78)).expect("json");
    let out = common::cli(dir.path(), &["partners", "add", "--json", "-"], Some(&json));
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let third = network::health_memo(&storage, today, year(today)).expect("after the CLI");
    assert_eq!(third.partners.len(), first.partners.len() + 2);

    // The map shares what was loaded, and follows the same changes.
    let query = partnernet::network::model::MapQuery::default();
    assert_eq!(
        network::map_memo(&storage, today, &query).expect("map"),
        network::map(&storage, today, &query).expect("fresh map")
    );

    // Another day is another question.
    let later = day(2027, 6, 1);
    let other = network::health_memo(&storage, later, year(later)).expect("later");
    assert_eq!(
        other,
        network::health(&storage, later, year(later)).expect("fresh later")
    );
}
