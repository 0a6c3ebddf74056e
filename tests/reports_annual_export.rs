//! The analytical report in its three formats, read back the way a user's
//! programs read it: the PDF with poppler and qpdf (sections, the numbers
//! counted here independently by SQL on the database, the charts' captions
//! and labels, every table's header on each page it spans), the DOCX
//! converted to text by LibreOffice, the XLSX with calamine (a sheet per
//! table, numbers as numbers), and the command line for each format.

mod common;

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::{Duration, NaiveDateTime};
use common::{at, cli, day, open, p, parties, run, school, t, text};
use partnernet::agreements::{self, model::AgreementInput, model::AgreementStatus};
use partnernet::events::{
    self,
    model::{Audience, EventInput, EventStatus},
};
use partnernet::partners::model::{PartnerInput, PartnerType};
use partnernet::reports::charts_draw::Chart;
use partnernet::reports::{
    annual, annual_docx, annual_pdf, annual_xlsx, charts, model::AnnualReport,
};
use partnernet::{institution, partners, Storage};

const YEAR: i32 = 2025;

/// When the report is made: two weeks after 2025/2026 ended.
fn made() -> NaiveDateTime {
    at(2026, 9, 15, 10)
}

struct Net {
    dir: tempfile::TempDir,
    storage: Storage,
}

fn partner(storage: &mut Storage, n: u32, kind: PartnerType, created: NaiveDateTime) -> i64 {
    let input = PartnerInput {
        partner_type: kind,
        stage_reached_on: None,
        ..school(n)
    };
    partners::create(storage, input, created)
        .expect("partner")
        .id
}

/// Single events only, so that SQL can count them as the report does.
fn event(
    storage: &mut Storage,
    form: usize,
    start: NaiveDateTime,
    status: EventStatus,
    counts: (i64, Option<i64>),
    partner: i64,
) {
    let form_id = events::forms(storage).expect("forms")[form].id;
    let input = EventInput {
        form_id,
        title: format!("Встреча {}", start.date()),
        start,
        end: start + Duration::hours(2),
        partner_ids: vec![partner],
        status,
        planned_count: Some(counts.0),
        actual_count: counts.1,
        results: if status == EventStatus::Held {
            "Обсудили совместные планы.".into()
        } else {
            String::new()
        },
        audience: vec![Audience::Teachers],
        ..EventInput::default()
    };
    events::create(storage, input, made()).expect("event");
}

/// Five partners of four types (one entered after the year), nine events
/// of three forms in seven months, one agreement in force.
fn network() -> Net {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), made()).expect("inst");
    use PartnerType::*;
    let a = partner(&mut storage, 1, GeneralEducation, at(2024, 5, 10, 9));
    let b = partner(&mut storage, 2, GeneralEducation, at(2025, 10, 1, 9));
    let c = partner(&mut storage, 3, AdditionalEducation, at(2025, 11, 11, 9));
    partner(&mut storage, 4, CultureSport, at(2024, 3, 1, 9));
    partner(&mut storage, 5, MassMedia, at(2026, 2, 2, 9));
    partner(&mut storage, 6, CultureSport, at(2026, 10, 1, 9));
    use EventStatus::*;
    let events = [
        (0, t(2025, 9, 16, 10, 0), Held, (20, Some(18)), a),
        (0, t(2025, 10, 7, 10, 0), Held, (25, Some(22)), b),
        (1, t(2025, 10, 21, 15, 0), Cancelled, (15, None), c),
        (7, t(2025, 12, 9, 11, 0), Held, (120, Some(134)), a),
        (0, t(2026, 1, 20, 10, 0), Held, (30, Some(27)), b),
        (1, t(2026, 1, 27, 15, 0), Postponed, (12, None), c),
        (7, t(2026, 3, 17, 11, 0), Held, (90, Some(75)), a),
        (0, t(2026, 5, 12, 10, 0), Held, (18, Some(16)), c),
        (1, t(2026, 8, 25, 15, 0), Planned, (10, None), b),
    ];
    for (form, start, status, counts, partner) in events {
        event(&mut storage, form, start, status, counts, partner);
    }
    let input = AgreementInput {
        subject: "Сотрудничество".into(),
        parties: parties(&[a]),
        start_date: Some(day(2025, 9, 10)),
        end_date: Some(day(2027, 8, 31)),
        ..AgreementInput::default()
    };
    let id = agreements::create(&mut storage, input, at(2025, 9, 1, 9))
        .expect("agreement")
        .id;
    for (to, on) in [
        (AgreementStatus::OnApproval, day(2025, 9, 5)),
        (AgreementStatus::Signed, day(2025, 9, 10)),
        (AgreementStatus::Active, day(2025, 9, 11)),
    ] {
        agreements::set_status(&mut storage, id, to, on, "", made()).expect("status");
    }
    Net { dir, storage }
}

