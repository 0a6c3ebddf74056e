//! When an agreement was in force: the day it was signed, the day it
//! stopped, and whether it held at some day of a period. One rule for the
//! network's health, its map and the year's report.

use chrono::NaiveDate;

use super::model::{Agreement, AgreementStatus, StatusChange};

/// The day an agreement was signed: its change to «подписан», else (for
/// one past signing without that change) its date or start.
pub fn signed_on(a: &Agreement, history: &[StatusChange]) -> Option<NaiveDate> {
    if let Some(c) = history.iter().find(|c| c.to == AgreementStatus::Signed) {
        return Some(c.on);
    }
    match a.status {
        AgreementStatus::Draft | AgreementStatus::OnApproval => None,
        _ => a.data.date.or(a.data.start_date),
    }
}

/// The day an ended agreement stopped: the termination or expiry as the
/// status history records it (an expired one at its end date when it has
/// one), else its end date; one still signed stops at an end date before
/// `today`; `None` while it runs.
pub fn ended_on(a: &Agreement, history: &[StatusChange], today: NaiveDate) -> Option<NaiveDate> {
    match a.status {
        AgreementStatus::Terminated | AgreementStatus::Expired => {
            let changed = history
                .iter()
                .rev()
                .find(|c| c.to == a.status)
                .map(|c| c.on);
            match (a.status, a.data.end_date, changed) {
                (AgreementStatus::Expired, Some(end), _) => Some(end),
                (_, _, Some(on)) => Some(on),
                (_, end, None) => end,
            }
        }
        AgreementStatus::Signed | AgreementStatus::Active | AgreementStatus::Prolonged => {
            a.data.end_date.filter(|end| *end < today)
        }
        AgreementStatus::Draft | AgreementStatus::OnApproval => None,
    }
}

/// An agreement in force at some day of `from..=to`: signed by its end,
/// started by then, not ended before its start.
pub fn in_force_during(
    a: &Agreement,
    history: &[StatusChange],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> bool {
    let end = ended_on(a, history, today).or(a.data.end_date);
    signed_on(a, history).is_some_and(|s| s <= to)
        && a.data.start_date.is_none_or(|s| s <= to)
        && end.is_none_or(|e| e >= from)
}
