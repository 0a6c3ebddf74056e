//! The health as the app's pages show it ([`HealthView`]): one order of the
//! flags for every page, the counts by kind, and per partner only what its
//! line in the list needs. Pure functions over a computed [`NetworkHealth`].

use std::collections::HashMap;

use super::model::{FlagCount, HealthFlag, HealthFlagKind, HealthView, NetworkHealth, PartnerMark};

/// The flag kinds, most urgent first: what to fix first, first.
pub const FLAG_ORDER: [HealthFlagKind; 5] = [
    HealthFlagKind::NoLegalBasis,
    HealthFlagKind::Dormant,
    HealthFlagKind::SingleContact,
    HealthFlagKind::UncoveredDeficit,
    HealthFlagKind::IdleResources,
];

fn rank(kind: HealthFlagKind) -> usize {
    FLAG_ORDER
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(FLAG_ORDER.len())
}

/// The flags in the order they are shown: by kind, then by subject without
/// regard to case or ё.
pub fn ordered(flags: &[HealthFlag]) -> Vec<&HealthFlag> {
    let mut keyed: Vec<(usize, String, &HealthFlag)> = flags
        .iter()
        .map(|f| (rank(f.kind), crate::text::fold(&f.subject), f))
        .collect();
    keyed.sort_by(|a, b| {
        (a.0, &a.1, &a.2.subject, a.2.agreement_id).cmp(&(
            b.0,
            &b.1,
            &b.2.subject,
            b.2.agreement_id,
        ))
    });
    keyed.into_iter().map(|(_, _, f)| f).collect()
}

/// The view of `health` with its first `limit` flags.
pub fn view(health: &NetworkHealth, limit: usize) -> HealthView {
    let flags = ordered(&health.flags);
    let mut counts: HashMap<HealthFlagKind, u32> = HashMap::new();
    let mut of: HashMap<i64, Vec<HealthFlagKind>> = HashMap::new();
    for f in &flags {
        *counts.entry(f.kind).or_default() += 1;
        if let Some(id) = f.partner_id {
            of.entry(id).or_default().push(f.kind);
        }
    }
    let marks = health
        .partners
        .iter()
        .filter_map(|p| {
            let flags = of.remove(&p.partner_id).unwrap_or_default();
            (p.last_interaction.is_some() || !flags.is_empty()).then_some(PartnerMark {
                partner_id: p.partner_id,
                last_interaction: p.last_interaction,
                flags,
            })
        })
        .collect();
    HealthView {
        year: health.year,
        today: health.today,
        dormant_months: health.dormant_months,
        partners_count: health.partners.len() as u32,
        flag_counts: FLAG_ORDER
            .iter()
            .filter_map(|&kind| counts.get(&kind).map(|&n| FlagCount { kind, n }))
            .collect(),
        flags_total: flags.len() as u32,
        flags: flags.iter().take(limit).map(|&f| f.clone()).collect(),
        marks,
        uncovered_deficits: health.uncovered_deficits.clone(),
        year_occurrences: health.year_occurrences,
        top5: health.top5.clone(),
        concentration_top5_share: health.concentration_top5_share,
        by_stage: health.by_stage.clone(),
        moved_up: health.moved_up,
    }
}

