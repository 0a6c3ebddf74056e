//! Checks of an event form: each problem a Russian sentence on its field,
//! nothing saved while there is one.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDateTime, NaiveTime};
use rusqlite::Connection;

use crate::error::{FieldError, Refusal, Result};
use crate::events::model::{Audience, EventInput, OccurrenceChange, Recurrence};
use crate::events::queries;
use crate::events::recurrence;

const MAX_TITLE: usize = 300;
const MAX_TEXT: usize = 20_000;
const MAX_COUNT: i64 = 1_000_000;
const MAX_REPEATS: u32 = 500;

pub fn fmt_time(t: NaiveDateTime) -> String {
    t.format("%d.%m.%Y %H:%M").to_string()
}

fn count_problem(field: &str, value: Option<i64>, what: &str) -> Option<FieldError> {
    let v = value?;
    if v < 0 {
        Some(FieldError::new(
            field,
            format!("{what} не может быть меньше нуля, а указано {v}: исправьте число."),
        ))
    } else if v > MAX_COUNT {
        Some(FieldError::new(
            field,
            format!("{what} слишком велико ({v}): проверьте число."),
        ))
    } else {
        None
    }
}

/// A web address for an online event, normalised («vk.com/x» → «https://vk.com/x»).
pub fn link(value: &str) -> std::result::Result<String, Refusal> {
    crate::validation::website(value).map_err(|_| {
        Refusal(format!(
            "Ссылка «{value}» — не адрес в интернете. Укажите адрес целиком, например \
             https://vk.com/ddt_kotovsk или https://telemost.yandex.ru/j/12345."
        ))
    })
}

/// Trims and normalises the form; the problems found without the database,
/// all of them at once so the user sees every field to fix.
pub fn normalize(mut input: EventInput) -> std::result::Result<EventInput, Vec<FieldError>> {
    let mut problems = clean_texts(&mut input);
    text_problems(&input, &mut problems);
    if input.form_id <= 0 {
        problems.push(FieldError::new(
            "form_id",
            "Выберите форму мероприятия: семинар, круглый стол, вебинар …",
        ));
    }
    if input.all_day {
        input.start = input.start.date().and_time(NaiveTime::MIN);
        input.end = input.end.date().and_time(NaiveTime::MIN);
    }
    let dates = date_problems(&input);
    if dates.is_empty() {
        problems.extend(span_problem(&input));
    }
    problems.extend(dates);
    if !input.link.is_empty() {
        match link(&input.link) {
            Ok(normal) => input.link = normal,
            Err(refusal) => problems.push(refusal.at("link")),
        }
    }
    problems.extend(count_problem(
        "planned_count",
        input.planned_count,
        "Планируемое число участников",
    ));
    problems.extend(count_problem(
        "actual_count",
        input.actual_count,
        "Фактическое число участников",
    ));
    tidy_lists(&mut input);
    if let Some(rule) = input.recurrence.as_mut() {
        recurrence_problems(rule, &input.start, &mut problems);
    }
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(problems)
    }
}

