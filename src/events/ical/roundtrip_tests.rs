//! Export → parse without a database: what we write, we read back.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

use super::{export, parse};
use crate::error::CoreError;
use crate::events::model::{
    Audience, Event, EventForm, EventInput, EventStatus, Frequency, OccurrenceChange, Recurrence,
};

fn t(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("time")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn forms() -> Vec<EventForm> {
    ["семинар", "круглый стол", "вебинар"]
        .iter()
        .enumerate()
        .map(|(i, n)| EventForm {
            id: i as i64 + 1,
            name: n.to_string(),
            online: *n == "вебинар",
            color: "#2f6fb3".into(),
            builtin: true,
            position: i as i64 + 1,
        })
        .collect()
}

fn event(id: i64, uid: &str, data: EventInput, changes: Vec<OccurrenceChange>) -> Event {
    Event {
        id,
        uid: uid.into(),
        data,
        changes,
        created_at: t(2026, 8, 1, 9, 0),
        updated_at: t(2026, 8, 1, 9, 0),
        deleted_at: None,
    }
}

fn series() -> Event {
    let data = EventInput {
        form_id: 1,
        title: "Семинар «Наставничество; опыт, практика»".into(),
        description: "Для педагогов\nдополнительного образования".into(),
        start: t(2026, 9, 15, 15, 0),
        end: t(2026, 9, 15, 16, 30),
        place: "ДДТ, актовый зал".into(),
        partner_ids: vec![7],
        audience: vec![Audience::Teachers, Audience::Parents],
        planned_count: Some(25),
        responsible: "Мишина В.И.".into(),
        organiser: "МБУ ДО ДДТ".into(),
        recurrence: Some(Recurrence {
            frequency: Frequency::Weekly,
            interval: 2,
            weekdays: vec![2, 4],
            until: Some(day(2026, 12, 24)),
            count: None,
        }),
        ..EventInput::default()
    };
    let changes = vec![
        OccurrenceChange {
            date: day(2026, 9, 17),
            status: EventStatus::Held,
            actual_count: Some(21),
            results: "Обсудили планы".into(),
            ..OccurrenceChange::default()
        },
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
    ];
    event(1, "series-1@partnernet", data, changes)
}

fn all_day() -> Event {
    let data = EventInput {
        form_id: 3,
        title: "Интернет-конкурс методических разработок".into(),
        start: t(2026, 11, 2, 0, 0),
        end: t(2026, 11, 6, 0, 0),
        all_day: true,
        link: "https://ddt.example.ru/konkurs".into(),
        status: EventStatus::Postponed,
        ..EventInput::default()
    };
    event(2, "allday-2@partnernet", data, Vec::new())
}

fn names() -> HashMap<i64, String> {
    HashMap::from([(7, "МБОУ СОШ № 1".to_string())])
}

const MSK: Tz = chrono_tz::Europe::Moscow;

#[test]
fn export_is_folded_crlf_with_rrule_exdate_and_override() {
    let ics = export(
        &[series(), all_day()],
        &forms(),
        &names(),
        MSK,
        t(2026, 11, 22, 13, 0),
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "too long: {line}");
        assert!(!line.contains('\n'));
    }
    let flat = ics.replace("\r\n ", "");
    assert!(flat.contains("PRODID:-//PartnerNet//Сетевое взаимодействие//RU\r\n"));
    assert!(flat.contains("X-WR-TIMEZONE:Europe/Moscow\r\n"));
    assert!(flat.contains("DTSTAMP:20261122T100000Z\r\n"), "{flat}");
    assert!(flat.contains("DTSTART;TZID=Europe/Moscow:20260915T150000\r\n"));
    assert!(flat
        .contains("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=MO;UNTIL=20261224T205959Z\r\n"));
    assert!(flat.contains("EXDATE;TZID=Europe/Moscow:20260929T150000\r\n"));
    assert!(flat.contains("RECURRENCE-ID;TZID=Europe/Moscow:20261013T150000\r\n"));
    assert!(flat.contains("DTSTART;TZID=Europe/Moscow:20261014T100000\r\n"));
    assert!(flat.contains("SUMMARY:Семинар «Наставничество\\; опыт\\, практика»\r\n"));
    assert!(flat.contains("CATEGORIES:семинар\r\n"));
    assert!(flat.contains("DTSTART;VALUE=DATE:20261102\r\n"));
    assert!(flat.contains("DTEND;VALUE=DATE:20261107\r\n"));
    assert!(flat.contains("STATUS:TENTATIVE\r\n"));
    assert!(flat.contains("LOCATION:https://ddt.example.ru/konkurs\r\n"));
    assert!(flat.contains("Партнёры: МБОУ СОШ № 1"));
    assert!(flat.contains("Аудитория: педагоги\\, родители"));
    assert_eq!(flat.matches("BEGIN:VEVENT").count(), 4);
}

