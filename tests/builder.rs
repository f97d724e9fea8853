//! The builder's limits, both sides of each: it cannot produce an invalid invoice.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::*;

fn base() -> InvoiceBuilder {
    InvoiceBuilder::new(Network::Bitcoin).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]).description("x")
}

fn hop() -> RouteHop {
    RouteHop {
        src_node_id: [2; 33],
        short_channel_id: ShortChannelId(1),
        fee_base_msat: 1,
        fee_proportional_millionths: 1,
        cltv_expiry_delta: 1,
    }
}

#[test]
fn required_fields_are_typed_errors() {
    let key = spec_key();
    let b = || InvoiceBuilder::new(Network::Bitcoin).timestamp(1);
    assert_eq!(b().payment_secret([2; 32]).description("x").sign(&key).unwrap_err(), BuildError::MissingPaymentHash);
    assert_eq!(b().payment_hash([1; 32]).description("x").sign(&key).unwrap_err(), BuildError::MissingPaymentSecret);
    assert_eq!(
        b().payment_hash([1; 32]).payment_secret([2; 32]).sign(&key).unwrap_err(),
        BuildError::MissingDescription
    );
    assert_eq!(base().description_hash([3; 32]).sign(&key).unwrap_err(), BuildError::DescriptionAndHash);
}

#[test]
fn single_fields_cannot_repeat_and_multi_fields_can() {
    let key = spec_key();
    assert_eq!(base().payment_hash([9; 32]).sign(&key).unwrap_err(), BuildError::Duplicate { tag: 'p' });
    assert_eq!(base().expiry(1).expiry(2).sign(&key).unwrap_err(), BuildError::Duplicate { tag: 'x' });
    let fb = Fallback::new(17, &[7; 20]).unwrap();
    let inv = base().fallback(fb).fallback(fb).route_hint(&[hop()]).route_hint(&[hop()]).sign(&key).unwrap();
    assert_eq!((inv.fallbacks().count(), inv.route_hints().count()), (2, 2));
}

#[test]
fn amount_bounds() {
    let key = spec_key();
    assert_eq!(base().amount_msat(0).sign(&key).unwrap_err(), BuildError::InvalidAmount);
    assert_eq!(base().amount_msat(1).sign(&key).unwrap().as_str(), base().amount_msat(1).sign(&key).unwrap().as_str());
    assert!(base().amount_msat(1).sign(&key).unwrap().as_str().starts_with("lnbc10p1"));
    assert_eq!(base().amount_msat(MAX_AMOUNT_MSAT).sign(&key).unwrap().amount_msat(), Some(MAX_AMOUNT_MSAT));
    assert_eq!(base().amount_msat(MAX_AMOUNT_MSAT + 1).sign(&key).unwrap_err(), BuildError::InvalidAmount);
}

#[test]
fn timestamp_bounds() {
    let key = spec_key();
    assert_eq!(MAX_TIMESTAMP, (1 << 35) - 1);
    assert_eq!(base().timestamp(MAX_TIMESTAMP).sign(&key).unwrap().timestamp(), MAX_TIMESTAMP);
    assert_eq!(base().timestamp(MAX_TIMESTAMP + 1).sign(&key).unwrap_err(), BuildError::TimestampTooLarge);
}

#[test]
fn route_hint_bounds() {
    let key = spec_key();
    assert_eq!(MAX_ROUTE_HOPS, 12);
    assert_eq!(base().route_hint(&[hop(); 12]).sign(&key).unwrap().route_hints().next().unwrap().len(), 12);
    assert_eq!(
        base().route_hint(&[hop(); 13]).sign(&key).unwrap_err(),
        BuildError::InvalidRouteHint { len: 13, max: 12 }
    );
    assert_eq!(base().route_hint(&[]).sign(&key).unwrap_err(), BuildError::InvalidRouteHint { len: 0, max: 12 });
}

#[test]
fn feature_bit_bounds() {
    let key = spec_key();
    // 1023 words of 5 bits: bits 0 to 5114.
    assert_eq!(MAX_FEATURE_BIT, 5114);
    let inv = base().features(&[8, 14, 5113]).sign(&key).unwrap();
    assert!(inv.features().is_set(5113));
    assert_eq!(base().features(&[5115]).sign(&key).unwrap_err(), BuildError::FeatureBitTooLarge { bit: 5115 });
    // 5114 fits, but is an unknown required bit.
    assert_eq!(base().features(&[5114]).sign(&key).unwrap_err(), BuildError::UnknownRequiredFeature { bit: 5114 });
}

#[test]
fn field_length_bounds() {
    let key = spec_key();
    let d = "x".repeat(MAX_FIELD_BYTES);
    let b = || InvoiceBuilder::new(Network::Bitcoin).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]);
    assert_eq!(b().description(&d).sign(&key).unwrap().description(), Some(d.as_str()));
    assert_eq!(
        b().description(&format!("{d}x")).sign(&key).unwrap_err(),
        BuildError::FieldTooLong { tag: 'd', len: 640, max: 639 }
    );
    assert_eq!(base().payment_metadata(&[1; 639]).sign(&key).unwrap().payment_metadata().map(<[u8]>::len), Some(639));
    assert_eq!(
        base().payment_metadata(&[1; 640]).sign(&key).unwrap_err(),
        BuildError::FieldTooLong { tag: 'm', len: 640, max: 639 }
    );
}

