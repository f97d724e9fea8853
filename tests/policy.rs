//! Every decoding rule in both policies, on invoices made from raw fields (so that they can
//! break the rules the builder enforces). Rule IDs are from the crate's requirements list.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::*;

fn strict(s: &str) -> Result<Invoice, DecodeError> {
    Invoice::decode(s)
}
fn lenient(s: &str) -> Result<Invoice, DecodeError> {
    Invoice::decode_with(s, &DecodeOptions::new().lenient())
}

fn field_err(r: Result<Invoice, DecodeError>) -> FieldError {
    match r {
        Err(DecodeError::Field(e)) => e,
        other => panic!("expected a field error, got {other:?}"),
    }
}

fn unknown_tags(inv: &Invoice) -> Vec<char> {
    inv.unknown_fields().map(|f| f.tag_char()).collect()
}

#[test]
fn base_invoice_is_valid_in_both_policies() {
    let s = with_fields(&[]);
    for inv in [strict(&s).unwrap(), lenient(&s).unwrap()] {
        assert_eq!(inv.description(), Some("test"));
        assert_eq!(inv.payment_hash(), [1; 32]);
        assert_eq!(inv.payment_secret().map(|s| s.0), Some([2; 32]));
        assert_eq!(inv.payee().to_string(), SPEC_PAYEE);
        assert_eq!(inv.to_string(), s);
    }
}

#[test]
fn r2_wrong_length_fixed_fields() {
    // The invoice's only `p`, `s`, `h` or an extra `n`, of the wrong length.
    let p = field('p', &to_words(&[1; 32]));
    let s = field('s', &to_words(&[2; 32]));
    let d = field('d', &to_words(b"test"));
    let cases = [
        ('p', 51, vec![s.clone(), d.clone()]),
        ('p', 53, vec![s.clone(), d.clone()]),
        ('s', 51, vec![p.clone(), d.clone()]),
        ('h', 53, vec![p.clone(), s.clone()]),
        ('n', 52, vec![p.clone(), s.clone(), d.clone()]),
        ('n', 54, vec![p.clone(), s.clone(), d.clone()]),
    ];
    for (tag, words, mut fields) in cases {
        fields.push(field(tag, &vec![0; words]));
        let inv = raw_invoice("lnbc", 1_700_000_000, &fields, &spec_key());
        assert!(
            matches!(field_err(strict(&inv)), FieldError::WrongLength { tag: t, len, .. } if t == tag && len == words),
            "{tag} {words}"
        );
        // Lenient skips it and keeps it for re-encoding: then `p` is missing, `h` leaves no
        // description (R-3, both policies), and `s` or `n` is simply absent.
        match tag {
            'p' => assert_eq!(field_err(lenient(&inv)), FieldError::MissingPaymentHash),
            'h' => assert_eq!(field_err(lenient(&inv)), FieldError::MissingDescription),
            _ => {
                let decoded = lenient(&inv).unwrap();
                assert_eq!(unknown_tags(&decoded), vec![tag]);
                assert_eq!(decoded.to_string(), inv);
            }
        }
    }
}

#[test]
fn j2_any_second_p_s_or_h_fails_in_both_policies_whatever_its_length() {
    // lightning/bolts PR 1357: a reader that skips one and takes another, and a reader that
    // lists both (bolt11 npm), would see two payment hashes. Issue 11, item 2.
    let p = field('p', &to_words(&[1; 32]));
    let s = field('s', &to_words(&[2; 32]));
    let d = field('d', &to_words(b"test"));
    let h = field('h', &to_words(&[3; 32]));
    for (tag, good) in [('p', &p), ('s', &s), ('h', &h)] {
        let others: Vec<Vec<u8>> = [&p, &s, &d, &h]
            .into_iter()
            .filter(|f| *f != good && !(tag == 'h' && **f == d) && !(tag != 'h' && **f == h))
            .cloned()
            .collect();
        let seconds = [field(tag, &[0; 51]), field(tag, &[0; 53]), good.clone(), field(tag, &to_words(&[9; 32]))];
        for second in seconds {
            for order in [[good.clone(), second.clone()], [second.clone(), good.clone()]] {
                let first_is_short_or_long = order[0].len() != good.len();
                let mut fields = others.clone();
                fields.extend(order);
                let inv = raw_invoice("lnbc", 1_700_000_000, &fields, &spec_key());
                assert!(matches!(field_err(lenient(&inv)), FieldError::Duplicate { tag: t, .. } if t == tag), "{tag}");
                // Strict fails at the first wrong field: a wrong length if that comes first.
                match field_err(strict(&inv)) {
                    FieldError::WrongLength { tag: t, .. } => assert!(t == tag && first_is_short_or_long),
                    FieldError::Duplicate { tag: t, .. } => assert!(t == tag && !first_is_short_or_long),
                    other => panic!("{tag}: {other:?}"),
                }
            }
        }
    }
}

