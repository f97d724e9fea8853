//! A flat, serialisable summary of an invoice, with Core Lightning's `decode` field names.
//! The `bolt11` tool prints it as JSON; other front ends (WebAssembly, services) can too.

use alloc::string::String;
use core::fmt;

use serde::ser::{Error as _, SerializeMap, Serializer};
use serde::Serialize;

use crate::field::MAX_FIELD_BYTES;

use crate::fallback::{Fallback, MAX_SCRIPT_LEN};
use crate::view::InvoiceRef;

/// An integer, written as a decimal string above 2^53 - 1 so that JavaScript never rounds it.
struct Safe(u64);

impl Serialize for Safe {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 > crate::request::MAX_SAFE_JSON_INTEGER {
            s.collect_str(&self.0)
        } else {
            s.serialize_u64(self.0)
        }
    }
}

/// Bytes as lower-case hex, written 64 bytes at a time through a small stack buffer (no
/// allocation, whatever the length).
struct Hex<'a>(&'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn digit(n: u8) -> u8 {
            if n < 10 {
                b'0' + n
            } else {
                b'a' - 10 + n
            }
        }
        for chunk in self.0.chunks(64) {
            let mut buf = [0u8; 128];
            let out = buf.get_mut(..2 * chunk.len()).ok_or(fmt::Error)?;
            for (pair, &b) in out.chunks_exact_mut(2).zip(chunk) {
                pair.copy_from_slice(&[digit(b >> 4), digit(b & 0x0f)]);
            }
            // Only ASCII digits were written: this never fails.
            f.write_str(core::str::from_utf8(out).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl Serialize for Hex<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A value written with its `Display`.
struct Text<T>(T);

impl<T: fmt::Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A sequence made afresh by a closure each time it is written.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// A JSON object of the members given, in order: what serde's derive would write, without its
/// proc-macro crate (whose newest versions need a newer Rust than this crate).
macro_rules! object {
    ($(#[$m:meta])* struct $name:ident { $($key:literal => $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$m])*
        struct $name {
            $($field: $ty),*
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(None)?;
                $(m.serialize_entry($key, &self.$field)?;)*
                m.end()
            }
        }
    };
}

object! {
    /// One set feature bit: `{bit, name, required}` (`name` is `null` when BOLT 9 has none).
    struct FeatureEntry {
        "bit" => bit: usize,
        "name" => name: Option<&'static str>,
        "required" => required: bool,
    }
}

object! {
    /// A fallback address: `{type, addr, hex}` (`hex`: the output script).
    struct FallbackEntry {
        "type" => kind: &'static str,
        "addr" => addr: Text<crate::fallback::Address>,
        "hex" => hex: Script,
    }
}

/// A fallback's output script, as hex.
struct Script(Fallback);

impl Serialize for Script {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Hex(self.0.script_pubkey(&mut [0; MAX_SCRIPT_LEN])).serialize(s)
    }
}

/// A 33-byte key, as hex.
struct Key([u8; 33]);

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Hex(&self.0).serialize(s)
    }
}

object! {
    /// A route hint hop.
    struct HopEntry {
        "pubkey" => pubkey: Key,
        "short_channel_id" => short_channel_id: Text<crate::route::ShortChannelId>,
        "fee_base_msat" => fee_base_msat: u32,
        "fee_proportional_millionths" => fee_proportional_millionths: u32,
        "cltv_expiry_delta" => cltv_expiry_delta: u16,
    }
}

/// A blinded path (J-9), with the names the issue gives and lnd's meanings.
struct BlindedEntry(crate::blinded::BlindedPath);

impl Serialize for BlindedEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = &self.0;
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("fee_base_msat", &p.fee_base_msat())?;
        m.serialize_entry("fee_proportional_millionths", &p.fee_proportional_millionths())?;
        m.serialize_entry("cltv_expiry_delta", &p.cltv_expiry_delta())?;
        m.serialize_entry("htlc_minimum_msat", &Safe(p.htlc_minimum_msat()))?;
        m.serialize_entry("htlc_maximum_msat", &Safe(p.htlc_maximum_msat()))?;
        m.serialize_entry("features", &Hex(p.features()))?;
        m.serialize_entry("first_ephemeral_blinding_point", &Hex(&p.first_ephemeral_blinding_point()))?;
        let hops = Seq(|| p.hops().map(|h| BlindedHopEntry { id: h.blinded_node_id, data: h.encrypted_data }));
        m.serialize_entry("hops", &hops)?;
        m.end()
    }
}

/// A hop of a blinded path: `{blinded_node_id, encrypted_data}`.
struct BlindedHopEntry<'p> {
    id: [u8; 33],
    data: &'p [u8],
}

impl Serialize for BlindedHopEntry<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("blinded_node_id", &Hex(&self.id))?;
        m.serialize_entry("encrypted_data", &Hex(self.data))?;
        m.end()
    }
}

object! {
    /// A field skipped but kept: `{tag, data}`, the data as lower-case bech32 characters.
    struct ExtraEntry {
        "tag" => tag: char,
        "data" => data: String,
    }
}

