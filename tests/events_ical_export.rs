//! iCalendar export on real SQLite files, read back by a standard parser
//! (Python's `icalendar` + `dateutil`): the times, rules and overrides,
//! a zone with daylight saving, the school year, every series of the demo.

mod common;

use std::process::Command;

use common::ical::{fill, form};
use common::{day, now, open, t};
use partnernet::events::{
    self, export, import,
    model::{EventFilter, EventInput, EventStatus, Frequency, Recurrence},
};
use partnernet::settings::{self, Settings};
use partnernet::Storage;

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
    let ics = export::export_year(&storage, 2026, now()).expect("export");
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
    let ics = export::export_ids(&storage, &[id, single], now()).expect("export");
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
    let ics = export::export_year(&storage, 2026, now()).expect("export");
    assert!(!ics.contains("Конференция прошлого года"));
    let old = export::export_year(&storage, 2025, now()).expect("export");
    assert!(old.contains("Конференция прошлого года"));
    assert!(!old.contains("Интернет-конкурс"));
}

#[test]
fn every_series_of_the_demo_expands_the_same_in_python() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let ics = export::export_year(&storage, 2026, now()).expect("export");
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
    // The year's events: the demo's last school year is not in this export.
    let (first, _) = partnernet::events::school_year::school_year_range(2026);
    let of_year = events::all(&storage)
        .expect("all")
        .into_iter()
        .filter(|e| e.data.start.date() >= first)
        .count();
    assert_eq!(report.added as usize, of_year);
    let again = import::apply(&mut fresh, &ics, now()).expect("again");
    assert_eq!((again.added, again.updated), (0, 0));
}
