//! `--format cln` and `--format lnd`: the objects Core Lightning's `decode` and lnd's
//! `lncli decodepayreq` print, field for field, so that scripts written for either keep
//! working. Keys come in the order each writes them.

use lightning_bolt11::secp256k1::{self, PublicKey};
use lightning_bolt11::{tag, Fallback, FallbackKind, InvoiceRef, RawField};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::object;

/// Lower-case hex.
fn hex(bytes: impl AsRef<[u8]>) -> String {
    use hex_conservative::DisplayHex;
    bytes.as_ref().to_lower_hex_string()
}

/// The fields Core Lightning keeps as `extra`: types it does not read (bLIP-39's `b`
/// among them) and what this crate skipped, in order. One walk of each, in step.
fn cln_extra<'a>(view: &InvoiceRef<'a>) -> Vec<RawField<'a>> {
    let mut skipped = view.unknown_fields().peekable();
    let mut out = Vec::new();
    for f in view.fields() {
        if skipped.peek() == Some(&f) {
            skipped.next();
            out.push(f);
        } else if f.tag == tag::BLINDED_PATH {
            out.push(f);
        }
    }
    out
}

/// Core Lightning's `features`: the `9` field's bits as ceil(5n/8) bytes, big-endian.
fn cln_features(view: &InvoiceRef<'_>) -> Option<String> {
    let words = view.fields().find(|f| f.tag == tag::FEATURES)?.data;
    let mut bytes = vec![0u8; (words.len() * 5 + 7) / 8];
    let n = bytes.len();
    for bit in view.features().iter() {
        if let Some(b) = bytes.get_mut(n - 1 - bit / 8) {
            *b |= 1 << (bit % 8);
        }
    }
    Some(hex(&bytes))
}

/// Core Lightning's `decode` of a BOLT-11 invoice (`valid` is false when the signature was not
/// checked: `--no-verify`).
pub struct Cln<'a> {
    pub view: InvoiceRef<'a>,
    pub payee: Option<PublicKey>,
    pub echo: Option<&'a str>,
}

impl Serialize for Cln<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = &self.view;
        let mut m = s.serialize_map(None)?;
        if let Some(text) = self.echo {
            m.serialize_entry("invoice", text)?;
        }
        m.serialize_entry("type", "bolt11 invoice")?;
        m.serialize_entry("currency", v.network().currency())?;
        m.serialize_entry("created_at", &v.timestamp())?;
        m.serialize_entry("expiry", &v.expiry())?;
        if let Some(key) = self.payee.map(|k| k.serialize()).or_else(|| v.payee_field()) {
            m.serialize_entry("payee", &hex(key))?;
        }
        if let Some(a) = v.amount_msat() {
            m.serialize_entry("amount_msat", &a)?;
        }
        if let Some(d) = v.description() {
            m.serialize_entry("description", &d.to_string())?;
        }
        if let Some(h) = v.description_hash() {
            m.serialize_entry("description_hash", &hex(h))?;
        }
        m.serialize_entry("min_final_cltv_expiry", &v.min_final_cltv_expiry_delta())?;
        if let Some(secret) = v.payment_secret() {
            m.serialize_entry("payment_secret", &hex(secret))?;
        }
        if let Some(f) = cln_features(v) {
            m.serialize_entry("features", &f)?;
        }
        if let Some(meta) = v.payment_metadata() {
            m.serialize_entry("payment_metadata", &hex(meta.collect::<Vec<u8>>()))?;
        }
        let fallbacks: Vec<ClnFallback> = v.fallbacks().map(|f| ClnFallback(f, v.network())).collect();
        if !fallbacks.is_empty() {
            m.serialize_entry("fallbacks", &fallbacks)?;
        }
        let routes: Vec<Vec<ClnHop>> = v
            .route_hints()
            .map(|r| {
                r.hops()
                    .map(|h| ClnHop {
                        pubkey: hex(h.src_node_id),
                        short_channel_id: h.short_channel_id.to_string(),
                        fee_base_msat: h.fee_base_msat,
                        fee_proportional_millionths: h.fee_proportional_millionths,
                        cltv_expiry_delta: h.cltv_expiry_delta,
                    })
                    .collect()
            })
            .collect();
        if !routes.is_empty() {
            m.serialize_entry("routes", &routes)?;
        }
        let extra: Vec<ClnExtra> = cln_extra(v)
            .iter()
            .map(|f| ClnExtra { tag: f.tag_char(), data: f.data.as_chars().to_ascii_lowercase() })
            .collect();
        if !extra.is_empty() {
            m.serialize_entry("extra", &extra)?;
        }
        m.serialize_entry("payment_hash", &hex(v.payment_hash()))?;
        // Core Lightning writes the signature DER-encoded.
        let der = secp256k1::ecdsa::Signature::from_compact(&v.signature()).map(|s| hex(s.serialize_der()));
        m.serialize_entry("signature", &der.unwrap_or_default())?;
        m.serialize_entry("valid", &self.payee.is_some())?;
        m.end()
    }
}