#[test]
fn r11_missing_payment_secret() {
    let fields = vec![field('p', &to_words(&[1; 32])), field('d', &to_words(b"x"))];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    assert_eq!(field_err(strict(&s)), FieldError::MissingPaymentSecret);
    assert_eq!(lenient(&s).unwrap().payment_secret().map(|s| s.0), None);
}

#[test]
fn w1_missing_payment_hash_fails_both() {
    let fields = vec![field('s', &to_words(&[2; 32])), field('d', &to_words(b"x"))];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    assert_eq!(field_err(strict(&s)), FieldError::MissingPaymentHash);
    assert_eq!(field_err(lenient(&s)), FieldError::MissingPaymentHash);
}

#[test]
fn r3_description_or_hash_exactly_one() {
    let none = vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32]))];
    let s = raw_invoice("lnbc", 1, &none, &spec_key());
    assert_eq!(field_err(strict(&s)), FieldError::MissingDescription);
    assert_eq!(field_err(lenient(&s)), FieldError::MissingDescription);
    let s = with_fields(&[field('h', &to_words(&[3; 32]))]);
    assert_eq!(field_err(strict(&s)), FieldError::DescriptionAndHash);
    assert_eq!(field_err(lenient(&s)), FieldError::DescriptionAndHash);
}

#[test]
fn j2_duplicates_of_single_fields() {
    let cases: Vec<(char, Vec<u8>, Vec<u8>)> = vec![
        ('x', vec![1], vec![2]),
        ('c', vec![1], vec![2]),
        ('9', to_words_features(&[8]), to_words_features(&[9])),
        ('m', to_words(&[1]), to_words(&[2])),
        ('n', to_words(&secp256k1_pubkey_bytes()), to_words(&secp256k1_pubkey_bytes())),
    ];
    for (tag, first, second) in cases {
        let s = with_fields(&[field(tag, &first), field(tag, &second)]);
        assert!(matches!(field_err(strict(&s)), FieldError::Duplicate { tag: t, .. } if t == tag), "{tag}");
        // Lenient: the first is used; the second is kept.
        let inv = lenient(&s).unwrap();
        assert_eq!(unknown_tags(&inv), vec![tag], "{tag}");
        match tag {
            'x' => assert_eq!(inv.expiry(), 1),
            'c' => assert_eq!(inv.min_final_cltv_expiry_delta(), 1),
            '9' => assert_eq!(inv.features().iter().collect::<Vec<_>>(), vec![8]),
            'm' => assert_eq!(inv.payment_metadata(), Some(&[1u8][..])),
            _ => assert!(inv.has_payee_field()),
        }
        assert_eq!(inv.to_string(), s);
    }
}

fn secp256k1_pubkey_bytes() -> [u8; 33] {
    spec_key().public_key(&secp()).serialize()
}

#[test]
fn j2_distinct_payment_fields_fail_in_both_policies() {
    for (tag, other) in [('p', to_words(&[9; 32])), ('s', to_words(&[9; 32])), ('d', to_words(b"other"))] {
        let s = with_fields(&[field(tag, &other)]);
        assert!(matches!(field_err(strict(&s)), FieldError::Duplicate { tag: t, .. } if t == tag));
        assert!(matches!(field_err(lenient(&s)), FieldError::Duplicate { tag: t, .. } if t == tag));
    }
}

#[test]
fn j2_an_identical_second_description_fails_strict_only() {
    // Two identical `d` say one thing whichever a reader takes; lenient keeps the second.
    let s = with_fields(&[field('d', &to_words(b"test"))]);
    assert!(matches!(field_err(strict(&s)), FieldError::Duplicate { tag: 'd', .. }));
    let inv = lenient(&s).unwrap();
    assert_eq!(unknown_tags(&inv), vec!['d']);
    assert_eq!(inv.description(), Some("test"));
}

