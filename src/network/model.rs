//! The network's health (issue 11 §4): the types that cross the boundary.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::partners::model::{PartnerType, RelationKind};

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HealthFlagKind {
    /// No joint event and no agreement activity for the dormant window.
    Dormant,
    /// The partner is reached through one contact person only.
    SingleContact,
    /// Joint events go on after the partner's agreement ended.
    NoLegalBasis,
    /// A deficit of the institution no partner's resource covers.
    UncoveredDeficit,
    /// The partner's resources cover none of the institution's deficits.
    IdleResources,
}

/// One problem of the network, with what is wrong and what fixes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HealthFlag {
    pub kind: HealthFlagKind,
    /// The partner concerned (none for an uncovered deficit).
    pub partner_id: Option<i64>,
    /// The partner's short name, or the deficit for an uncovered deficit.
    pub subject: String,
    /// The agreement concerned (for [`HealthFlagKind::NoLegalBasis`]).
    pub agreement_id: Option<i64>,
    /// A Russian sentence: what is wrong, and what fixes it.
    pub message: String,
}

/// A partner named in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartnerRef {
    pub partner_id: i64,
    pub short_name: String,
}

/// One partner's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartnerHealth {
    pub partner_id: i64,
    pub short_name: String,
    pub partner_type: PartnerType,
    pub stage: Option<u8>,
    /// The last joint event (held or planned, up to today), agreement
    /// status change, dated note, or start or end of a tie, up to today;
    /// none when there was none.
    pub last_interaction: Option<NaiveDate>,
    /// Occurrences of the school year still planned.
    pub events_planned: u32,
    /// Occurrences of the school year held.
    pub events_held: u32,
    /// Planned participants over the year's planned and held occurrences.
    pub participants_planned: i64,
    /// Actual participants over the year's held occurrences.
    pub participants_actual: i64,
    /// Agreements with this partner in force (действует, продлён).
    pub agreements_in_force: u32,
    pub contacts: u32,
}

/// How many partners are at a stage (`None`: no stage yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StageCount {
    pub stage: Option<u8>,
    pub label: String,
    pub partners: u32,
}

/// The network's health for a school year, as of a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NetworkHealth {
    /// The school year, named by the year it starts in (2026 = 2026/2027).
    pub year: i32,
    pub today: NaiveDate,
    /// The dormant window used, in months.
    pub dormant_months: u32,
    /// Live partners by short name.
    pub partners: Vec<PartnerHealth>,
    pub flags: Vec<HealthFlag>,
    /// The institution's deficits no partner's resource covers.
    pub uncovered_deficits: Vec<String>,
    /// Partners with resources of which none covers a deficit.
    pub idle_resources_partners: Vec<PartnerRef>,
    /// Occurrences of the school year (planned or held) with at least one partner.
    pub year_occurrences: u32,
    /// The five partners with the most of those occurrences, most first.
    pub top5: Vec<PartnerRef>,
    /// The share (0..=1) of those occurrences with at least one of the
    /// [`NetworkHealth::top5`]; none when the year has no such occurrence.
    pub concentration_top5_share: Option<f64>,
    /// Partners by stage: no stage, then 1 to 3.
    pub by_stage: Vec<StageCount>,
    /// Partners whose stage went up during the school year (by the history).
    pub moved_up: u32,
}

/// What a line of a partner's timeline is about (issue 11 §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// An occurrence of a joint event (held, planned, postponed, cancelled).
    Event,
    /// An agreement the partner is a party of.
    Agreement,
    /// A status change of such an agreement.
    AgreementStatus,
    /// The start or the end of a tie with another organisation.
    Tie,
    /// A change of the partnership stage.
    Stage,
    /// Other changes of the partner's card.
    Change,
    /// A dated note of the interaction.
    Note,
}

impl TimelineKind {
    pub const ALL: [TimelineKind; 7] = [
        TimelineKind::Event,
        TimelineKind::Agreement,
        TimelineKind::AgreementStatus,
        TimelineKind::Tie,
        TimelineKind::Stage,
        TimelineKind::Change,
        TimelineKind::Note,
    ];

    /// The Russian name of the kind, for the filter's chips.
    pub fn label(self) -> &'static str {
        match self {
            TimelineKind::Event => "мероприятия",
            TimelineKind::Agreement => "договоры и соглашения",
            TimelineKind::AgreementStatus => "статусы документов",
            TimelineKind::Tie => "связи",
            TimelineKind::Stage => "этапы партнёрства",
            TimelineKind::Change => "изменения карточки",
            TimelineKind::Note => "записи о взаимодействии",
        }
    }
}

/// What a timeline line opens.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimelineTarget {
    /// One occurrence: the event and the occurrence's key date.
    Event {
        id: i64,
        date: NaiveDate,
    },
    Agreement {
        id: i64,
    },
    Tie {
        id: i64,
    },
    Note {
        id: i64,
    },
    /// The partner card's history, at this history entry.
    History {
        id: i64,
    },
}

/// One line of a partner's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEntry {
    pub date: NaiveDate,
    /// The time, when it is known (timed events, changes of the card).
    pub time: Option<chrono::NaiveTime>,
    pub kind: TimelineKind,
    /// A Russian title: «Семинар …», «Соглашение № 4/2026 — подписан».
    pub title: String,
    /// A Russian detail line.
    pub detail: String,
    pub target: TimelineTarget,
}

