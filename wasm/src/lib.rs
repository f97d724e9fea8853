//! JavaScript bindings for `lightning-bolt11`: decode, verify, check and make invoices in web
//! apps and Node. The package's `js/api.js` wraps these exports: results are plain JS objects
//! with the same fields as the `bolt11` CLI's JSON; numbers above 2^53 - 1 come back as
//! strings, never rounded. Errors are thrown as `Error` objects with `kind` and `message`.
//!
//! Without the `full` feature only decoding is built: the small `.wasm` for pages that show
//! invoices. `full` adds `check` and `decodeJson` (`requests.rs`) and `makeInvoice` (`make.rs`).

#[cfg(feature = "full")]
mod make;
mod record;
#[cfg(feature = "full")]
mod requests;

use std::cell::RefCell;

use js_sys::{Error, Reflect};
use lightning_bolt11::{DecodeError, DecodeOptions, InvoiceRef, Network};
use wasm_bindgen::prelude::*;

/// An `Error` with a `kind` property.
pub(crate) fn js_error(kind: &str, message: &str) -> JsValue {
    let e = Error::new(message);
    let _ = Reflect::set(&e, &"kind".into(), &kind.into());
    e.into()
}

fn decode_error(e: &DecodeError) -> JsValue {
    js_error(e.kind(), &e.to_string())
}

pub(crate) fn network(name: Option<String>) -> Result<Option<Network>, JsValue> {
    match name {
        Some(name) => {
            name.parse().map(Some).map_err(|e: lightning_bolt11::UnknownNetwork| js_error("usage", &e.to_string()))
        }
        None => Ok(None),
    }
}

/// Parses, and verifies when asked: the view and the payee's key.
pub(crate) fn parse_view(
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
