//! The network map's data (issue 11 §3): who is on it, how active each
//! organisation was in the period, what ties two of them. Computed by pure
//! functions over the health's inputs, loaded once; `map_layout` places the
//! nodes.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::health::Inputs;
use super::map_layout;
use super::model::{
    HealthFlag, HealthFlagKind, MapEdge, MapLegendItem, MapNode, MapQuery, NetworkMap,
};
use crate::agreements::in_force_during;
use crate::error::{CoreError, Result};
use crate::events::school_year::{school_year_of, school_year_range};
use crate::partners::model::{Partner, PartnerType, Tie, TieKind};

mod cut;
pub use cut::FOCUS_NEIGHBOURS;

pub use super::model::DEFAULT_LIMIT;

/// The key of the own institution's node.
pub const INSTITUTION_KEY: &str = "i";
/// The own institution's colour: dark, apart from the nine types.
pub const INSTITUTION_COLOR: &str = "#2f3e4e";
/// The longest period a map covers, in days (series are expanded over it).
const MAX_PERIOD_DAYS: i64 = 366 * 10;

/// Node radii in layout units: a partner without activity, the largest
/// partner, the institution.
pub const MIN_SIZE: f32 = 12.0;
pub const MAX_SIZE: f32 = 36.0;
pub const INSTITUTION_SIZE: f32 = 40.0;
/// Edge widths in layout units.
const MIN_WIDTH: f32 = 1.0;
const MAX_WIDTH: f32 = 8.0;

/// The colour of a partner type, `#rrggbb` (Tableau 10 without its grey):
/// the one palette of the map on screen and on paper.
pub fn type_color(t: PartnerType) -> &'static str {
    match t {
        PartnerType::GeneralEducation => "#4e79a7",
        PartnerType::AdditionalEducation => "#f28e2b",
        PartnerType::HigherEducation => "#76b7b2",
        PartnerType::CultureSport => "#e15759",
        PartnerType::MassMedia => "#59a14f",
        PartnerType::PublicOrganization => "#edc948",
        PartnerType::CreativeUnion => "#b07aa1",
        PartnerType::RealEconomy => "#ff9da7",
        PartnerType::ParentCommunity => "#9c755f",
    }
}

/// The nine types with their colours, in the registry's order.
pub fn legend() -> Vec<MapLegendItem> {
    PartnerType::ALL
        .iter()
        .map(|&t| MapLegendItem {
            partner_type: t,
            label: t.label().to_string(),
            color: type_color(t).to_string(),
        })
        .collect()
}

/// The period of a query: both dates as given; one missing is the start or
/// the end of the other's school year; none, the school year of `today`.
pub fn period(query: &MapQuery, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let (from, to) = match (query.from, query.to) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, school_year_range(school_year_of(f)).1),
        (None, Some(t)) => (school_year_range(school_year_of(t)).0, t),
        (None, None) => school_year_range(school_year_of(today)),
    };
    let fmt = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    if to < from {
        return Err(CoreError::BadInput(format!(
            "период карты: дата окончания {} раньше даты начала {}.",
            fmt(to),
            fmt(from)
        )));
    }
    if (to - from).num_days() > MAX_PERIOD_DAYS {
        return Err(CoreError::BadInput(format!(
            "период карты с {} по {} слишком длинный: выберите не больше десяти лет.",
            fmt(from),
            fmt(to)
        )));
    }
    Ok((from, to))
}

/// The school year `from..=to` is exactly, if it is one.
pub fn whole_school_year(from: NaiveDate, to: NaiveDate) -> Option<i32> {
    let year = school_year_of(from);
    (school_year_range(year) == (from, to)).then_some(year)
}

/// The file name of the map of `query` without extension: «Карта сети
/// 2026-2027» for a school year, «Карта сети 01.10.2026-31.12.2026» for
/// other dates, «Карта сети» when the period is not given.
pub fn file_stem(query: &MapQuery) -> String {
    match (query.from, query.to) {
        (Some(from), Some(to)) => match whole_school_year(from, to) {
            Some(y) => format!("Карта сети {y}-{}", y + 1),
            None => format!(
                "Карта сети {}-{}",
                from.format("%d.%m.%Y"),
                to.format("%d.%m.%Y")
            ),
        },
        _ => "Карта сети".to_string(),
    }
}

/// A declared tie in force at some day of `from..=to`.
fn tie_during(t: &Tie, from: NaiveDate, to: NaiveDate) -> bool {
    t.start_date <= to && t.end_date.is_none_or(|e| e >= from)
}

/// Whether a partner passes the map's filters (empty lists: all).
pub fn passes(p: &Partner, query: &MapQuery) -> bool {
    let d = &p.data;
    (query.types.is_empty() || query.types.contains(&d.partner_type))
        && (query.relations.is_empty() || query.relations.contains(&d.relation_kind))
        && (query.stages.is_empty() || query.stages.contains(&d.stage.unwrap_or(0)))
}

