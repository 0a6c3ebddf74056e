//! The plan's pages (what the «Отчёты» table asks for while it scrolls) on
//! a real SQLite file with a few thousand events, single ones and weekly
//! series: every window equals the same slice of the whole plan, the
//! outline's months and total agree with it, and the bounds hold.

mod common;

use chrono::Duration;
use common::{now, open, school, t};
use partnernet::events;
use partnernet::events::model::{Audience, EventInput, EventStatus, Recurrence};
use partnernet::reports::model::{PlanRow, SchoolYearPlan};
use partnernet::reports::plan;
use partnernet::reports::plan_page::{self, MAX_PAGE_ROWS};
use partnernet::{institution, partners, Storage};

const SINGLES: u32 = 2_400;
const SERIES: u32 = 60;

/// 2 400 single events spread over 2025/2026 … 2027/2028 (most in
/// 2026/2027) and 60 weekly series, some crossing the year's edges.
fn seed() -> (tempfile::TempDir, Storage) {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("institution");
    let a = partners::create(&mut storage, school(1), now())
        .expect("a")
        .id;
    let forms = events::forms(&storage).expect("forms");
    storage
        .write(|tx| {
            for n in 0..SINGLES + SERIES {
                let form = &forms[n as usize % forms.len()];
                // Day 0 is 1 August 2026: a month before the year and a
                // month after it get some too.
                let offset = i64::from(n * 7 % 425);
                let start = t(2026, 8, 1, 8 + n % 10, (n % 4) * 15) + Duration::days(offset);
                let series = n >= SINGLES;
                let input = EventInput {
                    form_id: form.id,
                    title: format!("Мероприятие № {n}"),
                    start,
                    end: start + Duration::minutes(90),
                    place: if form.online {
                        String::new()
                    } else {
                        "актовый зал".into()
                    },
                    link: if form.online {
                        "https://ddt.example/w".into()
                    } else {
                        String::new()
                    },
                    partner_ids: if n % 2 == 0 { vec![a] } else { Vec::new() },
                    audience: vec![Audience::Teachers],
                    responsible: "Мишина В.И.".into(),
                    status: if n % 5 == 0 {
                        EventStatus::Held
                    } else {
                        EventStatus::Planned
                    },
                    recurrence: series.then(|| Recurrence {
                        interval: 1 + n % 2,
                        count: Some(6 + n % 10),
                        ..Recurrence::default()
                    }),
                    ..EventInput::default()
                };
                let input = events::prepare(tx, input)?;
                events::insert_new(tx, &input, now())?;
            }
            Ok(())
        })
        .expect("events");
    (dir, storage)
}

fn rows(plan: &SchoolYearPlan) -> Vec<&PlanRow> {
    plan.months.iter().flat_map(|m| m.rows.iter()).collect()
}

#[test]
fn every_window_is_the_same_slice_of_the_whole_plan() {
    let (_dir, storage) = seed();
    let whole = plan::plan(&storage, 2026).expect("plan");
    let all = rows(&whole);
    assert!(all.len() > 2_000, "a busy year: {} rows", all.len());
    assert!(
        all.iter().any(|r| r.dates.len() > 1),
        "series meet several times in a month"
    );

    let first = plan_page::page(&storage, 2026, 0, 50).expect("first page");
    assert_eq!(first.year, 2026);
    assert_eq!(first.title, whole.title);
    assert_eq!(first.institution, whole.institution);
    assert!(!first.institution.is_empty());
    assert_eq!(first.total as usize, all.len());
    assert_eq!(first.offset, 0);

    // The outline: the same months with their rows' places and counts.
    assert_eq!(first.months.len(), whole.months.len());
    let mut at = 0u32;
    for (head, month) in first.months.iter().zip(&whole.months) {
        assert_eq!((head.year, head.month), (month.year, month.month));
        assert_eq!(head.label, month.label);
        assert_eq!(head.first, at);
        assert_eq!(head.count as usize, month.rows.len());
        at += head.count;
    }
    assert_eq!(first.months[0].label, "Сентябрь 2026");

    for (offset, limit) in [
        (0u32, 50u32),
        (37, 50),
        (50, 100),
        (1_000, 250),
        (all.len() as u32 - 10, 50),
    ] {
        let page = plan_page::page(&storage, 2026, offset, limit).expect("page");
        let from = offset as usize;
        let to = (from + limit as usize).min(all.len());
        let expected: Vec<PlanRow> = all[from..to].iter().map(|r| (*r).clone()).collect();
        assert_eq!(page.offset, offset);
        assert_eq!(page.total as usize, all.len());
        assert_eq!(page.rows, expected, "rows {from}..{to}");
    }
}

