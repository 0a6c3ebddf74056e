//! Events on real SQLite files: validation (nothing saved on any error),
//! series with moved and cancelled occurrences, a daylight-saving edge in a
//! non-Moscow zone, conflicts, forms, trash, the start-screen digest.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{at, day, dump, now, open, school, t};
use partnernet::events::{
    self,
    model::{
        Audience, ConflictReason, EventFilter, EventFormInput, EventInput, EventStatus, Frequency,
        OccurrenceChange, Recurrence,
    },
    recurrence,
};
use partnernet::settings::{self, Settings};
use partnernet::{partners, trash, CoreError, Storage};

fn seminar(storage: &Storage) -> i64 {
    events::forms(storage).expect("forms")[0].id
}

/// The first built-in form, «семинар» (the migration seeds it first).
const SEMINAR: i64 = 1;

/// «Школа молодого педагога»: Tuesdays 15:00–16:30 from 06.10.2026, 10 times.
fn weekly_series(partners: Vec<i64>) -> EventInput {
    EventInput {
        form_id: SEMINAR,
        title: "Школа молодого педагога".into(),
        start: t(2026, 10, 6, 15, 0),
        end: t(2026, 10, 6, 16, 30),
        place: "Актовый зал ДДТ".into(),
        responsible: "Смирнова О. А.".into(),
        partner_ids: partners,
        audience: vec![Audience::Teachers],
        planned_count: Some(25),
        recurrence: Some(Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![],
            until: None,
            count: Some(10),
        }),
        ..EventInput::default()
    }
}

fn window(from: NaiveDate, to: NaiveDate) -> EventFilter {
    EventFilter {
        from: Some(from),
        to: Some(to),
        ..EventFilter::default()
    }
}

#[test]
fn the_forms_of_the_domain_come_first_and_the_list_can_be_extended() {
    let (_dir, mut storage) = open();
    let names: Vec<String> = events::forms(&storage)
        .expect("forms")
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names.len(), 10);
    assert_eq!(names[0], "семинар");
    assert_eq!(seminar(&storage), SEMINAR);
    assert_eq!(names[5], "проектная деятельность");
    assert_eq!(names[9], "размещение методических материалов на сайте");

    let added = events::add_form(
        &mut storage,
        EventFormInput {
            name: "  мастер-класс ".into(),
            ..EventFormInput::default()
        },
    )
    .expect("add");
    assert_eq!(added.name, "мастер-класс");
    assert!(added.color.starts_with('#') && !added.builtin);
    assert_eq!(added.position, 11);
    let twice = events::add_form(
        &mut storage,
        EventFormInput {
            name: "Мастер-класс".into(),
            ..EventFormInput::default()
        },
    );
    assert!(matches!(twice, Err(CoreError::Validation(_))));
    let bad_colour = events::update_form(
        &mut storage,
        added.id,
        EventFormInput {
            name: "мастер-класс".into(),
            color: "красный".into(),
            online: false,
        },
    );
    let Err(CoreError::Validation(fields)) = bad_colour else {
        panic!("colour accepted")
    };
    assert_eq!(fields[0].field, "color");

    let builtin = events::forms(&storage).expect("forms")[0].id;
    let err = events::delete_form(&mut storage, builtin).expect_err("builtin");
    assert!(err.to_string().contains("нельзя удалить"), "{err}");

    let input = EventInput {
        form_id: added.id,
        title: "Мастер-класс по бумагопластике".into(),
        ..EventInput::default()
    };
    events::create(&mut storage, input, now()).expect("create");
    let err = events::delete_form(&mut storage, added.id).expect_err("used");
    assert!(err.to_string().contains("используется"), "{err}");
}