object! {
    struct ClnHop {
        "pubkey" => pubkey: String,
        "short_channel_id" => short_channel_id: String,
        "fee_base_msat" => fee_base_msat: u32,
        "fee_proportional_millionths" => fee_proportional_millionths: u32,
        "cltv_expiry_delta" => cltv_expiry_delta: u16,
    }
}

object! {
    struct ClnExtra {
        "tag" => tag: char,
        "data" => data: String,
    }
}

/// A fallback as Core Lightning writes it: `type` and `addr` for the kinds it names, and the
/// output script as `hex`.
struct ClnFallback(Fallback, lightning_bolt11::Network);

impl Serialize for ClnFallback {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = &self.0;
        let mut m = s.serialize_map(None)?;
        if f.kind() != FallbackKind::Witness {
            m.serialize_entry("type", f.kind().name())?;
            m.serialize_entry("addr", &f.address(self.1).to_string())?;
        }
        m.serialize_entry("hex", &hex(f.script_pubkey(&mut [0; lightning_bolt11::MAX_SCRIPT_LEN])))?;
        m.end()
    }
}

/// lnd's name for a feature bit (`lnwire.Features`), or `None`.
fn lnd_feature_name(bit: usize) -> Option<&'static str> {
    Some(match bit {
        0 | 1 => "data-loss-protect",
        3 => "initial-routing-sync",
        4 | 5 => "upfront-shutdown-script",
        6 | 7 => "gossip-queries",
        8 | 9 => "tlv-onion",
        12 | 13 => "static-remote-key",
        14 | 15 => "payment-addr",
        16 | 17 => "multi-path-payments",
        18 | 19 => "wumbo-channels",
        20 | 21 => "anchor-commitments",
        22 | 23 => "anchors-zero-fee-htlc-tx",
        24 | 25 => "route-blinding",
        26 | 27 => "shutdown-any-segwit",
        30 | 31 => "amp",
        34 | 35 => "quiescence",
        44 | 45 => "explicit-commitment-type",
        46 | 47 => "scid-alias",
        48 | 49 => "payment-metadata",
        50 | 51 => "zero-conf",
        54 | 55 => "keysend",
        60 | 61 => "rbf-coop-close",
        80 | 81 => "simple-taproot-chans",
        160 | 161 => "rbf-coop-close-x",
        180 | 181 => "simple-taproot-chans-x",
        260 | 261 => "endorsement-x",
        262 | 263 => "bolt-11-blinded-paths",
        2022 | 2023 => "script-enforced-lease",
        2025 | 2026 => "taproot-overlay-chans",
        _ => return None,
    })
}

