//! Invoice requests: every check of the API notes' section 7 with its error, both sides of
//! every bound, each API's example from its page, and the web app's check of what came back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use bitcoin_hashes::{sha256, Hash};
use common::*;
use lightning_bolt11::request::*;
use lightning_bolt11::*;
use serde_json::{json, Value};

const T0: u64 = 1_700_000_000;

fn req(api: Api, j: Value) -> Result<InvoiceRequest, RequestError> {
    parse_request(api, &j.to_string())
}

fn err(api: Api, j: Value) -> RequestError {
    req(api, j).unwrap_err()
}

/// Makes the invoice a wallet service would: the request applied, signed with the spec key.
fn make(r: &InvoiceRequest, choice: Option<u64>) -> Invoice {
    r.builder(Network::Bitcoin, choice)
        .unwrap()
        .timestamp(T0)
        .payment_hash(sha256::Hash::hash(&[7; 32]).to_byte_array())
        .payment_secret([8; 32])
        .sign(&spec_key())
        .unwrap()
}

fn at(now: u64) -> CheckOptions {
    CheckOptions { network: Some(Network::Bitcoin), now: Some(now) }
}

// ---- each API's example request, from its page in ../shared/seeds/ ----

#[test]
fn webln_example_amount_1000() {
    let r = req(Api::WebLn, json!({ "amount": 1000 })).unwrap();
    assert_eq!(r.amount, AmountIntent::Fixed(1_000_000));
    let inv = make(&r, None);
    let resp = response(&r, &inv, &ResponseContext::default()).unwrap();
    let decoded: Invoice = resp["paymentRequest"].as_str().unwrap().parse().unwrap();
    assert_eq!(decoded.amount_msat(), Some(1_000_000));
    assert!(r.check(resp["paymentRequest"].as_str().unwrap(), &at(T0)).is_ok());
}

#[test]
fn nwc_example_make_invoice() {
    let hash = sha256::Hash::hash(b"string").to_byte_array();
    let j = json!({ "method": "make_invoice", "params": {
        "amount": 123, "description": "string", "description_hash": hex(hash), "expiry": 213 } });
    let r = req(Api::Nwc, j).unwrap();
    let inv = make(&r, None);
    let resp = response(&r, &inv, &ResponseContext::default()).unwrap();
    assert_eq!(resp["result_type"], "make_invoice");
    let res = &resp["result"];
    assert_eq!(res["type"], "incoming");
    assert_eq!(res["amount"], 123);
    assert_eq!(res["fees_paid"], 0);
    assert_eq!(res["description"], "string");
    assert_eq!(res["description_hash"], hex(hash));
    assert_eq!(res["created_at"], T0);
    assert_eq!(res["expires_at"], T0 + 213);
    assert_eq!(res["payment_hash"], hex(inv.payment_hash()));
    let decoded: Invoice = res["invoice"].as_str().unwrap().parse().unwrap();
    // Sub-satoshi amounts are allowed and written with the `p` multiplier.
    assert_eq!(decoded.amount_msat(), Some(123));
    assert!(decoded.as_str().starts_with("lnbc1230p1"));
    // Both given: only `h` is encoded.
    assert_eq!((decoded.description(), decoded.description_hash().map(|h| h.0)), (None, Some(hash)));
    assert_eq!(decoded.expiry(), 213);
    assert!(r.check(decoded.as_str(), &at(T0)).is_ok());
}

#[test]
fn lnpay_examples() {
    // The curl example: passThru as a JSON string (with spaces).
    let r = req(
        Api::LnPay,
        json!({ "num_satoshis": 5, "memo": "Test invoice from the docs", "passThru": " {\"ticketId\":\"556\"} " }),
    )
    .unwrap();
    assert_eq!(r.expiry, Some(86_400));
    let inv = make(&r, None);
    let tx = response(&r, &inv, &ResponseContext::default()).unwrap();
    assert_eq!(tx["num_satoshis"], 5);
    assert_eq!(tx["memo"], "Test invoice from the docs");
    assert_eq!(tx["expiry"], 86_400);
    assert_eq!(tx["expires_at"], T0 + 86_400);
    assert_eq!(tx["created_at"], T0);
    assert_eq!(tx["settled"], 0);
    assert_eq!(tx["passThru"], json!({ "ticketId": "556" }));
    assert_eq!(tx["dest_pubkey"], SPEC_PAYEE);
    assert_eq!(tx["r_hash_decoded"], hex(inv.payment_hash()));
    for key in ["id", "payment_preimage", "settled_at", "is_keysend", "custom_records", "description_hash"] {
        assert!(tx.get(key).is_some(), "{key}");
    }
    let decoded: Invoice = tx["payment_request"].as_str().unwrap().parse().unwrap();
    assert_eq!(decoded.amount_msat(), Some(5_000));
    assert_eq!(decoded.description(), Some("Test invoice from the docs"));
    assert_eq!(decoded.expiry(), 86_400);
    // The JavaScript example; and passThru as an object.
    let r = req(Api::LnPay, json!({ "num_satoshis": 2, "memo": "Tester", "passThru": { "a": 1 } })).unwrap();
    let tx = response(&r, &make(&r, None), &ResponseContext::default()).unwrap();
    assert_eq!((tx["num_satoshis"].clone(), tx["passThru"].clone()), (json!(2), json!({ "a": 1 })));
}

