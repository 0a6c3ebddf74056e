//! One search for everything (issue 14 §1) on the demo in a real file:
//! every kind is found and grouped in order, ranked (the name as typed,
//! then the words in the name, then elsewhere; ties by name), Russian
//! cases find their record, ё = е; and the calendar's search over a whole
//! school year.

mod common;

use partnernet::events::model::EventFilter;
use partnernet::search::{
    self,
    model::{FoundKind, FoundTarget, SearchResults},
};
use partnernet::{partners, Storage};

fn demo() -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, common::now()).expect("demo");
    (dir, storage)
}

fn find(storage: &Storage, query: &str) -> SearchResults {
    search::everything(storage, query, 8, common::now().date()).expect("search")
}

/// The titles found of one kind, in their order.
fn titles(r: &SearchResults, kind: FoundKind) -> Vec<String> {
    r.groups
        .iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| g.items.iter().map(|i| i.title.clone()))
        .collect()
}

#[test]
fn every_kind_is_found_and_grouped_in_order() {
    let (_dir, storage) = demo();
    let r = find(&storage, "библиотеки");
    let kinds: Vec<FoundKind> = r.groups.iter().map(|g| g.kind).collect();
    assert_eq!(
        kinds,
        [
            FoundKind::Partner,
            FoundKind::Person,
            FoundKind::Event,
            FoundKind::Brochure
        ],
        "{r:#?}"
    );
    // The library is the first thing found: Enter in the palette opens it.
    let first = &r.groups[0].items[0];
    assert_eq!(first.title, "МБУК «ЦБС»");
    assert!(matches!(first.open, FoundTarget::Partner { .. }));
    assert_eq!(r.groups[0].label, "Партнёры");
    assert!(first.subtitle.contains("Учреждения культуры и спорта"));
    assert_eq!(
        titles(&r, FoundKind::Person),
        ["Сергеева Ксения Дмитриевна"]
    );
    assert_eq!(
        titles(&r, FoundKind::Event),
        ["Сборник сценариев совместных мероприятий с библиотекой"]
    );
    let agreements = find(&storage, "ветеранами");
    assert_eq!(
        titles(&agreements, FoundKind::Agreement),
        ["Патриотическое воспитание обучающихся"]
    );
    let agreement = &agreements.groups[1].items[0];
    assert!(
        agreement.subtitle.starts_with("№ 1/2024 от 20.09.2024"),
        "{agreement:?}"
    );
    // The kind of an agreement is its other text.
    assert!(!titles(&find(&storage, "соглашения"), FoundKind::Agreement).is_empty());
    assert!(find(&storage, "  «» ").groups.is_empty());
    assert!(find(&storage, "").groups.is_empty());
    assert!(find(&storage, "библиотекарями самолётов").groups.is_empty());
    // A pasted page is searched by its first words, at once.
    let pasted = format!("библиотеки {}", "слово ".repeat(200_000));
    let started = std::time::Instant::now();
    let r = find(&storage, &pasted);
    assert!(started.elapsed().as_secs() < 5);
    assert!(r.query.starts_with("библиотеки слово") && r.query.chars().count() <= 300);
    assert!(r.groups.is_empty(), "every word must be found");
    let r = find(&storage, &format!("{} библиотеки", "   ".repeat(100_000)));
    assert_eq!(titles(&r, FoundKind::Partner), ["МБУК «ЦБС»"]);
}

#[test]
fn the_name_as_typed_ranks_first_then_words_in_the_name_then_elsewhere() {
    let (_dir, storage) = demo();
    // Exact before a prefix of the name.
    let exact = find(&storage, "мбук «цбс»");
    assert_eq!(titles(&exact, FoundKind::Partner)[0], "МБУК «ЦБС»");
    // Prefixes tie by name.
    assert_eq!(
        titles(&find(&storage, "МБУК"), FoundKind::Partner),
        ["МБУК «ГДК»", "МБУК «Краеведческий музей»", "МБУК «ЦБС»"]
    );
    // Names beginning with the word before names with it inside.
    let seminars = titles(&find(&storage, "семинар"), FoundKind::Event);
    let inside = seminars
        .iter()
        .position(|t| !t.to_lowercase().starts_with("семинар"))
        .expect("a seminar named otherwise");
    assert!(inside >= 2, "{seminars:?}");
    assert!(seminars[inside..]
        .iter()
        .all(|t| !t.to_lowercase().starts_with("семинар")));
    // A surname in the genitive: the person whose surname it is first, then
    // the patronymics; partners only through their contacts come after
    // those named so.
    let r = find(&storage, "Сергеевой");
    assert_eq!(
        titles(&r, FoundKind::Person)[0],
        "Сергеева Ксения Дмитриевна"
    );
    // The head's name is the partner's other text.
    assert_eq!(
        titles(&find(&storage, "Тихоновой"), FoundKind::Partner),
        ["МБУК «ЦБС»"]
    );
}

