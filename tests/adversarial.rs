//! Adversarial inputs: thousands of fields, the longest route hints, every multiplier at its
//! bounds, and bech32's checksum malleability.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::*;

#[test]
fn thousands_of_unknown_fields() {
    // Empty unknown fields are three words each: about 2,300 fit in 7089 characters.
    let n = (MAX_INVOICE_LENGTH - with_fields(&[]).len()) / 3;
    let extra = vec![field('v', &[]); n];
    let s = with_fields(&extra);
    assert!(s.len() <= MAX_INVOICE_LENGTH && s.len() > MAX_INVOICE_LENGTH - 3);
    let inv = Invoice::decode(&s).unwrap();
    assert_eq!(inv.unknown_fields().count(), n);
    assert!(n > 2000);
    assert_eq!(inv.to_string(), s);
}

#[test]
fn thousands_of_repeated_expiries_when_lenient() {
    // Issue 11, item 3: lenient mode keeps every `x` after the first. Telling the first from the
    // rest takes no search (the parse recorded where it starts); `benches/compare.rs`
    // (`adversarial`) times this against the parse of the same invoice.
    let n = (MAX_INVOICE_LENGTH - with_fields(&[]).len()) / 4;
    let extra: Vec<Vec<u8>> = (0..n).map(|i| field('x', &[1 + (i % 31) as u8])).collect();
    let s = with_fields(&extra);
    assert!(s.len() <= MAX_INVOICE_LENGTH && n > 1700);
    assert!(Invoice::decode(&s).is_err());
    let inv = Invoice::decode_with(&s, &DecodeOptions::new().lenient()).unwrap();
    assert_eq!(inv.expiry(), 1);
    let kept: Vec<u64> = inv.unknown_fields().map(|f| f.data.to_u64().unwrap()).collect();
    assert_eq!(kept.len(), n - 1);
    assert!(kept.iter().enumerate().all(|(i, &x)| x == 1 + ((i + 1) % 31) as u64));
}

#[test]
fn route_hints_filling_the_invoice() {
    // Six full `r` fields of 12 hops each, as long as the limit allows.
    let hop = [[3u8; 33].as_slice(), &[0, 0, 1, 0, 0, 2, 0, 3], &[0, 0, 0, 1], &[0, 0, 0, 2], &[0, 40]].concat();
    let r = field('r', &to_words(&hop.repeat(12)));
    let s = with_fields(&vec![r; 6]);
    assert!(s.len() > 6000 && s.len() <= MAX_INVOICE_LENGTH);
    let inv = Invoice::decode(&s).unwrap();
    let hints: Vec<RouteHint<'_>> = inv.route_hints().collect();
    assert_eq!(hints.len(), 6);
    assert!(hints.iter().all(|h| h.len() == 12));
    let first = hints[0].hops().next().unwrap();
    assert_eq!(first.short_channel_id.to_string(), "1x2x3");
    assert_eq!((first.fee_base_msat, first.fee_proportional_millionths, first.cltv_expiry_delta), (1, 2, 40));
    // Single-hop fields added until the invoice no longer fits: the last that fits decodes,
    // the first that does not is refused before any other work.
    let mut fields = vec![field('r', &to_words(&hop.repeat(12))); 6];
    loop {
        fields.push(field('r', &to_words(&hop)));
        let t = with_fields(&fields);
        if t.len() > MAX_INVOICE_LENGTH {
            assert_eq!(
                Invoice::decode(&t).unwrap_err(),
                DecodeError::Bech32(Bech32Error::TooLong { len: t.len(), max: 7089 })
            );
            fields.pop();
            assert!(Invoice::decode(&with_fields(&fields)).is_ok());
            break;
        }
    }
}

#[test]
fn every_multiplier_at_its_bounds() {
    // (multiplier, msat per unit): the largest amount under the cap (2^64 - 1 pico-BTC), and one more unit.
    for (m, unit) in [("", 100_000_000_000u64), ("m", 100_000_000), ("u", 100_000), ("n", 100)] {
        let max = MAX_AMOUNT_MSAT / unit;
        let at = raw_invoice(&format!("lnbc{max}{m}"), 1, &base_fields(), &spec_key());
        assert_eq!(Invoice::decode(&at).unwrap().amount_msat(), Some(max * unit), "{m}");
        let over = raw_invoice(&format!("lnbc{}{m}", max + 1), 1, &base_fields(), &spec_key());
        assert_eq!(
            Invoice::decode(&over).unwrap_err(),
            DecodeError::Hrp(HrpError::AmountTooLarge { position: 4 }),
            "{m}"
        );
        let one = raw_invoice(&format!("lnbc1{m}"), 1, &base_fields(), &spec_key());
        assert_eq!(Invoice::decode(&one).unwrap().amount_msat(), Some(unit), "{m}");
    }
    // p: tenths of a millisatoshi; the last digit must be 0 (B-10).
    let max = raw_invoice(&format!("lnbc{}0p", MAX_AMOUNT_MSAT), 1, &base_fields(), &spec_key());
    assert_eq!(Invoice::decode(&max).unwrap().amount_msat(), Some(MAX_AMOUNT_MSAT));
    let over = raw_invoice(&format!("lnbc{}0p", MAX_AMOUNT_MSAT + 1), 1, &base_fields(), &spec_key());
    assert!(matches!(Invoice::decode(&over), Err(DecodeError::Hrp(HrpError::AmountTooLarge { .. }))));
    let ten = raw_invoice("lnbc10p", 1, &base_fields(), &spec_key());
    assert_eq!(Invoice::decode(&ten).unwrap().amount_msat(), Some(1));
    let one = raw_invoice("lnbc1p", 1, &base_fields(), &spec_key());
    assert!(matches!(Invoice::decode(&one), Err(DecodeError::Hrp(HrpError::SubMillisatoshi { .. }))));
    // Beyond u64 before any multiplication.
    let huge = raw_invoice("lnbc99999999999999999999999n", 1, &base_fields(), &spec_key());
    assert!(matches!(Invoice::decode(&huge), Err(DecodeError::Hrp(HrpError::AmountTooLarge { .. }))));
}

#[test]
fn checksum_malleability_q_before_trailing_p() {
    // bech32's known weakness: when a string ends in `p`, `q`s inserted just before that `p`
    // keep the checksum valid. The data then shifts, and the invoice must not come out valid
    // for the same payee.
    let key = spec_key();
    let s = (0..10_000u64)
        .map(|t| raw_invoice("lnbc", 1_700_000_000 + t, &base_fields(), &key))
        .find(|s| s.ends_with('p'))
        .expect("an invoice ending in p");
    let payee = Invoice::decode(&s).unwrap().payee();
    for n in 1..=5 {
        let mut t = s.clone();
        t.insert_str(t.len() - 1, &"q".repeat(n));
        // The checksum still passes: the failure, if any, is later.
        let parsed = InvoiceRef::parse_with(&t, &DecodeOptions::new().lenient());
        assert!(!matches!(parsed, Err(DecodeError::Bech32(Bech32Error::InvalidChecksum))), "{n}");
        for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
            if let Ok(inv) = Invoice::decode_with(&t, &opts) {
                assert_ne!(inv.payee(), payee, "{n} q's inserted");
            }
        }
    }
}
