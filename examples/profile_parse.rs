//! Parses the valid spec examples many times: a steady workload for `perf` or
//! `valgrind --tool=callgrind` when profiling the parser.
//!
//! `cargo build --release --example profile_parse && valgrind --tool=callgrind target/release/examples/profile_parse`
// A profiling tool for this crate's developers, on a current compiler: `black_box` is newer than
// the crate's rust-version.
#![allow(clippy::incompatible_msrv)]

fn main() {
    let text = include_str!("../test-vectors/bolt11-vectors.json");
    let invoices: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"invoice\": \""))
        .filter_map(|l| l.strip_suffix("\","))
        .collect();
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2000);
    let mut ok = 0usize;
    for _ in 0..rounds {
        for s in &invoices {
            ok += usize::from(lightning_bolt11::InvoiceRef::parse(std::hint::black_box(s)).is_ok());
        }
    }
    println!("{} invoices, {ok} parses succeeded", invoices.len());
}