/// Which lines of the timeline to show: empty `kinds` means all; the
/// dates are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TimelineFilter {
    pub kinds: Vec<TimelineKind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// How many partners the map shows when the query does not say: the most
/// active in the period.
pub const DEFAULT_LIMIT: u32 = 150;

/// What the network map shows (issue 11 §3): a period and filters. Empty
/// lists mean «all».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MapQuery {
    /// The first day of the period. Both none: the current school year; one
    /// none: the start or the end of the other's school year.
    pub from: Option<NaiveDate>,
    /// The last day of the period (inclusive).
    pub to: Option<NaiveDate>,
    pub types: Vec<PartnerType>,
    pub relations: Vec<RelationKind>,
    /// Stages 1–3; 0 stands for «no stage yet».
    pub stages: Vec<u8>,
    /// At most this many partners of those passing the filters, the most
    /// active in the period (10 000 circles are not a map); `null`: all of
    /// them. Left out, [`DEFAULT_LIMIT`].
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
    /// A partner put on the map whatever the cut, with its direct
    /// neighbours in the period (those passing the filters).
    #[ts(optional = nullable)]
    pub focus: Option<i64>,
}

impl Default for MapQuery {
    fn default() -> Self {
        MapQuery {
            from: None,
            to: None,
            types: Vec::new(),
            relations: Vec::new(),
            stages: Vec::new(),
            limit: Some(DEFAULT_LIMIT),
            focus: None,
        }
    }
}

/// The network map of a period: organisations and what ties them, with a
/// stable layout (the same data gives the same picture).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NetworkMap {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The own institution first, then partners by short name.
    pub nodes: Vec<MapNode>,
    /// Edges between nodes on the map only.
    pub edges: Vec<MapEdge>,
    /// Partners passing the filters, on the map or not.
    pub passed: u32,
    /// Of those, how many the cut left off the map.
    pub hidden: u32,
    /// The key of the focused partner's node, when it is on the map.
    pub focus: Option<String>,
    /// What the cut left out, in Russian («Показаны 150 самых активных
    /// партнёров из 10 046.»); none when every partner passing is shown.
    pub note: Option<String>,
    /// The nine partner types with their colours, in the registry's order:
    /// the one palette of the map, the UI's and the PDF's.
    pub legend: Vec<MapLegendItem>,
}

/// A partner type and its colour on the map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MapLegendItem {
    pub partner_type: PartnerType,
    pub label: String,
    /// `#rrggbb`.
    pub color: String,
}

/// One organisation on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapNode {
    /// `"i"` for the own institution, `"p<id>"` for a partner.
    pub key: String,
    pub partner_id: Option<i64>,
    /// The short name.
    pub name: String,
    /// None for the own institution.
    pub partner_type: Option<PartnerType>,
    pub relation: Option<RelationKind>,
    pub stage: Option<u8>,
    /// The fill colour, `#rrggbb`: the type's, or the institution's own.
    pub color: String,
    /// Occurrences (planned, held) with this organisation in the period;
    /// for the institution, those with a partner passing the filters.
    pub events: u32,
    /// Agreements with it in force at some day of the period; for the
    /// institution, those with a partner passing the filters.
    pub agreements: u32,
    /// Radius in layout units, growing with activity.
    pub size: f32,
    /// Position in layout units; the institution at (0, 0).
    pub x: f32,
    pub y: f32,
    /// The health flags of this partner (none for the institution).
    pub flags: Vec<HealthFlagKind>,
}

/// What ties two organisations in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapEdge {
    pub source: String,
    pub target: String,
    /// Declared ties in force at some day of the period.
    pub ties: Vec<crate::partners::model::TieKind>,
    /// Occurrences in the period both took part in.
    pub joint_events: u32,
    /// Agreements in force in the period both are parties of.
    pub joint_agreements: u32,
    /// Stroke width in layout units, thicker with more joint activity.
    pub width: f32,
}

/// How many flags of a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FlagCount {
    pub kind: HealthFlagKind,
    pub n: u32,
}

/// A partner's line in the partners list: its last interaction and the
/// kinds of its flags, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartnerMark {
    pub partner_id: i64,
    pub last_interaction: Option<NaiveDate>,
    pub flags: Vec<HealthFlagKind>,
}

/// What the app's pages show of the network's health: the figures, the
/// counts by kind, the first flags in order and a mark per partner. On
/// 10 000 partners the whole [`NetworkHealth`] is megabytes of JSON (a row
/// and a sentence per partner) the window parsed at every visit; a
/// partner's flags are asked for when shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HealthView {
    pub year: i32,
    pub today: NaiveDate,
    pub dormant_months: u32,
    /// Live partners.
    pub partners_count: u32,
    /// The kinds present, most urgent first.
    pub flag_counts: Vec<FlagCount>,
    pub flags_total: u32,
    /// The first flags, in the order they are shown (kind, then subject).
    pub flags: Vec<HealthFlag>,
    /// Every live partner with an interaction or a flag.
    pub marks: Vec<PartnerMark>,
    pub uncovered_deficits: Vec<String>,
    pub year_occurrences: u32,
    pub top5: Vec<PartnerRef>,
    pub concentration_top5_share: Option<f64>,
    pub by_stage: Vec<StageCount>,
    pub moved_up: u32,
}
