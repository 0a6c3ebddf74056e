//! `partnernet search ТЕКСТ`: the one search of the app (Ctrl+K) — the
//! partners, contact persons, agreements, events and brochures it finds,
//! grouped and ranked; `--json` prints the groups as the window gets them.

use chrono::NaiveDateTime;

use super::Io;
use crate::error::{CoreError, Result};
use crate::search::{self, model::FoundTarget};
use crate::storage::Storage;

pub fn run(
    storage: &Storage,
    query: &str,
    limit: u32,
    json: bool,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let found = search::everything(storage, query, limit, now.date())?;
    let text = if json {
        serde_json::to_string_pretty(&found).map_err(|e| CoreError::BadInput(e.to_string()))?
    } else if found.groups.is_empty() {
        format!("Ничего не найдено по запросу «{}».", query.trim())
    } else {
        let mut lines = Vec::new();
        for g in &found.groups {
            lines.push(format!("{} — {}:", g.label, g.total));
            for item in &g.items {
                lines.push(format!(
                    "  {} [{}] — {}",
                    item.title,
                    id_of(&item.open),
                    item.subtitle
                ));
            }
            if g.total as usize > g.items.len() {
                lines.push(format!("  … ещё {}", g.total as usize - g.items.len()));
            }
        }
        lines.join("\n")
    };
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}

/// «№ 10», and for an event the date it opens on.
fn id_of(target: &FoundTarget) -> String {
    match target {
        FoundTarget::Partner { id }
        | FoundTarget::Person { id, .. }
        | FoundTarget::Agreement { id }
        | FoundTarget::Brochure { id } => format!("№ {id}"),
        FoundTarget::Event { id, date } => format!("№ {id}, {}", date.format("%d.%m.%Y")),
    }
}
