//! Properties of invoice requests: any accepted request gives an invoice that passes `check`
//! against it; amount conversions are exact, compared with an independent big-integer
//! computation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use lightning_bolt11::request::*;
use lightning_bolt11::*;
use proptest::prelude::*;
use serde_json::{json, Value};

/// An independent decimal evaluator: digits × 10^exp in u128, or None if not a whole number
/// or too large for u128.
fn big(int: &str, frac: &str, exp: i32, scale: i32) -> Option<u128> {
    let digits: String = format!("{int}{frac}");
    let mut value: u128 = 0;
    for c in digits.chars() {
        value = value.checked_mul(10)?.checked_add(u128::from(c.to_digit(10)?))?;
    }
    let e = exp + scale - frac.len() as i32;
    if e >= 0 {
        value.checked_mul(10u128.checked_pow(e as u32)?)
    } else {
        let p = 10u128.checked_pow((-e) as u32)?;
        (value % p == 0).then(|| value / p)
    }
}

fn amount_json() -> impl Strategy<Value = (String, String, i32)> {
    ("[0-9]{1,12}", "[0-9]{0,4}", -6i32..6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn sats_number_conversion_is_exact((int, frac, exp) in amount_json()) {
        let text = if frac.is_empty() { format!("{int}e{exp}") } else { format!("{int}.{frac}e{exp}") };
        let got = sats_to_msat(AmountInput::Number(&text), "amount");
        match big(&int, &frac, exp, 0) {
            None if big(&int, &frac, exp, 30).is_some() => prop_assert_eq!(got, Err(RequestError::FractionalSats { field: "amount" })),
            Some(sats) if sats * 1000 <= u128::from(MAX_AMOUNT_MSAT) => prop_assert_eq!(got, Ok((sats * 1000) as u64)),
            _ => prop_assert!(got.is_err()),
        }
    }

    #[test]
    fn sats_string_conversion_is_exact(digits in "[0-9]{1,22}") {
        let got = sats_to_msat(AmountInput::Text(&digits), "amount");
        let want = big(&digits, "", 0, 3).filter(|&m| m <= u128::from(MAX_AMOUNT_MSAT));
        prop_assert_eq!(got.ok(), want.map(|m| m as u64));
    }

    #[test]
    fn btc_conversion_is_exact(int in "[0-9]{1,9}", frac in "[0-9]{0,8}") {
        let text = if frac.is_empty() { int.clone() } else { format!("{int}.{frac}") };
        let got = btc_to_msat(AmountInput::Text(&text), "amount");
        let want = big(&int, &frac, 0, 11).filter(|&m| m <= u128::from(MAX_AMOUNT_MSAT));
        prop_assert_eq!(got.clone().ok(), want.map(|m| m as u64));
        if let Ok(msat) = got {
            // And back: the BTC string reads as the same amount.
            let again = msat_to_btc_string(msat).unwrap();
            prop_assert_eq!(btc_to_msat(AmountInput::Text(&again), "amount"), Ok(msat));
        }
    }

    #[test]
    fn msat_conversion_is_exact(n in any::<u64>()) {
        let got = msat(AmountInput::Number(&n.to_string()), "amount");
        prop_assert_eq!(got.ok(), (n <= MAX_SAFE_JSON_INTEGER).then_some(n));
    }

    #[test]
    fn accepted_requests_make_invoices_that_pass_check(
        api in prop::sample::select(Api::ALL.to_vec()),
        sats in 1u64..3_000_000,
        min_max in prop::option::of((0u64..1000, 0u64..1000)),
        choice in prop::option::of(0u64..4_000),
        memo in prop::option::of(".{0,40}"),
        hash_too in any::<bool>(),
        expiry in prop::option::of(0u64..200_000),
        network in prop::sample::select(Network::ALL.to_vec()),
    ) {
        use bitcoin_hashes::{sha256, Hash};
        let hash = memo.as_ref().map(|m| sha256::Hash::hash(m.as_bytes()).to_byte_array());
        let j: Value = match api {
            Api::WebLn => {
                let mut o = json!({ "defaultMemo": memo });
                match min_max {
                    Some((a, b)) => { o["minimumAmount"] = json!(a); o["maximumAmount"] = json!(b); }
                    None => o["amount"] = json!(sats),
                }
                o
            }
            Api::Nwc => json!({ "method": "make_invoice", "params": {
                "amount": sats * 7, "description": memo, "expiry": expiry,
                "description_hash": hash.filter(|_| hash_too).map(hex) } }),
            Api::LnPay => {
                use base64::Engine;
                json!({ "num_satoshis": sats, "memo": memo, "expiry": expiry,
                    "description_hash": hash.filter(|_| hash_too).map(|h| base64::engine::general_purpose::STANDARD.encode(h)) })
            }
            _ => json!({ "amount": msat_to_btc_string(sats * 1000).unwrap() }),
        };
        let Ok(req) = parse_request(api, &j.to_string()) else { return Ok(()) };
        let Ok(builder) = req.builder(network, choice.map(|c| c * 1000)) else { return Ok(()) };
        let inv = builder.timestamp(1_700_000_000).payment_hash([3; 32]).payment_secret([4; 32]).sign(&spec_key()).unwrap();
        let report = req.check(&inv.to_string(), &CheckOptions { network: Some(network), now: Some(1_700_000_000) });
        prop_assert!(report.is_ok(), "{:?} for {}", report.violations, j);
        // And the response names the same invoice.
        if let Ok(resp) = response(&req, &inv, &ResponseContext::default()) {
            prop_assert!(resp.to_string().contains(inv.as_str()));
        }
    }
}
