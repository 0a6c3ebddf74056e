//! Benchmark of the backups (issue 12 §3): a backup of the demo (the
//! database through `VACUUM INTO`, its attachments, the manifest, synced and
//! renamed, then the rotation), and what `synchronous=FULL` costs: 1 000
//! single-row commits with FULL (what Storage::open sets, so a committed
//! change survives a power cut) against NORMAL.
//!
//! Run: `cargo run --release --bin bench_backups` (`make bench`). Speed is
//! reported against the targets, not asserted. The figures depend on the
//! disk: FULL waits for one more fsync per commit.

mod bench;

use bench::median;
use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use partnernet::backups::{self, Reason};
use partnernet::{demo, CoreError, Storage};

const BACKUP_TARGET_MS: f64 = 200.0;
const WRITES: usize = 1_000;

/// Milliseconds for [`WRITES`] commits of one row each, at `synchronous`.
fn commits(storage: &mut Storage, synchronous: &str) -> Result<f64, CoreError> {
    storage
        .conn()
        .pragma_update(None, "synchronous", synchronous)?;
    let t = Instant::now();
    for i in 0..WRITES {
        storage.write(|tx| {
            tx.execute(
                "INSERT INTO bench_writes (v) VALUES (?1)",
                [format!("запись {i}")],
            )?;
            Ok(())
        })?;
    }
    Ok(t.elapsed().as_secs_f64() * 1000.0)
}

fn run() -> Result<(), CoreError> {
    let now: NaiveDateTime = NaiveDate::from_ymd_opt(2026, 12, 4)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("partnernet-bench-backups-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut storage = Storage::open_dir(&dir)?;
    demo::fill(&mut storage, now)?;

    let mut times = Vec::new();
    let mut last = None;
    for i in 0..7 {
        let t = Instant::now();
        let made = backups::create(&storage, Reason::Manual, now + Duration::minutes(i))?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        last = Some(made);
    }
    let ms = median(times);
    let verdict = if ms <= BACKUP_TARGET_MS {
        "ok"
    } else {
        "SLOWER than target"
    };
    if let Some(b) = last {
        println!(
            "backup of the demo ({} partners, {} agreements, {} events, {:.0} KB): {ms:.1} ms \
             (target ≤ {BACKUP_TARGET_MS} ms: {verdict})",
            b.partners,
            b.agreements,
            b.events,
            b.size as f64 / 1024.0
        );
    }
    let t = Instant::now();
    let listed = backups::list(&storage)?;
    println!(
        "list of {} backups, each opened and integrity-checked: {:.1} ms",
        listed.backups.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );

    storage
        .conn()
        .execute_batch("CREATE TABLE bench_writes (id INTEGER PRIMARY KEY, v TEXT)")?;
    let normal = commits(&mut storage, "NORMAL")?;
    let full = commits(&mut storage, "FULL")?;
    println!(
        "{WRITES} single-row commits: synchronous=NORMAL {normal:.0} ms ({:.2} ms each), \
         FULL {full:.0} ms ({:.2} ms each): FULL costs {:.2} ms per commit",
        normal / WRITES as f64,
        full / WRITES as f64,
        (full - normal) / WRITES as f64
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