#[test]
fn bitfinex_example_and_response() {
    // The page's example asks for "0", below the documented minimum.
    assert_eq!(
        err(Api::Bitfinex, json!({ "wallet": "exchange", "currency": "LNX", "amount": "0" })),
        RequestError::BitfinexAmountOutOfRange { amount: 0 }
    );
    let r = req(Api::Bitfinex, json!({ "wallet": "exchange", "currency": "LNX", "amount": "0.001" })).unwrap();
    let inv = make(&r, None);
    let resp = response(&r, &inv, &ResponseContext::default()).unwrap();
    assert_eq!(resp[0], hex(inv.payment_hash()));
    assert_eq!(resp[2], Value::Null);
    assert_eq!(resp[3], Value::Null);
    assert_eq!(resp[4], "0.001");
    let decoded: Invoice = resp[1].as_str().unwrap().parse().unwrap();
    assert_eq!(decoded.amount_msat(), Some(100_000_000));
    assert_eq!(bitfinex_error(&RequestError::AmountRequired), json!(["error", 10020, "No amount specified"]));
}

// ---- section 7 checks, each with its error ----

#[test]
fn check_1_amount_parses() {
    for bad in [json!("abc"), json!(true), json!({}), json!("1e3"), json!(""), json!(" 5")] {
        assert_eq!(err(Api::WebLn, json!({ "amount": bad })), RequestError::InvalidAmount { field: "amount" }, "{bad}");
    }
    assert_eq!(req(Api::WebLn, json!({ "amount": "1000" })).unwrap().amount, AmountIntent::Fixed(1_000_000));
    assert_eq!(req(Api::LnPay, json!({ "num_satoshis": 1e3 })).unwrap().amount, AmountIntent::Fixed(1_000_000));
    assert_eq!(
        err(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1.5 } })),
        RequestError::InvalidAmount { field: "amount" }
    );
}

#[test]
fn check_2_no_fractional_sats() {
    for bad in [json!(10.9), json!("10.9"), json!(1.001)] {
        assert_eq!(err(Api::WebLn, json!({ "amount": bad })), RequestError::FractionalSats { field: "amount" });
    }
    assert_eq!(err(Api::LnPay, json!({ "num_satoshis": 0.5 })), RequestError::FractionalSats { field: "num_satoshis" });
}

#[test]
fn check_3_whole_sats_for_sat_denominated_responses() {
    let mut r = InvoiceRequest::new(Api::LnPay);
    r.amount = AmountIntent::Fixed(1_500);
    let inv = make(&r, None);
    assert_eq!(response(&r, &inv, &ResponseContext::default()), Err(RequestError::SubSatAmount { msat: 1_500 }));
    assert_eq!(whole_sats(1_000), Ok(1));
    assert_eq!(msat_to_btc_string(1_001), Err(RequestError::SubSatAmount { msat: 1_001 }));
}

#[test]
fn check_4_zero_is_not_an_amount() {
    assert_eq!(err(Api::WebLn, json!({ "amount": 0 })), RequestError::ZeroAmount { field: "amount" });
    assert_eq!(err(Api::WebLn, json!({ "defaultAmount": 0 })), RequestError::ZeroAmount { field: "defaultAmount" });
    assert_eq!(err(Api::LnPay, json!({ "num_satoshis": 0 })), RequestError::ZeroAmount { field: "num_satoshis" });
    assert_eq!(
        err(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 0 } })),
        RequestError::ZeroAmount { field: "amount" }
    );
    // Any is explicit: WebLN without amounts.
    assert_eq!(req(Api::WebLn, json!({})).unwrap().amount, AmountIntent::Any);
    assert_eq!(req(Api::WebLn, json!({ "amount": 1 })).unwrap().amount, AmountIntent::Fixed(1_000));
}

#[test]
fn check_5_amount_required() {
    assert_eq!(err(Api::Nwc, json!({ "method": "make_invoice", "params": {} })), RequestError::AmountRequired);
    assert_eq!(err(Api::LnPay, json!({ "memo": "x" })), RequestError::AmountRequired);
    assert_eq!(err(Api::Bitfinex, json!({ "wallet": "exchange" })), RequestError::AmountRequired);
    assert_eq!(RequestError::AmountRequired.to_string(), "No amount specified");
}