#[test]
fn the_bounds_hold() {
    let (_dir, storage) = seed();
    let total = plan_page::page(&storage, 2026, 0, 0)
        .expect("no rows")
        .total;
    assert!(total > 0);

    // A limit of 0 gives the outline only; past the end, an empty page with
    // the same outline; a huge limit is cut.
    let outline = plan_page::page(&storage, 2026, 0, 0).expect("outline");
    assert!(outline.rows.is_empty());
    assert!(!outline.months.is_empty());
    let past = plan_page::page(&storage, 2026, total, 50).expect("past the end");
    assert!(past.rows.is_empty());
    assert_eq!(past.total, total);
    assert_eq!(past.months, outline.months);
    let far = plan_page::page(&storage, 2026, u32::MAX, u32::MAX).expect("far past");
    assert!(far.rows.is_empty());
    let big = plan_page::page(&storage, 2026, 0, u32::MAX).expect("big limit");
    assert_eq!(big.rows.len(), MAX_PAGE_ROWS as usize);
    let last = plan_page::page(&storage, 2026, total - 1, 50).expect("last row");
    assert_eq!(last.rows.len(), 1);
    assert_eq!(last.rows[0].number, total);

    // A year without events: an empty outline.
    let empty = plan_page::page(&storage, 2035, 0, 50).expect("empty year");
    assert_eq!(empty.total, 0);
    assert!(empty.months.is_empty() && empty.rows.is_empty());
    assert_eq!(empty.title, plan::title(2035));

    // The neighbouring years have their own rows, numbered from 1.
    let before = plan_page::page(&storage, 2025, 0, 5).expect("2025");
    assert!(before.total > 0);
    assert_eq!(before.rows[0].number, 1);
    assert_eq!(before.months[0].label, "Август 2026");
}

/// The year's occurrences are kept between pages, and never past a change:
/// an event added after a page was given is in the next one.
#[test]
fn a_kept_year_gives_way_to_a_change() {
    let (_dir, mut storage) = seed();
    let before = plan_page::page(&storage, 2035, 0, 50).expect("empty year");
    assert_eq!(before.total, 0);
    let form = events::forms(&storage).expect("forms")[0].id;
    let start = t(2035, 10, 1, 10, 0);
    events::create(
        &mut storage,
        EventInput {
            form_id: form,
            title: "Новое мероприятие".into(),
            start,
            end: start + Duration::minutes(60),
            place: "актовый зал".into(),
            link: "https://ddt.example/w".into(),
            ..EventInput::default()
        },
        now(),
    )
    .expect("event");
    let after = plan_page::page(&storage, 2035, 0, 50).expect("after");
    assert_eq!(after.total, 1, "the change is seen at once");
    assert!(
        after.rows[0].title.contains("Новое мероприятие"),
        "{:?}",
        after.rows[0]
    );
}

/// The time of a page on the `make bench-ui` database (10 000 partners,
/// 20 000 events): `BENCH_UI_DB=… cargo test --release --test plan_page --
/// --ignored --nocapture`.
#[test]
#[ignore = "needs BENCH_UI_DB"]
fn a_page_of_the_bench_year() {
    let Ok(db) = std::env::var("BENCH_UI_DB") else {
        return;
    };
    let dir = std::path::Path::new(&db).parent().expect("folder");
    let storage = Storage::open_dir(dir).expect("storage");
    let year = partnernet::events::school_year::school_year_of(now().date());
    for (offset, limit) in [(0, 60), (10_000, 60), (0, 60)] {
        let t = std::time::Instant::now();
        let page = plan_page::page(&storage, year, offset, limit).expect("page");
        println!(
            "plan page {offset}+{limit} of {} rows: {:.1} ms",
            page.total,
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
    let t = std::time::Instant::now();
    let whole = plan::plan(&storage, year).expect("plan");
    println!(
        "whole plan ({} months): {:.1} ms",
        whole.months.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}
