//! The network map at scale (issue 13 §3) on a real SQLite file of 1 000
//! partners: the map shows the most active partners passing the filters,
//! at most the query's limit, counted and ranked as the test counts them
//! independently; it says how many were left out; a focused partner comes
//! with its direct neighbours; edges join shown nodes only; the layout of
//! the cut is fast and stable, and the whole network still lays out.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::Instant;

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
    map::DEFAULT_LIMIT,
    map_layout::GAP,
    model::{MapNode, MapQuery, NetworkMap},
};
use partnernet::organisation::model::Requisites;
use partnernet::partners::model::{PartnerInput, PartnerType, TieInput, TieKind};
use partnernet::{partners, Storage};

const PARTNERS: usize = 1000;
/// Partners with a weekly series of their own.
const WITH_SERIES: usize = 400;

fn today() -> NaiveDate {
    day(2026, 12, 12)
}

fn year() -> MapQuery {
    MapQuery {
        from: Some(day(2026, 9, 1)),
        to: Some(day(2027, 8, 31)),
        ..MapQuery::default()
    }
}

/// What the test itself counted for each partner: occurrences, agreements,
/// declared ties in the period.
#[derive(Default, Clone, Copy)]
struct Counted {
    events: u32,
    agreements: u32,
    ties: u32,
}

struct Big {
    ids: Vec<i64>,
    names: HashMap<i64, String>,
    types: HashMap<i64, PartnerType>,
    counted: HashMap<i64, Counted>,
    /// Occurrences in the period with any partner, agreements in force.
    institution: (u32, u32),
    /// Pairs of partners that shared an event.
    joint: Vec<(i64, i64)>,
}

fn weekly(storage: &Storage, ids: &[i64], start: NaiveDate, count: u32) -> EventInput {
    let start = start.and_hms_opt(15, 0, 0).expect("time");
    EventInput {
        form_id: events::forms(storage).expect("forms")[0].id,
        title: "Кружок".into(),
        start,
        end: start + Duration::hours(1),
        partner_ids: ids.to_vec(),
        recurrence: (count > 1).then(|| Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![start.date().format("%u").to_string().parse().unwrap_or(1)],
            count: Some(count),
            until: None,
        }),
        status: EventStatus::Planned,
        ..EventInput::default()
    }
}