#[test]
fn check_6_negative() {
    assert_eq!(err(Api::WebLn, json!({ "amount": -1 })), RequestError::NegativeAmount { field: "amount" });
    assert_eq!(
        err(Api::WebLn, json!({ "minimumAmount": "-5" })),
        RequestError::NegativeAmount { field: "minimumAmount" }
    );
    assert_eq!(
        err(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": -1000 } })),
        RequestError::NegativeAmount { field: "amount" }
    );
    assert_eq!(err(Api::Bitfinex, json!({ "amount": "-0.001" })), RequestError::InvalidBtcAmount { field: "amount" });
}

#[test]
fn check_7_upper_bounds() {
    // The cap, 2^64 - 1 pico-BTC, is 1,844,674,407,370,955.161 sats: the whole sats below it,
    // and one more; 21 million BTC (2.1e15 sats) is beyond it.
    assert_eq!(
        req(Api::WebLn, json!({ "amount": 1_844_674_407_370_955u64 })).unwrap().amount,
        AmountIntent::Fixed(1_844_674_407_370_955_000)
    );
    for sats in [1_844_674_407_370_956u64, 2_100_000_000_000_000] {
        assert_eq!(
            err(Api::WebLn, json!({ "amount": sats })),
            RequestError::AmountTooLarge { field: "amount", limit: MAX_AMOUNT_MSAT }
        );
    }
    assert!(matches!(
        err(Api::WebLn, json!({ "amount": "99999999999999999999999" })),
        RequestError::AmountTooLarge { .. }
    ));
    // NWC msat must survive JSON in JavaScript: 2^53 - 1 is fine, 2^53 is not.
    let nwc = |a: u64| req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": a } }));
    assert_eq!(nwc(MAX_SAFE_JSON_INTEGER).unwrap().amount, AmountIntent::Fixed(MAX_SAFE_JSON_INTEGER));
    assert_eq!(
        nwc(MAX_SAFE_JSON_INTEGER + 1).unwrap_err(),
        RequestError::AmountTooLarge { field: "amount", limit: MAX_SAFE_JSON_INTEGER }
    );
}

#[test]
fn check_8_minimum_not_above_maximum() {
    assert_eq!(err(Api::WebLn, json!({ "minimumAmount": 11, "maximumAmount": 10 })), RequestError::InvalidRange);
    let r = req(Api::WebLn, json!({ "minimumAmount": 10, "maximumAmount": 10 })).unwrap();
    assert_eq!(r.amount, AmountIntent::Range { min: Some(10_000), max: Some(10_000), default: None });
}

#[test]
fn check_9_default_within_bounds() {
    let range = |d: u64| req(Api::WebLn, json!({ "minimumAmount": 10, "maximumAmount": 20, "defaultAmount": d }));
    assert_eq!(range(9).unwrap_err(), RequestError::DefaultOutOfRange);
    assert!(range(10).is_ok());
    assert!(range(20).is_ok());
    assert_eq!(range(21).unwrap_err(), RequestError::DefaultOutOfRange);
}

#[test]
fn check_10_11_fixed_amount_within_inclusive_bounds() {
    let fixed = |a: u64| req(Api::WebLn, json!({ "amount": a, "minimumAmount": 10, "maximumAmount": 20 }));
    assert_eq!(fixed(9).unwrap_err(), RequestError::AmountBelowMinimum { amount: 9_000, minimum: 10_000 });
    assert_eq!(fixed(10).unwrap().amount, AmountIntent::Fixed(10_000));
    assert_eq!(fixed(20).unwrap().amount, AmountIntent::Fixed(20_000));
    assert_eq!(fixed(21).unwrap_err(), RequestError::AmountAboveMaximum { amount: 21_000, maximum: 20_000 });
    assert_eq!(fixed(9).unwrap_err().to_string(), "Amount is less than minimum");
    assert_eq!(fixed(21).unwrap_err().to_string(), "Amount exceeds maximum");
}

#[test]
fn check_12_amount_and_a_different_default() {
    assert_eq!(err(Api::WebLn, json!({ "amount": 10, "defaultAmount": 11 })), RequestError::ConflictingAmount);
    assert_eq!(
        req(Api::WebLn, json!({ "amount": 10, "defaultAmount": 10 })).unwrap().amount,
        AmountIntent::Fixed(10_000)
    );
}

#[test]
fn check_13_btc_strings() {
    for bad in [json!("1e-3"), json!("0.000000001"), json!(".5"), json!("0.5 "), json!(0.001), json!("0,001")] {
        assert_eq!(
            err(Api::Bitfinex, json!({ "amount": bad })),
            RequestError::InvalidBtcAmount { field: "amount" },
            "{bad}"
        );
    }
}

#[test]
fn check_14_bitfinex_range_inclusive() {
    let bfx = |a: &str| req(Api::Bitfinex, json!({ "amount": a }));
    assert_eq!(bfx("0.00000099").unwrap_err(), RequestError::BitfinexAmountOutOfRange { amount: 99_000 });
    assert_eq!(bfx("0.000001").unwrap().amount, AmountIntent::Fixed(BITFINEX_MIN_MSAT));
    assert_eq!(bfx("0.02").unwrap().amount, AmountIntent::Fixed(BITFINEX_MAX_MSAT));
    assert_eq!(bfx("0.02000001").unwrap_err(), RequestError::BitfinexAmountOutOfRange { amount: 2_000_001_000 });
}

#[test]
fn check_15_bitfinex_wallet_and_currency() {
    assert_eq!(
        err(Api::Bitfinex, json!({ "wallet": "funding", "amount": "0.001" })),
        RequestError::UnsupportedWallet("funding".into())
    );
    assert_eq!(
        err(Api::Bitfinex, json!({ "currency": "BTC", "amount": "0.001" })),
        RequestError::UnsupportedCurrency("BTC".into())
    );
    assert!(req(Api::Bitfinex, json!({ "amount": "0.001" })).is_ok());
}

#[test]
fn check_16_description_length() {
    let d = "é".repeat(319) + "x"; // 639 bytes
    assert!(req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000, "description": d } })).is_ok());
    let long = "x".repeat(640);
    assert_eq!(
        err(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000, "description": long } })),
        RequestError::DescriptionTooLong { len: 640 }
    );
    assert_eq!(err(Api::WebLn, json!({ "defaultMemo": long })), RequestError::DescriptionTooLong { len: 640 });
}