#[test]
fn export_then_parse_gives_the_same_events() {
    let ics = export(
        &[series(), all_day()],
        &forms(),
        &names(),
        MSK,
        t(2026, 11, 22, 13, 0),
    );
    let parsed = parse(&ics, MSK, &forms()).expect("parse");
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    assert_eq!(parsed.events.len(), 2);
    let s = &parsed.events[0];
    let mut want = series().data;
    want.partner_ids.clear();
    assert_eq!(s.input, want);
    assert_eq!(s.changes, series().changes);
    assert_eq!(s.partner_names, vec!["МБОУ СОШ № 1".to_string()]);
    assert!(s.notes.is_empty(), "{:?}", s.notes);
    assert!(s.extras && s.form_matched);
    let a = &parsed.events[1];
    assert_eq!(a.input, all_day().data);
    assert_eq!(a.form_name, "вебинар");
}

#[test]
fn monthly_rules_and_count_round_trip() {
    let mut e = series();
    e.changes.clear();
    for (start, frequency, rrule) in [
        (
            t(2026, 9, 17, 10, 0),
            Frequency::MonthlyByWeekday,
            "FREQ=MONTHLY;BYDAY=3TH;COUNT=6",
        ),
        (
            t(2026, 9, 24, 10, 0),
            Frequency::MonthlyByWeekday,
            "FREQ=MONTHLY;BYDAY=-1TH;COUNT=6",
        ),
        (
            t(2026, 9, 30, 10, 0),
            Frequency::MonthlyByDate,
            "FREQ=MONTHLY;BYMONTHDAY=30;COUNT=6",
        ),
        (
            t(2026, 9, 30, 10, 0),
            Frequency::Daily,
            "FREQ=DAILY;COUNT=6",
        ),
    ] {
        e.data.start = start;
        e.data.end = start + chrono::Duration::hours(2);
        e.data.recurrence = Some(Recurrence {
            frequency,
            interval: 1,
            weekdays: Vec::new(),
            until: None,
            count: Some(6),
        });
        let ics = export(std::slice::from_ref(&e), &forms(), &names(), MSK, start);
        assert!(ics.contains(&format!("RRULE:{rrule}\r\n")), "{ics}");
        let parsed = parse(&ics, MSK, &forms()).expect("parse");
        assert_eq!(parsed.events[0].input.recurrence, e.data.recurrence);
        assert!(parsed.events[0].notes.is_empty());
    }
}

