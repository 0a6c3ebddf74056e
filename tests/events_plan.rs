//! The school-year plan on a real SQLite file: grouping by school year,
//! the PDF read back with poppler and qpdf, the XLSX read back with
//! calamine (and its sheet XML for the frozen pane), the export by extension.

mod common;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime};
use common::{now, open, p, run, school};
use partnernet::events;
use partnernet::events::model::{Audience, EventInput, EventStatus, OccurrenceChange, Recurrence};
use partnernet::reports::model::SchoolYearPlan;
use partnernet::reports::{plan, plan_export, plan_pdf, plan_xlsx};
use partnernet::{institution, partners, CoreError, Storage};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).expect("time")
}

/// Text without whitespace, hyphens and soft hyphens: a cell's title reads
/// the same however its lines were broken.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '‐'))
        .collect()
}

const TOPICS: [&str; 12] = [
    "Функциональная грамотность: опыт школ округа",
    "Профориентация обучающихся в системе дополнительного образования",
    "Наставничество в педагогическом коллективе",
    "Инклюзивные практики в творческих объединениях",
    "Проектная деятельность обучающихся: от идеи до защиты",
    "Цифровые ресурсы для занятий в кружке",
    "Семейные праздники и работа с родителями",
    "Краеведческий маршрут «Котовск в годы войны»",
    "Экологическое воспитание: совместные акции",
    "Техническое творчество и робототехника",
    "Театральная студия как пространство общения",
    "Итоги учебного года и планы на следующий",
];

const PEOPLE: [&str; 4] = ["Мишина В.И.", "Ёлкина А.С.", "Петрова Н.Н.", "Смирнов О.П."];

struct Seeded {
    storage: Storage,
    _dir: tempfile::TempDir,
    titles: Vec<String>,
    series_id: i64,
}

