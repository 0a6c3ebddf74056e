//! `partnernet partners …`

use chrono::NaiveDateTime;

use super::{Io, PartnersCommand};
use crate::error::{CoreError, Result};
use crate::partners::{self, model::PartnerInput};
use crate::storage::Storage;

pub fn run(
    cmd: PartnersCommand,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    match cmd {
        PartnersCommand::List { json } => {
            let out = if json {
                let all = partners::all(storage)?;
                serde_json::to_string_pretty(&all)
                    .map_err(|e| CoreError::BadInput(e.to_string()))?
            } else {
                partners::list(storage, &Default::default())?
                    .iter()
                    .map(|p| {
                        format!(
                            "{}\t{}\t{}\t{}",
                            p.id,
                            p.inn,
                            p.short_name,
                            p.partner_type.label()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            writeln!(io.stdout, "{out}").map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        PartnersCommand::Show { id } => {
            let partner = partners::get(storage, id)?;
            let out = serde_json::to_string_pretty(&partner)
                .map_err(|e| CoreError::BadInput(e.to_string()))?;
            writeln!(io.stdout, "{out}").map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        PartnersCommand::Add { json } => {
            let input: PartnerInput = super::read_json(&json, io, "партнёра")?;
            let partner = partners::create(storage, input, now)?;
            let out = serde_json::to_string_pretty(&partner)
                .map_err(|e| CoreError::BadInput(e.to_string()))?;
            writeln!(io.stdout, "{out}").map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        PartnersCommand::Import(args) => super::imports::run(args, storage, io, now),
    }
}
