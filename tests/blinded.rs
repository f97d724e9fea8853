//! Issue 22: blinded payment paths (`b`, bLIP-39, J-9) read exactly, written byte for byte,
//! and the profiles that read the invoices that carry them. Every invoice here is made and
//! signed by the test, but for two written by others (`test-vectors/blinded-invoices.json`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::secp256k1::{PublicKey, SecretKey};
use lightning_bolt11::*;
use serde_json::Value;

fn point(n: u8) -> [u8; 33] {
    PublicKey::from_secret_key(&secp(), &SecretKey::from_slice(&[n; 32]).unwrap()).serialize()
}

const INFO: BlindedPayInfo = BlindedPayInfo {
    fee_base_msat: 1_000,
    fee_proportional_millionths: 250,
    cltv_expiry_delta: 144,
    htlc_minimum_msat: 1_000,
    htlc_maximum_msat: 500_000_000,
};

/// A path of `hops` hops, hop `i` with `data_len(i)` bytes of encrypted data.
fn path_with(info: BlindedPayInfo, features: &[u8], hops: usize, data_len: impl Fn(usize) -> usize) -> BlindedPath {
    let data: Vec<Vec<u8>> = (0..hops).map(|i| vec![i as u8 + 0xa0; data_len(i)]).collect();
    let hops: Vec<BlindedHop<'_>> = data
        .iter()
        .enumerate()
        .map(|(i, d)| BlindedHop { blinded_node_id: point(10 + i as u8), encrypted_data: d })
        .collect();
    BlindedPath::new(info, features, point(9), &hops).unwrap()
}

fn path(hops: usize) -> BlindedPath {
    path_with(INFO, &[], hops, |_| 44)
}

/// A blinded invoice as lnd writes one: no `s`, no `r`; the builder sets bit 262.
fn builder(paths: &[BlindedPath]) -> InvoiceBuilder {
    let mut b = InvoiceBuilder::new(Network::Bitcoin)
        .amount_msat(100_000)
        .timestamp(1_727_894_222)
        .payment_hash([7; 32])
        .description("blinded")
        .expiry(86_400);
    for p in paths {
        b = b.blinded_path(p);
    }
    b
}

fn blinded(s: &str) -> Result<Invoice, DecodeError> {
    Invoice::decode_with(s, &DecodeOptions::new().blinded())
}

fn with_policy(s: &str, policy: Policy) -> Result<Invoice, DecodeError> {
    Invoice::decode_with(s, &DecodeOptions::new().policy(policy))
}

/// The same invoice, built again from what decoding it gives: byte for byte the same string.
fn rebuilt(inv: &Invoice) -> String {
    let mut b = InvoiceBuilder::new(inv.network())
        .amount_msat(inv.amount_msat().unwrap())
        .timestamp(inv.timestamp())
        .payment_hash(inv.payment_hash())
        .description(inv.description().unwrap())
        .expiry(inv.expiry());
    if let Some(secret) = inv.payment_secret() {
        b = b.payment_secret(secret);
    }
    for p in inv.blinded_paths() {
        b = b.blinded_path(&p);
    }
    b.features_exact(&inv.features().iter().collect::<Vec<_>>()).sign(&spec_key()).unwrap().to_string()
}

#[test]
fn one_path_is_read_field_for_field_and_rewritten_byte_for_byte() {
    let p = path(3);
    let inv = builder(std::slice::from_ref(&p)).sign(&spec_key()).unwrap();
    let s = inv.to_string();
    let decoded = blinded(&s).unwrap();
    assert_eq!(decoded.payment_secret().map(|s| s.0), None);
    assert_eq!(decoded.features().iter().collect::<Vec<_>>(), [8, 14, 262]);
    let paths: Vec<BlindedPath> = decoded.blinded_paths().collect();
    assert_eq!(paths, std::slice::from_ref(&p));
    let got = &paths[0];
    assert_eq!(got.pay_info(), INFO);
    assert_eq!(got.features(), &[] as &[u8]);
    assert_eq!(got.first_ephemeral_blinding_point(), point(9));
    assert_eq!(got.introduction_node(), point(10));
    let hops: Vec<BlindedHop<'_>> = got.hops().collect();
    assert_eq!(hops.len(), 3);
    for (i, h) in hops.iter().enumerate() {
        assert_eq!(h.blinded_node_id, point(10 + i as u8));
        assert_eq!(h.encrypted_data, &[i as u8 + 0xa0; 44][..]);
        assert!(h.blinded_node_pubkey().is_some());
    }
    assert_eq!(decoded.unknown_fields().count(), 0);
    // Re-encoding is the string received; building it again from the decoded values, too.
    assert_eq!(decoded.to_string(), s);
    assert_eq!(rebuilt(&decoded), s);
    assert_eq!(InvoiceRef::parse_with(&s, &DecodeOptions::new().blinded()).unwrap().blinded_path_count(), 1);
}