#[test]
fn bad_events_are_refused_on_their_fields_and_nothing_is_saved() {
    let (_dir, mut storage) = open();
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let gone = partners::create(&mut storage, school(2), now())
        .expect("b")
        .id;
    partners::trash(&mut storage, gone, now()).expect("trash");
    let good = weekly_series(vec![a]);
    let before = dump(&storage);
    let cases: Vec<(EventInput, &str, &str)> = vec![
        (
            EventInput {
                end: t(2026, 10, 6, 14, 0),
                ..good.clone()
            },
            "end",
            "раньше начала",
        ),
        (
            EventInput {
                title: "   ".into(),
                ..good.clone()
            },
            "title",
            "название",
        ),
        (
            EventInput {
                planned_count: Some(-3),
                ..good.clone()
            },
            "planned_count",
            "меньше нуля",
        ),
        (
            EventInput {
                actual_count: Some(-1),
                ..good.clone()
            },
            "actual_count",
            "меньше нуля",
        ),
        (
            EventInput {
                link: "зум в 15:00".into(),
                ..good.clone()
            },
            "link",
            "не адрес",
        ),
        (
            EventInput {
                form_id: 999,
                ..good.clone()
            },
            "form_id",
            "не найдена",
        ),
        (
            EventInput {
                partner_ids: vec![a, gone],
                ..good.clone()
            },
            "partner_ids.1",
            "в корзине",
        ),
        (
            EventInput {
                recurrence: Some(Recurrence {
                    count: None,
                    ..Recurrence::default()
                }),
                ..good.clone()
            },
            "recurrence.until",
            "заканчивается",
        ),
        (
            EventInput {
                recurrence: Some(Recurrence {
                    until: Some(day(2026, 9, 1)),
                    ..Recurrence::default()
                }),
                ..good.clone()
            },
            "recurrence.until",
            "раньше первого",
        ),
    ];
    for (input, field, words) in cases {
        let problems = events::check(&storage, &input, None).expect("check");
        assert!(
            problems.iter().any(|p| p.field == field),
            "{field}: {problems:?}"
        );
        let err = events::create(&mut storage, input, now()).expect_err(field);
        let CoreError::Validation(fields) = &err else {
            panic!("{field}: {err}")
        };
        let hit = fields.iter().find(|f| f.field == field).expect(field);
        assert!(
            hit.message.to_lowercase().contains(words),
            "{field}: {}",
            hit.message
        );
    }
    assert_eq!(before, dump(&storage), "nothing was saved");
    assert!(events::check(&storage, &good, None)
        .expect("check")
        .is_empty());
    let saved = events::create(&mut storage, good, now()).expect("good one");
    assert!(saved.conflicts.is_empty());
    assert_eq!(saved.event.data.partner_ids, vec![a]);
}