fn report(storage: &Storage) -> AnnualReport {
    annual::report(storage, YEAR, made().date()).expect("report")
}

/// What SQL says, counted apart from the report's code.
struct Counted {
    /// (type label, all at the year's end, entered during the year).
    by_type: Vec<(String, i64, i64)>,
    /// (month «Октябрь 2025», all, held, planned, postponed, cancelled,
    /// participants planned, actual).
    by_month: Vec<(String, [i64; 7])>,
    /// (form, the same seven).
    by_form: Vec<(String, [i64; 7])>,
    total: [i64; 7],
    in_force: i64,
}

const SEVEN: &str = "COUNT(*), SUM(e.status = 'held'), SUM(e.status = 'planned'), \
     SUM(e.status = 'postponed'), SUM(e.status = 'cancelled'), \
     COALESCE(SUM(CASE WHEN e.status IN ('held', 'planned') THEN e.planned_count END), 0), \
     COALESCE(SUM(CASE WHEN e.status = 'held' THEN e.actual_count END), 0)";

const IN_YEAR: &str = "e.deleted_at IS NULL AND e.starts_at >= '2025-09-01' \
     AND e.starts_at < '2026-09-01'";

fn counted(storage: &Storage) -> Counted {
    let conn = storage.conn();
    let series: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM events WHERE rule_frequency IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("series");
    assert_eq!(series, 0, "the SQL below counts single events only");
    let by_type = PartnerType::ALL
        .iter()
        .map(|t| {
            let (all, new): (i64, i64) = conn
                .query_row(
                    "SELECT COUNT(*), COALESCE(SUM(created_at >= '2025-09-01'), 0) FROM partners
                     WHERE deleted_at IS NULL AND partner_type = ?1
                       AND created_at < '2026-09-01'",
                    [t.code()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .expect("by type");
            (t.label().to_string(), all, new)
        })
        .collect();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT substr(e.starts_at, 1, 7), {SEVEN} FROM events e WHERE {IN_YEAR}
             GROUP BY 1 ORDER BY 1"
        ))
        .expect("by month");
    let by_month = stmt
        .query_map([], |r| {
            let ym: String = r.get(0)?;
            Ok((ym, std::array::from_fn(|i| r.get(i + 1).unwrap_or(0))))
        })
        .expect("rows")
        .map(|row| {
            let (ym, v): (String, [i64; 7]) = row.expect("row");
            let (y, m) = ym.split_once('-').expect("yyyy-mm");
            let m: u32 = m.parse().expect("month");
            (
                format!("{} {y}", partnernet::grammar::month_nominative(m)),
                v,
            )
        })
        .collect();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT f.name, {SEVEN} FROM events e JOIN event_forms f ON f.id = e.form_id
             WHERE {IN_YEAR} GROUP BY f.id ORDER BY f.position"
        ))
        .expect("by form");
    let by_form = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                std::array::from_fn(|i| r.get(i + 1).unwrap_or(0)),
            ))
        })
        .expect("rows")
        .map(|row| row.expect("row"))
        .collect();
    let total = conn
        .query_row(
            &format!("SELECT 0, {SEVEN} FROM events e WHERE {IN_YEAR}"),
            [],
            |r| Ok(std::array::from_fn(|i| r.get(i + 1).unwrap_or(0))),
        )
        .expect("total");
    let in_force = conn
        .query_row(
            "SELECT COUNT(*) FROM agreements WHERE deleted_at IS NULL
               AND status IN ('signed', 'active', 'prolonged')",
            [],
            |r| r.get(0),
        )
        .expect("agreements");
    Counted {
        by_type,
        by_month,
        by_form,
        total,
        in_force,
    }
}

/// «Октябрь 2025 3 1 0 0 1 25 22»: a row of an events table as text.
fn events_row(label: &str, v: &[i64; 7]) -> String {
    let numbers: Vec<String> = v.iter().map(i64::to_string).collect();
    format!("{label} {}", numbers.join(" "))
}