#[test]
fn several_paths_keep_their_order() {
    let paths = [path(1), path_with(INFO, &[], 2, |_| 10), path(3)];
    let s = builder(&paths).sign(&spec_key()).unwrap().to_string();
    let decoded = blinded(&s).unwrap();
    assert_eq!(decoded.blinded_paths().collect::<Vec<_>>(), paths);
    assert_eq!(rebuilt(&decoded), s);
}

#[test]
fn seven_hops_fit_in_one_field() {
    // bLIP-39's estimate: 68 bytes of path and 7 hops of 78 bytes (44 of data) fill a field.
    let p = path(7);
    assert_eq!(p.as_bytes().len(), 62 + 7 * (33 + 1 + 44));
    let s = builder(std::slice::from_ref(&p)).sign(&spec_key()).unwrap().to_string();
    assert_eq!(blinded(&s).unwrap().blinded_paths().next().unwrap().hops().len(), 7);
    // An eighth such hop does not fit.
    let err = BlindedPath::new(
        INFO,
        &[],
        point(9),
        &vec![BlindedHop { blinded_node_id: point(3), encrypted_data: &[0; 44] }; 8],
    );
    assert_eq!(err, Err(BlindedPathError::TooLong { len: 62 + 8 * 78, max: 639 }));
}

#[test]
fn path_features_are_kept_as_written() {
    let p = path_with(INFO, &[0x02, 0x00, 0x01], 2, |_| 5);
    assert_eq!(p.features(), &[0x02, 0x00, 0x01]);
    let s = builder(std::slice::from_ref(&p)).sign(&spec_key()).unwrap().to_string();
    let got = blinded(&s).unwrap().blinded_paths().next().unwrap();
    assert_eq!(got.features(), &[0x02, 0x00, 0x01]);
    assert_eq!(got.first_ephemeral_blinding_point(), point(9));
    assert_eq!(got, p);
}

#[test]
fn big_size_lengths_at_0_252_and_253() {
    for len in [0usize, 252, 253] {
        let p = path_with(INFO, &[], 1, |_| len);
        // One byte of length up to 252, three (0xfd and a u16) from 253.
        let size_bytes = if len < 253 { 1 } else { 3 };
        assert_eq!(p.as_bytes().len(), 62 + 33 + size_bytes + len, "{len}");
        let s = builder(&[p]).sign(&spec_key()).unwrap().to_string();
        let got = blinded(&s).unwrap().blinded_paths().next().unwrap();
        assert_eq!(got.hops().next().unwrap().encrypted_data.len(), len);
    }
}

#[test]
fn htlc_maximum_at_u64_max_is_exact_everywhere() {
    let info = BlindedPayInfo { htlc_maximum_msat: u64::MAX, htlc_minimum_msat: 0, ..INFO };
    let s = builder(&[path_with(info, &[], 1, |_| 1)]).sign(&spec_key()).unwrap().to_string();
    let inv = blinded(&s).unwrap();
    assert_eq!(inv.blinded_paths().next().unwrap().htlc_maximum_msat(), u64::MAX);
    let view = InvoiceRef::parse_with(&s, &DecodeOptions::new().blinded()).unwrap();
    let json = serde_json::to_value(summary::Summary::new(&view, Some(inv.payee()))).unwrap();
    let p = &json["blinded_paths"][0];
    // Above 2^53 - 1, integers are strings, so JavaScript never rounds them.
    assert_eq!(p["htlc_maximum_msat"], "18446744073709551615");
    assert_eq!(p["htlc_minimum_msat"], 0);
    assert_eq!(p["fee_base_msat"], 1_000);
    assert_eq!(p["fee_proportional_millionths"], 250);
    assert_eq!(p["cltv_expiry_delta"], 144);
    assert_eq!(p["features"], "");
    assert_eq!(p["first_ephemeral_blinding_point"], hex(point(9)));
    assert_eq!(p["hops"][0]["blinded_node_id"], hex(point(10)));
    assert_eq!(p["hops"][0]["encrypted_data"], "a0");
    assert!(json.get("extra").is_none());
}

