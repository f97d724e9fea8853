//! Every example of BOLT-11 (test-vectors/bolt11-vectors.json): every stated field of every
//! valid one, the exact error of every invalid one, byte-exact round trips and re-signing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::*;
use serde_json::Value;
use std::str::FromStr;

fn opt_hex32(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// Asserts every field the vector states against a decoded invoice.
fn set_has(bits: &[u64], bit: usize) -> bool {
    bits.contains(&(bit as u64))
}

fn assert_fields(v: &Value, inv: &Invoice) {
    let name = v["name"].as_str().unwrap();
    assert_eq!(inv.network().name(), v["network"].as_str().unwrap(), "{name}");
    assert_eq!(inv.amount_msat(), v["amount_msat"].as_u64(), "{name}");
    assert_eq!(inv.timestamp(), v["timestamp"].as_u64().unwrap(), "{name}");
    assert_eq!(hex(inv.payment_hash()), v["payment_hash"].as_str().unwrap(), "{name}");
    // The 32-byte values display as hex (issue 19, item 12).
    assert_eq!(inv.payment_hash().to_string(), v["payment_hash"].as_str().unwrap(), "{name}");
    assert_eq!(inv.payment_secret().map(hex), opt_hex32(&v["payment_secret"]), "{name}");
    assert_eq!(inv.description(), v["description"].as_str(), "{name}");
    // The borrowed view of the example as written agrees: its case, the policy it was read
    // under, whether `x` was there, and the description through every no-alloc accessor.
    let text = v["invoice"].as_str().unwrap();
    let view = InvoiceRef::parse_with(text, &DecodeOptions::new().lenient()).unwrap();
    assert_eq!(view.is_upper_case(), text == text.to_uppercase(), "{name}");
    assert_eq!(view.policy(), Policy::Lenient, "{name}");
    assert_eq!(view.has_explicit_expiry(), !v["expiry"].is_null(), "{name}");
    if let (Some(d), Some(want)) = (view.description(), v["description"].as_str()) {
        assert_eq!((d.len(), d.is_empty()), (want.len(), want.is_empty()), "{name}");
        let mut buf = [0u8; 639];
        assert_eq!(d.copy_to(&mut buf), Some(want), "{name}");
        assert_eq!(d.to_string(), want, "{name}");
        assert!(d == want && d != *format!("{want}!") && d != *"", "{name}");
        // Same length, one byte different.
        let mut other = want.as_bytes().to_vec();
        other[0] ^= 1;
        assert!(d != *std::str::from_utf8(&other).unwrap(), "{name}");
    }
    assert_eq!(inv.description_hash().map(hex), opt_hex32(&v["description_hash"]), "{name}");
    if let Some(preimage) = v["description_hash_preimage"].as_str() {
        assert!(inv.matches_description(preimage), "{name}: R-7");
        assert!(!inv.matches_description("something else"), "{name}");
    }
    assert_eq!(inv.expiry(), v["expiry"].as_u64().unwrap_or(3600), "{name}");
    assert_eq!(inv.expires_at(), inv.timestamp() + inv.expiry(), "{name}");
    assert_eq!(inv.min_final_cltv_expiry_delta(), v["min_final_cltv_expiry_delta"].as_u64().unwrap_or(18), "{name}");
    let want_fb = v["fallbacks"].as_array().unwrap();
    let got_fb: Vec<Fallback> = inv.fallbacks().collect();
    assert_eq!(got_fb.len(), want_fb.len(), "{name}");
    for (g, w) in got_fb.iter().zip(want_fb) {
        assert_eq!(u64::from(g.version()), w["version"].as_u64().unwrap(), "{name}");
        assert_eq!(hex(g.program()), w["program_hex"].as_str().unwrap(), "{name}");
        assert_eq!(g.kind().name(), w["type"].as_str().unwrap(), "{name}");
        assert_eq!(g.address(inv.network()).to_string(), w["address"].as_str().unwrap(), "{name}");
        // The output script, from the standard templates (BIP-16, BIP-141, BIP-341).
        let program = w["program_hex"].as_str().unwrap();
        let script = match w["type"].as_str().unwrap() {
            "P2PKH" => format!("76a914{program}88ac"),
            "P2SH" => format!("a914{program}87"),
            "P2WPKH" | "P2WSH" => format!("00{:02x}{program}", program.len() / 2),
            "P2TR" => format!("5120{program}"),
            other => panic!("{name}: unexpected fallback type {other}"),
        };
        assert_eq!(hex(g.script_pubkey(&mut [0; lightning_bolt11::MAX_SCRIPT_LEN])), script, "{name}");
    }
    let want_routes = v["route_hints"].as_array().unwrap();
    let got_routes: Vec<Vec<RouteHop>> = inv.route_hints().map(|r| r.hops().collect()).collect();
    for hint in inv.route_hints() {
        // `Hops` is an ExactSizeIterator: its length counts down as hops are read.
        let mut hops = hint.hops();
        for left in (0..hint.len()).rev() {
            assert!(hops.next().is_some(), "{name}");
            assert_eq!(hops.len(), left, "{name}");
        }
        assert_eq!(hops.next(), None, "{name}");
    }
    assert_eq!(got_routes.len(), want_routes.len(), "{name}");
    for (g, w) in got_routes.iter().zip(want_routes) {
        let w = w.as_array().unwrap();
        assert_eq!(g.len(), w.len(), "{name}");
        for (hop, want) in g.iter().zip(w) {
            assert_eq!(hex(hop.src_node_id), want["pubkey"].as_str().unwrap());
            assert_eq!(hop.short_channel_id.to_string(), want["short_channel_id"].as_str().unwrap());
            assert_eq!(format!("{:016x}", hop.short_channel_id.0), want["short_channel_id_hex"].as_str().unwrap());
            assert_eq!(u64::from(hop.fee_base_msat), want["fee_base_msat"].as_u64().unwrap());
            assert_eq!(
                u64::from(hop.fee_proportional_millionths),
                want["fee_proportional_millionths"].as_u64().unwrap()
            );
            assert_eq!(u64::from(hop.cltv_expiry_delta), want["cltv_expiry_delta"].as_u64().unwrap());
        }
    }
    let bits: Vec<u64> = v["features"]["bits"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap()).collect();
    assert_eq!(inv.features().iter().map(|b| b as u64).collect::<Vec<_>>(), bits, "{name}");
    // The per-bit queries agree with the stated bits (BOLT 9: an even bit is required, its odd
    // partner optional; either one means supported).
    let f = inv.features();
    assert_eq!(f.is_empty(), bits.is_empty(), "{name}");
    for bit in 0..=bits.iter().max().map_or(16, |m| *m as usize + 2) {
        let set = |b: usize| set_has(&bits, b);
        assert_eq!(f.is_set(bit), set(bit), "{name}: bit {bit}");
        assert_eq!(f.requires(bit), set(bit & !1), "{name}: requires {bit}");
        assert_eq!(f.supports(bit), set(bit & !1) || set(bit | 1), "{name}: supports {bit}");
    }
    // `named` lists the same bits, required or optional as the example's note says of each.
    let note = v["features"]["note"].as_str().unwrap();
    for entry in f.named() {
        assert!(set_has(&bits, entry.bit), "{name}: {entry:?}");
        let said = note.split(", ").find(|s| s.starts_with(&format!("bit {} =", entry.bit))).unwrap();
        assert_eq!(entry.is_required(), said.contains("(required)"), "{name}: {said}");
        match entry.name {
            Some(n) => assert!(said.contains(&format!("= {n} (")), "{name}: {said}"),
            None => assert!(said.contains("unknown"), "{name}: {said}"),
        }
    }
    assert_eq!(
        inv.payment_metadata().map(hex),
        v["payment_metadata"].as_str().map(|s| s.trim_start_matches("0x").to_owned()),
        "{name}"
    );
    assert_eq!(hex(inv.signature()), v["signature"]["rs_hex"].as_str().unwrap(), "{name}");
    assert_eq!(u64::from(inv.recovery_id()), v["signature"]["recovery_id"].as_u64().unwrap(), "{name}");
    if let Some(h) = v["signing_hash_hex"].as_str() {
        assert_eq!(hex(inv.signature_hash()), h, "{name}: J-7");
    }
    assert_eq!(inv.payee().to_string(), v["payee_pubkey"].as_str().unwrap(), "{name}");
}

#[test]
fn every_valid_example_decodes_with_every_stated_field() {
    let valid = strictly_valid();
    assert_eq!(valid.len(), 15);
    for v in &valid {
        let inv = decode(v["invoice"].as_str().unwrap());
        assert_fields(v, &inv);
        assert_eq!(inv.policy(), Policy::Strict);
    }
}

#[test]
fn every_valid_example_round_trips_byte_for_byte() {
    for v in &strictly_valid() {
        let s = v["invoice"].as_str().unwrap();
        let inv = Invoice::decode_with(s, &DecodeOptions::new().lenient()).unwrap();
        assert_eq!(inv.to_string(), s.to_ascii_lowercase());
        let upper = format!("{inv:#}");
        assert_eq!(upper, s.to_ascii_uppercase());
        assert_eq!(inv.to_upper_string(), upper);
        let view = InvoiceRef::parse_with(s, &DecodeOptions::new().lenient()).unwrap();
        assert_eq!(view.to_string(), s.to_ascii_lowercase());
        assert_eq!(view.as_str(), s);
    }
}

#[test]
fn the_low_s_examples_re_sign_byte_for_byte() {
    let key = spec_key();
    let mut count = 0;
    for v in strictly_valid() {
        if v["derived"]["rfc6979_low_s_signature_reproduces"].as_bool() != Some(true) {
            continue;
        }
        let s = v["invoice"].as_str().unwrap();
        let view = InvoiceRef::parse(s).unwrap();
        let rebuilt = rebuild(&view).sign(&key).unwrap();
        assert_eq!(rebuilt.as_str(), s.to_ascii_lowercase(), "{}", v["name"]);
        count += 1;
    }
    // 14 of the strictly valid ones; the 15th low-S example is the one strict mode rejects.
    assert_eq!(count, 14);
}

#[test]
fn the_ignored_fields_example_is_correctly_signed_and_still_refused() {
    // Refused for what it says (a second `p`), not for its signature: lightning-invoice's raw
    // parser, which applies no field rules, recovers the spec key from it.
    let v = vector("Same, but including fields which must be ignored.");
    let raw = lightning_invoice::SignedRawBolt11Invoice::from_str(v["invoice"].as_str().unwrap()).unwrap();
    assert_eq!(raw.recover_payee_pub_key().unwrap().0.to_string(), SPEC_PAYEE);
}

#[test]
fn upper_case_example_hashes_the_lower_case_prefix() {
    // J-7: the hash covers the lower-cased HRP.
    let v = vector("Same, but all upper case.");
    let s = v["invoice"].as_str().unwrap();
    assert!(s.bytes().all(|c| !c.is_ascii_lowercase()));
    let view = InvoiceRef::parse(s).unwrap();
    assert!(view.is_upper_case());
    assert_eq!(view.hrp(), "LNBC25M");
    assert_eq!(view.verify().unwrap().to_string(), SPEC_PAYEE);
}

#[test]
fn fields_which_must_be_ignored_fails_in_both_policies() {
    // notes 4.1: the spec lists it as valid, but R-2 now fails its wrong-length p/h/s/n, and any
    // second `p` fails in both policies (J-2, lightning/bolts PR 1357, which marks it invalid).
    let v = vector("Same, but including fields which must be ignored.");
    let s = v["invoice"].as_str().unwrap();
    for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
        let err = Invoice::decode_with(s, &opts).unwrap_err();
        assert!(matches!(err, DecodeError::Field(FieldError::Duplicate { tag: 'p', .. })), "{err:?}");
    }
}

