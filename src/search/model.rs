//! What the one search (Ctrl+K) answers: the records found, grouped by kind,
//! each with what it opens; and the calendar's search over a whole period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::events::model::Occurrence;

/// The kinds of records the search finds, in the order the groups are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FoundKind {
    Partner,
    Person,
    Agreement,
    Event,
    Brochure,
}

impl FoundKind {
    pub const ALL: [FoundKind; 5] = [
        FoundKind::Partner,
        FoundKind::Person,
        FoundKind::Agreement,
        FoundKind::Event,
        FoundKind::Brochure,
    ];

    /// The group's heading.
    pub fn label(self) -> &'static str {
        match self {
            FoundKind::Partner => "Партнёры",
            FoundKind::Person => "Контактные лица",
            FoundKind::Agreement => "Договоры",
            FoundKind::Event => "Мероприятия",
            FoundKind::Brochure => "Брошюры",
        }
    }
}

/// What a found record opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FoundTarget {
    Partner {
        id: i64,
    },
    /// A contact person and the organisation whose card lists them.
    Person {
        id: i64,
        partner_id: i64,
    },
    Agreement {
        id: i64,
    },
    /// An event on the date of the occurrence to show: for a series the
    /// next one from today, or its last when all are past.
    Event {
        id: i64,
        date: NaiveDate,
    },
    Brochure {
        id: i64,
    },
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Found {
    pub title: String,
    /// A short line under the title: type, role, number, date…
    pub subtitle: String,
    pub open: FoundTarget,
}

/// The records of one kind, best first; `total` counts them all, `items`
/// are the first of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FoundGroup {
    pub kind: FoundKind,
    pub label: String,
    pub total: u32,
    pub items: Vec<Found>,
}

/// The answer to a query: only the kinds with something found, in the
/// order of [`FoundKind::ALL`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchResults {
    /// The query as searched (its first words when it was very long).
    pub query: String,
    pub groups: Vec<FoundGroup>,
}

/// The calendar's search over a whole period (a school year): the first
/// occurrences found, by date, and how many there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventMatches {
    pub occurrences: Vec<Occurrence>,
    pub total: u32,
}