#[test]
fn strict_refuses_a_blinded_invoice_without_s_and_names_the_profile_that_reads_it() {
    let s = builder(&[path(2)]).sign(&spec_key()).unwrap().to_string();
    let e = Invoice::decode(&s).unwrap_err();
    assert_eq!(e, DecodeError::Field(FieldError::BlindedWithoutSecret));
    assert_eq!(e.kind(), "blinded_without_payment_secret");
    let message = e.to_string();
    assert!(message.contains("bLIP-39") && message.contains("blinded profile"), "{message}");
    // Legacy reads invoices without `s`, lenient reads everything lnd does; both see the paths.
    for policy in [Policy::Blinded, Policy::Legacy, Policy::Lenient] {
        let inv = with_policy(&s, policy).unwrap();
        assert_eq!(inv.blinded_paths().count(), 1, "{policy}");
        assert_eq!(inv.policy(), policy);
    }
}

#[test]
fn the_blinded_profile_needs_a_path_and_the_feature_and_is_otherwise_strict() {
    // No `s` and no path: not a blinded invoice.
    let plain = raw_invoice("lnbc", 1, &[field('p', &to_words(&[1; 32])), field('d', &to_words(b"x"))], &spec_key());
    assert_eq!(blinded(&plain).unwrap_err(), DecodeError::Field(FieldError::MissingPaymentSecret));
    assert!(with_policy(&plain, Policy::Legacy).is_ok());
    // A path but neither 262 nor 263.
    let p = path(1);
    let fields = |features: &[usize]| {
        let mut f =
            vec![field('p', &to_words(&[1; 32])), field('d', &to_words(b"x")), field('5', &to_words(p.as_bytes()))];
        if !features.is_empty() {
            f.push(field('9', &to_words_features(features)));
        }
        raw_invoice("lnbc", 1, &f, &spec_key())
    };
    assert_eq!(blinded(&fields(&[8, 14])).unwrap_err(), DecodeError::Field(FieldError::BlindedWithoutFeature));
    assert_eq!(blinded(&fields(&[])).unwrap_err(), DecodeError::Field(FieldError::BlindedWithoutFeature));
    // Optional (263) or required (262) both say it.
    assert!(blinded(&fields(&[8, 263])).is_ok());
    assert!(blinded(&fields(&[8, 262])).is_ok());
    // Otherwise strict: a non-minimal `x` still fails.
    let mut f = vec![field('p', &to_words(&[1; 32])), field('d', &to_words(b"x")), field('5', &to_words(p.as_bytes()))];
    f.push(field('9', &to_words_features(&[262])));
    f.push(field('x', &[0, 1]));
    let s = raw_invoice("lnbc", 1, &f, &spec_key());
    assert!(matches!(blinded(&s), Err(DecodeError::Field(FieldError::NonMinimal { tag: 'x', .. }))));
    assert!(with_policy(&s, Policy::Lenient).is_ok());
}

#[test]
fn a_path_together_with_s_is_read_by_every_profile() {
    // bLIP-39 says a writer leaves `s` out; lnd reads both, and so does every profile here.
    let p = path(2);
    let inv = builder(std::slice::from_ref(&p)).payment_secret([3; 32]).sign(&spec_key()).unwrap();
    let s = inv.to_string();
    for policy in Policy::ALL {
        let got = with_policy(&s, policy).unwrap();
        assert_eq!(got.payment_secret().map(|s| s.0), Some([3; 32]), "{policy}");
        assert_eq!(got.blinded_paths().collect::<Vec<_>>(), std::slice::from_ref(&p), "{policy}");
    }
}

