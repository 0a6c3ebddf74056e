//! Benchmark of the events: a base with the demo plus 400 more events (a
//! quarter of them weekly series), then the median times of what the app
//! does most: the calendar's month, the start-screen digest, the conflicts
//! of one event, the year's plan and its PDF, XLSX and .ics, and the PDF of
//! a 20 000-row plan (the same rows repeated) as the engine's stress case.
//!
//! Run: `cargo run --release --bin bench_events` (`make bench`). Speed is
//! reported against the targets, not asserted.

mod bench;

use bench::time_ms;
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use partnernet::events::model::{EventFilter, EventInput, Frequency, Recurrence};
use partnernet::events::{self};
use partnernet::reports::model::{PlanRow, SchoolYearPlan};
use partnernet::reports::{plan, plan_pdf, plan_xlsx};
use partnernet::{CoreError, Storage};

/// A month in the calendar must feel instant.
const MONTH_TARGET_MS: f64 = 30.0;
/// The plan PDF of a busy year, from the click to the bytes.
const PLAN_PDF_TARGET_MS: f64 = 500.0;
/// Rows of the stress plan, and its target: a whole district's year in
/// one file must still come out in seconds.
const BIG_PLAN_ROWS: u32 = 20_000;
const BIG_PLAN_TARGET_MS: f64 = 10_000.0;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn fill(storage: &mut Storage, now: NaiveDateTime) -> Result<(), CoreError> {
    partnernet::demo::fill(storage, now)?;
    let forms = events::forms(storage)?;
    let places = [
        "Актовый зал ДДТ",
        "Каб. 12",
        "МБОУ СОШ № 2",
        "Библиотека",
        "",
    ];
    let start = day(2026, 9, 1).and_hms_opt(9, 0, 0).unwrap_or_default();
    for i in 0..400i64 {
        let s = start + Duration::days(i % 300) + Duration::hours(i % 8);
        let input = EventInput {
            form_id: forms[(i as usize) % forms.len()].id,
            title: format!("Мероприятие для замера № {i}"),
            start: s,
            end: s + Duration::minutes(90),
            place: places[(i as usize) % places.len()].to_string(),
            responsible: format!("Педагог {}", i % 12),
            recurrence: (i % 4 == 0).then(|| Recurrence {
                frequency: Frequency::Weekly,
                interval: 1 + (i % 3) as u32,
                weekdays: Vec::new(),
                until: None,
                count: Some(12),
            }),
            ..EventInput::default()
        };
        events::create(storage, input, now)?;
    }
    Ok(())
}

/// `plan`'s rows repeated and renumbered up to `n` rows, spread evenly
/// over its months.
fn scaled(plan: &SchoolYearPlan, n: u32) -> SchoolYearPlan {
    let template: Vec<&PlanRow> = plan.months.iter().flat_map(|m| &m.rows).collect();
    let mut months = plan.months.clone();
    months.iter_mut().for_each(|m| m.rows.clear());
    if template.is_empty() {
        return plan.clone();
    }
    let count = months.len();
    for k in 0..n {
        let mut row = template[k as usize % template.len()].clone();
        row.number = k + 1;
        months[k as usize * count / n as usize].rows.push(row);
    }
    SchoolYearPlan {
        months,
        ..plan.clone()
    }
}

fn run() -> Result<(), CoreError> {
    let dir = std::env::temp_dir().join(format!("partnernet-bench-events-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let now = day(2026, 11, 22).and_hms_opt(12, 0, 0).unwrap_or_default();
    let mut storage = Storage::open_dir(&dir)?;
    let t = Instant::now();
    fill(&mut storage, now)?;
    let events_count = events::all(&storage)?.len();
    println!(
        "base: {events_count} events (demo + 400, a quarter of them series), filled in {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let month = EventFilter {
        from: Some(day(2026, 10, 26)),
        to: Some(day(2026, 12, 6)),
        ..EventFilter::default()
    };
    let shown = events::occurrences(&storage, &month)?.len();
    let month_ms = time_ms(20, || events::occurrences(&storage, &month))?;
    let digest_ms = time_ms(20, || events::digest(&storage, now))?;
    let some = events::all(&storage)?.last().map(|e| e.id).unwrap_or(1);
    let conflicts_ms = time_ms(20, || events::conflicts(&storage, some))?;
    let year_plan = plan::plan(&storage, 2026)?;
    let rows: usize = year_plan.months.iter().map(|m| m.rows.len()).sum();
    let plan_ms = time_ms(5, || plan::plan(&storage, 2026))?;
    let pdf_ms = time_ms(5, || plan_pdf::render(&year_plan, None, now))?;
    let xlsx_ms = time_ms(5, || plan_xlsx::render(&year_plan))?;
    let ics_ms = time_ms(5, || events::export::export_year(&storage, 2026, now))?;
    let big = scaled(&year_plan, BIG_PLAN_ROWS);
    let big_ms = time_ms(1, || plan_pdf::render(&big, None, now))?;
    let verdict = |ms: f64, target: f64| {
        if ms <= target {
            "ok"
        } else {
            "SLOWER than target"
        }
    };
    println!(
        "calendar, 6 weeks ({shown} occurrences): {month_ms:.1} ms (target ≤ {MONTH_TARGET_MS} ms: {})",
        verdict(month_ms, MONTH_TARGET_MS)
    );
    println!("start-screen digest: {digest_ms:.1} ms");
    println!("conflicts of one event: {conflicts_ms:.1} ms");
    println!("plan 2026/2027 ({rows} rows): {plan_ms:.1} ms");
    println!(
        "plan PDF: {pdf_ms:.1} ms (target ≤ {PLAN_PDF_TARGET_MS} ms: {})",
        verdict(pdf_ms, PLAN_PDF_TARGET_MS)
    );
    println!("plan XLSX: {xlsx_ms:.1} ms");
    println!("plan .ics: {ics_ms:.1} ms");
    println!(
        "plan PDF of {BIG_PLAN_ROWS} rows: {big_ms:.0} ms (target ≤ {BIG_PLAN_TARGET_MS} ms: {})",
        verdict(big_ms, BIG_PLAN_TARGET_MS)
    );
    drop(storage);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn main() {
    if let Err(err) = run() {
        eprintln!("Ошибка: {err}");
        std::process::exit(1);
    }
}
