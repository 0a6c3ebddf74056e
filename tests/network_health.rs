//! The network's health (issue 11 §4) on real SQLite files: each flag at
//! its edges, the year's figures, the concentration and the stages.

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use common::{at, day, now, open, parties, school};
use partnernet::agreements::{
    self,
    model::{AgreementInput, AgreementStatus},
};
use partnernet::events::{
    self,
    model::{EventFilter, EventInput, EventStatus, Frequency, Recurrence},
};
use partnernet::network::{
    self,
    model::{HealthFlagKind, NetworkHealth},
};
use partnernet::partners::model::{Contact, PartnerInput, PartnerType};
use partnernet::settings::{self, Settings};
use partnernet::{institution, partners, Storage};

/// «Today» of most tests: school year 2026/2027.
fn today() -> NaiveDate {
    day(2026, 12, 12)
}

fn long_ago() -> NaiveDateTime {
    at(2025, 1, 10, 9)
}

/// A school created at `created`, without a stage date (so any creation
/// date is valid).
fn partner_at(storage: &mut Storage, n: u32, created: NaiveDateTime) -> i64 {
    let input = PartnerInput {
        stage_reached_on: None,
        ..school(n)
    };
    partners::create(storage, input, created)
        .expect("partner")
        .id
}

fn form(storage: &Storage) -> i64 {
    events::forms(storage).expect("forms")[0].id
}

fn event_on(storage: &mut Storage, date: NaiveDate, ids: &[i64], status: EventStatus) -> i64 {
    let start = date.and_hms_opt(15, 0, 0).expect("time");
    let input = EventInput {
        form_id: form(storage),
        title: format!("Встреча {}", date.format("%d.%m.%Y")),
        start,
        end: start + Duration::hours(1),
        partner_ids: ids.to_vec(),
        status,
        planned_count: Some(10),
        actual_count: (status == EventStatus::Held).then_some(7),
        ..EventInput::default()
    };
    events::create(storage, input, now())
        .expect("event")
        .event
        .id
}

fn health(storage: &Storage) -> NetworkHealth {
    network::health(storage, today(), 2026).expect("health")
}

fn flagged(h: &NetworkHealth, kind: HealthFlagKind, id: i64) -> bool {
    h.flags
        .iter()
        .any(|f| f.kind == kind && f.partner_id == Some(id))
}

fn message(h: &NetworkHealth, kind: HealthFlagKind, id: i64) -> String {
    h.flags
        .iter()
        .find(|f| f.kind == kind && f.partner_id == Some(id))
        .map(|f| f.message.clone())
        .unwrap_or_else(|| panic!("no {kind:?} flag for {id}: {:#?}", h.flags))
}

