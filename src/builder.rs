//! Building and signing invoices (sections E and C).
//!
//! The builder refuses, with a typed [`BuildError`], anything that would make an invoice some
//! reader refuses: a missing payment hash, secret or description, a field set twice, an amount
//! out of range, a description too long for one field, a feature no reader knows as required.
//! Fields are written in the order they were set, so any invoice can be reproduced byte for
//! byte, and every invoice returned has passed the strict decoder.

use alloc::string::String;
use alloc::vec::Vec;

use secp256k1::ecdsa::{RecoverableSignature, RecoveryId};
use secp256k1::{Keypair, Message, PublicKey, Secp256k1, Signing, Verification};

use crate::amount::{self, MAX_AMOUNT_MSAT};
use crate::blinded::BlindedPath;
use crate::checksum::MAX_INVOICE_LENGTH;
use crate::encode::{int_words, to_bech32, WordWriter};
use crate::error::{BuildError, SignOrBuildError};
use crate::fallback::Fallback;
use crate::features::{known_feature, KNOWN_FEATURES};
use crate::field::{tag, tag_char, MAX_FIELD_BYTES, MAX_FIELD_WORDS};
use crate::invoice::Invoice;
use crate::network::Network;
use crate::parse::{SIGNATURE_WORDS, TIMESTAMP_WORDS};
use crate::policy::{DecodeOptions, Policy};
use crate::route::{RouteHop, HOP_LEN};
use crate::signature::signing_hash;
use crate::view::InvoiceRef;

/// The most hops one `r` field can carry (12 × 51 = 612 of 639 bytes).
pub const MAX_ROUTE_HOPS: usize = MAX_FIELD_BYTES / HOP_LEN;

/// The features every invoice sets unless told otherwise: `var_onion_optin` and
/// `payment_secret`, required, as every spec example and every major implementation writes
/// them (notes 4.7), and as lightning-invoice requires.
pub const DEFAULT_FEATURES: [usize; 2] = [8, 14];

/// The highest feature bit that fits in one `9` field.
pub const MAX_FEATURE_BIT: usize = MAX_FIELD_WORDS * 5 - 1;

/// The latest timestamp that fits in 35 bits (C-1).
pub const MAX_TIMESTAMP: u64 = (1 << 35) - 1;

/// `option_payment_metadata`'s optional bit: set for the caller with a `m` field, as
/// lightning-invoice does (payers that cannot send the metadata may still pay).
const PAYMENT_METADATA_OPTIONAL: usize = 49;

/// bLIP-39's `bolt11_blinded_path`, required: set for the caller with a `b` field, as lnd does,
/// so that readers that skip `b` fail rather than pay without the paths.
const BLINDED_PATH_REQUIRED: usize = 262;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Field {
    PaymentHash([u8; 32]),
    PaymentSecret([u8; 32]),
    Description(String),
    DescriptionHash([u8; 32]),
    Payee(PublicKey),
    Expiry(u64),
    MinFinalCltv(u64),
    /// Where the `9` field goes; its bits are settled when the invoice is made.
    Features,
    Metadata(Vec<u8>),
    Fallback(Fallback),
    Route(Vec<RouteHop>),
    Blinded(alloc::boxed::Box<BlindedPath>),
    /// A field of a type BOLT-11 does not define, written as given.
    Raw {
        tag: u8,
        words: Vec<u8>,
    },
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
            Field::Features => tag::FEATURES,
            Field::Metadata(_) => tag::METADATA,
            Field::Fallback(_) => tag::FALLBACK,
            Field::Route(_) => tag::ROUTE,
            Field::Blinded(_) => tag::BLINDED_PATH,
            Field::Raw { tag, .. } => *tag,
        }
    }

    /// Writes the field; `features` are the bits of the `9` field (none: it is left out, W-22).
    fn write(&self, w: &mut WordWriter, features: &[usize]) {
        let int = |value: u64| move |v: &mut Vec<u8>| WordWriter::push_int(v, value, int_words(value));
        match self {
            Field::PaymentHash(b) | Field::PaymentSecret(b) | Field::DescriptionHash(b) => {
                w.push_field(self.tag(), |v| WordWriter::push_bytes(v, b))
            }
            Field::Description(d) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, d.as_bytes())),
            Field::Payee(k) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, &k.serialize())),
            Field::Expiry(x) | Field::MinFinalCltv(x) => w.push_field(self.tag(), int(*x)),
            Field::Features if features.is_empty() => {}
            Field::Features => w.push_field(self.tag(), |v| crate::features::encode(features, v)),
            Field::Metadata(m) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, m)),
            Field::Fallback(f) => w.push_field(self.tag(), |v| {
                v.push(f.version());
                WordWriter::push_bytes(v, f.program());
            }),
            Field::Route(hops) => w.push_field(self.tag(), |v| {
                let bytes: Vec<u8> = hops.iter().flat_map(|h| h.to_bytes()).collect();
                WordWriter::push_bytes(v, &bytes);
            }),
            Field::Blinded(p) => w.push_field(self.tag(), |v| WordWriter::push_bytes(v, p.as_bytes())),
            Field::Raw { words, .. } => w.push_field(self.tag(), |v| v.extend_from_slice(words)),
        }
    }

    /// Whether the field may appear only once (W-1, W-2, W-4, W-9, W-11, W-14, W-21).
    fn is_single(&self) -> bool {
        !matches!(self, Field::Fallback(_) | Field::Route(_) | Field::Blinded(_) | Field::Features | Field::Raw { .. })
    }
}

