//! The pure computation of the network's health over data loaded once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{Months, NaiveDate};

use super::model::{
    HealthFlag, HealthFlagKind, NetworkHealth, PartnerHealth, PartnerRef, StageCount,
};
use crate::agreements::model::{Agreement, AgreementKind, AgreementStatus, StatusChange};
use crate::agreements::term::ended_on;
use crate::events::model::EventStatus;
use crate::events::school_year::school_year_range;
use crate::events::OccurrenceFact;
use crate::partners::model::{HistoryEntry, Partner, Tie, STAGE_LABELS};

/// The field label of the stage in the partner history.
pub const STAGE_FIELD: &str = "Этап партнёрства";

/// Everything the health is computed from; trashed records are not in it.
pub struct Inputs {
    pub today: NaiveDate,
    pub year: i32,
    pub dormant_months: u32,
    /// Live partners.
    pub partners: Vec<Partner>,
    /// The history entries of each partner's stage, the latest first.
    pub stage_history: HashMap<i64, Vec<HistoryEntry>>,
    /// Live agreements with their status changes, oldest first.
    pub agreements: Vec<(Agreement, Vec<StatusChange>)>,
    /// Occurrences of live events from their start up to at least the end
    /// of the school year and today.
    pub occurrences: Vec<OccurrenceFact>,
    /// The institution's deficits.
    pub deficits: Vec<String>,
    /// For each deficit, the partners whose resource covers it.
    pub covered_by: Vec<(String, Vec<i64>)>,
    /// The partners with a resource covering one of the deficits.
    pub covering: HashSet<i64>,
    /// Declared ties whose sides are the institution or live partners.
    pub ties: Vec<Tie>,
    /// The dates of live partners' notes: (partner, date).
    pub note_dates: Vec<(i64, NaiveDate)>,
    /// The institution's short name (its full name, or a fallback, when empty).
    pub institution: String,
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
fn takes_place(o: &OccurrenceFact) -> bool {
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

/// The latest day up to today each partner had a dated note or a tie
/// starting or ending: interactions as much as a joint event.
fn noted_or_tied(input: &Inputs) -> HashMap<i64, NaiveDate> {
    let mut last: HashMap<i64, NaiveDate> = HashMap::new();
    let mut touch = |id: i64, d: NaiveDate| {
        if d <= input.today {
            let e = last.entry(id).or_insert(d);
            *e = (*e).max(d);
        }
    };
    for &(id, d) in &input.note_dates {
        touch(id, d);
    }
    for t in &input.ties {
        for id in [t.first_id, t.second_id].into_iter().flatten() {
            touch(id, t.start_date);
            if let Some(end) = t.end_date {
                touch(id, end);
            }
        }
    }
    last
}

/// The dormant flag of a partner with no agreement in force: no
/// interaction since `cutoff` (the dormant window back from today) and
/// entered before it.
fn dormant(
    p: &Partner,
    last_interaction: Option<NaiveDate>,
    cutoff: NaiveDate,
    today: NaiveDate,
) -> Option<HealthFlag> {
    let created = p.created_at.date();
    let quiet = last_interaction.is_none_or(|d| d <= cutoff);
    if !quiet || created > cutoff {
        return None;
    }
    let since = last_interaction.unwrap_or(created);
    let what = match last_interaction {
        Some(d) => format!(
            "Нет совместных мероприятий, договоров, связей и записей о взаимодействии с {}",
            ru(d)
        ),
        None => format!(
            "Ни одного совместного мероприятия, договора, связи или записи о взаимодействии \
             с внесения в реестр {}",
            ru(created)
        ),
    };
    Some(HealthFlag {
        kind: HealthFlagKind::Dormant,
        partner_id: Some(p.id),
        subject: p.data.short_name.clone(),
        agreement_id: None,
        message: format!(
            "{what} ({} мес.): запланируйте встречу или переведите партнёра в архив.",
            months_between(since, today)
        ),
    })
}

/// The single-contact flag: a partner reached through one contact person,
/// or through none at all. Both are fixed in the card's contacts.
fn contact_risk(p: &Partner) -> Option<HealthFlag> {
    let message = match p.data.contacts.as_slice() {
        [] => "У партнёра нет ни одного контактного лица: добавьте в карточке хотя бы два \
               контакта, чтобы было с кем связаться."
            .to_string(),
        [c] => {
            let who = [c.surname.as_str(), &c.name, &c.patronymic]
                .iter()
                .filter(|s| !s.trim().is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            format!(
                "Связь с партнёром держится на одном контактном лице ({}): добавьте второй \
                 контакт, чтобы не потерять партнёра при смене сотрудника.",
                if who.is_empty() {
                    "без имени"
                } else {
                    &who
                }
            )
        }
        _ => return None,
    };
    Some(HealthFlag {
        kind: HealthFlagKind::SingleContact,
        partner_id: Some(p.id),
        subject: p.data.short_name.clone(),
        agreement_id: None,
        message,
    })
}

/// The occurrences that take place, each with its live partners, and
/// each partner's among them.
struct Happening<'a> {
    list: Vec<(&'a OccurrenceFact, Arc<[i64]>)>,
    of: HashMap<i64, Vec<usize>>,
}

impl<'a> Happening<'a> {
    fn new(input: &'a Inputs, live: &HashSet<i64>) -> Self {
        let list: Vec<(&OccurrenceFact, Arc<[i64]>)> = input
            .occurrences
            .iter()
            .filter(|o| takes_place(o))
            .map(|o| {
                let ids = &o.partner_ids;
                // Mostly every partner is live and listed once: the
                // occurrence's own list is shared, not copied.
                if ids.windows(2).all(|w| w[0] < w[1]) && ids.iter().all(|id| live.contains(id)) {
                    return (o, ids.clone());
                }
                let mut ids: Vec<i64> =
                    ids.iter().copied().filter(|id| live.contains(id)).collect();
                ids.sort_unstable();
                ids.dedup();
                (o, Arc::from(ids))
            })
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        let mut of: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, (_, ids)) in list.iter().enumerate() {
            for id in ids.iter() {
                of.entry(*id).or_default().push(i);
            }
        }
        Happening { list, of }
    }

    /// The occurrences partner `id` takes part in.
    fn with(&self, id: i64) -> impl Iterator<Item = &'a OccurrenceFact> + '_ {
        self.of
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| self.list[i].0)
    }
}

/// One partner's figures, with its agreements in force.
fn partner_row(
    p: &Partner,
    input: &Inputs,
    happening: &Happening,
    touched: &HashMap<i64, NaiveDate>,
) -> PartnerHealth {
    let today = input.today;
    let (first, last) = school_year_range(input.year);
    let last_event = happening
        .with(p.id)
        .map(|o| o.date)
        .filter(|d| *d <= today)
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
    let year: Vec<&OccurrenceFact> = happening
        .with(p.id)
        .filter(|o| o.date >= first && o.date <= last)
        .collect();
    let count = |s: EventStatus| year.iter().filter(|o| o.status == s).count() as u32;
    PartnerHealth {
        partner_id: p.id,
        short_name: p.data.short_name.clone(),
        partner_type: p.data.partner_type,
        stage: p.data.stage,
        last_interaction: last_event.max(last_change).max(touched.get(&p.id).copied()),
        events_planned: count(EventStatus::Planned),
        events_held: count(EventStatus::Held),
        participants_planned: year.iter().filter_map(|o| o.planned_count).sum(),
        participants_actual: year
            .iter()
            .filter(|o| o.status == EventStatus::Held)
            .filter_map(|o| o.actual_count)
            .sum(),
        agreements_in_force: theirs.iter().filter(|(a, _)| a.status.in_force()).count() as u32,
        contacts: p.data.contacts.len() as u32,
    }
}

/// Joint events after an agreement ended, with no other agreement
/// covering them.
fn no_legal_basis(
    input: &Inputs,
    happening: &Happening,
    name: &HashMap<i64, &str>,
) -> Vec<HealthFlag> {
    let mut flags = Vec::new();
    for (a, history) in &input.agreements {
        let Some(end) = ended_on(a, history, input.today) else {
            continue;
        };
        for party in &a.data.parties {
            let pid = party.partner_id;
            if !name.contains_key(&pid) {
                continue;
            }
            let after: Vec<NaiveDate> = happening
                .with(pid)
                .map(|o| o.date)
                .filter(|d| *d > end)
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
    flags
}

/// Deficits no live partner covers, and partners whose resources cover
/// none, with their flags.
fn deficit_gaps(
    input: &Inputs,
    live: &HashSet<i64>,
) -> (Vec<String>, Vec<PartnerRef>, Vec<HealthFlag>) {
    let mut flags = Vec::new();
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
    if input.deficits.is_empty() {
        return (uncovered, idle, flags);
    }
    for p in &input.partners {
        let res = &p.data.resources;
        if res.is_empty() || input.covering.contains(&p.id) {
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
    (uncovered, idle, flags)
}

/// The school year's occurrences with a partner, the five partners with
/// the most of them, and the share of those the five take part in.
fn concentration(
    happening: &Happening,
    name: &HashMap<i64, &str>,
    year: i32,
) -> (u32, Vec<PartnerRef>, Option<f64>) {
    let (first, last) = school_year_range(year);
    let year_occ: Vec<&Arc<[i64]>> = happening
        .list
        .iter()
        .filter(|(o, _)| o.date >= first && o.date <= last)
        .map(|(_, ids)| ids)
        .collect();
    let mut per: HashMap<i64, u32> = HashMap::new();
    for ids in &year_occ {
        for id in ids.iter() {
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
    let top5 = top
        .iter()
        .map(|id| PartnerRef {
            partner_id: *id,
            short_name: name.get(id).copied().unwrap_or_default().to_string(),
        })
        .collect();
    (year_occ.len() as u32, top5, share)
}

/// Partners by stage (no stage, then 1 to 3), and how many moved up a
/// stage during the school year (by the history).
fn stages(input: &Inputs) -> (Vec<StageCount>, u32) {
    let (first, last) = school_year_range(input.year);
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
    (by_stage, moved_up)
}

pub fn compute(input: &Inputs) -> NetworkHealth {
    let today = input.today;
    let live: HashSet<i64> = input.partners.iter().map(|p| p.id).collect();
    let name: HashMap<i64, &str> = input
        .partners
        .iter()
        .map(|p| (p.id, p.data.short_name.as_str()))
        .collect();
    let happening = Happening::new(input, &live);
    let touched = noted_or_tied(input);
    let mut flags = Vec::new();
    let mut rows = Vec::new();
    let cutoff = today.checked_sub_months(Months::new(input.dormant_months));
    for p in &input.partners {
        let row = partner_row(p, input, &happening, &touched);
        if let Some(cutoff) = cutoff.filter(|_| row.agreements_in_force == 0) {
            flags.extend(dormant(p, row.last_interaction, cutoff, today));
        }
        flags.extend(contact_risk(p));
        rows.push(row);
    }
    flags.extend(no_legal_basis(input, &happening, &name));
    let (uncovered, idle, gaps) = deficit_gaps(input, &live);
    flags.extend(gaps);
    let (year_occurrences, top5, share) = concentration(&happening, &name, input.year);
    let (by_stage, moved_up) = stages(input);
    NetworkHealth {
        year: input.year,
        today,
        dormant_months: input.dormant_months,
        partners: rows,
        flags,
        uncovered_deficits: uncovered,
        idle_resources_partners: idle,
        year_occurrences,
        top5,
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
