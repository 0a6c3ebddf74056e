//! The demo shows the network (issue 11 §8), loaded into a real SQLite file
//! on several days across a school year: the health flags it promises,
//! its ties and notes, the stage changes, and the last school year's
//! history in that year's report.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};

use super::event_history::{previous_year, VETERANS};
use super::event_spec::SchoolYear;
use super::network::{demo_notes, demo_ties, stage_moves, DORMANT_PARTNER};
use super::{fill, UNCOVERED_DEFICIT};
use crate::events::school_year::school_year_of;
use crate::network::model::{HealthFlagKind, NetworkHealth};
use crate::partners::model::{TieInput, TieKind};
use crate::storage::Storage;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn noon(today: NaiveDate) -> NaiveDateTime {
    today.and_hms_opt(12, 0, 0).expect("valid time")
}

/// The first and last day of a school year, inside its terms, a leap day,
/// and a day of the year before.
fn days() -> Vec<NaiveDate> {
    vec![
        day(2026, 9, 1),
        day(2026, 11, 22),
        day(2027, 1, 2),
        day(2027, 3, 1),
        day(2027, 8, 31),
        day(2028, 2, 29),
        day(2025, 9, 7),
    ]
}

fn loaded(today: NaiveDate) -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut storage = Storage::open_dir(dir.path()).expect("storage");
    fill(&mut storage, noon(today)).unwrap_or_else(|e| panic!("{today}: {e}"));
    (dir, storage)
}

fn flagged(h: &NetworkHealth, kind: HealthFlagKind) -> Vec<String> {
    h.flags
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.subject.clone())
        .collect()
}

