//! Benchmark of the network's read models (issue 11): the demo scaled to
//! 1 000 partners and 20 000 events (a twentieth of them weekly series),
//! with ties and dated notes, then the median times of the whole network's
//! health, the map's data (with its layout) and the year's analytical
//! report as PDF (figures and typesetting).
//!
//! Run: `cargo run --release --bin bench_network` (`make bench`). Speed is
//! reported against the targets, not asserted. With `BENCH_PARTS=1` it also
//! prints where the health's time goes (its loading, its computation, the
//! loaders it calls).

mod bench;

use bench::time_ms;
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use partnernet::events::model::{EventInput, EventStatus, Frequency, Recurrence};
use partnernet::network::model::MapQuery;
use partnernet::partners::model::{NoteInput, PartnerInput, TieInput, TieKind};
use partnernet::partners::{note_queries, tie_queries};
use partnernet::validation::make;
use partnernet::{events, network, partners, reports, CoreError, Storage};

const PARTNERS: usize = 1_000;
const EVENTS: usize = 20_000;
const HEALTH_TARGET_MS: f64 = 50.0;
const MAP_TARGET_MS: f64 = 50.0;
const REPORT_PDF_TARGET_MS: f64 = 300.0;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A small deterministic generator (no randomness between runs).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

/// The demo's partners copied (renamed) up to [`PARTNERS`]; then events,
/// ties and notes, all in one transaction each.
fn fill(storage: &mut Storage, now: NaiveDateTime) -> Result<(), CoreError> {
    partnernet::demo::fill(storage, now)?;
    let demo: Vec<PartnerInput> = partners::all(storage)?
        .into_iter()
        .map(|p| p.data)
        .collect();
    let extra: Vec<PartnerInput> = (demo.len()..PARTNERS)
        .map(|i| {
            let mut p = demo[i % demo.len()].clone();
            p.short_name = format!("{} — {i}", p.short_name);
            p.full_name = format!("{} (филиал {i})", p.full_name);
            // A copy is another organisation: its own ИНН (one live
            // partner per ИНН and КПП).
            p.requisites.inn = make::inn10(&format!("68{:07}", 3_000_000 + i));
            p
        })
        .collect();
    storage.write(|tx| {
        for p in &extra {
            partners::insert_prepared(tx, p, now)?;
        }
        Ok(())
    })?;
    let ids: Vec<i64> = partners::all(storage)?.iter().map(|p| p.id).collect();
    let forms = events::forms(storage)?;
    let existing = events::all(storage)?.len();
    let mut rng = Lcg(42);
    let first = day(2025, 9, 1).and_hms_opt(9, 0, 0).unwrap_or_default();
    let inputs: Vec<EventInput> = (existing..EVENTS)
        .map(|i| {
            let start =
                first + Duration::days(rng.next(730) as i64) + Duration::hours((i % 8) as i64);
            let mut partner_ids: Vec<i64> = (0..1 + rng.next(3))
                .map(|_| ids[rng.next(ids.len())])
                .collect();
            partner_ids.sort_unstable();
            partner_ids.dedup();
            let held = start < now;
            EventInput {
                form_id: forms[i % forms.len()].id,
                title: format!("Мероприятие для замера № {i}"),
                start,
                end: start + Duration::minutes(90),
                partner_ids,
                status: match (held, i % 10) {
                    (_, 0) => EventStatus::Cancelled,
                    (true, _) => EventStatus::Held,
                    (false, _) => EventStatus::Planned,
                },
                planned_count: Some(10 + (i % 30) as i64),
                actual_count: held.then_some(8 + (i % 25) as i64),
                results: if held && i % 3 == 0 {
                    "Проведено, участники довольны.".into()
                } else {
                    String::new()
                },
                recurrence: (i % 20 == 0).then_some(Recurrence {
                    frequency: Frequency::Weekly,
                    interval: 1,
                    weekdays: Vec::new(),
                    until: None,
                    count: Some(10),
                }),
                ..EventInput::default()
            }
        })
        .collect();
    storage.write(|tx| {
        for input in &inputs {
            events::insert_new(tx, input, now)?;
        }
        for k in 0..PARTNERS / 2 {
            let a = ids[rng.next(ids.len())];
            let b = ids[rng.next(ids.len())];
            let tie = TieInput {
                first_id: (k % 5 != 0).then_some(a),
                second_id: Some(b),
                kind: TieKind::ALL[k % 3],
                start_date: Some(day(2024, 9, 1) + Duration::days(rng.next(900) as i64)),
                end_date: None,
                note: String::new(),
            };
            if tie.first_id != tie.second_id {
                tie_queries::insert(tx, &tie, now)?;
            }
        }
        for k in 0..PARTNERS * 2 {
            let note = NoteInput {
                date: Some(day(2024, 9, 1) + Duration::days(rng.next(800) as i64)),
                text: format!("Запись о взаимодействии № {k}"),
                person_id: None,
            };
            note_queries::insert(tx, ids[rng.next(ids.len())], &note, now)?;
        }
        Ok(())
    })
}

