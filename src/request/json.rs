//! Each API's request JSON in, with its exact field names, and its response JSON out.
//!
//! Amounts are read from the JSON text itself (`RawValue`), so `1e3`, `10.5` or a 20-digit
//! number reach the exact converter as written, not as a rounded float.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use base64::Engine as _;
use hex_conservative::{DisplayHex, FromHex};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};

use super::amount::{btc_to_msat, msat, msat_to_btc_string, sats_to_msat, whole_sats, AmountInput};
use super::{AmountIntent, Api, CheckReport, InvoiceRequest, RequestError};
use crate::invoice::Invoice;

/// Bitfinex's documented range, in msat: 0.000001 to 0.02 BTC inclusive (check 14).
pub const BITFINEX_MIN_MSAT: u64 = 100_000;
/// See [`BITFINEX_MIN_MSAT`].
pub const BITFINEX_MAX_MSAT: u64 = 2_000_000_000;

/// NWC's limit on serialised `metadata`, in characters (check 23; NIP-47: "no more than 4096
/// characters"). Characters are Unicode scalar values, not UTF-8 bytes.
pub const MAX_METADATA_LEN: usize = 4096;

fn invalid(e: serde_json::Error) -> RequestError {
    RequestError::InvalidJson { message: e.to_string() }
}

/// The amount as written: a number literal, or a string of plain characters. `None` for null.
fn amount_input<'a>(raw: &'a RawValue, field: &'static str) -> Result<Option<AmountInput<'a>>, RequestError> {
    let text = raw.get().trim();
    match text.as_bytes().first() {
        Some(b'"') => {
            let inner = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
            // Amounts never need escapes; a string with one is not an amount.
            if inner.contains('\\') {
                return Err(RequestError::InvalidAmount { field });
            }
            Ok(Some(AmountInput::Text(inner)))
        }
        Some(b'-' | b'0'..=b'9') => Ok(Some(AmountInput::Number(text))),
        _ if text == "null" => Ok(None),
        _ => Err(RequestError::InvalidAmount { field }),
    }
}

fn sats_field(raw: Option<&RawValue>, field: &'static str) -> Result<Option<u64>, RequestError> {
    match raw.map(|r| amount_input(r, field)).transpose()?.flatten() {
        Some(input) => sats_to_msat(input, field).map(Some),
        None => Ok(None),
    }
}

/// An expiry in seconds: a whole number of at least 1 (checks 21, 22).
fn expiry_field(raw: Option<&RawValue>) -> Result<Option<u64>, RequestError> {
    match raw.map(|r| amount_input(r, "expiry")).transpose()?.flatten().map(|i| msat(i, "expiry")) {
        None => Ok(None),
        Some(Ok(0) | Err(_)) => Err(RequestError::InvalidExpiry),
        Some(Ok(secs)) => Ok(Some(secs)),
    }
}

/// An object, or (LNPay `passThru`) a string holding one, as JSON text.
fn object_text(v: Value, from_string: bool) -> Option<String> {
    match v {
        Value::Object(_) => serde_json::to_string(&v).ok(),
        Value::String(s) if from_string => match serde_json::from_str::<Value>(&s) {
            Ok(Value::Object(m)) => serde_json::to_string(&m).ok(),
            _ => None,
        },
        _ => None,
    }
}

/// A JSON object's members as written: each value's raw text, for the fields below to read.
/// Read without serde's derive, so that the `serde` feature needs no proc-macro crate (whose
/// newest versions need a newer Rust than this crate's). Unknown members are ignored; a member
/// read twice is an error, as with serde's derive.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = alloc::vec::Vec::new();
                while let Some(entry) = map.next_entry::<String, &'de RawValue>()? {
                    members.push(entry);
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(Visit)
    }
}

impl<'a> Members<'a> {
    fn parse(json: &'a str) -> Result<Self, RequestError> {
        serde_json::from_str(json).map_err(invalid)
    }

