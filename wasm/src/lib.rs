//! JavaScript bindings for `lightning-bolt11`: decode, verify, check and make invoices in web
//! apps and Node. The package's `js/api.js` wraps these exports: results are plain JS objects
//! with the same fields as the `bolt11` CLI's JSON; numbers above 2^53 - 1 come back as
//! strings, never rounded. Errors are thrown as `Error` objects with `kind` and `message`.
//!
//! Without the `full` feature only decoding is built: the small `.wasm` for pages that show
//! invoices. `full` adds `check` and `makeInvoice` (JSON requests, signing).

mod record;

use std::cell::RefCell;

use js_sys::{Error, Reflect};
use lightning_bolt11::{DecodeError, DecodeOptions, InvoiceRef, Network};
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
use js_sys::JSON;
#[cfg(feature = "full")]
use lightning_bolt11::request::{
    error_response, make_response, parse_request, report_json, Api, CheckOptions, MakeParams, RequestError,
    MAX_SAFE_JSON_INTEGER,
};
#[cfg(feature = "full")]
use lightning_bolt11::secp256k1::SecretKey;
#[cfg(feature = "full")]
use serde_json::Value;

/// An `Error` with a `kind` property.
fn js_error(kind: &str, message: &str) -> JsValue {
    let e = Error::new(message);
    let _ = Reflect::set(&e, &"kind".into(), &kind.into());
    e.into()
}

fn decode_error(e: &DecodeError) -> JsValue {
    js_error(e.kind(), &e.to_string())
}

/// Replaces every integer above 2^53 - 1 by its decimal string.
#[cfg(feature = "full")]
fn safe_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.as_u64().is_some_and(|n| n > MAX_SAFE_JSON_INTEGER) => *v = Value::String(n.to_string()),
        Value::Array(a) => a.iter_mut().for_each(safe_numbers),
        Value::Object(o) => o.values_mut().for_each(safe_numbers),
        _ => {}
    }
}

/// Serialises through JSON text, so the JS object has exactly the CLI's fields.
#[cfg(feature = "full")]
fn to_js(mut v: Value) -> Result<JsValue, JsValue> {
    safe_numbers(&mut v);
    let text = serde_json::to_string(&v).map_err(|e| js_error("internal", &e.to_string()))?;
    JSON::parse(&text)
}

