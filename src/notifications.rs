//! The system notification of the day: at start and once a day while the
//! app is open it names the agreements ending within the reminder window
//! (Настройки) and tomorrow's events, so the reminder reaches her outside
//! the window. The core decides what to say and whether to say it (not
//! twice a day: the day last notified is kept in the settings); the shell
//! only shows it.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agreements::model::{Reminder, ReminderKind};
use crate::error::Result;
use crate::events::model::{EventFilter, EventStatus, Occurrence};
use crate::grammar::{date_short, plural};
use crate::storage::Storage;

/// The settings key of the day last notified («2026-11-22»).
const KEY_NOTIFIED: &str = "notified_on";
/// Items named in the text of each kind; the rest are counted.
const NAMED: usize = 3;

/// What the notification says; clicking it opens «Главная» with both lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayNotice {
    pub title: String,
    pub body: String,
    /// Agreements ending within the window (or past their end, still in force).
    pub agreements: usize,
    /// Tomorrow's events that are not cancelled.
    pub events: usize,
}

/// The notice of `today`, or `None` when nothing is due. Reads only.
pub fn of_day(storage: &Storage, today: NaiveDate) -> Result<Option<DayNotice>> {
    let reminders = crate::agreements::reminders::reminders(storage, today)?;
    let tomorrow = today + Duration::days(1);
    let filter = EventFilter {
        from: Some(tomorrow),
        to: Some(tomorrow),
        ..EventFilter::default()
    };
    let events: Vec<Occurrence> = crate::events::occurrences(storage, &filter)?
        .into_iter()
        .filter(|o| o.status != EventStatus::Cancelled && o.date == tomorrow)
        .collect();
    Ok(compose(&reminders, &events, tomorrow))
}

/// The notice to show now: [`of_day`] unless one was already taken `today`.
/// Taking it remembers the day, so a restart or the hourly check the same
/// day stays silent; a day with nothing due is not remembered, so what is
/// added later that day is still told.
pub fn take(storage: &mut Storage, today: NaiveDate) -> Result<Option<DayNotice>> {
    let day = today.format("%Y-%m-%d").to_string();
    if crate::settings::stored(storage.conn(), KEY_NOTIFIED)?.as_deref() == Some(day.as_str()) {
        return Ok(None);
    }
    let Some(notice) = of_day(storage, today)? else {
        return Ok(None);
    };
    storage.write(|tx| crate::settings::store(tx, KEY_NOTIFIED, &day))?;
    Ok(Some(notice))
}

/// The text from the reminders and tomorrow's occurrences.
pub fn compose(
    reminders: &[Reminder],
    events: &[Occurrence],
    tomorrow: NaiveDate,
) -> Option<DayNotice> {
    if reminders.is_empty() && events.is_empty() {
        return None;
    }
    let mut heads = Vec::new();
    let mut lines = Vec::new();
    if !reminders.is_empty() {
        let n = reminders.len() as i64;
        heads.push(format!(
            "{n} {} {}",
            plural(n, "договор", "договора", "договоров"),
            plural(n, "истекает", "истекают", "истекают")
        ));
        let named: Vec<String> = reminders.iter().take(NAMED).map(agreement_line).collect();
        lines.push(format!(
            "Договоры: {}{}.",
            named.join("; "),
            more(reminders.len())
        ));
    }
    if !events.is_empty() {
        let n = events.len() as i64;
        heads.push(format!(
            "завтра {n} {}",
            plural(n, "мероприятие", "мероприятия", "мероприятий")
        ));
        let named: Vec<String> = events.iter().take(NAMED).map(event_line).collect();
        lines.push(format!(
            "Завтра, {}: {}{}.",
            date_short(tomorrow),
            named.join("; "),
            more(events.len())
        ));
    }
    let title = crate::grammar::capitalize(&heads.join(", "));
    Some(DayNotice {
        title,
        body: lines.join("\n"),
        agreements: reminders.len(),
        events: events.len(),
    })
}

fn agreement_line(r: &Reminder) -> String {
    let number = if r.number.trim().is_empty() {
        "без номера".to_string()
    } else {
        format!("№ {}", r.number.trim())
    };
    let with = match r.partners.first() {
        Some(first) if r.partners.len() > 1 => format!(" ({first} и др.)"),
        Some(first) => format!(" ({first})"),
        None => String::new(),
    };
    format!("{number}{with} — {}", when(r))
}

/// «через 5 дней, 30.12.2026», «сегодня», «просрочен на 2 дня».
fn when(r: &Reminder) -> String {
    let d = r.days_left;
    match (r.kind, d) {
        (ReminderKind::Overdue, _) => {
            let late = -d;
            format!(
                "срок истёк {late} {} назад",
                plural(late, "день", "дня", "дней")
            )
        }
        (_, 0) => "истекает сегодня".to_string(),
        (_, 1) => "истекает завтра".to_string(),
        _ => format!(
            "через {d} {}, {}",
            plural(d, "день", "дня", "дней"),
            date_short(r.end_date)
        ),
    }
}

fn event_line(o: &Occurrence) -> String {
    let at = if o.all_day {
        "весь день".to_string()
    } else {
        o.start.format("%H:%M").to_string()
    };
    format!("{at} «{}»", o.title)
}

fn more(total: usize) -> String {
    if total > NAMED {
        format!(" и ещё {}", total - NAMED)
    } else {
        String::new()
    }
}
