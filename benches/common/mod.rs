//! What the benchmarks share.

use std::time::Instant;

/// Runs of each measurement; the median is reported.
pub const RUNS: usize = 5;

/// Median wall time of RUNS runs, in seconds.
pub fn median(mut run: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(run());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}