fn run() -> Result<(), CoreError> {
    let dir = std::env::temp_dir().join(format!("partnernet-bench-network-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let now = day(2026, 11, 22).and_hms_opt(12, 0, 0).unwrap_or_default();
    let today = now.date();
    let mut storage = Storage::open_dir(&dir)?;
    let t = Instant::now();
    fill(&mut storage, now)?;
    let partners_count = partners::all(&storage)?.len();
    let events_count = events::all(&storage)?.len();
    println!(
        "base: {partners_count} partners, {events_count} events (a twentieth of them series), \
         ties and notes; filled in {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let health = network::health(&storage, today, 2026)?;
    if let Ok(n) = std::env::var("BENCH_PROFILE") {
        for _ in 0..n.parse::<u32>().unwrap_or(0) {
            network::health(&storage, today, 2026)?;
        }
        return Ok(());
    }
    if std::env::var("BENCH_PARTS").is_ok() {
        let inputs = network::load(&storage, today, 2026)?;
        let parts = [
            ("load", time_ms(3, || network::load(&storage, today, 2026))?),
            (
                "compute",
                time_ms(3, || Ok(network::health::compute(&inputs)))?,
            ),
            ("map compute", {
                let flags = network::health::compute(&inputs).flags;
                let (from, to) = network::map::period(&MapQuery::default(), today)?;
                time_ms(3, || {
                    Ok(network::map::compute(
                        &inputs,
                        &flags,
                        from,
                        to,
                        &MapQuery::default(),
                    ))
                })?
            }),
            ("partners::all", time_ms(3, || partners::all(&storage))?),
            (
                "partners::all_lean",
                time_ms(3, || partners::all_lean(&storage))?,
            ),
            (
                "agreements::all",
                time_ms(3, || partnernet::agreements::all(&storage, today))?,
            ),
            (
                "occurrences",
                time_ms(3, || {
                    events::occurrences(
                        &storage,
                        &partnernet::events::model::EventFilter {
                            to: Some(day(2028, 8, 31)),
                            ..Default::default()
                        },
                    )
                })?,
            ),
            (
                "occurrence_facts",
                time_ms(3, || {
                    events::occurrence_facts(&storage, None, Some(day(2028, 8, 31)))
                })?,
            ),
            ("slots only", {
                let evs = events::queries::load_all_lean(storage.conn())?;
                let tz = partnernet::settings::time_zone(storage.conn())?;
                time_ms(5, || {
                    let mut n = 0;
                    for e in &evs {
                        n += events::recurrence::slots(e, day(2000, 1, 1), day(2028, 8, 31), tz)
                            .len();
                    }
                    Ok(n)
                })?
            }),
            ("resolve x40k", {
                let evs = events::queries::load_all_lean(storage.conn())?;
                let tz = partnernet::settings::time_zone(storage.conn())?;
                time_ms(5, || {
                    let mut n = 0i64;
                    for e in &evs {
                        n += events::recurrence::resolve(tz, e.data.start)
                            .and_utc()
                            .timestamp();
                        n += events::recurrence::resolve(tz, e.data.end)
                            .and_utc()
                            .timestamp();
                    }
                    Ok(n)
                })?
            }),
            (
                "lean events",
                time_ms(3, || events::queries::load_all_lean(storage.conn()))?,
            ),
            (
                "stage history",
                time_ms(3, || {
                    partners::queries::field_history(storage.conn(), network::health::STAGE_FIELD)
                })?,
            ),
            (
                "institution",
                time_ms(3, || partnernet::institution::get(&storage))?,
            ),
            (
                "ties + note dates",
                time_ms(3, || {
                    Ok((
                        tie_queries::all_live(storage.conn())?,
                        note_queries::live_dates(storage.conn())?,
                    ))
                })?,
            ),
            ("events::all", time_ms(3, || events::all(&storage))?),
            (
                "histories",
                time_ms(3, || {
                    let mut n = 0;
                    for p in partners::all(&storage)? {
                        n += partners::history(&storage, p.id)?.len();
                    }
                    Ok(n)
                })?,
            ),
        ];
        for (name, ms) in parts {
            println!("  {name}: {ms:.1} ms");
        }
    }
    let health_ms = time_ms(10, || network::health(&storage, today, 2026))?;
    let map = network::map(&storage, today, &MapQuery::default())?;
    let map_ms = time_ms(10, || network::map(&storage, today, &MapQuery::default()))?;
    let report = reports::annual::report(&storage, 2025, today)?;
    let data_ms = time_ms(5, || reports::annual::report(&storage, 2025, today))?;
    let report_ms = time_ms(5, || {
        reports::annual_pdf::render(&reports::annual::report(&storage, 2025, today)?, now)
    })?;
    let pdf_only_ms = time_ms(5, || reports::annual_pdf::render(&report, now))?;
    let verdict = |ms: f64, target: f64| {
        if ms <= target {
            "ok"
        } else {
            "SLOWER than target"
        }
    };
    println!(
        "network health ({} partners, {} flags, {} occurrences this year): {health_ms:.1} ms \
         (target ≤ {HEALTH_TARGET_MS} ms: {})",
        health.partners.len(),
        health.flags.len(),
        health.year_occurrences,
        verdict(health_ms, HEALTH_TARGET_MS)
    );
    println!(
        "network map ({} nodes, {} edges): {map_ms:.1} ms (target ≤ {MAP_TARGET_MS} ms: {})",
        map.nodes.len(),
        map.edges.len(),
        verdict(map_ms, MAP_TARGET_MS)
    );
    println!(
        "annual report 2025/2026 data (figures): {data_ms:.1} ms (part of the report's \
         {REPORT_PDF_TARGET_MS} ms)"
    );
    println!(
        "annual report PDF (typesetting alone): {pdf_only_ms:.1} ms (target ≤ \
         {REPORT_PDF_TARGET_MS} ms: {})",
        verdict(pdf_only_ms, REPORT_PDF_TARGET_MS)
    );
    println!(
        "annual report data + PDF: {report_ms:.1} ms (target ≤ {REPORT_PDF_TARGET_MS} ms: {})",
        verdict(report_ms, REPORT_PDF_TARGET_MS)
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
