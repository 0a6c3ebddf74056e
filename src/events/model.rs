//! What an event is (DOMAIN.md §4): the types that cross the boundary.
//!
//! Times are local wall-clock times of the institution's time zone (the
//! setting `time_zone`, «Europe/Moscow» by default). An all-day event keeps
//! its first and last day at 00:00; its times are ignored.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A form of network interaction. The built-in ones are those of
/// DOMAIN.md §4 in that order; the user adds more in Настройки.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventForm {
    pub id: i64,
    pub name: String,
    /// Held on the Internet: a link is expected rather than a place.
    pub online: bool,
    /// `#rrggbb`, the colour of its events in the calendar.
    pub color: String,
    /// Built-in forms can be renamed and recoloured but not deleted.
    pub builtin: bool,
    pub position: i64,
}

/// The form of a new or edited event form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EventFormInput {
    pub name: String,
    pub online: bool,
    /// Empty: a colour is chosen from the palette.
    pub color: String,
}

/// Who an event is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Teachers,
    Students,
    Parents,
    Public,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Teachers,
        Audience::Students,
        Audience::Parents,
        Audience::Public,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Audience::Teachers => "педагоги",
            Audience::Students => "обучающиеся",
            Audience::Parents => "родители",
            Audience::Public => "общественность",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Audience::Teachers => "teachers",
            Audience::Students => "students",
            Audience::Parents => "parents",
            Audience::Public => "public",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Planned,
    Held,
    Postponed,
    Cancelled,
}

impl EventStatus {
    pub const ALL: [EventStatus; 4] = [
        EventStatus::Planned,
        EventStatus::Held,
        EventStatus::Postponed,
        EventStatus::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EventStatus::Planned => "запланировано",
            EventStatus::Held => "проведено",
            EventStatus::Postponed => "перенесено",
            EventStatus::Cancelled => "отменено",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Planned => "planned",
            EventStatus::Held => "held",
            EventStatus::Postponed => "postponed",
            EventStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Takes up its time and place (for conflicts, the week's events).
    pub fn takes_place(self) -> bool {
        matches!(self, EventStatus::Planned | EventStatus::Held)
    }
}

/// How a series repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Daily,
    /// Every `interval` weeks on `weekdays` (the start's weekday if empty).
    Weekly,
    /// Every `interval` months on the start's day of the month (months
    /// without that day are skipped, as RFC 5545 says).
    MonthlyByDate,
    /// Every `interval` months on the same weekday of the same week: «третий
    /// четверг»; a start in the last seven days of its month means «последний».
    MonthlyByWeekday,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::MonthlyByDate,
        Frequency::MonthlyByWeekday,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::MonthlyByDate => "monthly_by_date",
            Frequency::MonthlyByWeekday => "monthly_by_weekday",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Frequency::Daily => "ежедневно",
            Frequency::Weekly => "еженедельно",
            Frequency::MonthlyByDate => "ежемесячно (по числу)",
            Frequency::MonthlyByWeekday => "ежемесячно (по дню недели)",
        }
    }
}

/// The rule of a series. Ends on `until` (inclusive) or after `count`
/// occurrences, whichever comes first; one of them is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Recurrence {
    pub frequency: Frequency,
    /// Every N days/weeks/months, N ≥ 1.
    pub interval: u32,
    /// ISO weekdays 1 (понедельник) … 7 (воскресенье), for `weekly`.
    pub weekdays: Vec<u8>,
    pub until: Option<NaiveDate>,
    pub count: Option<u32>,
}

impl Default for Recurrence {
    fn default() -> Self {
        Self {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: Vec::new(),
            until: None,
            count: None,
        }
    }
}

/// Everything the user enters for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EventInput {
    /// An [`EventForm`] id.
    pub form_id: i64,
    pub title: String,
    pub description: String,
    /// Local time; for a series, the first occurrence.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub place: String,
    /// A URL for an online event.
    pub link: String,
    /// Who organises it: the own institution when empty.
    pub organiser: String,
    /// Participating partners, in the order shown.
    pub partner_ids: Vec<i64>,
    pub agreement_id: Option<i64>,
    pub audience: Vec<Audience>,
    pub planned_count: Option<i64>,
    pub actual_count: Option<i64>,
    pub status: EventStatus,
    pub results: String,
    pub responsible: String,
    /// The responsible picked from «Контакты»: `responsible` then holds
    /// their «Фамилия И.О.»; `None` when a name is typed in (or none).
    pub responsible_person_id: Option<i64>,
    pub recurrence: Option<Recurrence>,
}

