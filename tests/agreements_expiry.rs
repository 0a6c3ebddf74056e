//! Statuses that keep themselves (issue 14 §4): on a real file, an agreement
//! in force becomes «истёк» the day after its end date (not a day early),
//! a self-prolonging one «продлён» period by period, each change in its
//! history; a second pass changes nothing.

mod common;

use common::{at, day, parties, two_schools};
use partnernet::agreements::{
    self,
    model::{AgreementInput, AgreementKind, AgreementStatus, Art15Items},
};
use partnernet::Storage;

use AgreementStatus::*;

fn active(storage: &mut Storage, partner: i64, auto_prolong: bool) -> i64 {
    let input = AgreementInput {
        kind: AgreementKind::NetworkProgram,
        subject: "Сетевая реализация программы «Юный конструктор»".into(),
        art15: Art15Items {
            programme: "ДООП «Юный конструктор», техническая направленность".into(),
            learners: "Учащиеся школы".into(),
            duties: "Школа — кабинет, ДДТ — педагог".into(),
            documents: "Сертификат выдаёт ДДТ".into(),
            term: "Один учебный год".into(),
        },
        parties: parties(&[partner]),
        start_date: Some(day(2026, 9, 1)),
        end_date: Some(day(2027, 5, 31)),
        auto_prolong,
        prolong_months: auto_prolong.then_some(12),
        ..AgreementInput::default()
    };
    let now = at(2026, 9, 10, 10);
    let id = agreements::create(storage, input, now).expect("create").id;
    for (i, to) in [OnApproval, Signed, Active].into_iter().enumerate() {
        agreements::set_status(storage, id, to, day(2026, 9, 1 + i as u32), "", now)
            .expect("status");
    }
    id
}

#[test]
fn an_agreement_expires_the_day_after_its_end_and_not_a_day_early() {
    let (_dir, mut storage, school, _) = two_schools();
    let id = active(&mut storage, school, false);
    let on_the_end = agreements::keep_statuses(&mut storage, day(2027, 5, 31), at(2027, 5, 31, 9))
        .expect("keep");
    assert!(on_the_end.is_empty(), "still in force on its last day");
    assert_eq!(agreements::get(&storage, id).expect("get").status, Active);

    let kept =
        agreements::keep_statuses(&mut storage, day(2027, 6, 1), at(2027, 6, 1, 9)).expect("keep");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].agreement_id, kept[0].to, kept[0].on),
        (id, Expired, day(2027, 6, 1))
    );
    assert!(kept[0].message.contains("истёк"), "{}", kept[0].message);
    assert!(
        kept[0].message.contains("31.05.2027"),
        "{}",
        kept[0].message
    );
    let a = agreements::get(&storage, id).expect("get");
    assert_eq!(a.status, Expired);
    let history = agreements::history(&storage, id).expect("history");
    let last = history.last().expect("a change");
    assert_eq!(
        (last.from, last.to, last.on),
        (Some(Active), Expired, day(2027, 6, 1))
    );
    // In force during May, not during June: one rule for every read model.
    assert!(agreements::in_force_during(
        &a,
        &history,
        day(2027, 5, 1),
        day(2027, 5, 31),
        day(2027, 6, 1)
    ));
    assert!(!agreements::in_force_during(
        &a,
        &history,
        day(2027, 6, 1),
        day(2027, 6, 30),
        day(2027, 6, 1)
    ));

    let again =
        agreements::keep_statuses(&mut storage, day(2027, 9, 1), at(2027, 9, 1, 9)).expect("again");
    assert!(again.is_empty(), "an expired agreement stays as it is");
    assert_eq!(
        agreements::history(&storage, id).expect("history").len(),
        history.len()
    );
}

#[test]
fn a_self_prolonging_agreement_is_prolonged_for_every_period_that_passed() {
    let (_dir, mut storage, school, _) = two_schools();
    let id = active(&mut storage, school, true);
    let kept =
        agreements::keep_statuses(&mut storage, day(2028, 7, 1), at(2028, 7, 1, 9)).expect("keep");
    let steps: Vec<_> = kept.iter().map(|k| (k.to, k.on, k.end_date)).collect();
    assert_eq!(
        steps,
        vec![
            (Prolonged, day(2027, 6, 1), Some(day(2028, 5, 31))),
            (Prolonged, day(2028, 6, 1), Some(day(2029, 5, 31))),
        ]
    );
    assert!(kept[0].message.contains("продлён"), "{}", kept[0].message);
    let a = agreements::get(&storage, id).expect("get");
    assert_eq!(
        (a.status, a.data.end_date),
        (Prolonged, Some(day(2029, 5, 31)))
    );
    let history = agreements::history(&storage, id).expect("history");
    let tail: Vec<_> = history[history.len() - 2..]
        .iter()
        .map(|c| (c.from, c.to, c.on))
        .collect();
    assert_eq!(
        tail,
        vec![
            (Some(Active), Prolonged, day(2027, 6, 1)),
            (Some(Prolonged), Prolonged, day(2028, 6, 1)),
        ]
    );
    assert!(
        agreements::keep_statuses(&mut storage, day(2028, 7, 2), at(2028, 7, 2, 9))
            .expect("again")
            .is_empty()
    );
}

#[test]
fn the_demo_agreement_past_its_end_reads_expired_after_a_pass() {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    let now = common::now();
    partnernet::demo::fill(&mut storage, now).expect("demo");
    let overdue: Vec<_> = agreements::all(&storage, now.date())
        .expect("all")
        .into_iter()
        .filter(|a| a.status == Active && a.data.end_date.is_some_and(|e| e < now.date()))
        .map(|a| a.id)
        .collect();
    assert!(
        !overdue.is_empty(),
        "the demo has an agreement past its end"
    );
    let kept = agreements::keep_statuses(&mut storage, now.date(), now).expect("keep");
    let changed: Vec<i64> = kept.iter().map(|k| k.agreement_id).collect();
    for id in &overdue {
        assert!(
            changed.contains(id),
            "overdue agreement {id} left «действует»"
        );
        assert_ne!(agreements::get(&storage, *id).expect("get").status, Active);
    }
}
