//! What every `bench_*` binary measures with: the median of repeated runs
//! after one warm-up run. Each binary uses a part of it.
#![allow(dead_code)]

use std::time::Instant;

use partnernet::CoreError;

pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Milliseconds of `f`, the median of `runs` runs after a warm-up.
pub fn time_ms<T>(
    runs: usize,
    mut f: impl FnMut() -> Result<T, CoreError>,
) -> Result<f64, CoreError> {
    f()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(median(times))
}
