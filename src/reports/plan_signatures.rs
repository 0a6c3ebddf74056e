//! The plan's approval block and signature (issue 14 §6): Russian plans
//! carry «УТВЕРЖДАЮ» at the top right (the approver's position, a
//! signature line with the name, the date) and the signature of the person
//! responsible at the end. Kept in the settings as one value; until she
//! sets them, the head of the institution approves and the responsible's
//! name is left to be written by hand.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::storage::Storage;
use crate::validation::dates::opt_date_problem;
use crate::validation::fields::line_in;

const KEY: &str = "plan_signatures";

/// What the plan's approval block and closing signature say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanSignatures {
    /// Print «УТВЕРЖДАЮ» at the top right.
    pub approval: bool,
    /// «Директор МБУ ДО «ЦДТ»».
    pub approver_position: String,
    /// «В.И. Мишина».
    pub approver_name: String,
    /// The date of approval; none leaves «___» ________ 20__ г. to fill in.
    pub approval_date: Option<NaiveDate>,
    /// Print the responsible's signature at the end.
    pub responsible: bool,
    /// «Ответственный за сетевое взаимодействие».
    pub responsible_position: String,
    /// Empty leaves the line to write by hand.
    pub responsible_name: String,
}

/// The position and name of the institution's head as the block's default.
fn defaults(storage: &Storage) -> Result<PlanSignatures> {
    let inst = crate::institution::get(storage)?;
    let head = &inst.head;
    let position = crate::grammar::capitalize(head.position.trim());
    let approver_position = [position.as_str(), inst.short_name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(PlanSignatures {
        approval: true,
        approver_position,
        approver_name: crate::grammar::initials_before(&head.surname, &head.name, &head.patronymic),
        approval_date: None,
        responsible: true,
        responsible_position: "Ответственный за сетевое взаимодействие".into(),
        responsible_name: String::new(),
    })
}

/// The stored block, or the defaults while none is stored (or the stored
/// value does not read).
pub fn get(storage: &Storage) -> Result<PlanSignatures> {
    let stored = crate::settings::stored(storage.conn(), KEY)?;
    match stored.and_then(|v| serde_json::from_str(&v).ok()) {
        Some(s) => Ok(s),
        None => defaults(storage),
    }
}

/// The problems of `s`, each naming its field; the texts are cleaned in
/// place.
pub fn check(s: &mut PlanSignatures) -> Vec<FieldError> {
    let mut problems: Vec<FieldError> = [
        line_in(
            "approver_position",
            "Должность утверждающего",
            &mut s.approver_position,
        ),
        line_in("approver_name", "Имя утверждающего", &mut s.approver_name),
        line_in(
            "responsible_position",
            "Должность ответственного",
            &mut s.responsible_position,
        ),
        line_in(
            "responsible_name",
            "Имя ответственного",
            &mut s.responsible_name,
        ),
        opt_date_problem("approval_date", "Дата утверждения", s.approval_date),
    ]
    .into_iter()
    .flatten()
    .collect();
    if s.approval && s.approver_position.is_empty() {
        problems.push(FieldError::new(
            "approver_position",
            "Укажите должность утверждающего план (например, «Директор МБУ ДО «ЦДТ»») \
             или снимите отметку «Гриф «УТВЕРЖДАЮ»».",
        ));
    }
    problems
}

/// Stores the block after checking it; nothing is stored when it is refused.
pub fn save(storage: &mut Storage, mut input: PlanSignatures) -> Result<PlanSignatures> {
    let problems = check(&mut input);
    if !problems.is_empty() {
        return Err(CoreError::Validation(problems));
    }
    let json = serde_json::to_string(&input)
        .map_err(|e| CoreError::Document(format!("подписи плана не сохраняются: {e}")))?;
    storage.write(|tx| crate::settings::store(tx, KEY, &json))?;
    Ok(input)
}

/// «01» сентября 2026 г. as agreements write it, or the blank to fill in
/// by hand.
pub fn date_line(date: Option<NaiveDate>) -> String {
    date.map_or_else(
        || "«___» ______________ 20___ г.".into(),
        crate::grammar::date_quoted,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block() -> PlanSignatures {
        PlanSignatures {
            approval: true,
            approver_position: "  Директор МБУ ДО «ЦДТ»  ".into(),
            approver_name: "В.И. Мишина".into(),
            approval_date: NaiveDate::from_ymd_opt(2026, 9, 1),
            responsible: true,
            responsible_position: "Методист".into(),
            responsible_name: String::new(),
        }
    }

    #[test]
    fn a_block_is_cleaned_and_an_empty_approver_refused() {
        let mut s = block();
        assert!(check(&mut s).is_empty());
        assert_eq!(s.approver_position, "Директор МБУ ДО «ЦДТ»");
        let mut s = PlanSignatures {
            approver_position: " ".into(),
            ..block()
        };
        let problems = check(&mut s);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "approver_position");
        assert!(problems[0].message.contains("должность утверждающего"));
        let mut off = PlanSignatures {
            approval: false,
            approver_position: String::new(),
            ..block()
        };
        assert!(check(&mut off).is_empty(), "no block, no approver needed");
    }

    #[test]
    fn bad_text_and_dates_are_named() {
        let mut s = PlanSignatures {
            responsible_name: "Петрова\u{0}".to_string(),
            approval_date: NaiveDate::from_ymd_opt(262_142, 1, 1),
            ..block()
        };
        let fields: Vec<String> = check(&mut s).into_iter().map(|p| p.field).collect();
        assert!(fields.contains(&"approval_date".to_string()), "{fields:?}");
        let mut long = PlanSignatures {
            approver_name: "я".repeat(5000),
            ..block()
        };
        let fields: Vec<String> = check(&mut long).into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["approver_name"]);
    }

    #[test]
    fn the_date_line_is_written_as_on_paper() {
        assert_eq!(
            date_line(NaiveDate::from_ymd_opt(2026, 9, 1)),
            "«01» сентября 2026 г."
        );
        assert_eq!(date_line(None), "«___» ______________ 20___ г.");
    }
}
