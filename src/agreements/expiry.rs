//! Statuses that keep themselves (issue 14 §4): an agreement in force whose
//! end date has passed stops reading «действует». The day after its end it
//! becomes «истёк», or «продлён» when it prolongs itself — by as many
//! periods as have passed while the app was closed — each change in its
//! status history on its own date. Never a day early: on the end date
//! itself the agreement is still in force.

use chrono::{Duration, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lifecycle::{capitalized, title};
use super::model::{Agreement, AgreementKind, AgreementStatus};
use super::validate::fmt_date;
use super::{all, queries};
use crate::error::Result;
use crate::storage::Storage;

/// How many periods one pass prolongs at most: a sane bound for an
/// agreement left prolonging itself for decades.
const MAX_PERIODS: u32 = 200;

/// One status the app changed by itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusKept {
    pub agreement_id: i64,
    pub to: AgreementStatus,
    /// The day the change took effect: the day after the end date.
    pub on: NaiveDate,
    /// The end date after the change (a prolongation moves it).
    pub end_date: Option<NaiveDate>,
    /// «Договор № 4/2025 истёк: последний день действия 30.11.2026.» —
    /// what the app tells her.
    pub message: String,
}

/// One change due: the new status, the day it takes effect, the end date
/// it leaves.
type Step = (AgreementStatus, NaiveDate, NaiveDate);

/// The changes due for `a` as of `today`; none while it is not past its end.
fn due(a: &Agreement, today: NaiveDate) -> Vec<Step> {
    let in_force = matches!(
        a.status,
        AgreementStatus::Active | AgreementStatus::Prolonged
    );
    let Some(mut end) = a.data.end_date.filter(|end| in_force && *end < today) else {
        return Vec::new();
    };
    let months = a.data.prolong_months.unwrap_or(12);
    let mut out = Vec::new();
    if !a.data.auto_prolong || months == 0 {
        if let Some(on) = end.checked_add_signed(Duration::days(1)) {
            out.push((AgreementStatus::Expired, on, end));
        }
        return out;
    }
    while end < today && out.len() < MAX_PERIODS as usize {
        let (Some(on), Some(next)) = (
            end.checked_add_signed(Duration::days(1)),
            end.checked_add_months(Months::new(months)),
        ) else {
            break;
        };
        out.push((AgreementStatus::Prolonged, on, next));
        end = next;
    }
    out
}

fn message(a: &Agreement, to: AgreementStatus, on: NaiveDate, end: NaiveDate) -> String {
    let what = capitalized(&title(a));
    // «Договор … истёк», «Соглашение … истекло».
    let neuter = a.data.kind == AgreementKind::Cooperation;
    match to {
        AgreementStatus::Prolonged => {
            let verb = if neuter {
                "продлено"
            } else {
                "продлён"
            };
            format!("{what} {verb} с {} до {}.", fmt_date(on), fmt_date(end))
        }
        _ => {
            let verb = if neuter {
                "истекло"
            } else {
                "истёк"
            };
            format!("{what} {verb}: последний день действия {}.", fmt_date(end))
        }
    }
}

/// Brings every live agreement's status up to `today` in one transaction
/// and says what changed (nothing when all are current). Called when the
/// app starts and once a day while it is open, and by the CLI.
pub fn keep_statuses(
    storage: &mut Storage,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Vec<StatusKept>> {
    let mut changes: Vec<(Agreement, Vec<Step>)> = all(storage, today)?
        .into_iter()
        .map(|a| {
            let steps = due(&a, today);
            (a, steps)
        })
        .filter(|(_, steps)| !steps.is_empty())
        .collect();
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    storage.write(|tx| {
        let mut kept = Vec::new();
        for (a, steps) in &mut changes {
            for &(to, on, end) in steps.iter() {
                let note = match to {
                    AgreementStatus::Prolonged => format!("продлён до {}", fmt_date(end)),
                    _ => "срок действия закончился".to_string(),
                };
                if to == AgreementStatus::Prolonged {
                    a.data.end_date = Some(end);
                    queries::update(tx, a.id, &a.data, now)?;
                }
                queries::set_status(tx, a.id, Some(a.status), to, on, &note, now)?;
                kept.push(StatusKept {
                    agreement_id: a.id,
                    to,
                    on,
                    end_date: a.data.end_date,
                    message: message(a, to, on, end),
                });
                a.status = to;
            }
        }
        Ok(kept)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreements::model::AgreementInput;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn agreement(status: AgreementStatus, end: NaiveDate, auto: bool) -> Agreement {
        Agreement {
            status,
            data: AgreementInput {
                end_date: Some(end),
                auto_prolong: auto,
                prolong_months: auto.then_some(12),
                ..AgreementInput::default()
            },
            id: 1,
            created_at: NaiveDateTime::default(),
            updated_at: NaiveDateTime::default(),
            deleted_at: None,
        }
    }

    #[test]
    fn not_a_day_early_and_the_day_after_the_end() {
        let a = agreement(AgreementStatus::Active, d(2026, 11, 30), false);
        assert!(
            due(&a, d(2026, 11, 30)).is_empty(),
            "the end date is still in force"
        );
        assert_eq!(
            due(&a, d(2026, 12, 1)),
            vec![(AgreementStatus::Expired, d(2026, 12, 1), d(2026, 11, 30))]
        );
    }

    #[test]
    fn a_self_prolonging_agreement_catches_up_period_by_period() {
        let a = agreement(AgreementStatus::Active, d(2024, 8, 31), true);
        let steps = due(&a, d(2026, 12, 4));
        assert_eq!(
            steps,
            vec![
                (AgreementStatus::Prolonged, d(2024, 9, 1), d(2025, 8, 31)),
                (AgreementStatus::Prolonged, d(2025, 9, 1), d(2026, 8, 31)),
                (AgreementStatus::Prolonged, d(2026, 9, 1), d(2027, 8, 31)),
            ]
        );
    }

    #[test]
    fn only_agreements_in_force_change() {
        for s in [
            AgreementStatus::Draft,
            AgreementStatus::OnApproval,
            AgreementStatus::Signed,
            AgreementStatus::Expired,
            AgreementStatus::Terminated,
        ] {
            assert!(due(&agreement(s, d(2020, 1, 1), false), d(2026, 1, 1)).is_empty());
        }
        let mut open = agreement(AgreementStatus::Active, d(2020, 1, 1), false);
        open.data.end_date = None;
        assert!(due(&open, d(2026, 1, 1)).is_empty(), "no end date: runs on");
    }
}
