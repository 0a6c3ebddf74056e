//! The command line's own words in Russian: the help's headings and clap's
//! errors (an unknown option, a missing argument, a wrong value), each a
//! sentence naming the argument and what to do. Any error exits with 1, as
//! the README promises; `--help` and `--version` print to stdout with 0.

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;

/// What to print instead of running a command, and the exit code.
#[derive(Debug)]
pub struct Exit {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nИспользование: {usage}\n\n{all-args}{after-help}";

/// Parses the arguments (the program's name first) with Russian help; an
/// error becomes a Russian message and exit code 1.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, Exit> {
    let command = russian(Cli::command().bin_name("partnernet"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading("Параметры")
                .help("Показать версию программы"),
        );
    let matches = command.try_get_matches_from(args).map_err(exit)?;
    Cli::from_arg_matches(&matches).map_err(exit)
}

/// The Russian help of `command` and all its subcommands.
fn russian(command: Command) -> Command {
    command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Команды")
        .subcommand_value_name("КОМАНДА")
        .disable_help_flag(true)
        .mut_args(russian_arg)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help_heading("Параметры")
                .help("Показать эту справку"),
        )
        .mut_subcommands(russian)
}

/// Placeholders people read in the help and in the messages.
fn russian_value_name(name: &str) -> String {
    let by_id = match name.to_lowercase().as_str() {
        "kind" => Some("ВИД"),
        "value" => Some("ЗНАЧЕНИЕ"),
        "id" => Some("НОМЕР"),
        "file" | "input" | "output" => Some("ФАЙЛ"),
        "list" => Some("СПИСОК"),
        "year" => Some("ГОД"),
        "from" | "to" => Some("ДАТА"),
        _ => None,
    };
    if let Some(ru) = by_id {
        return ru.to_string();
    }
    name.replace("FILE", "ФАЙЛ")
        .replace("OUTPUT", "ФАЙЛ")
        .replace("INPUT", "ФАЙЛ")
        .replace("DIR", "ПАПКА")
        .replace("TEXT", "ТЕКСТ")
        .replace("NAME", "ИМЯ")
        .replace("ACTION", "ДЕЙСТВИЕ")
}

fn russian_arg(arg: Arg) -> Arg {
    let positional = arg.is_positional();
    let takes_values = arg.get_action().takes_values();
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|n| russian_value_name(n)).collect(),
        None => vec![russian_value_name(arg.get_id().as_str())],
    };
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(PossibleValue::get_name)
        .map(str::to_string)
        .collect();
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let mut arg = arg.help_heading(if positional {
        "Аргументы"
    } else {
        "Параметры"
    });
    if takes_values {
        arg = arg.value_names(names);
        if !values.is_empty() {
            let sep = if help.is_empty() { "" } else { " " };
            arg = arg.hide_possible_values(true).help(format!(
                "{help}{sep}Возможные значения: {}.",
                values.join(", ")
            ));
        }
    }
    arg
}

fn exit(err: clap::Error) -> Exit {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Exit {
            stdout: in_russian(&err.render().to_string()),
            stderr: String::new(),
            code: 0,
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Exit {
            stdout: String::new(),
            stderr: format!(
                "Ошибка: укажите команду — список ниже.\n\n{}",
                in_russian(&err.render().to_string())
            ),
            code: 1,
        },
        _ => Exit {
            stdout: String::new(),
            stderr: format!("Ошибка: {}\n", message(&err)),
            code: 1,
        },
    }
}

/// The one English word clap writes itself into usage lines.
fn in_russian(text: &str) -> String {
    text.replace("[OPTIONS]", "[ПАРАМЕТРЫ]")
}

fn context(err: &clap::Error, kind: ContextKind) -> String {
    match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(list)) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// How the failed command is called, from clap's usage line.
fn how_to_call(err: &clap::Error) -> String {
    let usage = context(err, ContextKind::Usage);
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    let usage = in_russian(usage.lines().next().unwrap_or_default());
    if usage.is_empty() {
        " Справка: partnernet --help.".to_string()
    } else {
        format!(" Как вызывать: {usage} (подробнее — с --help).")
    }
}

/// clap's error as one Russian sentence naming the argument.
pub fn message(err: &clap::Error) -> String {
    let arg = context(err, ContextKind::InvalidArg);
    let value = context(err, ContextKind::InvalidValue);
    let call = how_to_call(err);
    let suggestion = |kind| {
        let s = context(err, kind);
        if s.is_empty() {
            String::new()
        } else {
            format!(" Возможно, имелось в виду «{s}».")
        }
    };
    match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!(
            "неизвестный параметр «{arg}».{}{call}",
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::UnknownArgument => format!("лишний аргумент «{arg}».{call}"),
        ErrorKind::InvalidSubcommand => format!(
            "неизвестная команда «{}».{}{call}",
            context(err, ContextKind::InvalidSubcommand),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("не указан обязательный аргумент {arg}.{call}")
        }
        ErrorKind::MissingSubcommand => format!(
            "укажите команду: {}.{call}",
            context(err, ContextKind::ValidSubcommand)
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("у {arg} не указано значение.{call}")
        }
        ErrorKind::InvalidValue => format!(
            "недопустимое значение «{value}» для {arg}; возможные значения: {}.",
            context(err, ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => format!(
            "недопустимое значение «{value}» для {arg}: {}.",
            validation_reason(err)
        ),
        ErrorKind::NoEquals => format!("значение {arg} нужно указать через «=».{call}"),
        ErrorKind::TooManyValues => {
            format!("лишнее значение «{value}» для {arg}.{call}")
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("у {arg} не то число значений.{call}")
        }
        ErrorKind::ArgumentConflict => format!(
            "{arg} нельзя указывать вместе с {}.{call}",
            context(err, ContextKind::PriorArg)
        ),
        ErrorKind::InvalidUtf8 => {
            format!("аргумент {arg} не в кодировке UTF-8: переименуйте файл или папку.")
        }
        _ => format!("аргументы команды не распознаны.{call}"),
    }
}

/// Why a value parser refused: our own Russian refusal, or the kind of
/// value expected.
fn validation_reason(err: &clap::Error) -> String {
    use std::error::Error as _;
    let Some(source) = err.source() else {
        return "проверьте его".to_string();
    };
    if let Some(refusal) = source.downcast_ref::<crate::error::Refusal>() {
        return refusal.0.trim_end_matches('.').to_string();
    }
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        use std::num::IntErrorKind;
        return match e.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                "число слишком велико".to_string()
            }
            IntErrorKind::Empty => "укажите число".to_string(),
            _ => "нужно целое число".to_string(),
        };
    }
    let value = context(err, ContextKind::InvalidValue);
    if value.trim().parse::<i128>().is_ok() {
        return "число вне допустимого диапазона".to_string();
    }
    "проверьте его".to_string()
}
