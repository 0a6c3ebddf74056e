//! `partnernet partners import FILE [--sheet NAME] [--dry-run]`: the columns'
//! fields as the app would guess (or as chosen last time), the dry run
//! printed row by row, then the import in one transaction.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::Io;
use crate::error::{CoreError, Result};
use crate::imports::{
    self,
    model::{ImportPlan, ImportRequest, RowAction, RowDecision},
};
use crate::storage::Storage;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// Таблица .xlsx, .xls, .ods или .csv
    pub file: PathBuf,
    /// Лист таблицы (по умолчанию — первый с данными)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Только показать, что будет сделано, ничего не сохраняя
    #[arg(long)]
    pub dry_run: bool,
    /// Что делать со строкой, совпавшей с партнёром только по наименованию:
    /// update (обновить), create (создать нового) или skip (пропустить)
    #[arg(long, value_name = "ACTION")]
    pub name_match: Option<String>,
}

fn action_word(a: Option<RowAction>) -> &'static str {
    match a {
        Some(RowAction::Create) => "создать",
        Some(RowAction::Update) => "обновить",
        Some(RowAction::Skip) => "пропустить",
        None => "решить (совпадение по наименованию)",
    }
}

fn parse_action(text: &str) -> Result<RowAction> {
    match text.trim() {
        "update" => Ok(RowAction::Update),
        "create" => Ok(RowAction::Create),
        "skip" => Ok(RowAction::Skip),
        other => Err(CoreError::BadInput(format!(
            "--name-match «{other}»: укажите update, create или skip."
        ))),
    }
}

fn print_plan(plan: &ImportPlan, io: &mut Io) -> Result<()> {
    let out = |io: &mut Io, line: String| {
        writeln!(io.stdout, "{line}").map_err(|e| CoreError::io("stdout", e))
    };
    for r in &plan.rows {
        let with = r
            .matched
            .as_ref()
            .map(|m| format!(" → «{}»", m.short_name))
            .unwrap_or_default();
        out(
            io,
            format!(
                "Строка {}\t{}\t{}{with}",
                r.row,
                action_word(r.action),
                r.name
            ),
        )?;
        for c in &r.changes {
            out(io, format!("\t{c}"))?;
        }
        for p in &r.problems {
            out(io, format!("\t{p}"))?;
        }
        for n in &r.notes {
            out(io, format!("\t{n}"))?;
        }
    }
    out(
        io,
        format!(
            "Создать: {}, обновить: {}, пропустить: {}, решить: {}",
            plan.create, plan.update, plan.skip, plan.undecided
        ),
    )
}

pub fn run(
    args: ImportArgs,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let sheet = args.sheet.unwrap_or_default();
    let source = imports::open(storage, &args.file, &sheet)?;
    let mut request = ImportRequest {
        path: args.file.display().to_string(),
        sheet: source.sheet,
        mapping: source.mapping,
        decisions: Vec::new(),
        own_mapping: source.own_mapping,
    };
    let plan = imports::preview(storage, &request, now)?;
    if let Some(action) = args.name_match.as_deref().map(parse_action).transpose()? {
        request.decisions = plan
            .rows
            .iter()
            .filter(|r| r.action.is_none())
            .map(|r| RowDecision { row: r.row, action })
            .collect();
    }
    let plan = imports::preview(storage, &request, now)?;
    print_plan(&plan, io)?;
    if args.dry_run {
        return Ok(0);
    }
    let batch = imports::apply(storage, &request, now)?;
    writeln!(
        io.stdout,
        "{}: создано {}, обновлено {}, пропущено {}",
        batch.label, batch.created, batch.updated, batch.skipped
    )
    .map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}
