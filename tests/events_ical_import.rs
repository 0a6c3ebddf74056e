//! iCalendar import on real SQLite files: the round trip of our own export
//! without duplicates, the trash, a file of another calendar, a bad file,
//! a failure midway, a moved and cancelled occurrence.

mod common;

use common::ical::{fill, form};
use common::{at, day, dump, now, open, school, t};
use partnernet::events::{
    self, export, import,
    model::{EventFilter, EventInput, EventStatus, ImportAction, OccurrenceChange, Recurrence},
};
use partnernet::{partners, CoreError, Storage};

fn count(storage: &Storage, table: &str) -> i64 {
    storage
        .conn()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

const GOOGLE: &str = include_str!("fixtures/google_calendar.ics");

#[test]
fn round_trip_through_import_gives_the_same_events_and_no_duplicates() {
    let (_dir, mut storage) = open();
    fill(&mut storage);
    let ics = export::export_year(&storage, 2026, now()).expect("export");

    let (_dir2, mut fresh) = open();
    partners::create(&mut fresh, school(1), now()).expect("partner");
    partners::create(&mut fresh, school(2), now()).expect("partner");
    let preview = import::preview(&fresh, &ics).expect("preview");
    assert_eq!(preview.items.len(), 3);
    assert!(preview.items.iter().all(|i| i.action == ImportAction::Add));
    assert!(
        preview.items.iter().all(|i| i.notes.is_empty()),
        "{preview:#?}"
    );
    assert!(preview.skipped.is_empty());
    let report = import::apply(&mut fresh, &ics, now()).expect("apply");
    assert_eq!((report.added, report.updated, report.unchanged), (3, 0, 0));

    let original = events::all(&storage).expect("all");
    for e in &original {
        let copy = events::find_by_uid(&fresh, &e.uid)
            .expect("find")
            .expect("imported");
        assert_eq!(copy.data, e.data, "{}", e.data.title);
        assert_eq!(copy.changes, e.changes, "{}", e.data.title);
    }
    let year = EventFilter {
        from: Some(day(2026, 9, 1)),
        to: Some(day(2027, 8, 31)),
        ..EventFilter::default()
    };
    let shape = |s: &Storage| -> Vec<_> {
        events::occurrences(s, &year)
            .expect("occurrences")
            .into_iter()
            .map(|o| {
                (
                    o.date, o.start, o.end, o.status, o.title, o.partners, o.results,
                )
            })
            .collect()
    };
    assert_eq!(shape(&fresh), shape(&storage));

    // The same file again: nothing added, nothing doubled.
    let before = dump(&fresh);
    let again = import::apply(&mut fresh, &ics, at(2026, 11, 23, 9)).expect("again");
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(dump(&fresh), before);
    assert_eq!(count(&fresh, "events"), 3);

    // A title changed in the file: one update, partners kept.
    let edited = ics.replace(
        "SUMMARY:Вебинар по проектной деятельности",
        "SUMMARY:Вебинар по проектной деятельности (2-я часть)",
    );
    let preview = import::preview(&fresh, &edited).expect("preview");
    let actions: Vec<_> = preview.items.iter().map(|i| i.action).collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == ImportAction::Update)
            .count(),
        1,
        "{actions:?}"
    );
    let report = import::apply(&mut fresh, &edited, at(2026, 11, 23, 9)).expect("apply");
    assert_eq!((report.added, report.updated, report.unchanged), (0, 1, 2));
    let webinar = events::all(&fresh)
        .expect("all")
        .into_iter()
        .find(|e| e.data.title.ends_with("(2-я часть)"))
        .expect("renamed");
    assert_eq!(webinar.data.partner_ids.len(), 1);
    assert_eq!(count(&fresh, "events"), 3);
}

#[test]
fn an_event_in_the_trash_is_restored_by_an_import() {
    let (_dir, mut storage) = open();
    let (_, contest, _) = fill(&mut storage);
    let ics = export::export_ids(&storage, &[contest], now()).expect("export");
    events::trash(&mut storage, contest, now()).expect("trash");
    let preview = import::preview(&storage, &ics).expect("preview");
    assert_eq!(preview.items[0].action, ImportAction::Update);
    assert_eq!(preview.items[0].existing_id, Some(contest));
    assert!(preview.items[0].notes.iter().any(|n| n.contains("корзине")));
    let report = import::apply(&mut storage, &ics, now()).expect("apply");
    assert_eq!(report.updated, 1);
    assert_eq!(
        events::get(&storage, contest).expect("get").deleted_at,
        None
    );
}

