//! Criterion benches against `lightning-invoice` 0.34 and the physical floors, in one run.
//!
//! Every ID measures the whole input set (the spec examples both crates accept, plus a
//! generated 7089-character invoice), so ratios compare like with like. Run with
//! `cargo bench --bench compare`; `scripts/bench-table.py` turns the results into the README's table.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::str::FromStr;
use std::time::Duration;

use bech32::primitives::decode::CheckedHrpstring;
use bitcoin_hashes::{sha256, Hash};
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lightning_bolt11::secp256k1::{ecdsa::RecoverableSignature, Keypair, Message, Secp256k1, SecretKey};
use lightning_bolt11::{
    Bolt11Bech32, DecodeOptions, Invoice, InvoiceBuilder, InvoiceRef, Network, RouteHop, ShortChannelId,
};
use lightning_invoice::{Bolt11Invoice, Currency, PaymentSecret, SignedRawBolt11Invoice};

const SPEC_KEY: [u8; 32] = [
    0xe1, 0x26, 0xf6, 0x8f, 0x7e, 0xaf, 0xcc, 0x8b, 0x74, 0xf5, 0x4d, 0x26, 0x9f, 0xe2, 0x06, 0xbe, 0x71, 0x50, 0x00,
    0xf9, 0x4d, 0xac, 0x06, 0x7d, 0x1c, 0x04, 0xa8, 0xca, 0x3b, 0x2d, 0xb7, 0x34,
];

fn spec_examples() -> Vec<String> {
    let text = include_str!("../test-vectors/bolt11-vectors.json");
    let vectors: serde_json::Value = serde_json::from_str(text).unwrap();
    vectors
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["valid"].as_bool() == Some(true))
        .map(|v| v["invoice"].as_str().unwrap().to_owned())
        .collect()
}

/// A valid invoice of exactly `len` characters, made of route hints, a description and metadata.
fn invoice_of_length(len: usize) -> String {
    let key = SecretKey::from_slice(&SPEC_KEY).unwrap();
    let hop = RouteHop {
        src_node_id: [2; 33],
        short_channel_id: ShortChannelId(0x0102_0304_0506_0708),
        fee_base_msat: 1,
        fee_proportional_millionths: 20,
        cltv_expiry_delta: 40,
    };
    let hops = [hop; 12];
    // Description lengths step the length by 1 or 2; an `x` field of 4 or 5 words fills the gaps.
    for routes in 0..8 {
        for expiry in [None, Some(1), Some(32)] {
            for desc in 0..=600usize {
                let mut b = InvoiceBuilder::new(Network::Bitcoin)
                    .amount_msat(250_000_000)
                    .timestamp(1_496_314_658)
                    .payment_hash([1; 32])
                    .payment_secret([2; 32])
                    .description(&"x".repeat(desc));
                if let Some(x) = expiry {
                    b = b.expiry(x);
                }
                for _ in 0..routes {
                    b = b.route_hint(&hops);
                }
                match b.sign(&key) {
                    Ok(inv) if inv.as_str().len() == len => return inv.to_string(),
                    Ok(inv) if inv.as_str().len() > len => break,
                    _ => {}
                }
            }
        }
    }
    panic!("no invoice of length {len}");
}

/// The inputs: the valid spec examples both crates accept, and one 7089-character invoice.
fn inputs() -> Vec<String> {
    let mut all = spec_examples();
    all.push(invoice_of_length(7089));
    all.retain(|s| Invoice::decode(s).is_ok() && Bolt11Invoice::from_str(s).is_ok());
    all
}

