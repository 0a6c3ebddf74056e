//! `partnernet exchange export|import`: the package for other institutions
//! of the network (Настройки → Данные → «Обмен с учреждениями сети»).

use std::path::PathBuf;

use chrono::NaiveDateTime;
use clap::Subcommand;

use super::Io;
use crate::error::{CoreError, Result};
use crate::exchange::model::{ExchangePreview, ExchangeSelection, RecordState};
use crate::exports::{self, ExportTarget};
use crate::storage::Storage;

#[derive(Subcommand, Debug)]
pub enum ExchangeCommand {
    /// Выгрузить пакет обмена (.partnernet): без списков — все партнёры,
    /// договоры и мероприятия (или план одного учебного года); со списками
    /// --partners, --events, --agreements — только названные записи (и план
    /// года, если указан --year). Партнёры выбранных мероприятий и договоров
    /// и связи между выгружаемыми организациями входят в пакет сами.
    Export {
        #[arg(short = 'o', long = "output", value_name = "FILE.partnernet")]
        output: PathBuf,
        /// Включить контактные данные (персональные данные, 152-ФЗ)
        #[arg(long)]
        contacts: bool,
        /// Мероприятия учебного года, начинающегося в этом году (весь план)
        #[arg(long)]
        year: Option<i32>,
        /// Только эти партнёры: номера через запятую, например 3,7,12
        #[arg(long, value_delimiter = ',', value_name = "ID,..")]
        partners: Option<Vec<i64>>,
        /// Только эти мероприятия: номера через запятую
        #[arg(long, value_delimiter = ',', value_name = "ID,..")]
        events: Option<Vec<i64>>,
        /// Только эти договоры: номера через запятую
        #[arg(long, value_delimiter = ',', value_name = "ID,..")]
        agreements: Option<Vec<i64>>,
    },
    /// Загрузить пакет обмена; конфликты с изменениями здесь остаются как есть
    Import {
        file: PathBuf,
        /// Только показать, что изменится
        #[arg(long)]
        dry_run: bool,
    },
}

fn ids(storage: &Storage, table: &str) -> Result<Vec<i64>> {
    let mut stmt = storage.conn().prepare(&format!(
        "SELECT id FROM {table} WHERE deleted_at IS NULL ORDER BY id"
    ))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The records named on the command line, each list by its own option.
struct Chosen {
    partners: Option<Vec<i64>>,
    events: Option<Vec<i64>>,
    agreements: Option<Vec<i64>>,
}

fn selection(
    storage: &Storage,
    contacts: bool,
    year: Option<i32>,
    chosen: Chosen,
) -> Result<ExchangeSelection> {
    if chosen.partners.is_some() || chosen.events.is_some() || chosen.agreements.is_some() {
        return Ok(ExchangeSelection {
            all_partners: false,
            partner_ids: chosen.partners.unwrap_or_default(),
            year,
            event_ids: chosen.events.unwrap_or_default(),
            agreement_ids: chosen.agreements.unwrap_or_default(),
            contacts,
        });
    }
    Ok(ExchangeSelection {
        all_partners: true,
        partner_ids: Vec::new(),
        year,
        event_ids: if year.is_some() {
            Vec::new()
        } else {
            ids(storage, "events")?
        },
        agreement_ids: ids(storage, "agreements")?,
        contacts,
    })
}

fn describe(p: &ExchangePreview) -> String {
    let mut out = format!(
        "Пакет от «{}» (ИНН {}), {}: новых — {}, изменённых — {}, без изменений — {}, \
         конфликтов — {}.",
        p.sender.name,
        if p.sender.inn.is_empty() {
            "—"
        } else {
            &p.sender.inn
        },
        p.created_at.format("%d.%m.%Y %H:%M"),
        p.new_count,
        p.changed_count,
        p.unchanged_count,
        p.conflict_count
    );
    for note in &p.notes {
        out.push_str(&format!("\n  {note}"));
    }
    for item in p.items.iter().filter(|i| i.state != RecordState::Unchanged) {
        out.push_str(&format!(
            "\n  {} «{}»: {}",
            item.kind.label(),
            item.title,
            item.state.label()
        ));
        for f in &item.fields {
            out.push_str(&format!(
                "\n      {}: здесь «{}» | в пакете «{}»",
                f.label, f.local, f.package
            ));
        }
    }
    out
}

pub fn run(
    cmd: ExchangeCommand,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let text = match cmd {
        ExchangeCommand::Export {
            output,
            contacts,
            year,
            partners,
            events,
            agreements,
        } => {
            let chosen = Chosen {
                partners,
                events,
                agreements,
            };
            let selection = selection(storage, contacts, year, chosen)?;
            let written =
                exports::write(storage, &ExportTarget::Exchange { selection }, &output, now)?;
            format!("Пакет обмена сохранён: {}", written.display())
        }
        ExchangeCommand::Import { file, dry_run } => {
            let preview = crate::exchange::preview(storage, &file)?;
            let mut text = describe(&preview);
            if dry_run {
                text.push_str("\nПробный запуск: данные не изменены.");
            } else {
                let r = crate::exchange::import(storage, &file, &[], now)?;
                text.push_str(&format!(
                    "\nЗагружено: добавлено — {}, обновлено — {}, без изменений — {}, \
                     оставлено как здесь (конфликты) — {}.",
                    r.added, r.updated, r.unchanged, r.kept
                ));
            }
            text
        }
    };
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}
