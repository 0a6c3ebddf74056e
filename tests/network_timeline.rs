//! The partner's timeline (issue 11 §2) on real SQLite files: one feed,
//! newest first, of event occurrences, agreements and their status changes,
//! ties, stage and card changes and dated notes; the filter by kinds and by
//! dates; trashed records left out; a series occurrence by occurrence; the
//! demo.

mod common;

use chrono::{NaiveDate, NaiveTime};
use common::{at, day, now, open, parties, school, t};
use partnernet::agreements::model::{AgreementInput, AgreementKind, AgreementStatus};
use partnernet::events::model::{EventInput, EventStatus, OccurrenceChange, Recurrence};
use partnernet::network::model::{TimelineEntry, TimelineFilter, TimelineKind, TimelineTarget};
use partnernet::partners::model::{NoteInput, TieInput, TieKind};
use partnernet::partners::{self, notes, ties};
use partnernet::{agreements, events, network, CoreError, Storage};

use TimelineKind::*;

struct Scene {
    _dir: tempfile::TempDir,
    storage: Storage,
    a: i64,
    b: i64,
    held: i64,
    cancelled: i64,
    planned: i64,
    series: i64,
    agreement: i64,
    number: String,
    tie: i64,
    notes: [i64; 2],
}

fn event(
    storage: &mut Storage,
    title: &str,
    partner: i64,
    start: chrono::NaiveDateTime,
) -> EventInput {
    let form_id = events::forms(storage).expect("forms")[0].id;
    EventInput {
        form_id,
        title: title.into(),
        start,
        end: start + chrono::Duration::hours(2),
        place: "Актовый зал".into(),
        partner_ids: vec![partner],
        planned_count: Some(30),
        responsible: "Гришина Е.А.".into(),
        ..EventInput::default()
    }
}

fn create(storage: &mut Storage, input: EventInput) -> i64 {
    events::create(storage, input, now())
        .expect("event")
        .event
        .id
}