#[test]
fn check_17_18_description_hash_encodings() {
    let h = sha256::Hash::hash(b"x").to_byte_array();
    let nwc = |dh: &str| {
        req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000, "description_hash": dh } }))
    };
    assert_eq!(nwc(&hex(h)).unwrap().description_hash, Some(h));
    // Check 18: upper case is normalised.
    let upper = nwc(&hex(h).to_uppercase()).unwrap();
    assert_eq!(upper.description_hash, Some(h));
    assert_eq!(upper.description_hash_text, Some(hex(h)));
    for bad in [&hex(h)[1..], "zz", &hex([1; 33])] {
        assert_eq!(nwc(bad).unwrap_err(), RequestError::InvalidDescriptionHash { encoding: "hex" });
    }
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(h);
    let lnpay = |dh: &str| req(Api::LnPay, json!({ "num_satoshis": 1, "description_hash": dh }));
    assert_eq!(lnpay(&b64).unwrap().description_hash, Some(h));
    assert_eq!(lnpay(&hex(h)).unwrap_err(), RequestError::InvalidDescriptionHash { encoding: "base64" });
    assert_eq!(lnpay("AAAA").unwrap_err(), RequestError::InvalidDescriptionHash { encoding: "base64" });
}

#[test]
fn check_19_20_description_and_hash_must_agree_and_only_h_is_written() {
    let h = sha256::Hash::hash(b"right").to_byte_array();
    let nwc = |d: &str| {
        req(
            Api::Nwc,
            json!({ "method": "make_invoice", "params": { "amount": 1000, "description": d, "description_hash": hex(h) } }),
        )
    };
    assert_eq!(nwc("wrong").unwrap_err(), RequestError::DescriptionHashMismatch);
    let inv = make(&nwc("right").unwrap(), None);
    assert_eq!((inv.description(), inv.description_hash().map(|h| h.0)), (None, Some(h)));
}

#[test]
fn check_21_22_expiry_of_a_request_built_in_code() {
    // Callers may fill `InvoiceRequest` themselves; `validate` holds the same bounds as JSON.
    let with = |expiry| {
        let mut r = InvoiceRequest::new(Api::Nwc);
        r.expiry = expiry;
        r.validate()
    };
    assert_eq!(with(Some(0)), Err(RequestError::InvalidExpiry));
    // Issue 11, item 12: no expiry puts `expires_at` past what JSON carries exactly, whatever
    // the timestamp (35 bits).
    assert_eq!(MAX_EXPIRY_SECS, MAX_SAFE_JSON_INTEGER - MAX_TIMESTAMP);
    assert_eq!(with(Some(MAX_EXPIRY_SECS + 1)), Err(RequestError::InvalidExpiry));
    assert_eq!(with(Some(MAX_EXPIRY_SECS)), Ok(()));
    assert_eq!(with(Some(1)), Ok(()));
    assert_eq!(with(None), Ok(()));
}

#[test]
fn api_names_display_and_parse_back() {
    let names: Vec<String> = Api::ALL.iter().map(|a| a.to_string()).collect();
    assert_eq!(names, ["webln", "nwc", "lnpay", "bitfinex"]);
    for a in Api::ALL {
        assert_eq!(a.name().parse::<Api>(), Ok(a));
    }
}

#[test]
fn check_21_22_expiry() {
    let nwc = |x: Value| req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000, "expiry": x } }));
    for bad in [json!(0), json!(-1), json!(1.5), json!("soon")] {
        assert_eq!(nwc(bad.clone()).unwrap_err(), RequestError::InvalidExpiry, "{bad}");
    }
    assert_eq!(nwc(json!(1)).unwrap().expiry, Some(1));
    // Explicit defaults: none for NWC (the invoice has no `x`), 86400 for LNPay.
    let r = req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000 } })).unwrap();
    assert_eq!(r.expiry, None);
    assert_eq!(make(&r, None).expiry(), 3600);
    assert_eq!(err(Api::LnPay, json!({ "num_satoshis": 1, "expiry": 0 })), RequestError::InvalidExpiry);
    assert_eq!(req(Api::LnPay, json!({ "num_satoshis": 1, "expiry": 60 })).unwrap().expiry, Some(60));
}

#[test]
fn check_23_nwc_metadata() {
    let nwc =
        |m: Value| req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000, "metadata": m } }));
    // {"a":"…"} is 8 characters plus the string.
    let fits = nwc(json!({ "a": "x".repeat(MAX_METADATA_LEN - 8) })).unwrap();
    assert_eq!(fits.metadata.as_ref().unwrap().len(), MAX_METADATA_LEN);
    let resp = response(&fits, &make(&fits, None), &ResponseContext::default()).unwrap();
    assert_eq!(resp["result"]["metadata"]["a"].as_str().unwrap().len(), MAX_METADATA_LEN - 8);
    assert_eq!(
        nwc(json!({ "a": "x".repeat(MAX_METADATA_LEN - 7) })).unwrap_err(),
        RequestError::MetadataTooLarge { len: MAX_METADATA_LEN + 1 }
    );
    assert_eq!(nwc(json!([1, 2])).unwrap_err(), RequestError::InvalidMetadata);
    // NIP-47's metadata is an object; a string holding one is not (LNPay's passThru may be).
    assert_eq!(nwc(json!("{\"a\":1}")).unwrap_err(), RequestError::InvalidMetadata);
    assert_eq!(nwc(Value::Null).unwrap().metadata, None);
    // Issue 11, item 11: characters, not UTF-8 bytes (each "é" is two bytes).
    let wide = nwc(json!({ "a": "é".repeat(MAX_METADATA_LEN - 8) })).unwrap();
    assert_eq!(wide.metadata.as_ref().unwrap().chars().count(), MAX_METADATA_LEN);
    assert_eq!(
        nwc(json!({ "a": "é".repeat(MAX_METADATA_LEN - 7) })).unwrap_err(),
        RequestError::MetadataTooLarge { len: MAX_METADATA_LEN + 1 }
    );
}

