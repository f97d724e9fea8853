//! `encode` and `sign` of `lightning-bolt11/bolt11` (the drop-in for bitcoinjs' `bolt11`):
//! `js/bolt11.js` hands the fields over one call at a time, in the order given, and the
//! crate's builder writes them, signs (or attaches a signature) and checks the result as the
//! legacy profile reads it (bitcoinjs' `bolt11` writes invoices without a payment secret).
//! Builds with the `sign` feature.

use std::cell::RefCell;

use bech32::primitives::decode::CheckedHrpstring;
use bech32::Bech32;
use hex_conservative::FromHex;
use lightning_bolt11::secp256k1::{PublicKey, SecretKey};
use lightning_bolt11::{tag, Fallback, InvoiceBuilder, Network, RouteHop, HOP_LEN};
use wasm_bindgen::prelude::*;

use crate::bolt11::bech32_words;

thread_local! {
    /// The invoice being written, between `encodeStart` and `encodeFinish`, and whether it was
    /// given a features field (without one, none is written, as `bolt11` writes none).
    static BUILDER: RefCell<Option<(InvoiceBuilder, bool)>> = const { RefCell::new(None) };
}

/// An `Error` whose message is `kind: message` (`js/bolt11.js` splits it).
fn error(kind: &str, message: &str) -> JsError {
    JsError::new(&format!("{kind}: {message}"))
}

fn hex<const N: usize>(name: &str, text: &str) -> Result<[u8; N], JsError> {
    <[u8; N]>::from_hex(text).map_err(|_| error("usage", &format!("{name}: expected {} hex digits", 2 * N)))
}

fn with(features: bool, f: impl FnOnce(InvoiceBuilder) -> Result<InvoiceBuilder, JsError>) -> Result<(), JsError> {
    BUILDER.with(|b| {
        let (builder, had) = b.borrow_mut().take().ok_or_else(|| error("usage", "encodeStart was not called"))?;
        let next = f(builder)?;
        *b.borrow_mut() = Some((next, had || features));
        Ok(())
    })
}

/// Starts an invoice for the network whose bech32 prefix is `currency` (`bc`, `tb`, `tbs`,
/// `bcrt`, `sb`), with `msat` millisatoshis (decimal digits; empty for none) and `timestamp`.
#[wasm_bindgen(js_name = encodeStart)]
pub fn encode_start(currency: &str, msat: &str, timestamp: f64) -> Result<(), JsError> {
    let network = Network::ALL
        .into_iter()
        .find(|n| n.currency() == currency)
        .ok_or_else(|| error("unknown_currency", "Unknown coin bech32 prefix"))?;
    if !(timestamp >= 0.0 && timestamp.fract() == 0.0 && timestamp <= lightning_bolt11::MAX_TIMESTAMP as f64) {
        return Err(error("invalid_timestamp", "the timestamp is not a whole number of seconds from 0 to 2^35 - 1"));
    }
    let mut b = InvoiceBuilder::new(network).legacy().timestamp(timestamp as u64);
    if !msat.is_empty() {
        let m = msat.parse::<u64>().map_err(|_| error("invalid_amount", "the amount is not a whole number"))?;
        b = b.amount_msat(m);
    }
    BUILDER.with(|cell| *cell.borrow_mut() = Some((b, false)));
    Ok(())
}

/// Adds a field of type `code` with `value` as text: hex for hashes and keys (`description
/// hash` may instead be text, then hashed: `hashText`), decimal for times, the text for a
/// description, `version:program hex` for a fallback, the hex of 51-byte hops for a route,
/// comma-separated bits for features, and the `unknown1...` bech32 words of any other type.
#[wasm_bindgen(js_name = encodeField)]
pub fn encode_field(code: u8, value: &str, hash_text: bool) -> Result<(), JsError> {
    with(code == tag::FEATURES, |b| {
        Ok(match code {
            tag::PAYMENT_HASH => b.payment_hash(hex::<32>("payment_hash", value)?),
            tag::PAYMENT_SECRET => b.payment_secret(hex::<32>("payment_secret", value)?),
            tag::DESCRIPTION => b.description(value),
            tag::PAYEE => {
                let key = PublicKey::from_slice(&hex::<33>("payee_node_key", value)?)
                    .map_err(|_| error("invalid_payee_key", "payee_node_key is not a public key"))?;
                b.payee_pubkey(key)
            }
            tag::DESCRIPTION_HASH if hash_text => {
                use bitcoin_hashes::{sha256, Hash};
                b.description_hash(sha256::Hash::hash(value.as_bytes()).to_byte_array())
            }
            tag::DESCRIPTION_HASH => b.description_hash(hex::<32>("purpose_commit_hash", value)?),
            tag::EXPIRY | tag::MIN_FINAL_CLTV => {
                let n = value.parse::<u64>().map_err(|_| error("usage", "expected a whole number"))?;
                if code == tag::EXPIRY {
                    b.expiry(n)
                } else {
                    b.min_final_cltv_expiry_delta(n)
                }
            }
            tag::FALLBACK => {
                let (version, program) = value.split_once(':').unwrap_or(("", ""));
                let version = version.parse::<u8>().map_err(|_| error("usage", "a fallback's code"))?;
                let program = Vec::<u8>::from_hex(program).map_err(|_| error("usage", "a fallback's addressHash"))?;
                let f = Fallback::new(version, &program)
                    .ok_or_else(|| error("invalid_fallback", "Fallback address witness version is unknown"))?;
                b.fallback(f)
            }
            tag::ROUTE => {
                let bytes = Vec::<u8>::from_hex(value).map_err(|_| error("usage", "routing_info"))?;
                let hops = bytes.chunks(HOP_LEN).map(hop).collect::<Result<Vec<_>, _>>()?;
                b.route_hint(&hops)
            }
            tag::FEATURES => {
                let bits = value
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse::<usize>().map_err(|_| error("usage", "feature bits")))
                    .collect::<Result<Vec<_>, _>>()?;
                b.features_exact(&bits)
            }
            _ => {
                let checked = CheckedHrpstring::new::<Bech32>(value)
                    .map_err(|_| error("usage", "an unknown tag's words are not bech32"))?;
                if code == tag::METADATA {
                    // `bolt11` names no `m` field; written back as metadata (its bytes).
                    b.payment_metadata(&checked.byte_iter().collect::<Vec<u8>>())
                } else {
                    let words: Vec<u8> = checked
                        .data_part_ascii_no_checksum()
                        .iter()
                        .map(|&c| bech32::Fe32::from_char(char::from(c)).map_or(0, |fe| fe.to_u8()))
                        .collect();
                    b.raw_field(code, &words)
                }
            }
        })
    })
}

