//! Checks and normalises an agreement form before anything is saved. Every
//! problem becomes a Russian message tied to its dotted field path
//! (`parties.0.partner_id`, `end_date`, `plan.2.title` …); a form with any
//! problem is saved not at all. What needs the database (partners exist and
//! are not in the trash, the number is free) is checked in `mod.rs`.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::agreements::model::{AgreementInput, AgreementKind, PlanItem};
use crate::error::FieldError;
use crate::organisation::validate::Problems;
use crate::text;

const MAX_NUMBER: usize = 50;
const MAX_LINE: usize = 200;
const MAX_ROLE: usize = 100;
const MAX_TEXT: usize = 20_000;
const MAX_PLAN_FIELD: usize = 500;
const MAX_PLAN_ROWS: usize = 200;
const MAX_PARTIES: usize = 50;

pub fn fmt_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A multi-line text without control characters other than tabs and
/// line breaks ([`crate::validation::fields::clean_text`]).
fn clean(s: &mut String) {
    crate::organisation::validate::trim_text(s);
}

/// One line: control characters out, inner runs of spaces collapsed.
fn clean_line(s: &mut String) {
    let t = crate::validation::fields::clean_line(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t != *s {
        *s = t;
    }
}

fn check_len(p: &mut Problems, field: &str, label: &str, value: &str, max: usize) {
    let n = value.chars().count();
    if n > max {
        p.add(
            field,
            format!("{label}: слишком длинный текст ({n} знаков), допускается не более {max}."),
        );
    }
}

/// The roles the text calls the parties by, when the user left them empty.
pub fn default_own_role(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::NetworkProgram => "Базовая организация",
        AgreementKind::Cooperation => "Сторона 1",
    }
}

fn default_partner_role(kind: AgreementKind, index: usize, count: usize) -> String {
    match (kind, count) {
        (AgreementKind::NetworkProgram, 1) => "Организация-участник".to_string(),
        (AgreementKind::NetworkProgram, _) => format!("Организация-участник {}", index + 1),
        (AgreementKind::Cooperation, _) => format!("Сторона {}", index + 2),
    }
}

/// Normalises the form; returns it cleaned, or every problem found.
pub fn normalize_agreement(mut input: AgreementInput) -> Result<AgreementInput, Vec<FieldError>> {
    let mut p = Problems::default();
    clean_line(&mut input.number);
    clean_line(&mut input.place);
    clean_line(&mut input.own_role);
    clean_line(&mut input.responsible);
    clean(&mut input.subject);
    clean(&mut input.notes);
    for s in [
        &mut input.art15.programme,
        &mut input.art15.learners,
        &mut input.art15.duties,
        &mut input.art15.documents,
        &mut input.art15.term,
    ] {
        clean(s);
    }
    check_len(&mut p, "number", "Номер", &input.number, MAX_NUMBER);
    check_len(&mut p, "place", "Место заключения", &input.place, MAX_LINE);
    check_len(
        &mut p,
        "own_role",
        "Роль учреждения",
        &input.own_role,
        MAX_ROLE,
    );
    check_len(
        &mut p,
        "responsible",
        "Ответственный",
        &input.responsible,
        MAX_LINE,
    );
    check_len(&mut p, "subject", "Предмет", &input.subject, MAX_TEXT);
    check_len(&mut p, "notes", "Заметки", &input.notes, MAX_TEXT);
    for (field, value) in [
        ("art15.programme", &input.art15.programme),
        ("art15.learners", &input.art15.learners),
        ("art15.duties", &input.art15.duties),
        ("art15.documents", &input.art15.documents),
        ("art15.term", &input.art15.term),
    ] {
        check_len(&mut p, field, "Пункт ст. 15", value, MAX_TEXT);
    }
    parties(&mut p, &mut input);
    dates(&mut p, &input);
    prolongation(&mut p, &mut input);
    input.plan = plan(&mut p, std::mem::take(&mut input.plan));
    p.into_result(input)
}