/// Builds and signs an invoice.
///
/// ```
/// use lightning_bolt11::{InvoiceBuilder, Network};
/// use lightning_bolt11::secp256k1::{Secp256k1, SecretKey};
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
/// assert_eq!(invoice.features().iter().collect::<Vec<_>>(), [8, 14]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct InvoiceBuilder {
    network: Network,
    amount_msat: Option<u64>,
    timestamp: Option<u64>,
    fields: Vec<Field>,
    /// One bit per single-valued tag already set, so a repeat is found without a search.
    singles: u32,
    /// The feature bits given: added to the defaults and implied bits, or (`exact`) alone.
    features: Vec<usize>,
    exact_features: bool,
    /// `Some(Policy::Legacy)` (from [`legacy`](Self::legacy)): no `s` needed.
    legacy: bool,
    error: Option<BuildError>,
}

impl InvoiceBuilder {
    /// Starts an invoice for `network`, with no amount ("any amount").
    pub fn new(network: Network) -> Self {
        InvoiceBuilder {
            network,
            amount_msat: None,
            timestamp: None,
            fields: Vec::new(),
            singles: 0,
            features: Vec::new(),
            exact_features: false,
            legacy: false,
            error: None,
        }
    }

    /// Writes for the `legacy` profile ([`Policy::Legacy`]): the invoice may lack a payment
    /// secret, as invoices made before payment secrets did (lnd's until 2025, most of
    /// 2018-2020); it is checked with that profile instead of the strict one. Strict readers
    /// refuse such an invoice (R-11; writers must include `s`, W-2): for re-writing old invoices and for tools that must,
    /// not for new payments.
    pub fn legacy(mut self) -> Self {
        self.legacy = true;
        self
    }

    /// The profile the made invoice is checked with: strict, legacy, or blinded (which needs
    /// no `s` beside `b` fields).
    fn policy(&self) -> Policy {
        match (self.legacy, self.has_blinded()) {
            (true, _) => Policy::Legacy,
            (false, true) => Policy::Blinded,
            (false, false) => Policy::Strict,
        }
    }

    fn fail(mut self, e: BuildError) -> Self {
        self.error.get_or_insert(e);
        self
    }

    /// Records the first error; the invoice will not be made (for setters in other modules).
    #[cfg(feature = "bitcoin")]
    pub(crate) fn refuse(self, e: BuildError) -> Self {
        self.fail(e)
    }

    /// The network the invoice is for.
    pub fn network(&self) -> Network {
        self.network
    }

    fn has(&self, tag: u8) -> bool {
        self.singles & (1 << tag) != 0
    }

    fn push(mut self, field: Field) -> Self {
        let t = field.tag();
        if field.is_single() {
            if self.has(t) {
                return self.fail(BuildError::Duplicate { tag: tag_char(t) });
            }
            self.singles |= 1 << t;
        }
        self.fields.push(field);
        self
    }

