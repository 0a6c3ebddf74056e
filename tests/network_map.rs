//! The network map's data (issue 11 §3) on real SQLite files: nodes, their
//! counts and edges with their weights for a hand-made network, at the
//! period's edges; trashed and cancelled records left out; filters; the map
//! as a PDF page read back.

mod common;

use chrono::{Duration, NaiveDate};
use common::{at, day, now, open, parties, school};
use partnernet::agreements::{
    self,
    model::{AgreementInput, AgreementStatus},
};
use partnernet::events::{
    self,
    model::{EventInput, EventStatus, Frequency, Recurrence},
};
use partnernet::network::{
    self,
    model::{MapEdge, MapNode, MapQuery, NetworkMap},
};
use partnernet::partners::model::{PartnerInput, PartnerType, RelationKind, TieInput, TieKind};
use partnernet::{partners, Storage};

fn today() -> NaiveDate {
    day(2026, 12, 12)
}

/// The school year 2026/2027, as dates.
fn year() -> MapQuery {
    MapQuery {
        from: Some(day(2026, 9, 1)),
        to: Some(day(2027, 8, 31)),
        ..MapQuery::default()
    }
}

fn partner(storage: &mut Storage, input: PartnerInput) -> i64 {
    let input = PartnerInput {
        stage_reached_on: None,
        ..input
    };
    partners::create(storage, input, at(2025, 1, 10, 9))
        .expect("partner")
        .id
}

fn event(storage: &mut Storage, date: NaiveDate, ids: &[i64], status: EventStatus) -> i64 {
    let start = date.and_hms_opt(15, 0, 0).expect("time");
    let input = EventInput {
        form_id: events::forms(storage).expect("forms")[0].id,
        title: format!("Встреча {}", date.format("%d.%m.%Y")),
        start,
        end: start + Duration::hours(1),
        partner_ids: ids.to_vec(),
        status,
        actual_count: (status == EventStatus::Held).then_some(7),
        ..EventInput::default()
    };
    events::create(storage, input, now())
        .expect("event")
        .event
        .id
}

/// An agreement of `ids` in force from 01.09.2025 to `end`.
fn agreement(storage: &mut Storage, ids: &[i64], end: NaiveDate) -> i64 {
    let input = AgreementInput {
        subject: "Сотрудничество".into(),
        parties: parties(ids),
        start_date: Some(day(2025, 9, 1)),
        end_date: Some(end),
        ..AgreementInput::default()
    };
    let a = agreements::create(storage, input, at(2025, 8, 20, 9))
        .expect("agreement")
        .id;
    for (i, to) in [
        AgreementStatus::OnApproval,
        AgreementStatus::Signed,
        AgreementStatus::Active,
    ]
    .into_iter()
    .enumerate()
    {
        agreements::set_status(storage, a, to, day(2025, 9, 1 + i as u32), "", now())
            .unwrap_or_else(|e| panic!("{to:?}: {e}"));
    }
    a
}

fn tie(
    storage: &mut Storage,
    first: Option<i64>,
    second: Option<i64>,
    start: NaiveDate,
    end: Option<NaiveDate>,
) {
    let input = TieInput {
        first_id: first,
        second_id: second,
        kind: TieKind::Patronage,
        start_date: Some(start),
        end_date: end,
        note: String::new(),
    };
    partners::ties::add(storage, input, now()).expect("tie");
}

fn node(map: &NetworkMap, id: i64) -> Option<&MapNode> {
    map.nodes.iter().find(|n| n.partner_id == Some(id))
}

fn counts(map: &NetworkMap, id: i64) -> (u32, u32) {
    let n = node(map, id).unwrap_or_else(|| panic!("no node p{id}: {:#?}", map.nodes));
    (n.events, n.agreements)
}

fn edge<'a>(map: &'a NetworkMap, a: &str, b: &str) -> Option<&'a MapEdge> {
    map.edges
        .iter()
        .find(|e| (e.source == a && e.target == b) || (e.source == b && e.target == a))
}