#[test]
fn dormant_at_the_edge_of_the_window() {
    let (_dir, mut storage) = open();
    let exactly = partner_at(&mut storage, 1, long_ago());
    let day_less = partner_at(&mut storage, 2, long_ago());
    let new = partner_at(&mut storage, 3, at(2026, 6, 13, 9));
    let created_at_edge = partner_at(&mut storage, 4, at(2026, 6, 12, 9));
    let trashed_only = partner_at(&mut storage, 5, long_ago());
    let cancelled_only = partner_at(&mut storage, 6, long_ago());
    let future_only = partner_at(&mut storage, 7, long_ago());

    // 12.12.2026 − 6 months = 12.06.2026.
    event_on(
        &mut storage,
        day(2026, 6, 12),
        &[exactly],
        EventStatus::Held,
    );
    event_on(
        &mut storage,
        day(2026, 6, 13),
        &[day_less],
        EventStatus::Held,
    );
    event_on(
        &mut storage,
        day(2026, 1, 15),
        &[trashed_only],
        EventStatus::Held,
    );
    let gone = event_on(
        &mut storage,
        day(2026, 11, 1),
        &[trashed_only],
        EventStatus::Held,
    );
    events::trash(&mut storage, gone, now()).expect("trash");
    event_on(
        &mut storage,
        day(2026, 11, 2),
        &[cancelled_only],
        EventStatus::Cancelled,
    );
    event_on(
        &mut storage,
        day(2027, 1, 20),
        &[future_only],
        EventStatus::Planned,
    );

    let h = health(&storage);
    assert_eq!(h.dormant_months, 6);
    assert!(flagged(&h, HealthFlagKind::Dormant, exactly));
    assert_eq!(
        message(&h, HealthFlagKind::Dormant, exactly),
        "Нет совместных мероприятий, договоров, связей и записей о взаимодействии с 12.06.2026 \
         (6 мес.): запланируйте встречу или переведите партнёра в архив."
    );
    assert!(!flagged(&h, HealthFlagKind::Dormant, day_less));
    assert!(
        !flagged(&h, HealthFlagKind::Dormant, new),
        "created 5 months 29 days ago"
    );
    assert!(
        flagged(&h, HealthFlagKind::Dormant, created_at_edge),
        "created exactly 6 months ago, nothing since"
    );
    assert!(message(&h, HealthFlagKind::Dormant, created_at_edge).contains("12.06.2026"));
    assert!(flagged(&h, HealthFlagKind::Dormant, trashed_only));
    assert!(message(&h, HealthFlagKind::Dormant, trashed_only).contains("15.01.2026 (10 мес.)"));
    assert!(flagged(&h, HealthFlagKind::Dormant, cancelled_only));
    assert!(
        flagged(&h, HealthFlagKind::Dormant, future_only),
        "a planned event later is no interaction yet"
    );
    let row = |id: i64| h.partners.iter().find(|p| p.partner_id == id).expect("row");
    assert_eq!(row(exactly).last_interaction, Some(day(2026, 6, 12)));
    assert_eq!(row(trashed_only).last_interaction, Some(day(2026, 1, 15)));
    assert_eq!(row(cancelled_only).last_interaction, None);

    // A shorter window from the settings catches the second one too; a
    // longer one lets the first go.
    for (months, exactly_dormant, day_less_dormant) in [(3, true, true), (7, false, false)] {
        let s = settings::get(&storage).expect("settings");
        settings::save(
            &mut storage,
            Settings {
                dormant_months: months,
                ..s
            },
        )
        .expect("save");
        let h = health(&storage);
        assert_eq!(h.dormant_months, months);
        assert_eq!(
            flagged(&h, HealthFlagKind::Dormant, exactly),
            exactly_dormant,
            "{months}"
        );
        assert_eq!(
            flagged(&h, HealthFlagKind::Dormant, day_less),
            day_less_dormant,
            "{months}"
        );
    }

    // A trashed partner is not in the health at all.
    partners::trash(&mut storage, exactly, now()).expect("trash partner");
    let h = health(&storage);
    assert!(h.partners.iter().all(|p| p.partner_id != exactly));
    assert!(h.flags.iter().all(|f| f.partner_id != Some(exactly)));
}

