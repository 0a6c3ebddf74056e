//! `partnernet network`: the network's health.

use chrono::NaiveDateTime;

use super::Io;
use crate::error::{CoreError, Result};
use crate::events::school_year::{school_year_of, year_name};
use crate::storage::Storage;

pub fn run(
    storage: &Storage,
    json: bool,
    year: Option<i32>,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let today = now.date();
    let year = year.unwrap_or_else(|| school_year_of(today));
    let health = crate::network::health(storage, today, year)?;
    let text = if json {
        serde_json::to_string_pretty(&health).map_err(|e| CoreError::BadInput(e.to_string()))?
    } else {
        let mut lines = vec![format!(
            "Состояние сети на {}, учебный год {}: партнёров — {}, мероприятий года — {}.",
            today.format("%d.%m.%Y"),
            year_name(year),
            health.partners.len(),
            health.year_occurrences
        )];
        if let Some(share) = health.concentration_top5_share {
            lines.push(format!(
                "Пять самых активных партнёров участвуют в {:.0}% мероприятий года.",
                share * 100.0
            ));
        }
        lines.extend(health.flags.iter().map(|f| {
            if f.subject.is_empty() {
                f.message.clone()
            } else {
                format!("{}: {}", f.subject, f.message)
            }
        }));
        lines.join("\n")
    };
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}