/// Radius of a node with `events` occurrences and `agreements` agreements:
/// the square root of the activity, so a few very active partners do not
/// dwarf the rest; bounded.
pub fn node_size(events: u32, agreements: u32) -> f32 {
    let activity = f64::from(events) + 2.0 * f64::from(agreements);
    (MIN_SIZE + 4.0 * activity.sqrt() as f32).min(MAX_SIZE)
}

/// Stroke width of an edge with `n` joint events and agreements; bounded.
pub fn edge_width(n: u32) -> f32 {
    (MIN_WIDTH + f64::from(n).sqrt() as f32).min(MAX_WIDTH)
}

/// What is counted on an edge while the map is built.
#[derive(Default)]
struct Tally {
    ties: Vec<TieKind>,
    events: u32,
    agreements: u32,
}

/// Node indices: 0 is the institution, partners from 1 in map order.
type Pair = (usize, usize);

fn pair(a: usize, b: usize) -> Pair {
    (a.min(b), a.max(b))
}

/// Adds one to every pair of `nodes` (the institution included) for an
/// occurrence or an agreement they share.
fn tally_all(edges: &mut BTreeMap<Pair, Tally>, nodes: &[usize], agreement: bool) {
    for (i, &a) in nodes.iter().enumerate() {
        let with_institution = edges.entry(pair(0, a)).or_default();
        bump(with_institution, agreement);
        for &b in &nodes[i + 1..] {
            bump(edges.entry(pair(a, b)).or_default(), agreement);
        }
    }
}

fn bump(t: &mut Tally, agreement: bool) {
    if agreement {
        t.agreements += 1;
    } else {
        t.events += 1;
    }
}

/// What the period holds for the nodes (index 0: the institution, then
/// the shown partners from 1): their occurrences and agreements, and the
/// edges between them.
struct Counts {
    events: Vec<u32>,
    agreements: Vec<u32>,
    edges: BTreeMap<Pair, Tally>,
}

