#![no_main]
//! Arbitrary bytes as an invoice, through both policies and the borrowed view: never a panic;
//! what decodes re-encodes to its input (case aside), and the view and owned invoice agree.

use libfuzzer_sys::fuzz_target;
use lightning_bolt11::{DecodeOptions, Invoice, InvoiceRef};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for opts in [DecodeOptions::new(), DecodeOptions::new().lenient()] {
        let view = InvoiceRef::parse_with(s, &opts);
        let full = Invoice::decode_with(s, &opts);
        if let Ok(inv) = &full {
            let view = view.as_ref().expect("the view parses what the full decode accepts");
            assert_eq!(inv.to_string(), view.as_str().to_ascii_lowercase());
            assert_eq!(inv.payment_hash(), view.payment_hash());
            assert_eq!(inv.amount_msat(), view.amount_msat());
            assert_eq!(inv.signature_hash(), view.signature_hash());
        }
    }
});