/// Two schools created at `now()` (22.11.2026 10:00) and, for school 1:
/// a held seminar, a cancelled all-day meeting, a planned master class, a
/// weekly series of three (the second cancelled, the third moved), an
/// agreement sent for approval and signed, a tie with school 2, a stage
/// change with a phone change at 12:00, two notes on the same day.
fn scene() -> Scene {
    let (dir, mut storage) = open();
    let a = partners::create(&mut storage, school(1), now())
        .expect("1")
        .id;
    let b = partners::create(&mut storage, school(2), now())
        .expect("2")
        .id;

    let mut input = event(
        &mut storage,
        "Семинар «Сетевые программы»",
        a,
        t(2026, 10, 15, 10, 0),
    );
    input.status = EventStatus::Held;
    input.actual_count = Some(25);
    let held = create(&mut storage, input);
    let mut input = event(
        &mut storage,
        "Встреча с родителями",
        a,
        t(2026, 10, 20, 0, 0),
    );
    input.all_day = true;
    input.end = t(2026, 10, 20, 0, 0);
    input.status = EventStatus::Cancelled;
    let cancelled = create(&mut storage, input);
    let input = event(
        &mut storage,
        "Мастер-класс по робототехнике",
        a,
        t(2026, 12, 10, 14, 0),
    );
    let planned = create(&mut storage, input);
    let mut input = event(
        &mut storage,
        "Кружок «Юный конструктор»",
        a,
        t(2026, 9, 7, 15, 0),
    );
    input.recurrence = Some(Recurrence {
        count: Some(3),
        ..Recurrence::default()
    });
    let series = create(&mut storage, input);
    events::change_occurrence(
        &mut storage,
        series,
        OccurrenceChange {
            date: day(2026, 9, 14),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("cancel one");
    events::change_occurrence(
        &mut storage,
        series,
        OccurrenceChange {
            date: day(2026, 9, 21),
            status: EventStatus::Planned,
            start: Some(t(2026, 9, 22, 16, 0)),
            end: Some(t(2026, 9, 22, 18, 0)),
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("move one");

    let made = agreements::create(
        &mut storage,
        AgreementInput {
            kind: AgreementKind::Cooperation,
            subject: "Совместные мероприятия по краеведению".into(),
            parties: parties(&[a]),
            ..AgreementInput::default()
        },
        now(),
    )
    .expect("agreement");
    use partnernet::agreements::lifecycle::set_status;
    set_status(
        &mut storage,
        made.id,
        AgreementStatus::OnApproval,
        day(2026, 9, 2),
        "",
        now(),
    )
    .expect("approval");
    set_status(
        &mut storage,
        made.id,
        AgreementStatus::Signed,
        day(2026, 9, 5),
        "подписан директором",
        now(),
    )
    .expect("signed");

    let tie = ties::add(
        &mut storage,
        TieInput {
            first_id: Some(a),
            second_id: Some(b),
            kind: TieKind::Patronage,
            start_date: Some(day(2025, 9, 1)),
            end_date: Some(day(2026, 5, 31)),
            note: String::new(),
        },
        now(),
    )
    .expect("tie")
    .id;

    let mut card = partners::get(&storage, a).expect("a").data;
    card.stage = Some(3);
    card.stage_reached_on = Some(day(2026, 11, 1));
    card.requisites.phone = "8 (47541) 2-00-00".into();
    partners::update(&mut storage, a, card, at(2026, 11, 22, 12)).expect("update");

    let mut note = |text: &str| {
        notes::add(
            &mut storage,
            a,
            NoteInput {
                date: Some(day(2026, 11, 1)),
                text: text.into(),
                person_id: None,
            },
            now(),
        )
        .expect("note")
        .id
    };
    let notes = [
        note("Обсудили план на год"),
        note("Договорились о мастер-классе\nВторая строка"),
    ];
    Scene {
        _dir: dir,
        storage,
        a,
        b,
        held,
        cancelled,
        planned,
        series,
        agreement: made.id,
        number: made.data.number,
        tie,
        notes,
    }
}

fn feed(s: &Scene, filter: TimelineFilter) -> Vec<TimelineEntry> {
    network::timeline(&s.storage, s.a, &filter).expect("timeline")
}

fn all(s: &Scene) -> Vec<TimelineEntry> {
    feed(s, TimelineFilter::default())
}

fn hm(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// `(date, time, kind, target)` of every line.
fn shape(
    list: &[TimelineEntry],
) -> Vec<(NaiveDate, Option<NaiveTime>, TimelineKind, TimelineTarget)> {
    list.iter()
        .map(|e| (e.date, e.time, e.kind, e.target.clone()))
        .collect()
}

fn ev(id: i64, date: NaiveDate) -> TimelineTarget {
    TimelineTarget::Event { id, date }
}

#[test]
fn the_feed_is_newest_first_with_every_kind_and_ties_broken_by_kind_and_record() {
    let s = scene();
    let list = all(&s);
    let history = |i: usize| match &list[i].target {
        TimelineTarget::History { id } => *id,
        other => panic!("line {i}: expected history, got {other:?}"),
    };
    let ag = TimelineTarget::Agreement { id: s.agreement };
    let tie = TimelineTarget::Tie { id: s.tie };
    let expected = vec![
        (
            day(2026, 12, 10),
            hm(14, 0),
            Event,
            ev(s.planned, day(2026, 12, 10)),
        ),
        (
            day(2026, 11, 22),
            hm(12, 0),
            Stage,
            TimelineTarget::History { id: history(1) },
        ),
        (
            day(2026, 11, 22),
            hm(12, 0),
            Change,
            TimelineTarget::History { id: history(2) },
        ),
        (
            day(2026, 11, 22),
            hm(10, 0),
            Change,
            TimelineTarget::History { id: history(3) },
        ),
        // Two notes of one day: the later record first.
        (
            day(2026, 11, 1),
            None,
            Note,
            TimelineTarget::Note { id: s.notes[1] },
        ),
        (
            day(2026, 11, 1),
            None,
            Note,
            TimelineTarget::Note { id: s.notes[0] },
        ),
        (
            day(2026, 10, 20),
            None,
            Event,
            ev(s.cancelled, day(2026, 10, 20)),
        ),
        (
            day(2026, 10, 15),
            hm(10, 0),
            Event,
            ev(s.held, day(2026, 10, 15)),
        ),
        // The moved occurrence is on its new day, keyed by its rule date.
        (
            day(2026, 9, 22),
            hm(16, 0),
            Event,
            ev(s.series, day(2026, 9, 21)),
        ),
        (
            day(2026, 9, 14),
            hm(15, 0),
            Event,
            ev(s.series, day(2026, 9, 14)),
        ),
        (
            day(2026, 9, 7),
            hm(15, 0),
            Event,
            ev(s.series, day(2026, 9, 7)),
        ),
        // Signed on 05.09: the agreement's date, and its status change.
        (day(2026, 9, 5), None, Agreement, ag.clone()),
        (day(2026, 9, 5), None, AgreementStatus, ag.clone()),
        (day(2026, 9, 2), None, AgreementStatus, ag),
        (day(2026, 5, 31), None, Tie, tie.clone()),
        (day(2025, 9, 1), None, Tie, tie),
    ];
    assert_eq!(shape(&list), expected);
    // The history lines are distinct entries, newest first.
    assert!(history(1) > history(3));
    // The same data gives the same feed.
    assert_eq!(all(&s), list);
}

#[test]
fn every_kind_has_its_russian_title_and_detail() {
    let s = scene();
    let list = all(&s);
    let line = |target: TimelineTarget, kind: TimelineKind| -> Vec<&TimelineEntry> {
        list.iter()
            .filter(|e| e.target == target && e.kind == kind)
            .collect()
    };
    let held = line(ev(s.held, day(2026, 10, 15)), Event)[0];
    assert_eq!(held.title, "Семинар «Сетевые программы»");
    assert!(held.detail.starts_with("Проведено · "), "{}", held.detail);
    assert!(held.detail.contains("Актовый зал"), "{}", held.detail);
    assert!(held.detail.contains("участников: 25"), "{}", held.detail);
    let cancelled = line(ev(s.cancelled, day(2026, 10, 20)), Event)[0];
    assert!(
        cancelled.detail.starts_with("Отменено"),
        "{}",
        cancelled.detail
    );
    let planned = line(ev(s.planned, day(2026, 12, 10)), Event)[0];
    assert!(
        planned.detail.starts_with("Запланировано"),
        "{}",
        planned.detail
    );
    assert!(
        planned.detail.contains("участников по плану: 30"),
        "{}",
        planned.detail
    );
    let one = line(ev(s.series, day(2026, 9, 14)), Event)[0];
    assert!(one.detail.starts_with("Отменено"), "{}", one.detail);
    assert!(
        one.detail.contains("занятие серии от 14.09.2026"),
        "{}",
        one.detail
    );

    let ag = TimelineTarget::Agreement { id: s.agreement };
    let agreement = line(ag.clone(), Agreement)[0];
    assert_eq!(
        agreement.title,
        format!("Соглашение № {} от 05.09.2026", s.number)
    );
    assert!(
        agreement.detail.contains("краеведению"),
        "{}",
        agreement.detail
    );
    assert!(
        agreement.detail.contains("сейчас: подписан"),
        "{}",
        agreement.detail
    );
    let statuses: Vec<(&str, &str)> = line(ag, AgreementStatus)
        .iter()
        .map(|e| (e.title.as_str(), e.detail.as_str()))
        .collect();
    let signed = format!("Соглашение № {} — подписан", s.number);
    let approval = format!("Соглашение № {} — на согласовании", s.number);
    assert_eq!(
        statuses,
        vec![
            (
                signed.as_str(),
                "Статус изменён: «на согласовании» → «подписан» (подписан директором)"
            ),
            (
                approval.as_str(),
                "Статус изменён: «черновик» → «на согласовании»"
            ),
        ]
    );

    let tie: Vec<(&str, &str)> = line(TimelineTarget::Tie { id: s.tie }, Tie)
        .iter()
        .map(|e| (e.title.as_str(), e.detail.as_str()))
        .collect();
    let detail = "Шефство с «МБОУ СОШ № 2» с 01.09.2025 по 31.05.2026";
    assert_eq!(
        tie,
        vec![
            ("Окончание связи: шефство с «МБОУ СОШ № 2»", detail),
            ("Начало связи: шефство с «МБОУ СОШ № 2»", detail),
        ]
    );

    let stage = list.iter().find(|e| e.kind == Stage).expect("stage");
    assert_eq!(
        stage.title,
        "Этап партнёрства: 3. Осуществление взаимодействия: взаимная адаптация и компенсация дефицитов"
    );
    assert!(
        stage.detail.starts_with("Прежний этап: 2. Обмен"),
        "{}",
        stage.detail
    );
    assert!(
        stage.detail.ends_with("достигнут 01.11.2026"),
        "{}",
        stage.detail
    );
    let changes: Vec<&TimelineEntry> = list.iter().filter(|e| e.kind == Change).collect();
    assert_eq!(changes[0].title, "Изменено в карточке: Телефон, Дата этапа");
    assert!(
        changes[0]
            .detail
            .contains("Телефон: «+7 (475) 412-34-56» → «+7 (475) 412-00-00»"),
        "{}",
        changes[0].detail
    );
    assert_eq!(changes[1].title, "Партнёр внесён в реестр");
    // The tie is in the history as «Связь»; it is listed once, as a tie.
    assert!(
        list.iter()
            .all(|e| !e.detail.contains("Связь") && !e.title.contains("Связь")),
        "{list:#?}"
    );
    assert_eq!(list.iter().filter(|e| e.kind == Tie).count(), 2);

    let notes: Vec<(&str, &str)> = list
        .iter()
        .filter(|e| e.kind == Note)
        .map(|e| (e.title.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        notes,
        vec![
            ("Запись о взаимодействии", "Договорились о мастер-классе…"),
            ("Запись о взаимодействии", "Обсудили план на год"),
        ]
    );
}

#[test]
fn the_other_side_of_a_tie_sees_it_but_not_the_events_of_the_first() {
    let s = scene();
    let list = network::timeline(&s.storage, s.b, &TimelineFilter::default()).expect("b");
    let kinds: Vec<TimelineKind> = list.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, vec![Change, Tie, Tie]);
    assert_eq!(list[1].title, "Окончание связи: шефство с «МБОУ СОШ № 1»");
}

#[test]
fn the_filter_keeps_the_kinds_and_the_dates_asked_for() {
    let s = scene();
    let only = |kinds: Vec<TimelineKind>| {
        let list = feed(
            &s,
            TimelineFilter {
                kinds,
                ..TimelineFilter::default()
            },
        );
        list.iter().map(|e| (e.kind, e.date)).collect::<Vec<_>>()
    };
    assert_eq!(
        only(vec![Note, Tie]),
        vec![
            (Note, day(2026, 11, 1)),
            (Note, day(2026, 11, 1)),
            (Tie, day(2026, 5, 31)),
            (Tie, day(2025, 9, 1)),
        ]
    );
    assert_eq!(
        only(vec![AgreementStatus]),
        vec![
            (AgreementStatus, day(2026, 9, 5)),
            (AgreementStatus, day(2026, 9, 2))
        ]
    );
    assert_eq!(only(vec![Stage]), vec![(Stage, day(2026, 11, 22))]);
    assert_eq!(only(TimelineKind::ALL.to_vec()).len(), all(&s).len());

    // Both ends inclusive.
    let dated = feed(
        &s,
        TimelineFilter {
            from: Some(day(2026, 9, 5)),
            to: Some(day(2026, 10, 15)),
            ..TimelineFilter::default()
        },
    );
    assert_eq!(
        dated.iter().map(|e| (e.kind, e.date)).collect::<Vec<_>>(),
        vec![
            (Event, day(2026, 10, 15)),
            (Event, day(2026, 9, 22)),
            (Event, day(2026, 9, 14)),
            (Event, day(2026, 9, 7)),
            (Agreement, day(2026, 9, 5)),
            (AgreementStatus, day(2026, 9, 5)),
        ]
    );
    let both = feed(
        &s,
        TimelineFilter {
            kinds: vec![Event],
            from: Some(day(2026, 9, 8)),
            to: None,
        },
    );
    assert_eq!(
        both.iter().map(|e| e.date).collect::<Vec<_>>(),
        vec![
            day(2026, 12, 10),
            day(2026, 10, 20),
            day(2026, 10, 15),
            day(2026, 9, 22),
            day(2026, 9, 14)
        ]
    );

    let err = network::timeline(
        &s.storage,
        s.a,
        &TimelineFilter {
            from: Some(day(2026, 10, 1)),
            to: Some(day(2026, 9, 1)),
            ..TimelineFilter::default()
        },
    )
    .expect_err("backwards");
    match err {
        CoreError::Validation(fields) => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "to");
            assert!(
                fields[0].message.contains("раньше его начала"),
                "{}",
                fields[0].message
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn trashed_events_and_agreements_are_left_out_and_a_trashed_partner_has_no_feed() {
    let mut s = scene();
    let before = all(&s).len();
    events::trash(&mut s.storage, s.series, now()).expect("trash series");
    agreements::trash(&mut s.storage, s.agreement, now()).expect("trash agreement");
    let list = all(&s);
    assert_eq!(list.len(), before - 3 - 3);
    assert!(list
        .iter()
        .all(|e| !matches!(e.target, TimelineTarget::Agreement { .. })));
    assert!(!list
        .iter()
        .any(|e| matches!(&e.target, TimelineTarget::Event { id, .. } if *id == s.series)));

    events::restore(&mut s.storage, s.series).expect("restore");
    assert_eq!(all(&s).len(), before - 3);

    partners::trash(&mut s.storage, s.a, now()).expect("trash partner");
    let err = network::timeline(&s.storage, s.a, &TimelineFilter::default()).expect_err("trashed");
    assert!(matches!(err, CoreError::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("Партнёр"), "{err}");
    let err = network::timeline(&s.storage, 9_999, &TimelineFilter::default()).expect_err("none");
    assert!(matches!(err, CoreError::NotFound { .. }), "{err:?}");
    // The other side no longer shows a tie with a partner in the trash.
    let b = network::timeline(&s.storage, s.b, &TimelineFilter::default()).expect("b");
    assert!(b.iter().all(|e| e.kind != Tie), "{b:#?}");
}

#[test]
fn a_series_is_listed_occurrence_by_occurrence_with_each_status() {
    let s = scene();
    let list = feed(
        &s,
        TimelineFilter {
            kinds: vec![Event],
            ..TimelineFilter::default()
        },
    );
    let series: Vec<(NaiveDate, NaiveDate, &str)> = list
        .iter()
        .filter_map(|e| match e.target {
            TimelineTarget::Event { id, date } if id == s.series => Some((
                e.date,
                date,
                e.detail.split(" · ").next().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        series,
        vec![
            (day(2026, 9, 22), day(2026, 9, 21), "Запланировано"),
            (day(2026, 9, 14), day(2026, 9, 14), "Отменено"),
            (day(2026, 9, 7), day(2026, 9, 7), "Запланировано"),
        ]
    );
}

#[test]
fn the_demo_partner_with_most_going_on_has_a_sorted_feed() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let busiest = partners::all(&storage)
        .expect("partners")
        .into_iter()
        .map(|p| {
            let list = network::timeline(&storage, p.id, &TimelineFilter::default()).expect("feed");
            (list.len(), p.data.short_name, list)
        })
        .max_by_key(|(n, _, _)| *n)
        .expect("a partner");
    let (n, name, list) = busiest;
    assert!(n >= 5, "{name}: {list:#?}");
    for pair in list.windows(2) {
        let (x, y) = (&pair[0], &pair[1]);
        assert!(
            (x.date, x.time) >= (y.date, y.time),
            "{name}: out of order: {x:?} before {y:?}"
        );
    }
    let kinds: std::collections::BTreeSet<TimelineKind> = list.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&Event), "{name}: {kinds:?}");
    assert!(kinds.contains(&Agreement), "{name}: {kinds:?}");
    assert!(kinds.contains(&Change), "{name}: {kinds:?}");
}