#[test]
fn check_24_lnpay_pass_thru() {
    let lnpay = |p: Value| req(Api::LnPay, json!({ "num_satoshis": 1, "passThru": p }));
    assert!(lnpay(json!({ "id": 1 })).is_ok());
    assert!(lnpay(json!("{\"id\":1}")).is_ok());
    for bad in [json!("not json"), json!("[1]"), json!([1]), json!(5)] {
        assert_eq!(lnpay(bad.clone()).unwrap_err(), RequestError::InvalidPassThru, "{bad}");
    }
}

#[test]
fn malformed_requests() {
    assert!(matches!(parse_request(Api::WebLn, "{"), Err(RequestError::InvalidJson { .. })));
    assert!(matches!(parse_request(Api::LnPay, "{\"memo\": 5}"), Err(RequestError::InvalidJson { .. })));
    assert_eq!(
        err(Api::Nwc, json!({ "method": "pay_invoice", "params": {} })),
        RequestError::WrongMethod { method: "pay_invoice".into() }
    );
}

// ---- the builder applies a request ----

#[test]
fn range_choice_default_and_fixed_refusal() {
    let r = req(Api::WebLn, json!({ "minimumAmount": 10, "maximumAmount": 20, "defaultAmount": 15 })).unwrap();
    assert_eq!(r.resolve_amount(None), Ok(Some(15_000)));
    assert_eq!(r.resolve_amount(Some(10_000)), Ok(Some(10_000)));
    assert_eq!(r.resolve_amount(Some(20_000)), Ok(Some(20_000)));
    assert_eq!(r.resolve_amount(Some(9_999)), Err(RequestError::AmountBelowMinimum { amount: 9_999, minimum: 10_000 }));
    assert_eq!(
        r.resolve_amount(Some(20_001)),
        Err(RequestError::AmountAboveMaximum { amount: 20_001, maximum: 20_000 })
    );
    let no_default = req(Api::WebLn, json!({ "minimumAmount": 10 })).unwrap();
    assert_eq!(no_default.resolve_amount(None), Err(RequestError::AmountNotChosen));
    let fixed = req(Api::WebLn, json!({ "amount": 10 })).unwrap();
    assert_eq!(fixed.resolve_amount(Some(10_000)), Ok(Some(10_000)));
    assert_eq!(fixed.resolve_amount(Some(11_000)), Err(RequestError::ChoiceRefused { fixed: 10_000, chosen: 11_000 }));
    let any = req(Api::WebLn, json!({})).unwrap();
    assert_eq!(any.resolve_amount(None), Ok(None));
    assert_eq!(make(&any, None).amount_msat(), None);
}

// ---- the web app's check ----

#[test]
fn check_reports_every_violation() {
    let asked = req(
        Api::Nwc,
        json!({ "method": "make_invoice", "params": { "amount": 5000, "description": "coffee", "expiry": 600 } }),
    )
    .unwrap();
    let honest = make(&asked, None);
    assert!(asked.check(honest.as_str(), &at(T0)).is_ok());
    // A provider that returned another amount, description and expiry, on testnet, long expired.
    let mut wrong = InvoiceRequest::new(Api::Nwc);
    wrong.amount = AmountIntent::Fixed(4000);
    wrong.description = Some("tea".into());
    wrong.expiry = Some(60);
    let bad = wrong
        .builder(Network::Testnet, None)
        .unwrap()
        .timestamp(T0)
        .payment_hash([1; 32])
        .payment_secret([2; 32])
        .sign(&spec_key())
        .unwrap();
    let report = asked.check(bad.as_str(), &at(T0 + 10_000));
    let kinds: Vec<&str> = report.violations.iter().map(Violation::kind).collect();
    assert_eq!(kinds, ["wrong_network", "amount_mismatch", "description_mismatch", "expiry_mismatch", "expired"]);
    assert_eq!(report.violations[1], Violation::AmountMismatch { expected: 5000, found: 4000 });
}

