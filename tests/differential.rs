//! The documented deviations from lightning-invoice 0.34 that the differential fuzz target
//! allows (fuzz/src/targets.rs `Deviation`), each pinned: what we do, and what it does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::str::FromStr;

use bitcoin_hashes::Hash as _;
use common::*;
use lightning_bolt11::*;
use lightning_invoice::{Bolt11Invoice, SignedRawBolt11Invoice};

fn lenient(s: &str) -> Result<Invoice, DecodeError> {
    Invoice::decode_with(s, &DecodeOptions::new().lenient())
}

fn features_8_14() -> Vec<u8> {
    field('9', &[16, 8, 0])
}

#[test]
fn both_agree_on_every_strictly_valid_spec_example() {
    for v in strictly_valid() {
        let s = v["invoice"].as_str().unwrap();
        let ours = Invoice::decode(s).unwrap();
        let theirs = Bolt11Invoice::from_str(s).unwrap();
        assert_eq!(ours.payee(), theirs.get_payee_pub_key());
        assert_eq!(ours.amount_msat(), theirs.amount_milli_satoshis());
        assert_eq!(ours.signature_hash(), *SignedRawBolt11Invoice::from_str(s).unwrap().signable_hash());
    }
}

#[test]
fn reserialised_hash_non_minimal_expiry() {
    // rust-lightning issue 3693: a non-minimal `x` is re-serialised minimally, so lightning-
    // invoice hashes other bytes than were signed. We hash the words received (J-7).
    let s = with_fields(&[field('x', &[0, 1]), features_8_14()]);
    assert!(matches!(Invoice::decode(&s), Err(DecodeError::Field(FieldError::NonMinimal { tag: 'x', .. }))));
    let ours = lenient(&s).unwrap();
    assert_eq!(ours.payee().to_string(), SPEC_PAYEE);
    let raw = SignedRawBolt11Invoice::from_str(&s).unwrap();
    assert_ne!(*raw.signable_hash(), ours.signature_hash());
    // So it recovers someone else, or fails.
    if let Ok(theirs) = Bolt11Invoice::from_str(&s) {
        assert_ne!(theirs.get_payee_pub_key(), ours.payee());
    }
}

#[test]
fn reserialised_hash_description_in_one_word_too_many() {
    // Issue 11, item 1: "coffee" in 11 words. lightning-invoice re-encodes it in 10 and so
    // recovers another key: one string, two payees. Strict refuses it; lenient, like lnd, takes
    // the words received and recovers the signer.
    let mut d = to_words(b"coffee");
    d.push(0);
    let fields =
        vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), field('d', &d), features_8_14()];
    let s = raw_invoice("lnbc", 1_700_000_000, &fields, &spec_key());
    assert!(matches!(
        Invoice::decode(&s),
        Err(DecodeError::Field(FieldError::NonCanonicalLength { tag: 'd', len: 11, bytes: 6, .. }))
    ));
    let ours = lenient(&s).unwrap();
    assert_eq!(ours.payee().to_string(), SPEC_PAYEE);
    let theirs = Bolt11Invoice::from_str(&s).unwrap();
    assert_ne!(theirs.get_payee_pub_key(), ours.payee());
}

#[test]
fn features_field_required_by_lightning_invoice() {
    // BOLT-11 makes `9` optional; lightning-invoice requires it, with payment_secret set.
    let s = with_fields(&[]);
    assert!(Invoice::decode(&s).unwrap().features().is_empty());
    assert!(Bolt11Invoice::from_str(&s).is_err());
    let s = with_fields(&[features_8_14()]);
    assert!(Bolt11Invoice::from_str(&s).is_ok());
    // option_attribution_data (36) is a BOLT 9 invoice feature; lightning-invoice 0.34 does not
    // know it as required.
    let bits = [8usize, 14, 36];
    let words: Vec<u8> =
        (0..8).rev().map(|i| bits.iter().filter(|&&b| b / 5 == i).fold(0u8, |w, &b| w | 1 << (b % 5))).collect();
    let s = with_fields(&[field('9', &words)]);
    assert!(Invoice::decode(&s).unwrap().features().requires(36));
    assert!(Bolt11Invoice::from_str(&s).is_err());
}

#[test]
fn amounts_over_21m_btc() {
    // J-3: we refuse more bitcoin than can exist, and overflow is never "no amount".
    let s = raw_invoice("lnbc21000001", 1, &[base_fields(), vec![features_8_14()]].concat(), &spec_key());
    assert_eq!(lenient(&s).unwrap_err(), DecodeError::Hrp(HrpError::AmountTooLarge { position: 4 }));
    let theirs = Bolt11Invoice::from_str(&s);
    // Its pico-BTC value (2.1e19) overflows a u64, and it then reports "no amount": a payer
    // would be asked to choose the amount of an invoice that named one.
    assert!(theirs.is_ok_and(|i| i.amount_milli_satoshis().is_none()));
}

