//! The builder's limits, both sides of each: it cannot produce an invalid invoice.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::str::FromStr;

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
    let inv = base().features(&[5113]).sign(&key).unwrap();
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
    let secp = &secp;
    let hsm =
        |k: SecretKey| move |h: &[u8; 32]| Ok::<_, ()>(secp.sign_ecdsa_recoverable(&Message::from_digest(*h), &k));
    // An HSM that signs with the right key.
    let inv = base().sign_with(secp, payee, hsm(key)).unwrap();
    assert_eq!(inv.payee(), payee);
    assert_eq!(inv, base().sign(&key).unwrap());
    // One that signs with another key.
    let wrong = base().sign_with(secp, payee, hsm(other));
    assert_eq!(wrong.unwrap_err(), SignOrBuildError::Build(BuildError::BadSignature));
    // The hash it is shown is the one the invoice signs.
    let shown = base().signature_hash().unwrap();
    assert_eq!(base().sign(&key).unwrap().signature_hash(), shown);
}

/// A signer's own error, passed through unchanged (issue 11, item 6).
#[derive(Debug, PartialEq, Eq)]
enum DeviceError {
    Locked { retries: u8 },
}

impl std::fmt::Display for DeviceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

#[test]
fn the_signers_own_error_type_comes_back() {
    let secp = lightning_bolt11::secp256k1::Secp256k1::new();
    let payee = spec_key().public_key(&secp);
    let e = base().sign_with(&secp, payee, |_| Err(DeviceError::Locked { retries: 2 })).unwrap_err();
    assert_eq!(e, SignOrBuildError::Sign(DeviceError::Locked { retries: 2 }));
    assert_eq!(e.to_string(), "the signer failed: Locked { retries: 2 }");
    // A build error comes first, before the device is asked.
    let e = InvoiceBuilder::new(Network::Bitcoin).sign_with(&secp, payee, |_| -> Result<_, DeviceError> {
        panic!("the signer is not asked for an invoice that cannot be built")
    });
    assert_eq!(e.unwrap_err(), SignOrBuildError::Build(BuildError::MissingPaymentHash));
}

#[test]
fn a_high_s_signature_from_a_signer_is_made_low_s() {
    // Issue 11, item 4: with an `n` field, readers refuse high S. The signer's (r, n - s)
    // with the recovery id's parity flipped recovers the same key; the builder returns the
    // low-S form, which every reader accepts.
    use lightning_bolt11::secp256k1::ecdsa::{RecoverableSignature, RecoveryId};
    use lightning_bolt11::secp256k1::{Message, Secp256k1};
    let secp = &Secp256k1::new();
    let key = spec_key();
    let payee = key.public_key(secp);
    let high_s = |flip: bool| {
        move |h: &[u8; 32]| {
            let (id, rs) = secp.sign_ecdsa_recoverable(&Message::from_digest(*h), &key).serialize_compact();
            let mut high = rs;
            high[32..].copy_from_slice(&negate_mod_n(&rs[32..]));
            let id = RecoveryId::from_i32(id.to_i32() ^ i32::from(flip)).unwrap();
            Ok::<_, ()>(RecoverableSignature::from_compact(&high, id).unwrap())
        }
    };
    let low = base().payee_pubkey(payee).sign(&key).unwrap();
    let made = base().payee_pubkey(payee).sign_with(secp, payee, high_s(true)).unwrap();
    assert_eq!(made, low);
    let decoded = Invoice::decode(made.as_str()).unwrap();
    assert_eq!(decoded.payee(), payee);
    assert!(lightning_invoice::Bolt11Invoice::from_str(made.as_str()).is_ok());
    // The same without `n`.
    assert_eq!(base().sign_with(secp, payee, high_s(true)).unwrap(), base().sign(&key).unwrap());
    // High S with the id unflipped recovers another key: refused, not returned.
    let bad = base().payee_pubkey(payee).sign_with(secp, payee, high_s(false)).unwrap_err();
    assert_eq!(bad, SignOrBuildError::Build(BuildError::BadSignature));
}