fn count(storage: &Storage, sql: &str) -> i64 {
    storage
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Every flag the demo promises, on the day of loading.
fn check_flags(storage: &Storage, today: NaiveDate) {
    let year = school_year_of(today);
    let h = crate::network::health(storage, today, year).expect("health");
    use HealthFlagKind::*;
    assert!(
        !flagged(&h, Dormant).is_empty(),
        "{today}: no dormant partner"
    );
    assert!(!flagged(&h, SingleContact).is_empty(), "{today}");
    assert!(
        flagged(&h, NoLegalBasis).iter().any(|n| n == VETERANS),
        "{today}: {:?}",
        flagged(&h, NoLegalBasis)
    );
    assert_eq!(
        flagged(&h, UncoveredDeficit),
        [UNCOVERED_DEFICIT],
        "{today}"
    );
    assert_eq!(h.uncovered_deficits, [UNCOVERED_DEFICIT], "{today}");
    assert!(!h.idle_resources_partners.is_empty(), "{today}");
    assert!(!flagged(&h, IdleResources).is_empty(), "{today}");
    // Moved up a stage this year and the last one, by the history.
    assert_eq!(h.moved_up, 3, "{today}");
    let last = crate::network::health(storage, today, year - 1).expect("health");
    assert_eq!(last.moved_up, 2, "{today}");
}

/// The ties: all four kinds, one with the institution ended last year, a
/// note on every «другое»; each passes the registry's own check and is
/// written to both partners' history.
fn check_ties(storage: &Storage, today: NaiveDate) {
    let expected = demo_ties(today);
    let stored = count(storage, "SELECT count(*) FROM partner_ties");
    assert_eq!(stored as usize, expected.len(), "{today}");
    assert!(expected.len() >= 10);
    let kinds: HashSet<TieKind> = expected.iter().map(|t| t.kind).collect();
    assert_eq!(kinds.len(), TieKind::ALL.len(), "{today}");
    let last = SchoolYear(SchoolYear::containing(today).0 - 1);
    let ended = crate::partners::ties::of_institution(storage)
        .expect("ties")
        .into_iter()
        .filter(|t| t.end_date.is_some_and(|e| last.contains(e)))
        .count();
    assert_eq!(ended, 1, "{today}");
    let mut stmt = storage
        .conn()
        .prepare("SELECT id FROM partner_ties")
        .expect("sql");
    let ids: Vec<i64> = stmt
        .query_map([], |r| r.get(0))
        .expect("ids")
        .map(|r| r.expect("id"))
        .collect();
    for id in ids {
        let t = crate::partners::ties::get(storage, id).expect("tie");
        assert!(t.start_date <= today, "{today}: {t:?}");
        let input = TieInput {
            first_id: t.first_id,
            second_id: t.second_id,
            kind: t.kind,
            start_date: Some(t.start_date),
            end_date: t.end_date,
            note: t.note.clone(),
        };
        let problems = crate::partners::ties::check(storage, &input).expect("check");
        assert!(problems.is_empty(), "{today}: {t:?}: {problems:?}");
    }
    let sides = count(
        storage,
        "SELECT count(first_id) + count(second_id) FROM partner_ties",
    );
    let history = count(
        storage,
        "SELECT count(*) FROM partner_history WHERE field = 'Связь'",
    );
    assert_eq!(history, sides, "{today}");
}

/// The dated notes: all of them, before the day of loading, some naming
/// a contact person.
fn check_notes(storage: &Storage, today: NaiveDate) {
    let expected = demo_notes();
    // The old «Заметки» of the demo partners are dated notes too.
    let mut stmt = storage
        .conn()
        .prepare("SELECT body FROM partner_notes")
        .expect("sql");
    let bodies: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("notes")
        .map(|r| r.expect("body"))
        .collect();
    for n in &expected {
        let times = bodies.iter().filter(|b| b.as_str() == n.text).count();
        assert_eq!(times, 1, "{today}: {}", n.text);
    }
    let with_person = count(
        storage,
        "SELECT count(*) FROM partner_notes WHERE person_id IS NOT NULL",
    );
    assert!(with_person >= 3, "{today}: {with_person}");
    let future = count(
        storage,
        &format!(
            "SELECT count(*) FROM partner_notes WHERE on_date > '{}'",
            today.format("%Y-%m-%d")
        ),
    );
    assert_eq!(future, 0, "{today}");
    let ids: Vec<i64> = crate::partners::all(storage)
        .expect("partners")
        .into_iter()
        .map(|p| p.id)
        .collect();
    let named = ids
        .iter()
        .flat_map(|id| crate::partners::notes::of_partner(storage, *id).expect("notes"))
        .filter(|n| !n.person_name.is_empty())
        .count();
    assert!(named as i64 >= with_person, "{today}");
}

/// The last school year's report has held events with results and
/// participants, an agreement that ended, partners that moved up.
fn check_last_year(storage: &Storage, today: NaiveDate) {
    let year = school_year_of(today) - 1;
    let r = crate::reports::annual::report(storage, year, today).expect("report");
    let count = previous_year(SchoolYear(year + 1)).len() as u32;
    assert_eq!(r.events_total.held, count, "{today}");
    assert_eq!(r.events_total.total, count, "{today}");
    assert!(r.events_total.participants_actual > 300, "{today}");
    assert_eq!(r.results.len() as u32, count, "{today}");
    assert!(r.agreements.ended >= 1, "{today}: {:?}", r.agreements);
    assert!(
        r.agreements
            .rows
            .iter()
            .any(|a| a.partners.iter().any(|p| p == VETERANS) && a.ended_on.is_some()),
        "{today}"
    );
    assert_eq!(r.moved_up, 2, "{today}");
}

#[test]
fn the_demo_shows_the_network_on_several_days() {
    for today in days() {
        let (_dir, storage) = loaded(today);
        check_flags(&storage, today);
        check_ties(&storage, today);
        check_notes(&storage, today);
        check_last_year(&storage, today);
    }
}

/// The stage changes agree with the partners' stages and dates, and none
/// lies after the day of loading, on every day of a school year.
#[test]
fn stage_moves_fit_every_day_of_the_year() {
    let partners = super::partners();
    let mut today = day(2026, 9, 1);
    while today <= day(2027, 8, 31) {
        let year = SchoolYear::containing(today);
        let moves = stage_moves(today);
        let this_year = moves.iter().filter(|m| year.contains(m.3)).count();
        assert_eq!(this_year, 3, "{today}");
        for (name, from, to, on) in moves {
            assert!(on <= today && from < to, "{today}: {name}");
            let p = partners
                .iter()
                .find(|p| p.short_name == name)
                .unwrap_or_else(|| panic!("no partner {name}"));
            assert_eq!(p.stage, Some(to), "{name}");
        }
        for t in demo_ties(today) {
            assert!(t.start <= today && t.end.is_none_or(|e| e >= t.start));
        }
        today += chrono::Duration::days(1);
    }
}

/// The last year's events alone: inside that year, online ones with a
/// link, the others with a place, partners and agreements that exist.
#[test]
fn last_year_specs_are_sound() {
    let partners: HashSet<String> = super::partners()
        .into_iter()
        .map(|p| p.short_name)
        .collect();
    let agreements: HashSet<&str> = super::agreements::agreements(day(2026, 9, 1))
        .into_iter()
        .filter_map(|a| a.partners.first().map(|(name, _)| *name))
        .collect();
    let year = SchoolYear(2026);
    let last = SchoolYear(2025);
    for s in previous_year(year) {
        assert!(last.contains(s.start.date()) && last.contains(s.end.date()));
        assert!(
            !s.results.is_empty() && !s.responsible.is_empty(),
            "{}",
            s.title
        );
        assert!(s.place.is_empty() != s.link.is_empty(), "{}", s.title);
        for p in s.partners {
            assert!(partners.contains(*p), "«{}»: {p}", s.title);
        }
        if let Some(a) = s.agreement {
            assert!(agreements.contains(a), "«{}»: {a}", s.title);
        }
    }
}

/// A sweep over a school year, every fortnight: the partner left alone is
/// always dormant, an agreement always ended under going events, and the
/// deficit always uncovered.
#[test]
fn flags_hold_all_year() {
    let mut today = day(2026, 9, 1);
    while today <= day(2027, 8, 31) {
        let (_dir, storage) = loaded(today);
        let h = crate::network::health(&storage, today, school_year_of(today)).expect("health");
        assert!(
            flagged(&h, HealthFlagKind::Dormant).contains(&DORMANT_PARTNER.to_string()),
            "{today}"
        );
        assert!(
            !flagged(&h, HealthFlagKind::NoLegalBasis).is_empty(),
            "{today}"
        );
        assert_eq!(h.uncovered_deficits, [UNCOVERED_DEFICIT], "{today}");
        today += chrono::Duration::days(15);
    }
}