#[test]
fn russian_cases_and_yo_find_people_and_records() {
    let (_dir, storage) = demo();
    for (query, person) in [
        ("Назаровой", "Назарова Полина Сергеевна"),
        ("назаровою", "Назарова Полина Сергеевна"),
        ("СОЛОВЬЕВОЙ", "Соловьёва Марина Петровна"),
        ("Соловьёвой Марине", "Соловьёва Марина Петровна"),
        ("библиографа", "Назарова Полина Сергеевна"),
    ] {
        let r = find(&storage, query);
        assert!(
            titles(&r, FoundKind::Person).iter().any(|t| t == person),
            "«{query}»: {r:#?}"
        );
        let FoundTarget::Person { partner_id, .. } = r
            .groups
            .iter()
            .find(|g| g.kind == FoundKind::Person)
            .map(|g| g.items[0].open.clone())
            .expect("person")
        else {
            panic!("a person opens as a person")
        };
        assert!(partners::get(&storage, partner_id).is_ok());
    }
    for query in ["детской библиотеке", "библиотекой", "Библиотека"]
    {
        let r = find(&storage, query);
        assert!(
            titles(&r, FoundKind::Partner).contains(&"МБУК «ЦБС»".to_string()),
            "«{query}»: {r:#?}"
        );
    }
}

#[test]
fn groups_are_cut_to_the_limit_and_count_everything() {
    let (_dir, storage) = demo();
    let today = common::now().date();
    let r = search::everything(&storage, "м", 3, today).expect("search");
    for g in &r.groups {
        assert!(g.items.len() <= 3, "{g:?}");
        assert!(g.total as usize >= g.items.len());
    }
    let partners_group = &r.groups[0];
    assert!(partners_group.total > 3);
    // More asked than the most a group gives: the most.
    let all = search::everything(&storage, "м", 10_000, today).expect("search");
    assert!(all
        .groups
        .iter()
        .all(|g| g.items.len() <= search::MAX_PER_KIND as usize));
}

#[test]
fn a_series_opens_on_its_next_date_and_the_trash_is_left_out() {
    let (_dir, mut storage) = demo();
    let today = common::now().date();
    let r = find(&storage, "Методическое объединение");
    let series = r
        .groups
        .iter()
        .find(|g| g.kind == FoundKind::Event)
        .map(|g| g.items[0].clone())
        .expect("the series");
    let FoundTarget::Event { id, date } = series.open else {
        panic!("an event opens as an event")
    };
    assert!(date >= today, "{series:?}");
    assert!(series.subtitle.contains("ближайшее"), "{series:?}");
    let shown = partnernet::events::occurrences(
        &storage,
        &EventFilter {
            from: Some(date),
            to: Some(date),
            ..EventFilter::default()
        },
    )
    .expect("day");
    assert!(shown.iter().any(|o| o.event_id == id && o.date == date));

    let library = partners::list(&storage, &Default::default())
        .expect("list")
        .into_iter()
        .find(|p| p.short_name == "МБУК «ЦБС»")
        .expect("library");
    partners::trash(&mut storage, library.id, common::now()).expect("trash");
    let r = find(&storage, "библиотеки");
    assert!(!titles(&r, FoundKind::Partner).contains(&"МБУК «ЦБС»".to_string()));
    // Its contacts go with it.
    assert!(titles(&r, FoundKind::Person).is_empty(), "{r:#?}");
}

#[test]
fn the_calendars_search_covers_the_whole_school_year() {
    let (_dir, storage) = demo();
    let (from, to) = partnernet::events::school_year::school_year_range(2026);
    let filter = EventFilter {
        from: Some(from),
        to: Some(to),
        query: "вебинары".into(),
        ..EventFilter::default()
    };
    let all = search::events_in_range(&storage, &filter, 500).expect("year");
    assert!(all.total >= 2, "{all:#?}");
    assert_eq!(all.total as usize, all.occurrences.len());
    let months: std::collections::BTreeSet<_> = all
        .occurrences
        .iter()
        .map(|o| o.date.format("%Y-%m").to_string())
        .collect();
    assert!(months.len() >= 2, "{months:?}");
    assert!(all.occurrences.windows(2).all(|w| w[0].start <= w[1].start));
    assert!(all
        .occurrences
        .iter()
        .all(|o| o.date >= from && o.date <= to));
    let first = search::events_in_range(&storage, &filter, 1).expect("first");
    assert_eq!(first.total, all.total);
    assert_eq!(first.occurrences, all.occurrences[..1]);
}

#[test]
fn the_command_line_searches_as_the_window_does() {
    let dir = tempfile::tempdir().expect("dir");
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_partnernet"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run")
    };
    assert!(cli(&["demo"]).status.success());
    let out = cli(&["search", "библиотеки"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Партнёры — 1:\n  МБУК «ЦБС» [№ "),
        "{text}"
    );
    assert!(text.contains("Контактные лица — 1:"), "{text}");
    let json = cli(&["search", "--json", "--limit", "2", "м"]);
    let found: SearchResults = serde_json::from_slice(&json.stdout).expect("json");
    assert!(found.groups.iter().all(|g| g.items.len() <= 2));
    let none = cli(&["search", "самолётов"]);
    assert!(none.status.success());
    assert_eq!(
        String::from_utf8_lossy(&none.stdout).trim(),
        "Ничего не найдено по запросу «самолётов»."
    );
    let bad = cli(&["search", "--limit", "много", "м"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--limit"));
}