#[test]
fn a_file_of_another_calendar_is_previewed_and_imported_once() {
    let (_dir, mut storage) = open();
    let preview = import::preview(&storage, GOOGLE).expect("preview");
    let item = |title: &str| {
        preview
            .items
            .iter()
            .find(|i| i.title == title)
            .unwrap_or_else(|| panic!("no {title}: {preview:#?}"))
    };
    assert!(preview.items.iter().all(|i| i.action == ImportAction::Add));
    let round = item("Круглый стол с родителями");
    assert_eq!(
        (round.start, round.end),
        (t(2026, 10, 5, 10, 0), t(2026, 10, 5, 11, 30))
    );
    assert_eq!(round.form, "круглый стол");
    assert!(round.notes.is_empty(), "{:?}", round.notes);
    let web = item("Вебинар для педагогов");
    assert_eq!(web.end, t(2026, 10, 7, 16, 30));
    assert!(web.recurring);
    assert_eq!(web.form, "вебинар");
    assert!(
        web.notes.iter().any(|n| n.contains("концом учебного года")),
        "{:?}",
        web.notes
    );
    let week = item("Методическая неделя");
    assert!(week.all_day);
    assert_eq!(
        (week.start, week.end),
        (t(2026, 11, 3, 0, 0), t(2026, 11, 4, 0, 0))
    );
    assert!(week.notes.iter().any(|n| n.contains("нет UID")));
    assert!(week
        .notes
        .iter()
        .any(|n| n.contains("Форма мероприятия в файле не указана")));
    let ny = item("Онлайн-встреча с коллегами");
    assert_eq!(ny.start, t(2026, 11, 12, 17, 0));
    assert!(ny.notes.iter().any(|n| n.contains("каждые 12 месяцев")));
    assert_eq!(preview.skipped.len(), 2, "{:?}", preview.skipped);
    assert!(preview
        .skipped
        .iter()
        .any(|s| s.contains("VTODO") && s.contains("Подготовить отчёт")));

    let report = import::apply(&mut storage, GOOGLE, now()).expect("apply");
    assert_eq!(report.added as usize, preview.items.len());
    assert_eq!(report.skipped, preview.skipped);
    let web = events::find_by_uid(&storage, "webinar-7@google.com")
        .expect("find")
        .expect("webinar");
    let cancelled: Vec<_> = web
        .changes
        .iter()
        .filter(|c| c.status == EventStatus::Cancelled)
        .map(|c| c.date)
        .collect();
    assert_eq!(cancelled, vec![day(2026, 10, 14)]);
    let moved = web
        .changes
        .iter()
        .find(|c| c.date == day(2026, 10, 21))
        .expect("moved");
    assert_eq!(moved.start, Some(t(2026, 10, 21, 16, 0)));

    let again = import::apply(&mut storage, GOOGLE, now()).expect("again");
    assert_eq!(again.added, 0);
    assert_eq!(again.unchanged as usize, preview.items.len());
    assert_eq!(count(&storage, "events") as usize, preview.items.len());
}

#[test]
fn a_bad_file_is_refused_in_russian_and_nothing_is_written() {
    let (_dir, mut storage) = open();
    fill(&mut storage);
    let before = dump(&storage);
    for text in [
        "Имя;Телефон\nИванова;+7 915 000-00-00\n",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Оборвано\r\n",
    ] {
        let err = import::apply(&mut storage, text, now()).expect_err("refused");
        assert!(matches!(err, CoreError::BadInput(_)), "{err:?}");
        assert!(
            err.to_string()
                .contains("Файл не похож на календарь iCalendar (.ics)"),
            "{err}"
        );
        assert!(import::preview(&storage, text).is_err());
    }
    assert_eq!(dump(&storage), before);
}

