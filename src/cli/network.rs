//! `partnernet network`: the network's health and its map of the school
//! year (nodes with their activity, edges with their weights); `--json`
//! prints the health's fields with the map under `"map"`.

use chrono::NaiveDateTime;

use super::Io;
use crate::error::{CoreError, Result};
use crate::events::school_year::{school_year_of, school_year_range, year_name};
use crate::network::model::MapQuery;
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
    let (from, to) = school_year_range(year);
    // The whole network: the JSON is for analysis, not a picture.
    let query = MapQuery {
        from: Some(from),
        to: Some(to),
        limit: None,
        ..MapQuery::default()
    };
    let map = crate::network::map(storage, today, &query)?;
    let text = if json {
        let bad = |e: serde_json::Error| CoreError::BadInput(e.to_string());
        let mut value = serde_json::to_value(&health).map_err(bad)?;
        if let Some(fields) = value.as_object_mut() {
            fields.insert("map".into(), serde_json::to_value(&map).map_err(bad)?);
        }
        serde_json::to_string_pretty(&value).map_err(bad)?
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
        lines.push(format!(
            "Карта сети за учебный год: организаций — {}, связей — {}.",
            map.nodes.len(),
            map.edges.len()
        ));
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