#[test]
fn a_weekly_series_with_a_moved_and_a_cancelled_occurrence() {
    let (_dir, mut storage) = open();
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let b = partners::create(&mut storage, school(2), now())
        .expect("b")
        .id;
    let saved = events::create(&mut storage, weekly_series(vec![a, b]), now()).expect("series");
    let id = saved.event.id;
    let all = events::occurrences(&storage, &window(day(2026, 9, 1), day(2027, 8, 31)))
        .expect("occurrences");
    assert_eq!(all.len(), 10);
    assert_eq!(all[0].start, t(2026, 10, 6, 15, 0));
    assert_eq!(all[9].start, t(2026, 12, 8, 15, 0));
    assert!(all.iter().all(|o| o.recurring && o.partners.len() == 2));

    // Cancel 20.10, move 27.10 to Thursday 29.10 16:00–17:30.
    events::change_occurrence(
        &mut storage,
        id,
        OccurrenceChange {
            date: day(2026, 10, 20),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("cancel");
    events::reschedule(
        &mut storage,
        id,
        day(2026, 10, 27),
        t(2026, 10, 29, 16, 0),
        t(2026, 10, 29, 17, 30),
        now(),
    )
    .expect("move");
    // A date the rule does not give is refused.
    let err = events::change_occurrence(
        &mut storage,
        id,
        OccurrenceChange {
            date: day(2026, 10, 21),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect_err("no such occurrence");
    assert!(err.to_string().contains("занятия нет"), "{err}");

    let october = events::occurrences(&storage, &window(day(2026, 10, 1), day(2026, 10, 31)))
        .expect("october");
    let shown: Vec<(NaiveDate, NaiveDateTime, EventStatus)> = october
        .iter()
        .map(|o| (o.date, o.start, o.status))
        .collect();
    assert_eq!(
        shown,
        [
            (
                day(2026, 10, 6),
                t(2026, 10, 6, 15, 0),
                EventStatus::Planned
            ),
            (
                day(2026, 10, 13),
                t(2026, 10, 13, 15, 0),
                EventStatus::Planned
            ),
            (
                day(2026, 10, 20),
                t(2026, 10, 20, 15, 0),
                EventStatus::Cancelled
            ),
            (
                day(2026, 10, 27),
                t(2026, 10, 29, 16, 0),
                EventStatus::Planned
            ),
        ]
    );
    // The series is intact: still ten, the rest untouched.
    let active = events::occurrences(
        &storage,
        &EventFilter {
            statuses: vec![EventStatus::Planned],
            ..window(day(2026, 9, 1), day(2027, 8, 31))
        },
    )
    .expect("active");
    assert_eq!(active.len(), 9);

    // A moved occurrence is found from the week it moved to only.
    let moved_week =
        events::occurrences(&storage, &window(day(2026, 10, 26), day(2026, 10, 27))).expect("week");
    assert!(moved_week.is_empty(), "{moved_week:?}");

    // Held with results on one date; then the move is undone.
    events::change_occurrence(
        &mut storage,
        id,
        OccurrenceChange {
            date: day(2026, 10, 6),
            status: EventStatus::Held,
            actual_count: Some(21),
            results: "Разобрали структуру открытого занятия.".into(),
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("held");
    events::reset_occurrence(&mut storage, id, day(2026, 10, 27), now()).expect("reset");
    let event = events::get(&storage, id).expect("get");
    assert_eq!(event.changes.len(), 2);
    let first =
        events::occurrences(&storage, &window(day(2026, 10, 6), day(2026, 10, 6))).expect("first");
    assert_eq!(first[0].actual_count, Some(21));
    assert!(first[0].changed);

    // Editing the series to end earlier drops changes past its new end.
    let shorter = EventInput {
        recurrence: Some(Recurrence {
            count: Some(2),
            ..Recurrence::default()
        }),
        ..event.data.clone()
    };
    let edited = events::update(&mut storage, id, shorter, now()).expect("shorter");
    assert_eq!(
        edited.event.changes.len(),
        1,
        "20.10 is no longer in the series"
    );
}

#[test]
fn a_series_keeps_its_wall_time_across_daylight_saving_in_berlin() {
    let (_dir, mut storage) = open();
    let s = settings::get(&storage).expect("settings");
    settings::save(
        &mut storage,
        Settings {
            time_zone: "Europe/Berlin".into(),
            ..s
        },
    )
    .expect("zone");
    let tz = events::time_zone(&storage).expect("tz");
    assert_eq!(tz, chrono_tz::Europe::Berlin);
    // Sundays at 02:30 from 22.03.2026: on 29.03 the clocks jump 02:00 → 03:00.
    let input = EventInput {
        form_id: seminar(&storage),
        title: "Ночной онлайн-семинар".into(),
        start: t(2026, 3, 22, 2, 30),
        end: t(2026, 3, 22, 3, 30),
        recurrence: Some(Recurrence {
            count: Some(3),
            ..Recurrence::default()
        }),
        ..EventInput::default()
    };
    events::create(&mut storage, input, now()).expect("series");
    let got = events::occurrences(&storage, &window(day(2026, 3, 1), day(2026, 4, 30)))
        .expect("occurrences");
    let starts: Vec<NaiveDateTime> = got.iter().map(|o| o.start).collect();
    assert_eq!(
        starts,
        [
            t(2026, 3, 22, 2, 30),
            t(2026, 3, 29, 3, 30), // 02:30 does not exist that night
            t(2026, 4, 5, 2, 30),
        ]
    );
    // The same wall time is a different UTC instant after the change.
    let utc: Vec<NaiveDateTime> = starts
        .iter()
        .map(|s| recurrence::to_utc(tz, *s).naive_utc())
        .collect();
    assert_eq!(
        utc,
        [
            t(2026, 3, 22, 1, 30),
            t(2026, 3, 29, 1, 30),
            t(2026, 4, 5, 0, 30)
        ]
    );
}

#[test]
fn overlaps_at_the_same_place_or_with_the_same_person_are_saved_with_a_warning() {
    let (_dir, mut storage) = open();
    let series = events::create(&mut storage, weekly_series(vec![]), now())
        .expect("series")
        .event;
    // Same hall, overlapping the third Tuesday (20.10 15:00–16:30).
    let round_table = EventInput {
        form_id: events::forms(&storage).expect("forms")[1].id,
        title: "Круглый стол с родителями".into(),
        start: t(2026, 10, 20, 16, 0),
        end: t(2026, 10, 20, 17, 0),
        place: "  актовый зал ДДТ ".into(),
        responsible: "Петрова Н. В.".into(),
        ..EventInput::default()
    };
    let saved = events::create(&mut storage, round_table, now()).expect("saved anyway");
    assert_eq!(saved.conflicts.len(), 1, "{:?}", saved.conflicts);
    let c = &saved.conflicts[0];
    assert_eq!(c.reason, ConflictReason::Place);
    assert_eq!(c.other_event_id, series.id);
    assert!(
        c.message.contains("«Школа молодого педагога»") && c.message.contains("15:00–16:30"),
        "{}",
        c.message
    );
    // The series sees it too, on that date.
    let theirs = events::conflicts(&storage, series.id).expect("conflicts");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].date, day(2026, 10, 20));

    // Same person elsewhere, overlapping another Tuesday.
    let visit = EventInput {
        form_id: events::forms(&storage).expect("forms")[4].id,
        title: "Выезд в СОШ № 2".into(),
        start: t(2026, 11, 3, 14, 0),
        end: t(2026, 11, 3, 15, 30),
        place: "МБОУ СОШ № 2".into(),
        responsible: "смирнова о. а.".into(),
        ..EventInput::default()
    };
    let saved = events::create(&mut storage, visit, now()).expect("visit");
    assert_eq!(saved.conflicts.len(), 1);
    assert_eq!(saved.conflicts[0].reason, ConflictReason::Responsible);

    // Cancelling that occurrence removes the conflict.
    events::change_occurrence(
        &mut storage,
        series.id,
        OccurrenceChange {
            date: day(2026, 11, 3),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("cancel");
    assert!(events::conflicts(&storage, saved.event.id)
        .expect("after")
        .is_empty());

    // Touching ends are not an overlap; all-day events never conflict.
    let after = EventInput {
        form_id: seminar(&storage),
        title: "Сразу после".into(),
        start: t(2026, 10, 13, 16, 30),
        end: t(2026, 10, 13, 17, 30),
        place: "Актовый зал ДДТ".into(),
        ..EventInput::default()
    };
    assert!(events::create(&mut storage, after, now())
        .expect("after")
        .conflicts
        .is_empty());
    let contest = EventInput {
        form_id: seminar(&storage),
        title: "Конкурс рисунков".into(),
        start: t(2026, 10, 1, 0, 0),
        end: t(2026, 10, 31, 0, 0),
        all_day: true,
        place: "Актовый зал ДДТ".into(),
        ..EventInput::default()
    };
    assert!(events::create(&mut storage, contest, now())
        .expect("contest")
        .conflicts
        .is_empty());
}

#[test]
fn trash_restore_purge_and_partners_in_events_stay() {
    let (_dir, mut storage) = open();
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let id = events::create(&mut storage, weekly_series(vec![a]), now())
        .expect("series")
        .event
        .id;
    let err = events::purge(&mut storage, id).expect_err("not in trash");
    assert!(err.to_string().contains("не в корзине"));
    events::trash(&mut storage, id, now()).expect("trash");
    assert!(events::all(&storage).expect("all").is_empty());
    assert_eq!(events::trash_list(&storage).expect("trash").len(), 1);
    let err = events::update(&mut storage, id, weekly_series(vec![]), now()).expect_err("trashed");
    assert!(err.to_string().contains("в корзине"));

    partners::trash(&mut storage, a, now()).expect("partner to trash");
    let err = trash::purge_partner(&mut storage, a).expect_err("in an event");
    assert!(
        err.to_string().contains("«Школа молодого педагога»"),
        "{err}"
    );
    events::purge(&mut storage, id).expect("purge");
    trash::purge_partner(&mut storage, a).expect("now it can go");
}

#[test]
fn the_start_screen_shows_the_week_and_what_waits_for_results() {
    let (_dir, mut storage) = open();
    let series = events::create(&mut storage, weekly_series(vec![]), now())
        .expect("series")
        .event;
    let held = EventInput {
        form_id: seminar(&storage),
        title: "Семинар «Наставничество»".into(),
        start: t(2026, 10, 1, 10, 0),
        end: t(2026, 10, 1, 12, 0),
        status: EventStatus::Held,
        results: "Приняли положение о наставничестве.".into(),
        ..EventInput::default()
    };
    events::create(&mut storage, held, now()).expect("held");
    // Wednesday 21.10.2026, noon: the week is 19–25.10.
    let digest = events::digest(&storage, at(2026, 10, 21, 12)).expect("digest");
    assert_eq!(
        (digest.week_from, digest.week_to),
        (day(2026, 10, 19), day(2026, 10, 25))
    );
    assert_eq!(digest.this_week.len(), 1);
    assert_eq!(digest.this_week[0].date, day(2026, 10, 20));
    // 06.10, 13.10, 20.10 are past without results; the held one has them.
    let waiting: Vec<NaiveDate> = digest.awaiting_results.iter().map(|o| o.date).collect();
    assert_eq!(
        waiting,
        [day(2026, 10, 20), day(2026, 10, 13), day(2026, 10, 6)]
    );
    assert!(digest
        .awaiting_results
        .iter()
        .all(|o| o.event_id == series.id));
    // The partner card's list.
    let mine = events::events_of_partner(&storage, 12345, at(2026, 10, 21, 12)).expect("none");
    assert!(mine.is_empty());
}
