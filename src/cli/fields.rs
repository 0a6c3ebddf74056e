//! `partnernet fields …`: her own fields of partners, as in Настройки →
//! «Свои поля». Values are given in `partners add --json` as
//! `"own_fields": [{"field_id": 1, "value": "31.01.2026"}]`.

use chrono::NaiveDateTime;
use clap::Subcommand;

use super::Io;
use crate::error::{CoreError, Result};
use crate::partners::model::{OwnFieldInput, OwnFieldKind};
use crate::partners::own_fields;
use crate::storage::Storage;
use crate::text::fold;

#[derive(Subcommand, Debug)]
pub enum FieldsCommand {
    /// Свои поля партнёров: номер, название, вид, варианты, сколько партнёров заполнили
    List {
        /// Вывести JSON-массив со всеми данными
        #[arg(long)]
        json: bool,
    },
    /// Добавить поле: название и вид (текст, число, дата, да/нет, список)
    Add {
        /// Название поля, как в карточке: «Дата аккредитации»
        #[arg(long, value_name = "TEXT")]
        name: String,
        /// Вид поля: текст, число, дата, да/нет или список
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// Вариант списка (для вида «список»); повторите для каждого
        #[arg(long = "option", value_name = "TEXT")]
        options: Vec<String>,
    },
    /// Удалить поле; значения остаются в истории партнёров
    Remove {
        /// Номер поля (из `fields list`)
        id: i64,
        /// Подтверждение, когда поле заполнено у партнёров
        #[arg(long)]
        yes: bool,
    },
}

fn out(io: &mut Io, text: &str) -> Result<()> {
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))
}

/// «дата», «date», «да/нет», «список» … → the kind.
fn kind(text: &str) -> Result<OwnFieldKind> {
    let t = fold(text.trim());
    OwnFieldKind::ALL
        .into_iter()
        .find(|k| t == k.code() || t == fold(k.label()))
        .or(match t.as_str() {
            "список" | "выбор" => Some(OwnFieldKind::Choice),
            "да-нет" | "данет" => Some(OwnFieldKind::YesNo),
            _ => None,
        })
        .ok_or_else(|| {
            CoreError::BadInput(format!(
                "вид поля «{text}» неизвестен: укажите текст, число, дата, да/нет или список"
            ))
        })
}

pub fn run(
    cmd: FieldsCommand,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    match cmd {
        FieldsCommand::List { json } => {
            let fields = own_fields::list(storage)?;
            if json {
                let text = serde_json::to_string_pretty(&fields)
                    .map_err(|e| CoreError::BadInput(e.to_string()))?;
                out(io, &text)?;
            } else if fields.is_empty() {
                out(
                    io,
                    "Своих полей пока нет: partnernet fields add --name … --kind …",
                )?;
            }
            for f in fields.iter().filter(|_| !json) {
                let options = if f.options.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", f.options.join("; "))
                };
                out(
                    io,
                    &format!(
                        "{}\t{}\t{}{options}\tзаполнено у {}",
                        f.id,
                        f.name,
                        f.kind.label(),
                        own_fields::partners_count(f.used_by)
                    ),
                )?;
            }
            Ok(0)
        }
        FieldsCommand::Add {
            name,
            kind: k,
            options,
        } => {
            let input = OwnFieldInput {
                name,
                kind: kind(&k)?,
                options,
            };
            let field = own_fields::add(storage, input, now)?;
            out(
                io,
                &format!("Поле «{}» добавлено, номер {}.", field.name, field.id),
            )?;
            Ok(0)
        }
        FieldsCommand::Remove { id, yes } => {
            let field = crate::partners::own_field_queries::get(storage.conn(), id)?;
            if field.used_by > 0 && !yes {
                return Err(CoreError::Conflict(format!(
                    "Поле «{}» заполнено у {}: их значения останутся только в истории. \
                     Чтобы удалить поле, повторите команду с --yes.",
                    field.name,
                    own_fields::partners_count(field.used_by)
                )));
            }
            own_fields::remove(storage, id, now)?;
            out(io, &format!("Поле «{}» удалено.", field.name))?;
            Ok(0)
        }
    }
}
