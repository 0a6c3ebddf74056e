//! App settings kept in the database: the agreement numbering scheme, the
//! reminder window, the default place of agreements and the dormant window
//! of the network's health.

pub mod number_scheme;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;

pub const DEFAULT_NUMBER_SCHEME: &str = "{n}/{year}";
pub const DEFAULT_REMINDER_DAYS: u32 = 30;
/// A partner without joint events or agreement activity for this many months is dormant.
pub const DEFAULT_DORMANT_MONTHS: u32 = 6;
/// The allowed dormant window, in months.
pub const DORMANT_MONTHS: std::ops::RangeInclusive<u32> = 1..=36;
const MAX_SCHEME: usize = 60;
const MAX_PLACE: usize = 200;

const KEY_SCHEME: &str = "number_scheme";
const KEY_DAYS: &str = "reminder_days";
const KEY_PLACE: &str = "place";
const KEY_TIME_ZONE: &str = "time_zone";
const KEY_DORMANT: &str = "dormant_months";
/// Where the demo institution is and most users are.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Moscow";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// How new agreements are numbered: `{n}` is the sequence number within
    /// the year, `{year}` the year («{n}/{year}» → «12/2026»).
    pub number_scheme: String,
    /// Agreements ending within this many days appear in the reminders.
    pub reminder_days: u32,
    /// The place line of agreements: «г. Котовск». Empty = from the
    /// institution's city.
    pub place: String,
    /// The IANA time zone events are kept and exported in: «Europe/Moscow».
    pub time_zone: String,
    /// A partner with no joint event and no agreement activity for this many
    /// months is shown as dormant in the network's health.
    pub dormant_months: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            number_scheme: DEFAULT_NUMBER_SCHEME.to_string(),
            reminder_days: DEFAULT_REMINDER_DAYS,
            place: String::new(),
            time_zone: DEFAULT_TIME_ZONE.to_string(),
            dormant_months: DEFAULT_DORMANT_MONTHS,
        }
    }
}

/// The settings, with defaults for whatever was never saved; an empty place
/// is filled in from the institution's city.
pub fn get(storage: &Storage) -> Result<Settings> {
    load(storage.conn())
}

/// [`get`] on a connection (inside a transaction).
pub fn load(conn: &Connection) -> Result<Settings> {
    let mut s = Settings::default();
    if let Some(v) = value(conn, KEY_SCHEME)? {
        if !v.trim().is_empty() {
            s.number_scheme = v;
        }
    }
    if let Some(v) = value(conn, KEY_DAYS)? {
        if let Ok(days) = v.trim().parse::<u32>() {
            if (1..=365).contains(&days) {
                s.reminder_days = days;
            }
        }
    }
    if let Some(v) = value(conn, KEY_DORMANT)? {
        if let Ok(months) = v.trim().parse::<u32>() {
            if DORMANT_MONTHS.contains(&months) {
                s.dormant_months = months;
            }
        }
    }
    if let Some(v) = value(conn, KEY_PLACE)? {
        s.place = v;
    }
    if let Some(v) = value(conn, KEY_TIME_ZONE)? {
        if v.trim().parse::<chrono_tz::Tz>().is_ok() {
            s.time_zone = v.trim().to_string();
        }
    }
    if s.place.trim().is_empty() {
        let city = crate::institution::queries::load(conn)?
            .map(|i| i.city)
            .unwrap_or_default();
        s.place = place_of_city(&city);
    }
    Ok(s)
}