/// Counts the period's occurrences, agreements and ties of the nodes
/// `index` numbers (partner id → node index).
fn count(inputs: &Inputs, index: &HashMap<i64, usize>, from: NaiveDate, to: NaiveDate) -> Counts {
    let on_map = |ids: &mut dyn Iterator<Item = i64>| -> Vec<usize> {
        let mut v: Vec<usize> = ids.filter_map(|id| index.get(&id).copied()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let n = index.len() + 1;
    let mut c = Counts {
        events: vec![0; n],
        agreements: vec![0; n],
        edges: BTreeMap::new(),
    };
    for o in inputs
        .occurrences
        .iter()
        .filter(|o| o.status.takes_place() && o.date >= from && o.date <= to)
    {
        let nodes = on_map(&mut o.partner_ids.iter().copied());
        // The institution takes part in every joint occurrence on the map.
        c.events[0] += u32::from(!nodes.is_empty());
        for &i in &nodes {
            c.events[i] += 1;
        }
        tally_all(&mut c.edges, &nodes, false);
    }
    for (a, history) in &inputs.agreements {
        if !in_force_during(a, history, from, to, inputs.today) {
            continue;
        }
        let nodes = on_map(&mut a.data.parties.iter().map(|p| p.partner_id));
        c.agreements[0] += u32::from(!nodes.is_empty());
        for &i in &nodes {
            c.agreements[i] += 1;
        }
        tally_all(&mut c.edges, &nodes, true);
    }
    let side = |id: Option<i64>| match id {
        None => Some(0),
        Some(id) => index.get(&id).copied(),
    };
    for t in inputs.ties.iter().filter(|t| tie_during(t, from, to)) {
        if let (Some(a), Some(b)) = (side(t.first_id), side(t.second_id)) {
            if a != b {
                let e = c.edges.entry(pair(a, b)).or_default();
                if !e.ties.contains(&t.kind) {
                    e.ties.push(t.kind);
                }
            }
        }
    }
    c
}

/// Each partner's flag kinds, in the health's order, once each.
fn flag_kinds(flags: &[HealthFlag]) -> HashMap<i64, Vec<HealthFlagKind>> {
    let mut kinds: HashMap<i64, Vec<HealthFlagKind>> = HashMap::new();
    for f in flags {
        if let Some(id) = f.partner_id {
            let v = kinds.entry(id).or_default();
            if !v.contains(&f.kind) {
                v.push(f.kind);
            }
        }
    }
    kinds
}

/// A partner's node with its counts and flags, not yet placed.
fn partner_node(p: &Partner, events: u32, agreements: u32, flags: Vec<HealthFlagKind>) -> MapNode {
    MapNode {
        key: format!("p{}", p.id),
        partner_id: Some(p.id),
        name: p.data.short_name.clone(),
        partner_type: Some(p.data.partner_type),
        relation: Some(p.data.relation_kind),
        stage: p.data.stage,
        color: type_color(p.data.partner_type).to_string(),
        events,
        agreements,
        size: node_size(events, agreements),
        x: 0.0,
        y: 0.0,
        flags,
    }
}

/// The map for `from..=to`: the institution and the partners the cut keeps
/// of those passing the filters (by short name), their counts, sizes and
/// `flags` (the health's), the edges between them, laid out; how many
/// passed and how many the cut left out.
pub fn compute(
    inputs: &Inputs,
    flags: &[HealthFlag],
    from: NaiveDate,
    to: NaiveDate,
    query: &MapQuery,
) -> NetworkMap {
    let cut = cut::cut(inputs, query, from, to);
    let mut shown = cut.shown.clone();
    shown.sort_by(|a, b| (&a.data.short_name, a.id).cmp(&(&b.data.short_name, b.id)));
    let index: HashMap<i64, usize> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i + 1))
        .collect();
    let c = count(inputs, &index, from, to);
    let mut kinds = flag_kinds(flags);
    let key = |i: usize| match i {
        0 => INSTITUTION_KEY.to_string(),
        i => format!("p{}", shown[i - 1].id),
    };
    let (events, agreements) = cut.institution;
    let mut nodes = vec![MapNode {
        key: key(0),
        partner_id: None,
        name: inputs.institution.clone(),
        partner_type: None,
        relation: None,
        stage: None,
        color: INSTITUTION_COLOR.to_string(),
        events,
        agreements,
        size: INSTITUTION_SIZE,
        x: 0.0,
        y: 0.0,
        flags: Vec::new(),
    }];
    for (i, p) in shown.iter().enumerate() {
        let own = kinds.remove(&p.id).unwrap_or_default();
        nodes.push(partner_node(p, c.events[i + 1], c.agreements[i + 1], own));
    }
    let edges = c
        .edges
        .into_iter()
        .map(|((a, b), mut t)| {
            t.ties
                .sort_by_key(|k| TieKind::ALL.iter().position(|x| x == k));
            MapEdge {
                source: key(a),
                target: key(b),
                ties: t.ties,
                joint_events: t.events,
                joint_agreements: t.agreements,
                width: edge_width(t.events + t.agreements),
            }
        })
        .collect();
    map_layout::place(&mut nodes);
    NetworkMap {
        from,
        to,
        nodes,
        edges,
        passed: cut.passed,
        hidden: cut.hidden,
        focus: cut.focus.map(|p| format!("p{}", p.id)),
        note: cut::note(&cut),
        legend: legend(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn query(from: Option<NaiveDate>, to: Option<NaiveDate>) -> MapQuery {
        MapQuery {
            from,
            to,
            ..MapQuery::default()
        }
    }

    #[test]
    fn the_period_defaults_to_school_years() {
        let today = day(2027, 3, 15);
        let year = (day(2026, 9, 1), day(2027, 8, 31));
        assert_eq!(period(&query(None, None), today).ok(), Some(year));
        assert_eq!(
            period(&query(Some(day(2026, 10, 1)), None), today).ok(),
            Some((day(2026, 10, 1), day(2027, 8, 31)))
        );
        assert_eq!(
            period(&query(None, Some(day(2026, 12, 31))), today).ok(),
            Some((day(2026, 9, 1), day(2026, 12, 31)))
        );
        let one_day = Some(day(2026, 10, 1));
        assert!(period(&query(one_day, one_day), today).is_ok());
        assert!(period(&query(Some(day(2026, 10, 2)), one_day), today).is_err());
        assert!(period(&query(Some(day(2000, 1, 1)), Some(day(2030, 1, 1))), today).is_err());
    }

    #[test]
    fn file_names_say_the_period() {
        let year = query(Some(day(2026, 9, 1)), Some(day(2027, 8, 31)));
        assert_eq!(file_stem(&year), "Карта сети 2026-2027");
        let autumn = query(Some(day(2026, 9, 1)), Some(day(2026, 12, 31)));
        assert_eq!(file_stem(&autumn), "Карта сети 01.09.2026-31.12.2026");
        assert_eq!(file_stem(&MapQuery::default()), "Карта сети");
    }

    #[test]
    fn sizes_and_widths_grow_and_stay_bounded() {
        assert_eq!(node_size(0, 0), MIN_SIZE);
        assert!(node_size(4, 0) > node_size(1, 0));
        assert!(
            node_size(0, 1) > node_size(1, 0),
            "an agreement weighs two events"
        );
        assert_eq!(node_size(100_000, 100), MAX_SIZE);
        assert_eq!(edge_width(0), MIN_WIDTH);
        assert!(edge_width(9) > edge_width(1));
        assert_eq!(edge_width(1_000_000), MAX_WIDTH);
    }
}