#[test]
fn check_amount_bounds_both_sides() {
    let asked = req(Api::WebLn, json!({ "minimumAmount": 10, "maximumAmount": 20 })).unwrap();
    let with = |msat: Option<u64>| {
        let mut r = InvoiceRequest::new(Api::WebLn);
        if let Some(m) = msat {
            r.amount = AmountIntent::Fixed(m);
        }
        make(&r, None)
    };
    assert_eq!(
        asked.check_invoice(&with(Some(9_999)), &at(T0)).violations,
        [Violation::AmountBelowMinimum { amount: 9_999, minimum: 10_000 }]
    );
    assert!(asked.check_invoice(&with(Some(10_000)), &at(T0)).is_ok());
    assert!(asked.check_invoice(&with(Some(20_000)), &at(T0)).is_ok());
    assert_eq!(
        asked.check_invoice(&with(Some(20_001)), &at(T0)).violations,
        [Violation::AmountAboveMaximum { amount: 20_001, maximum: 20_000 }]
    );
    assert_eq!(asked.check_invoice(&with(None), &at(T0)).violations, [Violation::AmountMissing]);
    let fixed = req(Api::WebLn, json!({ "amount": 10 })).unwrap();
    assert_eq!(fixed.check_invoice(&with(None), &at(T0)).violations, [Violation::AmountMissing]);
    let any = req(Api::WebLn, json!({})).unwrap();
    assert!(any.check_invoice(&with(Some(1)), &at(T0)).is_ok());
    // One bound is enough to need an amount; a default alone needs none.
    for one_bound in [json!({ "minimumAmount": 10 }), json!({ "maximumAmount": 20 })] {
        let asked = req(Api::WebLn, one_bound.clone()).unwrap();
        let report = asked.check_invoice(&with(None), &at(T0));
        assert_eq!(report.violations, [Violation::AmountMissing], "{one_bound}");
        assert!(!report.is_ok());
    }
    let suggested = req(Api::WebLn, json!({ "defaultAmount": 15 })).unwrap();
    assert!(suggested.check_invoice(&with(None), &at(T0)).is_ok());
}

#[test]
fn check_expiry_boundary() {
    let asked = req(Api::LnPay, json!({ "num_satoshis": 1, "expiry": 60 })).unwrap();
    let inv = make(&asked, None);
    // Expired once past timestamp + expiry: at that second it may still be paid, as with
    // lightning-invoice's `would_expire`.
    assert!(asked.check_invoice(&inv, &at(T0 + 60)).is_ok());
    assert_eq!(asked.check_invoice(&inv, &at(T0 + 61)).violations, [Violation::Expired { expires_at: T0 + 60 }]);
}

#[test]
fn check_description_hash_and_webln_memo() {
    let h = sha256::Hash::hash(b"long text").to_byte_array();
    let asked =
        req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000, "description_hash": hex(h) } }))
            .unwrap();
    let mut other = asked.clone();
    other.description_hash = Some([0; 32]);
    assert_eq!(asked.check_invoice(&make(&other, None), &at(T0)).violations, [Violation::DescriptionHashMismatch]);
    // A `d` whose hash is the one asked for commits to the same text.
    let mut as_text = asked.clone();
    as_text.description_hash = None;
    as_text.description = Some("long text".into());
    assert!(asked.check_invoice(&make(&as_text, None), &at(T0)).is_ok());
    // WebLN's defaultMemo is a suggestion the user may edit.
    let webln = req(Api::WebLn, json!({ "amount": 1, "defaultMemo": "suggested" })).unwrap();
    assert_eq!(make(&webln, None).description(), Some("suggested"));
    let mut edited = webln.clone();
    edited.suggested_description = Some("edited".into());
    assert!(webln.check_invoice(&make(&edited, None), &at(T0)).is_ok());
}

#[test]
fn webln_alby_memo_binds_and_default_memo_suggests() {
    // Issue 11, item 8: Alby's non-standard `memo` cannot be edited in its prompt, so the
    // invoice must carry it; `defaultMemo` beside it changes nothing.
    let asked = req(Api::WebLn, json!({ "amount": 1, "memo": "order 42", "defaultMemo": "tip" })).unwrap();
    assert_eq!(asked.description.as_deref(), Some("order 42"));
    let honoured = make(&asked, None);
    assert_eq!(honoured.description(), Some("order 42"));
    assert!(asked.check_invoice(&honoured, &at(T0)).is_ok());
    let mut other = asked.clone();
    other.description = Some("order 43".into());
    assert_eq!(asked.check_invoice(&make(&other, None), &at(T0)).violations, [Violation::DescriptionMismatch]);
    // The same text committed to by `h` honours it too.
    let mut hashed = asked.clone();
    hashed.description_hash = Some(sha256::Hash::hash(b"order 42").to_byte_array());
    assert!(asked.check_invoice(&make(&hashed, None), &at(T0)).is_ok());
}

#[test]
fn webln_scalar_argument_is_an_amount_in_sats() {
    // Issue 11, item 9: `makeInvoice(args: string | number | RequestInvoiceArgs)`.
    for text in ["1000", "\"1000\"", " 1000 ", "1e3", "\"0001000\""] {
        let r = parse_request(Api::WebLn, text).unwrap();
        assert_eq!(r.amount, AmountIntent::Fixed(1_000_000), "{text}");
        assert_eq!(r.description, None);
    }
    for (text, e) in [
        ("0", RequestError::ZeroAmount { field: "amount" }),
        ("\"1e3\"", RequestError::InvalidAmount { field: "amount" }),
        ("\"10.5\"", RequestError::FractionalSats { field: "amount" }),
        ("-5", RequestError::NegativeAmount { field: "amount" }),
        ("true", RequestError::InvalidAmount { field: "amount" }),
    ] {
        assert_eq!(parse_request(Api::WebLn, text).unwrap_err(), e, "{text}");
    }
    assert!(matches!(parse_request(Api::WebLn, "1000 sats").unwrap_err(), RequestError::InvalidJson { .. }));
}

