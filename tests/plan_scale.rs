//! Plans of 100, 1 000 and 20 000 rows through the PDF engine, read back
//! with poppler and checked with qpdf: every row number is there once, in
//! order and unbroken in the «№» column, the header row opens every page,
//! and the page count fits the rows. A year of 100 rows used to fail with
//! «слово не помещается в ширину колонки».

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use partnernet::grammar::month_nominative;
use partnernet::reports::model::{PlanMonth, PlanRow, SchoolYearPlan};
use partnernet::reports::plan_pdf;

const FORMS: [&str; 5] = [
    "онлайн-конференция",
    "семинар",
    "мастер-класс",
    "конкурс",
    "круглый стол",
];

const TITLES: [&str; 4] = [
    "Функциональная грамотность: опыт школ округа",
    "Профориентация обучающихся в системе дополнительного образования",
    "Школа молодого педагога",
    "Краеведческий маршрут «Котовск в годы войны»",
];

const RESPONSIBLE: [&str; 3] = [
    "Кузнецова А. П., педагог-организатор",
    "Мишина В. И.",
    "Зуева И. Г., методист",
];

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("date")
}

/// (year, month) of the `k`-th month of school year 2026/2027.
fn month_of(k: usize) -> (i32, u32) {
    let m = (k as u32 + 8) % 12 + 1;
    (if m >= 9 { 2026 } else { 2027 }, m)
}

fn row(number: u32, year: i32, month: u32) -> PlanRow {
    let i = number as usize;
    let date = NaiveDate::from_ymd_opt(year, month, 1 + number % 28).expect("date");
    let start = date.and_hms_opt(10, 0, 0).expect("time");
    PlanRow {
        number,
        event_id: i64::from(number),
        dates: vec![date],
        first_key: date,
        when: format!("{}, 10:00–11:30", date.format("%d.%m.%Y")),
        start,
        end: start + chrono::Duration::minutes(90),
        all_day: false,
        form: FORMS[i % FORMS.len()].into(),
        title: format!("{} (№ {number})", TITLES[i % TITLES.len()]),
        partners: vec![
            "МБОУ «СОШ № 2»".into(),
            "Родительская общественность".into(),
        ][..1 + i % 2]
            .to_vec(),
        audience: "педагоги, общественность".into(),
        responsible: RESPONSIBLE[i % RESPONSIBLE.len()].into(),
        status: "запланировано".into(),
    }
}

