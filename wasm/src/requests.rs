//! `check` and `decodeJson`: requests in each API's JSON shape, and JSON results (the `full`
//! build).

use js_sys::{Reflect, JSON};
use lightning_bolt11::request::{
    error_response, parse_request, report_json, Api, CheckOptions, RequestError, MAX_SAFE_JSON_INTEGER,
};
use lightning_bolt11::Network;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::parse_view;

/// An `Error` with a `kind` property.
pub(crate) fn js_error(kind: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = Reflect::set(&e, &"kind".into(), &kind.into());
    e.into()
}

pub(crate) fn network(name: Option<String>) -> Result<Option<Network>, JsValue> {
    match name {
        Some(name) => {
            name.parse().map(Some).map_err(|e: lightning_bolt11::UnknownNetwork| js_error("usage", &e.to_string()))
        }
        None => Ok(None),
    }
}

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

/// An option the caller set on `options` itself: nothing a page put on `Object.prototype` is
/// read.
pub(crate) fn option(options: &JsValue, name: &str) -> Option<JsValue> {
    if !options.is_object() || !js_sys::Object::has_own(options.unchecked_ref(), &name.into()) {
        return None;
    }
    Reflect::get(options, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// The `network` option: absent, or a network's name.
pub(crate) fn network_option(options: &JsValue) -> Result<Option<Network>, JsValue> {
    match option(options, "network") {
        None => Ok(None),
        Some(v) => match v.as_string() {
            Some(name) => network(Some(name)),
            None => Err(js_error("usage", "network: a network's name")),
        },
    }
}

/// Decodes into the `bolt11` CLI's JSON text (`summary::Summary`): the reference the fast
/// record is tested against, and JSON for callers who want text. `flags` as `decodeInput`'s
/// (profile and network; the signature is checked when bit 0 is set).
#[wasm_bindgen(js_name = rawDecodeJson)]
pub fn decode_json(invoice: &str, flags: u32) -> Result<String, JsValue> {
    let opts = crate::options(flags).ok_or_else(|| js_error("usage", "unknown network"))?;
    let verify = flags & 1 != 0;
    let (view, payee) = parse_view(invoice, verify, &opts).map_err(|e| js_error(e.kind(), &e.to_string()))?;
    serde_json::to_string(&lightning_bolt11::summary::Summary::new(&view, payee))
        .map_err(|e| js_error("internal", &e.to_string()))
}

pub(crate) fn api(name: &str) -> Result<Api, JsValue> {
    name.parse().map_err(|e: lightning_bolt11::request::UnknownApi| js_error("usage", &e.to_string()))
}

/// A request as JSON text: an object (or number) through `JSON.stringify`, a string as it is.
/// For WebLN a string that is not an object's JSON is `makeInvoice`'s scalar argument, an
/// amount in sats, and becomes a JSON string, held to digits like any string amount.
pub(crate) fn request_text(api: Api, request: &JsValue) -> Result<String, JsValue> {
    let text = match request.as_string() {
        Some(s) if api == Api::WebLn && !s.trim_start().starts_with('{') => JSON::stringify(request),
        Some(s) => return Ok(s),
        None => JSON::stringify(request),
    };
    text.map(String::from).map_err(|_| js_error("invalid_json", "the request is not JSON"))
}

/// A number option: absent, or a finite, non-negative number of at most 2^53 - 1, rounded
/// down. Anything else (NaN, a negative number, a string) is a usage error, never "absent".
pub(crate) fn number_option(options: &JsValue, name: &str) -> Result<Option<u64>, JsValue> {
    let Some(v) = option(options, name) else { return Ok(None) };
    match v.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 && n <= MAX_SAFE_JSON_INTEGER as f64 => Ok(Some(n.floor() as u64)),
        _ => Err(js_error("usage", &format!("{name}: a finite, non-negative number"))),
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
#[wasm_bindgen(js_name = rawCheck)]
pub fn check(api_name: &str, request: JsValue, invoice: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let api = api(api_name)?;
    let now = number_option(&options, "now")?.unwrap_or_else(|| (js_sys::Date::now() / 1000.0) as u64);
    let network = network_option(&options)?;
    let req = parse_request(api, &request_text(api, &request)?).map_err(|e| request_error(api, &e))?;
    to_js(report_json(&req.check(invoice, &CheckOptions { network, now: Some(now) })))
}
