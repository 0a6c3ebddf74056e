//! `partnernet export partners|contacts|agreements|events -o FILE.xlsx|FILE.csv`:
//! a list as a table, XLSX or CSV by the output's extension, the same
//! tables as the app's «Экспорт».

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, ValueEnum};

use super::Io;
use crate::error::{CoreError, Result};
use crate::events::{model::EventFilter, school_year};
use crate::exports::lists::{self, Table};
use crate::exports::FileFormat;
use crate::storage::Storage;

/// Which list goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    /// Партнёры с реквизитами, руководителем и контактами
    Partners,
    /// Контактные лица партнёров
    Contacts,
    /// Договоры со сторонами и статусом
    Agreements,
    /// Мероприятия (занятия серий — по отдельности)
    Events,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(value_enum)]
    pub list: ListKind,
    #[arg(short = 'o', long = "output", value_name = "FILE.xlsx|FILE.csv")]
    pub output: PathBuf,
    /// Поиск, как в списке партнёров (для partners и contacts)
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Первый день периода мероприятий (по умолчанию — начало учебного года)
    #[arg(long, value_parser = super::events::parse_date)]
    pub from: Option<NaiveDate>,
    /// Последний день периода мероприятий
    #[arg(long, value_parser = super::events::parse_date)]
    pub to: Option<NaiveDate>,
    /// Мероприятия и серии одной строкой каждое, а не каждое занятие
    #[arg(long)]
    pub series: bool,
}

/// XLSX or CSV from the output's extension; anything else is refused.
fn format_of(output: &std::path::Path) -> Result<FileFormat> {
    let ext = output
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => Ok(FileFormat::Xlsx),
        "csv" => Ok(FileFormat::Csv),
        _ => Err(CoreError::BadInput(format!(
            "«{}»: список сохраняется в .xlsx или .csv — укажите файл с одним из этих расширений.",
            output.display()
        ))),
    }
}

fn events_filter(args: &ExportArgs, today: NaiveDate) -> Result<EventFilter> {
    let (first, last) = school_year::school_year_range(school_year::school_year_of(today));
    let filter = EventFilter {
        from: Some(args.from.unwrap_or(first)),
        to: Some(args.to.unwrap_or(last)),
        ..EventFilter::default()
    };
    if filter.from > filter.to {
        return Err(CoreError::BadInput(
            "--from позже --to: поменяйте даты местами.".to_string(),
        ));
    }
    Ok(filter)
}

fn table(storage: &Storage, args: &ExportArgs, today: NaiveDate) -> Result<Table> {
    let query = args.query.as_deref().unwrap_or("");
    if !query.is_empty() && !matches!(args.list, ListKind::Partners | ListKind::Contacts) {
        return Err(CoreError::BadInput(
            "--query ищет среди партнёров: его можно указать для partners и contacts.".into(),
        ));
    }
    match args.list {
        ListKind::Partners => {
            lists::partners::table(storage, &lists::partners::ids_found(storage, query)?)
        }
        ListKind::Contacts => {
            lists::contacts::table(storage, &lists::partners::ids_found(storage, query)?)
        }
        ListKind::Agreements => {
            lists::agreements::table(storage, &lists::agreements::ids_all(storage, today)?)
        }
        ListKind::Events => {
            lists::events::table(storage, &events_filter(args, today)?, args.series)
        }
    }
}

pub fn run(
    args: ExportArgs,
    data_dir: Option<PathBuf>,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let format = format_of(&args.output)?;
    let storage = super::open(data_dir)?;
    let table = table(&storage, &args, now.date())?;
    lists::write(&table, format, &args.output, now)?;
    let n = table.rows.len() as i64;
    writeln!(
        io.stdout,
        "{}: {n} {} — сохранено в {}",
        table.name,
        crate::grammar::plural(n, "строка", "строки", "строк"),
        args.output.display()
    )
    .map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}
