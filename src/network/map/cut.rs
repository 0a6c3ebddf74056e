//! Which partners the map shows (issue 13 §3): 10 000 circles are not a
//! map. Of the partners passing the filters, the most active in the period
//! (occurrences + 2 × agreements in force, then declared ties, then the
//! short name), at most the query's limit; a focused partner is added
//! whatever the cut, with its direct neighbours. The map says what was
//! left out.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{passes, tie_during};
use crate::agreements::in_force_during;
use crate::grammar::plural;
use crate::network::health::Inputs;
use crate::network::model::MapQuery;
use crate::partners::model::Partner;

/// A focused partner brings at most this many neighbours (the most active).
pub const FOCUS_NEIGHBOURS: usize = 50;

/// A partner's activity in the period, as the cut ranks it.
#[derive(Default, Clone, Copy)]
struct Activity {
    events: u32,
    agreements: u32,
    ties: u32,
}

impl Activity {
    /// Largest first: occurrences + 2 × agreements, then declared ties.
    fn rank(&self) -> (Reverse<u32>, Reverse<u32>) {
        (
            Reverse(self.events + 2 * self.agreements),
            Reverse(self.ties),
        )
    }
}

/// The partners the map shows and what the cut left out.
pub struct Cut<'a> {
    /// The partners on the map, in no particular order.
    pub shown: Vec<&'a Partner>,
    /// Partners passing the filters.
    pub passed: u32,
    /// Of those, how many are not on the map.
    pub hidden: u32,
    /// How many the cut kept as the most active.
    pub top: u32,
    /// The focused partner, when it exists.
    pub focus: Option<&'a Partner>,
    /// The institution's occurrences and agreements with partners passing
    /// the filters.
    pub institution: (u32, u32),
}

/// What the period holds for each partner passing the filters, and the
/// institution's counts with them.
fn activity(
    inputs: &Inputs,
    passed: &HashSet<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> (HashMap<i64, Activity>, (u32, u32)) {
    let mut by: HashMap<i64, Activity> =
        passed.iter().map(|&id| (id, Activity::default())).collect();
    let mut institution = (0, 0);
    let mut seen: Vec<i64> = Vec::new();
    for o in inputs
        .occurrences
        .iter()
        .filter(|o| o.status.takes_place() && o.date >= from && o.date <= to)
    {
        seen.clear();
        seen.extend(o.partner_ids.iter().filter(|id| passed.contains(id)));
        seen.sort_unstable();
        seen.dedup();
        institution.0 += u32::from(!seen.is_empty());
        for id in &seen {
            if let Some(a) = by.get_mut(id) {
                a.events += 1;
            }
        }
    }
    for (a, history) in &inputs.agreements {
        if !in_force_during(a, history, from, to, inputs.today) {
            continue;
        }
        seen.clear();
        seen.extend(
            a.data
                .parties
                .iter()
                .map(|p| p.partner_id)
                .filter(|id| passed.contains(id)),
        );
        seen.sort_unstable();
        seen.dedup();
        institution.1 += u32::from(!seen.is_empty());
        for id in &seen {
            if let Some(x) = by.get_mut(id) {
                x.agreements += 1;
            }
        }
    }
    for t in inputs.ties.iter().filter(|t| tie_during(t, from, to)) {
        for id in [t.first_id, t.second_id].into_iter().flatten() {
            if let Some(x) = by.get_mut(&id) {
                x.ties += 1;
            }
        }
    }
    (by, institution)
}

/// The partners sharing an occurrence, an agreement in force or a declared
/// tie with `id` in the period.
fn neighbours(inputs: &Inputs, id: i64, from: NaiveDate, to: NaiveDate) -> HashSet<i64> {
    let mut near = HashSet::new();
    for o in inputs
        .occurrences
        .iter()
        .filter(|o| o.status.takes_place() && o.date >= from && o.date <= to)
        .filter(|o| o.partner_ids.contains(&id))
    {
        near.extend(o.partner_ids.iter().copied());
    }
    for (a, history) in &inputs.agreements {
        if a.data.parties.iter().any(|p| p.partner_id == id)
            && in_force_during(a, history, from, to, inputs.today)
        {
            near.extend(a.data.parties.iter().map(|p| p.partner_id));
        }
    }
    for t in inputs.ties.iter().filter(|t| tie_during(t, from, to)) {
        match (t.first_id, t.second_id) {
            (Some(a), Some(b)) if a == id => {
                near.insert(b);
            }
            (Some(a), Some(b)) if b == id => {
                near.insert(a);
            }
            _ => {}
        }
    }
    near.remove(&id);
    near
}

/// The map's partners for `query` in `from..=to`.
pub fn cut<'a>(inputs: &'a Inputs, query: &MapQuery, from: NaiveDate, to: NaiveDate) -> Cut<'a> {
    let mut passing: Vec<&Partner> = inputs
        .partners
        .iter()
        .filter(|p| passes(p, query))
        .collect();
    let ids: HashSet<i64> = passing.iter().map(|p| p.id).collect();
    let (by, institution) = activity(inputs, &ids, from, to);
    let rank = |p: &&Partner| {
        let a = by.get(&p.id).copied().unwrap_or_default();
        (a.rank(), p.data.short_name.clone(), p.id)
    };
    passing.sort_by_cached_key(rank);
    let limit = query.limit.map_or(passing.len(), |n| n as usize);
    let top = limit.min(passing.len());
    let mut on: HashSet<i64> = passing[..top].iter().map(|p| p.id).collect();
    let mut shown: Vec<&Partner> = passing[..top].to_vec();
    let focus = query
        .focus
        .and_then(|id| inputs.partners.iter().find(|p| p.id == id));
    if let Some(f) = focus {
        let near = neighbours(inputs, f.id, from, to);
        // The focus itself even when the filters leave it out: it was asked for.
        let mut add: Vec<&Partner> = vec![f];
        // `passing` is in rank order: the most active neighbours first.
        add.extend(
            passing
                .iter()
                .filter(|p| near.contains(&p.id))
                .take(FOCUS_NEIGHBOURS),
        );
        for p in add {
            if on.insert(p.id) {
                shown.push(p);
            }
        }
    }
    let passed = passing.len() as u32;
    let hidden = passing.iter().filter(|p| !on.contains(&p.id)).count() as u32;
    Cut {
        shown,
        passed,
        hidden,
        top: top as u32,
        focus,
        institution,
    }
}