#[test]
fn a_path_together_with_route_hints_fails_in_every_profile() {
    let hop = RouteHop {
        src_node_id: point(4),
        short_channel_id: ShortChannelId(1),
        fee_base_msat: 1,
        fee_proportional_millionths: 1,
        cltv_expiry_delta: 40,
    };
    assert_eq!(
        builder(&[path(1)]).route_hint(&[hop]).sign(&spec_key()).unwrap_err(),
        BuildError::BlindedPathWithRouteHint
    );
    let mut fields = base_fields();
    fields.push(field('5', &to_words(path(1).as_bytes())));
    fields.push(field('r', &to_words(&hop.to_bytes())));
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    for policy in Policy::ALL {
        assert_eq!(with_policy(&s, policy).unwrap_err(), DecodeError::Field(FieldError::BlindedPathWithRouteHint));
    }
    // Even a malformed `b`, which lenient mode would otherwise skip.
    let mut fields = base_fields();
    fields.push(field('5', &to_words(&[1, 2, 3])));
    fields.push(field('r', &to_words(&hop.to_bytes())));
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    assert_eq!(with_policy(&s, Policy::Lenient).unwrap_err(), DecodeError::Field(FieldError::BlindedPathWithRouteHint));
}

/// An invoice with `s` and one `b` field (type 20, written `5`) of the words given: strict reads it as BOLT-11.
fn with_b_words(words: &[u8]) -> String {
    let mut fields = base_fields();
    fields.push(field('5', words));
    raw_invoice("lnbc", 1, &fields, &spec_key())
}

fn with_b(bytes: &[u8]) -> String {
    with_b_words(&to_words(bytes))
}

/// The `b` field follows `p`, `s`, `d`: its tag is at character 132.
const B_AT: usize = 132;

#[test]
fn each_malformed_path_is_refused_with_the_fields_position_and_kept_when_lenient() {
    let good = path_with(INFO, &[0xaa], 2, |i| [3, 5][i]);
    let bytes = good.as_bytes().to_vec();
    // Offsets: 28 bytes of parameters and feature length, 1 feature byte, the 33-byte blinding
    // point at 29, the hop count at 62, hop 0's id at 63, its length at 96, its data 97..100,
    // hop 1's id at 100, length 133, data 134..139.
    assert_eq!(bytes.len(), 139);
    let with = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut b = bytes.clone();
        f(&mut b);
        b
    };
    let mut not_a_point = [0u8; 33];
    not_a_point[0] = 0x02;
    not_a_point[32] = 0x05; // x = 5: no point on the curve has it
    let cases: Vec<(&str, Vec<u8>, BlindedPathError)> = vec![
        ("empty", vec![], BlindedPathError::Empty),
        ("path cut short in its parameters", bytes[..20].to_vec(), BlindedPathError::PathTruncated),
        ("path cut short in its blinding point", bytes[..40].to_vec(), BlindedPathError::PathTruncated),
        ("path cut short before its hop count", bytes[..62].to_vec(), BlindedPathError::PathTruncated),
        (
            "no hops",
            with(&|b| b.truncate(63)).iter().enumerate().map(|(i, &x)| if i == 62 { 0 } else { x }).collect(),
            BlindedPathError::NoHops,
        ),
        ("hop cut short in its id", bytes[..80].to_vec(), BlindedPathError::HopTruncated { hop: 0 }),
        ("hop cut short before its length", bytes[..96].to_vec(), BlindedPathError::HopTruncated { hop: 0 }),
        (
            "more hops than the data holds",
            with(&|b| b[62] = 3),
            BlindedPathError::MissingHops { declared: 3, found: 2 },
        ),
        (
            "blinding point off the curve",
            with(&|b| b[29..62].copy_from_slice(&not_a_point)),
            BlindedPathError::InvalidPoint { hop: None },
        ),
        (
            "hop id off the curve",
            with(&|b| b[100..133].copy_from_slice(&not_a_point)),
            BlindedPathError::InvalidPoint { hop: Some(1) },
        ),
        (
            "non-canonical BigSize",
            with(&|b| {
                b.splice(96..97, [0xfd, 0x00, 0x03]);
            }),
            BlindedPathError::NonCanonicalLength { hop: 0 },
        ),
        (
            "data longer than the field",
            with(&|b| b[133] = 6),
            BlindedPathError::DataTooLong { hop: 1, len: 6, available: 5 },
        ),
        ("trailing bytes", with(&|b| b.extend_from_slice(&[0, 0])), BlindedPathError::TrailingBytes { len: 2 }),
        ("hop data cut short", bytes[..138].to_vec(), BlindedPathError::DataTooLong { hop: 1, len: 5, available: 4 }),
    ];
    for (what, b, want) in cases {
        assert_eq!(BlindedPath::from_bytes(&b).unwrap_err(), want, "{what}");
        let s = with_b(&b);
        let e = FieldError::InvalidBlindedPath { position: B_AT, error: want };
        for policy in [Policy::Strict, Policy::Blinded, Policy::Legacy] {
            assert_eq!(with_policy(&s, policy).unwrap_err(), DecodeError::Field(e.clone()), "{what}, {policy}");
        }
        assert_eq!(DecodeError::Field(e).kind(), "invalid_blinded_path");
        // Lenient: skipped and kept, never guessed at.
        let inv = with_policy(&s, Policy::Lenient).unwrap();
        assert_eq!(inv.blinded_paths().count(), 0, "{what}");
        assert_eq!(inv.unknown_fields().map(|f| f.tag_char()).collect::<Vec<_>>(), ['5'], "{what}");
        assert_eq!(inv.to_string(), s);
    }
    // The good path itself reads in every profile (it has `s`).
    assert_eq!(Invoice::decode(&with_b(&bytes)).unwrap().blinded_paths().collect::<Vec<_>>(), [good]);
}

