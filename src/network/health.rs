//! The pure computation of the network's health over data loaded once.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Months, NaiveDate};

use super::model::{
    HealthFlag, HealthFlagKind, NetworkHealth, PartnerHealth, PartnerRef, StageCount,
};
use crate::agreements::model::{Agreement, AgreementKind, AgreementStatus, StatusChange};
use crate::events::model::{EventStatus, Occurrence};
use crate::events::school_year::school_year_range;
use crate::institution::matches_deficit;
use crate::partners::model::{HistoryEntry, Partner, STAGE_LABELS};

/// The field label of the stage in the partner history.
pub const STAGE_FIELD: &str = "Этап партнёрства";

/// Everything the health is computed from; trashed records are not in it.
pub struct Inputs {
    pub today: NaiveDate,
    pub year: i32,
    pub dormant_months: u32,
    /// Live partners.
    pub partners: Vec<Partner>,
    /// The history entries of each partner's stage, oldest first.
    pub stage_history: HashMap<i64, Vec<HistoryEntry>>,
    /// Live agreements with their status changes, oldest first.
    pub agreements: Vec<(Agreement, Vec<StatusChange>)>,
    /// Occurrences of live events from their start up to at least the end
    /// of the school year and today.
    pub occurrences: Vec<Occurrence>,
    /// The institution's deficits.
    pub deficits: Vec<String>,
    /// For each deficit, the partners whose resource covers it.
    pub covered_by: Vec<(String, Vec<i64>)>,
}

fn ru(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Whole months from `from` to `to` (0 when `to` is not later).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0u32;
    while from
        .checked_add_months(Months::new(n + 1))
        .is_some_and(|d| d <= to)
    {
        n += 1;
    }
    n
}

/// An occurrence that happens or happened (not cancelled, not postponed).
fn takes_place(o: &Occurrence) -> bool {
    o.status.takes_place()
}