    /// The member `key`'s raw value; `None` when absent or `null`.
    fn raw(&self, key: &str) -> Result<Option<&'a RawValue>, RequestError> {
        let mut found = self.0.iter().filter(|(k, _)| k == key).map(|(_, v)| *v);
        let first = found.next();
        if found.next().is_some() {
            return Err(RequestError::InvalidJson { message: alloc::format!("duplicate field `{key}`") });
        }
        Ok(first.filter(|v| v.get().trim() != "null"))
    }

    fn read<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>, RequestError> {
        match self.raw(key)? {
            None => Ok(None),
            Some(raw) => serde_json::from_str(raw.get())
                .map(Some)
                .map_err(|e| RequestError::InvalidJson { message: alloc::format!("field `{key}`: {e}") }),
        }
    }

    fn string(&self, key: &str) -> Result<Option<String>, RequestError> {
        self.read(key)
    }

    fn value(&self, key: &str) -> Result<Option<Value>, RequestError> {
        self.read(key)
    }

    fn required<T>(&self, key: &str, got: Option<T>) -> Result<T, RequestError> {
        got.ok_or_else(|| RequestError::InvalidJson { message: alloc::format!("missing field `{key}`") })
    }
}

/// Parses a request in `api`'s own JSON and checks it (section 7).
///
/// - WebLN `RequestInvoiceArgs`: `amount`, `defaultAmount`, `minimumAmount`, `maximumAmount`
///   (sats, number or string), `defaultMemo`.
/// - NWC: `{"method": "make_invoice", "params": {amount (msat, required), description,
///   description_hash (hex), expiry, metadata}}`.
/// - LNPay: `num_satoshis` (required), `memo`, `description_hash` (base64), `expiry`
///   (default 86400), `passThru` (an object, or a string holding one).
/// - Bitfinex: `wallet` ("exchange"), `currency` ("LNX"), `amount` (a BTC string, 0.000001 to 0.02).
///
/// Each API's request, in its own units, is one model:
/// ```
/// use lightning_bolt11::request::{parse_request, AmountIntent, Api, RequestError};
///
/// // WebLN: sats; a bare number is the amount; bounds and a default leave the choice open.
/// let webln = parse_request(Api::WebLn, r#"{"minimumAmount": 10, "maximumAmount": 500, "defaultMemo": "tip"}"#)?;
/// assert_eq!(webln.amount, AmountIntent::Range { min: Some(10_000), max: Some(500_000), default: None });
/// assert_eq!(parse_request(Api::WebLn, "21")?.amount, AmountIntent::Fixed(21_000));
/// // NWC (NIP-47): msat, a JSON-RPC-like envelope.
/// let nwc = parse_request(Api::Nwc, r#"{"method": "make_invoice", "params": {"amount": 21000, "description": "zap", "expiry": 600}}"#)?;
/// assert_eq!((nwc.amount, nwc.expiry), (AmountIntent::Fixed(21_000), Some(600)));
/// // LNPay: sats, a base64 description hash, a one-day expiry by default.
/// let lnpay = parse_request(Api::LnPay, r#"{"num_satoshis": 100, "memo": "order 7"}"#)?;
/// assert_eq!((lnpay.amount, lnpay.expiry), (AmountIntent::Fixed(100_000), Some(86_400)));
/// // Bitfinex: a BTC decimal string, within its documented range.
/// let bitfinex = parse_request(Api::Bitfinex, r#"{"wallet": "exchange", "currency": "LNX", "amount": "0.0001"}"#)?;
/// assert_eq!(bitfinex.amount, AmountIntent::Fixed(10_000_000));
/// assert_eq!(parse_request(Api::Nwc, r#"{"method": "make_invoice", "params": {}}"#), Err(RequestError::AmountRequired));
/// # Ok::<(), RequestError>(())
/// ```
///
/// # Errors
/// [`RequestError::InvalidJson`] for JSON that is not the API's shape, and the error of the
/// first check of section 7 that fails (one variant each; see [`RequestError`]).
pub fn parse_request(api: Api, json: &str) -> Result<InvoiceRequest, RequestError> {
    let mut req = InvoiceRequest::new(api);
    match api {
        Api::WebLn => {
            // `makeInvoice(args: string | number | RequestInvoiceArgs)`: a bare number or string
            // is the amount in sats, as Alby's provider reads it (`{amount: args}`).
            let raw: &RawValue = serde_json::from_str(json).map_err(invalid)?;
            let object = raw.get().trim_start().starts_with('{');
            let a = if object { Members::parse(raw.get())? } else { Members(alloc::vec::Vec::new()) };
            let (memo, default_memo) = (a.string("memo")?, a.string("defaultMemo")?);
            let amount = if object { a.raw("amount")? } else { Some(raw) };
            let amount = sats_field(amount, "amount")?;
            let default = sats_field(a.raw("defaultAmount")?, "defaultAmount")?;
            let min = sats_field(a.raw("minimumAmount")?, "minimumAmount")?;
            let max = sats_field(a.raw("maximumAmount")?, "maximumAmount")?;
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo > hi {
                    return Err(RequestError::InvalidRange); // check 8
                }
            }
            req.amount = match amount {
                Some(0) => return Err(RequestError::ZeroAmount { field: "amount" }), // check 4
                Some(fixed) => {
                    // Check 12: `amount` wins, but a different default is a contradiction.
                    if default.map_or(false, |d| d != fixed) {
                        return Err(RequestError::ConflictingAmount);
                    }
                    // Checks 10, 11: a fixed amount within the bounds, inclusive.
                    if let Some(minimum) = min.filter(|&lo| fixed < lo) {
                        return Err(RequestError::AmountBelowMinimum { amount: fixed, minimum });
                    }
                    if let Some(maximum) = max.filter(|&hi| fixed > hi) {
                        return Err(RequestError::AmountAboveMaximum { amount: fixed, maximum });
                    }
                    AmountIntent::Fixed(fixed)
                }
                None if default.is_none() && min.is_none() && max.is_none() => AmountIntent::Any,
                None => AmountIntent::Range { min, max, default },
            };
            // Alby's `memo` binds (its prompt cannot edit it); `defaultMemo` only suggests.
            req.description = memo;
            req.suggested_description = default_memo;
        }
        Api::Nwc => {
            let r = Members::parse(json)?;
            let method: String = r.required("method", r.string("method")?)?;
            let params: &RawValue = r.required("params", r.raw("params")?)?;
            if method != "make_invoice" {
                return Err(RequestError::WrongMethod { method });
            }
            let p = Members::parse(params.get())?;
            let (description, hash, metadata) =
                (p.string("description")?, p.string("description_hash")?, p.value("metadata")?);
            let input = p.raw("amount")?.map(|a| amount_input(a, "amount")).transpose()?.flatten();
            let amount = msat(input.ok_or(RequestError::AmountRequired)?, "amount")?; // check 5
            req.amount = AmountIntent::Fixed(amount);
            req.description = description;
            if let Some(h) = hash {
                // Checks 17, 18: 64 hex digits; upper case is normalised.
                let bytes =
                    <[u8; 32]>::from_hex(&h).map_err(|_| RequestError::InvalidDescriptionHash { encoding: "hex" })?;
                req.description_hash = Some(bytes);
                req.description_hash_text = Some(bytes.to_lower_hex_string());
            }
            req.expiry = expiry_field(p.raw("expiry")?)?;
            if let Some(m) = metadata {
                let text = object_text(m, false).ok_or(RequestError::InvalidMetadata)?;
                let len = text.chars().count();
                if len > MAX_METADATA_LEN {
                    return Err(RequestError::MetadataTooLarge { len }); // check 23
                }
                req.metadata = Some(text);
            }
        }
        Api::LnPay => {
            let r = Members::parse(json)?;
            // Every member's type first, as a typed parse would: a bad one is bad JSON.
            let (memo, hash, pass_thru) = (r.string("memo")?, r.string("description_hash")?, r.value("passThru")?);
            let amount = sats_field(r.raw("num_satoshis")?, "num_satoshis")?.ok_or(RequestError::AmountRequired)?;
            if amount == 0 {
                return Err(RequestError::ZeroAmount { field: "num_satoshis" });
            }
            req.amount = AmountIntent::Fixed(amount);
            req.description = memo;
            if let Some(h) = hash {
                // "If this is provided, memo will be ignored": kept to echo, not to bind.
                req.suggested_description = req.description.take();
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(h.trim())
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b).ok())
                    .ok_or(RequestError::InvalidDescriptionHash { encoding: "base64" })?;
                req.description_hash = Some(bytes);
                req.description_hash_text = Some(h);
            }
            if let Some(x) = expiry_field(r.raw("expiry")?)? {
                req.expiry = Some(x);
            }
            if let Some(p) = pass_thru {
                req.pass_thru = Some(object_text(p, true).ok_or(RequestError::InvalidPassThru)?);
                // check 24
            }
        }
        Api::Bitfinex => {
            let r = Members::parse(json)?;
            // Check 15.
            if let Some(w) = r.string("wallet")?.filter(|w| w != "exchange") {
                return Err(RequestError::UnsupportedWallet(w));
            }
            if let Some(c) = r.string("currency")?.filter(|c| c != "LNX") {
                return Err(RequestError::UnsupportedCurrency(c));
            }
            let input = r.raw("amount")?.map(|a| amount_input(a, "amount")).transpose()?.flatten();
            let amount = btc_to_msat(input.ok_or(RequestError::AmountRequired)?, "amount")?;
            if !(BITFINEX_MIN_MSAT..=BITFINEX_MAX_MSAT).contains(&amount) {
                return Err(RequestError::BitfinexAmountOutOfRange { amount });
            }
            req.amount = AmountIntent::Fixed(amount);
        }
    }
    req.validate()?;
    Ok(req)
}

