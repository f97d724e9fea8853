//! Shared helpers: the spec vectors from `test-vectors/`, hex, and rebuilding an invoice.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use hex_conservative::{DisplayHex, FromHex};
use lightning_bolt11::secp256k1::{Secp256k1, SecretKey};
use lightning_bolt11::{tag, Fallback, Invoice, InvoiceBuilder, InvoiceRef, RouteHint};
use serde_json::Value;

/// The spec key every example is signed with.
pub const SPEC_KEY: &str = "e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734";
/// Its public key.
pub const SPEC_PAYEE: &str = "03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad";

pub fn vectors() -> Vec<Value> {
    let text = include_str!("../../test-vectors/bolt11-vectors.json");
    serde_json::from_str::<Value>(text).unwrap().as_array().unwrap().clone()
}

pub fn pending_vectors() -> Vec<Value> {
    let text = include_str!("../../test-vectors/bolt11-vectors-pending.json");
    serde_json::from_str::<Value>(text).unwrap().as_array().unwrap().clone()
}

pub fn vector(name_prefix: &str) -> Value {
    vectors().into_iter().find(|v| v["name"].as_str().unwrap().starts_with(name_prefix)).expect(name_prefix)
}

pub fn hex(bytes: &[u8]) -> String { bytes.to_lower_hex_string() }

pub fn unhex(s: &str) -> Vec<u8> { Vec::<u8>::from_hex(s).unwrap() }

pub fn spec_key() -> SecretKey { SecretKey::from_slice(&unhex(SPEC_KEY)).unwrap() }

/// The names of the valid vectors that the current normative text also holds valid.
pub fn strictly_valid() -> Vec<Value> {
    vectors()
        .into_iter()
        .filter(|v| v["valid"].as_bool().unwrap() && v["valid_under_current_normative_text"].as_bool() != Some(false))
        .collect()
}

/// A builder that writes the same fields, in the same order, as `view`.
pub fn rebuild(view: &InvoiceRef<'_>) -> InvoiceBuilder {
    let mut b = InvoiceBuilder::new(view.network()).timestamp(view.timestamp());
    if let Some(a) = view.amount_msat() {
        b = b.amount_msat(a);
    }
    for f in view.fields() {
        b = match f.tag {
            tag::PAYMENT_HASH => b.payment_hash(f.data.to_array().unwrap()),
            tag::PAYMENT_SECRET => b.payment_secret(f.data.to_array().unwrap()),
            tag::DESCRIPTION => {
                let bytes: Vec<u8> = f.data.bytes().collect();
                b.description(std::str::from_utf8(&bytes).unwrap())
            }
            tag::DESCRIPTION_HASH => b.description_hash(f.data.to_array().unwrap()),
            tag::PAYEE => {
                let k: [u8; 33] = f.data.to_array().unwrap();
                b.payee_pubkey(lightning_bolt11::secp256k1::PublicKey::from_slice(&k).unwrap())
            }
            tag::EXPIRY => b.expiry(f.data.to_u64().unwrap()),
            tag::MIN_FINAL_CLTV => b.min_final_cltv_expiry_delta(f.data.to_u64().unwrap()),
            tag::FEATURES => {
                let bits: Vec<usize> = lightning_bolt11::Features::from_words(f.data).iter().collect();
                b.features(&bits)
            }
            tag::METADATA => b.payment_metadata(&f.data.bytes().collect::<Vec<_>>()),
            tag::FALLBACK => {
                let bytes: Vec<u8> = f.data.slice_from(1).bytes().collect();
                b.fallback(Fallback::new(f.data.get(0).unwrap(), &bytes).unwrap())
            }
            tag::ROUTE => b.route_hint(&RouteHint::from_words(f.data).hops().collect::<Vec<_>>()),
            other => panic!("no builder call for tag {other}"),
        };
    }
    b
}

pub fn decode(s: &str) -> Invoice { s.parse().unwrap() }

pub fn secp() -> Secp256k1<lightning_bolt11::secp256k1::All> { Secp256k1::new() }
