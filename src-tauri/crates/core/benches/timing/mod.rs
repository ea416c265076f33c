//! Timing shared by the benchmarks that set the core beside a raw baseline: repeated runs,
//! two sides measured in turn, and their p50 and p95.

use std::time::{Duration, Instant};

/// The p50 and p95 of `runs` runs of `f`, after one to warm the caches.
pub fn measure(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f(); // warm the page cache and statement cache
    let times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    quantiles(times)
}

/// Two sides measured in turn, one run of each at a time, so neither has the machine, the page
/// cache or the other's leftovers to itself: the p50 and p95 of each.
pub fn measure_pair(runs: usize, mut a: impl FnMut(), mut b: impl FnMut()) -> ((f64, f64), (f64, f64)) {
    a(); // warm the page cache and statement caches
    b();
    let (mut ta, mut tb) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for i in 0..runs {
        // Alternate which side goes first.
        let time = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            f();
            t.elapsed()
        };
        if i % 2 == 0 {
            ta.push(time(&mut a));
            tb.push(time(&mut b));
        } else {
            tb.push(time(&mut b));
            ta.push(time(&mut a));
        }
    }
    (quantiles(ta), quantiles(tb))
}

pub fn quantiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize].as_secs_f64();
    (at(0.5), at(0.95))
}