fn decode(c: &mut Criterion) {
    let set = inputs();
    eprintln!("input set: {} invoices, {} characters", set.len(), set.iter().map(String::len).sum::<usize>());
    let mut g = c.benchmark_group("decode_parse");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for s in &set {
                black_box(InvoiceRef::parse(black_box(s)).unwrap());
            }
        })
    });
    g.bench_function("lightning_invoice", |b| {
        b.iter(|| {
            for s in &set {
                black_box(SignedRawBolt11Invoice::from_str(black_box(s)).unwrap());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("decode_full");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for s in &set {
                black_box(Invoice::decode(black_box(s)).unwrap());
            }
        })
    });
    g.bench_function("lightning_invoice", |b| {
        b.iter(|| {
            for s in &set {
                black_box(Bolt11Invoice::from_str(black_box(s)).unwrap());
            }
        })
    });
    g.finish();

    let ours: Vec<Invoice> = set.iter().map(|s| Invoice::decode(s).unwrap()).collect();
    let theirs: Vec<Bolt11Invoice> = set.iter().map(|s| Bolt11Invoice::from_str(s).unwrap()).collect();
    let mut g = c.benchmark_group("encode");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for i in &ours {
                black_box(i.to_string());
            }
        })
    });
    g.bench_function("lightning_invoice", |b| {
        b.iter(|| {
            for i in &theirs {
                black_box(i.to_string());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("floor");
    g.bench_function("bech32_checksum", |b| {
        b.iter(|| {
            for s in &set {
                black_box(CheckedHrpstring::new::<Bolt11Bech32>(black_box(s)).unwrap());
            }
        })
    });
    let secp = Secp256k1::verification_only();
    let sigs: Vec<(Message, RecoverableSignature)> = ours
        .iter()
        .map(|i| {
            let id = lightning_bolt11::secp256k1::ecdsa::RecoveryId::from_i32(i32::from(i.recovery_id())).unwrap();
            let sig = RecoverableSignature::from_compact(&i.signature(), id).unwrap();
            (Message::from_digest(i.signature_hash()), sig)
        })
        .collect();
    g.bench_function("recover", |b| {
        b.iter(|| {
            for (m, s) in &sigs {
                black_box(secp.recover_ecdsa(black_box(m), black_box(s)).unwrap());
            }
        })
    });
    g.finish();
}

fn sign(c: &mut Criterion) {
    let secp = Secp256k1::new();
    let key = SecretKey::from_slice(&SPEC_KEY).unwrap();
    let keypair = Keypair::from_secret_key(&secp, &key);
    let description = "Please consider supporting this project";
    let builder = || {
        InvoiceBuilder::new(Network::Bitcoin)
            .timestamp(1_496_314_658)
            .payment_secret([0x11; 32])
            .payment_hash(black_box([1; 32]))
            .description(description)
    };
    let mut g = c.benchmark_group("sign");
    // The README's path: a secret key, the global context.
    g.bench_function("ours", |b| b.iter(|| builder().sign(black_box(&key)).unwrap()));
    // For signers that hold their key pair: the payee is known without recovery.
    g.bench_function("ours_keypair", |b| b.iter(|| builder().sign_with_keypair(&secp, &keypair).unwrap()));
    g.bench_function("lightning_invoice", |b| {
        b.iter(|| {
            lightning_invoice::InvoiceBuilder::new(Currency::Bitcoin)
                .duration_since_epoch(Duration::from_secs(1_496_314_658))
                .payment_secret(PaymentSecret([0x11; 32]))
                .payment_hash(sha256::Hash::from_byte_array(black_box([1; 32])))
                .description(description.to_owned())
                .min_final_cltv_expiry_delta(18)
                .build_signed(|m| secp.sign_ecdsa_recoverable(m, &key))
                .unwrap()
        })
    });
    g.finish();
    let mut g = c.benchmark_group("floor");
    let msg = Message::from_digest([7; 32]);
    g.bench_function("sign", |b| b.iter(|| secp.sign_ecdsa_recoverable(black_box(&msg), &key)));
    g.finish();
}

/// The worst case for the accessors that walk the fields: a 7089-character invoice of ~1,750
/// repeated `x` fields, which lenient mode keeps. Signature bytes are zero: parsing does not
/// check them.
fn repeated_expiry_invoice() -> String {
    use bech32::{Fe32, Fe32IterExt, Hrp};
    let field = |words: &mut Vec<u8>, tag: u8, data: &[u8]| {
        words.extend([tag, (data.len() >> 5) as u8, (data.len() & 31) as u8]);
        words.extend_from_slice(data);
    };
    let mut words = vec![1u8; 7];
    field(&mut words, 1, &[0; 52]);
    field(&mut words, 16, &[0; 52]);
    field(&mut words, 13, &[]);
    while "lnbc1".len() + words.len() + 4 + 104 + 6 <= 7089 {
        field(&mut words, 6, &[1]);
    }
    words.extend([0u8; 104]);
    let hrp = Hrp::parse("lnbc").unwrap();
    words.into_iter().map(|w| Fe32::try_from(w).unwrap()).with_checksum::<Bolt11Bech32>(&hrp).chars().collect()
}

/// Issue 11, item 3: listing the kept fields of the worst case stays a small multiple of
/// parsing it (it was about 300 times, a search per repeated `x`).
fn adversarial(c: &mut Criterion) {
    let s = repeated_expiry_invoice();
    let lenient = DecodeOptions::new().lenient();
    let view = InvoiceRef::parse_with(&s, &lenient).unwrap();
    eprintln!("adversarial: {} characters, {} kept fields", s.len(), view.unknown_field_count());
    let mut g = c.benchmark_group("adversarial");
    g.bench_function("parse_lenient", |b| b.iter(|| InvoiceRef::parse_with(black_box(&s), &lenient).unwrap()));
    g.bench_function("unknown_fields", |b| b.iter(|| black_box(&view).unknown_fields().count()));
    // Issue 19, item 1: text in the base58 alphabet, as long as the longest invoice, bare and as
    // a `bitcoin:` address. Base58 decoding is quadratic; what cannot be an address is no longer
    // decoded as one, so reading it stays a small multiple of parsing an invoice of its length.
    let base58 = "1".to_owned() + &"z".repeat(s.len() - 1);
    let uri = format!("bitcoin:{base58}?amount=1");
    g.bench_function("input_base58_bare", |b| {
        b.iter(|| lightning_bolt11::input::PaymentInput::parse(black_box(&base58)).unwrap_err())
    });
    g.bench_function("input_base58_uri", |b| {
        b.iter(|| lightning_bolt11::input::PaymentInput::parse(black_box(&uri)).unwrap_err())
    });
    g.finish();
}

/// Issue 14: a batch on one thread and on every core, verified and not; and one recovery per
/// invoice, the floor of verified decoding.
fn batch(c: &mut Criterion) {
    use lightning_bolt11::batch;
    use std::num::NonZeroUsize;
    let set = inputs();
    let lines: Vec<&str> = set.iter().map(String::as_str).cycle().take(1024).collect();
    let cores = std::thread::available_parallelism().unwrap();
    let one = NonZeroUsize::new(1).unwrap();
    let opts = DecodeOptions::new();
    eprintln!("batch: {} invoices, {} cores", lines.len(), cores);
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(lines.len() as u64));
    for (name, threads) in [("verified_1", one), ("verified_all", cores)] {
        g.bench_function(name, |b| b.iter(|| batch::decode_all(black_box(&lines), &opts, threads)));
    }
    for (name, threads) in [("unverified_1", one), ("unverified_all", cores)] {
        g.bench_function(name, |b| {
            b.iter(|| batch::map(black_box(&lines), threads, |s| InvoiceRef::parse(s).map(|v| v.payment_hash())))
        });
    }
    let secp = Secp256k1::verification_only();
    let sigs: Vec<(Message, RecoverableSignature)> = lines
        .iter()
        .map(|s| {
            let i = InvoiceRef::parse(s).unwrap();
            let id = lightning_bolt11::secp256k1::ecdsa::RecoveryId::from_i32(i32::from(i.recovery_id())).unwrap();
            (Message::from_digest(i.signature_hash()), RecoverableSignature::from_compact(&i.signature(), id).unwrap())
        })
        .collect();
    g.bench_function("recover_each", |b| {
        b.iter(|| {
            for (m, s) in &sigs {
                black_box(secp.recover_ecdsa(m, s).unwrap());
            }
        })
    });
    g.finish();
}

/// Parse time per character at several lengths: the cost should be linear.
fn scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("scaling_parse");
    for len in [300usize, 1000, 3000, 7089] {
        let s = invoice_of_length(len);
        g.throughput(Throughput::Bytes(len as u64));
        g.bench_with_input(BenchmarkId::new("ours", len), &s, |b, s| {
            b.iter(|| InvoiceRef::parse(black_box(s)).unwrap())
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = decode, sign, scaling, adversarial, batch
}
criterion_main!(benches);