#[test]
fn string_amounts_are_digits_in_every_api() {
    // Issue 11, item 10: NWC took "1e3" and "1.5e3" while WebLN refused them.
    let nwc = |a: Value| req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": a } }));
    assert_eq!(nwc(json!("1000")).unwrap().amount, AmountIntent::Fixed(1000));
    assert_eq!(nwc(json!(1e3)).unwrap().amount, AmountIntent::Fixed(1000));
    for bad in ["1e3", "1.5e3", "1000.0", "0x3e8"] {
        assert_eq!(nwc(json!(bad)).unwrap_err(), RequestError::InvalidAmount { field: "amount" }, "{bad}");
        assert!(req(Api::WebLn, json!({ "amount": bad })).is_err(), "{bad}");
        assert!(req(Api::LnPay, json!({ "num_satoshis": bad })).is_err(), "{bad}");
    }
    let expiry = |x: Value| req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1, "expiry": x } }));
    assert_eq!(expiry(json!("600")).unwrap().expiry, Some(600));
    assert_eq!(expiry(json!("6e2")).unwrap_err(), RequestError::InvalidExpiry);
}

#[test]
fn lnpay_memo_beside_a_description_hash_is_ignored() {
    // Issue 11, item 7: "If this is provided, memo will be ignored".
    let h = sha256::Hash::hash(b"the real text").to_byte_array();
    let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, h);
    let asked =
        req(Api::LnPay, json!({ "num_satoshis": 5, "memo": "something else", "description_hash": b64 })).unwrap();
    assert_eq!((asked.description.as_deref(), asked.description_hash), (None, Some(h)));
    let inv = make(&asked, None);
    assert_eq!((inv.description(), inv.description_hash().map(|h| h.0)), (None, Some(h)));
    assert!(asked.check_invoice(&inv, &at(T0)).is_ok());
    // The memo is still stored and returned, as LND-backed LNPay does.
    let tx = response(&asked, &inv, &ResponseContext::default()).unwrap();
    assert_eq!(tx["memo"], "something else");
    assert_eq!(tx["description_hash"], b64);
}

#[test]
fn response_integers_stay_exact_in_javascript() {
    // Issue 11, item 12: an invoice whose `expires_at` passes 2^53 - 1 gets no response that a
    // JavaScript reader would round; requests cannot ask for one (check_21_22 above).
    let asked = req(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1000 } })).unwrap();
    // Made at the last timestamp, expiring `expiry` seconds later.
    let expiring_after = |expiry| {
        InvoiceBuilder::new(Network::Bitcoin)
            .timestamp(MAX_TIMESTAMP)
            .amount_msat(1000)
            .payment_hash([1; 32])
            .payment_secret([2; 32])
            .description("")
            .expiry(expiry)
            .sign(&spec_key())
            .unwrap()
    };
    let long = expiring_after(MAX_EXPIRY_SECS + 1);
    assert_eq!(long.expires_at(), MAX_SAFE_JSON_INTEGER + 1);
    for api in Api::ALL {
        let mut r = asked.clone();
        r.api = api;
        assert_eq!(response(&r, &long, &ResponseContext::default()).unwrap_err(), RequestError::InvalidExpiry);
    }
    // One second less is the largest exact integer, and is written.
    let longest = expiring_after(MAX_EXPIRY_SECS);
    let body = response(&asked, &longest, &ResponseContext::default()).unwrap();
    assert_eq!(body["result"]["expires_at"].as_u64(), Some(MAX_SAFE_JSON_INTEGER));
}