#[test]
fn duplicate_identical_payment_hash() {
    // J-2: an identical second `p` fails in both policies, as in lightning-invoice (this was a
    // deviation while lenient mode took it as harmless).
    let s = with_fields(&[field('p', &to_words(&[1; 32])), features_8_14()]);
    for r in [lenient(&s), Invoice::decode(&s)] {
        assert!(matches!(r, Err(DecodeError::Field(FieldError::Duplicate { tag: 'p', .. }))));
    }
    assert!(Bolt11Invoice::from_str(&s).is_err());
}

#[test]
fn wrong_length_payee_field() {
    // strict fails a 52-word `n`; lenient skips it (as lightning-invoice does).
    let s = with_fields(&[field('n', &[0; 52]), features_8_14()]);
    assert!(matches!(Invoice::decode(&s), Err(DecodeError::Field(FieldError::WrongLength { tag: 'n', .. }))));
    let ours = lenient(&s).unwrap();
    let theirs = Bolt11Invoice::from_str(&s).unwrap();
    assert_eq!(ours.payee(), theirs.get_payee_pub_key());
    assert!(!ours.has_payee_field());
}

#[test]
fn missing_payment_secret() {
    // lenient accepts a missing `s` (older invoices); strict and lightning-invoice refuse it.
    let fields = vec![field('p', &to_words(&[1; 32])), field('d', &to_words(b"x")), features_8_14()];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    assert_eq!(lenient(&s).unwrap().payment_secret().map(|s| s.0), None);
    assert_eq!(Invoice::decode(&s).unwrap_err(), DecodeError::Field(FieldError::MissingPaymentSecret));
    assert!(Bolt11Invoice::from_str(&s).is_err());
}

#[test]
fn route_hint_node_id_that_is_not_a_key() {
    // BOLT-11 states no rule; we keep the 33 bytes (the hop cannot be used), lightning-invoice
    // refuses the whole invoice.
    let mut hop = vec![0xffu8; 51];
    hop[0] = 2;
    let s = with_fields(&[field('r', &to_words(&hop)), features_8_14()]);
    let ours = Invoice::decode(&s).unwrap();
    let hint = ours.route_hints().next().unwrap().hops().next().unwrap();
    assert_eq!(hint.src_node_id[1], 0xff);
    assert!(lightning_bolt11::secp256k1::PublicKey::from_slice(&hint.src_node_id).is_err());
    assert!(Bolt11Invoice::from_str(&s).is_err());
}

#[test]
fn empty_route_hint() {
    // J-4: strict refuses an empty `r`; lenient skips it and keeps it; lightning-invoice reads
    // it as a route with no hops.
    let s = with_fields(&[field('r', &[]), features_8_14()]);
    assert!(matches!(Invoice::decode(&s), Err(DecodeError::Field(FieldError::EmptyRoute { .. }))));
    let ours = lenient(&s).unwrap();
    assert_eq!((ours.route_hints().count(), ours.unknown_fields().count()), (0, 1));
    let theirs = Bolt11Invoice::from_str(&s).unwrap();
    assert_eq!(theirs.private_routes().len(), 1);
    assert_eq!(theirs.payment_hash().to_byte_array(), ours.payment_hash());
}

#[test]
fn both_hash_the_same_bytes_whatever_the_bit_alignment_of_the_signed_part() {
    // The signed words are padded with zero bits to a byte boundary only when they do not end
    // on one (a cargo-mutants survivor: `bits >= 0` added a zero byte to byte-aligned data, and
    // only an outside implementation notices). Descriptions of 0..8 bytes and expiries of one
    // to three words give every length modulo 8 of the signed words.
    let key = spec_key();
    let mut residues = std::collections::BTreeSet::new();
    for n in 0..8 {
        for expiry in [None, Some(1), Some(32), Some(1024)] {
            let mut b = InvoiceBuilder::new(Network::Bitcoin)
                .timestamp(1_496_314_658)
                .payment_hash([1; 32])
                .payment_secret([2; 32])
                .description(&"a".repeat(n));
            if let Some(x) = expiry {
                b = b.expiry(x);
            }
            let ours = b.sign(&key).unwrap();
            let s = ours.to_string();
            let signed_words = s.len() - "lnbc1".len() - 104 - 6;
            residues.insert(signed_words % 8);
            let theirs = SignedRawBolt11Invoice::from_str(&s).unwrap();
            assert_eq!(ours.signature_hash(), *theirs.signable_hash(), "{n}-byte description, expiry {expiry:?}");
            assert_eq!(Bolt11Invoice::from_str(&s).unwrap().get_payee_pub_key(), ours.payee());
        }
    }
    assert_eq!(residues.len(), 8);
}
