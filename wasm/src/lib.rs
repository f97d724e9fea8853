//! JavaScript bindings for `lightning-bolt11`: decode, verify, check and make invoices in web
//! apps and Node. The package's `js/api.js` wraps these exports: results are plain JS objects
//! with the same fields as the `bolt11` CLI's JSON; numbers above 2^53 - 1 come back as
//! strings, never rounded. Errors are thrown as `Error` objects with `kind` and `message`.
//!
//! Decoding is one call with numbers only: JavaScript writes the invoice into a buffer in wasm
//! memory ([`input_buffer`]), [`decode_input`] writes the result into a record kept here, and
//! JavaScript reads the record from memory where [`record_header`] says it lies. No string and
//! no array is allocated to cross the boundary.
//!
//! Without the `full` feature only decoding is built: the small `.wasm` for pages that show
//! invoices. `full` adds `check` and `decodeJson` (`requests.rs`) and `makeInvoice` (`make.rs`).

#[cfg(any(feature = "bolt11", feature = "sign"))]
mod bolt11;
#[cfg(feature = "sign")]
mod bolt11_encode;
#[cfg(feature = "full")]
mod make;
mod record;
#[cfg(feature = "full")]
mod requests;

use std::cell::RefCell;

use lightning_bolt11::secp256k1;
use lightning_bolt11::{DecodeError, DecodeOptions, InvoiceRef, Network, SignatureError};
use wasm_bindgen::prelude::*;

/// Parses, and verifies when asked: the view and the payee's key.
pub(crate) fn parse_view<'a>(
    invoice: &'a str,
    verify: bool,
    opts: &DecodeOptions<'_>,
) -> Result<(InvoiceRef<'a>, Option<secp256k1::PublicKey>), DecodeError> {
    let view = InvoiceRef::parse_with(invoice, opts)?;
    let payee = if verify { Some(verify_view(&view)?) } else { None };
    Ok((view, payee))
}

/// With `check` and `makeInvoice` built in, the crate's own context, which they create anyway:
/// one copy of the verifying code instead of one per kind of context.
#[cfg(feature = "full")]
fn verify_view(view: &InvoiceRef<'_>) -> Result<secp256k1::PublicKey, SignatureError> {
    view.verify()
}

/// In the decode-only build, libsecp256k1's static context, which verifies and recovers keys
/// with no set-up: the first decode does not wait for a context to be created, and the module
/// does not carry the code that creates one (nor the SHA-256 self-test that runs).
#[cfg(not(feature = "full"))]
fn verify_view(view: &InvoiceRef<'_>) -> Result<secp256k1::PublicKey, SignatureError> {
    use secp256k1::{Secp256k1, VerifyOnlyPreallocated};
    // SAFETY: `secp256k1_context_no_precomp` (libsecp256k1's `secp256k1_context_static`) is a
    // constant context that lives as long as the program and serves every function that does
    // not sign or create keys; it is never destroyed (the wrapper is `ManuallyDrop`), and it is
    // only used to verify and recover here.
    let secp: core::mem::ManuallyDrop<Secp256k1<VerifyOnlyPreallocated<'static>>> = unsafe {
        let raw = core::ptr::NonNull::new_unchecked(secp256k1::ffi::secp256k1_context_no_precomp as *mut _);
        Secp256k1::from_raw_verification_only(raw)
    };
    view.verify_with(&secp)
}

