//! Shared helpers: the spec vectors from `test-vectors/`, hex, and rebuilding an invoice.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use hex_conservative::{DisplayHex, FromHex};
use lightning_bolt11::secp256k1::{Secp256k1, SecretKey};
use lightning_bolt11::{tag, Bolt11Bech32, Fallback, Invoice, InvoiceBuilder, InvoiceRef, RouteHint};
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

pub fn hex(bytes: impl AsRef<[u8]>) -> String {
    bytes.as_ref().to_lower_hex_string()
}

pub fn unhex(s: &str) -> Vec<u8> {
    Vec::<u8>::from_hex(s).unwrap()
}

pub fn spec_key() -> SecretKey {
    SecretKey::from_slice(&unhex(SPEC_KEY)).unwrap()
}

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

pub fn decode(s: &str) -> Invoice {
    s.parse().unwrap()
}

pub fn secp() -> Secp256k1<lightning_bolt11::secp256k1::All> {
    Secp256k1::new()
}

/// Bytes to zero-padded 5-bit words.
pub fn to_words(bytes: &[u8]) -> Vec<u8> {
    use bech32::ByteIterExt;
    bytes.iter().copied().bytes_to_fes().map(|f| f.to_u8()).collect()
}

/// An unsigned integer in `n` words.
pub fn int_words(v: u64, n: usize) -> Vec<u8> {
    (0..n).rev().map(|i| ((v >> (5 * i)) & 31) as u8).collect()
}

/// The minimal words of a `9` field setting `bits`.
pub fn to_words_features(bits: &[usize]) -> Vec<u8> {
    let max = *bits.iter().max().unwrap();
    let n = max / 5 + 1;
    (0..n).rev().map(|i| bits.iter().filter(|&&b| b / 5 == i).fold(0u8, |w, &b| w | 1 << (b % 5))).collect()
}

/// A tagged field from its tag character and data words.
pub fn field(tag: char, data: &[u8]) -> Vec<u8> {
    let t = "qpzry9x8gf2tvdw0s3jn54khce6mua7l".find(tag).unwrap() as u8;
    let mut v = vec![t, (data.len() >> 5) as u8, (data.len() & 31) as u8];
    v.extend_from_slice(data);
    v
}

/// The fields every strictly valid invoice needs: `p`, `s`, `d`.
pub fn base_fields() -> Vec<Vec<u8>> {
    vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), field('d', &to_words(b"test"))]
}

/// Writes and signs an invoice from raw parts, with the independent `bech32` and hashing
/// crates, so that tests can make invoices the builder refuses to.
pub fn raw_invoice(hrp: &str, timestamp: u64, fields: &[Vec<u8>], key: &SecretKey) -> String {
    raw_invoice_with(hrp, timestamp, fields, |hash| {
        let msg = lightning_bolt11::secp256k1::Message::from_digest(hash);
        let (id, rs) = secp().sign_ecdsa_recoverable(&msg, key).serialize_compact();
        let mut sig = [0u8; 65];
        sig[..64].copy_from_slice(&rs);
        sig[64] = id.to_i32() as u8;
        sig
    })
}

/// Like [`raw_invoice`], with the 65 signature bytes made by `sign` from the hash.
pub fn raw_invoice_with(
    hrp: &str,
    timestamp: u64,
    fields: &[Vec<u8>],
    sign: impl FnOnce([u8; 32]) -> [u8; 65],
) -> String {
    use bech32::{Fe32, Fe32IterExt, Hrp};
    use bitcoin_hashes::{sha256, Hash};
    let mut words = int_words(timestamp, 7);
    for f in fields {
        words.extend_from_slice(f);
    }
    // C-2: the hrp bytes, then the words packed into bytes with zero padding.
    let mut preimage = hrp.to_ascii_lowercase().into_bytes();
    let mut acc = 0u64;
    let mut bits = 0;
    for &w in &words {
        acc = (acc << 5) | u64::from(w);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            preimage.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        preimage.push((acc << (8 - bits)) as u8);
    }
    let hash = sha256::Hash::hash(&preimage).to_byte_array();
    words.extend(to_words(&sign(hash)));
    let hrp = Hrp::parse(hrp).unwrap();
    words.into_iter().map(|w| Fe32::try_from(w).unwrap()).with_checksum::<Bolt11Bech32>(&hrp).chars().collect()
}

/// A strictly valid invoice with the base fields plus `extra`.
pub fn with_fields(extra: &[Vec<u8>]) -> String {
    let mut fields = base_fields();
    fields.extend_from_slice(extra);
    raw_invoice("lnbc", 1_700_000_000, &fields, &spec_key())
}

/// n - s for a 32-byte big-endian s below n, the curve order: the other S of a signature.
pub fn negate_mod_n(s: &[u8]) -> [u8; 32] {
    const N: [u8; 32] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae,
        0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
    ];
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = i16::from(N[i]) - i16::from(s[i]) - borrow;
        borrow = i16::from(d < 0);
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    out
}

/// A strictly valid invoice like [`with_fields`], with `text` as its description.
pub fn with_fields_description(text: &str) -> String {
    let fields =
        vec![field('p', &to_words(&[1; 32])), field('s', &to_words(&[2; 32])), field('d', &to_words(text.as_bytes()))];
    raw_invoice("lnbc", 1_700_000_000, &fields, &spec_key())
}