    /// The amount in millisatoshis (1 to [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT)), written in its
    /// shortest form (B-5).
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
    pub fn payment_hash(self, hash: impl Into<[u8; 32]>) -> Self {
        self.push(Field::PaymentHash(hash.into()))
    }

    /// The payment secret (W-2).
    pub fn payment_secret(self, secret: impl Into<[u8; 32]>) -> Self {
        self.push(Field::PaymentSecret(secret.into()))
    }

    /// A description of at most 639 bytes (W-4, W-5).
    pub fn description(self, text: &str) -> Self {
        if text.len() > MAX_FIELD_BYTES {
            return self.fail(BuildError::FieldTooLong { tag: 'd', len: text.len(), max: MAX_FIELD_BYTES });
        }
        if self.has(tag::DESCRIPTION_HASH) {
            return self.fail(BuildError::DescriptionAndHash);
        }
        self.push(Field::Description(text.into()))
    }

    /// The SHA-256 of a description given out of band (W-4, W-7).
    pub fn description_hash(self, hash: impl Into<[u8; 32]>) -> Self {
        let hash = hash.into();
        if self.has(tag::DESCRIPTION) {
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

    /// `min_final_cltv_expiry_delta` (W-11, W-12, W-13), at most 2^32 - 1 blocks: readers refuse
    /// more, which no HTLC's 32-bit CLTV expiry can meet (J-8).
    pub fn min_final_cltv_expiry_delta(self, delta: u64) -> Self {
        if delta > u64::from(u32::MAX) {
            return self.fail(BuildError::CltvTooLarge { delta });
        }
        self.push(Field::MinFinalCltv(delta))
    }

    /// Adds feature bits to those the invoice sets anyway (W-21, G-1): the
    /// [`DEFAULT_FEATURES`], `option_payment_metadata` (optional) with a
    /// [`payment_metadata`](Self::payment_metadata), and every dependency of a feature set.
    /// Naming either bit of a feature chooses it: `.features(&[9])` makes `var_onion_optin`
    /// optional instead of required. Repeated calls add up; the `9` field goes where the first
    /// call was made (else after every other field).
    ///
    /// Refused when the invoice is made: a required (even) bit that no reader knows (BOLT 9
    /// defines it for no invoice, so every reader would refuse the invoice, R-5), both bits of
    /// one feature (G-1), or a bit above [`MAX_FEATURE_BIT`].
    pub fn features(mut self, bits: &[usize]) -> Self {
        if !self.has(tag::FEATURES) {
            self = self.push(Field::Features);
            self.singles |= 1 << tag::FEATURES;
        }
        self.features.extend_from_slice(bits);
        self
    }

    /// Writes exactly `bits` in the `9` field, adding nothing: for tests and experiments. No
    /// bits leave the field out (W-22). A required bit no reader knows, or a feature without
    /// the feature it depends on (G-2), is still refused: no reader would pay the invoice.
    pub fn features_exact(mut self, bits: &[usize]) -> Self {
        self.exact_features = true;
        self.features.clear();
        self.features(bits)
    }

    /// Payment metadata of at most 639 bytes, for the payer to send back (R-14). Sets
    /// `option_payment_metadata` as optional (49) unless [`features`](Self::features) names it.
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

    /// Adds a blinded payment path (a `b` field, bLIP-39); several calls add several paths, in
    /// order. With one, the invoice needs no payment secret (lnd's blinded invoices have none;
    /// a [`payment_secret`](Self::payment_secret) set anyway is written), sets
    /// `bolt11_blinded_path` as required (262) unless [`features`](Self::features) names it,
    /// and may carry no route hint (bLIP-39 forbids `b` with `r`, and readers refuse it).
    pub fn blinded_path(self, path: &BlindedPath) -> Self {
        self.push(Field::Blinded(alloc::boxed::Box::new(path.clone())))
    }

    fn has_blinded(&self) -> bool {
        self.fields.iter().any(|f| matches!(f, Field::Blinded(_)))
    }

    /// Adds a field of a type BOLT-11 does not define (every reader skips it, J-1), or a
    /// fallback of a version readers skip (19 to 31, R-1), written as the 5-bit `words` given:
    /// for experiments and extensions. Fields this crate reads (BOLT-11's, and bLIP-39's `b`:
    /// [`blinded_path`](Self::blinded_path)) have their own methods.
    pub fn raw_field(self, tag: u8, words: &[u8]) -> Self {
        if tag > 31 || words.len() > MAX_FIELD_WORDS || words.iter().any(|&w| w > 31) {
            return self.fail(BuildError::InvalidRawField { tag });
        }
        let skipped_fallback = tag == tag::FALLBACK && words.first().map_or(false, |&v| v > 18);
        if crate::field::is_defined(tag) && !skipped_fallback {
            return self.fail(BuildError::RawFieldDefined { tag: tag_char(tag) });
        }
        self.push(Field::Raw { tag, words: words.to_vec() })
    }

    /// Like [`raw_field`](Self::raw_field), with the data given as bytes and written as BIP-173
    /// does: in the fewest words, zero-padded (W-23). At most 639 bytes.
    pub fn raw_field_bytes(self, tag: u8, bytes: &[u8]) -> Self {
        if bytes.len() > MAX_FIELD_BYTES {
            return self.fail(BuildError::InvalidRawField { tag });
        }
        let mut words = Vec::with_capacity((bytes.len() * 8 + 4) / 5);
        WordWriter::push_bytes(&mut words, bytes);
        self.raw_field(tag, &words)
    }

    /// The feature bits the invoice will carry, sorted, after every check (G-1, G-2, R-5).
    fn feature_bits(&self) -> Result<Vec<usize>, BuildError> {
        let mut bits = self.features.clone();
        if let Some(&bit) = bits.iter().find(|&&b| b > MAX_FEATURE_BIT) {
            return Err(BuildError::FeatureBitTooLarge { bit });
        }
        bits.sort_unstable();
        bits.dedup();
        let named =
            |bits: &[usize], b: usize| bits.binary_search(&(b & !1)).is_ok() || bits.binary_search(&(b | 1)).is_ok();
        if !self.exact_features {
            let both = |w: &[usize]| match *w {
                [even, odd] if even % 2 == 0 && odd == even + 1 => Some(even),
                _ => None,
            };
            if let Some(bit) = bits.windows(2).find_map(both) {
                return Err(BuildError::BothFeatureBits { bit });
            }
            // Defaults, then what the fields imply, each unless the caller chose that feature.
            let mut implied: Vec<usize> = DEFAULT_FEATURES.to_vec();
            if self.has(tag::METADATA) {
                implied.push(PAYMENT_METADATA_OPTIONAL);
            }
            if self.has_blinded() {
                implied.push(BLINDED_PATH_REQUIRED);
            }
            for b in implied {
                if !named(&bits, b) {
                    bits.push(b);
                    bits.sort_unstable();
                }
            }
            // G-1: every (transitive) dependency of a feature set; `requires` is an even bit.
            while let Some(dep) =
                KNOWN_FEATURES.iter().find_map(|f| f.requires.filter(|&r| named(&bits, f.bit) && !named(&bits, r)))
            {
                bits.push(dep);
                bits.sort_unstable();
            }
        }
        // R-5: a required bit no reader knows makes the invoice unpayable; an odd one is harmless.
        if let Some(&bit) = bits.iter().find(|&&b| b % 2 == 0 && known_feature(b).is_none()) {
            return Err(BuildError::UnknownRequiredFeature { bit });
        }
        // G-2 (exact bits only: otherwise the dependencies were just set).
        if let Some(f) =
            KNOWN_FEATURES.iter().find(|f| f.requires.map_or(false, |r| named(&bits, f.bit) && !named(&bits, r)))
        {
            return Err(BuildError::MissingFeatureDependency { bit: f.bit, requires: f.requires.unwrap_or(0) });
        }
        Ok(bits)
    }

    /// The prefix and data words to be signed, after every check.
    fn unsigned(&self) -> Result<(String, WordWriter), BuildError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if !self.has(tag::PAYMENT_HASH) {
            return Err(BuildError::MissingPaymentHash);
        }
        let blinded = self.has_blinded();
        if !self.has(tag::PAYMENT_SECRET) && !blinded && !self.legacy {
            return Err(BuildError::MissingPaymentSecret);
        }
        if blinded && self.fields.iter().any(|f| matches!(f, Field::Route(_))) {
            return Err(BuildError::BlindedPathWithRouteHint);
        }
        if !self.has(tag::DESCRIPTION) && !self.has(tag::DESCRIPTION_HASH) {
            return Err(BuildError::MissingDescription);
        }
        let features = self.feature_bits()?;
        // bLIP-39: an invoice that pays only through blinded paths sets 262 or 263 (J-9).
        let blinded_bit = features.iter().any(|&b| b & !1 == BLINDED_PATH_REQUIRED);
        if blinded && !self.has(tag::PAYMENT_SECRET) && !blinded_bit {
            return Err(BuildError::BlindedWithoutFeature);
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
            f.write(&mut w, &features);
        }
        if !self.has(tag::FEATURES) {
            Field::Features.write(&mut w, &features);
        }
        let len = hrp.len() + 1 + w.words.len() + SIGNATURE_WORDS + crate::checksum::CHECKSUM_LEN;
        if len > MAX_INVOICE_LENGTH {
            return Err(BuildError::TooLong { len, max: MAX_INVOICE_LENGTH });
        }
        Ok((hrp, w))
    }

    /// The prefix and the data words (timestamp and fields, 5 bits each, before the signature)
    /// that will be signed, for callers that show or store an unsigned invoice.
    ///
    /// # Errors
    /// As [`signature_hash`](Self::signature_hash).
    pub fn unsigned_words(&self) -> Result<(String, Vec<u8>), BuildError> {
        let (hrp, w) = self.unsigned()?;
        Ok((hrp, w.words))
    }

    /// The hash that will be signed (C-2), for signers that want to see it first.
    ///
    /// # Errors
    /// The [`BuildError`] the invoice would be refused with: a missing or repeated field, a
    /// value out of range, features no reader accepts, a length over the limit.
    pub fn signature_hash(&self) -> Result<[u8; 32], BuildError> {
        let (hrp, w) = self.unsigned()?;
        Ok(signing_hash(hrp.as_bytes(), w.words.iter().copied()))
    }

    /// Signs with a secret key, using the global context (with `std`).
    ///
    /// Only the signing is done: the payee's public key is recovered from the signature the
    /// first time [`Invoice::payee`] asks for it (with an `n` field it is derived, to check the
    /// field). A signer that already holds its key pair can hand it to
    /// [`sign_with_keypair`](Self::sign_with_keypair) instead.
    ///
    /// # Errors
    /// A [`BuildError`]: see [`signature_hash`](Self::signature_hash), and
    /// [`BuildError::BadSignature`] when an `n` field names another key.
    #[cfg(feature = "std")]
    pub fn sign(self, key: &secp256k1::SecretKey) -> Result<Invoice, BuildError> {
        let secp = crate::signature::global();
        let sign = |hash: &[u8; 32]| Ok(secp.sign_ecdsa_recoverable(&Message::from_digest(*hash), key));
        if self.has(tag::PAYEE) {
            return self.finish(Some(key.public_key(secp)), sign);
        }
        self.finish(None, sign)
    }

    /// Signs with a key pair, whose public key is then the payee (no recovery needed).
    ///
    /// # Errors
    /// As [`sign`](Self::sign).
    pub fn sign_with_keypair<C: Signing>(self, secp: &Secp256k1<C>, keys: &Keypair) -> Result<Invoice, BuildError> {
        let secret = keys.secret_key();
        self.finish(Some(keys.public_key()), |hash| {
            Ok(secp.sign_ecdsa_recoverable(&Message::from_digest(*hash), &secret))
        })
    }

    /// Signs with any signer (an HSM, a remote signer): `sign` gets the 32-byte hash and
    /// returns a recoverable signature, or its own error.
    ///
    /// What the signer returns is checked before use: a high-S signature is normalised to low
    /// S (its recovery id flipped; with an `n` field readers refuse high S, R-9), and the key
    /// it recovers must be `payee`.
    ///
    /// # Errors
    /// [`SignOrBuildError::Sign`] with the signer's error; [`SignOrBuildError::Build`] with a
    /// [`BuildError`] as for [`sign`](Self::sign), or [`BuildError::BadSignature`] when the
    /// signature does not recover `payee`.
    pub fn sign_with<C, F, E>(
        self,
        secp: &Secp256k1<C>,
        payee: PublicKey,
        sign: F,
    ) -> Result<Invoice, SignOrBuildError<E>>
    where
        C: Verification,
        F: FnOnce(&[u8; 32]) -> Result<RecoverableSignature, E>,
    {
        let mut signer_error = None;
        let made = self.finish(Some(payee), |hash| {
            let sig = match sign(hash) {
                Ok(sig) => low_s(sig)?,
                Err(e) => {
                    signer_error = Some(e);
                    return Err(BuildError::BadSignature);
                }
            };
            let recovered =
                secp.recover_ecdsa(&Message::from_digest(*hash), &sig).map_err(|_| BuildError::BadSignature)?;
            if recovered != payee {
                return Err(BuildError::BadSignature);
            }
            Ok(sig)
        });
        match (made, signer_error) {
            (_, Some(e)) => Err(SignOrBuildError::Sign(e)),
            (made, None) => made.map_err(SignOrBuildError::Build),
        }
    }

    /// Attaches a signature made elsewhere, exactly as given (r, s, then the recovery id):
    /// for writing an invoice again with its own signature, byte for byte. The invoice is then
    /// decoded as a reader would, signature checked: it must recover a key, and with an `n`
    /// field verify for it in low-S form (R-9). Unlike [`sign_with`](Self::sign_with), a
    /// high-S signature is kept as it is (readers recover from it, R-10).
    ///
    /// # Errors
    /// A [`BuildError`] as for [`sign`](Self::sign); [`BuildError::BadSignature`] for a
    /// signature readers refuse.
    #[cfg(feature = "std")]
    pub fn with_signature(self, signature: &[u8; 65]) -> Result<Invoice, BuildError> {
        let policy = self.policy();
        let (hrp, mut w) = self.unsigned()?;
        WordWriter::push_bytes(&mut w.words, signature);
        let text = to_bech32(&hrp, &w.words);
        Invoice::decode_with(&text, &DecodeOptions::new().policy(policy)).map_err(|e| match e {
            crate::DecodeError::Signature(_) => BuildError::BadSignature,
            other => BuildError::Internal(other),
        })
    }

    /// Makes the invoice: writes it, signs it, and checks what it returns with the strict
    /// decoder (every rule a reader applies except the signature equation, which libsecp256k1's
    /// own signing satisfies by construction and `sign_with` checks by recovery). `payee` is
    /// the signer's key, when known.
    fn finish(
        self,
        payee: Option<PublicKey>,
        sign: impl FnOnce(&[u8; 32]) -> Result<RecoverableSignature, BuildError>,
    ) -> Result<Invoice, BuildError> {
        let named = self.fields.iter().find_map(|f| match f {
            Field::Payee(k) => Some(*k),
            _ => None,
        });
        if named.is_some() && named != payee {
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
        // Strict, or (with blinded paths, which need no `s`) the blinded profile, or legacy.
        let policy = self.policy();
        let view = InvoiceRef::parse_with(&text, &DecodeOptions::new().policy(policy)).map_err(BuildError::Internal)?;
        // The signature as readers see it: a valid recovery id, and low S (R-9).
        crate::signature::check_form(&view.signature(), view.recovery_id())
            .map_err(|e| BuildError::Internal(e.into()))?;
        Ok(match payee {
            Some(key) => Invoice::from_verified(view, key),
            #[cfg(feature = "std")]
            None => Invoice::from_own_signature(view),
            #[cfg(not(feature = "std"))]
            None => return Err(BuildError::BadSignature),
        })
    }
}

/// The same signature with S in the lower half of the order: `(r, n - s)` recovers the same
/// key with the other parity of R, so the recovery id's low bit flips.
fn low_s(sig: RecoverableSignature) -> Result<RecoverableSignature, BuildError> {
    let (id, rs) = sig.serialize_compact();
    let mut standard = sig.to_standard();
    standard.normalize_s();
    let low = standard.serialize_compact();
    if low == rs {
        return Ok(sig);
    }
    let flipped = RecoveryId::from_i32(id.to_i32() ^ 1).map_err(|_| BuildError::BadSignature)?;
    RecoverableSignature::from_compact(&low, flipped).map_err(|_| BuildError::BadSignature)
}

#[cfg(feature = "std")]
fn now() -> Option<u64> {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok().map(|d| d.as_secs())
}

#[cfg(not(feature = "std"))]
fn now() -> Option<u64> {
    None
}