#[test]
fn an_import_failing_midway_leaves_nothing_behind() {
    let (_dir, mut storage) = open();
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//RU\r\n\
        BEGIN:VEVENT\r\nUID:first@test\r\nDTSTAMP:20261001T000000Z\r\n\
        DTSTART:20261005T070000Z\r\nDTEND:20261005T080000Z\r\nSUMMARY:Первое\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:second@test\r\nDTSTAMP:20261001T000000Z\r\n\
        DTSTART:20261006T070000Z\r\nDTEND:20261006T080000Z\r\nSUMMARY:Второе\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    assert_eq!(
        import::preview(&storage, ics).expect("preview").items.len(),
        2
    );
    // The database refuses the second event as a disk error would.
    storage
        .conn()
        .execute_batch(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON events WHEN NEW.title = 'Второе'
             BEGIN SELECT RAISE(ABORT, 'диск заполнен'); END;",
        )
        .expect("trigger");
    let before = dump(&storage);
    let err = import::apply(&mut storage, ics, now()).expect_err("fails midway");
    assert!(err.to_string().contains("диск заполнен"), "{err}");
    assert_eq!(before, dump(&storage), "the first event was rolled back");
    storage
        .conn()
        .execute_batch("DROP TRIGGER refuse")
        .expect("drop");
    let report = import::apply(&mut storage, ics, now()).expect("import");
    assert_eq!(report.added, 2);
}

#[test]
fn a_moved_then_cancelled_occurrence_keeps_its_times_through_a_round_trip() {
    let (_dir, mut storage) = open();
    let input = EventInput {
        form_id: form(&storage, "семинар"),
        title: "Школа молодого педагога".into(),
        start: t(2026, 10, 6, 15, 0),
        end: t(2026, 10, 6, 16, 30),
        recurrence: Some(Recurrence {
            count: Some(4),
            ..Recurrence::default()
        }),
        ..EventInput::default()
    };
    let id = events::create(&mut storage, input, now())
        .expect("series")
        .event
        .id;
    let moved_cancelled = OccurrenceChange {
        date: day(2026, 10, 13),
        status: EventStatus::Cancelled,
        start: Some(t(2026, 10, 14, 10, 0)),
        end: Some(t(2026, 10, 14, 11, 30)),
        ..OccurrenceChange::default()
    };
    let plain = OccurrenceChange {
        date: day(2026, 10, 20),
        status: EventStatus::Cancelled,
        ..OccurrenceChange::default()
    };
    events::set_changes(
        &mut storage,
        id,
        vec![moved_cancelled.clone(), plain.clone()],
        now(),
    )
    .expect("changes");
    let ics = export::export_ids(&storage, &[id], now()).expect("export");
    assert_eq!(
        ics.matches("EXDATE").count(),
        1,
        "only the plain one is an EXDATE:\n{ics}"
    );
    assert_eq!(ics.matches("RECURRENCE-ID").count(), 1, "{ics}");

    let (_other, mut fresh) = open();
    let report = import::apply(&mut fresh, &ics, now()).expect("import");
    assert_eq!(report.added, 1);
    let back = events::all(&fresh).expect("all").remove(0);
    assert_eq!(back.changes, vec![moved_cancelled, plain]);
    let again = import::apply(&mut fresh, &ics, now()).expect("again");
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 1));
}

#[test]
fn a_file_mixing_lf_and_crlf_line_endings_is_imported() {
    let (_dir, mut storage) = open();
    // RFC 5545 says CRLF; real files mix them (edited by hand, glued by
    // scripts), folded lines included.
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\nPRODID:-//test//RU\r\n\
        BEGIN:VEVENT\nUID:first@test\r\nDTSTAMP:20261001T000000Z\n\
        DTSTART:20261005T070000Z\r\nDTEND:20261005T080000Z\nSUMMARY:Первое \r\n \
        смешанное\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:second@test\nDTSTAMP:20261001T000000Z\r\n\
        DTSTART:20261006T070000Z\nDTEND:20261006T080000Z\r\nSUMMARY:Второе \n \
        с переносом\nEND:VEVENT\n\
        END:VCALENDAR\n";
    let preview = import::preview(&storage, ics).expect("preview");
    assert_eq!(preview.items.len(), 2, "{preview:#?}");
    assert!(preview.skipped.is_empty(), "{preview:#?}");
    let report = import::apply(&mut storage, ics, now()).expect("import");
    assert_eq!(report.added, 2);
    let titles: Vec<String> = ["first@test", "second@test"]
        .iter()
        .map(|uid| {
            events::find_by_uid(&storage, uid)
                .expect("find")
                .expect("imported")
                .data
                .title
        })
        .collect();
    assert_eq!(titles, ["Первое смешанное", "Второе с переносом"]);
}