#[test]
fn r15_non_minimal_integers() {
    for tag in ['x', 'c', '9'] {
        let s = with_fields(&[field(tag, &[0, 1])]);
        assert!(matches!(field_err(strict(&s)), FieldError::NonMinimal { tag: t, .. } if t == tag), "{tag}");
        // Lenient reads it, and the signature (over the received words, J-7) still verifies.
        let inv = lenient(&s).unwrap();
        assert_eq!(inv.payee().to_string(), SPEC_PAYEE);
        assert_eq!(inv.to_string(), s);
        match tag {
            'x' => assert_eq!(inv.expiry(), 1),
            'c' => assert_eq!(inv.min_final_cltv_expiry_delta(), 1),
            _ => assert_eq!(inv.features().iter().collect::<Vec<_>>(), vec![0]),
        }
    }
}

#[test]
fn integer_field_too_large_fails_both() {
    let s = with_fields(&[field('x', &[31; 13])]);
    assert!(matches!(field_err(strict(&s)), FieldError::ValueTooLarge { tag: 'x', .. }));
    assert!(matches!(field_err(lenient(&s)), FieldError::ValueTooLarge { tag: 'x', .. }));
    // 12 words = 60 bits fit.
    assert_eq!(strict(&with_fields(&[field('x', &[31; 12])])).unwrap().expiry(), (1 << 60) - 1);
}

#[test]
fn r4_r5_r6_feature_bits() {
    // an unknown odd bit is ignored.
    let odd = with_fields(&[field('9', &to_words_features(&[8, 14, 201]))]);
    assert!(strict(&odd).unwrap().features().is_set(201));
    // an unknown even bit fails, naming the bit.
    let even = with_fields(&[field('9', &to_words_features(&[8, 14, 200]))]);
    assert_eq!(field_err(strict(&even)), FieldError::UnknownRequiredFeature { bit: 200 });
    assert_eq!(lenient(&even).unwrap().features().unknown_required(&[]).collect::<Vec<_>>(), vec![200]);
    // ... unless the caller knows it.
    assert!(Invoice::decode_with(&even, &DecodeOptions::new().known_features(&[200])).is_ok());
    // Every BOLT 9 invoice feature is known, as required.
    let known = with_fields(&[field('9', &to_words_features(&[8, 14, 16, 24, 36, 48]))]);
    let inv = strict(&known).unwrap();
    let names: Vec<_> = inv.features().named().map(|f| f.name.unwrap()).collect();
    assert_eq!(
        names,
        [
            "var_onion_optin",
            "payment_secret",
            "basic_mpp",
            "option_route_blinding",
            "option_attribution_data",
            "option_payment_metadata"
        ]
    );
}

#[test]
fn g2_feature_dependencies() {
    let s = with_fields(&[field('9', &to_words_features(&[8, 17]))]);
    assert_eq!(field_err(strict(&s)), FieldError::MissingFeatureDependency { bit: 16, requires: 14 });
    assert!(lenient(&s).is_ok());
    assert!(strict(&with_fields(&[field('9', &to_words_features(&[8, 15, 17]))])).is_ok());
}

#[test]
fn j4_route_hint_lengths() {
    let empty = with_fields(&[field('r', &[])]);
    assert!(matches!(field_err(strict(&empty)), FieldError::EmptyRoute { .. }));
    assert_eq!(unknown_tags(&lenient(&empty).unwrap()), vec!['r']);
    let partial = with_fields(&[field('r', &to_words(&[2; 50]))]);
    assert!(matches!(field_err(strict(&partial)), FieldError::InvalidRouteLength { bytes: 50, .. }));
    assert_eq!(lenient(&partial).unwrap().route_hints().count(), 0);
    let mut two = vec![2u8; 102];
    two[0] = 3;
    let ok = strict(&with_fields(&[field('r', &to_words(&two))])).unwrap();
    let hints: Vec<_> = ok.route_hints().collect();
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].len(), 2);
    assert_eq!(hints[0].hops().next().unwrap().src_node_id[0], 3);
}