const GOOGLE: &str = "BEGIN:VCALENDAR\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
VERSION:2.0\r
CALSCALE:GREGORIAN\r
METHOD:PUBLISH\r
X-WR-CALNAME:Методист\r
X-WR-TIMEZONE:Europe/Moscow\r
BEGIN:VTIMEZONE\r
TZID:Europe/Moscow\r
X-LIC-LOCATION:Europe/Moscow\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0300\r
TZOFFSETTO:+0300\r
TZNAME:MSK\r
DTSTART:19700101T000000\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
DTSTART:20261005T070000Z\r
DTEND:20261005T083000Z\r
DTSTAMP:20261120T080000Z\r
UID:3k9v1@google.com\r
SUMMARY:Круглый стол с родителями\r
LOCATION:Школа № 3\\, каб. 12\r
CATEGORIES:Круглый стол\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Moscow:20261007T150000\r
DURATION:PT1H30M\r
DTSTAMP:20261120T080000Z\r
UID:webinar-7@google.com\r
SUMMARY:Вебинар для педагогов\r
LOCATION:https://telemost.yandex.ru/j/12345\r
RRULE:FREQ=WEEKLY;BYDAY=WE\r
EXDATE;TZID=Europe/Moscow:20261014T150000\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Moscow:20261021T160000\r
DTEND;TZID=Europe/Moscow:20261021T173000\r
RECURRENCE-ID;TZID=Europe/Moscow:20261021T150000\r
UID:webinar-7@google.com\r
SUMMARY:Вебинар для педагогов (перенесён)\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;VALUE=DATE:20261103\r
DTEND;VALUE=DATE:20261105\r
SUMMARY:Методическая неделя\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=Pacific Standard Time:20261110T100000\r
DTEND;TZID=Pacific Standard Time:20261110T110000\r
UID:pst-1@outlook.com\r
SUMMARY:Совещание\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=America/New_York:20261112T090000\r
DTEND;TZID=America/New_York:20261112T100000\r
UID:ny-1@google.com\r
SUMMARY:Онлайн-встреча с коллегами\r
RRULE:FREQ=YEARLY;COUNT=3\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:no-start@google.com\r
SUMMARY:Без даты\r
END:VEVENT\r
BEGIN:VTODO\r
UID:todo-1@google.com\r
SUMMARY:Подготовить отчёт\r
END:VTODO\r
END:VCALENDAR\r
";

#[test]
fn a_file_of_another_calendar_is_mapped_with_notes() {
    let parsed = parse(GOOGLE, MSK, &forms()).expect("parse");
    let by_title = |s: &str| {
        parsed
            .events
            .iter()
            .find(|e| e.input.title == s)
            .unwrap_or_else(|| panic!("no {s}: {parsed:?}"))
    };
    let round = by_title("Круглый стол с родителями");
    assert_eq!(round.input.start, t(2026, 10, 5, 10, 0));
    assert_eq!(round.input.end, t(2026, 10, 5, 11, 30));
    assert_eq!(round.input.place, "Школа № 3, каб. 12");
    assert_eq!(round.form_name, "круглый стол");
    assert!(round.form_matched && !round.extras && round.status_given);

    let web = by_title("Вебинар для педагогов");
    assert_eq!(web.input.end, t(2026, 10, 7, 16, 30));
    assert_eq!(web.input.link, "https://telemost.yandex.ru/j/12345");
    assert_eq!(web.input.place, "");
    let rule = web.input.recurrence.as_ref().expect("rule");
    assert_eq!(
        (rule.frequency, rule.weekdays.clone()),
        (Frequency::Weekly, vec![3])
    );
    assert_eq!(rule.until, Some(day(2027, 8, 31)));
    assert!(web
        .notes
        .iter()
        .any(|n| n.contains("концом учебного года: 31.08.2027")));
    assert!(web
        .notes
        .iter()
        .any(|n| n.contains("Форма мероприятия в файле не указана")));
    assert_eq!(web.changes.len(), 2);
    assert_eq!(web.changes[0].date, day(2026, 10, 14));
    assert_eq!(web.changes[0].status, EventStatus::Cancelled);
    assert_eq!(web.changes[1].date, day(2026, 10, 21));
    assert_eq!(web.changes[1].start, Some(t(2026, 10, 21, 16, 0)));

    let week = by_title("Методическая неделя");
    assert!(week.input.all_day);
    assert_eq!(
        (week.input.start, week.input.end),
        (t(2026, 11, 3, 0, 0), t(2026, 11, 4, 0, 0))
    );
    assert!(week.uid.starts_with("import-") && week.notes.iter().any(|n| n.contains("нет UID")));

    let pst = by_title("Совещание");
    assert_eq!(pst.input.start, t(2026, 11, 10, 10, 0));
    assert!(pst
        .notes
        .iter()
        .any(|n| n.contains("«Pacific Standard Time» не распознан")));

    let ny = by_title("Онлайн-встреча с коллегами");
    // 09:00 in New York (EST, -5) is 17:00 in Moscow.
    assert_eq!(ny.input.start, t(2026, 11, 12, 17, 0));
    let rule = ny.input.recurrence.as_ref().expect("rule");
    assert_eq!(
        (rule.frequency, rule.interval, rule.count),
        (Frequency::MonthlyByDate, 12, Some(3))
    );
    assert!(ny.notes.iter().any(|n| n.contains("каждые 12 месяцев")));

    assert_eq!(parsed.skipped.len(), 2, "{:?}", parsed.skipped);
    assert!(parsed
        .skipped
        .iter()
        .any(|s| s.contains("«Без даты» пропущено: нет даты начала")));
    assert!(parsed
        .skipped
        .iter()
        .any(|s| s.starts_with("Задача (VTODO) «Подготовить отчёт»")));
}

