//! What a person is in «Контакты»: the types that cross the boundary to the
//! UI and the CLI. A person is one record however many organisations they
//! belong to; each membership has its own role, phone and e-mail.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One organisation a person belongs to, as its card shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Membership {
    pub partner_id: i64,
    /// The partner's short name (its full name when that is empty).
    pub partner_name: String,
    /// The partner is in the trash: shown, not counted among the live ones.
    pub partner_trashed: bool,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// How many organisations a line of the list carries: a person of hundreds
/// (a parent council's chair everywhere) would weigh on the whole list.
pub const SHOWN_ORGANISATIONS: usize = 3;

/// A line of the «Контакты» list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonSummary {
    pub id: i64,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    /// The first live organisations ([`SHOWN_ORGANISATIONS`] at most), in
    /// the order of their names: a line shows a few, the card all of them.
    pub organisations: Vec<String>,
    /// How many live organisations there are in all.
    pub organisation_count: u32,
    /// The first phone and e-mail among the memberships.
    pub phone: String,
    pub email: String,
}

/// Where a person is named the responsible: an event or an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleKind {
    Event,
    Agreement,
}

/// An event or agreement that names the person its responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResponsibleFor {
    pub kind: ResponsibleKind,
    pub id: i64,
    /// The event's title, «Договор № 3/2026» for an agreement.
    pub title: String,
    /// The event's first day, the agreement's date (none when not set).
    pub date: Option<chrono::NaiveDate>,
}

/// A person with every organisation they belong to: the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonRecord {
    pub id: i64,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub memberships: Vec<Membership>,
    /// Events and agreements not in the trash that name the person.
    pub responsible_for: Vec<ResponsibleFor>,
    pub created_at: NaiveDateTime,
}

/// The edit of one membership: the organisation is given, not changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MembershipInput {
    pub partner_id: i64,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// The person's form: the name parts and each membership's role, phone
/// and e-mail. A membership left out stays as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PersonInput {
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub memberships: Vec<MembershipInput>,
}

/// One change of a person's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonHistoryEntry {
    pub id: i64,
    /// Russian label: «Фамилия», «Телефон — СОШ № 1», «Объединение».
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub changed_at: NaiveDateTime,
}

/// The «Контакты» list's search: words found by their stems, and at most
/// `limit` lines (all when `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PersonFilter {
    pub query: String,
    pub limit: Option<u32>,
    /// Left out of the answer (the record a merge keeps).
    pub exclude: Option<i64>,
}

impl PersonRecord {
    /// «Мишина В.И.»: how lists and the responsible field name the person.
    pub fn short_name(&self) -> String {
        crate::text::surname_initials(&self.surname, &self.name, &self.patronymic)
    }

    /// «Мишина Валентина Ивановна».
    pub fn full_name(&self) -> String {
        full_name(&self.surname, &self.name, &self.patronymic)
    }
}

/// The name parts joined, the empty ones left out.
pub fn full_name(surname: &str, name: &str, patronymic: &str) -> String {
    [surname, name, patronymic]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}
