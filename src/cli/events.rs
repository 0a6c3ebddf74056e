//! `partnernet events …` and `partnernet plan …`

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::{EventsCommand, Io};
use crate::error::{CoreError, Refusal, Result};
use crate::events::{self, model::EventFilter, model::EventInput, school_year};
use crate::reports::plan_export;
use crate::storage::Storage;
use crate::text::fold;

fn out(io: &mut Io, text: &str) -> Result<()> {
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))
}

/// A date as people type it: «15.09.2026» or «2026-09-15».
pub fn parse_date(value: &str) -> std::result::Result<NaiveDate, Refusal> {
    let v = value.trim();
    NaiveDate::parse_from_str(v, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(v, "%Y-%m-%d"))
        .map_err(|_| {
            Refusal(format!(
                "дата «{v}» не распознана: укажите её как 15.09.2026 или 2026-09-15"
            ))
        })
        .and_then(|d| crate::validation::dates::date(&format!("Дата «{v}»"), d))
}

/// `events add` takes the event as the app keeps it; the form may be given
/// by name («"form": "семинар"») instead of `form_id`.
fn read_input(storage: &Storage, json: &Path, io: &mut Io) -> Result<EventInput> {
    let mut value = super::read_json_value(json, io, "мероприятия")?;
    if let Some(obj) = value.as_object_mut() {
        if let Some(name) = obj.remove("form") {
            let name = name.as_str().unwrap_or_default().to_string();
            if !obj.contains_key("form_id") {
                let found = events::forms(storage)?
                    .into_iter()
                    .find(|f| fold(&f.name) == fold(name.trim()));
                let Some(form) = found else {
                    let names: Vec<String> = events::forms(storage)?
                        .into_iter()
                        .map(|f| format!("«{}»", f.name))
                        .collect();
                    return Err(CoreError::invalid(
                        "form",
                        format!(
                            "Формы «{name}» нет в списке. Возможные формы: {}.",
                            names.join(", ")
                        ),
                    ));
                };
                obj.insert("form_id".into(), form.id.into());
            }
        }
    }
    crate::error::json::record(&value, "мероприятия", &super::labels)
}

pub fn run(
    cmd: EventsCommand,
    storage: &mut Storage,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    match cmd {
        EventsCommand::List { json, from, to } => {
            let year = school_year::school_year_of(now.date());
            let (first, last) = school_year::school_year_range(year);
            let filter = EventFilter {
                from: Some(from.unwrap_or(first)),
                to: Some(to.unwrap_or(last)),
                ..EventFilter::default()
            };
            if filter.from > filter.to {
                return Err(CoreError::BadInput(
                    "--from позже --to: поменяйте даты местами.".to_string(),
                ));
            }
            let list = events::occurrences(storage, &filter)?;
            for warning in events::damaged(storage)? {
                writeln!(io.stderr, "Внимание: {warning}")
                    .map_err(|e| CoreError::io("stderr", e))?;
            }
            let text = if json {
                serde_json::to_string_pretty(&list)
                    .map_err(|e| CoreError::BadInput(e.to_string()))?
            } else {
                list.iter()
                    .map(|o| {
                        format!(
                            "{}\t{}\t{}\t{}\t{}\t{}",
                            o.event_id,
                            if o.all_day {
                                o.start.format("%d.%m.%Y").to_string()
                            } else {
                                o.start.format("%d.%m.%Y %H:%M").to_string()
                            },
                            o.form,
                            o.title,
                            o.status.label(),
                            o.partners.join(", ")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            out(io, &text)?;
            Ok(0)
        }
        EventsCommand::Add { json } => {
            let input = read_input(storage, &json, io)?;
            let saved = events::create(storage, input, now)?;
            for c in &saved.conflicts {
                writeln!(io.stderr, "Внимание: {}", c.message)
                    .map_err(|e| CoreError::io("stderr", e))?;
            }
            let text = serde_json::to_string_pretty(&saved.event)
                .map_err(|e| CoreError::BadInput(e.to_string()))?;
            out(io, &text)?;
            Ok(0)
        }
        EventsCommand::Import { file } => {
            let text = events::import::read_file(&file)?;
            let report = events::import::apply(storage, &text, now)?;
            for s in &report.skipped {
                writeln!(io.stderr, "Пропущено: {s}").map_err(|e| CoreError::io("stderr", e))?;
            }
            out(
                io,
                &format!(
                    "Импорт из {}: добавлено — {}, обновлено — {}, без изменений — {}.",
                    file.display(),
                    report.added,
                    report.updated,
                    report.unchanged
                ),
            )?;
            Ok(0)
        }
    }
}

pub fn plan_to_file(
    storage: &Storage,
    year: i32,
    output: &Path,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    if !(2000..=2100).contains(&year) {
        return Err(CoreError::BadInput(format!(
            "Учебный год {year} вне диапазона 2000–2100: укажите год начала, например --year 2026."
        )));
    }
    plan_export::export(storage, year, output, now)?;
    out(
        io,
        &format!(
            "План на {}/{} учебный год сохранён: {}",
            year,
            year + 1,
            output.display()
        ),
    )?;
    Ok(0)
}