/// lnrpc's `FeatureBit` enum name, for a blinded path's features (a number when it has none).
fn lnd_feature_enum(bit: usize) -> serde_json::Value {
    const NAMES: [(usize, &str); 27] = [
        (0, "DATALOSS_PROTECT_REQ"),
        (1, "DATALOSS_PROTECT_OPT"),
        (3, "INITIAL_ROUING_SYNC"),
        (4, "UPFRONT_SHUTDOWN_SCRIPT_REQ"),
        (5, "UPFRONT_SHUTDOWN_SCRIPT_OPT"),
        (6, "GOSSIP_QUERIES_REQ"),
        (7, "GOSSIP_QUERIES_OPT"),
        (8, "TLV_ONION_REQ"),
        (9, "TLV_ONION_OPT"),
        (10, "EXT_GOSSIP_QUERIES_REQ"),
        (11, "EXT_GOSSIP_QUERIES_OPT"),
        (12, "STATIC_REMOTE_KEY_REQ"),
        (13, "STATIC_REMOTE_KEY_OPT"),
        (14, "PAYMENT_ADDR_REQ"),
        (15, "PAYMENT_ADDR_OPT"),
        (16, "MPP_REQ"),
        (17, "MPP_OPT"),
        (18, "WUMBO_CHANNELS_REQ"),
        (19, "WUMBO_CHANNELS_OPT"),
        (20, "ANCHORS_REQ"),
        (21, "ANCHORS_OPT"),
        (22, "ANCHORS_ZERO_FEE_HTLC_REQ"),
        (23, "ANCHORS_ZERO_FEE_HTLC_OPT"),
        (24, "ROUTE_BLINDING_REQUIRED"),
        (25, "ROUTE_BLINDING_OPTIONAL"),
        (30, "AMP_REQ"),
        (31, "AMP_OPT"),
    ];
    NAMES.iter().find(|(b, _)| *b == bit).map_or(serde_json::json!(bit), |(_, n)| serde_json::json!(n))
}

/// The bits set in big-endian feature bytes (a blinded path's).
fn bits_of(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let n = bytes.len();
    (0..n * 8).filter(move |&b| bytes.get(n - 1 - b / 8).is_some_and(|byte| byte >> (b % 8) & 1 == 1))
}

/// lnd's `decodepayreq` (`lnrpc.PayReq`, as lncli prints it: 64-bit integers as strings,
/// bytes as hex, every field present).
pub struct Lnd<'a> {
    pub view: InvoiceRef<'a>,
    pub payee: Option<PublicKey>,
    pub echo: Option<&'a str>,
}

