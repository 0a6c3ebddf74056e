//! What travels in a package, what the export is asked for, and what the
//! import preview shows.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agreements::model::{AgreementInput, AgreementStatus};
use crate::events::model::{EventInput, OccurrenceChange};
use crate::organisation::model::{Head, Requisites};
use crate::partners::model::{PartnerType, RelationKind, TieKind};

/// What to put in a package. Partners of the chosen events and agreements
/// are added to the chosen partners: a record never names a partner the
/// receiver cannot find.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ExchangeSelection {
    /// Every live partner of the registry, whatever `partner_ids` holds: the
    /// choice «все партнёры» sends no list of ten thousand ids.
    pub all_partners: bool,
    pub partner_ids: Vec<i64>,
    /// The whole plan of the school year starting in that year.
    pub year: Option<i32>,
    /// Joint events chosen one by one (added to the year's plan).
    pub event_ids: Vec<i64>,
    pub agreement_ids: Vec<i64>,
    /// Contact persons go only when she ticks it (personal data, 152-ФЗ).
    pub contacts: bool,
}

/// The sending institution, as the manifest names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Sender {
    pub name: String,
    pub inn: String,
}

/// A contact person of a partner in a package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactRecord {
    pub uuid: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// A partner as it travels: what another institution can use (requisites,
/// head, resources and requests), not the sender's own stage, readiness or
/// notes of the relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRecord {
    pub uuid: String,
    pub partner_type: PartnerType,
    pub relation_kind: RelationKind,
    pub full_name: String,
    pub short_name: String,
    pub requisites: Requisites,
    pub head: Head,
    pub resources: Vec<String>,
    pub requests: Vec<String>,
    /// `None` when the package was made without contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<ContactRecord>>,
}

/// An event as it travels: its form by name, partners and agreement by
/// their stable ids (the ids inside `data` are not used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub uid: String,
    pub form: String,
    /// Whether the form is held on the Internet, for a receiver who has no
    /// such form yet and gets it added (packages before 011 lack it).
    #[serde(default)]
    pub form_online: bool,
    pub partners: Vec<String>,
    pub agreement: Option<String>,
    pub data: EventInput,
    pub changes: Vec<OccurrenceChange>,
}

/// A party of an agreement by the partner's stable id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyRecord {
    pub partner: String,
    pub role: String,
}

/// An agreement's record (its files stay with the sender).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRecord {
    pub uuid: String,
    pub status: AgreementStatus,
    pub parties: Vec<PartyRecord>,
    pub data: AgreementInput,
}

/// A tie between two organisations of the package, by their stable ids. A
/// tie of the sender's own institution names the sender's partner record
/// (the institution travels as a partner, with its own stable id): on the
/// receiver it is a tie between two of her partners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieRecord {
    pub uuid: String,
    pub first: String,
    pub second: String,
    pub kind: TieKind,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub note: String,
}

/// A whole package, read or to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub sender: Sender,
    pub created_at: NaiveDateTime,
    pub app_version: String,
    pub contacts: bool,
    pub partners: Vec<PartnerRecord>,
    pub events: Vec<EventRecord>,
    pub agreements: Vec<AgreementRecord>,
    pub ties: Vec<TieRecord>,
}

/// The kind of a record in the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Partner,
    Event,
    Agreement,
    Tie,
}

impl RecordKind {
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Partner => "partner",
            RecordKind::Event => "event",
            RecordKind::Agreement => "agreement",
            RecordKind::Tie => "tie",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Partner => "Партнёр",
            RecordKind::Event => "Мероприятие",
            RecordKind::Agreement => "Договор",
            RecordKind::Tie => "Связь",
        }
    }
}

/// What the import would do with a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordState {
    /// Not here yet: it is added.
    New,
    /// Changed by the sender, not edited here since: it is updated.
    Changed,
    /// The same here (or edited here while the package brings nothing new).
    Unchanged,
    /// Changed by the sender and edited here: she chooses.
    Conflict,
}

impl RecordState {
    pub fn label(self) -> &'static str {
        match self {
            RecordState::New => "новая запись",
            RecordState::Changed => "изменена отправителем",
            RecordState::Unchanged => "без изменений",
            RecordState::Conflict => "конфликт с изменениями здесь",
        }
    }
}

/// One field side by side: the value here and the value in the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldDiff {
    pub label: String,
    pub local: String,
    pub package: String,
}

/// One record of the package in the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PreviewItem {
    pub kind: RecordKind,
    /// The record's stable id (UUID, or an event's UID).
    pub key: String,
    pub title: String,
    pub state: RecordState,
    /// The fields that differ (for a changed or conflicting record).
    pub fields: Vec<FieldDiff>,
}

/// What importing a package would do, record by record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExchangePreview {
    pub sender: Sender,
    pub created_at: NaiveDateTime,
    pub app_version: String,
    pub contacts: bool,
    pub items: Vec<PreviewItem>,
    /// What the import adds besides the records, in Russian: «Будет
    /// добавлена форма мероприятия «…»».
    pub notes: Vec<String>,
    pub new_count: u32,
    pub changed_count: u32,
    pub unchanged_count: u32,
    pub conflict_count: u32,
}

/// Her choice for one conflict: `take` = the package's version («взять из
/// пакета»), otherwise her own stays («оставить моё», the default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictChoice {
    pub kind: RecordKind,
    pub key: String,
    pub take: bool,
}

/// What an applied import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExchangeReport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub kept: u32,
}