#[test]
fn an_n_field_of_another_key_is_refused() {
    let other = lightning_bolt11::secp256k1::SecretKey::from_slice(&[7; 32]).unwrap();
    let other = other.public_key(&secp());
    assert_eq!(base().payee_pubkey(other).sign(&spec_key()).unwrap_err(), BuildError::BadSignature);
}

#[test]
fn signed_invoices_name_the_signer_on_every_path() {
    // Issue 14: `sign` leaves the public key to be recovered when asked for; the key pair and
    // external paths know it. Every path gives the signer's key, clones too.
    use lightning_bolt11::secp256k1::{Keypair, Message};
    let secp = secp();
    let key = spec_key();
    let payee = key.public_key(&secp);
    let signed = base().sign(&key).unwrap();
    let copy = signed.clone();
    assert_eq!(signed.payee(), payee);
    assert_eq!(signed.clone().payee(), payee);
    assert_eq!(copy.payee(), payee);
    let keypair = base().sign_with_keypair(&secp, &Keypair::from_secret_key(&secp, &key)).unwrap();
    let external = base()
        .sign_with(&secp, payee, |h| Ok::<_, ()>(secp.sign_ecdsa_recoverable(&Message::from_digest(*h), &key)))
        .unwrap();
    let with_n = base().payee_pubkey(payee).sign(&key).unwrap();
    for inv in [&signed, &keypair, &external, &with_n] {
        assert_eq!(inv.payee(), payee);
        assert_eq!(Invoice::decode(inv.as_str()).unwrap().payee(), payee);
    }
    assert_eq!(with_n.payee_pub_key(), Some(payee));
    assert_eq!(signed.payee_pub_key(), None);
    // Threads may ask at once.
    let fresh = base().sign(&key).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| assert_eq!(fresh.payee(), payee));
        }
    });
}

#[test]
fn features_are_added_to_the_defaults() {
    // Issue 11, item 5: defaults are added to, not replaced; dependencies and the metadata bit
    // are set for the caller; lightning-invoice accepts what comes out.
    let key = spec_key();
    let bits = |b: InvoiceBuilder| {
        let inv = b.sign(&key).unwrap();
        assert!(lightning_invoice::Bolt11Invoice::from_str(inv.as_str()).is_ok(), "{inv}");
        inv.features().iter().collect::<Vec<_>>()
    };
    assert_eq!(bits(base()), [8, 14]);
    assert_eq!(bits(base().features(&[])), [8, 14]);
    assert_eq!(bits(base().features(&[17])), [8, 14, 17]);
    assert_eq!(bits(base().features(&[16]).features(&[25])), [8, 14, 16, 25]);
    // Naming either bit of a feature chooses it.
    assert_eq!(bits(base().features(&[9])), [9, 14]);
    assert_eq!(bits(base().features(&[15])), [8, 15]);
    // Payment metadata sets option_payment_metadata, optional unless the caller says required.
    assert_eq!(bits(base().payment_metadata(&[1])), [8, 14, 49]);
    assert_eq!(bits(base().payment_metadata(&[1]).features(&[48])), [8, 14, 48]);
    // BOLT 9: not both bits of one feature.
    assert_eq!(base().features(&[8, 9]).sign(&key).unwrap_err(), BuildError::BothFeatureBits { bit: 8 });
}

#[test]
fn exact_features_are_written_as_given() {
    let key = spec_key();
    let written = |b: InvoiceBuilder| {
        let inv = b.sign(&key).unwrap();
        let has_field = inv.as_view().fields().any(|f| f.tag == tag::FEATURES);
        (inv.features().iter().collect::<Vec<_>>(), has_field)
    };
    // W-22: no bits, no `9` field at all (never an empty one).
    assert_eq!(written(base().features_exact(&[])), (vec![], false));
    assert_eq!(written(base().features(&[16]).features_exact(&[8])), (vec![8], true));
    assert_eq!(written(base().features_exact(&[8, 9, 14])), (vec![8, 9, 14], true));
    // Still refused: what every reader refuses (R-5, G-2).
    assert_eq!(
        base().features_exact(&[8, 17]).sign(&key).unwrap_err(),
        BuildError::MissingFeatureDependency { bit: 16, requires: 14 }
    );
    assert_eq!(base().features_exact(&[100]).sign(&key).unwrap_err(), BuildError::UnknownRequiredFeature { bit: 100 });
}

