//! iCalendar on real SQLite files: the export read by a standard parser
//! (Python's `icalendar` + `dateutil`), the round trip through import
//! without duplicates, a file of another calendar, a bad file.

mod common;

use std::process::Command;

use chrono::{NaiveDate, NaiveDateTime};
use common::{at, dump, now, open, school};
use partnernet::events::{
    self, import,
    model::{
        Audience, EventFilter, EventInput, EventStatus, Frequency, ImportAction, OccurrenceChange,
        Recurrence,
    },
};
use partnernet::settings::{self, Settings};
use partnernet::{partners, CoreError, Storage};

fn t(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn form(storage: &Storage, name: &str) -> i64 {
    events::forms(storage)
        .expect("forms")
        .into_iter()
        .find(|f| f.name == name)
        .map(|f| f.id)
        .expect("form")
}

fn count(storage: &Storage, table: &str) -> i64 {
    storage
        .conn()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// Two partners, a weekly series (one occurrence cancelled, one moved, one
/// held with results), an all-day contest and a single webinar.
fn fill(storage: &mut Storage) -> (i64, i64, i64) {
    let a = partners::create(storage, school(1), now())
        .expect("partner")
        .id;
    let b = partners::create(storage, school(2), now())
        .expect("partner")
        .id;
    let series = events::create(
        storage,
        EventInput {
            form_id: form(storage, "семинар"),
            title: "Семинар «Наставничество: опыт, практика»".into(),
            description: "Для педагогов дополнительного образования".into(),
            start: t(2026, 9, 15, 15, 0),
            end: t(2026, 9, 15, 16, 30),
            place: "ДДТ, актовый зал".into(),
            partner_ids: vec![a, b],
            audience: vec![Audience::Teachers],
            planned_count: Some(25),
            responsible: "Мишина В.И.".into(),
            recurrence: Some(Recurrence {
                frequency: Frequency::Weekly,
                interval: 1,
                weekdays: vec![2],
                until: Some(day(2026, 12, 22)),
                count: None,
            }),
            ..EventInput::default()
        },
        now(),
    )
    .expect("series")
    .event
    .id;
    for change in [
        OccurrenceChange {
            date: day(2026, 9, 29),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        OccurrenceChange {
            date: day(2026, 10, 13),
            status: EventStatus::Planned,
            start: Some(t(2026, 10, 14, 10, 0)),
            end: Some(t(2026, 10, 14, 11, 30)),
            ..OccurrenceChange::default()
        },
        OccurrenceChange {
            date: day(2026, 9, 22),
            status: EventStatus::Held,
            actual_count: Some(21),
            results: "Разобрали три практики наставничества".into(),
            ..OccurrenceChange::default()
        },
    ] {
        events::change_occurrence(storage, series, change, now()).expect("change");
    }
    let contest = events::create(
        storage,
        EventInput {
            form_id: form(storage, "интернет-конкурс"),
            title: "Интернет-конкурс «Мой край»".into(),
            start: t(2026, 11, 2, 0, 0),
            end: t(2026, 11, 6, 0, 0),
            all_day: true,
            link: "https://ddt.example.ru/konkurs".into(),
            audience: vec![Audience::Students, Audience::Parents],
            ..EventInput::default()
        },
        now(),
    )
    .expect("contest")
    .event
    .id;
    let webinar = events::create(
        storage,
        EventInput {
            form_id: form(storage, "вебинар"),
            title: "Вебинар по проектной деятельности".into(),
            start: t(2026, 10, 20, 14, 0),
            end: t(2026, 10, 20, 15, 0),
            link: "https://telemost.yandex.ru/j/12345".into(),
            partner_ids: vec![b],
            status: EventStatus::Postponed,
            ..EventInput::default()
        },
        now(),
    )
    .expect("webinar")
    .event
    .id;
    (series, contest, webinar)
}

/// Run by `/usr/bin/python3` (Debian's python3-icalendar and dateutil).
const PY: &str = include_str!("fixtures/read_ics.py");

/// The lines the standard parser prints about an .ics text.
fn python(ics: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("plan.ics");
    let script = dir.path().join("read.py");
    std::fs::write(&file, ics).expect("write ics");
    std::fs::write(&script, PY).expect("write script");
    let out = Command::new("/usr/bin/python3")
        .arg(&script)
        .arg(&file)
        .output()
        .expect("run /usr/bin/python3");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "python failed: {stderr}\n{ics}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn line<'a>(lines: &'a [String], prefix: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line {prefix}: {lines:#?}"))
}

/// The wall times of the occurrences our core gives for one event, without
/// cancelled ones, as the rule places them (moved ones at their rule time).
fn rule_times(storage: &Storage, id: i64) -> Vec<String> {
    let event = events::get(storage, id).expect("get");
    let filter = EventFilter {
        from: Some(day(2026, 9, 1)),
        to: Some(day(2027, 8, 31)),
        ..EventFilter::default()
    };
    events::occurrences(storage, &filter)
        .expect("occurrences")
        .into_iter()
        .filter(|o| o.event_id == id)
        .filter(|o| {
            !event
                .changes
                .iter()
                .any(|c| c.date == o.date && c.status == EventStatus::Cancelled)
        })
        .map(|o| {
            o.date
                .and_time(event.data.start.time())
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .collect()
}

#[test]
fn the_export_is_read_by_a_standard_parser() {
    let (_dir, mut storage) = open();
    let (series, _, _) = fill(&mut storage);
    let uid = events::get(&storage, series).expect("get").uid;
    let ics = import::export_year(&storage, 2026, now()).expect("export");
    let lines = python(&ics);
    assert_eq!(line(&lines, "TZ|"), "TZ|Europe/Moscow|STANDARD");
    let master = lines
        .iter()
        .find(|l| l.starts_with(&format!("EV|{uid}|")) && l.ends_with("|семинар"))
        .filter(|l| !l.contains("|2026-10-13T15:00|"))
        .unwrap_or_else(|| panic!("{lines:#?}"));
    let fields: Vec<&str> = master.split('|').collect();
    assert_eq!(fields[3], "2026-09-15T15:00@Europe/Moscow");
    assert_eq!(fields[4], "2026-09-15T12:00");
    // Python writes the parts in its canonical order.
    assert_eq!(fields[5], "FREQ=WEEKLY;UNTIL=20261222T205959Z;BYDAY=TU");
    assert_eq!(fields[6], "2026-09-29T15:00");
    assert_eq!(fields[8], "CONFIRMED");
    // The moved occurrence: an override keyed by its rule time.
    let moved = lines
        .iter()
        .find(|l| l.contains("|2026-10-13T15:00|"))
        .expect("override");
    assert!(
        moved.contains("|2026-10-14T10:00@Europe/Moscow|2026-10-14T07:00|"),
        "{moved}"
    );
    // The held occurrence has its override too.
    assert!(lines
        .iter()
        .any(|l| l.contains("|2026-09-22T15:00|CONFIRMED|")));
    // Python's expansion of RRULE − EXDATE gives our dates.
    let occ = line(&lines, &format!("OCC|{uid}|"));
    let theirs: Vec<String> = occ
        .rsplit('|')
        .next()
        .unwrap_or("")
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(theirs, rule_times(&storage, series));
    assert_eq!(theirs.len(), 15 - 1);
    let contest = line(&lines, "EV|").to_string();
    let all_day = lines
        .iter()
        .find(|l| l.contains("Интернет-конкурс"))
        .unwrap_or(&contest);
    assert!(all_day.contains("|2026-11-02T00:00|DATE|"), "{all_day}");
    assert!(all_day.ends_with("|интернет-конкурс"), "{all_day}");
    let webinar = lines
        .iter()
        .find(|l| l.contains("Вебинар по проектной"))
        .expect("webinar");
    assert!(webinar.contains("|TENTATIVE|вебинар"), "{webinar}");
}

#[test]
fn a_berlin_institution_exports_its_zone_with_daylight_saving() {
    let (_dir, mut storage) = open();
    settings::save(
        &mut storage,
        Settings {
            time_zone: "Europe/Berlin".into(),
            ..Settings::default()
        },
    )
    .expect("settings");
    // Mondays at 18:00 across the end of summer time on 25.10.2026.
    let seminar = form(&storage, "семинар");
    let id = events::create(
        &mut storage,
        EventInput {
            form_id: seminar,
            title: "Abendseminar".into(),
            start: t(2026, 10, 12, 18, 0),
            end: t(2026, 10, 12, 19, 0),
            recurrence: Some(Recurrence {
                frequency: Frequency::Weekly,
                interval: 1,
                weekdays: vec![1],
                until: None,
                count: Some(4),
            }),
            ..EventInput::default()
        },
        now(),
    )
    .expect("create")
    .event
    .id;
    let single = events::create(
        &mut storage,
        EventInput {
            form_id: seminar,
            title: "Nach der Zeitumstellung".into(),
            start: t(2026, 11, 2, 18, 0),
            end: t(2026, 11, 2, 19, 0),
            ..EventInput::default()
        },
        now(),
    )
    .expect("create")
    .event
    .id;
    let ics = import::export_ids(&storage, &[id, single], now()).expect("export");
    let lines = python(&ics);
    let tz = line(&lines, "TZ|");
    assert!(
        tz.starts_with("TZ|Europe/Berlin|") && tz.contains("DAYLIGHT") && tz.contains("STANDARD"),
        "{tz}"
    );
    let ev = line(&lines, "EV|");
    // 18:00 in Berlin in summer time (+02:00) is 16:00 UTC.
    assert!(
        ev.contains(
            "|2026-10-12T18:00@Europe/Berlin|2026-10-12T16:00|FREQ=WEEKLY;COUNT=4;BYDAY=MO|"
        ),
        "{ev}"
    );
    let occ = line(&lines, "OCC|");
    assert!(
        occ.ends_with("2026-10-12T18:00,2026-10-19T18:00,2026-10-26T18:00,2026-11-02T18:00"),
        "{occ}"
    );
    // Python takes a known zone name from its own database; under a name it
    // does not know it must use our VTIMEZONE, which has to give the same
    // instants on both sides of the change.
    let renamed = python(&ics.replace("Europe/Berlin", "PartnerNet-Berlin"));
    let utc: Vec<&str> = renamed
        .iter()
        .filter(|l| l.starts_with("EV|"))
        .filter_map(|l| l.split('|').nth(4))
        .collect();
    assert_eq!(
        utc,
        vec!["2026-10-12T16:00", "2026-11-02T17:00"],
        "{renamed:#?}"
    );

    // Read into a Moscow database: the same instant (19:00 in Moscow), and
    // a note that a series from a zone with summer time may drift.
    let (_dir2, mut moscow) = open();
    let preview = import::preview(&moscow, &ics).expect("preview");
    let series = &preview.items[0];
    assert_eq!(series.start, t(2026, 10, 12, 19, 0));
    assert!(
        series.notes.iter().any(|n| n.contains("сдвинуться на час")),
        "{:?}",
        series.notes
    );
    assert_eq!(preview.items[1].start, t(2026, 11, 2, 20, 0));
    let report = import::apply(&mut moscow, &ics, now()).expect("import");
    assert_eq!(report.added, 2);
}

#[test]
fn round_trip_through_import_gives_the_same_events_and_no_duplicates() {
    let (_dir, mut storage) = open();
    fill(&mut storage);
    let ics = import::export_year(&storage, 2026, now()).expect("export");

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
    let ics = import::export_ids(&storage, &[contest], now()).expect("export");
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

const GOOGLE: &str = include_str!("fixtures/google_calendar.ics");

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
fn the_year_export_takes_only_that_school_year() {
    let (_dir, mut storage) = open();
    fill(&mut storage);
    let conference = form(&storage, "конференция");
    events::create(
        &mut storage,
        EventInput {
            form_id: conference,
            title: "Конференция прошлого года".into(),
            start: t(2026, 4, 10, 10, 0),
            end: t(2026, 4, 10, 13, 0),
            ..EventInput::default()
        },
        now(),
    )
    .expect("old");
    let ics = import::export_year(&storage, 2026, now()).expect("export");
    assert!(!ics.contains("Конференция прошлого года"));
    let old = import::export_year(&storage, 2025, now()).expect("export");
    assert!(old.contains("Конференция прошлого года"));
    assert!(!old.contains("Интернет-конкурс"));
}

#[test]
fn every_series_of_the_demo_expands_the_same_in_python() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let ics = import::export_year(&storage, 2026, now()).expect("export");
    let lines = python(&ics);
    let series: Vec<_> = events::all(&storage)
        .expect("all")
        .into_iter()
        .filter(|e| e.data.recurrence.is_some())
        .collect();
    assert!(series.len() >= 2);
    for e in series {
        let occ = line(&lines, &format!("OCC|{}|", e.uid));
        let theirs: Vec<String> = occ
            .rsplit('|')
            .next()
            .unwrap_or("")
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        assert_eq!(theirs, rule_times(&storage, e.id), "{}", e.data.title);
    }
    let (_dir2, mut fresh) = open();
    let report = import::apply(&mut fresh, &ics, now()).expect("import");
    assert_eq!(
        report.added as usize,
        events::all(&storage).expect("all").len()
    );
    let again = import::apply(&mut fresh, &ics, now()).expect("again");
    assert_eq!((again.added, again.updated), (0, 0));
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
    let ics = import::export_ids(&storage, &[id], now()).expect("export");
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