#[test]
fn non_zero_and_over_long_padding_are_refused_when_strict() {
    let bytes = path_with(INFO, &[], 1, |_| 43).as_bytes().to_vec();
    let words = to_words(&bytes);
    assert!(bytes.len() * 8 % 5 != 0, "the path must leave padding bits");
    let mut nonzero = words.clone();
    *nonzero.last_mut().unwrap() |= 1;
    let s = with_b_words(&nonzero);
    assert_eq!(
        Invoice::decode(&s).unwrap_err(),
        DecodeError::Field(FieldError::NonZeroPadding { tag: '5', position: B_AT })
    );
    assert_eq!(with_policy(&s, Policy::Lenient).unwrap().blinded_paths().count(), 1);
    // A spare zero word after 3 padding bits makes 8: a whole trailing byte, so no longer one
    // path (lenient keeps it unread).
    let mut long = words.clone();
    long.push(0);
    let s = with_b_words(&long);
    let e = FieldError::InvalidBlindedPath { position: B_AT, error: BlindedPathError::TrailingBytes { len: 1 } };
    assert_eq!(Invoice::decode(&s).unwrap_err(), DecodeError::Field(e));
    assert_eq!(with_policy(&s, Policy::Lenient).unwrap().blinded_paths().count(), 0);
    // After 1 padding bit it makes 6, no whole byte: the same path in more words than it needs.
    let two = path(2);
    assert_eq!(two.as_bytes().len() * 8 % 5, 4);
    let mut long = to_words(two.as_bytes());
    long.push(0);
    let s = with_b_words(&long);
    let e = FieldError::NonCanonicalLength { tag: '5', position: B_AT, len: long.len(), bytes: two.as_bytes().len() };
    assert_eq!(Invoice::decode(&s).unwrap_err(), DecodeError::Field(e));
    assert_eq!(with_policy(&s, Policy::Lenient).unwrap().blinded_paths().collect::<Vec<_>>(), [two]);
}

