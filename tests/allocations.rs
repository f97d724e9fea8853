//! Heap allocations, counted by a counting global allocator (counts are deterministic; times
//! are measured by the benches, never asserted). The borrowed parse makes none; a full decode
//! at most 3; encoding to a `String` one, and none into a caller's buffer.
#![allow(clippy::unwrap_used, clippy::expect_used, unsafe_code)]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use common::*;
use lightning_bolt11::*;

struct Counting;

thread_local! {
    static COUNT: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    // `try_with`: the thread-locals may be gone while a thread shuts down.
    let _ = COUNT.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|b| b.set(b.get() + size));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (count, bytes) made on this thread by `f`.
fn counted<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let (c0, b0) = (COUNT.with(Cell::get), BYTES.with(Cell::get));
    let out = f();
    (out, COUNT.with(Cell::get) - c0, BYTES.with(Cell::get) - b0)
}

/// Every strictly valid spec example, plus one invoice at the maximum length.
fn inputs() -> Vec<String> {
    let mut all: Vec<String> = strictly_valid().iter().map(|v| v["invoice"].as_str().unwrap().to_owned()).collect();
    let mut extra = Vec::new();
    let mut left = MAX_INVOICE_LENGTH - with_fields(&[]).len();
    while left > 0 {
        let n = (left - 3).min(1023);
        let n = if left - 3 - n > 0 && left - 3 - n < 3 { n - 3 } else { n };
        extra.push(field('v', &vec![0; n]));
        left -= n + 3;
    }
    all.push(with_fields(&extra));
    all
}

#[test]
fn borrowed_parse_and_verify_allocate_nothing() {
    // The global context is made once, on first use; make it before counting.
    let first = inputs().remove(0);
    InvoiceRef::parse(&first).unwrap().verify().unwrap();
    for s in inputs() {
        let (view, n, _) = counted(|| InvoiceRef::parse(&s).unwrap());
        assert_eq!(n, 0, "parse of {s}");
        let (_, n, _) = counted(|| view.verify().unwrap());
        assert_eq!(n, 0, "verify of {s}");
        let (_, n, _) = counted(|| (view.signature_hash(), view.features().iter().count(), view.route_hints().count()));
        assert_eq!(n, 0);
    }
}

#[test]
fn full_decode_allocates_at_most_three_times() {
    let first = inputs().remove(0);
    Invoice::decode(&first).unwrap();
    for s in inputs() {
        let (_, n, _) = counted(|| Invoice::decode(&s).unwrap());
        assert!(n <= 3, "{n} allocations decoding {s}");
    }
}

#[test]
fn encoding_allocates_once_to_a_string_and_never_into_a_buffer() {
    for s in inputs() {
        let inv = Invoice::decode(&s).unwrap();
        let (text, n, _) = counted(|| inv.to_string());
        assert_eq!(text, s.to_ascii_lowercase());
        assert!(n <= 1, "{n} allocations encoding");
        let mut buf = String::with_capacity(MAX_INVOICE_LENGTH);
        let (_, n, _) = counted(|| write!(buf, "{inv:#}").unwrap());
        assert_eq!(n, 0);
        assert_eq!(buf, s.to_ascii_uppercase());
        let view = inv.as_view();
        let mut buf = String::with_capacity(MAX_INVOICE_LENGTH);
        let (_, n, _) = counted(|| view.write_to(&mut buf, false).unwrap());
        assert_eq!(n, 0);
    }
}

#[test]
fn no_input_makes_the_decoder_allocate_more_than_its_length() {
    // Valid inputs (owned copies of the text and description) and rejected ones alike.
    let mut cases = inputs();
    cases.push("x".repeat(10_000));
    cases.push(format!("lnbc1{}", "q".repeat(7000)));
    for s in cases {
        for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
            let (_, _, bytes) = counted(|| Invoice::decode_with(&s, &opts));
            assert!(bytes <= 2 * s.len() + 64, "{bytes} bytes for a {}-character input", s.len());
        }
    }
}