#[test]
fn total_length_bound() {
    let key = spec_key();
    let mut b = base();
    for _ in 0..7 {
        b = b.route_hint(&[hop(); 12]);
    }
    assert!(matches!(b.sign(&key).unwrap_err(), BuildError::TooLong { max: 7089, .. }));
}

#[test]
fn external_signer_is_checked() {
    use lightning_bolt11::secp256k1::{Message, Secp256k1, SecretKey};
    let secp = Secp256k1::new();
    let key = spec_key();
    let other = SecretKey::from_slice(&[7; 32]).unwrap();
    let payee = key.public_key(&secp);
    // An HSM that signs with the right key.
    let inv =
        base().sign_with(&secp, payee, |h| Ok(secp.sign_ecdsa_recoverable(&Message::from_digest(*h), &key))).unwrap();
    assert_eq!(inv.payee(), payee);
    assert_eq!(inv, base().sign(&key).unwrap());
    // One that signs with another key, or fails.
    let wrong = base().sign_with(&secp, payee, |h| Ok(secp.sign_ecdsa_recoverable(&Message::from_digest(*h), &other)));
    assert_eq!(wrong.unwrap_err(), BuildError::BadSignature);
    assert_eq!(
        base().sign_with(&secp, payee, |_| Err("device locked")).unwrap_err(),
        BuildError::Signer("device locked")
    );
    // The hash it is shown is the one the invoice signs.
    let shown = base().signature_hash().unwrap();
    assert_eq!(base().sign(&key).unwrap().signature_hash(), shown);
}

#[test]
fn total_length_exactly_at_the_limit_and_one_over() {
    // Grow a description until the invoice is exactly 7089 characters: then one more byte in
    // the description is refused with the length it would have had.
    let key = spec_key();
    let with = |n: usize, x: Option<u64>| {
        let mut b = InvoiceBuilder::new(Network::Bitcoin).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]);
        b = b.description(&"x".repeat(n));
        if let Some(x) = x {
            b = b.expiry(x);
        }
        for _ in 0..6 {
            b = b.route_hint(&[hop(); 12]);
        }
        b.sign(&key)
    };
    let mut found = None;
    'search: for x in [None, Some(1), Some(32)] {
        for n in 0..=MAX_FIELD_BYTES {
            match with(n, x) {
                Ok(inv) if inv.as_str().len() == MAX_INVOICE_LENGTH => {
                    found = Some((n, x));
                    break 'search;
                }
                Err(_) => break,
                _ => {}
            }
        }
    }
    let (n, x) = found.expect("a 7089-character invoice");
    assert_eq!(Invoice::decode(with(n, x).unwrap().as_str()).unwrap().as_str().len(), 7089);
    // The error names the length the invoice would have had: one byte more of description is
    // one or two more characters.
    let words = |bytes: usize| (bytes * 8).div_ceil(5);
    let len = MAX_INVOICE_LENGTH + words(n + 1) - words(n);
    assert_eq!(with(n + 1, x).unwrap_err(), BuildError::TooLong { len, max: 7089 });
}

#[test]
fn timestamp_defaults_to_now() {
    let before = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let inv = InvoiceBuilder::new(Network::Bitcoin)
        .payment_hash([1; 32])
        .payment_secret([2; 32])
        .description("x")
        .sign(&spec_key())
        .unwrap();
    let after = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    assert!((before..=after).contains(&inv.timestamp()));
    // H-1 by the system clock: fresh with the default hour, expired once the hour has passed.
    assert!(!inv.is_expired_now());
    let old = base().timestamp(before - 3601).sign(&spec_key()).unwrap();
    assert!(old.is_expired_now());
}

#[test]
fn fallback_scripts_of_every_length_are_whole() {
    // The longest script: a version-16 witness program of 40 bytes (OP_16, a 40-byte push).
    let long = Fallback::new(16, &[7; 40]).unwrap();
    let mut buf = [0; lightning_bolt11::MAX_SCRIPT_LEN];
    let script = long.script_pubkey(&mut buf);
    assert_eq!(script.len(), 42);
    // The buffer callers are told to allocate is exactly that long, not a guess above it.
    assert_eq!(lightning_bolt11::MAX_SCRIPT_LEN, script.len());
    assert_eq!(script[..2], [0x60, 40]);
    assert!(script[2..].iter().all(|&b| b == 7));
    // The shortest: a version-1 program of 2 bytes.
    let short = Fallback::new(1, &[1, 2]).unwrap();
    assert_eq!(short.script_pubkey(&mut buf), [0x51, 2, 1, 2]);
}

#[test]
fn an_empty_description_is_kept_and_empty() {
    let inv = InvoiceBuilder::new(Network::Bitcoin)
        .timestamp(1)
        .payment_hash([1; 32])
        .payment_secret([2; 32])
        .description("")
        .sign(&spec_key())
        .unwrap();
    assert_eq!(inv.description(), Some(""));
    let text = inv.to_string();
    let d = InvoiceRef::parse(&text).unwrap().description().unwrap();
    assert!(d.is_empty());
    assert_eq!(d.bytes().count(), 0);
}