#[cfg(feature = "full")]
fn option(options: &JsValue, name: &str) -> Option<JsValue> {
    if options.is_undefined() || options.is_null() {
        return None;
    }
    Reflect::get(options, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn network(name: Option<String>) -> Result<Option<Network>, JsValue> {
    match name {
        Some(name) => {
            name.parse().map(Some).map_err(|e: lightning_bolt11::UnknownNetwork| js_error("usage", &e.to_string()))
        }
        None => Ok(None),
    }
}

#[cfg(feature = "full")]
fn network_option(options: &JsValue) -> Result<Option<Network>, JsValue> {
    network(option(options, "network").and_then(|v| v.as_string()))
}

/// Parses, and verifies when asked: the view and the payee's key.
fn parse_view(
    invoice: &str,
    verify: bool,
    lenient: bool,
    network_name: Option<String>,
) -> Result<(InvoiceRef<'_>, Option<lightning_bolt11::secp256k1::PublicKey>), JsValue> {
    let mut opts = DecodeOptions::new();
    if lenient {
        opts = opts.lenient();
    }
    if let Some(n) = network(network_name)? {
        opts = opts.network(n);
    }
    let view = InvoiceRef::parse_with(invoice, &opts).map_err(|e| decode_error(&e))?;
    let payee = if verify { Some(view.verify().map_err(|e| decode_error(&e.into()))?) } else { None };
    Ok((view, payee))
}

thread_local! {
    /// The text of the last record, until `recordText` takes it.
    static RECORD_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Decodes (and, with `verify`, checks the signature and recovers the payee) into a record:
/// returns its numbers and keeps its text for `recordText`. `js/api.js` turns the two into
/// the result object; call `decode` or `decodeUnverified` from there, not this.
#[wasm_bindgen(js_name = decodeRecord)]
pub fn decode_record(
    invoice: &str,
    verify: bool,
    lenient: bool,
    network_name: Option<String>,
) -> Result<Vec<f64>, JsValue> {
    let (view, payee) = parse_view(invoice, verify, lenient, network_name)?;
    let mut record = record::Record::default();
    record.write(&view, payee).map_err(|m| js_error("internal", m))?;
    RECORD_TEXT.with(|t| *t.borrow_mut() = record.text);
    Ok(record.nums)
}

/// The text of the record `decodeRecord` just wrote.
#[wasm_bindgen(js_name = recordText)]
pub fn record_text() -> String {
    RECORD_TEXT.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

/// Decodes into the `bolt11` CLI's JSON text (`summary::Summary`): the reference the fast
/// record is tested against, and JSON for callers who want text.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = decodeJson)]
pub fn decode_json(
    invoice: &str,
    verify: bool,
    lenient: bool,
    network_name: Option<String>,
) -> Result<String, JsValue> {
    let (view, payee) = parse_view(invoice, verify, lenient, network_name)?;
    serde_json::to_string(&lightning_bolt11::summary::Summary::new(&view, payee))
        .map_err(|e| js_error("internal", &e.to_string()))
}

#[cfg(feature = "full")]
fn api(name: &str) -> Result<Api, JsValue> {
    name.parse().map_err(|e: lightning_bolt11::request::UnknownApi| js_error("usage", &e.to_string()))
}

#[cfg(feature = "full")]
/// A request as JSON text: a string as it is, an object through `JSON.stringify`.
fn request_text(request: &JsValue) -> Result<String, JsValue> {
    match request.as_string() {
        Some(s) => Ok(s),
        None => {
            JSON::stringify(request).map(String::from).map_err(|_| js_error("invalid_json", "the request is not JSON"))
        }
    }
}

#[cfg(feature = "full")]
fn request_error(api: Api, e: &RequestError) -> JsValue {
    let err = js_error(e.kind(), &e.to_string());
    // The API's own error shape, for services that pass it on.
    if let Ok(body) = to_js(error_response(api, e)) {
        let _ = Reflect::set(&err, &"response".into(), &body);
    }
    err
}

#[cfg(feature = "full")]
/// Checks that `invoice` honours `request` (an object or JSON text in `api`'s shape):
/// amount, description or hash, expiry, network, signature, not expired at `now`.
/// `options`: `{network, now}` (`now` in seconds; the current time by default).
/// Returns `{ok, violations: [{kind, message}]}`.
#[wasm_bindgen]
pub fn check(api_name: &str, request: JsValue, invoice: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let api = api(api_name)?;
    let req = parse_request(api, &request_text(&request)?).map_err(|e| request_error(api, &e))?;
    let now = option(&options, "now").and_then(|v| v.as_f64()).unwrap_or_else(|| js_sys::Date::now() / 1000.0);
    let opts = CheckOptions { network: network_option(&options)?, now: Some(now as u64) };
    to_js(report_json(&req.check(invoice, &opts)))
}

#[cfg(feature = "full")]
fn hex32(name: &str, text: &str) -> Result<[u8; 32], JsValue> {
    let mut out = [0u8; 32];
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return Err(js_error("usage", &format!("{name}: expected 64 hex digits")));
    }
    for (o, pair) in out.iter_mut().zip(bytes.chunks(2)) {
        let s = std::str::from_utf8(pair).unwrap_or("");
        *o = u8::from_str_radix(s, 16).map_err(|_| js_error("usage", &format!("{name}: expected 64 hex digits")))?;
    }
    Ok(out)
}

#[cfg(feature = "full")]
fn random32() -> Result<[u8; 32], JsValue> {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).map_err(|e| js_error("internal", &e.to_string()))?;
    Ok(b)
}

#[cfg(feature = "full")]
/// Makes and signs the invoice `request` asks for and returns `api`'s response shape, for
/// Node wallet services. `options`: `{network, preimageHex, amountSats}` (a random preimage
/// when none is given; the payment hash is its SHA-256).
#[wasm_bindgen(js_name = makeInvoice)]
pub fn make_invoice(
    api_name: &str,
    request: JsValue,
    secret_key_hex: &str,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let api = api(api_name)?;
    let key = SecretKey::from_slice(&hex32("secretKeyHex", secret_key_hex)?)
        .map_err(|_| js_error("usage", "secretKeyHex: not a valid secret key"))?;
    let preimage = match option(&options, "preimageHex").and_then(|v| v.as_string()) {
        Some(h) => hex32("preimageHex", &h)?,
        None => random32()?,
    };
    let amount_sats = match option(&options, "amountSats") {
        Some(v) => {
            let n = v.as_f64().filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= MAX_SAFE_JSON_INTEGER as f64);
            Some(n.ok_or_else(|| js_error("usage", "amountSats: a whole number of satoshis"))? as u64)
        }
        None => None,
    };
    let params = MakeParams {
        network: network_option(&options)?.unwrap_or(Network::Bitcoin),
        key: &key,
        preimage,
        payment_secret: random32()?,
        amount_sats,
        timestamp: (js_sys::Date::now() / 1000.0) as u64,
    };
    let (_, body) = make_response(api, &request_text(&request)?, &params).map_err(|e| request_error(api, &e))?;
    to_js(body)
}