/// The hand-made network of most tests: the partners' ids.
struct Net {
    p: i64,
    q: i64,
    r: i64,
    museum: i64,
    gone: i64,
}

fn network() -> (tempfile::TempDir, Storage, Net) {
    let (dir, mut storage) = open();
    let p = partner(&mut storage, school(1));
    let q = partner(&mut storage, school(2));
    let r = partner(
        &mut storage,
        PartnerInput {
            stage: None,
            ..school(3)
        },
    );
    let museum = partner(
        &mut storage,
        PartnerInput {
            partner_type: PartnerType::CultureSport,
            relation_kind: RelationKind::SocialPartnership,
            ..school(4)
        },
    );
    let gone = partner(&mut storage, school(5));

    // p and q together once; p's weekly series of five.
    event(&mut storage, day(2026, 10, 1), &[p, q], EventStatus::Held);
    let start = day(2026, 10, 5).and_hms_opt(15, 0, 0).expect("t");
    let series = EventInput {
        form_id: events::forms(&storage).expect("forms")[0].id,
        title: "Кружок".into(),
        start,
        end: start + Duration::hours(1),
        partner_ids: vec![p],
        recurrence: Some(Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![1],
            count: Some(5),
            until: None,
        }),
        ..EventInput::default()
    };
    events::create(&mut storage, series, now()).expect("series");
    // r on both edges of the period, and the day before it.
    event(&mut storage, day(2026, 9, 1), &[r], EventStatus::Planned);
    event(&mut storage, day(2027, 8, 31), &[r], EventStatus::Planned);
    event(&mut storage, day(2026, 8, 31), &[r, q], EventStatus::Held);
    // Cancelled and trashed events do not count.
    event(
        &mut storage,
        day(2026, 11, 3),
        &[p, r],
        EventStatus::Cancelled,
    );
    let trashed = event(&mut storage, day(2026, 11, 4), &[q, r], EventStatus::Held);
    events::trash(&mut storage, trashed, now()).expect("trash event");
    // A partner in the trash is not on the map, nor are its ties.
    event(
        &mut storage,
        day(2026, 11, 5),
        &[p, gone],
        EventStatus::Held,
    );
    // p and q in an agreement in force on the period's first day only.
    agreement(&mut storage, &[p, q], day(2026, 9, 1));
    // The museum: a tie ended the day before the period, and one with the
    // institution starting on its last day.
    tie(
        &mut storage,
        Some(q),
        Some(museum),
        day(2025, 1, 1),
        Some(day(2026, 8, 31)),
    );
    tie(&mut storage, None, Some(museum), day(2027, 8, 31), None);
    tie(&mut storage, Some(p), Some(gone), day(2026, 1, 1), None);
    partners::trash(&mut storage, gone, now()).expect("trash partner");
    (
        dir,
        storage,
        Net {
            p,
            q,
            r,
            museum,
            gone,
        },
    )
}

#[test]
fn nodes_count_occurrences_and_agreements_of_the_period() {
    let (_dir, storage, n) = network();
    let map = network::map(&storage, today(), &year()).expect("map");
    assert_eq!((map.from, map.to), (day(2026, 9, 1), day(2027, 8, 31)));
    assert_eq!(map.nodes[0].key, "i");
    assert_eq!((map.nodes[0].x, map.nodes[0].y), (0.0, 0.0));
    assert_eq!(map.nodes.len(), 5, "the institution and four live partners");
    assert!(node(&map, n.gone).is_none());
    // The series counts by occurrence: 5 + the joint one (+ the one with the
    // trashed partner, which still took place with p).
    assert_eq!(counts(&map, n.p), (7, 1));
    assert_eq!(counts(&map, n.q), (1, 1));
    // Both edges of the period count, the day before it does not.
    assert_eq!(counts(&map, n.r), (2, 0));
    assert_eq!(counts(&map, n.museum), (0, 0));
    // The institution: every joint occurrence and agreement on the map.
    assert_eq!((map.nodes[0].events, map.nodes[0].agreements), (9, 1));
    let (p, q) = (node(&map, n.p).expect("p"), node(&map, n.q).expect("q"));
    assert!(p.size > q.size, "more activity, a larger node");
    assert!(q.size > node(&map, n.museum).expect("museum").size);
    assert_eq!(map.legend.len(), 9);
    assert_eq!(
        node(&map, n.museum).expect("museum").color,
        network::map::type_color(PartnerType::CultureSport)
    );
}

