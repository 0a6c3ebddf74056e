//! What the reports show: the plan of a school year.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The plan of network interaction for a school year (1 September – 31
/// August), grouped by month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SchoolYearPlan {
    /// The year the school year starts in: 2026 for 2026/2027.
    pub year: i32,
    /// «План сетевого взаимодействия на 2026/2027 учебный год».
    pub title: String,
    /// The institution's full name (empty when the profile is not filled in).
    pub institution: String,
    /// Only the months that have events, September first.
    pub months: Vec<PlanMonth>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanMonth {
    pub year: i32,
    pub month: u32,
    /// «Сентябрь 2026».
    pub label: String,
    pub rows: Vec<PlanRow>,
}

/// One event in one month: a series has a row in every month it meets in,
/// listing that month's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanRow {
    /// Numbered through the whole year.
    pub number: u32,
    pub event_id: i64,
    /// The occurrences' start dates in this month, in order.
    pub dates: Vec<NaiveDate>,
    /// The key (the rule's date) of the first of them: opens it in the calendar.
    pub first_key: NaiveDate,
    /// «15.09.2026, 10:00–12:00» or «08, 15, 22, 29.09.2026, 15:00–16:30».
    pub when: String,
    /// Start and end of the first occurrence in this month.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub form: String,
    pub title: String,
    pub partners: Vec<String>,
    /// «педагоги, родители».
    pub audience: String,
    pub responsible: String,
    /// «проведено», or «проведено: 2, отменено: 1» when the dates differ.
    pub status: String,
}

/// One window of a school year's plan, as the «Отчёты» table asks for it
/// while it scrolls: the year's outline (title, total, months) and the rows
/// `offset .. offset + rows.len()` in the plan's order, so that a year of
/// 20 000 rows never crosses to the page whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanPage {
    /// The year the school year starts in: 2026 for 2026/2027.
    pub year: i32,
    pub title: String,
    /// The institution's full name (empty when the profile is not filled in).
    pub institution: String,
    /// Rows in the whole plan.
    pub total: u32,
    /// Only the months that have events, September first.
    pub months: Vec<PlanMonthHead>,
    /// The index of the first row given (its number − 1).
    pub offset: u32,
    /// At most the limit asked for; none past the end.
    pub rows: Vec<PlanRow>,
}

/// A month of the plan without its rows: its heading and where its rows are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanMonthHead {
    pub year: i32,
    pub month: u32,
    /// «Сентябрь 2026».
    pub label: String,
    /// The index of its first row in the whole plan.
    pub first: u32,
    /// How many rows it has.
    pub count: u32,
}

/// «Аналитическая справка о сетевом взаимодействии» for a school year
/// (DOMAIN.md §7): the figures, loaded once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnnualReport {
    /// The year the school year starts in: 2025 for 2025/2026.
    pub year: i32,
    /// «Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год».
    pub title: String,
    /// The day the figures are taken on.
    pub today: NaiveDate,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub institution: ReportInstitution,
    /// Live partners entered up to the year's last day.
    pub partners_total: u32,
    /// Of them, entered during the year.
    pub partners_new: u32,
    /// The nine types in DOMAIN order, each with its total and new.
    pub by_type: Vec<ReportCount>,
    /// The relation kinds in their order.
    pub by_relation: Vec<ReportCount>,
    pub agreements: AgreementFigures,
    /// Every form that has an occurrence in the year, in the forms' order.
    pub events_by_form: Vec<EventFigures>,
    /// September to August, all twelve months.
    pub events_by_month: Vec<EventFigures>,
    /// The whole year.
    pub events_total: EventFigures,
    /// Each audience in its order.
    pub audience: Vec<AudienceFigures>,
    /// Held events with results written down, in date order.
    pub results: Vec<EventResult>,
    pub deficits: Vec<DeficitCover>,
    /// Partners by stage (none, then 1 to 3), from the network's health.
    pub by_stage: Vec<crate::network::model::StageCount>,
    /// Partners whose stage went up during the year.
    pub moved_up: u32,
    /// Dormant partners (the health's flags).
    pub dormant: Vec<crate::network::model::HealthFlag>,
    /// The other risks: one contact person, events without a valid agreement.
    pub risks: Vec<crate::network::model::HealthFlag>,
    /// Share (0..=1) of the year's joint events with one of the five most
    /// active partners.
    pub concentration_top5_share: Option<f64>,
    /// «Выводы», as the user wrote them for this year.
    pub conclusions: String,
    /// The same figures for the charts.
    pub charts: YearCharts,
}