/// «г. Котовск» from «Котовск»; a city typed with its prefix is kept.
pub fn place_of_city(city: &str) -> String {
    let city = city.trim();
    if city.is_empty() {
        return String::new();
    }
    let lower = crate::text::fold(city);
    let prefixed = [
        "г.",
        "г ",
        "город ",
        "пос",
        "п.",
        "с.",
        "село ",
        "д.",
        "рп",
        "пгт",
        "ст.",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    if prefixed {
        city.to_string()
    } else {
        format!("г. {city}")
    }
}

/// A value other modules keep in the settings table under their own key
/// (the day last notified); `None` when never stored.
pub fn stored(conn: &Connection, key: &str) -> Result<Option<String>> {
    value(conn, key)
}

/// Stores [`stored`]'s value inside the caller's transaction.
pub fn store(tx: &Connection, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn value(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// The problems of a settings form; empty when it can be saved.
pub fn check(s: &Settings) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let scheme = s.number_scheme.trim();
    if let Err(message) = number_scheme::check_scheme(scheme) {
        problems.push(message.at("number_scheme"));
    } else if scheme.chars().count() > MAX_SCHEME {
        problems.push(FieldError::new(
            "number_scheme",
            format!("Схема номера слишком длинная: не более {MAX_SCHEME} знаков."),
        ));
    }
    if !(1..=365).contains(&s.reminder_days) {
        problems.push(FieldError::new(
            "reminder_days",
            format!(
                "Срок напоминания — от 1 до 365 дней, а указано {}.",
                s.reminder_days
            ),
        ));
    }
    if !DORMANT_MONTHS.contains(&s.dormant_months) {
        problems.push(FieldError::new(
            "dormant_months",
            format!(
                "Срок «спящего» партнёра — от {} до {} месяцев, а указано {}.",
                DORMANT_MONTHS.start(),
                DORMANT_MONTHS.end(),
                s.dormant_months
            ),
        ));
    }
    if s.place.trim().chars().count() > MAX_PLACE {
        problems.push(FieldError::new(
            "place",
            format!("Место заключения слишком длинное: не более {MAX_PLACE} знаков."),
        ));
    }
    if s.time_zone.trim().parse::<chrono_tz::Tz>().is_err() {
        problems.push(FieldError::new(
            "time_zone",
            format!(
                "Неизвестный часовой пояс «{}»: укажите его в виде «Europe/Moscow», \
                 «Asia/Yekaterinburg».",
                s.time_zone.trim()
            ),
        ));
    }
    problems
}

/// The time zone events are kept in.
pub fn time_zone(conn: &Connection) -> Result<chrono_tz::Tz> {
    let tz = load(conn)?.time_zone;
    Ok(tz.parse().unwrap_or(chrono_tz::Europe::Moscow))
}

/// Saves the settings (all or nothing) and returns them as [`get`] reads them.
pub fn save(storage: &mut Storage, settings: Settings) -> Result<Settings> {
    let problems = check(&settings);
    if !problems.is_empty() {
        return Err(CoreError::Validation(problems));
    }
    let days = settings.reminder_days.to_string();
    let dormant = settings.dormant_months.to_string();
    let pairs = [
        (KEY_SCHEME, settings.number_scheme.trim()),
        (KEY_DAYS, days.as_str()),
        (KEY_PLACE, settings.place.trim()),
        (KEY_TIME_ZONE, settings.time_zone.trim()),
        (KEY_DORMANT, dormant.as_str()),
    ];
    storage.write(|tx| {
        for (key, value) in pairs {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
        }
        Ok(())
    })?;
    get(storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_from_city() {
        assert_eq!(place_of_city("Котовск"), "г. Котовск");
        assert_eq!(place_of_city("г. Котовск"), "г. Котовск");
        assert_eq!(place_of_city("  "), "");
    }

    #[test]
    fn checks() {
        assert!(check(&Settings::default()).is_empty());
        let bad = Settings {
            number_scheme: "ДС-{year}".into(),
            reminder_days: 0,
            place: String::new(),
            time_zone: "Марс/Олимп".into(),
            dormant_months: 0,
        };
        let fields: Vec<String> = check(&bad).into_iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            [
                "number_scheme",
                "reminder_days",
                "dormant_months",
                "time_zone"
            ]
        );
        for (months, ok) in [(0, false), (1, true), (36, true), (37, false)] {
            let s = Settings {
                dormant_months: months,
                ..Settings::default()
            };
            assert_eq!(check(&s).is_empty(), ok, "{months}");
        }
    }
}