/// What the response needs beyond the request and the invoice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResponseContext {
    /// The payment preimage, for APIs whose response can carry it once paid (not before).
    pub settled_preimage: Option<[u8; 32]>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.to_lower_hex_string()
}

fn object(text: &Option<String>) -> Value {
    text.as_deref().and_then(|t| serde_json::from_str::<Map<String, Value>>(t).ok()).map_or(Value::Null, Value::Object)
}

/// The API's response for an invoice made from `req`:
///
/// - WebLN: `{"paymentRequest"}`.
/// - NWC: `{"result_type": "make_invoice", "result": {type, invoice, description,
///   description_hash, payment_hash, amount, fees_paid, created_at, expires_at, metadata}}`.
/// - LNPay: its `LnTx` object.
/// - Bitfinex: `[payment hash, invoice, null, null, amount as a BTC string]`.
///
/// # Errors
/// [`RequestError::SubSatAmount`] for a sat-denominated API and an invoice of a fraction of a
/// satoshi (check 3); [`RequestError::InvalidExpiry`] when `expires_at` is beyond what JSON
/// carries exactly (2^53 - 1).
pub fn response(req: &InvoiceRequest, invoice: &Invoice, ctx: &ResponseContext) -> Result<Value, RequestError> {
    // Every integer written is one JSON carries exactly; `expires_at` is the largest.
    if invoice.expires_at() > super::MAX_SAFE_JSON_INTEGER {
        return Err(RequestError::InvalidExpiry);
    }
    let text = invoice.to_string();
    let payment_hash = invoice.payment_hash().to_string();
    Ok(match req.api {
        Api::WebLn => json!({ "paymentRequest": text }),
        Api::Nwc => {
            let mut result = json!({
                "type": "incoming",
                "invoice": text,
                "description": req.description,
                "description_hash": invoice.description_hash().map(|h| h.to_string()),
                "payment_hash": payment_hash,
                "amount": invoice.amount_msat().unwrap_or(0),
                "fees_paid": 0,
                "created_at": invoice.timestamp(),
                "expires_at": invoice.expires_at(),
                "metadata": object(&req.metadata),
            });
            if let (Some(p), Some(m)) = (ctx.settled_preimage, result.as_object_mut()) {
                m.insert("preimage".into(), Value::String(hex(&p)));
            }
            json!({ "result_type": "make_invoice", "result": result })
        }
        Api::LnPay => json!({
            "id": format_args!("lntx_{}", payment_hash.get(..22).unwrap_or("")).to_string(),
            "created_at": invoice.timestamp(),
            "dest_pubkey": invoice.payee().to_string(),
            "payment_request": text,
            "r_hash_decoded": payment_hash,
            "memo": req.description.as_ref().or(req.suggested_description.as_ref()).cloned().unwrap_or_default(),
            "description_hash": req.description_hash_text,
            "num_satoshis": whole_sats(invoice.amount_msat().unwrap_or(0))?,
            "expiry": invoice.expiry(),
            "expires_at": invoice.expires_at(),
            "payment_preimage": ctx.settled_preimage.map(|p| hex(&p)),
            "settled": i32::from(ctx.settled_preimage.is_some()),
            "settled_at": Value::Null,
            "is_keysend": Value::Null,
            "custom_records": Value::Null,
            "passThru": object(&req.pass_thru),
        }),
        Api::Bitfinex => json!([
            payment_hash,
            text,
            Value::Null,
            Value::Null,
            msat_to_btc_string(invoice.amount_msat().unwrap_or(0))?,
        ]),
    })
}

