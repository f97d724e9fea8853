//! A flat, serialisable summary of an invoice, with Core Lightning's `decode` field names.
//! The `bolt11` tool prints it as JSON; other front ends (WebAssembly, services) can too.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use hex_conservative::DisplayHex;
use serde::Serialize;

use crate::fallback::{Fallback, FallbackKind};
use crate::view::InvoiceRef;

/// Integers above 2^53 - 1 are written as decimal strings, so that JavaScript never rounds them.
fn safe<S: serde::Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
    if *v > crate::request::MAX_SAFE_JSON_INTEGER {
        s.collect_str(v)
    } else {
        s.serialize_u64(*v)
    }
}

fn safe_opt<S: serde::Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => safe(v, s),
        None => s.serialize_none(),
    }
}

/// An invoice's values, ready to serialise. Hex is lower case; absent values are left out;
/// integers above 2^53 - 1 (an amount over about 90,000 BTC, an absurd expiry) are strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// `bc`, `tb`, `tbs`, `bcrt` or `sb`.
    pub currency: &'static str,
    /// `bitcoin`, `testnet`, `signet`, `regtest` or `simnet`.
    pub network: &'static str,
    /// The amount, absent for "any amount".
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "safe_opt")]
    pub amount_msat: Option<u64>,
    /// Creation time, seconds since 1970.
    #[serde(serialize_with = "safe")]
    pub created_at: u64,
    /// Seconds until expiry (3600 when the invoice has no `x`).
    #[serde(serialize_with = "safe")]
    pub expiry: u64,
    /// `created_at + expiry`.
    #[serde(serialize_with = "safe")]
    pub expires_at: u64,
    /// `min_final_cltv_expiry_delta` (18 when the invoice has no `c`).
    #[serde(serialize_with = "safe")]
    pub min_final_cltv_expiry: u64,
    /// The payee's key: verified or recovered; when the signature was not checked, the `n`
    /// field if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee: Option<String>,
    /// The payment hash.
    pub payment_hash: String,
    /// The payment secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_secret: Option<String>,
    /// The description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The description hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_hash: Option<String>,
    /// The payment metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_metadata: Option<String>,
    /// Set feature bits, lowest first.
    pub feature_bits: Vec<usize>,
    /// Set feature bits with their BOLT 9 names (`null` when unknown).
    pub features: Vec<FeatureSummary>,
    /// Fallback addresses of known versions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<FallbackSummary>,
    /// Route hints, each a list of hops.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Vec<HopSummary>>,
    /// Fields skipped but kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraField>,
    /// The 64-byte signature r || s.
    pub signature: String,
    /// The recovery id.
    pub recovery_id: u8,
}

/// One set feature bit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FeatureSummary {
    /// The bit.
    pub bit: usize,
    /// Its BOLT 9 name, if known.
    pub name: Option<&'static str>,
    /// Whether the bit is even (the feature is required).
    pub required: bool,
}

/// A fallback address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FallbackSummary {
    /// `P2PKH`, `P2SH`, `P2WPKH`, `P2WSH`, `P2TR` or `witness`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The address on the invoice's network.
    pub addr: String,
    /// The output script, hex.
    pub hex: String,
}

/// A route hint hop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HopSummary {
    /// Node id at the start of the channel.
    pub pubkey: String,
    /// `BLOCKxTXxOUT`.
    pub short_channel_id: String,
    /// Base fee.
    pub fee_base_msat: u32,
    /// Proportional fee.
    pub fee_proportional_millionths: u32,
    /// CLTV delta.
    pub cltv_expiry_delta: u16,
}

/// A field skipped but kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtraField {
    /// The tag character.
    pub tag: char,
    /// The data as bech32 characters.
    pub data: String,
}

impl Summary {
    /// Summarises a parsed invoice; `payee` is the key the signature check gave, if it ran.
    pub fn new(view: &InvoiceRef<'_>, payee: Option<secp256k1::PublicKey>) -> Self {
        let network = view.network();
        let features = view.features();
        Summary {
            currency: network.currency(),
            network: network.name(),
            amount_msat: view.amount_msat(),
            created_at: view.timestamp(),
            expiry: view.expiry(),
            expires_at: view.expires_at(),
            min_final_cltv_expiry: view.min_final_cltv_expiry_delta(),
            payee: payee.map(|k| k.to_string()).or_else(|| view.payee_field().map(|k| hex(&k))),
            payment_hash: hex(&view.payment_hash()),
            payment_secret: view.payment_secret().map(|s| hex(&s)),
            description: view.description().map(|d| d.to_string()),
            description_hash: view.description_hash().map(|h| hex(&h)),
            payment_metadata: view.payment_metadata().map(|m| hex(&m.collect::<Vec<_>>())),
            feature_bits: features.iter().collect(),
            features: features
                .named()
                .map(|f| FeatureSummary { bit: f.bit, name: f.name, required: f.is_required() })
                .collect(),
            fallbacks: view
                .fallbacks()
                .map(|f| FallbackSummary {
                    kind: f.kind().name(),
                    addr: f.address(network).to_string(),
                    hex: hex(&script(&f)),
                })
                .collect(),
            routes: view
                .route_hints()
                .map(|r| {
                    r.hops()
                        .map(|h| HopSummary {
                            pubkey: hex(&h.src_node_id),
                            short_channel_id: h.short_channel_id.to_string(),
                            fee_base_msat: h.fee_base_msat,
                            fee_proportional_millionths: h.fee_proportional_millionths,
                            cltv_expiry_delta: h.cltv_expiry_delta,
                        })
                        .collect()
                })
                .collect(),
            extra: view
                .unknown_fields()
                .map(|f| ExtraField { tag: f.tag_char(), data: f.data.as_chars().to_ascii_lowercase() })
                .collect(),
            signature: hex(&view.signature()),
            recovery_id: view.recovery_id(),
        }
    }
}

/// The output script a fallback pays to.
pub fn script(f: &Fallback) -> Vec<u8> {
    let program = f.program();
    let mut s = Vec::with_capacity(program.len() + 5);
    match f.kind() {
        FallbackKind::P2pkh => {
            s.extend_from_slice(&[0x76, 0xa9, 0x14]);
            s.extend_from_slice(program);
            s.extend_from_slice(&[0x88, 0xac]);
        }
        FallbackKind::P2sh => {
            s.extend_from_slice(&[0xa9, 0x14]);
            s.extend_from_slice(program);
            s.push(0x87);
        }
        _ => {
            // OP_0, or OP_1..OP_16 (0x51..0x60), then a direct push of the program.
            s.push(if f.version() == 0 { 0 } else { 0x50 + f.version() });
            s.push(program.len() as u8);
            s.extend_from_slice(program);
        }
    }
    s
}

/// Lower-case hex.
fn hex(bytes: &[u8]) -> String {
    bytes.to_lower_hex_string()
}
