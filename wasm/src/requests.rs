//! `check` and `decodeJson`: requests in each API's JSON shape, and JSON results (the `full`
//! build).

use js_sys::{Reflect, JSON};
use lightning_bolt11::request::{
    error_response, parse_request, report_json, Api, CheckOptions, RequestError, MAX_SAFE_JSON_INTEGER,
};
use lightning_bolt11::Network;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::{js_error, network, parse_view};

/// Replaces every integer above 2^53 - 1 by its decimal string.
fn safe_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.as_u64().is_some_and(|n| n > MAX_SAFE_JSON_INTEGER) => *v = Value::String(n.to_string()),
        Value::Array(a) => a.iter_mut().for_each(safe_numbers),
        Value::Object(o) => o.values_mut().for_each(safe_numbers),
        _ => {}
    }
}

/// Serialises through JSON text, so the JS object has exactly the CLI's fields.
pub(crate) fn to_js(mut v: Value) -> Result<JsValue, JsValue> {
    safe_numbers(&mut v);
    let text = serde_json::to_string(&v).map_err(|e| js_error("internal", &e.to_string()))?;
    JSON::parse(&text)
}

pub(crate) fn option(options: &JsValue, name: &str) -> Option<JsValue> {
    if options.is_undefined() || options.is_null() {
        return None;
    }
    Reflect::get(options, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

pub(crate) fn network_option(options: &JsValue) -> Result<Option<Network>, JsValue> {
    network(option(options, "network").and_then(|v| v.as_string()))
}

/// Decodes into the `bolt11` CLI's JSON text (`summary::Summary`): the reference the fast
/// record is tested against, and JSON for callers who want text.
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

pub(crate) fn api(name: &str) -> Result<Api, JsValue> {
    name.parse().map_err(|e: lightning_bolt11::request::UnknownApi| js_error("usage", &e.to_string()))
}

/// A request as JSON text: a string as it is, an object through `JSON.stringify`.
pub(crate) fn request_text(request: &JsValue) -> Result<String, JsValue> {
    match request.as_string() {
        Some(s) => Ok(s),
        None => {
            JSON::stringify(request).map(String::from).map_err(|_| js_error("invalid_json", "the request is not JSON"))
        }
    }
}

pub(crate) fn request_error(api: Api, e: &RequestError) -> JsValue {
    let err = js_error(e.kind(), &e.to_string());
    // The API's own error shape, for services that pass it on.
    if let Ok(body) = to_js(error_response(api, e)) {
        let _ = Reflect::set(&err, &"response".into(), &body);
    }
    err
}

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