#[test]
fn r1_unknown_fallback_version_is_skipped_and_kept() {
    let mut data = vec![19u8];
    data.extend(to_words(&[7; 20]));
    for r in [strict(&with_fields(&[field('f', &data)])), lenient(&with_fields(&[field('f', &data)]))] {
        let inv = r.unwrap();
        assert_eq!(inv.fallbacks().count(), 0);
        assert_eq!(unknown_tags(&inv), vec!['f']);
    }
}

#[test]
fn w17_fallback_program_length() {
    let mut data = vec![0u8];
    data.extend(to_words(&[7; 25]));
    let s = with_fields(&[field('f', &data)]);
    assert!(matches!(field_err(strict(&s)), FieldError::InvalidFallback { version: 0, len: 25, .. }));
    assert_eq!(unknown_tags(&lenient(&s).unwrap()), vec!['f']);
    // Other witness versions take 2 to 40 bytes.
    let mut v5 = vec![5u8];
    v5.extend(to_words(&[7; 40]));
    let inv = strict(&with_fields(&[field('f', &v5)])).unwrap();
    let fb = inv.fallbacks().next().unwrap();
    assert_eq!((fb.version(), fb.kind()), (5, FallbackKind::Witness));
    // Version 5 is written `9`.
    assert!(fb.address(Network::Bitcoin).to_string().starts_with("bc19"));
}

#[test]
fn j1_unknown_tags_are_kept_in_order() {
    let s = with_fields(&[field('q', &[1, 2, 3]), field('l', &[]), field('v', &[31; 5])]);
    for inv in [strict(&s).unwrap(), lenient(&s).unwrap()] {
        let unknown: Vec<_> = inv.unknown_fields().map(|f| (f.tag_char(), f.data.iter().collect::<Vec<_>>())).collect();
        assert_eq!(unknown, vec![('q', vec![1, 2, 3]), ('l', vec![]), ('v', vec![31; 5])]);
        assert_eq!(inv.to_string(), s);
    }
}

#[test]
fn j5_padding_and_utf8() {
    // "test" is 32 bits = 7 words with 3 padding bits; set one.
    let mut d = to_words(b"test");
    *d.last_mut().unwrap() |= 1;
    let fields = vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), field('d', &d)];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    assert!(matches!(field_err(strict(&s)), FieldError::NonZeroPadding { tag: 'd', .. }));
    assert_eq!(lenient(&s).unwrap().description(), Some("test"));
    // W-5: invalid UTF-8 fails in both.
    let fields =
        vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), field('d', &to_words(&[0xff, 0xfe]))];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    assert!(matches!(field_err(strict(&s)), FieldError::InvalidUtf8 { .. }));
    assert!(matches!(field_err(lenient(&s)), FieldError::InvalidUtf8 { .. }));
}

/// A byte field's words plus one zero word: five more padding bits, the same bytes.
fn one_word_too_many(words: &[u8]) -> Vec<u8> {
    let mut w = words.to_vec();
    w.push(0);
    w
}

#[test]
fn w23_byte_fields_in_more_words_than_their_bytes_need_fail_strict() {
    // Issue 11, item 1: "coffee" (6 bytes) in 11 words instead of ceil(48 / 5) = 10. The bytes
    // are the same, but a reader that re-encodes them signs 10 words: another hash.
    let hop = [[2u8; 33].as_slice(), &[0, 0, 1, 0, 0, 2, 0, 3], &[0, 0, 0, 1], &[0, 0, 0, 2], &[0, 40]].concat();
    let mut witness = vec![0u8];
    witness.extend(to_words(&[7; 20]));
    let cases = [
        ('d', one_word_too_many(&to_words(b"coffee")), 6),
        ('m', one_word_too_many(&to_words(&[1, 0xfa, 0xfa, 0xf0, 0, 1])), 6),
        ('r', one_word_too_many(&to_words(&hop)), 51),
        ('f', one_word_too_many(&witness), 20),
    ];
    for (tag, data, bytes) in cases {
        let extra = if tag == 'd' { vec![] } else { vec![field(tag, &data)] };
        let mut fields = vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32]))];
        fields.push(if tag == 'd' { field('d', &data) } else { field('d', &to_words(b"test")) });
        fields.extend(extra);
        let s = raw_invoice("lnbc", 1_700_000_000, &fields, &spec_key());
        let len = if tag == 'f' { data.len() - 1 } else { data.len() };
        assert_eq!(
            field_err(strict(&s)),
            FieldError::NonCanonicalLength { tag, position: last_field_position(&s, data.len()), len, bytes },
            "{tag}"
        );
        // Lenient reads the same bytes and hashes the words received: the signer's key.
        let inv = lenient(&s).unwrap();
        assert_eq!(inv.payee(), spec_key().public_key(&secp()), "{tag}");
        assert_eq!(inv.to_string(), s);
        match tag {
            'd' => assert_eq!(inv.description(), Some("coffee")),
            'm' => assert_eq!(inv.payment_metadata(), Some(&[1, 0xfa, 0xfa, 0xf0, 0, 1][..])),
            'r' => assert_eq!(inv.route_hints().next().unwrap().hops().next().unwrap().to_bytes().to_vec(), hop),
            _ => assert_eq!(inv.fallbacks().next().unwrap().program(), &[7; 20]),
        }
    }
}