/// «Показаны 150 самых активных партнёров из 10 046.» (with the focused
/// partner named); none when the cut left nobody out.
pub fn note(cut: &Cut<'_>) -> Option<String> {
    if cut.hidden == 0 {
        return None;
    }
    let n = i64::from(cut.top);
    let shown = plural(n, "Показан", "Показаны", "Показаны");
    let most = plural(n, "самый активный", "самых активных", "самых активных");
    let partners = plural(n, "партнёр", "партнёра", "партнёров");
    let mut text = format!(
        "{shown} {} {most} {partners} из {}",
        crate::grammar::number(i64::from(cut.top)),
        crate::grammar::number(i64::from(cut.passed))
    );
    if let Some(f) = cut.focus {
        // A name with its own quotes («МУ «Радуга»») gets no more.
        let name = &f.data.short_name;
        let named = if name.contains('«') {
            name.clone()
        } else {
            format!("«{name}»")
        };
        text.push_str(&format!(", а также {named} и связанные с ним партнёры"));
    }
    text.push('.');
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_of(top: u32, passed: u32, focus: Option<&Partner>) -> Cut<'_> {
        Cut {
            shown: Vec::new(),
            passed,
            hidden: passed - top,
            top,
            focus,
            institution: (0, 0),
        }
    }

    #[test]
    fn the_note_says_how_many_of_how_many_in_russian() {
        let said = |top, passed| note(&cut_of(top, passed, None));
        assert_eq!(said(150, 150), None, "nobody left out, nothing said");
        assert_eq!(
            said(150, 10_046).as_deref(),
            Some("Показаны 150 самых активных партнёров из 10\u{a0}046.")
        );
        assert_eq!(
            said(1, 5).as_deref(),
            Some("Показан 1 самый активный партнёр из 5.")
        );
        assert_eq!(
            said(2, 5).as_deref(),
            Some("Показаны 2 самых активных партнёра из 5.")
        );
        assert_eq!(
            said(11, 500).as_deref(),
            Some("Показаны 11 самых активных партнёров из 500.")
        );
        let school = crate::partners::model::PartnerInput {
            short_name: "Школа № 7".into(),
            ..Default::default()
        };
        let p = Partner {
            id: 7,
            data: school,
            created_at: chrono::NaiveDateTime::default(),
            updated_at: chrono::NaiveDateTime::default(),
            deleted_at: None,
        };
        assert_eq!(
            note(&cut_of(150, 1000, Some(&p))).as_deref(),
            Some("Показаны 150 самых активных партнёров из 1000, а также «Школа № 7» и связанные с ним партнёры.")
        );
        let mut club = p.clone();
        club.data.short_name = "МУ «Радуга»".into();
        assert!(note(&cut_of(150, 1000, Some(&club)))
            .is_some_and(|n| n.contains(", а также МУ «Радуга» и связанные")));
    }

    #[test]
    fn agreements_weigh_two_events_and_ties_break_even() {
        let a = |events, agreements, ties| Activity {
            events,
            agreements,
            ties,
        };
        assert!(a(3, 0, 0).rank() < a(2, 0, 5).rank(), "more active first");
        assert!(
            a(0, 2, 0).rank() < a(3, 0, 0).rank(),
            "an agreement is two events"
        );
        assert!(a(2, 0, 0).rank() == a(0, 1, 0).rank());
        assert!(a(2, 0, 1).rank() < a(0, 1, 0).rank(), "then declared ties");
    }
}