/// A realistic school year 2026/2027: about fifty single events in every
/// form, a weekly series with one cancelled and one moved occurrence, a
/// two-day conference, and events just outside the year on both sides.
fn seed() -> Seeded {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("institution");
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let b = partners::create(&mut storage, school(2), now())
        .expect("b")
        .id;
    let forms = events::forms(&storage).expect("forms");
    assert!(forms.len() >= 10, "the built-in forms");
    let mut titles = Vec::new();
    let mut n = 0usize;
    // September … August, five or so events a month (October gets more, so
    // that one month's table continues on the next page).
    for (k, &(y, m)) in [
        (2026, 9),
        (2026, 10),
        (2026, 11),
        (2026, 12),
        (2027, 1),
        (2027, 2),
        (2027, 3),
        (2027, 4),
        (2027, 5),
        (2027, 6),
        (2027, 8),
    ]
    .iter()
    .enumerate()
    {
        let count = if m == 10 { 14 } else { 4 };
        for i in 0..count {
            let form = &forms[n % forms.len()];
            let title = TOPICS[(n + k) % TOPICS.len()].to_string();
            let start = at(y, m, 2 + (i as u32 * 2) % 26, 10 + (i as u32 % 5), 0);
            let input = EventInput {
                form_id: form.id,
                title: title.clone(),
                start,
                end: start + chrono::Duration::minutes(90),
                place: if form.online {
                    String::new()
                } else {
                    format!("кабинет {}", 100 + n)
                },
                link: if form.online {
                    "https://ddt-kotovsk.ru/webinar".into()
                } else {
                    String::new()
                },
                partner_ids: if n.is_multiple_of(3) {
                    vec![a, b]
                } else {
                    vec![a]
                },
                audience: match n % 3 {
                    0 => vec![Audience::Teachers],
                    1 => vec![Audience::Students, Audience::Parents],
                    _ => vec![Audience::Teachers, Audience::Public],
                },
                responsible: PEOPLE[n % PEOPLE.len()].into(),
                status: if y == 2026 && m < 11 {
                    EventStatus::Held
                } else {
                    EventStatus::Planned
                },
                planned_count: Some(20 + n as i64),
                ..EventInput::default()
            };
            events::create(&mut storage, input, now()).expect("event");
            titles.push(title);
            n += 1;
        }
    }
    let seminar = forms.iter().find(|f| f.name == "семинар").expect("семинар");
    let series = events::create(
        &mut storage,
        EventInput {
            form_id: seminar.id,
            title: "Школа молодого педагога".into(),
            start: at(2026, 11, 3, 15, 0),
            end: at(2026, 11, 3, 16, 30),
            place: "методический кабинет".into(),
            partner_ids: vec![a, b],
            audience: vec![Audience::Teachers],
            responsible: "Мишина В.И.".into(),
            recurrence: Some(Recurrence {
                interval: 1,
                until: Some(day(2026, 12, 15)),
                ..Recurrence::default()
            }),
            ..EventInput::default()
        },
        now(),
    )
    .expect("series")
    .event
    .id;
    events::change_occurrence(
        &mut storage,
        series,
        OccurrenceChange {
            date: day(2026, 11, 17),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("cancel");
    events::change_occurrence(
        &mut storage,
        series,
        OccurrenceChange {
            date: day(2026, 11, 24),
            status: EventStatus::Planned,
            start: Some(at(2026, 11, 26, 15, 0)),
            end: Some(at(2026, 11, 26, 16, 30)),
            ..OccurrenceChange::default()
        },
        now(),
    )
    .expect("move");
    titles.push("Школа молодого педагога".into());
    let conference = forms
        .iter()
        .find(|f| f.name == "конференция")
        .expect("конференция");
    for (title, start, end, all_day) in [
        (
            "Муниципальная конференция «Сетевое взаимодействие»",
            at(2027, 3, 24, 0, 0),
            at(2027, 3, 25, 0, 0),
            true,
        ),
        (
            "Августовское совещание педагогов",
            at(2027, 8, 31, 9, 0),
            at(2027, 8, 31, 12, 0),
            false,
        ),
        (
            "Прошлогодний педсовет",
            at(2026, 8, 31, 9, 0),
            at(2026, 8, 31, 12, 0),
            false,
        ),
        (
            "День знаний следующего года",
            at(2027, 9, 1, 9, 0),
            at(2027, 9, 1, 11, 0),
            false,
        ),
    ] {
        let input = EventInput {
            form_id: conference.id,
            title: title.into(),
            start,
            end,
            all_day,
            place: "актовый зал".into(),
            responsible: "Смирнов О.П.".into(),
            audience: vec![Audience::Teachers, Audience::Public],
            ..EventInput::default()
        };
        events::create(&mut storage, input, now()).expect("event");
    }
    titles.push("Муниципальная конференция «Сетевое взаимодействие»".into());
    titles.push("Августовское совещание педагогов".into());
    Seeded {
        storage,
        _dir: dir,
        titles,
        series_id: series,
    }
}

fn all_rows(plan: &SchoolYearPlan) -> Vec<&partnernet::reports::model::PlanRow> {
    plan.months.iter().flat_map(|m| m.rows.iter()).collect()
}

#[test]
fn the_plan_groups_the_stored_year_by_month() {
    let s = seed();
    let plan = plan::plan(&s.storage, 2026).expect("plan");
    assert_eq!(
        plan.title,
        "План сетевого взаимодействия на 2026/2027 учебный год"
    );
    assert!(plan.institution.contains("Дом детского творчества"));
    let labels: Vec<&str> = plan.months.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels.first(), Some(&"Сентябрь 2026"));
    assert_eq!(labels.last(), Some(&"Август 2027"));
    assert!(!labels.contains(&"Июль 2027"), "{labels:?}");
    let rows = all_rows(&plan);
    let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=rows.len() as u32).collect::<Vec<_>>());
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert!(!titles.contains(&"Прошлогодний педсовет"));
    assert!(!titles.contains(&"День знаний следующего года"));
    assert!(titles.contains(&"Августовское совещание педагогов"));
    // The series: one row in November (moved and cancelled applied), one in December.
    let series: Vec<_> = rows.iter().filter(|r| r.event_id == s.series_id).collect();
    assert_eq!(series.len(), 2, "a row in November and in December");
    assert_eq!(series[0].when, "03, 10, 17, 26.11.2026, 15:00–16:30");
    assert_eq!(series[0].status, "запланировано: 3, отменено: 1");
    assert_eq!(series[0].partners.len(), 2);
    assert_eq!(series[1].when, "01, 08, 15.12.2026, 15:00–16:30");
    assert_eq!(series[1].status, "запланировано");
    let conf = rows
        .iter()
        .find(|r| r.title.starts_with("Муниципальная конференция"))
        .expect("conference row");
    assert_eq!(conf.when, "24–25.03.2027");
    assert!(conf.all_day);
    assert_eq!(conf.audience, "педагоги, общественность");
    // The other school years.
    let before = plan::plan(&s.storage, 2025).expect("2025");
    assert_eq!(all_rows(&before).len(), 1);
    assert_eq!(before.months[0].label, "Август 2026");
    let after = plan::plan(&s.storage, 2027).expect("2027");
    assert_eq!(after.months[0].rows[0].title, "День знаний следующего года");
}