#[test]
fn edges_weigh_joint_events_agreements_and_ties() {
    let (_dir, storage, n) = network();
    let map = network::map(&storage, today(), &year()).expect("map");
    let key = |id: i64| format!("p{id}");
    let pq = edge(&map, &key(n.p), &key(n.q)).expect("p–q");
    assert_eq!((pq.joint_events, pq.joint_agreements), (1, 1));
    assert!(pq.ties.is_empty());
    let ip = edge(&map, "i", &key(n.p)).expect("i–p");
    assert_eq!((ip.joint_events, ip.joint_agreements), (7, 1));
    assert!(ip.width > pq.width, "thicker with more joint activity");
    // Cancelled (p, r) and trashed (q, r) events tie nobody.
    assert!(edge(&map, &key(n.p), &key(n.r)).is_none());
    assert!(edge(&map, &key(n.q), &key(n.r)).is_none());
    // A tie ended the day before the period is not counted; one starting on
    // its last day is.
    assert!(edge(&map, &key(n.q), &key(n.museum)).is_none());
    let im = edge(&map, "i", &key(n.museum)).expect("i–museum");
    assert_eq!(im.ties, [TieKind::Patronage]);
    assert_eq!((im.joint_events, im.joint_agreements), (0, 0));
    for e in &map.edges {
        assert!(e.source != key(n.gone) && e.target != key(n.gone));
    }
    // The period just before: the tie of q and the museum, the event of r and q.
    let before = MapQuery {
        from: Some(day(2026, 8, 1)),
        to: Some(day(2026, 8, 31)),
        ..MapQuery::default()
    };
    let map = network::map(&storage, today(), &before).expect("before");
    assert_eq!(
        edge(&map, &key(n.q), &key(n.museum)).map(|e| e.ties.clone()),
        Some(vec![TieKind::Patronage])
    );
    let qr = edge(&map, &key(n.q), &key(n.r)).expect("q–r");
    assert_eq!(qr.joint_events, 1);
    assert!(edge(&map, "i", &key(n.museum)).is_none());
}

