//! `makeInvoice`: the signed invoice a request asks for, in the API's response shape, for Node
//! wallet services (the `full` build).

use hex_conservative::FromHex;
use js_sys::Reflect;
use lightning_bolt11::request::{make_response, MakeParams, MAX_SAFE_JSON_INTEGER};
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::Network;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::requests::{api, js_error, network_option, option, request_error, request_text, to_js};

fn hex32(name: &str, text: &str) -> Result<[u8; 32], JsValue> {
    <[u8; 32]>::from_hex(text).map_err(|_| js_error("usage", &format!("{name}: expected 64 hex digits")))
}

fn random32() -> Result<[u8; 32], JsValue> {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).map_err(|e| js_error("internal", &e.to_string()))?;
    Ok(b)
}

/// Makes and signs the invoice `request` asks for, for Node wallet services: returns
/// `{invoice, response, preimageHex}`, `response` in `api`'s shape. `options`: `{network,
/// preimageHex, amountSats}` (`preimageHex` as hex or 32 bytes; a random preimage when none
/// is given, returned so that the invoice can be settled; the payment hash is its SHA-256).
#[wasm_bindgen(js_name = rawMakeInvoice)]
pub fn make_invoice(
    api_name: &str,
    request: JsValue,
    secret_key_hex: &str,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let api = api(api_name)?;
    let key = SecretKey::from_slice(&hex32("secretKeyHex", secret_key_hex)?)
        .map_err(|_| js_error("usage", "secretKeyHex: not a valid secret key"))?;
    // A hex string, or the 32 bytes themselves (a Uint8Array or a Buffer); anything else is a
    // usage error, never silently replaced.
    let preimage = match option(&options, "preimageHex") {
        None => random32()?,
        Some(v) => match (v.as_string(), v.dyn_ref::<js_sys::Uint8Array>()) {
            (Some(h), _) => hex32("preimageHex", &h)?,
            (None, Some(bytes)) if bytes.length() == 32 => {
                let mut b = [0u8; 32];
                bytes.copy_to(&mut b);
                b
            }
            _ => return Err(js_error("usage", "preimageHex: 64 hex digits, or 32 bytes")),
        },
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
    let (invoice, body) =
        make_response(api, &request_text(api, &request)?, &params).map_err(|e| request_error(api, &e))?;
    // The preimage goes back with the invoice: without it the invoice can never be settled.
    let made = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&made, &k.into(), v).map(|_| ());
    set("invoice", &invoice.as_str().into())?;
    set("response", &to_js(body)?)?;
    set("preimageHex", &hex_conservative::DisplayHex::to_lower_hex_string(&preimage[..]).into())?;
    Ok(made.into())
}