/// The institution as the report's approval block and title need it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportInstitution {
    pub full_name: String,
    pub short_name: String,
    /// «Директор», capitalised; empty when not filled in.
    pub head_position: String,
    /// «В.И. Мишина»; empty when not filled in.
    pub head_name: String,
    pub city: String,
    pub deficits: Vec<String>,
}

/// A labelled count of partners: all at the year's end and the new ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportCount {
    /// The code of the type or relation kind.
    pub code: String,
    pub label: String,
    pub total: u32,
    pub new: u32,
}

/// The agreements of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgreementFigures {
    /// In force at some day of the year.
    pub in_force: u32,
    /// Signed during the year.
    pub concluded: u32,
    /// Expired, terminated or past their end date during the year.
    pub ended: u32,
    /// Of those in force, «договоры о сетевой форме» (ст. 15 273-ФЗ).
    pub network_program: u32,
    /// Of those in force, «соглашения о сотрудничестве».
    pub cooperation: u32,
    /// One row per agreement in force, concluded or ended during the year.
    pub rows: Vec<AgreementRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgreementRow {
    pub agreement_id: i64,
    /// «Договор № 3/2025».
    pub name: String,
    pub partners: Vec<String>,
    pub signed_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    /// «действует», «истёк» …
    pub status: String,
}

/// Occurrences of events (a series counts each date) and participants.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventFigures {
    /// The form's name or «Сентябрь 2025»; «Итого» for the total.
    pub label: String,
    pub total: u32,
    pub held: u32,
    pub planned: u32,
    pub postponed: u32,
    pub cancelled: u32,
    /// Planned participants over the held and planned occurrences.
    pub participants_planned: i64,
    /// Actual participants over the held occurrences.
    pub participants_actual: i64,
}

/// How many of the year's occurrences (held or planned) were for an audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AudienceFigures {
    pub audience: crate::events::model::Audience,
    pub label: String,
    pub occurrences: u32,
    pub held: u32,
}

/// What a held event gave, in the user's words; a series with the same
/// results lists its dates once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventResult {
    pub event_id: i64,
    pub title: String,
    pub form: String,
    pub dates: Vec<NaiveDate>,
    pub partners: Vec<String>,
    pub participants_actual: Option<i64>,
    pub results: String,
}

/// One of the institution's deficits and the partners whose resources cover it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeficitCover {
    pub deficit: String,
    /// Short names; empty: the deficit is open.
    pub partners: Vec<String>,
    pub covered: bool,
}

/// The figures of a school year for its charts (the «Отчёты» screen and the
/// report's figures draw the same data): events and participants by month,
/// partners by type and stage, agreements by status. Part of
/// [`AnnualReport`], counted with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct YearCharts {
    /// The year the school year starts in: 2025 for 2025/2026.
    pub year: i32,
    /// September to August: «Сентябрь 2025», … «Август 2026».
    pub months: Vec<String>,
    /// The axis labels of the same months: «сен», «окт», … «авг».
    pub month_abbr: Vec<String>,
    /// Each form with an occurrence in the year, in the forms' order: its
    /// occurrences by month (twelve numbers each).
    pub events_by_form: Vec<FormSeries>,
    /// Planned participants by month (held and planned occurrences).
    pub participants_planned: Vec<i64>,
    /// Actual participants by month (held occurrences).
    pub participants_actual: Vec<i64>,
    /// The nine types in DOMAIN order, partners at the year's end.
    pub partners_by_type: Vec<ChartBar>,
    /// No stage, then stages 1 to 3.
    pub partners_by_stage: Vec<ChartBar>,
    /// The year's agreements (in force, concluded or ended during it) by
    /// their current status, every status in its order.
    pub agreements_by_status: Vec<ChartBar>,
}

/// One form's occurrences by month, September first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormSeries {
    pub form_id: i64,
    pub form: String,
    /// `#rrggbb` as set for the form; empty when none.
    pub color: String,
    /// Every occurrence (held, planned, postponed, cancelled).
    pub total: Vec<u32>,
    pub held: Vec<u32>,
    /// Still planned (not held yet).
    pub planned: Vec<u32>,
}

/// One labelled bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChartBar {
    /// The code of the type, stage («0» for none, «1»…«3») or status.
    pub code: String,
    pub label: String,
    pub value: u32,
}