/// An error in the API's own shape where it has one (NWC's `error` object with a spec code,
/// Bitfinex's `["error", code, message]`), always with a top-level `error`.
pub fn error_response(api: Api, e: &RequestError) -> Value {
    let message = e.to_string();
    match api {
        // NIP-47 has no parameter error code: OTHER keeps to the spec.
        Api::Nwc => json!({
            "result_type": "make_invoice",
            "error": { "code": "OTHER", "message": message, "kind": e.kind() },
        }),
        _ => json!({ "error": { "kind": e.kind(), "message": message } }),
    }
}

/// Bitfinex's own error array, `["error", 10020, message]` (10020: invalid parameters).
pub fn bitfinex_error(e: &RequestError) -> Value {
    json!(["error", 10020, e.to_string()])
}

/// What [`make_response`] needs beyond the request: the network, the signing key, the
/// preimage and payment secret (the caller's randomness), the user's amount choice, the time.
#[derive(Clone, Copy, Debug)]
pub struct MakeParams<'a> {
    /// The network of the invoice.
    pub network: crate::network::Network,
    /// The key that signs.
    pub key: &'a secp256k1::SecretKey,
    /// The payment preimage; the payment hash is its SHA-256.
    pub preimage: [u8; 32],
    /// The payment secret.
    pub payment_secret: [u8; 32],
    /// The amount the user chose, in satoshis, for a request that leaves it open.
    pub amount_sats: Option<u64>,
    /// Creation time, seconds since 1970.
    pub timestamp: u64,
}