#[test]
fn an_agreement_in_force_or_a_status_change_is_activity() {
    let (_dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("inst");
    let signed = partner_at(&mut storage, 1, long_ago());
    let drafted = partner_at(&mut storage, 2, long_ago());
    let input = |id: i64| AgreementInput {
        subject: "Сотрудничество".into(),
        parties: parties(&[id]),
        start_date: Some(day(2025, 2, 1)),
        end_date: Some(day(2027, 12, 31)),
        ..AgreementInput::default()
    };
    let a = agreements::create(&mut storage, input(signed), long_ago())
        .expect("a")
        .id;
    for (i, to) in [
        AgreementStatus::OnApproval,
        AgreementStatus::Signed,
        AgreementStatus::Active,
    ]
    .into_iter()
    .enumerate()
    {
        agreements::set_status(&mut storage, a, to, day(2025, 2, 1 + i as u32), "", now())
            .unwrap_or_else(|e| panic!("{to:?}: {e}"));
    }
    agreements::create(&mut storage, input(drafted), at(2026, 7, 1, 9)).expect("draft");

    let h = health(&storage);
    assert!(
        !flagged(&h, HealthFlagKind::Dormant, signed),
        "in force since 03.02.2025"
    );
    assert!(
        !flagged(&h, HealthFlagKind::Dormant, drafted),
        "a draft entered 01.07.2026"
    );
    let row = |id: i64| {
        h.partners
            .iter()
            .find(|p| p.partner_id == id)
            .expect("row")
            .clone()
    };
    assert_eq!(row(signed).agreements_in_force, 1);
    assert_eq!(row(drafted).agreements_in_force, 0);
    assert_eq!(row(drafted).last_interaction, Some(day(2026, 7, 1)));

    // The draft in the trash: nothing is left of the partner's activity.
    let draft_id = agreements::list(&storage, &Default::default(), today())
        .expect("list")
        .into_iter()
        .find(|s| s.partner_ids == vec![drafted])
        .expect("draft")
        .id;
    agreements::trash(&mut storage, draft_id, now()).expect("trash");
    let h = health(&storage);
    assert!(flagged(&h, HealthFlagKind::Dormant, drafted));
}

#[test]
fn a_series_counts_by_occurrence() {
    let (_dir, mut storage) = open();
    let p = partner_at(&mut storage, 1, long_ago());
    let q = partner_at(&mut storage, 2, long_ago());
    let start = day(2026, 10, 5).and_hms_opt(15, 0, 0).expect("t");
    let series = EventInput {
        form_id: form(&storage),
        title: "Кружок".into(),
        start,
        end: start + Duration::hours(1),
        partner_ids: vec![p],
        planned_count: Some(12),
        recurrence: Some(Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![1],
            count: Some(5),
            until: None,
        }),
        ..EventInput::default()
    };
    events::create(&mut storage, series, now()).expect("series");
    event_on(&mut storage, day(2026, 9, 20), &[p, q], EventStatus::Held);
    event_on(&mut storage, day(2026, 8, 20), &[p], EventStatus::Held); // 2025/2026
    let gone = event_on(&mut storage, day(2026, 9, 21), &[p], EventStatus::Held);
    events::trash(&mut storage, gone, now()).expect("trash");

    let h = health(&storage);
    let row = |id: i64| {
        h.partners
            .iter()
            .find(|r| r.partner_id == id)
            .expect("row")
            .clone()
    };
    assert_eq!((row(p).events_planned, row(p).events_held), (5, 1));
    assert_eq!((row(q).events_planned, row(q).events_held), (0, 1));
    assert_eq!(row(p).participants_planned, 5 * 12 + 10);
    assert_eq!(row(p).participants_actual, 7);
    assert_eq!(h.year_occurrences, 6);
    // The series' last date (02.11.2026) is the last interaction.
    assert_eq!(row(p).last_interaction, Some(day(2026, 11, 2)));
}

#[test]
fn one_contact_is_a_risk_two_are_not() {
    let (_dir, mut storage) = open();
    let one = partner_at(&mut storage, 1, long_ago());
    let mut two_input = PartnerInput {
        stage_reached_on: None,
        ..school(2)
    };
    two_input.contacts.push(Contact {
        surname: "Петров".into(),
        name: "Иван".into(),
        role: "педагог-организатор".into(),
        ..Contact::default()
    });
    let two = partners::create(&mut storage, two_input, long_ago())
        .expect("two")
        .id;
    let parents = partners::create(
        &mut storage,
        PartnerInput {
            partner_type: PartnerType::ParentCommunity,
            full_name: "Родительский комитет МБОУ СОШ № 1".into(),
            short_name: "Родительский комитет".into(),
            contacts: vec![Contact {
                surname: "Сидорова".into(),
                name: "Ольга".into(),
                ..Contact::default()
            }],
            ..PartnerInput::default()
        },
        long_ago(),
    )
    .expect("parents")
    .id;
    let h = health(&storage);
    assert!(flagged(&h, HealthFlagKind::SingleContact, one));
    assert!(message(&h, HealthFlagKind::SingleContact, one).contains("Ёлкина Анна Сергеевна"));
    assert!(!flagged(&h, HealthFlagKind::SingleContact, two));
    assert!(flagged(&h, HealthFlagKind::SingleContact, parents));
    let row = h
        .partners
        .iter()
        .find(|r| r.partner_id == two)
        .expect("row");
    assert_eq!(row.contacts, 2);
}