#[test]
fn the_same_content_without_uid_gets_the_same_uid() {
    let a = parse(GOOGLE, MSK, &forms()).expect("parse");
    let b = parse(GOOGLE, MSK, &forms()).expect("parse");
    let uid = |p: &super::ParsedCalendar| {
        p.events
            .iter()
            .find(|e| e.input.title == "Методическая неделя")
            .map(|e| e.uid.clone())
    };
    assert_eq!(uid(&a), uid(&b));
}

#[test]
fn not_a_calendar_is_refused_in_russian() {
    for text in [
        "",
        "Просто текст",
        "BEGIN:VCARD\r\nFN:Иван\r\nEND:VCARD\r\n",
        "\u{1}\u{2}PNG",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Оборвано\r\n",
        "BEGIN:VCALENDAR\r\nэто не строка свойства\r\nEND:VCALENDAR\r\n",
    ] {
        match parse(text, MSK, &forms()) {
            Err(CoreError::BadInput(m)) => {
                assert!(
                    m.starts_with("Файл не похож на календарь iCalendar (.ics)"),
                    "{m}"
                )
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
}

#[test]
fn berlin_events_export_with_daylight_saving_and_read_back() {
    let berlin: Tz = chrono_tz::Europe::Berlin;
    let mut e = series();
    e.changes.clear();
    // Weekly on Tuesdays across the end of summer time (25.10.2026).
    e.data.start = t(2026, 10, 13, 18, 0);
    e.data.end = t(2026, 10, 13, 19, 0);
    e.data.recurrence = Some(Recurrence {
        frequency: Frequency::Weekly,
        interval: 1,
        weekdays: vec![2],
        until: Some(day(2026, 11, 3)),
        count: None,
    });
    let ics = export(
        &[e.clone()],
        &forms(),
        &names(),
        berlin,
        t(2026, 10, 1, 12, 0),
    );
    let flat = ics.replace("\r\n ", "");
    assert!(flat.contains("BEGIN:DAYLIGHT") && flat.contains("BEGIN:STANDARD"));
    assert!(flat.contains("DTSTART;TZID=Europe/Berlin:20261013T180000"));
    // The end of 03.11 in Berlin (CET, +1) is 22:59:59 UTC.
    assert!(flat.contains("UNTIL=20261103T225959Z"), "{flat}");
    let back = parse(&ics, berlin, &forms()).expect("parse");
    assert_eq!(back.events[0].input.recurrence, e.data.recurrence);
    // Read in Moscow, the same instant is 19:00.
    let msk = parse(&ics, MSK, &forms()).expect("parse");
    assert_eq!(msk.events[0].input.start, t(2026, 10, 13, 19, 0));
}

const OUTLOOK: &str = "BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:Ekaterinburg Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T000000\r
TZOFFSETFROM:+0500\r
TZOFFSETTO:+0500\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E008\r
DTSTAMP:20261120T080000Z\r
DTSTART;TZID=Ekaterinburg Standard Time:20261201T100000\r
DTEND;TZID=Ekaterinburg Standard Time:20261201T113000\r
RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261204T045959Z\r
SUMMARY:Планёрка\r
END:VEVENT\r
END:VCALENDAR\r
";

#[test]
fn a_windows_zone_with_its_vtimezone_and_an_early_until() {
    let parsed = parse(OUTLOOK, MSK, &forms()).expect("parse");
    let e = &parsed.events[0];
    // 10:00 at +05:00 is 08:00 in Moscow; no note about the zone.
    assert_eq!(e.input.start, t(2026, 12, 1, 8, 0));
    assert!(
        !e.notes.iter().any(|n| n.contains("не распознан")),
        "{:?}",
        e.notes
    );
    let rule = e.input.recurrence.as_ref().expect("rule");
    // Daily on weekdays is a weekly rule on those days.
    assert_eq!(rule.frequency, Frequency::Weekly);
    assert_eq!(rule.weekdays, vec![1, 2, 3, 4, 5]);
    // UNTIL is 07:59:59 Moscow on 04.12, before the 08:00 start: the 3rd is last.
    assert_eq!(rule.until, Some(day(2026, 12, 3)));
}

#[test]
fn a_series_from_a_zone_with_daylight_saving_gets_a_note() {
    let parsed = parse(GOOGLE, MSK, &forms()).expect("parse");
    let ny = parsed
        .events
        .iter()
        .find(|e| e.uid == "ny-1@google.com")
        .expect("ny");
    assert!(
        ny.notes.iter().any(|n| n.contains("сдвинуться на час")),
        "{:?}",
        ny.notes
    );
    let web = parsed
        .events
        .iter()
        .find(|e| e.uid == "webinar-7@google.com")
        .expect("webinar");
    assert!(!web.notes.iter().any(|n| n.contains("сдвинуться на час")));
}

#[test]
fn a_broken_file_names_the_line() {
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Оборвано\r\n";
    let err = parse(text, MSK, &forms()).expect_err("broken");
    let message = err.to_string();
    assert!(
        message.contains("Файл не похож на календарь iCalendar (.ics): "),
        "{message}"
    );
    assert!(!message.contains("error"), "{message}");
}

#[test]
fn a_repeated_uid_and_an_override_without_its_series_are_skipped() {
    let text = "BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
UID:a@x\r
DTSTART:20261201T070000Z\r
SUMMARY:Первое\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:a@x\r
DTSTART:20261202T070000Z\r
SUMMARY:Второе\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:b@x\r
RECURRENCE-ID:20261203T070000Z\r
DTSTART:20261203T080000Z\r
SUMMARY:Осколок\r
END:VEVENT\r
END:VCALENDAR\r
";
    let parsed = parse(text, MSK, &forms()).expect("parse");
    assert_eq!(parsed.events.len(), 1);
    assert_eq!(parsed.events[0].input.title, "Первое");
    // No DTEND and no DURATION: it ends when it starts (RFC 5545).
    assert_eq!(parsed.events[0].input.end, t(2026, 12, 1, 10, 0));
    assert_eq!(
        parsed.skipped,
        vec![
            "Мероприятие «Второе» пропущено: UID a@x уже встречался в файле.".to_string(),
            "Изменённое повторение «Осколок» пропущено: в файле нет основного мероприятия \
             с UID b@x."
                .to_string(),
        ]
    );
}

#[test]
fn every_line_of_a_long_cyrillic_text_fits_75_octets() {
    let mut e = all_day();
    e.data.description = "Обсуждение опыта сетевого взаимодействия, планы, вопросы; ".repeat(20);
    e.data.title = "Ёлочка ".repeat(30);
    let ics = export(
        &[e.clone()],
        &forms(),
        &names(),
        MSK,
        t(2026, 11, 22, 13, 0),
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let back = parse(&ics, MSK, &forms()).expect("parse");
    assert_eq!(back.events[0].input.description, e.data.description);
    assert_eq!(back.events[0].input.title, e.data.title.trim());
}
