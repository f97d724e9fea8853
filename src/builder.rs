//! Building and signing invoices (sections E and C).
//!
//! The builder refuses, with a typed [`BuildError`], anything that would make an invalid
//! invoice: a missing payment hash, secret or description, a field set twice, an amount out
//! of range, a description too long for one field. Fields are written in the order they were
//! set, so any invoice can be reproduced byte for byte.

use alloc::string::String;
use alloc::vec::Vec;

use secp256k1::ecdsa::RecoverableSignature;
use secp256k1::{Keypair, Message, PublicKey, Secp256k1, Signing, Verification};

use crate::amount::{self, MAX_AMOUNT_MSAT};
use crate::encode::{int_words, to_bech32, WordWriter};
use crate::error::BuildError;
use crate::fallback::Fallback;
use crate::field::{tag, tag_char, MAX_FIELD_BYTES, MAX_FIELD_WORDS};
use crate::invoice::Invoice;
use crate::network::Network;
use crate::parse::{MAX_INVOICE_LENGTH, SIGNATURE_WORDS, TIMESTAMP_WORDS};
use crate::policy::DecodeOptions;
use crate::route::{RouteHop, HOP_LEN};
use crate::signature::signing_hash;
use crate::view::InvoiceRef;

/// The most hops one `r` field can carry (12 × 51 = 612 of 639 bytes).
pub const MAX_ROUTE_HOPS: usize = MAX_FIELD_BYTES / HOP_LEN;

/// The features set when none are given: `var_onion_optin` and `payment_secret`, required, as
/// every spec example and every major implementation writes them (notes 4.7).
pub const DEFAULT_FEATURES: [usize; 2] = [8, 14];

/// The highest feature bit that fits in one `9` field.
pub const MAX_FEATURE_BIT: usize = MAX_FIELD_WORDS * 5 - 1;

/// The latest timestamp that fits in 35 bits (C-1).
pub const MAX_TIMESTAMP: u64 = (1 << 35) - 1;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Field {
    PaymentHash([u8; 32]),
    PaymentSecret([u8; 32]),
    Description(String),
    DescriptionHash([u8; 32]),
    Payee(PublicKey),
    Expiry(u64),
    MinFinalCltv(u64),
    Features(Vec<usize>),
    Metadata(Vec<u8>),
    Fallback(Fallback),
    Route(Vec<RouteHop>),
}

impl Field {
    fn tag(&self) -> u8 {
        match self {
            Field::PaymentHash(_) => tag::PAYMENT_HASH,
            Field::PaymentSecret(_) => tag::PAYMENT_SECRET,
            Field::Description(_) => tag::DESCRIPTION,
            Field::DescriptionHash(_) => tag::DESCRIPTION_HASH,
            Field::Payee(_) => tag::PAYEE,
            Field::Expiry(_) => tag::EXPIRY,
            Field::MinFinalCltv(_) => tag::MIN_FINAL_CLTV,
            Field::Features(_) => tag::FEATURES,
            Field::Metadata(_) => tag::METADATA,
            Field::Fallback(_) => tag::FALLBACK,
            Field::Route(_) => tag::ROUTE,
        }
    }

    fn write(&self, w: &mut WordWriter) {
        let int = |value: u64| move |v: &mut Vec<u8>| WordWriter::push_int(v, value, int_words(value));
        match self {
            Field::PaymentHash(b) | Field::PaymentSecret(b) | Field::DescriptionHash(b) => {
                w.push_field(self.tag(), |v| WordWriter::push_bytes(v, b))
            }
            Field::Description(d) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, d.as_bytes())),
            Field::Payee(k) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, &k.serialize())),
            Field::Expiry(x) | Field::MinFinalCltv(x) => w.push_field(self.tag(), int(*x)),
            Field::Features(bits) => w.push_field(self.tag(), |v| {
                crate::features::encode(bits, |word| v.push(word));
            }),
            Field::Metadata(m) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, m)),
            Field::Fallback(f) => w.push_field(self.tag(), |v| {
                v.push(f.version());
                WordWriter::push_bytes(v, f.program());
            }),
            Field::Route(hops) => w.push_field(self.tag(), |v| {
                let bytes: Vec<u8> = hops.iter().flat_map(|h| h.to_bytes()).collect();
                WordWriter::push_bytes(v, &bytes);
            }),
        }
    }

    /// Whether the field may appear only once (W-1, W-2, W-4, W-9, W-11, W-14, W-21).
    fn is_single(&self) -> bool {
        !matches!(self, Field::Fallback(_) | Field::Route(_))
    }
}

