#![no_main]
//! See `lightning_bolt11_fuzz::blinded` in `fuzz/src/targets.rs`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| lightning_bolt11_fuzz::blinded(data));