/// An invoice's values, serialised straight from the parsed view, with Core Lightning's
/// `decode` field names: `currency`, `network`, `amount_msat` (absent for "any amount"),
/// `created_at`, `expiry` (3600 when the invoice has no `x`), `expires_at`,
/// `min_final_cltv_expiry` (18 when it has no `c`), `payee`, `payee_verified`, `payment_hash`,
/// `payment_secret`, `description`, `description_hash`, `payment_metadata`, `feature_bits`,
/// `features` (`{bit, name, required}`), `fallbacks` (`{type, addr, hex}`), `routes` (lists
/// of `{pubkey, short_channel_id, fee_base_msat, fee_proportional_millionths,
/// cltv_expiry_delta}`), `blinded_paths` (bLIP-39: `{fee_base_msat,
/// fee_proportional_millionths, cltv_expiry_delta, htlc_minimum_msat, htlc_maximum_msat,
/// features, first_ephemeral_blinding_point, hops: [{blinded_node_id, encrypted_data}]}`, all
/// bytes as hex), `extra` (fields skipped but kept, `{tag, data}`), `signature`
/// (r || s) and `recovery_id`.
///
/// Hex is lower case; absent values are left out; integers above 2^53 - 1 (an amount over
/// about 90,000 BTC, an absurd expiry) are strings. `payee` is the key the signature check
/// gave (`payee_verified: true`), or, when it did not run, the `n` field if there is one
/// (`payee_verified: false`: only what the invoice claims). Nothing is copied until it is
/// written, and the common values are written without allocating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary<'a> {
    view: InvoiceRef<'a>,
    payee: Option<secp256k1::PublicKey>,
    input: Option<&'a str>,
}

impl<'a> Summary<'a> {
    /// Summarises a parsed invoice; `payee` is the key the signature check gave, if it ran.
    pub fn new(view: &InvoiceRef<'a>, payee: Option<secp256k1::PublicKey>) -> Self {
        Summary { view: *view, payee, input: None }
    }

    /// Writes `input` first, as `invoice`: the text the summary was made from, so that a line of
    /// output names its input (the `bolt11` tool's `--echo`).
    pub fn with_input(mut self, input: &'a str) -> Self {
        self.input = Some(input);
        self
    }
}

impl Serialize for Summary<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let view = &self.view;
        let network = view.network();
        let features = view.features();
        let mut m = s.serialize_map(None)?;
        if let Some(input) = self.input {
            m.serialize_entry("invoice", input)?;
        }
        m.serialize_entry("currency", network.currency())?;
        m.serialize_entry("network", network.name())?;
        if let Some(amount) = view.amount_msat() {
            m.serialize_entry("amount_msat", &Safe(amount))?;
        }
        m.serialize_entry("created_at", &Safe(view.timestamp()))?;
        m.serialize_entry("expiry", &Safe(view.expiry()))?;
        m.serialize_entry("expires_at", &Safe(view.expires_at()))?;
        m.serialize_entry("min_final_cltv_expiry", &Safe(view.min_final_cltv_expiry_delta()))?;
        if let Some(key) = self.payee.map(|k| k.serialize()).or_else(|| view.payee_field()) {
            m.serialize_entry("payee", &Hex(&key))?;
            // Without the signature check, `payee` is only what the `n` field claims.
            m.serialize_entry("payee_verified", &self.payee.is_some())?;
        }
        m.serialize_entry("payment_hash", &Text(view.payment_hash()))?;
        if let Some(secret) = view.payment_secret() {
            m.serialize_entry("payment_secret", &Text(secret))?;
        }
        if let Some(d) = view.description() {
            let mut buf = [0u8; MAX_FIELD_BYTES];
            // Parsing checked that it is UTF-8 (W-5).
            let text = d.copy_to(&mut buf).ok_or_else(|| S::Error::custom("description is not UTF-8"))?;
            m.serialize_entry("description", text)?;
        }
        if let Some(hash) = view.description_hash() {
            m.serialize_entry("description_hash", &Text(hash))?;
        }
        if let Some(bytes) = view.payment_metadata() {
            let mut buf = [0u8; MAX_FIELD_BYTES];
            let n = bytes.len().min(MAX_FIELD_BYTES);
            for (o, b) in buf.iter_mut().zip(bytes) {
                *o = b;
            }
            m.serialize_entry("payment_metadata", &Hex(buf.get(..n).unwrap_or(&[])))?;
        }
        m.serialize_entry("feature_bits", &Seq(|| features.iter()))?;
        m.serialize_entry(
            "features",
            &Seq(|| features.named().map(|f| FeatureEntry { bit: f.bit, name: f.name, required: f.is_required() })),
        )?;
        if view.fallbacks().next().is_some() {
            let fallbacks = Seq(|| {
                view.fallbacks().map(|f| FallbackEntry {
                    kind: f.kind().name(),
                    addr: Text(f.address(network)),
                    hex: Script(f),
                })
            });
            m.serialize_entry("fallbacks", &fallbacks)?;
        }
        if view.route_hints().next().is_some() {
            let routes = Seq(|| {
                view.route_hints().map(|r| {
                    Seq(move || {
                        r.hops().map(|h| HopEntry {
                            pubkey: Key(h.src_node_id),
                            short_channel_id: Text(h.short_channel_id),
                            fee_base_msat: h.fee_base_msat,
                            fee_proportional_millionths: h.fee_proportional_millionths,
                            cltv_expiry_delta: h.cltv_expiry_delta,
                        })
                    })
                })
            });
            m.serialize_entry("routes", &routes)?;
        }
        if view.blinded_path_count() > 0 {
            m.serialize_entry("blinded_paths", &Seq(|| view.blinded_paths().map(BlindedEntry)))?;
        }
        if view.unknown_fields().next().is_some() {
            let extra = Seq(|| {
                view.unknown_fields()
                    .map(|f| ExtraEntry { tag: f.tag_char(), data: f.data.as_chars().to_ascii_lowercase() })
            });
            m.serialize_entry("extra", &extra)?;
        }
        m.serialize_entry("signature", &Hex(&view.signature()))?;
        m.serialize_entry("recovery_id", &view.recovery_id())?;
        m.end()
    }
}