#[test]
fn the_features_field_goes_where_it_was_first_set() {
    let key = spec_key();
    let tags = |inv: &Invoice| inv.as_view().fields().map(|f| f.tag_char()).collect::<String>();
    assert_eq!(tags(&base().sign(&key).unwrap()), "psd9");
    assert_eq!(tags(&base().features(&[]).expiry(5).sign(&key).unwrap()), "psd9x");
}

#[test]
fn raw_fields_carry_what_readers_skip() {
    // Issue 12: fields of types BOLT-11 does not define, and fallbacks of versions readers
    // skip, for experiments. (lnd's blinded paths, type 20, now have their own method.)
    let key = spec_key();
    let inv = base().raw_field_bytes(21, &[0xab; 40]).raw_field(9, &[19, 1, 2]).raw_field(10, &[]).sign(&key).unwrap();
    let kept: Vec<(char, Vec<u8>)> = inv.unknown_fields().map(|f| (f.tag_char(), f.data.iter().collect())).collect();
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[0].0, tag_char(21));
    assert_eq!(inv.unknown_fields().next().unwrap().data.bytes().collect::<Vec<_>>(), [0xab; 40]);
    assert_eq!(kept[1], ('f', vec![19, 1, 2]));
    assert_eq!(kept[2], ('2', vec![]));
    assert_eq!(Invoice::decode(inv.as_str()).unwrap(), inv);
    // Defined fields have their own methods; words are 5 bits; a field holds 1023 words.
    assert_eq!(base().raw_field(1, &[0; 52]).sign(&key).unwrap_err(), BuildError::RawFieldDefined { tag: 'p' });
    assert_eq!(base().raw_field(9, &[0; 33]).sign(&key).unwrap_err(), BuildError::RawFieldDefined { tag: 'f' });
    assert_eq!(base().raw_field(2, &[32]).sign(&key).unwrap_err(), BuildError::InvalidRawField { tag: 2 });
    assert_eq!(tag_char(10), '2');
    assert_eq!(base().raw_field(32, &[]).sign(&key).unwrap_err(), BuildError::InvalidRawField { tag: 32 });
    assert!(base().raw_field(2, &[0; 1023]).sign(&key).is_ok());
    assert_eq!(base().raw_field(2, &[0; 1024]).sign(&key).unwrap_err(), BuildError::InvalidRawField { tag: 2 });
    assert_eq!(base().raw_field_bytes(2, &[0; 640]).sign(&key).unwrap_err(), BuildError::InvalidRawField { tag: 2 });
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
    assert!(!inv.is_expired());
    assert!(inv.duration_until_expiry() > std::time::Duration::from_secs(3590));
    let old = base().timestamp(before - 3601).sign(&spec_key()).unwrap();
    assert!(old.is_expired());
    assert_eq!(old.duration_until_expiry(), std::time::Duration::ZERO);
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

#[test]
fn a_cltv_delta_readers_refuse_is_refused() {
    // J-8: readers refuse a `c` above 2^32 - 1, so the builder does too.
    let key = spec_key();
    assert_eq!(
        base().min_final_cltv_expiry_delta(1 << 32).sign(&key).unwrap_err(),
        BuildError::CltvTooLarge { delta: 1 << 32 }
    );
    let max = u64::from(u32::MAX);
    assert_eq!(base().min_final_cltv_expiry_delta(max).sign(&key).unwrap().min_final_cltv_expiry_delta(), max);
}