/// Where the last field, with `data_len` words of data, starts: before it come its tag and
/// length (3 words); after it, the signature (104) and the checksum (6).
fn last_field_position(s: &str, data_len: usize) -> usize {
    s.len() - 6 - 104 - data_len - 3
}

#[test]
fn b3_j3_amount_leading_zero_and_zero() {
    for (hrp, msat) in [("lnbc01m", 100_000_000u64), ("lnbc0", 0), ("lnbc00p", 0)] {
        let s = raw_invoice(hrp, 1, &base_fields(), &spec_key());
        assert!(
            matches!(
                strict(&s),
                Err(DecodeError::Hrp(HrpError::LeadingZero { position: 4 } | HrpError::ZeroAmount { position: 4 }))
            ),
            "{hrp}"
        );
        assert_eq!(lenient(&s).unwrap().amount_msat(), Some(msat), "{hrp}");
    }
}

#[test]
fn amount_cap_and_overflow_fail_in_both() {
    // Above 2^64 - 1 pico-bitcoin (issue 19, item 2: lightning-invoice reads `lnbc20000000` as
    // "no amount"), up to and beyond the 21 million that can exist, and overflowing u64 msat.
    for hrp in [
        "lnbc20000000",
        "lnbc18446745",
        "lnbc18446744073709551620p",
        "lnbc21000000",
        "lnbc21000001",
        "lnbc99999999999999999999m",
        "lnbc184467440737095516160p",
    ] {
        let s = raw_invoice(hrp, 1, &base_fields(), &spec_key());
        assert_eq!(strict(&s).unwrap_err(), DecodeError::Hrp(HrpError::AmountTooLarge { position: 4 }), "{hrp}");
        assert_eq!(lenient(&s).unwrap_err(), DecodeError::Hrp(HrpError::AmountTooLarge { position: 4 }), "{hrp}");
    }
    let s = raw_invoice("lnbc18446744073709551610p", 1, &base_fields(), &spec_key());
    assert_eq!(strict(&s).unwrap().amount_msat(), Some(MAX_AMOUNT_MSAT));
    assert_eq!(lenient(&s).unwrap().amount_msat(), Some(MAX_AMOUNT_MSAT));
}

/// Signs, then swaps s for n - s and flips the recovery id: the same key recovers.
fn high_s_invoice(fields: &[Vec<u8>]) -> String {
    use lightning_bolt11::secp256k1::{ecdsa::RecoverableSignature, Message};
    raw_invoice_with("lnbc", 1, fields, |hash| {
        let sig: RecoverableSignature = secp().sign_ecdsa_recoverable(&Message::from_digest(hash), &spec_key());
        let (id, rs) = sig.serialize_compact();
        let mut out = [0u8; 65];
        out[..32].copy_from_slice(&rs[..32]);
        out[32..64].copy_from_slice(&negate_mod_n(&rs[32..64]));
        out[64] = (id.to_i32() ^ 1) as u8;
        out
    })
}

#[test]
fn r10_high_s_is_accepted_without_payee_field() {
    let s = high_s_invoice(&base_fields());
    for r in [strict(&s), lenient(&s)] {
        assert_eq!(r.unwrap().payee().to_string(), SPEC_PAYEE);
    }
}