impl Default for EventInput {
    fn default() -> Self {
        let start = NaiveDate::from_ymd_opt(2026, 9, 1)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default();
        Self {
            form_id: 0,
            title: String::new(),
            description: String::new(),
            start,
            end: start + chrono::Duration::hours(1),
            all_day: false,
            place: String::new(),
            link: String::new(),
            organiser: String::new(),
            partner_ids: Vec::new(),
            agreement_id: None,
            audience: Vec::new(),
            planned_count: None,
            actual_count: None,
            status: EventStatus::Planned,
            results: String::new(),
            responsible: String::new(),
            responsible_person_id: None,
            recurrence: None,
        }
    }
}

/// A change to one occurrence of a series, keyed by the date the rule gives
/// it: moved to other times, cancelled, or held with its own results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OccurrenceChange {
    /// The date of the occurrence as the rule gives it (its key).
    pub date: NaiveDate,
    pub status: EventStatus,
    /// The new times when moved; `None` keeps the rule's times.
    pub start: Option<NaiveDateTime>,
    pub end: Option<NaiveDateTime>,
    pub actual_count: Option<i64>,
    pub results: String,
}

impl Default for OccurrenceChange {
    fn default() -> Self {
        Self {
            date: NaiveDate::default(),
            status: EventStatus::Planned,
            start: None,
            end: None,
            actual_count: None,
            results: String::new(),
        }
    }
}

/// A stored event (a single one or a series).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Event {
    pub id: i64,
    /// The iCalendar UID: an import with the same UID updates this event.
    pub uid: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: EventInput,
    /// Changed occurrences of a series, by date.
    pub changes: Vec<OccurrenceChange>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// One occurrence on the calendar: a single event, or one date of a series
/// with its change applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Occurrence {
    pub event_id: i64,
    /// The key of the occurrence: the date the rule gives it (for a single
    /// event, its start date).
    pub date: NaiveDate,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub title: String,
    pub form_id: i64,
    pub form: String,
    pub color: String,
    pub status: EventStatus,
    pub place: String,
    pub link: String,
    pub responsible: String,
    pub partner_ids: Vec<i64>,
    /// Short names of the partners.
    pub partners: Vec<String>,
    pub audience: Vec<Audience>,
    pub planned_count: Option<i64>,
    pub actual_count: Option<i64>,
    pub results: String,
    /// Part of a series.
    pub recurring: bool,
    /// This occurrence of a series has a change of its own.
    pub changed: bool,
}

/// Filters of the calendar and the lists; empty lists mean «all».
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EventFilter {
    /// First day shown (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day shown (inclusive).
    pub to: Option<NaiveDate>,
    pub form_ids: Vec<i64>,
    pub partner_id: Option<i64>,
    pub statuses: Vec<EventStatus>,
    /// Words looked up in the title, place, responsible and partners.
    pub query: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictReason {
    Place,
    Responsible,
}

/// An occurrence of the saved event overlapping another event's occurrence
/// at the same place or with the same responsible person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Conflict {
    /// The occurrence of this event (its key).
    pub date: NaiveDate,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub other_event_id: i64,
    pub other_date: NaiveDate,
    pub other_title: String,
    pub other_start: NaiveDateTime,
    pub other_end: NaiveDateTime,
    pub reason: ConflictReason,
    /// «12.11.2026 10:00 пересекается с «…» (10:30–12:00) в том же месте: актовый зал».
    pub message: String,
}

/// What a save returns: the event and the conflicts it is saved with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventSaved {
    pub event: Event,
    pub conflicts: Vec<Conflict>,
}

/// The start-screen block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventsDigest {
    /// Monday–Sunday of the current week.
    pub week_from: NaiveDate,
    pub week_to: NaiveDate,
    /// The first of this week's occurrences (at most the limit asked for).
    pub this_week: Vec<Occurrence>,
    /// How many there are this week: the list above may be cut.
    pub this_week_total: u32,
    /// Past occurrences (planned or held, not cancelled) without results,
    /// newest first (at most the limit asked for).
    pub awaiting_results: Vec<Occurrence>,
    /// How many are waiting: counted before the list is cut.
    pub awaiting_total: u32,
}

/// What an .ics import would do with one event of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportAction {
    /// A new UID: the event is added.
    Add,
    /// The UID is known: that event is updated.
    Update,
    /// The UID is known and nothing differs.
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportItem {
    pub uid: String,
    pub title: String,
    /// In the institution's time zone.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub recurring: bool,
    pub form: String,
    pub action: ImportAction,
    /// The event an update goes to.
    pub existing_id: Option<i64>,
    /// What was simplified or left out (a rule we cannot keep, …); empty if nothing.
    pub notes: Vec<String>,
}

/// An .ics file chosen for an import and what importing it would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportFile {
    pub path: String,
    pub preview: ImportPreview,
}

/// The preview shown before an import writes anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub items: Vec<ImportItem>,
    /// Parts of the file that will not be imported, and why.
    pub skipped: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub skipped: Vec<String>,
}