#[test]
fn high_s_recovery_example_recovers_the_other_key() {
    // R-10 and notes 4.3: recovery accepts high-S and, with recid 1, yields 02d0139c….
    let v = vector("Public-key recovery with high-S signature");
    let inv = decode(v["invoice"].as_str().unwrap());
    assert_eq!(inv.payee().to_string(), "02d0139ce7427d6dfffd26a326c18be754ef1e64672b42694ba5b23ef6e6e7803d");
    assert!(!inv.has_payee_field());
}

fn strict_err(name: &str) -> DecodeError {
    let v = vector(name);
    assert!(!v["valid"].as_bool().unwrap());
    Invoice::decode(v["invoice"].as_str().unwrap()).unwrap_err()
}

#[test]
fn invalid_unknown_feature_100() {
    // the error names the bit.
    assert_eq!(
        strict_err("Same, but adding invalid unknown feature 100"),
        DecodeError::Field(FieldError::UnknownRequiredFeature { bit: 100 })
    );
    // A caller that knows bit 100 (or 101) accepts it.
    let v = vector("Same, but adding invalid unknown feature 100");
    let inv =
        Invoice::decode_with(v["invoice"].as_str().unwrap(), &DecodeOptions::new().known_features(&[101])).unwrap();
    assert!(inv.features().requires(100));
    // Lenient reports it rather than failing.
    let inv = Invoice::decode_with(v["invoice"].as_str().unwrap(), &DecodeOptions::new().lenient()).unwrap();
    assert_eq!(inv.features().unknown_required(&[]).collect::<Vec<_>>(), vec![100]);
}