#[test]
fn r9_high_s_fails_with_payee_field() {
    let mut fields = base_fields();
    fields.push(field('n', &to_words(&secp256k1_pubkey_bytes())));
    let s = high_s_invoice(&fields);
    for r in [strict(&s), lenient(&s)] {
        assert_eq!(r.unwrap_err(), DecodeError::Signature(SignatureError::HighS));
    }
    // The low-S original verifies against `n`.
    let inv = strict(&raw_invoice("lnbc", 1, &fields, &spec_key())).unwrap();
    assert!(inv.has_payee_field());
    assert_eq!(inv.payee().to_string(), SPEC_PAYEE);
}

#[test]
fn r8_payee_field_of_another_key_fails() {
    let other = lightning_bolt11::secp256k1::SecretKey::from_slice(&[7; 32]).unwrap().public_key(&secp());
    let s = with_fields(&[field('n', &to_words(&other.serialize()))]);
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Signature(SignatureError::Invalid));
    let mut bad = [0xffu8; 33];
    bad[0] = 2;
    let s = with_fields(&[field('n', &to_words(&bad))]);
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Signature(SignatureError::InvalidPayeeKey));
}

#[test]
fn c2_recovery_id_above_3_fails() {
    let s = raw_invoice_with("lnbc", 1, &base_fields(), |_| {
        let mut sig = [1u8; 65];
        sig[64] = 4;
        sig
    });
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Signature(SignatureError::InvalidRecoveryId { id: 4 }));
    // The view parses it and shows the id.
    assert_eq!(InvoiceRef::parse(&s).unwrap().recovery_id(), 4);
}

#[test]
fn truncated_field_names_its_position() {
    // A `d` claiming 40 words where 3 remain before the signature.
    let mut bad = vec![13u8, 1, 8];
    bad.extend([0u8; 3]);
    let fields = vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), bad];
    let s = raw_invoice("lnbc", 1, &fields, &spec_key());
    // `lnbc1` (0-4), 7 timestamp words, 55 for `p`, 55 for `s`: the `d` tag is at 122.
    assert_eq!(field_err(strict(&s)), FieldError::Truncated { tag: 'd', position: 122 });
}

#[test]
fn field_one_word_into_the_signature_is_truncated() {
    // The data part is fields, then the 104-word signature. A `d` claiming 3 words where 2 remain
    // would take the signature's first word; 2 is the exact fit.
    let make = |claimed: u8| {
        let mut d = vec![13u8, 0, claimed];
        d.extend([0u8; 2]);
        raw_invoice("lnbc", 1, &[field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), d], &spec_key())
    };
    assert_eq!(field_err(strict(&make(3))), FieldError::Truncated { tag: 'd', position: 122 });
    assert_eq!(strict(&make(2)).unwrap().description().unwrap().to_string(), "\0");
}

#[test]
fn input_forms_prefix_whitespace_and_case() {
    let s = with_fields(&[]);
    let want = strict(&s).unwrap();
    for input in [
        format!("lightning:{s}"),
        format!("LIGHTNING:{s}"),
        format!("  \n{s}\t "),
        s.to_ascii_uppercase(),
        format!("lightning:{}", s.to_ascii_uppercase()),
    ] {
        let inv = strict(&input).unwrap();
        assert_eq!(inv, want);
        assert_eq!(inv.to_string(), s);
    }
    // Positions count from the start of what was passed in.
    let bad = format!("  lightning:{}", s.replacen("lnbc1", "lnbc1b", 1));
    assert_eq!(strict(&bad).unwrap_err(), DecodeError::Bech32(Bech32Error::InvalidChar { position: 17, ch: 'b' }));
    let mixed = format!("{}{}", &s[..20], s[20..].to_ascii_uppercase());
    assert_eq!(strict(&mixed).unwrap_err(), DecodeError::Bech32(Bech32Error::MixedCase { position: 20 }));
    assert_eq!(strict("   ").unwrap_err(), DecodeError::Bech32(Bech32Error::Empty));
    assert_eq!(strict("lightning:").unwrap_err(), DecodeError::Bech32(Bech32Error::Empty));
}