/// An agreement with `id` walked to «действует» on 01–03.09.2025.
fn active_agreement(storage: &mut Storage, id: i64, end: NaiveDate) -> i64 {
    let input = AgreementInput {
        subject: "Сотрудничество".into(),
        parties: parties(&[id]),
        start_date: Some(day(2025, 9, 1)),
        end_date: Some(end),
        ..AgreementInput::default()
    };
    let a = agreements::create(storage, input, at(2025, 8, 20, 9))
        .expect("agreement")
        .id;
    for (i, to) in [
        AgreementStatus::OnApproval,
        AgreementStatus::Signed,
        AgreementStatus::Active,
    ]
    .into_iter()
    .enumerate()
    {
        agreements::set_status(storage, a, to, day(2025, 9, 1 + i as u32), "", now())
            .unwrap_or_else(|e| panic!("{to:?}: {e}"));
    }
    a
}

#[test]
fn joint_events_after_the_agreement_ended() {
    let (_dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("inst");
    let late = partner_at(&mut storage, 1, long_ago());
    let in_time = partner_at(&mut storage, 2, long_ago());
    let renewed = partner_at(&mut storage, 3, long_ago());
    let ended = partner_at(&mut storage, 4, long_ago());

    // Past its end date while still «действует».
    let a_late = active_agreement(&mut storage, late, day(2026, 5, 31));
    event_on(&mut storage, day(2026, 5, 31), &[late], EventStatus::Held);
    event_on(&mut storage, day(2026, 10, 15), &[late], EventStatus::Held);
    event_on(&mut storage, day(2027, 2, 1), &[late], EventStatus::Planned);
    // Ends after its last event.
    active_agreement(&mut storage, in_time, day(2026, 12, 1));
    event_on(
        &mut storage,
        day(2026, 11, 30),
        &[in_time],
        EventStatus::Held,
    );
    // Past its end, but a newer agreement covers the later event.
    active_agreement(&mut storage, renewed, day(2026, 5, 31));
    active_agreement(&mut storage, renewed, day(2027, 5, 31));
    event_on(
        &mut storage,
        day(2026, 10, 15),
        &[renewed],
        EventStatus::Held,
    );
    // «истёк» by its status, with a cancelled event after: no flag.
    let a_ended = active_agreement(&mut storage, ended, day(2026, 6, 30));
    agreements::set_status(
        &mut storage,
        a_ended,
        AgreementStatus::Expired,
        day(2026, 6, 30),
        "",
        now(),
    )
    .expect("expired");
    event_on(
        &mut storage,
        day(2026, 9, 15),
        &[ended],
        EventStatus::Cancelled,
    );

    let h = health(&storage);
    assert!(flagged(&h, HealthFlagKind::NoLegalBasis, late));
    let flag = h
        .flags
        .iter()
        .find(|f| f.kind == HealthFlagKind::NoLegalBasis && f.partner_id == Some(late))
        .expect("flag");
    assert_eq!(flag.agreement_id, Some(a_late));
    assert!(flag.message.contains("31.05.2026"), "{}", flag.message);
    assert!(flag.message.contains(": 2 после"), "{}", flag.message);
    assert!(flag.message.contains("15.10.2026"), "{}", flag.message);
    assert!(!flagged(&h, HealthFlagKind::NoLegalBasis, in_time));
    assert!(!flagged(&h, HealthFlagKind::NoLegalBasis, renewed));
    assert!(!flagged(&h, HealthFlagKind::NoLegalBasis, ended));

    // A held event after the expiry makes it a flag.
    event_on(&mut storage, day(2026, 9, 16), &[ended], EventStatus::Held);
    let h = health(&storage);
    assert!(flagged(&h, HealthFlagKind::NoLegalBasis, ended));
    // A cooperation agreement: «Соглашение … истекло» (neuter), never «истёк(ло)».
    let text = message(&h, HealthFlagKind::NoLegalBasis, ended);
    assert!(text.contains("истекло") && !text.contains("(ло)"), "{text}");
}

#[test]
fn deficits_no_partner_covers_and_resources_that_cover_none() {
    let (_dir, mut storage) = open();
    let mut inst = partnernet::demo::institution();
    inst.deficits = vec!["Спортивный зал".into(), "Музейные фонды".into()];
    institution::save(&mut storage, inst, now()).expect("inst");
    let covering = partner_at(&mut storage, 1, long_ago()); // «Спортивный зал», «Актовый зал»
    let idle = partners::create(
        &mut storage,
        PartnerInput {
            resources: vec!["Типография".into()],
            stage_reached_on: None,
            ..school(2)
        },
        long_ago(),
    )
    .expect("idle")
    .id;
    let none = partners::create(
        &mut storage,
        PartnerInput {
            resources: vec![],
            stage_reached_on: None,
            ..school(3)
        },
        long_ago(),
    )
    .expect("none")
    .id;
    let h = health(&storage);
    assert_eq!(h.uncovered_deficits, vec!["Музейные фонды".to_string()]);
    assert!(h
        .flags
        .iter()
        .any(|f| f.kind == HealthFlagKind::UncoveredDeficit
            && f.subject == "Музейные фонды"
            && f.message.contains("«Музейные фонды»")));
    let idle_ids: Vec<i64> = h
        .idle_resources_partners
        .iter()
        .map(|p| p.partner_id)
        .collect();
    assert_eq!(idle_ids, vec![idle]);
    assert!(flagged(&h, HealthFlagKind::IdleResources, idle));
    assert!(!flagged(&h, HealthFlagKind::IdleResources, covering));
    assert!(!flagged(&h, HealthFlagKind::IdleResources, none));

    // The covering partner in the trash: both deficits are uncovered.
    partners::trash(&mut storage, covering, now()).expect("trash");
    let h = health(&storage);
    assert_eq!(h.uncovered_deficits.len(), 2);
}

#[test]
fn concentration_on_the_five_most_active() {
    let (_dir, mut storage) = open();
    let ids: Vec<i64> = (1..=7)
        .map(|n| partner_at(&mut storage, n, long_ago()))
        .collect();
    // (partners by index, how many events) in 2026/2027.
    let spec: &[(&[usize], u32)] = &[
        (&[0], 4),
        (&[1], 3),
        (&[2], 3),
        (&[3], 3),
        (&[4], 2),
        (&[5], 1),
        (&[5, 6], 1),
        (&[0, 4], 1),
    ];
    let mut date = day(2026, 9, 7);
    for (who, n) in spec {
        let p: Vec<i64> = who.iter().map(|i| ids[*i]).collect();
        for _ in 0..*n {
            event_on(&mut storage, date, &p, EventStatus::Planned);
            date += Duration::days(1);
        }
    }
    // Not counted: cancelled, and outside the year.
    event_on(
        &mut storage,
        day(2026, 10, 20),
        &[ids[5]],
        EventStatus::Cancelled,
    );
    event_on(&mut storage, day(2026, 8, 31), &[ids[6]], EventStatus::Held);

    // Independently: per-partner counts, the five largest, the share.
    let mut counts = [0u32; 7];
    let mut total = 0u32;
    for (who, n) in spec {
        total += n;
        for i in *who {
            counts[*i] += n;
        }
    }
    let mut order: Vec<usize> = (0..7).collect();
    order.sort_by_key(|i| std::cmp::Reverse(counts[*i]));
    assert!(
        counts[order[4]] > counts[order[5]],
        "the test's set has no tie at the fifth place"
    );
    let top: Vec<usize> = order[..5].to_vec();
    let carried: u32 = spec
        .iter()
        .filter(|(who, _)| who.iter().any(|i| top.contains(i)))
        .map(|(_, n)| n)
        .sum();
    let expected = f64::from(carried) / f64::from(total);
    assert_eq!((carried, total), (16, 18));

    let h = health(&storage);
    assert_eq!(h.year_occurrences, total);
    let share = h.concentration_top5_share.expect("share");
    assert!((share - expected).abs() < 1e-12, "{share} vs {expected}");
    let mut got: Vec<i64> = h.top5.iter().map(|p| p.partner_id).collect();
    let mut want: Vec<i64> = top.iter().map(|i| ids[*i]).collect();
    assert_eq!(got[0], ids[0], "the most active first");
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);

    // An empty year has no share.
    let h = network::health(&storage, today(), 2030).expect("health");
    assert_eq!((h.year_occurrences, h.concentration_top5_share), (0, None));
}