fn agreement(storage: &mut Storage, ids: &[i64]) {
    let input = AgreementInput {
        subject: "Сотрудничество".into(),
        parties: parties(ids),
        start_date: Some(day(2025, 9, 1)),
        end_date: Some(day(2027, 12, 31)),
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
}

/// 1 000 partners of all nine types; 400 with a weekly series of 1–23
/// occurrences; 20 with an agreement; 30 with a declared tie to the
/// institution; 60 events joining a partner of the series with one without.
fn big() -> (tempfile::TempDir, Storage, Big) {
    let (dir, mut storage) = open();
    let mut b = Big {
        ids: Vec::new(),
        names: HashMap::new(),
        types: HashMap::new(),
        counted: HashMap::new(),
        institution: (0, 0),
        joint: Vec::new(),
    };
    for i in 0..PARTNERS {
        let t = PartnerType::ALL[i % 9];
        // Names out of the activity's order: the cut must not be by name.
        let mut input = PartnerInput {
            partner_type: t,
            stage_reached_on: None,
            ..school(((i * 7919) % 49_999) as u32 + 1)
        };
        if t == PartnerType::ParentCommunity {
            input.requisites = Requisites::default();
        }
        let p = partners::create(&mut storage, input, at(2025, 1, 10, 9)).expect("partner");
        b.names.insert(p.id, p.data.short_name.clone());
        b.types.insert(p.id, t);
        b.counted.insert(p.id, Counted::default());
        b.ids.push(p.id);
    }
    let ids = b.ids.clone();
    for (i, &id) in ids.iter().enumerate().take(WITH_SERIES) {
        let count = ((i * 37) % 23) as u32 + 1;
        let input = weekly(&storage, &[id], day(2026, 10, 5), count);
        events::create(&mut storage, input, now()).expect("series");
        b.counted.entry(id).or_default().events += count;
        b.institution.0 += count;
    }
    for k in 0..20 {
        let id = ids[k * 5 + 1];
        agreement(&mut storage, &[id]);
        b.counted.entry(id).or_default().agreements += 1;
        b.institution.1 += 1;
    }
    for k in 0..30 {
        let id = ids[k * 3 + 2];
        let tie = TieInput {
            first_id: None,
            second_id: Some(id),
            kind: TieKind::Patronage,
            start_date: Some(day(2026, 9, 1)),
            end_date: None,
            note: String::new(),
        };
        partners::ties::add(&mut storage, tie, now()).expect("tie");
        b.counted.entry(id).or_default().ties += 1;
    }
    for k in 0..60 {
        let (a, z) = (ids[k], ids[WITH_SERIES + 100 + k * 7]);
        let input = weekly(&storage, &[a, z], day(2026, 11, 10), 1);
        events::create(&mut storage, input, now()).expect("joint");
        b.counted.entry(a).or_default().events += 1;
        b.counted.entry(z).or_default().events += 1;
        b.institution.0 += 1;
        b.joint.push((a, z));
    }
    (dir, storage, b)
}

impl Big {
    /// The partners the map should show for `limit` of those of `types`,
    /// ranked as the rule says, counted here.
    fn top(&self, types: &[PartnerType], limit: usize) -> BTreeSet<i64> {
        let mut v: Vec<i64> = self
            .ids
            .iter()
            .copied()
            .filter(|id| types.is_empty() || types.contains(&self.types[id]))
            .collect();
        v.sort_by_key(|id| {
            let c = self.counted[id];
            (
                std::cmp::Reverse(c.events + 2 * c.agreements),
                std::cmp::Reverse(c.ties),
                self.names[id].clone(),
                *id,
            )
        });
        v.into_iter().take(limit).collect()
    }
}

fn shown(map: &NetworkMap) -> BTreeSet<i64> {
    map.nodes.iter().filter_map(|n| n.partner_id).collect()
}

/// Whether an edge joins partners `a` and `z`.
fn joins(map: &NetworkMap, a: i64, z: i64) -> bool {
    let (a, z) = (format!("p{a}"), format!("p{z}"));
    map.edges
        .iter()
        .any(|e| (e.source == a && e.target == z) || (e.source == z && e.target == a))
}

/// Every edge joins two nodes on the map.
fn assert_edges_join_shown(map: &NetworkMap) {
    let keys: HashSet<&str> = map.nodes.iter().map(|n| n.key.as_str()).collect();
    for e in &map.edges {
        assert!(
            keys.contains(e.source.as_str()) && keys.contains(e.target.as_str()),
            "edge {} — {} has an end off the map",
            e.source,
            e.target
        );
    }
}

/// No two nodes overlap (a sweep along x).
fn assert_apart(nodes: &[MapNode]) {
    let mut v: Vec<&MapNode> = nodes.iter().collect();
    v.sort_by(|a, b| a.x.total_cmp(&b.x));
    let reach = v.iter().map(|n| n.size).fold(0.0f32, f32::max) * 2.0 + GAP;
    for (i, a) in v.iter().enumerate() {
        assert!(a.x.is_finite() && a.y.is_finite(), "{} placed", a.key);
        for b in v[i + 1..].iter().take_while(|b| b.x - a.x < reach) {
            let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            assert!(
                d >= a.size + b.size + GAP * 0.9,
                "{} and {} overlap",
                a.key,
                b.key
            );
        }
    }
}

#[test]
fn a_thousand_partners_the_map_shows_the_most_active_says_so_and_focuses() {
    let (_dir, storage, b) = big();
    let t = Instant::now();
    let map = network::map(&storage, today(), &year()).expect("map");
    let took = t.elapsed();

    // The cut: the 150 most active, counted and ranked here.
    let limit = DEFAULT_LIMIT as usize;
    assert_eq!(map.nodes.len(), 1 + limit);
    assert_eq!(shown(&map), b.top(&[], limit));
    assert_eq!(map.passed, PARTNERS as u32);
    assert_eq!(map.hidden, (PARTNERS - limit) as u32);
    assert_eq!(map.focus, None);
    assert_eq!(
        map.note.as_deref(),
        Some("Показаны 150 самых активных партнёров из 1000.")
    );
    // Each shown node's counts are the test's; the institution's cover every partner.
    for n in map.nodes.iter().skip(1) {
        let c = b.counted[&n.partner_id.expect("partner")];
        assert_eq!(
            (n.events, n.agreements),
            (c.events, c.agreements),
            "{}",
            n.key
        );
    }
    assert_eq!(map.nodes[0].key, "i");
    assert_eq!(
        (map.nodes[0].events, map.nodes[0].agreements),
        b.institution
    );
    // Partners after the institution by short name.
    let names: Vec<&str> = map.nodes[1..].iter().map(|n| n.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);

    // Edges only between nodes on the map: the joint events with partners
    // left out draw nothing, the institution's ties to shown ones do.
    assert_edges_join_shown(&map);
    let on = shown(&map);
    for &(a, z) in &b.joint {
        let drawn = joins(&map, a, z);
        assert_eq!(drawn, on.contains(&a) && on.contains(&z), "{a} — {z}");
    }

    // The layout of the cut: apart, the same on a second call, fast.
    assert_apart(&map.nodes);
    assert_eq!(
        network::map(&storage, today(), &year()).expect("again"),
        map
    );
    assert!(
        took.as_millis() < 3000,
        "the map of 1 000 partners took {took:?}"
    );
}

#[test]
fn more_all_filters_and_focus() {
    let (_dir, storage, b) = big();
    let with = |q: MapQuery| network::map(&storage, today(), &q).expect("map");

    // The order of the cut, one partner more at a time: occurrences + 2 ×
    // agreements, then declared ties, then the name.
    for k in 1..=60u32 {
        let cut = with(MapQuery {
            limit: Some(k),
            ..year()
        });
        assert_eq!(shown(&cut), b.top(&[], k as usize), "limit {k}");
    }

    // «Показать больше»: 500; «все»: every partner, nothing said.
    let five = with(MapQuery {
        limit: Some(500),
        ..year()
    });
    assert_eq!(shown(&five), b.top(&[], 500));
    assert_eq!(five.hidden, 500);
    assert!(five
        .note
        .as_deref()
        .is_some_and(|n| n.starts_with("Показаны 500 ")));
    let t = Instant::now();
    let all = with(MapQuery {
        limit: None,
        ..year()
    });
    assert!(t.elapsed().as_secs() < 10, "all: {:?}", t.elapsed());
    assert_eq!(all.nodes.len(), 1 + PARTNERS);
    assert_eq!((all.passed, all.hidden, all.note.clone()), (1000, 0, None));
    assert_edges_join_shown(&all);
    assert_apart(&all.nodes);

    // Filters before the cut: of one type, the most active of that type.
    let culture = [PartnerType::CultureSport];
    let of_type = with(MapQuery {
        types: culture.to_vec(),
        limit: Some(50),
        ..year()
    });
    let passing = b.ids.iter().filter(|id| b.types[id] == culture[0]).count();
    assert_eq!(of_type.passed as usize, passing);
    assert_eq!(shown(&of_type), b.top(&culture, 50));
    assert_eq!(of_type.hidden as usize, passing - 50);

    // Focus: a partner the cut left out comes with its neighbour, selected.
    let (a, z) = b.joint[59];
    let top = b.top(&[], 150);
    assert!(
        top.contains(&a) && !top.contains(&z),
        "z is left out by the cut"
    );
    let focused = with(MapQuery {
        focus: Some(z),
        ..year()
    });
    assert_eq!(focused.focus, Some(format!("p{z}")));
    assert!(shown(&focused).contains(&z));
    assert_eq!(shown(&focused).len(), 151, "a is on it already");
    assert_eq!(focused.hidden, 849);
    assert!(joins(&focused, a, z));
    let name = &b.names[&z];
    assert_eq!(
        focused.note.as_deref(),
        Some(
            format!(
                "Показаны 150 самых активных партнёров из 1000, а также «{name}» и связанные с ним партнёры."
            )
            .as_str()
        )
    );
    // Its neighbour comes too when the cut left it out: a focus on `a` with
    // a limit of 0 shows a and z.
    let only = with(MapQuery {
        focus: Some(a),
        limit: Some(0),
        ..year()
    });
    assert_eq!(shown(&only), BTreeSet::from([a, z]));
    assert_edges_join_shown(&only);
    // A focus the filters leave out is shown all the same; an unknown one is ignored.
    let other = b
        .ids
        .iter()
        .copied()
        .find(|id| b.types[id] != culture[0])
        .expect("other");
    let outside = with(MapQuery {
        types: culture.to_vec(),
        focus: Some(other),
        ..year()
    });
    assert!(shown(&outside).contains(&other));
    assert_eq!(outside.focus, Some(format!("p{other}")));
    let unknown = with(MapQuery {
        focus: Some(999_999),
        ..year()
    });
    assert_eq!((unknown.focus, unknown.nodes.len()), (None, 151));
}

#[test]
fn the_pdf_and_the_cli_follow_the_cut() {
    let (dir, storage, _b) = big();
    let map = network::map(&storage, today(), &year()).expect("map");
    let pdf = network::map_pdf::render(&map, &network::map_pdf::title(&map), now()).expect("pdf");
    let file = dir.path().join("map.pdf");
    std::fs::write(&file, pdf).expect("write");
    let text = common::run("pdftotext", &[common::p(&file), "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Организаций-партнёров на карте: 150;")
            && flat.contains("Показаны 150 самых активных партнёров из 1000."),
        "{flat}"
    );
    assert!(network::map_pdf::caption(&map).contains("Показаны 150 самых активных"));
    drop(storage);

    // The CLI's JSON is the whole network, laid out.
    let t = Instant::now();
    let out = common::cli(dir.path(), &["network", "--json"], None);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["map"]["nodes"].as_array().map(Vec::len),
        Some(1 + PARTNERS)
    );
    assert_eq!(v["map"]["hidden"], 0);
    assert!(t.elapsed().as_secs() < 20, "cli: {:?}", t.elapsed());
}

