//! Reminders: agreements in force («действует», «продлён») that end within
//! the configured window, and those past their end still in force.

use chrono::NaiveDate;

use crate::agreements::model::{AgreementStatus, Reminder, ReminderKind};
use crate::agreements::queries;
use crate::error::Result;
use crate::storage::Storage;

/// Why an agreement needs attention on `today`, with the days left
/// (negative when overdue); `None` when it does not.
pub fn attention(
    status: AgreementStatus,
    end_date: Option<NaiveDate>,
    today: NaiveDate,
    window_days: u32,
) -> Option<(ReminderKind, i64)> {
    if !status.in_force() {
        return None;
    }
    let days_left = (end_date? - today).num_days();
    if days_left < 0 {
        Some((ReminderKind::Overdue, days_left))
    } else if days_left <= i64::from(window_days) {
        Some((ReminderKind::EndingSoon, days_left))
    } else {
        None
    }
}

/// The reminders of `today`: overdue first, then by the days left.
pub fn reminders(storage: &Storage, today: NaiveDate) -> Result<Vec<Reminder>> {
    let window = crate::settings::get(storage)?.reminder_days;
    let mut out: Vec<Reminder> = queries::summaries(storage.conn(), false, None)?
        .into_iter()
        .filter_map(|listed| {
            let s = listed.summary;
            let (kind, days_left) = attention(s.status, s.end_date, today, window)?;
            Some(Reminder {
                agreement_id: s.id,
                number: s.number,
                partners: s.partners,
                end_date: s.end_date?,
                kind,
                days_left,
            })
        })
        .collect();
    out.sort_by_key(|r| (r.days_left, r.agreement_id));
    Ok(out)
}

/// The number on the sidebar badge.
pub fn reminder_count(storage: &Storage, today: NaiveDate) -> Result<usize> {
    Ok(reminders(storage, today)?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn window_edges() {
        let today = d(2026, 11, 22);
        let active = AgreementStatus::Active;
        assert_eq!(
            attention(active, Some(d(2026, 12, 22)), today, 30),
            Some((ReminderKind::EndingSoon, 30))
        );
        assert_eq!(attention(active, Some(d(2026, 12, 23)), today, 30), None);
        assert_eq!(
            attention(active, Some(today), today, 30),
            Some((ReminderKind::EndingSoon, 0))
        );
        assert_eq!(
            attention(AgreementStatus::Prolonged, Some(d(2026, 11, 21)), today, 30),
            Some((ReminderKind::Overdue, -1))
        );
        assert_eq!(
            attention(AgreementStatus::Signed, Some(today), today, 30),
            None
        );
        assert_eq!(attention(active, None, today, 30), None);
    }
}
