//! The `partnernet` command line: the same core functions as the app, for
//! scripting and batch work. Errors go to stderr in Russian, exit code 1.

mod agreements;
mod backup;
pub mod brochure;
mod check;
mod events;
mod exchange;
mod export;
mod fields;
mod imports;
mod network;
mod partners;
mod report;
mod search;
mod start_over;
mod templates;
pub mod usage;

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::NaiveDateTime;
use clap::{Parser, Subcommand};

use crate::error::{CoreError, Result};
use crate::storage::{paths, Storage};

#[derive(Parser, Debug)]
#[command(
    name = "partnernet",
    version,
    about = "Сетевое взаимодействие: реестр партнёров, договоры, мероприятия и документы",
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Папка данных (по умолчанию — папка пользователя или PARTNERNET_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Заполнить пустую базу демонстрационными данными (demo remove — удалить их)
    Demo {
        #[command(subcommand)]
        action: Option<start_over::DemoCommand>,
    },
    /// Начать с пустой базы: после резервной копии удалить все данные (настройки остаются)
    StartOver {
        /// Подтверждение: без него ничего не удаляется
        #[arg(long)]
        yes: bool,
    },
    /// Реестр партнёров
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// Свои поля партнёров (как в Настройках → «Свои поля»): список, добавить, удалить
    #[command(subcommand)]
    Fields(fields::FieldsCommand),
    /// Проверить реквизит: ИНН, КПП, ОГРН/ОГРНИП, БИК; или данные (data): целость базы и повреждённые записи
    Check {
        #[arg(value_enum)]
        kind: check::Requisite,
        /// Значение реквизита (для data не нужно)
        value: Option<String>,
    },
    /// Методические брошюры
    #[command(subcommand)]
    Brochure(BrochureCommand),
    /// Договоры и соглашения
    #[command(subcommand)]
    Agreements(AgreementsCommand),
    /// Шаблоны договоров: список, сохранить в файл, открыть из файла
    #[command(subcommand)]
    Templates(templates::TemplatesCommand),
    /// Мероприятия
    #[command(subcommand)]
    Events(EventsCommand),
    /// Состояние сети: «спящие» партнёры, один контакт, мероприятия без договора,
    /// непокрытые дефициты, концентрация, этапы; карта сети за учебный год
    Network {
        /// Вывести JSON со всеми данными (карта сети — в поле «map»: узлы и связи с весами)
        #[arg(long)]
        json: bool,
        /// Год начала учебного года: 2026 — это 2026/2027; по умолчанию — текущий
        #[arg(long, value_parser = school_year)]
        year: Option<i32>,
    },
    /// Аналитическая справка о сетевом взаимодействии за учебный год (PDF)
    Report {
        /// Год начала учебного года: 2025 — это 2025/2026
        #[arg(long, value_parser = school_year)]
        year: i32,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
    },
    /// Выгрузить список в Excel (.xlsx) или CSV: partners, contacts, agreements, events
    Export(export::ExportArgs),
    /// Резервные копии базы и вложений: создать, список, восстановить
    #[command(subcommand)]
    Backup(backup::BackupCommand),
    /// Обмен с учреждениями сети: пакет .partnernet
    #[command(subcommand)]
    Exchange(exchange::ExchangeCommand),
    /// Поиск по всему: партнёры, контактные лица, договоры, мероприятия, брошюры
    Search {
        /// Что искать: слова в любом падеже («библиотеки», «Сергеевой»)
        query: String,
        /// Сколько записей каждого вида показать, 1–50 (по умолчанию 8)
        #[arg(long, default_value_t = 8, hide_default_value = true)]
        limit: u32,
        /// Вывести JSON: группы, записи и что каждая открывает
        #[arg(long)]
        json: bool,
    },
    /// План сетевого взаимодействия на учебный год: PDF, XLSX или ICS
    Plan {
        /// Год начала учебного года: 2026 — это 2026/2027
        #[arg(long, value_parser = school_year)]
        year: i32,
        #[arg(
            short = 'o',
            long = "output",
            value_name = "FILE.pdf|FILE.xlsx|FILE.ics"
        )]
        output: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum EventsCommand {
    /// Мероприятия (занятия серий — по отдельности) за период; по умолчанию — текущий учебный год
    List {
        /// Вывести JSON-массив со всеми данными
        #[arg(long)]
        json: bool,
        /// Первый день периода: 01.09.2026 или 2026-09-01
        #[arg(long, value_parser = events::parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Последний день периода
        #[arg(long, value_parser = events::parse_date)]
        to: Option<chrono::NaiveDate>,
    },
    /// Добавить мероприятие из JSON-файла (или «-» — из стандартного ввода)
    Add {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// Импортировать мероприятия из календаря (.ics); с тем же UID — обновляются
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum AgreementsCommand {
    /// Список договоров и соглашений (без корзины)
    List {
        /// Вывести JSON-массив со всеми данными
        #[arg(long)]
        json: bool,
    },
    /// Добавить договор из JSON-файла (или «-» — из стандартного ввода)
    Add {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// Обновить статусы: договоры, срок которых закончился, становятся
    /// «истёк» или «продлён» (так же делает приложение при запуске)
    KeepStatuses,
    /// Сохранить договор в PDF или DOCX (по расширению файла)
    Render {
        /// Номер записи договора (id из `agreements list`)
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf|FILE.docx")]
        output: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum PartnersCommand {
    /// Список партнёров
    List {
        /// Вывести JSON-массив со всеми данными
        #[arg(long)]
        json: bool,
    },
    /// Карточка партнёра по номеру (JSON со всеми данными)
    Show { id: i64 },
    /// Добавить партнёра из JSON-файла (или «-» — из стандартного ввода);
    /// свои поля — "own_fields": [{"field_id": 1, "value": "31.01.2026"}]
    Add {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// Импорт партнёров из таблицы .xlsx, .xls, .ods или .csv
    Import(imports::ImportArgs),
}

#[derive(Subcommand, Debug)]
pub enum BrochureCommand {
    /// Свёрстать брошюру из Markdown в PDF (директивы [[партнёры]] и др. — из папки данных)
    Render {
        input: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUTPUT.pdf")]
        output: PathBuf,
    },
}

/// A school year's first year on the command line: a number within the
/// years a date may have (`validation::dates`).
fn school_year(value: &str) -> std::result::Result<i32, crate::error::Refusal> {
    use crate::validation::dates::{FIRST_YEAR, LAST_YEAR};
    value
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (FIRST_YEAR..LAST_YEAR).contains(y))
        .ok_or_else(|| {
            crate::error::Refusal(format!(
                "учебный год задаётся годом его начала от {FIRST_YEAR} до {}, например 2026 \
                 (это 2026/2027)",
                LAST_YEAR - 1
            ))
        })
}

/// Where the CLI reads and writes: real streams in `main`, buffers in tests.
pub struct Io<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
}

/// The whole program: parses `args` (its name first) and runs the command;
/// returns the exit code. Every error is a Russian sentence on stderr, 1.
pub fn main(
    args: impl IntoIterator<Item = std::ffi::OsString>,
    io: &mut Io,
    now: NaiveDateTime,
) -> i32 {
    match usage::parse(args) {
        Ok(cli) => run(cli, io, now),
        Err(exit) => {
            let _ = write!(io.stdout, "{}", exit.stdout);
            let _ = write!(io.stderr, "{}", exit.stderr);
            exit.code
        }
    }
}

/// Runs one command; returns the process exit code.
pub fn run(cli: Cli, io: &mut Io, now: NaiveDateTime) -> i32 {
    // Which database file a failure of the file itself is about.
    let database = paths::resolve_data_dir(
        cli.data_dir.clone(),
        std::env::var(paths::DATA_DIR_ENV).ok(),
    )
    .map(|dir| dir.join(crate::storage::DB_FILE));
    match execute(cli, io, now) {
        Ok(code) => code,
        Err(err) => {
            let err = match database {
                Ok(path) => err.in_database(path),
                Err(_) => err,
            };
            let _ = writeln!(io.stderr, "Ошибка: {err}");
            if err.code() == crate::error::ErrorCode::Damaged {
                let _ = writeln!(
                    io.stderr,
                    "Какие записи повреждены и что в них не так: partnernet check data"
                );
            }
            1
        }
    }
}

/// The largest JSON record the CLI reads: far above any real one, and a
/// stop for `--json /dev/zero`.
const JSON_LIMIT: u64 = 16 * 1024 * 1024;

/// Russian labels of the closed lists' codes, for «допустимые значения».
fn labels(code: &str) -> Option<String> {
    let v = crate::vocabulary::vocabulary();
    [
        v.partner_types,
        v.relation_kinds,
        v.readiness_conditions,
        v.agreement_kinds,
        v.agreement_statuses,
        v.event_statuses,
        v.audiences,
        v.frequencies,
        v.tie_kinds,
    ]
    .into_iter()
    .flatten()
    .find(|l| l.code == code)
    .map(|l| l.label)
}

/// Reads a JSON record from FILE, or from stdin for `-`; `what` names it in
/// the message («JSON партнёра не читается …»). A BOM in front is fine.
fn read_json<T: serde::de::DeserializeOwned>(
    json: &std::path::Path,
    io: &mut Io,
    what: &str,
) -> Result<T> {
    let value = read_json_value(json, io, what)?;
    crate::error::json::record(&value, what, &labels)
}

/// The JSON of FILE or stdin, parsed but not yet read into a record.
fn read_json_value(json: &std::path::Path, io: &mut Io, what: &str) -> Result<serde_json::Value> {
    let (name, mut bytes) = (json.display().to_string(), Vec::new());
    if json.as_os_str() == "-" {
        (&mut io.stdin).take(JSON_LIMIT + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(json).and_then(|f| f.take(JSON_LIMIT + 1).read_to_end(&mut bytes))
    }
    .map_err(|e| {
        CoreError::io(
            if name == "-" {
                "стандартный ввод"
            } else {
                &name
            },
            e,
        )
    })?;
    if bytes.len() as u64 > JSON_LIMIT {
        return Err(CoreError::BadInput(format!(
            "JSON {what} больше {} МБ: это не запись, проверьте файл «{name}».",
            JSON_LIMIT >> 20
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        CoreError::BadInput(format!(
            "JSON {what} не в кодировке UTF-8: сохраните файл «{name}» в UTF-8 и повторите."
        ))
    })?;
    crate::error::json::parse(&text, what)
}

fn open(data_dir: Option<PathBuf>) -> Result<Storage> {
    let dir = paths::resolve_data_dir(data_dir, std::env::var(paths::DATA_DIR_ENV).ok())?;
    // A backup first when the file is about to be migrated.
    crate::backups::open_dir(&dir, chrono::Local::now().naive_local())
}

fn execute(cli: Cli, io: &mut Io, now: NaiveDateTime) -> Result<i32> {
    match cli.command {
        Command::Check {
            kind: check::Requisite::Data,
            ..
        } => check::data(&open(cli.data_dir)?, io),
        Command::Check { kind, value } => Ok(check::run(kind, value.as_deref().unwrap_or(""), io)),
        Command::Demo {
            action: Some(start_over::DemoCommand::Remove),
        } => start_over::remove_demo(&mut open(cli.data_dir)?, io, now),
        Command::StartOver { yes } => {
            start_over::start_over(&mut open(cli.data_dir)?, yes, io, now)
        }
        Command::Demo { action: None } => {
            let mut storage = open(cli.data_dir)?;
            let count = crate::demo::fill(&mut storage, now)?;
            let events = crate::events::all(&storage)?.len();
            writeln!(
                io.stdout,
                "Демонстрационные данные загружены: партнёров — {count}, мероприятий — {events}. \
                 База: {}",
                storage.path().display()
            )
            .map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
        Command::Partners(cmd) => {
            let mut storage = open(cli.data_dir)?;
            partners::run(cmd, &mut storage, io, now)
        }
        Command::Fields(cmd) => {
            let mut storage = open(cli.data_dir)?;
            fields::run(cmd, &mut storage, io, now)
        }
        Command::Agreements(cmd) => {
            let mut storage = open(cli.data_dir)?;
            agreements::run(cmd, &mut storage, io, now)
        }
        Command::Events(cmd) => {
            let mut storage = open(cli.data_dir)?;
            events::run(cmd, &mut storage, io, now)
        }
        Command::Templates(cmd) => {
            let mut storage = open(cli.data_dir)?;
            templates::run(cmd, &mut storage, io, now)
        }
        Command::Network { json, year } => {
            let storage = open(cli.data_dir)?;
            network::run(&storage, json, year, io, now)
        }
        Command::Search { query, limit, json } => {
            let storage = open(cli.data_dir)?;
            search::run(&storage, &query, limit, json, io, now)
        }
        Command::Report { year, output } => {
            let storage = open(cli.data_dir)?;
            report::run(&storage, year, &output, io, now)
        }
        Command::Export(args) => export::run(args, cli.data_dir, io, now),
        Command::Backup(cmd) => backup::run(cmd, cli.data_dir, io, now),
        Command::Exchange(cmd) => {
            let mut storage = open(cli.data_dir)?;
            exchange::run(cmd, &mut storage, io, now)
        }
        Command::Plan { year, output } => {
            let storage = open(cli.data_dir)?;
            events::plan_to_file(&storage, year, &output, io, now)
        }
        Command::Brochure(BrochureCommand::Render { input, output }) => {
            brochure::render_with_data(&input, &output, || open(cli.data_dir), now)?;
            writeln!(io.stdout, "Брошюра сохранена: {}", output.display())
                .map_err(|e| CoreError::io("stdout", e))?;
            Ok(0)
        }
    }
}