#[test]
fn every_network_and_expected_network() {
    for (hrp, net) in [
        ("lnbc", Network::Bitcoin),
        ("lntb", Network::Testnet),
        ("lntbs", Network::Signet),
        ("lnbcrt", Network::Regtest),
        ("lnsb", Network::Simnet),
    ] {
        let s = raw_invoice(&format!("{hrp}10u"), 1, &base_fields(), &spec_key());
        let inv = strict(&s).unwrap();
        assert_eq!((inv.network(), inv.amount_msat()), (net, Some(1_000_000)), "{hrp}");
        assert!(Invoice::decode_with(&s, &DecodeOptions::new().network(net)).is_ok());
        let other = if net == Network::Bitcoin { Network::Testnet } else { Network::Bitcoin };
        assert_eq!(
            Invoice::decode_with(&s, &DecodeOptions::new().network(other)).unwrap_err(),
            DecodeError::Hrp(HrpError::WrongNetwork { expected: other, found: net })
        );
    }
    let s = raw_invoice("lnxy", 1, &base_fields(), &spec_key());
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Hrp(HrpError::UnknownCurrency { position: 2 }));
    let s = raw_invoice("bc", 1, &base_fields(), &spec_key());
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Hrp(HrpError::NotLightning));
}

#[test]
fn maximum_length_exactly_and_one_over() {
    // Fill with unknown fields up to exactly 7089 characters.
    let fixed = with_fields(&[]).len();
    let mut left = MAX_INVOICE_LENGTH - fixed;
    let mut extra = Vec::new();
    while left > 0 {
        let n = (left - 3).min(1023);
        let n = if left - 3 - n > 0 && left - 3 - n < 3 { n - 3 } else { n };
        extra.push(field('v', &vec![0; n]));
        left -= n + 3;
    }
    let s = with_fields(&extra);
    assert_eq!(s.len(), MAX_INVOICE_LENGTH);
    let inv = strict(&s).unwrap();
    assert_eq!(inv.to_string(), s);
    assert_eq!(inv.unknown_fields().count(), extra.len());
    let over = format!("{s}q");
    assert_eq!(strict(&over).unwrap_err(), DecodeError::Bech32(Bech32Error::TooLong { len: 7090, max: 7089 }));
}

#[test]
fn description_check_with_hash() {
    let text = "a description too long to put in the invoice";
    let hash = bitcoin_hashes::sha256::Hash::hash(text.as_bytes()).to_byte_array();
    let fields = vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), field('h', &to_words(&hash))];
    let inv = strict(&raw_invoice("lnbc", 1, &fields, &spec_key())).unwrap();
    assert_eq!(inv.description_hash().map(|h| h.0), Some(hash));
    assert!(inv.matches_description(text));
    assert!(!inv.matches_description("another"));
}

use bitcoin_hashes::Hash as _;

#[test]
fn g1_builder_refuses_unknown_required_features() {
    let b = || {
        InvoiceBuilder::new(Network::Bitcoin)
            .timestamp(1)
            .payment_hash([1; 32])
            .payment_secret([2; 32])
            .description("x")
    };
    assert_eq!(
        b().features(&[8, 14, 100]).sign(&spec_key()).unwrap_err(),
        BuildError::UnknownRequiredFeature { bit: 100 }
    );
    assert_eq!(b().features(&[0]).sign(&spec_key()).unwrap_err(), BuildError::UnknownRequiredFeature { bit: 0 });
    // Its optional bit is fine (R-4: readers ignore it).
    assert!(b().features(&[8, 14, 101]).sign(&spec_key()).unwrap().features().is_set(101));
    // basic_mpp needs payment_secret: set for the caller, unless the bits are given exactly.
    assert!(b().features(&[17]).sign(&spec_key()).unwrap().features().requires(14));
    assert_eq!(
        b().features_exact(&[8, 17]).sign(&spec_key()).unwrap_err(),
        BuildError::MissingFeatureDependency { bit: 16, requires: 14 }
    );
}

#[test]
fn b8_multiplier_without_digits_names_its_position() {
    let s = raw_invoice("lnbcm", 1, &base_fields(), &spec_key());
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Hrp(HrpError::MissingDigits { position: 4 }));
    let s = raw_invoice("lntb25mu", 1, &base_fields(), &spec_key());
    assert_eq!(strict(&s).unwrap_err(), DecodeError::Hrp(HrpError::InvalidMultiplier { position: 7, ch: 'u' }));
}