#[test]
fn moved_up_a_stage_this_year() {
    let (_dir, mut storage) = open();
    let with_stage = |n: u32, stage: Option<u8>| PartnerInput {
        stage,
        stage_reached_on: None,
        ..school(n)
    };
    let up = partners::create(&mut storage, with_stage(1, Some(1)), long_ago())
        .expect("1")
        .id;
    let down = partners::create(&mut storage, with_stage(2, Some(2)), long_ago())
        .expect("2")
        .id;
    let before = partners::create(&mut storage, with_stage(3, Some(1)), long_ago())
        .expect("3")
        .id;
    let first = partners::create(&mut storage, with_stage(4, None), long_ago())
        .expect("4")
        .id;
    partners::create(&mut storage, with_stage(5, Some(3)), long_ago()).expect("5");
    partners::update(&mut storage, up, with_stage(1, Some(2)), at(2026, 10, 1, 9)).expect("up");
    partners::update(
        &mut storage,
        down,
        with_stage(2, Some(1)),
        at(2026, 10, 1, 9),
    )
    .expect("down");
    partners::update(
        &mut storage,
        before,
        with_stage(3, Some(2)),
        at(2026, 8, 31, 9),
    )
    .expect("before");
    partners::update(
        &mut storage,
        first,
        with_stage(4, Some(1)),
        at(2026, 10, 1, 9),
    )
    .expect("first");

    let h = health(&storage);
    assert_eq!(h.moved_up, 1);
    let by: Vec<(Option<u8>, u32)> = h.by_stage.iter().map(|s| (s.stage, s.partners)).collect();
    assert_eq!(
        by,
        vec![(None, 0), (Some(1), 2), (Some(2), 2), (Some(3), 1)]
    );
    // The previous school year saw the 31.08 move.
    let h = network::health(&storage, today(), 2025).expect("2025");
    assert_eq!(h.moved_up, 1);
}

