//! The words the demo events are written in: forms, the school year, a
//! demo event ([`Spec`]) and its fate. The content files and the loader
//! ([`super::events`]) both use them, so they are apart from either.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::events::model::{Audience, Recurrence};

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
