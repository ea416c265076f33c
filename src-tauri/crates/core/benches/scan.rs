//! Benchmark: the personal-data guard's `scan` over long texts, beside a raw regular expression
//! for the plain CPR shape over the same text (what a guard that reads only `DDMMYY-SSSS` would
//! cost), and its time per megabyte from 0.2 MB to 21 MB: a linear scan keeps that flat.
//!
//! Run: `cargo bench -p eftertanke-core --bench scan` (RUNS=N to change the repetitions).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::privacy::scan;
use std::time::Instant;

/// A sentence of journal prose with one CPR number in it, and look-alikes around it.
const SENTENCE: &str = "Borgeren 010203-1234 kom kl. 10.15 med 2 børn; sag 2023-123456, kr. 120.000. ";

fn text_of(bytes: usize) -> String {
    SENTENCE.repeat(bytes / SENTENCE.len() + 1)
}

fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let started = Instant::now();
        found = f();
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best, found)
}

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let never: Vec<String> = (0..500).map(|n| format!("Navn{n} Efternavn{n}")).collect();
    let raw = regex::Regex::new(r"\b\d{6}[- ]?\d{4}\b").unwrap();
    println!("scan, best of {runs}; never-store list of {} phrases", never.len());
    println!(
        "{:>9} {:>8} {:>11} {:>11} {:>11} {:>8}",
        "size", "CPRs", "scan", "raw regex", "scan s/MB", "ratio"
    );
    for mb in [0.2, 2.0, 21.0] {
        let text = text_of((mb * 1_000_000.0) as usize);
        let (core, found) = best_of(runs, || scan(&text, &never).len());
        let (baseline, raw_found) = best_of(runs, || raw.find_iter(&text).count());
        assert_eq!(found, raw_found, "both find every number");
        println!(
            "{:>7.1}MB {:>8} {:>10.3}s {:>10.3}s {:>11.3} {:>7.1}x",
            text.len() as f64 / 1e6,
            found,
            core,
            baseline,
            core / (text.len() as f64 / 1e6),
            core / baseline
        );
    }
}