#[test]
fn the_demo_is_sane() {
    let dir = tempfile::tempdir().expect("dir");
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let year = 2026;
    let h = network::health(&storage, now().date(), year).expect("health");
    assert!(!h.partners.is_empty());
    let live: Vec<i64> = h.partners.iter().map(|p| p.partner_id).collect();
    let (first, last) = events::school_year::school_year_range(year);
    let occ = events::occurrences(
        &storage,
        &EventFilter {
            from: Some(first),
            to: Some(last),
            ..EventFilter::default()
        },
    )
    .expect("occurrences");
    let counted: Vec<_> = occ
        .iter()
        .filter(|o| o.status.takes_place() && o.partner_ids.iter().any(|p| live.contains(p)))
        .collect();
    assert_eq!(h.year_occurrences as usize, counted.len());
    let links: usize = counted
        .iter()
        .map(|o| o.partner_ids.iter().filter(|p| live.contains(p)).count())
        .sum();
    let per: u32 = h
        .partners
        .iter()
        .map(|p| p.events_planned + p.events_held)
        .sum();
    assert_eq!(per as usize, links);
    let held_total = counted
        .iter()
        .filter(|o| o.status == EventStatus::Held)
        .count();
    for p in &h.partners {
        assert!(p.events_held as usize <= held_total, "{}", p.short_name);
        assert!(p.events_planned + p.events_held <= h.year_occurrences);
    }
    let share = h.concentration_top5_share.expect("the demo has events");
    assert!(share > 0.0 && share <= 1.0);
    assert!(h.top5.len() <= 5);
    let staged: u32 = h.by_stage.iter().map(|s| s.partners).sum();
    assert_eq!(staged as usize, h.partners.len());
    for f in &h.flags {
        assert!(f.message.ends_with('.'), "{}", f.message);
    }

    // The CLI prints the same as JSON.
    let out = common::cli(dir.path(), &["network", "--json", "--year", "2026"], None);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["year"], 2026);
    assert_eq!(
        json["partners"].as_array().map(Vec::len),
        Some(h.partners.len())
    );
}