#[test]
fn the_builder_writes_what_readers_need() {
    // Exact features without 262 or 263, and no `s`: refused (readers that skip `b` would try
    // to pay without the paths).
    assert_eq!(
        builder(&[path(1)]).features_exact(&[8, 14]).sign(&spec_key()).unwrap_err(),
        BuildError::BlindedWithoutFeature
    );
    // Naming 263 chooses it instead of 262.
    let inv = builder(&[path(1)]).features(&[263]).sign(&spec_key()).unwrap();
    assert_eq!(inv.features().iter().collect::<Vec<_>>(), [8, 14, 263]);
    // A `b` written raw is refused: it has its own method, which checks it.
    assert_eq!(
        builder(&[]).payment_secret([1; 32]).raw_field(20, &[0]).sign(&spec_key()).unwrap_err(),
        BuildError::RawFieldDefined { tag: '5' }
    );
    // Without a path, `s` is still required.
    assert_eq!(builder(&[]).sign(&spec_key()).unwrap_err(), BuildError::MissingPaymentSecret);
}

#[test]
fn profiles_have_names() {
    for p in Policy::ALL {
        assert_eq!(p.name().parse::<Policy>(), Ok(p));
        assert_eq!(p.to_string(), p.name());
    }
    assert_eq!("BLINDED".parse::<Policy>(), Ok(Policy::Blinded));
    assert!("zap".parse::<Policy>().is_err());
    assert_eq!(DecodeOptions::new().legacy().get_policy(), Policy::Legacy);
}

fn others() -> Vec<Value> {
    let text = include_str!("../test-vectors/blinded-invoices.json");
    serde_json::from_str::<Value>(text).unwrap()["invoices"].as_array().unwrap().clone()
}

/// The paths of an invoice against what its source says of them.
fn assert_paths(inv: &Invoice, v: &Value) {
    let want = v["paths"].as_array().unwrap();
    let got: Vec<BlindedPath> = inv.blinded_paths().collect();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(u64::from(g.fee_base_msat()), w["base_fee_msat"].as_u64().unwrap());
        assert_eq!(u64::from(g.fee_proportional_millionths()), w["proportional_fee_rate"].as_u64().unwrap());
        assert_eq!(u64::from(g.cltv_expiry_delta()), w["total_cltv_delta"].as_u64().unwrap());
        assert_eq!(g.htlc_minimum_msat(), w["htlc_min_msat"].as_u64().unwrap());
        assert_eq!(g.htlc_maximum_msat(), w["htlc_max_msat"].as_u64().unwrap());
        assert_eq!(hex(g.first_ephemeral_blinding_point()), w["blinding_point"]);
        assert_eq!(hex(g.introduction_node()), w["introduction_node"]);
        assert_eq!(g.hops().len() as u64, w["hops"].as_u64().unwrap());
        assert_eq!(hex(g.hops().last().unwrap().encrypted_data), w["last_encrypted_data"]);
    }
    assert_eq!(hex(inv.payment_hash()), v["payment_hash"]);
    assert_eq!(inv.payee().to_string(), v["destination"]);
    assert_eq!(inv.amount_msat(), v["num_msat"].as_u64());
    assert_eq!(
        inv.features().iter().map(|b| b as u64).collect::<Vec<_>>(),
        v["feature_bits"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap()).collect::<Vec<_>>()
    );
    assert_eq!(inv.unknown_fields().count(), 0);
}

#[test]
fn lnds_own_blinded_invoice_reads_as_lncli_decodes_it() {
    let v = &others()[0];
    let s = v["invoice"].as_str().unwrap();
    let inv = blinded(s).unwrap();
    assert_paths(&inv, v);
    assert_eq!(inv.to_string(), s);
    assert_eq!(Invoice::decode(s).unwrap_err(), DecodeError::Field(FieldError::BlindedWithoutSecret));
    assert_paths(&with_policy(s, Policy::Lenient).unwrap(), v);
}

#[test]
fn the_blip_test_vector_reads_where_it_may() {
    // It sets no feature bits at all, so the blinded profile refuses it (bLIP-39 asks for bit
    // 262 or 263); the legacy and lenient profiles read its paths.
    let v = &others()[1];
    let s = v["invoice"].as_str().unwrap();
    assert_eq!(blinded(s).unwrap_err(), DecodeError::Field(FieldError::BlindedWithoutFeature));
    for policy in [Policy::Legacy, Policy::Lenient] {
        assert_paths(&with_policy(s, policy).unwrap(), v);
    }
}
