//! The years a date may have. chrono reaches year 262143, and one date
//! that far once broke the calendar for good (date arithmetic overflowed
//! after the event was saved): every entry point keeps dates inside
//! [`FIRST_YEAR`]..=[`LAST_YEAR`], and the read models skip a stored row
//! outside them.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::error::{FieldError, Refusal};

/// The earliest year a date may have.
pub const FIRST_YEAR: i32 = 1900;
/// The latest year a date may have.
pub const LAST_YEAR: i32 = 2200;

/// Whether the date's year lies within [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn in_range(d: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&d.year())
}

/// The date itself, or why its year is refused: «Дата начала: год должен
/// быть между 1900 и 2200, а указан 262142.» `label` names the field as it
/// starts a sentence.
pub fn date(label: &str, d: NaiveDate) -> Result<NaiveDate, Refusal> {
    if in_range(d) {
        Ok(d)
    } else {
        Err(Refusal(format!(
            "{label}: год должен быть между {FIRST_YEAR} и {LAST_YEAR}, а указан {} — \
             проверьте год.",
            d.year()
        )))
    }
}

/// [`date`] as a form field's problem, `None` when the date is fine.
pub fn date_problem(field: &str, label: &str, d: NaiveDate) -> Option<FieldError> {
    date(label, d).err().map(|r| r.at(field))
}

/// [`date_problem`] of an optional date.
pub fn opt_date_problem(field: &str, label: &str, d: Option<NaiveDate>) -> Option<FieldError> {
    d.and_then(|d| date_problem(field, label, d))
}

/// [`date_problem`] of a date and time.
pub fn time_problem(field: &str, label: &str, t: NaiveDateTime) -> Option<FieldError> {
    date_problem(field, label, t.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive_and_the_message_names_the_field() {
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).expect("date");
        assert!(date("Дата", d(1900)).is_ok());
        assert!(date("Дата", d(2200)).is_ok());
        assert!(date("Дата", d(1899)).is_err());
        assert_eq!(
            date("Дата начала", d(262_142)).map_err(|r| r.0),
            Err(
                "Дата начала: год должен быть между 1900 и 2200, а указан 262142 — \
                 проверьте год."
                    .to_string()
            )
        );
    }
}
