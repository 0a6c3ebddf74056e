//! `partnernet templates …`: the agreement templates, as on Договоры →
//! «Шаблоны»: the list of a kind, a template's text to a file, a file opened
//! as a new template of hers.

use std::path::PathBuf;

use chrono::NaiveDateTime;
use clap::Subcommand;

use super::Io;
use crate::agreements::model::AgreementKind;
use crate::agreements::{template_files, variants};
use crate::error::{CoreError, Result};
use crate::exports::{self, ExportTarget};
use crate::storage::Storage;

#[derive(Subcommand, Debug)]
pub enum TemplatesCommand {
    /// Шаблоны вида договора: номер, название, по умолчанию ли
    List {
        /// Вид: сетевой (договор о сетевой форме) или соглашение (о сотрудничестве)
        #[arg(long, value_name = "KIND")]
        kind: String,
    },
    /// Сохранить текст шаблона в файл (.txt), чтобы хранить или передать
    Save {
        /// Номер шаблона (из `templates list`)
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE.txt")]
        output: PathBuf,
    },
    /// Открыть шаблон из текстового файла: новый шаблон с именем файла
    Open {
        /// Вид: сетевой или соглашение
        #[arg(long, value_name = "KIND")]
        kind: String,
        file: PathBuf,
    },
}

fn out(io: &mut Io, text: &str) -> Result<()> {
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))
}

/// «сетевой», «network_program», «соглашение», «cooperation» → the kind.
fn kind(text: &str) -> Result<AgreementKind> {
    let t = crate::text::fold(text.trim());
    AgreementKind::from_code(&t)
        .or(match t.as_str() {
            "сетевой" | "договор" => Some(AgreementKind::NetworkProgram),
            "соглашение" => Some(AgreementKind::Cooperation),
            _ => None,
        })
        .ok_or_else(|| {
            CoreError::BadInput(format!(
                "вид договора «{text}» неизвестен: укажите «сетевой» (договор о сетевой форме) \
                 или «соглашение» (о сотрудничестве)"
            ))
        })
}

pub fn run(
    cmd: TemplatesCommand,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    match cmd {
        TemplatesCommand::List { kind: k } => {
            for t in variants::list(storage.conn(), kind(&k)?)? {
                let default = if t.is_default {
                    "\tпо умолчанию"
                } else {
                    ""
                };
                out(io, &format!("{}\t{}{default}", t.id, t.name))?;
            }
        }
        TemplatesCommand::Save { id, output } => {
            let target = ExportTarget::AgreementTemplate { id };
            let path = exports::write(storage, &target, &output, now)?;
            out(io, &format!("Шаблон сохранён в файл {}", path.display()))?;
        }
        TemplatesCommand::Open { kind: k, file } => {
            let t = template_files::open(storage, kind(&k)?, &file, now)?;
            out(
                io,
                &format!("Шаблон «{}» добавлен, номер {}.", t.name, t.id),
            )?;
        }
    }
    Ok(0)
}
