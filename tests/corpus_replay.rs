//! Replays every committed fuzz corpus file (seeds, and the inputs of every crash found)
//! through the same target logic the fuzzers run, so CI exercises them on stable.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().map_or(false, |f| f.to_string_lossy().starts_with('.')) {
            continue;
        }
        // A file a running fuzzer has just replaced is skipped.
        let Ok(data) = std::fs::read(&path) else { continue };
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target}: {} fails", path.display());
        n += 1;
    }
    assert!(n > 0, "no corpus for {target}");
}

#[test]
fn decode_corpus() {
    replay("decode", targets::decode)
}

#[test]
fn decode_words_corpus() {
    replay("decode_words", targets::decode_words)
}

#[test]
fn builder_corpus() {
    replay("builder", targets::builder)
}

#[test]
fn differential_corpus() {
    replay("differential", targets::differential)
}

#[test]
fn requests_corpus() {
    replay("requests", targets::requests)
}

#[test]
fn input_corpus() {
    replay("input", targets::input)
}

#[test]
fn stream_corpus() {
    replay("stream", targets::stream)
}

#[test]
fn blinded_corpus() {
    replay("blinded", targets::blinded)
}