/// Control characters out of every text, one-line fields on one line.
fn clean_texts(input: &mut EventInput) -> Vec<FieldError> {
    use crate::validation::fields::{line_in, text_in};
    input.link = input.link.trim().to_string();
    [
        line_in("title", "Название", &mut input.title),
        text_in("description", "Описание", &mut input.description),
        line_in("place", "Место", &mut input.place),
        line_in("organiser", "Организатор", &mut input.organiser),
        text_in("results", "Итоги", &mut input.results),
        line_in("responsible", "Ответственный", &mut input.responsible),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Every date within the years the calendar can count with.
fn date_problems(input: &EventInput) -> Vec<FieldError> {
    use crate::validation::dates::{opt_date_problem, time_problem};
    [
        time_problem("start", "Дата начала", input.start),
        time_problem("end", "Дата окончания", input.end),
        opt_date_problem(
            "recurrence.until",
            "Дата окончания серии",
            input.recurrence.as_ref().and_then(|r| r.until),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A title is required and, like the long texts, limited in length.
fn text_problems(input: &EventInput, problems: &mut Vec<FieldError>) {
    if input.title.is_empty() {
        problems.push(FieldError::new("title", "Укажите название мероприятия."));
    } else if input.title.chars().count() > MAX_TITLE {
        problems.push(FieldError::new(
            "title",
            format!("Название слишком длинное: не более {MAX_TITLE} знаков."),
        ));
    }
    for (field, value) in [
        ("description", &input.description),
        ("results", &input.results),
    ] {
        if value.chars().count() > MAX_TEXT {
            problems.push(FieldError::new(
                field,
                format!("Текст слишком длинный: не более {MAX_TEXT} знаков."),
            ));
        }
    }
}

/// The end may not come before the start, nor more than a year after it.
/// Dates of an all-day event are shown without times.
fn span_problem(input: &EventInput) -> Option<FieldError> {
    if input.end < input.start {
        let shown = |t: NaiveDateTime| {
            if input.all_day {
                t.format("%d.%m.%Y").to_string()
            } else {
                fmt_time(t)
            }
        };
        Some(FieldError::new(
            "end",
            format!(
                "Окончание ({}) раньше начала ({}): исправьте дату или время окончания.",
                shown(input.end),
                shown(input.start)
            ),
        ))
    } else if input.end - input.start > chrono::Duration::days(366) {
        Some(FieldError::new(
            "end",
            "Мероприятие длится больше года: проверьте дату окончания.",
        ))
    } else {
        None
    }
}

/// The audience in its canonical order and the partners without repeats,
/// so that equal forms are stored equally.
fn tidy_lists(input: &mut EventInput) {
    let mut audience = Vec::new();
    for a in Audience::ALL {
        if input.audience.contains(&a) {
            audience.push(a);
        }
    }
    input.audience = audience;
    let mut seen = Vec::new();
    input.partner_ids.retain(|id| {
        let fresh = !seen.contains(id);
        seen.push(*id);
        fresh
    });
}

fn recurrence_problems(rule: &mut Recurrence, start: &NaiveDateTime, out: &mut Vec<FieldError>) {
    if rule.interval == 0 || rule.interval > 99 {
        out.push(FieldError::new(
            "recurrence.interval",
            format!(
                "Интервал повторения — от 1 до 99, а указано {}.",
                rule.interval
            ),
        ));
    }
    if let Some(bad) = rule.weekdays.iter().find(|d| !(1..=7).contains(*d)) {
        out.push(FieldError::new(
            "recurrence.weekdays",
            format!(
                "День недели {bad} не существует: выберите дни от понедельника до воскресенья."
            ),
        ));
    }
    rule.weekdays = recurrence::weekdays(start.date(), rule);
    if rule.frequency != crate::events::model::Frequency::Weekly {
        rule.weekdays.clear();
    }
    match (rule.until, rule.count) {
        (None, None) => out.push(FieldError::new(
            "recurrence.until",
            "Укажите, когда серия заканчивается: дату последнего занятия или число повторений.",
        )),
        (Some(until), _) if until < start.date() => out.push(FieldError::new(
            "recurrence.until",
            format!(
                "Серия не может закончиться ({}) раньше первого занятия ({}).",
                until.format("%d.%m.%Y"),
                start.format("%d.%m.%Y")
            ),
        )),
        _ => {}
    }
    if let Some(count) = rule.count {
        if count == 0 || count > MAX_REPEATS {
            out.push(FieldError::new(
                "recurrence.count",
                format!("Число повторений — от 1 до {MAX_REPEATS}, а указано {count}."),
            ));
        }
    }
}

/// What the reference checks read from the database: the forms, every
/// partner's name and every agreement, each read once for a batch of events
/// (an .ics import, an exchange package) rather than once per event.
pub struct References {
    forms: HashSet<i64>,
    partners: HashMap<i64, (String, bool)>,
    /// Agreement id → in the trash.
    agreements: HashMap<i64, bool>,
}

impl References {
    pub fn load(conn: &Connection) -> Result<Self> {
        Ok(References {
            forms: queries::forms(conn)?.into_iter().map(|f| f.id).collect(),
            partners: queries::partner_names(conn)?,
            agreements: queries::agreements_trashed(conn)?,
        })
    }
}

/// Problems that need the database: the form, partners and agreement exist
/// and are not in the trash.
pub fn references(refs: &References, input: &EventInput) -> Vec<FieldError> {
    let mut out = Vec::new();
    if input.form_id > 0 && !refs.forms.contains(&input.form_id) {
        out.push(FieldError::new(
            "form_id",
            format!(
                "Форма мероприятия № {} не найдена: выберите форму из списка.",
                input.form_id
            ),
        ));
    }
    for (i, pid) in input.partner_ids.iter().enumerate() {
        let field = format!("partner_ids.{i}");
        match refs.partners.get(pid) {
            None => out.push(FieldError::new(
                field,
                format!("Партнёр № {pid} не найден в реестре: выберите партнёра из списка."),
            )),
            Some((name, true)) => out.push(FieldError::new(
                field,
                format!("Партнёр «{name}» в корзине: восстановите его или уберите из мероприятия."),
            )),
            Some(_) => {}
        }
    }
    if let Some(aid) = input.agreement_id {
        match refs.agreements.get(&aid) {
            None => out.push(FieldError::new(
                "agreement_id",
                format!("Договор № {aid} не найден: выберите договор из списка."),
            )),
            Some(true) => out.push(FieldError::new(
                "agreement_id",
                "Этот договор в корзине: восстановите его или выберите другой.",
            )),
            Some(false) => {}
        }
    }
    out
}

/// Checks a change of one occurrence; trims its text.
pub fn change(mut c: OccurrenceChange) -> std::result::Result<OccurrenceChange, Vec<FieldError>> {
    use crate::validation::dates::{date_problem, time_problem};
    let mut out: Vec<FieldError> = [
        crate::validation::fields::text_in("results", "Итоги", &mut c.results),
        date_problem("date", "Дата занятия", c.date),
        c.start
            .and_then(|t| time_problem("start", "Дата начала занятия", t)),
        c.end
            .and_then(|t| time_problem("end", "Дата окончания занятия", t)),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (c.start, c.end) {
        (Some(s), Some(e)) if e < s => out.push(FieldError::new(
            "end",
            format!(
                "Окончание ({}) раньше начала ({}): исправьте время занятия.",
                fmt_time(e),
                fmt_time(s)
            ),
        )),
        (Some(_), None) | (None, Some(_)) => out.push(FieldError::new(
            "end",
            "Укажите и начало, и окончание перенесённого занятия.",
        )),
        _ => {}
    }
    out.extend(count_problem(
        "actual_count",
        c.actual_count,
        "Фактическое число участников",
    ));
    if out.is_empty() {
        Ok(c)
    } else {
        Err(out)
    }
}