/// One 51-byte hop (node id, short channel id, base fee, proportional fee, CLTV delta), whose
/// node id must be a public key.
fn hop(b: &[u8]) -> Result<RouteHop, JsError> {
    let bytes: &[u8; HOP_LEN] = b.try_into().map_err(|_| error("usage", "Routing info is incomplete"))?;
    let hop = RouteHop::from_bytes(bytes);
    hop.src_node_pubkey().ok_or_else(|| error("usage", "Routing info pubkey is not a valid pubkey"))?;
    Ok(hop)
}

/// Finishes the invoice begun by `encodeStart`: unsigned (no key, no signature), signed with
/// `secret_key_hex`, or with `signature_hex` (r, s and the recovery id, 65 bytes) attached
/// and checked. Returns `invoice|prefix|wordsTemp|payee|signature|recoveryId` (the invoice
/// and what follows it empty when unsigned).
#[wasm_bindgen(js_name = encodeFinish)]
pub fn encode_finish(secret_key_hex: &str, signature_hex: &str) -> Result<String, JsError> {
    let (b, features) =
        BUILDER.with(|b| b.borrow_mut().take()).ok_or_else(|| error("usage", "encodeStart was not called"))?;
    let b = if features { b } else { b.features_exact(&[]) };
    let build = |e: lightning_bolt11::BuildError| error(e.kind(), &e.to_string());
    let (prefix, words) = b.unsigned_words().map_err(build)?;
    let made = if !secret_key_hex.is_empty() {
        let key = SecretKey::from_slice(&hex::<32>("privateKey", secret_key_hex)?)
            .map_err(|_| error("usage", "privateKey must be a 32 byte Buffer and valid private key"))?;
        b.sign(&key).map_err(build)?
    } else if !signature_hex.is_empty() {
        b.with_signature(&hex::<65>("signature", signature_hex)?).map_err(build)?
    } else {
        return Ok(format!("|{prefix}|{}|||", bech32_words("temp", words.into_iter())));
    };
    let view = made.as_view();
    let mut sig = view.signature().to_vec();
    sig.push(view.recovery_id());
    Ok(format!(
        "{}|{prefix}|{}|{}|{}|{}",
        made.as_str(),
        bech32_words("temp", view.data().iter()),
        hex_conservative::DisplayHex::to_lower_hex_string(&made.payee().serialize()[..]),
        hex_conservative::DisplayHex::to_lower_hex_string(&view.signature()[..]),
        view.recovery_id()
    ))
}

/// The public key of a secret key (64 hex digits), as hex: what `sign` compares with the
/// payee the object names before signing.
#[wasm_bindgen(js_name = publicKeyOf)]
pub fn public_key_of(secret_key_hex: &str) -> Result<String, JsError> {
    let key = SecretKey::from_slice(&hex::<32>("privateKey", secret_key_hex)?)
        .map_err(|_| error("usage", "privateKey must be a 32 byte Buffer and valid private key"))?;
    let public = key.public_key(lightning_bolt11::secp256k1::SECP256K1);
    Ok(hex_conservative::DisplayHex::to_lower_hex_string(&public.serialize()[..]))
}

/// An on-chain address's parts, for `bolt11`'s fallback rules (applied by `js/bolt11.js`
/// with the network object it was given): `sw:HRP:VERSION:PROGRAM` for a segwit address
/// (BIP-173 / BIP-350), `b58:VERSION:HASH` for base58check; throws `unknown_address`.
#[wasm_bindgen(js_name = addressParts)]
pub fn address_parts(address: &str) -> Result<String, JsError> {
    let hex = |b: &[u8]| hex_conservative::DisplayHex::to_lower_hex_string(b);
    if let Ok((hrp, version, program)) = bech32::segwit::decode(address) {
        return Ok(format!("sw:{}:{}:{}", hrp.to_lowercase(), version.to_u8(), hex(&program)));
    }
    match base58ck::decode_check(address) {
        Ok(payload) if payload.len() == 21 => Ok(format!("b58:{}:{}", payload[0], hex(&payload[1..]))),
        _ => Err(error("unknown_address", "Fallback address type is unknown")),
    }
}