#[test]
fn invalid_checksum() {
    //
    assert_eq!(strict_err("Bech32 checksum is invalid."), DecodeError::Bech32(Bech32Error::InvalidChecksum));
}

#[test]
fn invalid_no_separator() {
    //
    assert_eq!(strict_err("Malformed bech32 string (no 1)"), DecodeError::Bech32(Bech32Error::MissingSeparator));
}

#[test]
fn invalid_mixed_case() {
    // "LNBC2500u…": the first lower-case letter is the `u` at position 8.
    assert_eq!(
        strict_err("Malformed bech32 string (mixed case)"),
        DecodeError::Bech32(Bech32Error::MixedCase { position: 8 })
    );
}

#[test]
fn invalid_unrecoverable_signature() {
    // C-3, R-10: recovery id 2 with r + n beyond the field: no key.
    let v = vector("Signature is not recoverable.");
    let s = v["invoice"].as_str().unwrap();
    // It parses: the failure is in the signature alone.
    let view = InvoiceRef::parse(s).unwrap();
    assert_eq!(view.recovery_id(), 2);
    assert_eq!(strict_err("Signature is not recoverable."), DecodeError::Signature(SignatureError::Unrecoverable));
}

#[test]
fn invalid_too_short() {
    // J-6: 103 words, 111 needed.
    assert_eq!(strict_err("String is too short."), DecodeError::Bech32(Bech32Error::TooShort { words: 103, min: 111 }));
}