/// Lines joined by spaces (a word hyphenated across lines joined again),
/// runs of spaces one.
fn squeeze(s: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in s.lines().map(str::trim) {
        match lines.last_mut() {
            Some(prev)
                if prev.ends_with('-')
                    && prev[..prev.len() - 1].ends_with(|c: char| c.is_lowercase())
                    && line.starts_with(|c: char| c.is_lowercase()) =>
            {
                prev.pop();
                prev.push_str(line);
            }
            _ => lines.push(line.to_string()),
        }
    }
    lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The PDF's pages as text, after checking its fonts are embedded and its
/// structure is valid.
fn pdf_pages(pdf: &[u8], dir: &Path) -> Vec<String> {
    let path = dir.join("справка.pdf");
    std::fs::write(&path, pdf).expect("write");
    let fonts = run("pdffonts", &[p(&path)]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
    assert!(run("qpdf", &["--check", p(&path)]).contains("No syntax or stream encoding errors"));
    let text = run("pdftotext", &["-layout", p(&path), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The rows SQL counted, as the report's tables print them.
fn expected_rows(c: &Counted) -> Vec<String> {
    let mut rows = Vec::new();
    for (i, (label, all, new)) in c.by_type.iter().enumerate() {
        rows.push(format!("{} {label} {all} {new}", i + 1));
    }
    let all: i64 = c.by_type.iter().map(|r| r.1).sum();
    let new: i64 = c.by_type.iter().map(|r| r.2).sum();
    rows.push(format!("Итого {all} {new}"));
    for (label, v) in c.by_month.iter().chain(&c.by_form) {
        rows.push(events_row(label, v));
    }
    rows.push(events_row("Итого", &c.total));
    rows.push(format!(
        "в реестре сетевых партнёров — {all}, из них внесены в реестр в течение учебного года — {new}"
    ));
    rows.push(format!(
        "действовали договоры и соглашения — {}",
        c.in_force
    ));
    rows
}

#[test]
fn the_pdf_has_every_section_the_counted_numbers_and_the_charts() {
    let net = network();
    let c = counted(&net.storage);
    assert_eq!(c.by_month.len(), 7, "seven months have events");
    assert_eq!(c.total[0], 9);
    let r = report(&net.storage);
    let pdf = annual_pdf::render(&r, made()).expect("pdf");
    assert_eq!(
        pdf,
        annual_pdf::render(&r, made()).expect("again"),
        "same bytes"
    );
    let pages = pdf_pages(&pdf, net.dir.path());
    let all = squeeze(&pages.join("\n"));
    for s in annual_pdf::SECTIONS {
        assert!(all.contains(s), "{s}");
    }
    for row in expected_rows(&c) {
        assert!(all.contains(&row), "«{row}» not in: {all}");
    }
    // The charts: numbered captions in order, month axis, legend.
    let captions = [
        Chart::PartnersByType,
        Chart::AgreementsByStatus,
        Chart::EventsByMonth,
        Chart::ParticipantsByMonth,
        Chart::PartnersByStage,
    ];
    let mut at = 0;
    for (i, chart) in captions.iter().enumerate() {
        let caption = format!("Рисунок {}. {}", i + 1, chart.title());
        let found = all[at..].find(&caption).map(|k| k + at);
        assert!(found.is_some(), "«{caption}» in order: {all}");
        at = found.unwrap_or(at);
    }
    for label in [
        "сен",
        "окт",
        "дек",
        "янв",
        "мар",
        "авг",
        "семинар",
        "вебинар",
        "по плану",
        "фактически",
    ] {
        assert!(all.contains(label), "chart label «{label}»");
    }
    // The events chart stands after the month table, in section 4.
    let section4 = all.find("4. Мероприятия").expect("section 4");
    let figure3 = all.find("Рисунок 3.").expect("figure 3");
    let section5 = all.find("5. Итоги мероприятий").expect("section 5");
    assert!(section4 < figure3 && figure3 < section5);
}

/// Every table of the demo's report that continues on another page shows
/// its header row again there.
#[test]
fn every_page_a_table_spans_shows_its_header() {
    let (dir, mut storage) = open();
    let now = at(2026, 12, 4, 10);
    partnernet::demo::fill(&mut storage, now).expect("demo");
    let year = partnernet::events::school_year::school_year_of(now.date());
    let r = annual::report(&storage, year, now.date()).expect("report");
    let pages = pdf_pages(&annual_pdf::render(&r, now).expect("pdf"), dir.path());
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let months: Vec<String> = r.events_by_month.iter().map(|m| m.label.clone()).collect();
    // An agreement's name with its row number: the risks name them too.
    let agreements: Vec<String> = r
        .agreements
        .rows
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{} {}", i + 1, a.name))
        .collect();
    let deficits: Vec<String> = r.deficits.iter().map(|d| d.deficit.clone()).collect();
    let tables: [(&str, &[String]); 3] = [
        (
            "Месяц Всего Проведено Запланировано Перенесено Отменено",
            &months,
        ),
        ("№ Договор Партнёры Подписан", &agreements),
        ("№ Дефицит Партнёры, чьи ресурсы его закрывают", &deficits),
    ];
    let mut spanned = 0;
    for (header, keys) in tables {
        let with_rows: Vec<&String> = pages
            .iter()
            .filter(|page| keys.iter().any(|k| squeeze(page).contains(k.as_str())))
            .collect();
        assert!(!with_rows.is_empty(), "{header}");
        spanned += usize::from(with_rows.len() > 1);
        for page in with_rows {
            assert!(squeeze(page).contains(header), "no «{header}» on:\n{page}");
        }
    }
    assert!(spanned >= 1, "at least one table runs over a page");
}

fn soffice_text(docx: &[u8], dir: &Path) -> String {
    let which = std::process::Command::new("which").arg("soffice").output();
    assert!(
        which.is_ok_and(|o| o.status.success()),
        "LibreOffice (soffice) is required for this test"
    );
    let path = dir.join("справка.docx");
    std::fs::write(&path, docx).expect("write");
    let out = dir.join("txt");
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            p(&out),
            p(&path),
        ],
    );
    std::fs::read_to_string(out.join("справка.txt")).expect("converted text")
}

#[test]
fn the_docx_reads_back_in_libreoffice_with_the_charts_as_tables() {
    let net = network();
    let c = counted(&net.storage);
    let r = report(&net.storage);
    let docx = annual_docx::render(&r, made()).expect("docx");
    assert!(docx.starts_with(b"PK\x03\x04"));
    assert_eq!(
        docx,
        annual_docx::render(&r, made()).expect("again"),
        "same bytes"
    );
    let all = squeeze(&soffice_text(&docx, net.dir.path()));
    for s in annual_pdf::SECTIONS {
        assert!(all.contains(s), "{s}");
    }
    for row in expected_rows(&c) {
        assert!(all.contains(&row), "«{row}» not in: {all}");
    }
    for (i, chart) in [
        Chart::PartnersByType,
        Chart::AgreementsByStatus,
        Chart::EventsByMonth,
    ]
    .iter()
    .enumerate()
    {
        let caption = format!("Рисунок {}. {}", i + 1, chart.title());
        assert!(all.contains(&caption), "«{caption}»");
    }
    // The events chart's data: a form by month, then its total.
    let seminar = &c.by_form[0];
    assert_eq!(seminar.0, "семинар");
    let months = "Форма сен окт ноя дек янв фев мар апр май июн июл авг Всего";
    assert!(all.contains(months), "{all}");
    assert!(all.contains("семинар 1 1 0 0 1 0 0 0 1 0 0 0 4"), "{all}");
    // Every data table repeats its header row on each page in Word.
    let xml = unzip_document(&docx, net.dir.path());
    let headers = xml.matches("<w:tblHeader />").count();
    let tables = xml.matches("<w:tbl>").count();
    // All but the borderless approval block have a header.
    assert_eq!(headers, tables - 1, "{headers} of {tables}");
}

fn unzip_document(docx: &[u8], dir: &Path) -> String {
    let path = dir.join("unzip.docx");
    std::fs::write(&path, docx).expect("write");
    run("unzip", &["-p", p(&path), "word/document.xml"])
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("a number expected, got {other:?}"),
    }
}

#[test]
fn the_xlsx_has_a_sheet_per_table_with_numbers_as_numbers() {
    let net = network();
    let c = counted(&net.storage);
    let r = report(&net.storage);
    let bytes = annual_xlsx::render(&r).expect("xlsx");
    assert_eq!(bytes, annual_xlsx::render(&r).expect("again"), "same bytes");
    let path = net.dir.path().join("справка.xlsx");
    std::fs::write(&path, &bytes).expect("write");
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("open");
    assert_eq!(
        book.sheet_names(),
        annual_xlsx::SHEETS.map(String::from).to_vec()
    );
    let header = annual_xlsx::HEADER_ROW;

    let types = book.worksheet_range("Партнёры по типам").expect("types");
    let cell = |range: &calamine::Range<Data>, row: u32, col: u32| {
        range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    };
    assert_eq!(cell(&types, header, 1), Data::String("Тип партнёра".into()));
    for (i, (label, all, new)) in c.by_type.iter().enumerate() {
        let row = header + 1 + i as u32;
        assert_eq!(cell(&types, row, 1), Data::String(label.clone()));
        assert_eq!(number(&cell(&types, row, 2)), *all as f64, "{label}");
        assert_eq!(number(&cell(&types, row, 3)), *new as f64, "{label}");
    }

    let months = book
        .worksheet_range("Мероприятия по месяцам")
        .expect("months");
    assert_eq!(cell(&months, header, 0), Data::String("Месяц".into()));
    for (label, v) in &c.by_month {
        let row = (header + 1..header + 13)
            .find(|row| cell(&months, *row, 0) == Data::String(label.clone()))
            .unwrap_or_else(|| panic!("{label}"));
        for (k, n) in v.iter().enumerate() {
            assert_eq!(
                number(&cell(&months, row, k as u32 + 1)),
                *n as f64,
                "{label} {k}"
            );
        }
    }
    let total_row = header + 13;
    assert_eq!(cell(&months, total_row, 0), Data::String("Итого".into()));
    assert_eq!(number(&cell(&months, total_row, 1)), c.total[0] as f64);

    let forms = book
        .worksheet_range("Мероприятия по формам")
        .expect("forms");
    for (i, (label, v)) in c.by_form.iter().enumerate() {
        let row = header + 1 + i as u32;
        assert_eq!(cell(&forms, row, 0), Data::String(label.clone()));
        assert_eq!(number(&cell(&forms, row, 1)), v[0] as f64);
    }

    let deals = book.worksheet_range("Договоры").expect("agreements");
    assert_eq!(cell(&deals, header, 3), Data::String("Подписан".into()));
    assert!(
        matches!(cell(&deals, header + 1, 3), Data::DateTime(_)),
        "a date as a date: {:?}",
        cell(&deals, header + 1, 3)
    );
    let results = book.worksheet_range("Итоги").expect("results");
    let held = c.by_month.iter().map(|m| m.1[1]).sum::<i64>();
    assert_eq!(results.height() as i64, i64::from(header) + 1 + held);
    for name in ["Дефициты", "Этапы", "Риски"] {
        let range = book.worksheet_range(name).expect(name);
        assert_eq!(
            cell(&range, header, 0),
            Data::String(if name == "Этапы" {
                "Этап развития сетевого взаимодействия".into()
            } else {
                "№".into()
            })
        );
    }
}

#[test]
fn the_charts_are_the_reports_figures() {
    let net = network();
    let c = counted(&net.storage);
    let year = charts::year_charts(&net.storage, YEAR, made().date()).expect("charts");
    assert_eq!(year, report(&net.storage).charts);
    assert_eq!(year.month_abbr.len(), 12);
    let seminar = &year.events_by_form[0];
    assert_eq!(seminar.form, "семинар");
    assert!(!seminar.color.is_empty(), "the form's colour");
    assert_eq!(
        seminar.total.iter().map(|n| i64::from(*n)).sum::<i64>(),
        c.by_form[0].1[0]
    );
    let planned: i64 = year.participants_planned.iter().sum();
    let actual: i64 = year.participants_actual.iter().sum();
    assert_eq!((planned, actual), (c.total[5], c.total[6]));
    let types: Vec<i64> = year
        .partners_by_type
        .iter()
        .map(|b| i64::from(b.value))
        .collect();
    let sql: Vec<i64> = c.by_type.iter().map(|t| t.1).collect();
    assert_eq!(types, sql);
}

#[test]
fn the_command_line_writes_pdf_docx_and_xlsx() {
    let net = network();
    let dir = net.dir.path();
    let magic: [(&str, &[u8]); 3] = [
        ("pdf", b"%PDF"),
        ("docx", b"PK\x03\x04"),
        ("xlsx", b"PK\x03\x04"),
    ];
    for (ext, magic) in magic {
        let out = dir.join(format!("справка.{ext}"));
        let done = cli(dir, &["report", "--year", "2025", "-o", p(&out)], None);
        assert!(done.status.success(), "{ext}: {}", text(&done.stderr));
        assert!(text(&done.stdout).contains("2025/2026"));
        let bytes = std::fs::read(&out).expect("written");
        assert!(bytes.starts_with(magic), "{ext}");
    }
    let bad = dir.join("справка.txt");
    let refused = cli(dir, &["report", "--year", "2025", "-o", p(&bad)], None);
    assert!(!refused.status.success());
    assert!(
        text(&refused.stderr).contains(".pdf, .docx или .xlsx"),
        "{}",
        text(&refused.stderr)
    );
    assert!(!bad.exists());
}