/// A year of `n` rows numbered 1..=n, spread evenly over the twelve months.
fn plan_of(n: u32) -> SchoolYearPlan {
    let mut months: Vec<PlanMonth> = Vec::new();
    for number in 1..=n {
        let k = ((number - 1) as usize * 12) / n as usize;
        let (year, month) = month_of(k);
        if months.last().is_none_or(|m| m.month != month) {
            months.push(PlanMonth {
                year,
                month,
                label: format!("{} {year}", month_nominative(month)),
                rows: Vec::new(),
            });
        }
        if let Some(m) = months.last_mut() {
            m.rows.push(row(number, year, month));
        }
    }
    SchoolYearPlan {
        year: 2026,
        title: "План сетевого взаимодействия на 2026/2027 учебный год".into(),
        institution: "МБУ ДО «Дом детского творчества»".into(),
        months,
    }
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{cmd}` is required (poppler-utils, qpdf): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// The row numbers of one page of `pdftotext -layout`: a line whose first
/// word, at the left edge (the «№» column), is a number.
fn row_numbers(page: &str) -> Vec<(usize, u32)> {
    page.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let indent = line.len() - line.trim_start().len();
            let first = line.split_whitespace().next()?;
            let number = first.parse().ok().filter(|_| indent <= 4)?;
            Some((i, number))
        })
        .collect()
}

/// Index of the header row on a page: the line that reads the column
/// headings and nothing else.
fn header_line(page: &str) -> Option<usize> {
    page.lines().position(|line| {
        line.split_whitespace()
            .eq(plan_pdf::COLUMNS.iter().copied())
    })
}

/// Renders a plan of `n` rows, checks the file, and returns the render
/// time and the page count.
fn check(n: u32) -> (Duration, usize) {
    let plan = plan_of(n);
    let t = Instant::now();
    let bytes = plan_pdf::render(&plan, None, now()).expect("a plan of any size renders");
    let took = t.elapsed();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("plan-{n}.pdf"));
    std::fs::write(&path, &bytes).expect("write");
    if let Ok(keep) = std::env::var("PLAN_SCALE_OUT") {
        std::fs::copy(&path, format!("{keep}-{n}.pdf")).expect("keep a copy");
    }
    let file = path_arg(&path);
    run("qpdf", &["--check", file]);
    let pages: usize = run("pdfinfo", &[file])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count");
    let text = run("pdftotext", &["-layout", file, "-"]);
    let mut numbers = Vec::with_capacity(n as usize);
    for (i, page) in text.split('\u{c}').take(pages).enumerate() {
        let rows = row_numbers(page);
        // The page number, alone on the last line, is not a row.
        let last = page.lines().rev().find(|l| !l.trim().is_empty());
        assert_eq!(last.map(str::trim), Some((i + 1).to_string().as_str()));
        let header = header_line(page).unwrap_or_else(|| panic!("page {}: no header", i + 1));
        let body: Vec<u32> = rows
            .iter()
            .filter(|(line, _)| *line > header)
            .map(|&(_, number)| number)
            .collect();
        assert!(!body.is_empty(), "page {}: no rows\n{page}", i + 1);
        assert_eq!(
            rows.len(),
            body.len(),
            "page {}: a row above the header",
            i + 1
        );
        numbers.extend(body);
    }
    let expected: Vec<u32> = (1..=n).collect();
    if numbers != expected {
        let first_bad = numbers.iter().zip(&expected).position(|(a, b)| a != b);
        panic!(
            "{n} rows: read back {} numbers, first mismatch at {first_bad:?}: {:?}",
            numbers.len(),
            first_bad.map(|i| &numbers[i.saturating_sub(2)..(i + 3).min(numbers.len())])
        );
    }
    // At most ~30 one- or two-line rows fit a landscape page, at least ~8
    // of the tallest ones here.
    let (low, high) = (n as usize / 30, n as usize / 8 + 2);
    assert!((low..=high).contains(&pages), "{n} rows on {pages} pages");
    (took, pages)
}

#[test]
fn a_plan_of_100_rows_renders_with_every_number() {
    let (took, pages) = check(100);
    eprintln!("plan of 100 rows: {pages} pages in {took:?}");
}

#[test]
fn a_plan_of_1000_rows_renders_with_every_number() {
    let (took, pages) = check(1000);
    eprintln!("plan of 1000 rows: {pages} pages in {took:?}");
}

#[test]
fn a_plan_of_20000_rows_renders_with_every_number() {
    let (took, pages) = check(20_000);
    eprintln!("plan of 20000 rows: {pages} pages in {took:?}");
}

#[test]
fn the_plan_keeps_long_words_whole_and_titles_in_order() {
    let plan = plan_of(120);
    let bytes = plan_pdf::render(&plan, None, now()).expect("renders");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, &bytes).expect("write");
    if let Ok(keep) = std::env::var("PLAN_SCALE_OUT") {
        std::fs::copy(&path, format!("{keep}-120.pdf")).expect("keep a copy");
    }
    let layout = run("pdftotext", &["-layout", path_arg(&path), "-"]);
    // The narrow columns' longest words stay on one line.
    for word in [
        "онлайн-конференция",
        "общественность",
        "педагог-организатор",
        "запланировано",
    ] {
        assert!(layout.contains(word), "«{word}» is broken");
    }
    // Reading order: every title whole, however its cell broke it.
    let squeeze = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}'))
            .collect()
    };
    let raw = squeeze(&run("pdftotext", &["-raw", path_arg(&path), "-"]));
    for row in plan.months.iter().flat_map(|m| &m.rows) {
        assert!(raw.contains(&squeeze(&row.title)), "{}", row.title);
    }
}
