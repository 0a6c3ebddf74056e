//! `partnernet agreements …`

use chrono::NaiveDateTime;

use super::{AgreementsCommand, Io};
use crate::agreements::{self, model::AgreementInput};
use crate::error::{CoreError, Result};
use crate::storage::Storage;

pub fn run(
    cmd: AgreementsCommand,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    match cmd {
        AgreementsCommand::List { json } => {
            let today = now.date();
            let out = if json {
                let all = agreements::all(storage, today)?;
                serde_json::to_string_pretty(&all)
                    .map_err(|e| CoreError::BadInput(e.to_string()))?
            } else {
                agreements::list(storage, &Default::default(), today)?
                    .iter()
                    .map(|a| {
                        format!(
                            "{}\t{}\t{}\t{}\t{}",
                            a.id,
                            a.number,
                            a.status.label(),
                            a.partners.join(", "),
                            a.subject.lines().next().unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            writeln!(io.stdout, "{out}").map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        AgreementsCommand::KeepStatuses => {
            let kept = agreements::keep_statuses(storage, now.date(), now)?;
            let out = if kept.is_empty() {
                "Все статусы договоров актуальны.".to_string()
            } else {
                kept.iter()
                    .map(|k| k.message.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            writeln!(io.stdout, "{out}").map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        AgreementsCommand::Render { id, output } => {
            // Like the app's export: the file, and the same bytes kept as a version.
            agreements::output::export(storage, id, &output, now)?;
            writeln!(io.stdout, "Договор сохранён: {}", output.display())
                .map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        AgreementsCommand::Add { json } => {
            let input: AgreementInput = super::read_json(&json, io, "договора")?;
            let agreement = agreements::create(storage, input, now)?;
            let out = serde_json::to_string_pretty(&agreement)
                .map_err(|e| CoreError::BadInput(e.to_string()))?;
            writeln!(io.stdout, "{out}").map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
    }
}