/// The layout alone on 10 000 organisations: it must not need the cut to
/// finish (the CLI's map is the whole network).
#[test]
fn ten_thousand_organisations_lay_out_apart_in_time() {
    let mut nodes = vec![MapNode {
        key: "i".into(),
        partner_id: None,
        name: "Учреждение".into(),
        partner_type: None,
        relation: None,
        stage: None,
        color: String::new(),
        events: 0,
        agreements: 0,
        size: 40.0,
        x: f32::NAN,
        y: f32::NAN,
        flags: Vec::new(),
    }];
    for i in 1..=10_000i64 {
        let u = i as usize;
        nodes.push(MapNode {
            key: format!("p{i}"),
            partner_id: Some(i),
            name: format!("Партнёр № {i}"),
            partner_type: Some(PartnerType::ALL[(u * u + u / 7) % 9]),
            size: 12.0 + ((u * 37) % 25) as f32,
            ..nodes[0].clone()
        });
    }
    let t = Instant::now();
    network::map_layout::place(&mut nodes);
    let took = t.elapsed();
    assert!(took.as_secs_f32() < 5.0, "10 000 nodes placed in {took:?}");
    assert_apart(&nodes);
    let mut again = nodes.clone();
    again.reverse();
    network::map_layout::place(&mut again);
    again.sort_by_key(|n| n.partner_id);
    nodes.sort_by_key(|n| n.partner_id);
    assert_eq!(again, nodes);
}