/// The input buffer and the last record: kept between calls, so that decoding allocates
/// nothing once they have grown to fit.
#[derive(Default)]
struct State {
    input: Vec<u8>,
    record: record::Record,
    /// Where the record lies: numbers (pointer, count), text (pointer, bytes).
    header: [u32; 4],
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// A buffer of `len` bytes in wasm memory for the invoice's UTF-8; valid until the next call.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> *mut u8 {
    STATE.with(|s| {
        let input = &mut s.borrow_mut().input;
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Where the last record lies in wasm memory: four `u32`s (pointer and count of its `f64`
/// numbers, pointer and length of its UTF-8 text).
#[wasm_bindgen(js_name = recordHeader)]
pub fn record_header() -> *const u32 {
    STATE.with(|s| s.borrow().header.as_ptr())
}

/// The module's memory, for reading the record.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Option bits of [`decode_input`].
const VERIFY: u32 = 1;
const LENIENT: u32 = 2;
const DETAIL: u32 = 4;
#[cfg(feature = "bolt11")]
const BOLT11: u32 = 8;
const LEGACY: u32 = 16;
const BLINDED: u32 = 32;

/// Decodes the first `len` bytes of the input buffer. `flags`: bit 0 checks the signature,
/// bit 1 reads leniently, bit 2 asks for the record's detail (what JavaScript reads on demand)
/// instead of its core, bit 3 for the record `lightning-bolt11/bolt11` reads (`bolt11.rs`), bit 4 reads with the
/// legacy profile, bit 5 with the blinded one; bits 8 and up are the network required (0: any; n: the n-th of
/// bitcoin, testnet, signet, regtest, simnet). Returns 0 when it decoded, with the invoice's
/// record; 1 when not, with a record of two strings, the error's kind and message.
#[wasm_bindgen(js_name = decodeInput)]
pub fn decode_input(len: usize, flags: u32) -> u32 {
    STATE.with(|s| {
        let state = &mut *s.borrow_mut();
        let input = state.input.get(..len).unwrap_or(&[]);
        let Some(opts) = options(flags) else {
            return state.record.error(&mut state.header, "usage", "unknown network");
        };
        // The input came from `TextEncoder.encodeInto`: always UTF-8.
        let text = core::str::from_utf8(input).unwrap_or("");
        match parse_view(text, flags & VERIFY != 0, &opts) {
            Ok((view, payee)) => write_record(&mut state.record, &mut state.header, &view, payee, flags),
            Err(e) => state.record.error(&mut state.header, e.kind(), &e.to_string()),
        }
    })
}

/// The record of a decoded invoice: the bolt11 drop-in's (flag bit 3), or the API's core or
/// detail. The drop-in's own browser build (`bolt11` without `full`) writes only its record.
fn write_record(
    record: &mut record::Record,
    header: &mut [u32; 4],
    view: &InvoiceRef<'_>,
    payee: Option<secp256k1::PublicKey>,
    flags: u32,
) -> u32 {
    #[cfg(feature = "bolt11")]
    if flags & BOLT11 != 0 || cfg!(not(feature = "full")) {
        record.clear();
        record.write_bolt11(view, payee);
        record.publish(header);
        return 0;
    }
    record.invoice(header, view, payee, flags & DETAIL != 0)
}

/// An amount helper of `lightning-bolt11/bolt11` on the first `len` bytes of the input buffer
/// (`op`: 0 millisatoshis to a prefix's amount, 1 the reverse; see `bolt11.rs`). Returns 0
/// with a record of one string, the result, or 1 with an error's record. Through the record,
/// as decoding is: no string crosses the boundary.
#[cfg(feature = "bolt11")]
#[wasm_bindgen(js_name = amountText)]
pub fn amount_text(len: usize, op: u32) -> u32 {
    STATE.with(|s| {
        let state = &mut *s.borrow_mut();
        let input = core::str::from_utf8(state.input.get(..len).unwrap_or(&[])).unwrap_or("");
        match bolt11::amount_text(input, op) {
            Ok(text) => {
                state.record.clear();
                state.record.str(&text);
                state.record.publish(&mut state.header);
                0
            }
            Err((kind, message)) => state.record.error(&mut state.header, kind, &message),
        }
    })
}

/// The decoding options `flags` ask for (see [`decode_input`]); `None` for an unknown network.
fn options(flags: u32) -> Option<DecodeOptions<'static>> {
    let mut opts = DecodeOptions::new();
    if flags & LENIENT != 0 {
        opts = opts.lenient();
    } else if flags & LEGACY != 0 {
        opts = opts.legacy();
    } else if flags & BLINDED != 0 {
        opts = opts.blinded();
    }
    match (flags >> 8).checked_sub(1).map(|n| Network::ALL.get(n as usize)) {
        Some(Some(&n)) => Some(opts.network(n)),
        Some(None) => None,
        None => Some(opts),
    }
}

/// Pasted text read as the crate's `PaymentInput` reads it: a bare invoice, a `lightning:`
/// link or a `bitcoin:` URI with one; anything else is named (a BOLT-12 offer, an LNURL, a
/// Lightning address...). `flags` as for [`decode_input`] (lenient, network). Returns the
/// kind (`invoice` or `bip21`), the invoice, and the URI's address, amount in millisatoshis,
/// label and message, joined by NUL characters; throws an `Error` whose message is
/// `kind: message`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = rawParseInput)]
pub fn raw_parse_input(text: &str, flags: u32) -> Result<String, JsError> {
    use lightning_bolt11::input::{InputError, PaymentInput};
    let opts = options(flags).ok_or_else(|| JsError::new("usage: unknown network"))?;
    if text.len() > MAX_INPUT {
        return Err(JsError::new("too_long: the text is longer than any invoice"));
    }
    match PaymentInput::parse_with(text, &opts) {
        Ok(PaymentInput::Invoice(inv)) => Ok(format!("invoice\0{}\0\0\0\0\0", inv.as_str())),
        Ok(PaymentInput::Bip21(uri)) => Ok(format!(
            "bip21\0{}\0{}\0{}\0{}\0{}\0{}",
            uri.invoice.as_str(),
            uri.address.as_deref().unwrap_or(""),
            uri.amount_msat.map(|a| a.to_string()).unwrap_or_default(),
            uri.label.as_deref().unwrap_or(""),
            uri.message.as_deref().unwrap_or(""),
            uri.amount_check().kind()
        )),
        Ok(_) => Err(JsError::new("unsupported: an input this version does not know")),
        Err(InputError::Invoice(e)) => Err(JsError::new(&format!("{}: {e}", e.kind()))),
        Err(e) => Err(JsError::new(&format!("{}: {e}", e.kind()))),
    }
}

/// The longest pasted text read (an invoice is at most 7,089 characters).
#[cfg(feature = "full")]
const MAX_INPUT: usize = 8192;