#[test]
fn reports_and_errors_as_json() {
    let asked = req(Api::WebLn, json!({ "amount": 10 })).unwrap();
    let v = vector("Please send $3 for a cup of coffee");
    let report = asked.check(v["invoice"].as_str().unwrap(), &at(T0));
    let json = report_json(&report);
    assert_eq!(json["ok"], false);
    assert_eq!(json["violations"][0]["kind"], "amount_mismatch");
    assert_eq!(json["violations"][0]["message"], report.violations[0].to_string());
    assert_eq!(report_json(&CheckReport { violations: Vec::new() }), json!({ "ok": true, "violations": [] }));

    let e = err(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": "x" } }));
    assert_eq!(
        error_response(Api::Nwc, &e),
        json!({ "result_type": "make_invoice", "error": { "code": "OTHER", "message": e.to_string(), "kind": "invalid_amount" } })
    );
    for api in [Api::WebLn, Api::LnPay, Api::Bitfinex] {
        assert_eq!(error_response(api, &e), json!({ "error": { "kind": "invalid_amount", "message": e.to_string() } }));
    }
    assert_eq!(bitfinex_error(&e), json!(["error", 10020, e.to_string()]));
}

#[test]
fn check_invoice_without_a_time_uses_the_clock_too() {
    // Issue 11, item 13: `now: None` means the system clock in `check_invoice` as in `check`.
    let v = vector("Please send $3 for a cup of coffee");
    let inv: Invoice = v["invoice"].as_str().unwrap().parse().unwrap();
    let asked = req(Api::WebLn, json!({ "amount": 250_000 })).unwrap();
    let report = asked.check_invoice(&inv, &CheckOptions { network: None, now: None });
    assert_eq!(report.violations, [Violation::Expired { expires_at: 1_496_314_718 }]);
}

#[test]
fn a_default_amount_alone_bounds_nothing() {
    // Issue 11, item 14 (documented on `check`): WebLN's defaultAmount is a suggestion.
    let asked = req(Api::WebLn, json!({ "defaultAmount": 10 })).unwrap();
    assert_eq!(asked.amount, AmountIntent::Range { min: None, max: None, default: Some(10_000) });
    let mut any = asked.clone();
    any.amount = AmountIntent::Any;
    assert!(asked.check_invoice(&make(&any, Some(777_000)), &at(T0)).is_ok());
}

#[test]
fn check_invalid_invoices() {
    let asked = req(Api::WebLn, json!({})).unwrap();
    let report = asked.check("lnbc1garbage", &at(T0));
    assert!(matches!(report.violations.as_slice(), [Violation::Invalid(_)]));
    let v = vector("Signature is not recoverable.");
    let report = asked.check(v["invoice"].as_str().unwrap(), &at(T0));
    assert_eq!(report.violations, [Violation::Invalid(DecodeError::Signature(SignatureError::Unrecoverable))]);
}

#[test]
fn check_without_a_time_uses_the_clock() {
    // The spec's coffee invoice expired in 2017: with `now: None`, the system clock says so.
    let v = vector("Please send $3 for a cup of coffee");
    let asked = req(Api::WebLn, json!({ "amount": 250_000 })).unwrap();
    let report = asked.check(v["invoice"].as_str().unwrap(), &CheckOptions { network: None, now: None });
    assert_eq!(report.violations, [Violation::Expired { expires_at: 1_496_314_718 }]);
}

#[test]
fn messages_quote_request_text_printably() {
    // Issue 11, item 18: what a request says is echoed in messages without its control or
    // bidirectional characters.
    let e = req(Api::Nwc, json!({ "method": "pay\u{202e}\n", "params": {} })).unwrap_err();
    assert_eq!(e.to_string(), "unsupported method \"pay\u{fffd}\u{fffd}\": only make_invoice creates invoices");
    let e = req(Api::Bitfinex, json!({ "wallet": "margin\u{2066}", "amount": "0.001" })).unwrap_err();
    assert_eq!(e.to_string(), "unsupported wallet \"margin\u{fffd}\": only \"exchange\" is available");
}

#[test]
fn a_null_amount_is_no_amount() {
    // JSON null, as JavaScript's JSON.stringify writes an unset field, asks for any amount.
    assert_eq!(req(Api::WebLn, json!({ "amount": null })).unwrap().amount, AmountIntent::Any);
    assert_eq!(
        req(Api::WebLn, json!({ "minimumAmount": null, "maximumAmount": 20 })).unwrap().amount,
        AmountIntent::Range { min: None, max: Some(20_000), default: None }
    );
    assert_eq!(err(Api::WebLn, json!({ "amount": true })), RequestError::InvalidAmount { field: "amount" });
    // WebLN's scalar argument as null (`makeInvoice(null)`, JSON-encoded): any amount, like `{}`.
    assert_eq!(parse_request(Api::WebLn, "null").unwrap().amount, AmountIntent::Any);
}

#[test]
fn error_kinds_are_stable_snake_case_names() {
    // The CLI's JSON and the JavaScript package hand these to programs: they must not drift.
    let named = [
        (err(Api::WebLn, json!({ "amount": "1.5" })), "fractional_sats"),
        (err(Api::WebLn, json!({ "amount": "x" })), "invalid_amount"),
        (err(Api::Nwc, json!({ "method": "pay_invoice", "params": {} })), "wrong_method"),
        (
            err(Api::Nwc, json!({ "method": "make_invoice", "params": { "amount": 1, "metadata": [1] } })),
            "invalid_metadata",
        ),
        (parse_request(Api::WebLn, "{").unwrap_err(), "invalid_json"),
    ];
    for (e, kind) in &named {
        assert_eq!(e.kind(), *kind, "{e}");
    }
}

#[test]
fn members_are_read_as_a_typed_parse_reads_them() {
    // The request JSON is read without serde's derive (issue 19, item 11): a member given twice
    // or of the wrong type is still invalid JSON, and unknown members are still ignored.
    let dup = parse_request(Api::Nwc, r#"{"method": "make_invoice", "params": {"amount": 1000, "amount": 2000}}"#);
    assert_eq!(dup.unwrap_err(), RequestError::InvalidJson { message: "duplicate field `amount`".into() });
    for (api, json) in [
        (Api::Nwc, r#"{"method": "make_invoice", "params": {"amount": 1000, "description": 5}}"#),
        (Api::Nwc, r#"{"method": 7, "params": {"amount": 1000}}"#),
        (Api::Nwc, r#"{"method": "make_invoice"}"#),
        (Api::Nwc, r#"{"method": "make_invoice", "params": []}"#),
        (Api::WebLn, r#"{"defaultMemo": ["x"]}"#),
        (Api::Bitfinex, r#"{"amount": "0.001", "wallet": 1}"#),
        (Api::LnPay, "[]"),
    ] {
        assert!(matches!(parse_request(api, json), Err(RequestError::InvalidJson { .. })), "{json}");
    }
    let ok = parse_request(
        Api::Nwc,
        r#"{"method": "make_invoice", "params": {"amount": 1000, "x": [1], "description": null}, "id": 3}"#,
    );
    assert_eq!(ok.unwrap().description, None);
}