/// Builds and signs an invoice.
///
/// ```
/// use lightning_bolt11::{InvoiceBuilder, Network};
/// use secp256k1::{Secp256k1, SecretKey};
///
/// let key = SecretKey::from_slice(&[0x11; 32])?;
/// let invoice = InvoiceBuilder::new(Network::Bitcoin)
///     .amount_msat(250_000_000)
///     .timestamp(1_700_000_000)
///     .payment_hash([0x01; 32])
///     .payment_secret([0x02; 32])
///     .description("1 cup coffee")
///     .expiry(60)
///     .sign(&key)?;
/// assert!(invoice.as_str().starts_with("lnbc2500u1"));
/// assert_eq!(invoice.payee(), key.public_key(&Secp256k1::new()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct InvoiceBuilder {
    network: Network,
    amount_msat: Option<u64>,
    timestamp: Option<u64>,
    fields: Vec<Field>,
    error: Option<BuildError>,
}

impl InvoiceBuilder {
    /// Starts an invoice for `network`, with no amount ("any amount").
    pub fn new(network: Network) -> Self {
        InvoiceBuilder { network, amount_msat: None, timestamp: None, fields: Vec::new(), error: None }
    }

    fn fail(mut self, e: BuildError) -> Self {
        self.error.get_or_insert(e);
        self
    }

    fn push(mut self, field: Field) -> Self {
        if field.is_single() && self.fields.iter().any(|f| f.tag() == field.tag()) {
            return self.fail(BuildError::Duplicate { tag: tag_char(field.tag()) });
        }
        self.fields.push(field);
        self
    }

    /// The amount in millisatoshis (1 msat to 21 million BTC), written in its shortest form (B-5).
    pub fn amount_msat(mut self, msat: u64) -> Self {
        if msat == 0 || msat > MAX_AMOUNT_MSAT {
            return self.fail(BuildError::InvalidAmount);
        }
        self.amount_msat = Some(msat);
        self
    }

    /// Creation time in seconds since 1970 (C-1). With `std`, the current time is the default.
    pub fn timestamp(mut self, secs: u64) -> Self {
        if secs > MAX_TIMESTAMP {
            return self.fail(BuildError::TimestampTooLarge);
        }
        self.timestamp = Some(secs);
        self
    }

    /// The payment hash: SHA-256 of the preimage released on payment (W-1, W-3).
    pub fn payment_hash(self, hash: [u8; 32]) -> Self {
        self.push(Field::PaymentHash(hash))
    }

    /// The payment secret (W-2).
    pub fn payment_secret(self, secret: [u8; 32]) -> Self {
        self.push(Field::PaymentSecret(secret))
    }

    /// A description of at most 639 bytes (W-4, W-5).
    pub fn description(self, text: &str) -> Self {
        if text.len() > MAX_FIELD_BYTES {
            return self.fail(BuildError::FieldTooLong { tag: 'd', len: text.len(), max: MAX_FIELD_BYTES });
        }
        if self.fields.iter().any(|f| matches!(f, Field::DescriptionHash(_))) {
            return self.fail(BuildError::DescriptionAndHash);
        }
        self.push(Field::Description(text.into()))
    }

    /// The SHA-256 of a description given out of band (W-4, W-7).
    pub fn description_hash(self, hash: [u8; 32]) -> Self {
        if self.fields.iter().any(|f| matches!(f, Field::Description(_))) {
            return self.fail(BuildError::DescriptionAndHash);
        }
        self.push(Field::DescriptionHash(hash))
    }