#[test]
fn no_contact_at_all_is_a_risk_too() {
    let (_dir, mut storage) = open();
    let none = partners::create(
        &mut storage,
        PartnerInput {
            contacts: Vec::new(),
            stage_reached_on: None,
            ..school(1)
        },
        long_ago(),
    )
    .expect("partner")
    .id;
    let h = health(&storage);
    let m = message(&h, HealthFlagKind::SingleContact, none);
    assert!(m.contains("нет ни одного контактного лица"), "{m}");
    let flags = h
        .flags
        .iter()
        .filter(|f| f.partner_id == Some(none) && f.kind == HealthFlagKind::SingleContact)
        .count();
    assert_eq!(flags, 1);
    let row = h
        .partners
        .iter()
        .find(|r| r.partner_id == none)
        .expect("row");
    assert_eq!(row.contacts, 0);
}

fn note_on(storage: &mut Storage, id: i64, date: NaiveDate) {
    let input = partnernet::partners::model::NoteInput {
        date: Some(date),
        text: "Созвонились, обсудили планы".into(),
        person_id: None,
    };
    partners::notes::add(storage, id, input, now()).expect("note");
}

fn tie_from(storage: &mut Storage, id: i64, start: NaiveDate, end: Option<NaiveDate>) {
    let input = partnernet::partners::model::TieInput {
        first_id: None,
        second_id: Some(id),
        kind: partnernet::partners::model::TieKind::NetworkInteraction,
        start_date: Some(start),
        end_date: end,
        note: String::new(),
    };
    partners::ties::add(storage, input, now()).expect("tie");
}

#[test]
fn dated_notes_and_ties_are_interactions() {
    let (_dir, mut storage) = open();
    // The window is 6 months: 12.06.2026 is as quiet as nothing.
    let noted_at_edge = partner_at(&mut storage, 1, long_ago());
    note_on(&mut storage, noted_at_edge, day(2026, 6, 12));
    let noted_inside = partner_at(&mut storage, 2, long_ago());
    note_on(&mut storage, noted_inside, day(2026, 6, 13));
    let noted_ahead = partner_at(&mut storage, 3, long_ago());
    note_on(&mut storage, noted_ahead, day(2026, 12, 13));
    let tied_inside = partner_at(&mut storage, 4, long_ago());
    tie_from(&mut storage, tied_inside, day(2026, 6, 13), None);
    let tie_ended_inside = partner_at(&mut storage, 5, long_ago());
    tie_from(
        &mut storage,
        tie_ended_inside,
        day(2025, 2, 1),
        Some(day(2026, 11, 30)),
    );
    let tied_long_ago = partner_at(&mut storage, 6, long_ago());
    tie_from(&mut storage, tied_long_ago, day(2025, 2, 1), None);

    let h = health(&storage);
    let last = |id: i64| {
        h.partners
            .iter()
            .find(|r| r.partner_id == id)
            .and_then(|r| r.last_interaction)
    };
    assert!(flagged(&h, HealthFlagKind::Dormant, noted_at_edge));
    assert_eq!(last(noted_at_edge), Some(day(2026, 6, 12)));
    assert!(!flagged(&h, HealthFlagKind::Dormant, noted_inside));
    // A note dated after today is no interaction yet.
    assert!(flagged(&h, HealthFlagKind::Dormant, noted_ahead));
    assert_eq!(last(noted_ahead), None);
    assert!(!flagged(&h, HealthFlagKind::Dormant, tied_inside));
    assert_eq!(last(tie_ended_inside), Some(day(2026, 11, 30)));
    assert!(!flagged(&h, HealthFlagKind::Dormant, tie_ended_inside));
    assert!(flagged(&h, HealthFlagKind::Dormant, tied_long_ago));
    assert!(
        message(&h, HealthFlagKind::Dormant, tied_long_ago).contains("с 01.02.2025"),
        "{}",
        message(&h, HealthFlagKind::Dormant, tied_long_ago)
    );
}
