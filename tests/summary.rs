//! The CLI's JSON summary (`summary::Summary`) at its edges: integers on both sides of 2^53,
//! the longest hex value, and the keys left out when absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::summary::Summary;
use lightning_bolt11::{InvoiceBuilder, InvoiceRef, Network};
use serde_json::Value;

/// The largest integer JavaScript holds exactly.
const MAX_SAFE: u64 = (1 << 53) - 1;

fn summary(build: impl FnOnce(InvoiceBuilder) -> InvoiceBuilder) -> Value {
    let key = SecretKey::from_slice(&[0x42; 32]).unwrap();
    let base = InvoiceBuilder::new(Network::Bitcoin).timestamp(1).payment_hash([1; 32]).payment_secret([2; 32]);
    let text = build(base).sign(&key).unwrap().to_string();
    let view = InvoiceRef::parse(&text).unwrap();
    serde_json::from_str(&serde_json::to_string(&Summary::new(&view, None)).unwrap()).unwrap()
}

#[test]
fn integers_above_2_pow_53_are_strings_and_the_rest_numbers() {
    let at = summary(|b| b.description("x").amount_msat(MAX_SAFE));
    assert_eq!(at["amount_msat"], Value::from(MAX_SAFE));
    let above = summary(|b| b.description("x").amount_msat(MAX_SAFE + 1));
    assert_eq!(above["amount_msat"], Value::from((MAX_SAFE + 1).to_string()));
    let expiry = summary(|b| b.description("x").expiry(MAX_SAFE + 10));
    assert_eq!(expiry["expiry"], Value::from((MAX_SAFE + 10).to_string()));
    assert_eq!(expiry["expires_at"], Value::from((MAX_SAFE + 11).to_string()));
    assert_eq!(expiry["created_at"], Value::from(1u64));
}

#[test]
fn the_longest_metadata_is_written_whole() {
    let metadata = [0xab; 639];
    let s = summary(|b| b.description_hash([3; 32]).payment_metadata(&metadata));
    assert_eq!(s["payment_metadata"].as_str().unwrap(), "ab".repeat(639));
    assert_eq!(s["description_hash"].as_str().unwrap(), "03".repeat(32));
    // Absent values are left out, not null.
    for key in ["amount_msat", "description", "payee", "fallbacks", "routes", "extra"] {
        assert!(s.get(key).is_none(), "{key}");
    }
}
