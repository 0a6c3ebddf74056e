//! Demo events: a whole school year (1 September – 31 August) of network
//! interaction around the day the demo is loaded, so the calendar, the plan
//! and the exports show real content at once.
//!
//! Every date is counted from the school year containing `today`: what lies
//! before the moment of loading is held (with results and actual counts,
//! except two recent events still waiting for their results), what lies
//! after it is planned. A few events are placed in the current week, so the
//! start screen's block is never empty. Exactly one pair of events overlaps
//! at the same place ([`CONFLICT_PLACE`]): the double-booked hall the
//! methodologist has to sort out.
//!
//! The content is in [`super::event_list`] (single events of the year) and
//! [`super::event_series`] (series and the events around `today`).

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use rusqlite::{Connection, Transaction};

use crate::error::{CoreError, Result};
use crate::events::model::{Audience, EventInput, EventStatus, OccurrenceChange, Recurrence};
use crate::events::{queries, recurrence, validate};

/// The place of the one deliberate conflict (two events overlap there).
pub const CONFLICT_PLACE: &str = "Дом детского творчества, актовый зал";

/// The built-in forms of DOMAIN.md §4, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    #[default]
    Seminar,
    RoundTable,
    Conference,
    Discussion,
    Exchange,
    Project,
    OnlineConference,
    Webinar,
    OnlineContest,
    Publication,
}

impl Form {
    pub const ALL: [Form; 10] = [
        Form::Seminar,
        Form::RoundTable,
        Form::Conference,
        Form::Discussion,
        Form::Exchange,
        Form::Project,
        Form::OnlineConference,
        Form::Webinar,
        Form::OnlineContest,
        Form::Publication,
    ];

    /// The name of the built-in form (the migration's seed).
    pub fn name(self) -> &'static str {
        match self {
            Form::Seminar => "семинар",
            Form::RoundTable => "круглый стол",
            Form::Conference => "конференция",
            Form::Discussion => "дискуссия",
            Form::Exchange => "встреча по обмену опытом (и по проблемным вопросам)",
            Form::Project => "проектная деятельность",
            Form::OnlineConference => "онлайн-конференция",
            Form::Webinar => "вебинар",
            Form::OnlineContest => "интернет-конкурс",
            Form::Publication => "размещение методических материалов на сайте",
        }
    }
}

/// The school year (1 September – 31 August) by the year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolYear(pub i32);

impl SchoolYear {
    /// The school year `day` belongs to.
    pub fn containing(day: NaiveDate) -> Self {
        if day.month() >= 9 {
            SchoolYear(day.year())
        } else {
            SchoolYear(day.year() - 1)
        }
    }

    pub fn first_day(self) -> NaiveDate {
        ymd(self.0, 9, 1)
    }

    pub fn last_day(self) -> NaiveDate {
        ymd(self.0 + 1, 8, 31)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&day)
    }

    /// The calendar year of `month` (September–December: the first one).
    pub fn year_of(self, month: u32) -> i32 {
        if month >= 9 {
            self.0
        } else {
            self.0 + 1
        }
    }

    /// The `n`-th (1–4) `weekday` of `month` of this school year.
    pub fn nth(self, month: u32, n: u8, weekday: Weekday) -> NaiveDate {
        let year = self.year_of(month);
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
            .unwrap_or_else(|| ymd(year, month, 1))
    }

    /// «2026/2027».
    pub fn label(self) -> String {
        format!("{}/{}", self.0, self.0 + 1)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// `day` at `hh:mm`.
pub fn at(day: NaiveDate, (h, m): (u32, u32)) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN))
}

pub fn plus_days(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_add_days(Days::new(n)).unwrap_or(day)
}

pub fn minus_days(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(n)).unwrap_or(day)
}

/// How the status of a demo event is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fate {
    /// Held with its results if it is over by the time of loading,
    /// planned otherwise.
    #[default]
    ByTime,
    Cancelled,
    Postponed,
    /// Over, but nobody has touched it since: still «запланировано», no
    /// results (waits for its results on the start screen).
    Forgotten,
    /// Marked as held with the number of participants, the results not
    /// written yet.
    HeldNoResults,
}