fn parties(p: &mut Problems, input: &mut AgreementInput) {
    if input.own_role.is_empty() {
        input.own_role = default_own_role(input.kind).to_string();
    }
    if input.parties.is_empty() {
        p.add(
            "parties",
            "Добавьте хотя бы одного партнёра — сторону договора.",
        );
        return;
    }
    if input.parties.len() > MAX_PARTIES {
        p.add(
            "parties",
            format!("Слишком много сторон: не более {MAX_PARTIES}."),
        );
    }
    let count = input.parties.len();
    let mut ids = HashSet::new();
    let mut roles = HashSet::new();
    roles.insert(text::fold(&input.own_role));
    for (i, party) in input.parties.iter_mut().enumerate() {
        clean_line(&mut party.role);
        if party.role.is_empty() {
            party.role = default_partner_role(input.kind, i, count);
        }
        check_len(
            p,
            &format!("parties.{i}.role"),
            "Роль стороны",
            &party.role,
            MAX_ROLE,
        );
        if party.partner_id <= 0 {
            p.add(
                format!("parties.{i}.partner_id"),
                "Выберите партнёра из реестра для этой стороны договора.",
            );
        } else if !ids.insert(party.partner_id) {
            p.add(
                format!("parties.{i}.partner_id"),
                "Этот партнёр уже указан стороной договора: каждая сторона указывается один раз.",
            );
        }
        if !roles.insert(text::fold(&party.role)) {
            p.add(
                format!("parties.{i}.role"),
                format!(
                    "Наименование «{}» уже есть у другой стороны: в тексте договора стороны \
                     должны называться по-разному.",
                    party.role
                ),
            );
        }
    }
}

fn dates(p: &mut Problems, input: &AgreementInput) {
    for (field, label, date) in [
        ("date", "Дата договора", input.date),
        ("start_date", "Дата начала", input.start_date),
        ("end_date", "Дата окончания", input.end_date),
    ] {
        if let Some(e) = crate::validation::dates::opt_date_problem(field, label, date) {
            p.add(e.field, e.message);
        }
    }
    if let (Some(start), Some(end)) = (input.start_date, input.end_date) {
        if end < start {
            p.add(
                "end_date",
                format!(
                    "Дата окончания {} раньше даты начала {}: проверьте срок действия.",
                    fmt_date(end),
                    fmt_date(start)
                ),
            );
        }
    }
    if let (Some(date), Some(end)) = (input.date, input.end_date) {
        if end < date {
            p.add(
                "end_date",
                format!(
                    "Дата окончания {} раньше даты заключения {}: проверьте даты.",
                    fmt_date(end),
                    fmt_date(date)
                ),
            );
        }
    }
}

fn prolongation(p: &mut Problems, input: &mut AgreementInput) {
    if !input.auto_prolong {
        input.prolong_months = None;
        return;
    }
    match input.prolong_months {
        Some(m) if (1..=120).contains(&m) => {}
        Some(m) => p.add(
            "prolong_months",
            format!("Срок автоматического продления — от 1 до 120 месяцев, а указано {m}."),
        ),
        None => p.add(
            "prolong_months",
            "Укажите, на сколько месяцев договор продлевается автоматически (от 1 до 120).",
        ),
    }
    if input.end_date.is_none() {
        p.add(
            "end_date",
            "Для автоматического продления укажите дату окончания договора.",
        );
    }
}

/// Drops fully empty rows; a row with text but no event title is an error.
fn plan(p: &mut Problems, rows: Vec<PlanItem>) -> Vec<PlanItem> {
    let mut out = Vec::new();
    // Field paths use the row's index in the form, before empty rows go.
    for (i, mut row) in rows.into_iter().enumerate() {
        clean_line(&mut row.title);
        clean_line(&mut row.period);
        clean_line(&mut row.responsible);
        if row.title.is_empty() && row.period.is_empty() && row.responsible.is_empty() {
            continue;
        }
        if row.title.is_empty() {
            p.add(
                format!("plan.{i}.title"),
                "Укажите мероприятие в строке плана (или удалите пустую строку).",
            );
        }
        check_len(
            p,
            &format!("plan.{i}.title"),
            "Мероприятие",
            &row.title,
            MAX_PLAN_FIELD,
        );
        check_len(
            p,
            &format!("plan.{i}.period"),
            "Срок",
            &row.period,
            MAX_PLAN_FIELD,
        );
        check_len(
            p,
            &format!("plan.{i}.responsible"),
            "Ответственный",
            &row.responsible,
            MAX_PLAN_FIELD,
        );
        out.push(row);
    }
    if out.len() > MAX_PLAN_ROWS {
        p.add(
            "plan",
            format!("В плане слишком много строк: не более {MAX_PLAN_ROWS}."),
        );
    }
    out
}