/// The flags of `partner_id`, in the order they are shown.
pub fn partner_flags(health: &NetworkHealth, partner_id: i64) -> Vec<HealthFlag> {
    let own: Vec<HealthFlag> = health
        .flags
        .iter()
        .filter(|f| f.partner_id == Some(partner_id))
        .cloned()
        .collect();
    ordered(&own).into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::model::PartnerHealth;
    use crate::partners::model::PartnerType;
    use chrono::NaiveDate;

    fn flag(kind: HealthFlagKind, partner: Option<i64>, subject: &str) -> HealthFlag {
        HealthFlag {
            kind,
            partner_id: partner,
            subject: subject.into(),
            agreement_id: None,
            message: format!("{subject}: что исправить"),
        }
    }

    fn partner(id: i64, last: Option<NaiveDate>) -> PartnerHealth {
        PartnerHealth {
            partner_id: id,
            short_name: format!("П{id}"),
            partner_type: PartnerType::GeneralEducation,
            stage: None,
            last_interaction: last,
            events_planned: 0,
            events_held: 0,
            participants_planned: 0,
            participants_actual: 0,
            agreements_in_force: 0,
            contacts: 0,
        }
    }

    fn health() -> NetworkHealth {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1);
        NetworkHealth {
            year: 2026,
            today: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default(),
            dormant_months: 6,
            partners: vec![partner(1, day), partner(2, None), partner(3, None)],
            flags: vec![
                flag(HealthFlagKind::SingleContact, Some(1), "ёж"),
                flag(HealthFlagKind::UncoveredDeficit, None, "Робототехника"),
                flag(HealthFlagKind::Dormant, Some(2), "Жук"),
                flag(HealthFlagKind::SingleContact, Some(2), "Жук"),
                flag(HealthFlagKind::SingleContact, Some(4), "Еда"),
                flag(HealthFlagKind::NoLegalBasis, Some(1), "ёж"),
            ],
            uncovered_deficits: vec!["Робототехника".into()],
            idle_resources_partners: Vec::new(),
            year_occurrences: 0,
            top5: Vec::new(),
            concentration_top5_share: None,
            by_stage: Vec::new(),
            moved_up: 0,
        }
    }

    #[test]
    fn flags_go_by_urgency_then_subject_without_regard_to_case_or_yo() {
        let h = health();
        let order: Vec<(HealthFlagKind, &str)> = ordered(&h.flags)
            .iter()
            .map(|f| (f.kind, f.subject.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                (HealthFlagKind::NoLegalBasis, "ёж"),
                (HealthFlagKind::Dormant, "Жук"),
                (HealthFlagKind::SingleContact, "Еда"),
                (HealthFlagKind::SingleContact, "ёж"),
                (HealthFlagKind::SingleContact, "Жук"),
                (HealthFlagKind::UncoveredDeficit, "Робототехника"),
            ]
        );
    }

    #[test]
    fn the_view_counts_every_flag_but_carries_only_the_first() {
        let v = view(&health(), 2);
        assert_eq!(v.flags_total, 6);
        assert_eq!(v.flags.len(), 2);
        assert_eq!(v.flags[0].kind, HealthFlagKind::NoLegalBasis);
        let counts: Vec<(HealthFlagKind, u32)> =
            v.flag_counts.iter().map(|c| (c.kind, c.n)).collect();
        assert_eq!(
            counts,
            [
                (HealthFlagKind::NoLegalBasis, 1),
                (HealthFlagKind::Dormant, 1),
                (HealthFlagKind::SingleContact, 3),
                (HealthFlagKind::UncoveredDeficit, 1),
            ]
        );
        assert_eq!(v.partners_count, 3);
        // Partner 3 has neither an interaction nor a flag; partner 4 is not live.
        let marks: Vec<(i64, usize)> = v
            .marks
            .iter()
            .map(|m| (m.partner_id, m.flags.len()))
            .collect();
        assert_eq!(marks, [(1, 2), (2, 2)]);
        assert_eq!(
            v.marks[0].flags,
            [HealthFlagKind::NoLegalBasis, HealthFlagKind::SingleContact]
        );
        assert_eq!(v.marks[1].last_interaction, None);
    }

    #[test]
    fn a_partners_flags_are_its_own_in_order() {
        let f = partner_flags(&health(), 2);
        assert_eq!(
            f.iter().map(|f| f.kind).collect::<Vec<_>>(),
            [HealthFlagKind::Dormant, HealthFlagKind::SingleContact]
        );
        assert!(partner_flags(&health(), 3).is_empty());
    }
}