#[test]
fn a4_characters_are_checked_in_pairs_and_alone() {
    // The scan reads two characters per step; adjacent bad characters, a bad last one and an
    // upper-case pair must each be caught.
    let s = with_fields(&[]);
    let data_start = s.find('1').unwrap() + 1;
    let two_bad = format!("{}bo{}", &s[..data_start], &s[data_start..]);
    assert_eq!(
        strict(&two_bad).unwrap_err(),
        DecodeError::Bech32(Bech32Error::InvalidChar { position: data_start, ch: 'b' })
    );
    let odd_tail = if (s.len() - data_start) % 2 == 0 { format!("{s}b") } else { format!("{s}qb") };
    assert_eq!(
        strict(&odd_tail).unwrap_err(),
        DecodeError::Bech32(Bech32Error::InvalidChar { position: odd_tail.len() - 1, ch: 'b' })
    );
    let upper_pair =
        format!("{}{}{}", &s[..data_start], s[data_start..data_start + 2].to_ascii_uppercase(), &s[data_start + 2..]);
    assert_eq!(strict(&upper_pair).unwrap_err(), DecodeError::Bech32(Bech32Error::MixedCase { position: data_start }));
    let upper_last = format!("{}{}", &s[..s.len() - 1], s[s.len() - 1..].to_ascii_uppercase());
    assert!(matches!(strict(&upper_last), Err(DecodeError::Bech32(Bech32Error::MixedCase { .. }))));
}

#[test]
fn the_invoice_remembers_its_policy() {
    let s = with_fields(&[]);
    assert_eq!(strict(&s).unwrap().policy(), Policy::Strict);
    assert_eq!(lenient(&s).unwrap().policy(), Policy::Lenient);
}

#[test]
fn error_messages_show_untrusted_characters_safely() {
    // Issue 11, item 18: a message a wallet shows never carries a control or bidirectional
    // character from the input: printable ASCII is quoted, anything else is its code point.
    let s = with_fields(&[]);
    let (head, tail) = s.split_at(20);
    for (bad, shown) in [('\u{202e}', "U+202E"), ('\n', "U+000A"), ('é', "U+00E9"), ('b', "'b'"), (' ', "' '")] {
        let e = Invoice::decode(&format!("{head}{bad}{tail}")).unwrap_err();
        assert!(matches!(e, DecodeError::Bech32(Bech32Error::InvalidChar { ch, .. }) if ch == bad), "{e:?}");
        assert_eq!(e.to_string(), format!("character {shown} at position 20 cannot appear in an invoice"));
        assert!(e.to_string().chars().all(|c| c.is_ascii() && !c.is_ascii_control()));
    }
    let e = Invoice::decode("lnbc25\u{202e}1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq").unwrap_err();
    assert!(!e.to_string().contains('\u{202e}'), "{e}");
}

#[test]
fn a_cltv_delta_no_htlc_can_carry_fails_in_both() {
    // J-8 (issue 19, item 7): `c` above 2^32 - 1 blocks cannot be met by any HTLC, whose CLTV
    // expiry is 32 bits; Core Lightning and eclair refuse it. 2^40 is the reviewer's case.
    for value in [1u64 << 32, 1 << 40, u64::MAX >> 4] {
        let s = with_fields(&[field('c', &int_words(value, (64 - value.leading_zeros() as usize + 4) / 5))]);
        let want = FieldError::ValueTooLarge { tag: 'c', position: 132 };
        assert_eq!(field_err(strict(&s)), want, "{value}");
        assert_eq!(field_err(lenient(&s)), want, "{value}");
    }
    let s = with_fields(&[field('c', &int_words(u64::from(u32::MAX), 7))]);
    assert_eq!(strict(&s).unwrap().min_final_cltv_expiry_delta(), u64::from(u32::MAX));
}

#[test]
fn an_empty_fallback_fails_in_both() {
    // J-8 (issue 19, item 7): an `f` with no data has no version to be unknown; lnd, Core
    // Lightning and lightning-invoice refuse it. It used to be skipped as an unknown version.
    let s = with_fields(&[field('f', &[])]);
    assert_eq!(field_err(strict(&s)), FieldError::EmptyFallback { position: 132 });
    assert_eq!(field_err(lenient(&s)), FieldError::EmptyFallback { position: 132 });
    assert_eq!(DecodeError::from(FieldError::EmptyFallback { position: 132 }).kind(), "empty_fallback");
    // A version alone, of one readers skip, is still skipped and kept.
    let s = with_fields(&[field('f', &[19])]);
    assert_eq!(unknown_tags(&strict(&s).unwrap()), ['f']);
}
