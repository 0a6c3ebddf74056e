//! Search that speaks Russian (issue 14 §1): on the demo in a real file,
//! every grammatical case of a name, a noun or an adjective finds its
//! record in partners, agreements and events, as the word's beginning did.

mod common;

use partnernet::agreements::{self, model::AgreementFilter};
use partnernet::events::{self, model::EventFilter};
use partnernet::partners::{self, model::PartnerFilter};
use partnernet::Storage;

fn demo() -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, common::now()).expect("demo");
    (dir, storage)
}

fn partners_found(storage: &Storage, query: &str) -> Vec<String> {
    let filter = PartnerFilter {
        query: query.into(),
        ..PartnerFilter::default()
    };
    partners::list(storage, &filter)
        .expect("list")
        .into_iter()
        .map(|p| p.short_name)
        .collect()
}

#[test]
fn partners_are_found_by_any_case_of_their_words() {
    let (_dir, storage) = demo();
    let library = "МБУК «ЦБС»";
    for query in [
        "библиотека",
        "библиотеки",
        "библиотеке",
        "библиотекой",
        "детской библиотеке",
        "Тихоновой",
        "тихоновою",
        "Сергеевой",
        "библиографа",
        "выставками",
        "краеведческой литературы",
        "библ",
    ] {
        let found = partners_found(&storage, query);
        assert!(found.iter().any(|n| n == library), "«{query}»: {found:?}");
    }
    assert!(partners_found(&storage, "библиотекарями самолётов").is_empty());
}

#[test]
fn agreements_and_events_are_found_by_any_case_too() {
    let (_dir, storage) = demo();
    let today = common::now().date();
    let agreements_found = |query: &str| {
        let filter = AgreementFilter {
            query: query.into(),
            ..AgreementFilter::default()
        };
        agreements::list(&storage, &filter, today)
            .expect("list")
            .len()
    };
    for query in [
        "ветеранами",
        "ветеранов",
        "ветераны",
        "воспоминаний",
        "воспоминания",
    ] {
        assert!(agreements_found(query) > 0, "«{query}»");
    }
    let events_found = |query: &str| {
        let filter = EventFilter {
            query: query.into(),
            ..EventFilter::default()
        };
        events::occurrences(&storage, &filter)
            .expect("events")
            .len()
    };
    for query in [
        "библиотеке",
        "библиотекой",
        "библиотеки",
        "выставки",
        "выставкой",
    ] {
        assert!(events_found(query) > 0, "«{query}»");
    }
}