/// The leading stage number of a history value («2. Обмен …» → 2).
fn stage_of(value: &str) -> Option<u8> {
    let digits: String = value
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// The day an ended agreement stopped: the termination or expiry as the
/// status history records it, else its end date; `None` while it runs.
fn ended_on(a: &Agreement, history: &[StatusChange], today: NaiveDate) -> Option<NaiveDate> {
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

/// An agreement that gives a legal basis on `date`: signed or in force,
/// and `date` within its term.
fn covers(a: &Agreement, date: NaiveDate) -> bool {
    matches!(
        a.status,
        AgreementStatus::Signed | AgreementStatus::Active | AgreementStatus::Prolonged
    ) && a.data.start_date.is_none_or(|s| s <= date)
        && a.data.end_date.is_none_or(|e| e >= date)
}

fn agreement_name(a: &Agreement) -> String {
    let noun = match a.data.kind {
        crate::agreements::model::AgreementKind::NetworkProgram => "Договор",
        crate::agreements::model::AgreementKind::Cooperation => "Соглашение",
    };
    if a.data.number.trim().is_empty() {
        noun.to_string()
    } else {
        format!("{noun} № {}", a.data.number.trim())
    }
}

pub fn compute(input: &Inputs) -> NetworkHealth {
    let today = input.today;
    let (first, last) = school_year_range(input.year);
    let live: HashSet<i64> = input.partners.iter().map(|p| p.id).collect();
    let name: HashMap<i64, &str> = input
        .partners
        .iter()
        .map(|p| (p.id, p.data.short_name.as_str()))
        .collect();

    // Occurrences that take place, each with its live partners.
    let happening: Vec<(&Occurrence, Vec<i64>)> = input
        .occurrences
        .iter()
        .filter(|o| takes_place(o))
        .map(|o| {
            let mut ids: Vec<i64> = o
                .partner_ids
                .iter()
                .copied()
                .filter(|id| live.contains(id))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (o, ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();

    let mut flags = Vec::new();
    let mut rows = Vec::new();
    let cutoff = today.checked_sub_months(Months::new(input.dormant_months));
    for p in &input.partners {
        let last_event = happening
            .iter()
            .filter(|(o, ids)| o.date <= today && ids.contains(&p.id))
            .map(|(o, _)| o.date)
            .max();
        let theirs: Vec<&(Agreement, Vec<StatusChange>)> = input
            .agreements
            .iter()
            .filter(|(a, _)| a.data.parties.iter().any(|x| x.partner_id == p.id))
            .collect();
        let last_change = theirs
            .iter()
            .flat_map(|(_, h)| h.iter().map(|c| c.on))
            .filter(|d| *d <= today)
            .max();
        let in_force = theirs.iter().filter(|(a, _)| a.status.in_force()).count() as u32;
        let last_interaction = last_event.max(last_change);

        let year: Vec<&Occurrence> = happening
            .iter()
            .filter(|(o, ids)| o.date >= first && o.date <= last && ids.contains(&p.id))
            .map(|(o, _)| *o)
            .collect();
        let count = |s: EventStatus| year.iter().filter(|o| o.status == s).count() as u32;
        rows.push(PartnerHealth {
            partner_id: p.id,
            short_name: p.data.short_name.clone(),
            partner_type: p.data.partner_type,
            stage: p.data.stage,
            last_interaction,
            events_planned: count(EventStatus::Planned),
            events_held: count(EventStatus::Held),
            participants_planned: year.iter().filter_map(|o| o.planned_count).sum(),
            participants_actual: year
                .iter()
                .filter(|o| o.status == EventStatus::Held)
                .filter_map(|o| o.actual_count)
                .sum(),
            agreements_in_force: in_force,
            contacts: p.data.contacts.len() as u32,
        });

        // Dormant.
        let created = p.created_at.date();
        if let Some(cutoff) = cutoff {
            let quiet = last_interaction.is_none_or(|d| d <= cutoff);
            if in_force == 0 && quiet && created <= cutoff {
                let since = last_interaction.unwrap_or(created);
                let what = match last_interaction {
                    Some(d) => format!("Нет совместных мероприятий и договоров с {}", ru(d)),
                    None => format!(
                        "Ни одного совместного мероприятия и договора с внесения в реестр {}",
                        ru(created)
                    ),
                };
                flags.push(HealthFlag {
                    kind: HealthFlagKind::Dormant,
                    partner_id: Some(p.id),
                    subject: p.data.short_name.clone(),
                    agreement_id: None,
                    message: format!(
                        "{what} ({} мес.): запланируйте встречу или переведите партнёра в архив.",
                        months_between(since, today)
                    ),
                });
            }
        }

        // Single contact.
        if p.data.contacts.len() == 1 {
            let c = &p.data.contacts[0];
            let who = [c.surname.as_str(), &c.name, &c.patronymic]
                .iter()
                .filter(|s| !s.trim().is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            flags.push(HealthFlag {
                kind: HealthFlagKind::SingleContact,
                partner_id: Some(p.id),
                subject: p.data.short_name.clone(),
                agreement_id: None,
                message: format!(
                    "Связь с партнёром держится на одном контактном лице ({}): добавьте второй \
                     контакт, чтобы не потерять партнёра при смене сотрудника.",
                    if who.is_empty() {
                        "без имени"
                    } else {
                        &who
                    }
                ),
            });
        }
    }

    // Joint events after an agreement ended, with no other agreement covering them.
    for (a, history) in &input.agreements {
        let Some(end) = ended_on(a, history, today) else {
            continue;
        };
        for party in &a.data.parties {
            let pid = party.partner_id;
            if !live.contains(&pid) {
                continue;
            }
            let after: Vec<NaiveDate> = happening
                .iter()
                .filter(|(o, ids)| o.date > end && ids.contains(&pid))
                .map(|(o, _)| o.date)
                .filter(|d| {
                    !input.agreements.iter().any(|(other, _)| {
                        other.id != a.id
                            && other.data.parties.iter().any(|x| x.partner_id == pid)
                            && covers(other, *d)
                    })
                })
                .collect();
            let Some(first_after) = after.iter().min() else {
                continue;
            };
            // «Соглашение» is neuter, «Договор» masculine.
            let neuter = a.data.kind == AgreementKind::Cooperation;
            let ended = match (a.status, neuter) {
                (AgreementStatus::Terminated, false) => "расторгнут",
                (AgreementStatus::Terminated, true) => "расторгнуто",
                (_, false) => "истёк",
                (_, true) => "истекло",
            };
            flags.push(HealthFlag {
                kind: HealthFlagKind::NoLegalBasis,
                partner_id: Some(pid),
                subject: name.get(&pid).copied().unwrap_or_default().to_string(),
                agreement_id: Some(a.id),
                message: format!(
                    "{} {ended} {}, а совместные мероприятия с партнёром продолжаются: {} после \
                     этой даты (первое — {}). Заключите новый договор или продлите прежний, либо \
                     отмените мероприятия.",
                    agreement_name(a),
                    ru(end),
                    after.len(),
                    ru(*first_after)
                ),
            });
        }
    }

    // Deficits no partner covers, partners whose resources cover none.
    let mut uncovered = Vec::new();
    for (deficit, partners) in &input.covered_by {
        if partners.iter().any(|id| live.contains(id)) {
            continue;
        }
        uncovered.push(deficit.clone());
        flags.push(HealthFlag {
            kind: HealthFlagKind::UncoveredDeficit,
            partner_id: None,
            subject: deficit.clone(),
            agreement_id: None,
            message: format!(
                "Дефицит «{deficit}» не закрывает ни один партнёр: найдите партнёра с таким \
                 ресурсом или уточните ресурсы партнёров."
            ),
        });
    }
    let mut idle = Vec::new();
    if !input.deficits.is_empty() {
        for p in &input.partners {
            let res = &p.data.resources;
            if res.is_empty()
                || res
                    .iter()
                    .any(|r| input.deficits.iter().any(|d| matches_deficit(d, r)))
            {
                continue;
            }
            idle.push(PartnerRef {
                partner_id: p.id,
                short_name: p.data.short_name.clone(),
            });
            flags.push(HealthFlag {
                kind: HealthFlagKind::IdleResources,
                partner_id: Some(p.id),
                subject: p.data.short_name.clone(),
                agreement_id: None,
                message: format!(
                    "Ресурсы партнёра ({}) не закрывают ни одного дефицита учреждения: \
                     обсудите с ним запросы или дополните список дефицитов.",
                    res.join(", ")
                ),
            });
        }
    }

    // Concentration over the school year.
    let year_occ: Vec<&Vec<i64>> = happening
        .iter()
        .filter(|(o, _)| o.date >= first && o.date <= last)
        .map(|(_, ids)| ids)
        .collect();
    let mut per: HashMap<i64, u32> = HashMap::new();
    for ids in &year_occ {
        for id in *ids {
            *per.entry(*id).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, u32)> = per.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| name.get(&a.0).cmp(&name.get(&b.0)))
            .then(a.0.cmp(&b.0))
    });
    let top: Vec<i64> = ranked.iter().take(5).map(|(id, _)| *id).collect();
    let carried = year_occ
        .iter()
        .filter(|ids| ids.iter().any(|id| top.contains(id)))
        .count();
    let share = (!year_occ.is_empty()).then(|| carried as f64 / year_occ.len() as f64);

    // Stages.
    let mut stages: BTreeMap<Option<u8>, u32> = BTreeMap::new();
    stages.insert(None, 0);
    for s in 1..=STAGE_LABELS.len() as u8 {
        stages.insert(Some(s), 0);
    }
    for p in &input.partners {
        *stages.entry(p.data.stage).or_default() += 1;
    }
    let by_stage = stages
        .into_iter()
        .map(|(stage, partners)| StageCount {
            stage,
            label: stage
                .and_then(|s| STAGE_LABELS.get(usize::from(s).wrapping_sub(1)))
                .map(|l| l.to_string())
                .unwrap_or_else(|| "Этап не указан".to_string()),
            partners,
        })
        .collect();
    let moved_up = input
        .partners
        .iter()
        .filter(|p| {
            input.stage_history.get(&p.id).is_some_and(|h| {
                h.iter().any(|e| {
                    let on = e.changed_at.date();
                    e.field == STAGE_FIELD
                        && on >= first
                        && on <= last
                        && match (stage_of(&e.old_value), stage_of(&e.new_value)) {
                            (Some(old), Some(new)) => new > old,
                            _ => false,
                        }
                })
            })
        })
        .count() as u32;

    NetworkHealth {
        year: input.year,
        today,
        dormant_months: input.dormant_months,
        partners: rows,
        flags,
        uncovered_deficits: uncovered,
        idle_resources_partners: idle,
        year_occurrences: year_occ.len() as u32,
        top5: top
            .iter()
            .map(|id| PartnerRef {
                partner_id: *id,
                short_name: name.get(id).copied().unwrap_or_default().to_string(),
            })
            .collect(),
        concentration_top5_share: share,
        by_stage,
        moved_up,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn whole_months() {
        assert_eq!(months_between(day(2026, 3, 12), day(2026, 12, 12)), 9);
        assert_eq!(months_between(day(2026, 3, 12), day(2026, 12, 11)), 8);
        assert_eq!(months_between(day(2026, 12, 12), day(2026, 3, 12)), 0);
        assert_eq!(months_between(day(2026, 8, 31), day(2026, 9, 30)), 1);
    }

    #[test]
    fn stage_numbers() {
        assert_eq!(stage_of("2. Обмен информацией"), Some(2));
        assert_eq!(stage_of(""), None);
    }
}