#[test]
fn the_pdf_plan_reads_back_landscape_with_the_header_on_every_page() {
    let s = seed();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("план.pdf");
    plan_export::export(&s.storage, 2026, &path, now()).expect("export");
    if let Ok(keep) = std::env::var("PLAN_PDF_OUT") {
        std::fs::copy(&path, keep).expect("keep a copy");
    }
    let file = p(&path);
    run("qpdf", &["--check", file]);
    let fonts = run("pdffonts", &[file]);
    let font_lines: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!font_lines.is_empty());
    for line in font_lines {
        assert!(line.contains(" yes yes "), "embedded and subset: {line}");
    }
    let info = run("pdfinfo", &[file]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 3, "a realistic year takes several pages: {pages}");
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .expect("page size");
    assert!(size.contains("841.89 x 595.2"), "landscape A4: {size}");

    let layout = run("pdftotext", &["-layout", file, "-"]);
    let first = layout.split('\u{c}').next().unwrap_or_default();
    assert!(first.contains("Дом детского творчества"), "{first}");
    assert!(first.contains("План сетевого взаимодействия на 2026/2027 учебный год"));
    assert!(first.contains("Составлено: 22 ноября 2026 г."));
    for month in [
        "Сентябрь 2026",
        "Октябрь 2026",
        "Ноябрь 2026",
        "Декабрь 2026",
        "Январь 2027",
        "Март 2027",
        "Август 2027",
    ] {
        assert!(layout.contains(month), "{month}");
    }
    assert!(!layout.contains("Июль 2027"));
    // Every page starts its table with the header row and carries its number.
    for (i, page) in layout.split('\u{c}').take(pages).enumerate() {
        for column in ["Ответственный", "Мероприятие", "Аудитория", "Статус"]
        {
            assert!(page.contains(column), "page {}: {column}\n{page}", i + 1);
        }
        let last = page.lines().rev().find(|l| !l.trim().is_empty());
        assert_eq!(
            last.map(str::trim),
            Some((i + 1).to_string().as_str()),
            "page number"
        );
    }
    // Reading order: every title whole, however its cell broke it.
    let raw = squeeze(&run("pdftotext", &["-raw", file, "-"]));
    for title in &s.titles {
        assert!(raw.contains(&squeeze(title)), "{title}");
    }
    assert!(raw.contains(&squeeze("03, 10, 17, 26.11.2026, 15:00–16:30")));
    assert!(raw.contains(&squeeze("запланировано: 3, отменено: 1")));
    assert!(!raw.contains(&squeeze("Прошлогодний педсовет")));

    // Deterministic: the same plan and date give the same bytes.
    let plan = plan::plan(&s.storage, 2026).expect("plan");
    let one = plan_pdf::render(&plan, None, now()).expect("one");
    let two = plan_pdf::render(&plan, None, now()).expect("two");
    assert!(one == two, "the same bytes");
    let saved = plan_export::pdf(&s.storage, 2026, now()).expect("with the signatures");
    assert!(
        std::fs::read(&path).expect("read") == saved,
        "what was saved"
    );
}

#[test]
fn an_empty_year_says_so_in_the_pdf_and_the_xlsx() {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("institution");
    let pdf = dir.path().join("empty.pdf");
    plan_export::export(&storage, 2030, &pdf, now()).expect("pdf");
    let text = run("pdftotext", &["-layout", p(&pdf), "-"]);
    assert!(
        text.contains("В 2030/2031 учебном году мероприятий нет."),
        "{text}"
    );
    assert!(!text.contains("Аудитория"), "no table: {text}");
    let plan = plan::plan(&storage, 2030).expect("plan");
    let bytes = plan_xlsx::render(&plan).expect("xlsx");
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("open xlsx");
    let range = wb.worksheet_range("План 2030-2031").expect("sheet");
    let texts: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
    assert!(texts.contains(&"В 2030/2031 учебном году мероприятий нет.".to_string()));
}

/// One member of a zip file (an XLSX), through Python's zipfile: python3
/// is needed by the iCalendar tests anyway.
fn zipped(path: &Path, member: &str) -> String {
    let script = "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())";
    run("python3", &["-c", script, p(path), member])
}

/// The date of an Excel serial number (days since 30.12.1899).
fn excel_date(serial: f64) -> NaiveDate {
    day(1899, 12, 30) + chrono::Duration::days(serial.floor() as i64)
}