/// One occurrence of a series: its topic and what came of it.
pub struct Session {
    pub results: &'static str,
    pub actual: i64,
}

/// The rule of a demo series and its changed occurrences (by index).
pub struct Series {
    pub recurrence: Recurrence,
    /// The results of the occurrences in order (reused from the start when
    /// the series is longer).
    pub sessions: Vec<Session>,
    pub cancelled: Option<usize>,
    /// The occurrence moved by the given number of days, same times.
    pub moved: Option<(usize, u64)>,
}

/// A demo event as written in the content files.
#[derive(Default)]
pub struct Spec {
    pub form: Form,
    pub title: String,
    pub description: &'static str,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub place: &'static str,
    pub link: &'static str,
    pub organiser: &'static str,
    /// Short names of demo partners.
    pub partners: &'static [&'static str],
    /// The first party (short name) of the demo agreement it belongs to.
    pub agreement: Option<&'static str>,
    pub audience: &'static [Audience],
    pub planned: Option<i64>,
    /// Used once the event is held.
    pub actual: Option<i64>,
    pub results: &'static str,
    pub responsible: &'static str,
    pub fate: Fate,
    pub series: Option<Series>,
}

/// A timed single event on `day` from `from` to `to`.
pub fn timed(form: Form, title: &str, day: NaiveDate, from: (u32, u32), to: (u32, u32)) -> Spec {
    Spec {
        form,
        title: title.to_string(),
        start: at(day, from),
        end: at(day, to),
        ..Spec::default()
    }
}

/// An all-day event over `days` days from `first`.
pub fn all_day(form: Form, title: &str, first: NaiveDate, days: u64) -> Spec {
    Spec {
        form,
        title: title.to_string(),
        start: at(first, (0, 0)),
        end: at(plus_days(first, days.saturating_sub(1)), (0, 0)),
        all_day: true,
        ..Spec::default()
    }
}

/// When a (single) event is over: all-day events at the end of their last day.
fn finish(all_day: bool, end: NaiveDateTime) -> NaiveDateTime {
    if all_day {
        end + chrono::Duration::days(1)
    } else {
        end
    }
}

/// All demo events of the school year containing `now`, in the order they
/// are written.
pub fn specs(now: NaiveDateTime) -> Vec<Spec> {
    let year = SchoolYear::containing(now.date());
    let mut all = super::event_list::year(year);
    all.extend(super::event_series::series(year));
    all.extend(super::event_series::around_today(year, now));
    all
}

/// The ids the content refers to.
pub struct Ids<'a> {
    /// Built-in form → its id.
    pub forms: HashMap<Form, i64>,
    /// Partner short name → id.
    pub partners: &'a HashMap<String, i64>,
    /// First party of a demo agreement → the agreement's id.
    pub agreements: &'a HashMap<&'static str, i64>,
}

impl Ids<'_> {
    fn partner(&self, name: &str) -> Result<i64> {
        self.partners.get(name).copied().ok_or_else(|| {
            CoreError::Conflict(format!("В демонстрационных данных нет партнёра «{name}»."))
        })
    }

    fn agreement(&self, first_party: &str) -> Result<i64> {
        self.agreements.get(first_party).copied().ok_or_else(|| {
            CoreError::Conflict(format!(
                "В демонстрационных данных нет договора с «{first_party}»."
            ))
        })
    }
}

/// The built-in forms of the database by their order.
pub fn form_ids(conn: &Connection) -> Result<HashMap<Form, i64>> {
    let builtin: Vec<_> = queries::forms(conn)?
        .into_iter()
        .filter(|f| f.builtin)
        .collect();
    Form::ALL
        .into_iter()
        .map(|form| {
            builtin
                .iter()
                .find(|f| f.name == form.name())
                .or_else(|| builtin.get(form as usize))
                .map(|f| (form, f.id))
                .ok_or_else(|| {
                    CoreError::Conflict(format!("Нет встроенной формы «{}».", form.name()))
                })
        })
        .collect()
}