    /// Writes the payee's key in an `n` field (W-14, W-15), so payers verify rather than recover.
    pub fn payee_pubkey(self, key: PublicKey) -> Self {
        self.push(Field::Payee(key))
    }

    /// Expiry in seconds after the timestamp (W-9, W-10).
    pub fn expiry(self, secs: u64) -> Self {
        self.push(Field::Expiry(secs))
    }

    /// `min_final_cltv_expiry_delta` (W-11, W-12, W-13).
    pub fn min_final_cltv_expiry_delta(self, delta: u64) -> Self {
        self.push(Field::MinFinalCltv(delta))
    }

    /// The feature bits to set (W-21, W-22; an empty list omits the field). Without this call
    /// the invoice sets [`DEFAULT_FEATURES`]. Required (even) bits must be BOLT 9 invoice
    /// features; optional (odd) bits may be anything.
    pub fn features(self, bits: &[usize]) -> Self {
        if let Some(&bit) = bits.iter().find(|&&b| b > MAX_FEATURE_BIT) {
            return self.fail(BuildError::FeatureBitTooLarge { bit });
        }
        let mut bits = bits.to_vec();
        bits.sort_unstable();
        bits.dedup();
        // G-1: a required bit that BOLT 9 does not define for invoices would make the invoice
        // unpayable by every reader (R-5); an unknown odd bit is harmless (R-4).
        if let Some(&bit) = bits.iter().find(|&&b| b % 2 == 0 && crate::features::known_feature(b).is_none()) {
            return self.fail(BuildError::UnknownRequiredFeature { bit });
        }
        // G-1, G-2: set every dependency of a known feature.
        let has = |b: usize| bits.contains(&b) || bits.contains(&(b | 1));
        for f in crate::features::KNOWN_FEATURES {
            if let Some(requires) = f.requires.filter(|&r| has(f.bit) && !has(r)) {
                return self.fail(BuildError::MissingFeatureDependency { bit: f.bit, requires });
            }
        }
        self.push(Field::Features(bits))
    }

    /// Payment metadata of at most 639 bytes, for the payer to send back (R-14).
    pub fn payment_metadata(self, metadata: &[u8]) -> Self {
        if metadata.len() > MAX_FIELD_BYTES {
            return self.fail(BuildError::FieldTooLong { tag: 'm', len: metadata.len(), max: MAX_FIELD_BYTES });
        }
        self.push(Field::Metadata(metadata.to_vec()))
    }

    /// Adds a fallback address; the first added is the most preferred (W-16, W-24).
    pub fn fallback(self, fallback: Fallback) -> Self {
        self.push(Field::Fallback(fallback))
    }

    /// Adds a route hint of 1 to 12 hops, from a public node to the payee (W-18, W-19, W-20).
    pub fn route_hint(self, hops: &[RouteHop]) -> Self {
        if hops.is_empty() || hops.len() > MAX_ROUTE_HOPS {
            return self.fail(BuildError::InvalidRouteHint { len: hops.len(), max: MAX_ROUTE_HOPS });
        }
        self.push(Field::Route(hops.to_vec()))
    }

    /// The prefix and data words to be signed, after every check.
    fn unsigned(&self) -> Result<(String, WordWriter), BuildError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let has = |t: u8| self.fields.iter().any(|f| f.tag() == t);
        if !has(tag::PAYMENT_HASH) {
            return Err(BuildError::MissingPaymentHash);
        }
        if !has(tag::PAYMENT_SECRET) {
            return Err(BuildError::MissingPaymentSecret);
        }
        if !has(tag::DESCRIPTION) && !has(tag::DESCRIPTION_HASH) {
            return Err(BuildError::MissingDescription);
        }
        let timestamp = match self.timestamp {
            Some(t) => t,
            None => now().ok_or(BuildError::MissingTimestamp)?,
        };