/// Parses `api`'s request JSON, makes and signs the invoice, and returns it with the API's
/// response: the whole wallet-service side in one call (used by the CLI and the WebAssembly
/// package).
///
/// ```
/// use lightning_bolt11::request::{make_response, Api, MakeParams};
/// use lightning_bolt11::secp256k1::SecretKey;
/// use lightning_bolt11::Network;
///
/// let key = SecretKey::from_slice(&[0x42; 32])?;
/// let preimage = [7u8; 32]; // your randomness: the payment is settled with it
/// let params = MakeParams { network: Network::Signet, key: &key, preimage, payment_secret: [8; 32], amount_sats: None, timestamp: 1_700_000_000 };
/// let (invoice, body) = make_response(Api::Nwc, r#"{"method": "make_invoice", "params": {"amount": 5000}}"#, &params)?;
/// assert!(invoice.is_paid_by(&preimage));
/// assert_eq!(body["result"]["amount"], 5000);
/// assert_eq!(body["result"]["invoice"], invoice.to_string());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// What [`parse_request`], [`InvoiceRequest::builder`], signing and [`response`] refuse.
#[cfg(feature = "std")]
pub fn make_response(api: Api, request_json: &str, p: &MakeParams<'_>) -> Result<(Invoice, Value), RequestError> {
    let req = parse_request(api, request_json)?;
    let choice = p
        .amount_sats
        .map(|s| {
            s.checked_mul(1000)
                .ok_or(RequestError::AmountTooLarge { field: "amount_sats", limit: crate::MAX_AMOUNT_MSAT })
        })
        .transpose()?;
    let invoice = req
        .builder(p.network, choice)?
        .timestamp(p.timestamp)
        .payment_hash(crate::payment_hash_of(&p.preimage))
        .payment_secret(p.payment_secret)
        .sign(p.key)?;
    let body = response(&req, &invoice, &ResponseContext::default())?;
    Ok((invoice, body))
}

/// A check report as JSON: `{"ok": bool, "violations": [{"kind", "message"}]}`.
pub fn report_json(report: &CheckReport) -> Value {
    let violations: alloc::vec::Vec<Value> =
        report.violations.iter().map(|v| json!({ "kind": v.kind(), "message": v.to_string() })).collect();
    json!({ "ok": report.is_ok(), "violations": violations })
}