/// The form of one demo event as of `now`.
pub fn input(spec: &Spec, ids: &Ids, now: NaiveDateTime) -> Result<EventInput> {
    let over = finish(spec.all_day, spec.end) <= now;
    let (status, actual, results) = match spec.fate {
        _ if spec.series.is_some() => (EventStatus::Planned, None, ""),
        Fate::Cancelled => (EventStatus::Cancelled, None, ""),
        Fate::Postponed => (EventStatus::Postponed, None, ""),
        Fate::ByTime if over => (EventStatus::Held, spec.actual, spec.results),
        Fate::HeldNoResults if over => (EventStatus::Held, spec.actual, ""),
        _ => (EventStatus::Planned, None, ""),
    };
    Ok(EventInput {
        form_id: ids.forms.get(&spec.form).copied().unwrap_or_default(),
        title: spec.title.clone(),
        description: spec.description.to_string(),
        start: spec.start,
        end: spec.end,
        all_day: spec.all_day,
        place: spec.place.to_string(),
        link: spec.link.to_string(),
        organiser: spec.organiser.to_string(),
        partner_ids: spec
            .partners
            .iter()
            .map(|name| ids.partner(name))
            .collect::<Result<_>>()?,
        agreement_id: spec.agreement.map(|a| ids.agreement(a)).transpose()?,
        audience: spec.audience.to_vec(),
        planned_count: spec.planned,
        actual_count: actual,
        status,
        results: results.to_string(),
        responsible: spec.responsible.to_string(),
        recurrence: spec.series.as_ref().map(|s| s.recurrence.clone()),
    })
}

/// The changes of a series' occurrences as of `now`: the held ones with
/// their results, the cancelled and the moved one. `occurrences` are the
/// (start, end) of the occurrences by their key date, in order.
pub fn changes(
    series: &Series,
    occurrences: &[(NaiveDate, NaiveDateTime, NaiveDateTime)],
    now: NaiveDateTime,
) -> Vec<OccurrenceChange> {
    let mut out = Vec::new();
    for (i, &(date, start, end)) in occurrences.iter().enumerate() {
        let session = &series.sessions[i % series.sessions.len().max(1)];
        let held = |start: Option<NaiveDateTime>, end: Option<NaiveDateTime>| OccurrenceChange {
            date,
            status: EventStatus::Held,
            start,
            end,
            actual_count: Some(session.actual),
            results: session.results.to_string(),
        };
        if series.cancelled == Some(i) {
            out.push(OccurrenceChange {
                date,
                status: EventStatus::Cancelled,
                ..OccurrenceChange::default()
            });
        } else if let Some((_, days)) = series.moved.filter(|(m, _)| *m == i) {
            let (start, end) = (
                start + chrono::Duration::days(days as i64),
                end + chrono::Duration::days(days as i64),
            );
            if end <= now {
                out.push(held(Some(start), Some(end)));
            } else {
                out.push(OccurrenceChange {
                    date,
                    status: EventStatus::Planned,
                    start: Some(start),
                    end: Some(end),
                    ..OccurrenceChange::default()
                });
            }
        } else if end <= now {
            out.push(held(None, None));
        }
    }
    out
}

/// Writes the demo events inside the demo's transaction (after the partners
/// and agreements), through the events core's checks and queries; a series
/// gets its held, cancelled and moved occurrences. Returns the number of
/// events.
pub fn load(
    tx: &Transaction,
    partners: &HashMap<String, i64>,
    agreements: &HashMap<&'static str, i64>,
    now: NaiveDateTime,
) -> Result<usize> {
    let ids = Ids {
        forms: form_ids(tx)?,
        partners,
        agreements,
    };
    let year = SchoolYear::containing(now.date());
    let all = specs(now);
    for spec in &all {
        let input = crate::events::prepare(tx, input(spec, &ids, now)?)?;
        let id = crate::events::insert_new(tx, &input, now)?;
        let (Some(series), Some(rule)) = (&spec.series, &input.recurrence) else {
            continue;
        };
        let length = input.end - input.start;
        let occurrences: Vec<_> = recurrence::rule_dates(input.start.date(), rule, year.last_day())
            .into_iter()
            .map(|date| {
                let start = date.and_time(input.start.time());
                (date, start, start + length)
            })
            .collect();
        for change in changes(series, &occurrences, now) {
            let change = validate::change(change).map_err(CoreError::Validation)?;
            queries::put_change(tx, id, &change)?;
        }
    }
    Ok(all.len())
}