#[test]
fn the_xlsx_plan_reads_back_with_real_dates_and_a_frozen_header() {
    let s = seed();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.XLSX");
    plan_export::export(&s.storage, 2026, &path, now()).expect("export");
    if let Ok(keep) = std::env::var("PLAN_XLSX_OUT") {
        std::fs::copy(&path, keep).expect("keep a copy");
    }
    let plan = plan::plan(&s.storage, 2026).expect("plan");
    let bytes = std::fs::read(&path).expect("read");
    assert_eq!(
        bytes,
        plan_xlsx::render(&plan).expect("again"),
        "deterministic"
    );

    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("open xlsx");
    assert_eq!(wb.sheet_names(), ["План 2026-2027"]);
    let range = wb.worksheet_range("План 2026-2027").expect("sheet");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert!(cell(0, 0).to_string().contains("Дом детского творчества"));
    assert_eq!(
        cell(1, 0).to_string(),
        "План сетевого взаимодействия на 2026/2027 учебный год"
    );
    let header: Vec<String> = (0..10).map(|c| cell(3, c).to_string()).collect();
    assert_eq!(
        header,
        [
            "№",
            "Дата",
            "Время",
            "Все даты",
            "Форма",
            "Мероприятие",
            "Партнёры",
            "Аудитория",
            "Ответственный",
            "Статус"
        ]
    );
    // Month rows and event rows, in the plan's order.
    let mut r = 4u32;
    for month in &plan.months {
        assert_eq!(cell(r, 0), Data::String(month.label.clone()));
        r += 1;
        for row in &month.rows {
            assert_eq!(cell(r, 0), Data::Float(f64::from(row.number)), "row {r}");
            match cell(r, 1) {
                Data::DateTime(dt) => {
                    assert!(dt.is_datetime());
                    assert_eq!(excel_date(dt.as_f64()), row.dates[0], "row {r}");
                }
                other => panic!("row {r}: a date cell, got {other:?}"),
            }
            assert_eq!(cell(r, 3).to_string(), row.when);
            assert_eq!(cell(r, 5).to_string(), row.title);
            assert_eq!(cell(r, 6).to_string(), row.partners.join(", "));
            assert_eq!(cell(r, 9).to_string(), row.status);
            if row.all_day {
                assert_eq!(cell(r, 2), Data::Empty);
            } else {
                assert_eq!(
                    cell(r, 2).to_string(),
                    format!("{}–{}", row.start.format("%H:%M"), row.end.format("%H:%M"))
                );
            }
            r += 1;
        }
    }
    assert_eq!(range.end().map(|(row, _)| row), Some(r - 1));
    let series = all_rows(&plan)
        .into_iter()
        .find(|row| row.event_id == s.series_id)
        .expect("series");
    assert_eq!(series.dates[0], day(2026, 11, 3));

    // The sheet XML: the pane frozen below the header, the filter on it,
    // the date format.
    let xml = zipped(&path, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(
            r#"<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{xml}"
    );
    assert!(
        xml.contains(&format!(r#"<autoFilter ref="A4:J{r}"/>"#)),
        "{xml}"
    );
    assert!(xml.contains(r#"<col min="6" max="6" width="#));
    // Rows of wrapped text are tall enough for it (spreadsheets keep the
    // stored height): some event rows are set to two lines or more.
    assert!(
        xml.contains(r#"ht="30" customHeight="1""#) || xml.contains(r#"ht="45" customHeight="1""#),
        "{xml}"
    );
    let styles = zipped(&path, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="dd.mm.yyyy""#), "{styles}");
}

#[test]
fn export_refuses_an_unknown_extension_and_writes_nothing() {
    let s = seed();
    let dir = tempfile::tempdir().expect("dir");
    for name in ["plan.docx", "plan"] {
        let path = dir.path().join(name);
        let err = plan_export::export(&s.storage, 2026, &path, now()).expect_err("refused");
        assert!(matches!(err, CoreError::BadInput(_)), "{err:?}");
        let message = err.to_string();
        for ext in [".pdf", ".xlsx", ".ics"] {
            assert!(message.contains(ext), "{message}");
        }
        assert!(!path.exists());
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn export_writes_the_ics_of_the_year() {
    let s = seed();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.ics");
    plan_export::export(&s.storage, 2026, &path, now()).expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    assert!(text.contains("Школа молодого педагога"));
    assert!(!text.contains("Прошлогодний педсовет"));
    assert_eq!(
        text,
        events::export::export_year(&s.storage, 2026, now()).expect("ics")
    );
    // Only the file itself: the temporary file was renamed into place.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}
