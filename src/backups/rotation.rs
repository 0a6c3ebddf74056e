//! Which backups to keep: the newest of each of the last 7 days, 4 weeks and
//! 12 months that have one (her setting in Настройки → Данные), and
//! everything of the last 24 hours (so a backup made before a restore is
//! never rotated away while she may still need it).

use chrono::{Datelike, Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldError;

/// How many days, weeks and months keep their newest backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Policy {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

pub const DEFAULT_POLICY: Policy = Policy {
    daily: 7,
    weekly: 4,
    monthly: 12,
};

/// The counts she may choose, each.
pub const COUNTS: std::ops::RangeInclusive<u32> = 1..=99;

impl Default for Policy {
    fn default() -> Self {
        DEFAULT_POLICY
    }
}

/// The problems of a rotation form, by field; empty when it can be saved.
pub fn check(policy: &Policy) -> Vec<FieldError> {
    [
        ("daily", policy.daily, "ежедневных"),
        ("weekly", policy.weekly, "еженедельных"),
        ("monthly", policy.monthly, "ежемесячных"),
    ]
    .into_iter()
    .filter(|(_, n, _)| !COUNTS.contains(n))
    .map(|(field, n, what)| {
        FieldError::new(
            field,
            format!(
                "Число {what} копий — целое от {} до {}, а указано {n}.",
                COUNTS.start(),
                COUNTS.end()
            ),
        )
    })
    .collect()
}

/// The day, week or month a backup falls in.
type Bucket = fn(NaiveDateTime) -> (i32, u32);

/// For each of `times` (in any order), whether that backup is kept at `now`.
pub fn keep(times: &[NaiveDateTime], now: NaiveDateTime, policy: Policy) -> Vec<bool> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by(|&a, &b| times[b].cmp(&times[a]));
    let mut kept: Vec<bool> = times.iter().map(|&t| t > now - Duration::days(1)).collect();
    let buckets: [(u32, Bucket); 3] = [
        (policy.daily, |t| (t.year(), t.ordinal())),
        (policy.weekly, |t| {
            let w = t.iso_week();
            (w.year(), w.week())
        }),
        (policy.monthly, |t| (t.year(), t.month())),
    ];
    for (limit, bucket) in buckets {
        let limit = limit as usize;
        let mut last = None;
        let mut count = 0;
        for &i in &order {
            if count == limit {
                break;
            }
            let key = bucket(times[i]);
            if last != Some(key) {
                last = Some(key);
                kept[i] = true;
                count += 1;
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .expect("date")
    }

    fn kept(times: &[NaiveDateTime], now: NaiveDateTime) -> Vec<NaiveDateTime> {
        let flags = keep(times, now, DEFAULT_POLICY);
        let mut out: Vec<_> = times
            .iter()
            .zip(flags)
            .filter(|(_, k)| *k)
            .map(|(t, _)| *t)
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_year_of_daily_backups_keeps_7_days_4_weeks_and_12_months() {
        let now = at(2026, 12, 31, 20);
        let times: Vec<_> = (0..400)
            .map(|d| at(2026, 12, 31, 9) - Duration::days(d))
            .collect();
        let kept = kept(&times, now);
        // Days: 25–31 December. Weeks (Monday first): the newest of the weeks
        // ending 27.12 (Sunday) and 20.12, 13.12 beside the current one.
        // Months: the last day of each of the 11 months before December.
        let mut expected: Vec<_> = (25..=31).map(|d| at(2026, 12, d, 9)).collect();
        expected.extend([at(2026, 12, 13, 9), at(2026, 12, 20, 9)]);
        for m in 1..=11 {
            let last = NaiveDate::from_ymd_opt(2026, m + 1, 1).expect("d") - Duration::days(1);
            expected.push(last.and_hms_opt(9, 0, 0).expect("t"));
        }
        expected.sort();
        assert_eq!(kept, expected);
        assert_eq!(kept.len(), 7 + 2 + 11);
    }

    #[test]
    fn several_a_day_keep_the_newest_of_the_day_and_all_of_the_last_24_hours() {
        let now = at(2026, 12, 10, 12);
        let times = [
            at(2026, 12, 10, 9),
            at(2026, 12, 10, 11),
            at(2026, 12, 9, 13),
            at(2026, 12, 9, 8),
            at(2026, 12, 8, 9),
            at(2026, 12, 8, 17),
        ];
        assert_eq!(
            kept(&times, now),
            vec![
                at(2026, 12, 8, 17),
                at(2026, 12, 9, 13),
                at(2026, 12, 10, 9),
                at(2026, 12, 10, 11)
            ]
        );
    }

    #[test]
    fn few_backups_are_all_kept() {
        let now = at(2026, 12, 10, 12);
        let times = [at(2025, 1, 10, 9), at(2026, 6, 1, 9), at(2026, 12, 1, 9)];
        assert_eq!(kept(&times, now).len(), 3);
        assert!(keep(&[], now, DEFAULT_POLICY).is_empty());
    }

    #[test]
    fn her_counts_are_kept_and_checked() {
        let now = at(2026, 12, 31, 20);
        let times: Vec<_> = (0..400)
            .map(|d| at(2026, 12, 31, 9) - Duration::days(d))
            .collect();
        let policy = Policy {
            daily: 3,
            weekly: 1,
            monthly: 2,
        };
        let flags = keep(&times, now, policy);
        // 31, 30, 29 December; the week's newest is the 31st; November's last day.
        assert_eq!(flags.iter().filter(|k| **k).count(), 3 + 1);
        assert!(flags[..3].iter().all(|k| *k) && flags[31]);
        assert!(check(&DEFAULT_POLICY).is_empty());
        let bad = Policy {
            daily: 0,
            weekly: 99,
            monthly: 100,
        };
        let problems = check(&bad);
        let fields: Vec<&str> = problems.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["daily", "monthly"]);
        assert_eq!(
            problems[0].message,
            "Число ежедневных копий — целое от 1 до 99, а указано 0."
        );
    }

    #[test]
    fn months_beyond_twelve_are_dropped() {
        let now = at(2026, 12, 31, 20);
        // One backup on the 1st of each of the last 24 months.
        let times: Vec<_> = (0..24)
            .map(|i| {
                let m0 = 2026 * 12 + 11 - i;
                at(m0 / 12, (m0 % 12 + 1) as u32, 1, 9)
            })
            .collect();
        let kept = kept(&times, now);
        assert_eq!(kept.len(), 12, "{kept:?}");
        assert_eq!(kept[0], at(2026, 1, 1, 9));
    }
}