impl Serialize for Lnd<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = &self.view;
        let network = v.network();
        let mut m = s.serialize_map(None)?;
        if let Some(text) = self.echo {
            m.serialize_entry("invoice", text)?;
        }
        let destination = self.payee.map(|k| k.serialize()).or_else(|| v.payee_field());
        m.serialize_entry("destination", &destination.map(hex).unwrap_or_default())?;
        m.serialize_entry("payment_hash", &hex(v.payment_hash()))?;
        let msat = v.amount_msat().unwrap_or(0);
        m.serialize_entry("num_satoshis", &(msat / 1000).to_string())?;
        m.serialize_entry("timestamp", &v.timestamp().to_string())?;
        m.serialize_entry("expiry", &v.expiry().to_string())?;
        m.serialize_entry("description", &v.description().map(|d| d.to_string()).unwrap_or_default())?;
        m.serialize_entry("description_hash", &v.description_hash().map(hex).unwrap_or_default())?;
        // lnd keeps the first fallback it reads: versions 0, 17 and 18.
        let fallback = v.fallbacks().find(|f| matches!(f.version(), 0 | 17 | 18));
        m.serialize_entry("fallback_addr", &fallback.map(|f| f.address(network).to_string()).unwrap_or_default())?;
        m.serialize_entry("cltv_expiry", &v.min_final_cltv_expiry_delta().to_string())?;
        let route_hints: Vec<LndRouteHint> = v
            .route_hints()
            .map(|r| LndRouteHint {
                hop_hints: r
                    .hops()
                    .map(|h| LndHopHint {
                        node_id: hex(h.src_node_id),
                        chan_id: h.short_channel_id.0.to_string(),
                        fee_base_msat: h.fee_base_msat,
                        fee_proportional_millionths: h.fee_proportional_millionths,
                        cltv_expiry_delta: h.cltv_expiry_delta,
                    })
                    .collect(),
            })
            .collect();
        m.serialize_entry("route_hints", &route_hints)?;
        m.serialize_entry("payment_addr", &v.payment_secret().map(hex).unwrap_or_default())?;
        m.serialize_entry("num_msat", &msat.to_string())?;
        // A map keyed by bit, in numeric order, as lncli prints it.
        let features: Vec<(String, LndFeature)> = v
            .features()
            .iter()
            .map(|bit| {
                let name = lnd_feature_name(bit);
                let f =
                    LndFeature { name: name.unwrap_or("unknown"), is_required: bit % 2 == 0, is_known: name.is_some() };
                (bit.to_string(), f)
            })
            .collect();
        m.serialize_entry("features", &OrderedMap(&features))?;
        let paths: Vec<LndBlindedPayment> = v
            .blinded_paths()
            .map(|p| LndBlindedPayment {
                blinded_path: LndBlindedPath {
                    introduction_node: hex(p.introduction_node()),
                    blinding_point: hex(p.first_ephemeral_blinding_point()),
                    blinded_hops: p
                        .hops()
                        .map(|h| LndBlindedHop {
                            blinded_node: hex(h.blinded_node_id),
                            encrypted_data: hex(h.encrypted_data),
                        })
                        .collect(),
                },
                base_fee_msat: p.fee_base_msat().to_string(),
                proportional_fee_rate: p.fee_proportional_millionths(),
                total_cltv_delta: p.cltv_expiry_delta(),
                htlc_min_msat: p.htlc_minimum_msat().to_string(),
                htlc_max_msat: p.htlc_maximum_msat().to_string(),
                features: bits_of(p.features()).map(lnd_feature_enum).collect(),
            })
            .collect();
        m.serialize_entry("blinded_paths", &paths)?;
        m.end()
    }
}

object! {
    struct LndRouteHint {
        "hop_hints" => hop_hints: Vec<LndHopHint>,
    }
}

object! {
    struct LndHopHint {
        "node_id" => node_id: String,
        "chan_id" => chan_id: String,
        "fee_base_msat" => fee_base_msat: u32,
        "fee_proportional_millionths" => fee_proportional_millionths: u32,
        "cltv_expiry_delta" => cltv_expiry_delta: u16,
    }
}

object! {
    struct LndFeature {
        "name" => name: &'static str,
        "is_required" => is_required: bool,
        "is_known" => is_known: bool,
    }
}

object! {
    struct LndBlindedPayment {
        "blinded_path" => blinded_path: LndBlindedPath,
        "base_fee_msat" => base_fee_msat: String,
        "proportional_fee_rate" => proportional_fee_rate: u32,
        "total_cltv_delta" => total_cltv_delta: u16,
        "htlc_min_msat" => htlc_min_msat: String,
        "htlc_max_msat" => htlc_max_msat: String,
        "features" => features: Vec<serde_json::Value>,
    }
}

object! {
    struct LndBlindedPath {
        "introduction_node" => introduction_node: String,
        "blinding_point" => blinding_point: String,
        "blinded_hops" => blinded_hops: Vec<LndBlindedHop>,
    }
}

object! {
    struct LndBlindedHop {
        "blinded_node" => blinded_node: String,
        "encrypted_data" => encrypted_data: String,
    }
}

/// A JSON object whose keys keep the order given (serde_json's own map sorts them).
struct OrderedMap<'a, V>(&'a [(String, V)]);

impl<V: Serialize> Serialize for OrderedMap<'_, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}