#[test]
fn the_default_period_is_the_current_school_year() {
    let (_dir, storage, _) = network();
    let by_default = network::map(&storage, today(), &MapQuery::default()).expect("map");
    let given = network::map(&storage, today(), &year()).expect("year");
    assert_eq!(by_default, given);
    let err = network::map(
        &storage,
        today(),
        &MapQuery {
            from: Some(day(2027, 1, 1)),
            to: Some(day(2026, 1, 1)),
            ..MapQuery::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("раньше даты начала"), "{err}");
}

#[test]
fn filters_by_type_relation_and_stage() {
    let (_dir, storage, n) = network();
    let only = |query: MapQuery| -> Vec<i64> {
        let map = network::map(&storage, today(), &query).expect("map");
        assert_eq!(map.nodes[0].key, "i", "the institution is always there");
        map.nodes.iter().filter_map(|n| n.partner_id).collect()
    };
    let museum = only(MapQuery {
        types: vec![PartnerType::CultureSport],
        ..year()
    });
    assert_eq!(museum, [n.museum]);
    let social = only(MapQuery {
        relations: vec![RelationKind::SocialPartnership],
        ..year()
    });
    assert_eq!(social, [n.museum]);
    let no_stage = only(MapQuery {
        stages: vec![0],
        ..year()
    });
    assert_eq!(no_stage, [n.r]);
    let schools_at_2 = only(MapQuery {
        types: vec![PartnerType::GeneralEducation],
        stages: vec![2],
        ..year()
    });
    assert_eq!(schools_at_2, [n.p, n.q]);
    // Edges only between what is shown: p alone keeps its edge to the
    // institution, not the one to q.
    let map = network::map(
        &storage,
        today(),
        &MapQuery {
            stages: vec![2],
            types: vec![PartnerType::GeneralEducation],
            ..year()
        },
    )
    .expect("map");
    assert!(map
        .edges
        .iter()
        .all(|e| map.nodes.iter().any(|x| x.key == e.source)
            && map.nodes.iter().any(|x| x.key == e.target)));
}

#[test]
fn the_same_data_gives_the_same_map() {
    let (_dir, storage, _) = network();
    let a = network::map(&storage, today(), &year()).expect("a");
    let b = network::map(&storage, today(), &year()).expect("b");
    assert_eq!(a, b);
    for (i, x) in a.nodes.iter().enumerate() {
        for y in &a.nodes[i + 1..] {
            let d = ((x.x - y.x).powi(2) + (x.y - y.y).powi(2)).sqrt();
            assert!(d >= x.size + y.size, "{} and {} overlap", x.key, y.key);
        }
    }
}

#[test]
fn the_map_of_the_demo_is_one_landscape_pdf_page_with_its_legend() {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let map = network::map(&storage, now().date(), &MapQuery::default()).expect("map");
    let title = network::map_pdf::title(&map);
    let year = partnernet::events::school_year::school_year_of(now().date());
    assert!(
        title.starts_with("Карта сети ")
            && title.ends_with(&format!("за {}/{} учебный год", year, year + 1)),
        "{title}"
    );
    let pdf = network::map_pdf::render(&map, &title, now()).expect("pdf");
    let again = network::map_pdf::render(&map, &title, now()).expect("pdf");
    assert_eq!(pdf, again, "the same map gives the same bytes");
    let path = dir.path().join("Карта сети.pdf");
    std::fs::write(&path, &pdf).expect("write");
    if let Ok(out) = std::env::var("MAP_PDF_OUT") {
        std::fs::write(out, &pdf).expect("keep");
    }
    let file = common::p(&path);
    common::run("qpdf", &["--check", file]);
    let info = common::run("pdfinfo", &[file]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")),
        "{info}"
    );
    assert!(info.contains("841.89 x 595.276"), "landscape A4: {info}");
    let text = common::run("pdftotext", &[file, "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = title.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&words), "{flat}");
    for l in &map.legend {
        assert!(flat.contains(&l.label), "legend «{}»: {flat}", l.label);
    }
    assert!(flat.contains("Наше учреждение"), "{flat}");
    assert!(flat.contains(&map.nodes[0].name), "{flat}");
    // The most active partner is named on the map.
    let busiest = map
        .nodes
        .iter()
        .skip(1)
        .max_by(|a, b| a.size.total_cmp(&b.size))
        .expect("partners");
    let short: String = busiest.name.chars().take(12).collect();
    assert!(flat.contains(&short), "«{}»: {flat}", busiest.name);
}

#[test]
fn the_cli_prints_the_map_with_the_health() {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    drop(storage);
    let out = common::cli(dir.path(), &["network", "--json", "--year", "2025"], None);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["year"], 2025, "the health's fields stay on top");
    let map = &json["map"];
    assert_eq!(map["from"], "2025-09-01");
    assert_eq!(map["to"], "2026-08-31");
    let partners = json["partners"].as_array().map_or(0, Vec::len);
    assert_eq!(map["nodes"].as_array().map(Vec::len), Some(partners + 1));
    let edges = map["edges"].as_array().cloned().unwrap_or_default();
    assert!(
        edges
            .iter()
            .any(|e| e["source"] != "i" && e["joint_events"].as_u64() > Some(0)),
        "two partners in one event: {map}"
    );
    for e in &edges {
        assert!(e["width"].as_f64().is_some_and(|w| w >= 1.0), "{e}");
    }
    let out = common::cli(dir.path(), &["network"], None);
    let text = common::text(&out.stdout);
    assert!(
        text.contains("Карта сети за учебный год: организаций"),
        "{text}"
    );
}