#[test]
fn invalid_multiplier() {
    // B-8: `lnbc2500x`: the `x` at position 8.
    assert_eq!(
        strict_err("Invalid multiplier"),
        DecodeError::Hrp(HrpError::InvalidMultiplier { position: 8, ch: 'x' })
    );
}

#[test]
fn invalid_sub_millisatoshi() {
    // B-10: the amount starts at position 4.
    assert_eq!(
        strict_err("Invalid sub-millisatoshi precision."),
        DecodeError::Hrp(HrpError::SubMillisatoshi { position: 4 })
    );
}

#[test]
fn invalid_missing_payment_secret() {
    // R-11 (notes 4.5: fields are checked before the borrowed signature is).
    assert_eq!(strict_err("Missing required `s` field."), DecodeError::Field(FieldError::MissingPaymentSecret));
    // Lenient accepts the missing `s`, and then the borrowed signature recovers another key.
    let v = vector("Missing required `s` field.");
    let inv = Invoice::decode_with(v["invoice"].as_str().unwrap(), &DecodeOptions::new().lenient()).unwrap();
    assert_ne!(inv.payee().to_string(), SPEC_PAYEE);
    assert_eq!(inv.payment_secret().map(|s| s.0), None);
}

#[test]
fn invalid_high_s_with_payee_field() {
    // notes 4.4: it also repeats `s`, which fails first in both policies (J-2); the high-S
    // signature alone is refused by `r9_high_s_fails_with_payee_field` in tests/policy.rs.
    let v = vector("Non canonical signature (high-S) with 'n' field defined");
    let s = v["invoice"].as_str().unwrap();
    for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
        assert!(matches!(
            Invoice::decode_with(s, &opts).unwrap_err(),
            DecodeError::Field(FieldError::Duplicate { tag: 's', .. })
        ));
    }
}

#[test]
fn every_invalid_example_is_rejected_in_both_policies() {
    for v in vectors().iter().filter(|v| !v["valid"].as_bool().unwrap()) {
        let s = v["invoice"].as_str().unwrap();
        let name = v["name"].as_str().unwrap();
        assert!(Invoice::decode(s).is_err(), "{name}");
        if name != "Same, but adding invalid unknown feature 100" && name != "Missing required `s` field." {
            assert!(Invoice::decode_with(s, &DecodeOptions::new().lenient()).is_err(), "{name}");
        }
    }
}

#[test]
fn pending_pr_1357_duplicate_payment_hashes() {
    // J-2: two distinct `p`, and the same `p` twice, fail in both policies, as the PR has it.
    for v in pending_vectors() {
        assert_eq!(v["valid"], false);
        for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
            assert!(matches!(
                Invoice::decode_with(v["invoice"].as_str().unwrap(), &opts).unwrap_err(),
                DecodeError::Field(FieldError::Duplicate { tag: 'p', .. })
            ));
        }
    }
}

#[test]
fn signing_data_of_the_examples_matches_the_spec() {
    // C-2: the examples that state the hash agree with ours (checked in assert_fields too).
    let with_hash = vectors().into_iter().filter(|v| v["signing_hash_hex"].is_string()).count();
    assert!(with_hash >= 10);
}