        let mut hrp = String::with_capacity(32);
        hrp.push_str("ln");
        hrp.push_str(self.network.currency());
        if let Some(msat) = self.amount_msat {
            amount::write(msat, &mut hrp).map_err(|_| BuildError::InvalidAmount)?;
        }
        let mut w = WordWriter { words: Vec::with_capacity(512) };
        WordWriter::push_int(&mut w.words, timestamp, TIMESTAMP_WORDS);
        for f in &self.fields {
            f.write(&mut w);
        }
        if !has(tag::FEATURES) {
            Field::Features(DEFAULT_FEATURES.to_vec()).write(&mut w);
        }
        let len = hrp.len() + 1 + w.words.len() + SIGNATURE_WORDS + crate::checksum::CHECKSUM_LEN;
        if len > MAX_INVOICE_LENGTH {
            return Err(BuildError::TooLong { len, max: MAX_INVOICE_LENGTH });
        }
        Ok((hrp, w))
    }

    /// The hash that will be signed (C-2), for signers that want to see it first.
    pub fn signature_hash(&self) -> Result<[u8; 32], BuildError> {
        let (hrp, w) = self.unsigned()?;
        Ok(signing_hash(hrp.as_bytes(), w.words.iter().copied()))
    }

    /// Signs with a secret key, using the global context (with `std`).
    #[cfg(feature = "std")]
    pub fn sign(self, key: &secp256k1::SecretKey) -> Result<Invoice, BuildError> {
        let secp = crate::signature::global();
        self.sign_with_keypair(secp, &Keypair::from_secret_key(secp, key))
    }

    /// Signs with a key pair, whose public key is then the payee (no recovery needed).
    pub fn sign_with_keypair<C: Signing>(self, secp: &Secp256k1<C>, keys: &Keypair) -> Result<Invoice, BuildError> {
        let secret = keys.secret_key();
        self.finish(keys.public_key(), |hash| Ok(secp.sign_ecdsa_recoverable(&Message::from_digest(*hash), &secret)))
    }

    /// Signs with any signer (an HSM, a remote signer): `sign` gets the 32-byte hash and
    /// returns a recoverable signature. The result is checked against `payee` before use.
    pub fn sign_with<C, F>(self, secp: &Secp256k1<C>, payee: PublicKey, sign: F) -> Result<Invoice, BuildError>
    where
        C: Verification,
        F: FnOnce(&[u8; 32]) -> Result<RecoverableSignature, &'static str>,
    {
        self.finish(payee, |hash| {
            let sig = sign(hash).map_err(BuildError::Signer)?;
            let recovered =
                secp.recover_ecdsa(&Message::from_digest(*hash), &sig).map_err(|_| BuildError::BadSignature)?;
            if recovered != payee {
                return Err(BuildError::BadSignature);
            }
            Ok(sig)
        })
    }

    fn finish(
        self,
        payee: PublicKey,
        sign: impl FnOnce(&[u8; 32]) -> Result<RecoverableSignature, BuildError>,
    ) -> Result<Invoice, BuildError> {
        if self.fields.iter().any(|f| matches!(f, Field::Payee(k) if *k != payee)) {
            return Err(BuildError::BadSignature);
        }
        let (hrp, mut w) = self.unsigned()?;
        let hash = signing_hash(hrp.as_bytes(), w.words.iter().copied());
        let (id, rs) = sign(&hash)?.serialize_compact();
        let mut sig = [0u8; 65];
        sig[..64].copy_from_slice(&rs);
        sig[64] = id.to_i32() as u8;
        WordWriter::push_bytes(&mut w.words, &sig);
        let text = to_bech32(&hrp, &w.words);
        // Everything written was checked above (required features included), so this strict
        // parse cannot fail; it lays out the fields.
        let view = InvoiceRef::parse_with(&text, &DecodeOptions::new()).map_err(BuildError::Internal)?;
        Ok(Invoice::from_verified(view, payee))
    }
}

#[cfg(feature = "std")]
fn now() -> Option<u64> {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok().map(|d| d.as_secs())
}

#[cfg(not(feature = "std"))]
fn now() -> Option<u64> {
    None
}