#[test]
fn the_last_mile_helpers() {
    // Issue 19, item 12: amounts in sats (rounded up, what a whole-sat payer must send), the
    // preimage check, hashes that print as hex, features by name, and rule IDs kept off the
    // messages people read.
    let key = spec_key();
    let preimage = [0x5a; 32];
    let inv = InvoiceBuilder::new(Network::Bitcoin)
        .payment_hash(payment_hash_of(&preimage))
        .payment_secret([2; 32])
        .description("x")
        .amount_msat(1_001)
        .features(&[17])
        .sign(&key);
    let inv = match inv {
        Ok(inv) => inv,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(inv.amount_sats(), Some(2));
    assert!(inv.is_paid_by(&preimage) && !inv.is_paid_by(&[0; 32]));
    use bitcoin_hashes::Hash as _;
    assert_eq!(inv.payment_hash().to_string(), hex(bitcoin_hashes::sha256::Hash::hash(&preimage).to_byte_array()));
    assert_eq!(
        inv.features().to_string(),
        "var_onion_optin (8, required), payment_secret (14, required), basic_mpp (17, optional)"
    );
    let e = Invoice::decode("lnbc1").unwrap_err();
    assert_eq!((e.rule(), e.kind()), (Some("J-6"), "too_short"));
    let e = DecodeError::from(FieldError::MissingPaymentSecret);
    assert_eq!((e.rule(), e.position()), (Some("R-11"), None));
    let e = Invoice::decode("lnbc1\u{202e}").unwrap_err();
    assert_eq!((e.kind(), e.position()), ("invalid_char", Some(5)));
    assert!(!e.to_string().contains("R-11"));
    assert_eq!(
        DecodeError::from(HrpError::WrongNetwork { expected: Network::Bitcoin, found: Network::Testnet }).rule(),
        None
    );
}

#[test]
fn a_signature_made_elsewhere_is_attached_as_given() {
    // The spec's high-S example, written again from its parts with its own signature: byte
    // for byte, high S kept (sign_with would normalise it; readers recover from either, R-10).
    let v = vector("Public-key recovery with high-S signature");
    let s = v["invoice"].as_str().unwrap();
    let inv = Invoice::decode(s).unwrap();
    let mut sig = [0u8; 65];
    sig[..64].copy_from_slice(&inv.signature());
    sig[64] = inv.recovery_id();
    let again = rebuild(&inv.as_view()).features_exact(&inv.features().iter().collect::<Vec<_>>());
    assert_eq!(again.clone().with_signature(&sig).unwrap().as_str(), s);
    // Another signature's bytes recover no key for these words, or another: either way not
    // this invoice; a garbled recovery id is refused.
    sig[64] = 7;
    assert_eq!(again.with_signature(&sig).unwrap_err(), BuildError::BadSignature);
}

#[test]
fn legacy_invoices_without_a_payment_secret_are_written_only_on_request() {
    // W-2 / R-11: strict refuses; `legacy()` writes what the legacy profile reads, and the
    // unsigned words are those the signature covers.
    let key = lightning_bolt11::secp256k1::SecretKey::from_slice(&[0x11; 32]).unwrap();
    let base = || InvoiceBuilder::new(Network::Bitcoin).timestamp(1_496_314_658).payment_hash([0; 32]).description("x");
    assert_eq!(base().sign(&key).unwrap_err(), BuildError::MissingPaymentSecret);
    let b = base().features_exact(&[]).legacy();
    let (hrp, words) = b.unsigned_words().unwrap();
    assert_eq!(hrp, "lnbc");
    assert_eq!(b.signature_hash().unwrap(), {
        use bitcoin_hashes::{sha256, Hash};
        let mut bytes = hrp.clone().into_bytes();
        let mut acc = (0u32, 0u32);
        for w in &words {
            acc = (acc.0 << 5 | u32::from(*w), acc.1 + 5);
            if acc.1 >= 8 {
                acc.1 -= 8;
                bytes.push((acc.0 >> acc.1) as u8);
                acc.0 &= (1 << acc.1) - 1;
            }
        }
        if acc.1 > 0 {
            bytes.push((acc.0 << (8 - acc.1)) as u8);
        }
        sha256::Hash::hash(&bytes).to_byte_array()
    });
    let inv = b.sign(&key).unwrap();
    assert!(inv.payment_secret().is_none());
    assert!(Invoice::decode(inv.as_str()).is_err());
    assert!(Invoice::decode_with(inv.as_str(), &DecodeOptions::new().legacy()).is_ok());
}
