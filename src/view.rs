//! The borrowed view: a parsed, validated invoice that reads its values from the string it
//! was given. It needs neither `std` nor `alloc`, and does not check the signature until
//! asked to.

use core::fmt;
use core::time::Duration;

use bitcoin_hashes::{sha256, Hash};

use crate::blinded::{self, BlindedPath};
use crate::bytes32::Bytes32;
use crate::error::{DecodeError, SignatureError};
use crate::fallback::Fallback;
use crate::features::Features;
use crate::field::{tag, FieldIter, RawField};
use crate::network::Network;
use crate::parse::{self, span_words, Parsed, SIGNATURE_WORDS, TIMESTAMP_WORDS};
use crate::policy::{DecodeOptions, Policy};
use crate::route::RouteHint;
use crate::signature;
use crate::words::{Bytes, Words};

/// Expiry when the invoice has no `x` field: one hour.
pub const DEFAULT_EXPIRY_SECS: u64 = 3600;

/// `min_final_cltv_expiry_delta` when the invoice has no `c` field (R-13).
pub const DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA: u64 = 18;

/// An invoice parsed in place: every field validated, the signature not yet checked.
///
/// ```
/// use lightning_bolt11::{InvoiceRef, Network};
/// let s = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
/// let view = InvoiceRef::parse(s)?;
/// assert_eq!(view.network(), Network::Bitcoin);
/// assert_eq!(view.amount_msat(), Some(250_000_000));
/// assert_eq!(view.expiry(), 60);
/// assert!(view.description().map_or(false, |d| d == "1 cup coffee"));
/// # Ok::<(), lightning_bolt11::DecodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvoiceRef<'a> {
    text: &'a str,
    parsed: Parsed,
}

impl<'a> InvoiceRef<'a> {
    /// Parses with the strict policy. Surrounding whitespace and `lightning:` are ignored.
    ///
    /// # Errors
    /// A [`DecodeError`] that says what is wrong and where; never a signature error, which
    /// [`verify`](Self::verify) reports.
    pub fn parse(s: &'a str) -> Result<Self, DecodeError> {
        Self::parse_with(s, &DecodeOptions::new())
    }

    /// Parses with the given options.
    ///
    /// # Errors
    /// As [`parse`](Self::parse), and an invoice of another network than `opts` asks for.
    pub fn parse_with(s: &'a str, opts: &DecodeOptions<'_>) -> Result<Self, DecodeError> {
        let (text, parsed) = parse::parse(s, opts)?;
        Ok(InvoiceRef { text, parsed })
    }

    #[cfg(feature = "alloc")]
    pub(crate) fn from_parts(text: &'a str, parsed: Parsed) -> Self {
        InvoiceRef { text, parsed }
    }

    #[cfg(feature = "alloc")]
    pub(crate) fn parsed(&self) -> &Parsed {
        &self.parsed
    }

    /// The invoice as received (without whitespace or `lightning:`), in its original case.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Whether the invoice was written in upper case.
    pub fn is_upper_case(&self) -> bool {
        self.parsed.upper
    }

    /// The policy it was parsed under.
    pub fn policy(&self) -> Policy {
        self.parsed.policy
    }

    /// The human-readable part (`lnbc2500u`), in its original case.
    pub fn hrp(&self) -> &'a str {
        self.text.get(..usize::from(self.parsed.hrp_len)).unwrap_or("")
    }

    /// The data part: timestamp, fields and signature, without the checksum.
    pub fn data(&self) -> Words<'a> {
        let start = usize::from(self.parsed.hrp_len) + 1;
        let end = self.text.len().saturating_sub(crate::checksum::CHECKSUM_LEN);
        Words::new(self.text.as_bytes().get(start..end).unwrap_or(&[]))
    }

    fn span(&self, span: Option<parse::Span>) -> Words<'a> {
        span_words(self.data(), span)
    }

    fn array32(&self, span: Option<parse::Span>) -> Option<Bytes32> {
        span.and_then(|_| self.span(span).to_array()).map(Bytes32)
    }

    /// The network, from the prefix.
    pub fn network(&self) -> Network {
        self.parsed.network
    }

    /// The amount in millisatoshis, or `None` for "any amount" (B-7).
    pub fn amount_msat(&self) -> Option<u64> {
        self.parsed.amount_msat
    }

    /// The amount in whole satoshis, rounded up: what a payer that sends whole satoshis must
    /// send to pay at least the amount. `None` for "any amount".
    pub fn amount_sats(&self) -> Option<u64> {
        self.parsed.amount_msat.map(|m| m / 1000 + u64::from(m % 1000 != 0))
    }

    /// Seconds since 1970 when the invoice was created.
    pub fn timestamp(&self) -> u64 {
        self.parsed.timestamp
    }

    /// The payment hash (`p`); it displays as hex.
    pub fn payment_hash(&self) -> Bytes32 {
        self.array32(Some(self.parsed.payment_hash)).unwrap_or_default()
    }

    /// Whether `preimage` is the one this invoice's payment releases: its SHA-256 is the payment
    /// hash (W-3). What a payer checks of the preimage it got back.
    pub fn is_paid_by(&self, preimage: &[u8; 32]) -> bool {
        crate::bytes32::payment_hash_of(preimage) == self.payment_hash()
    }

    /// The payment secret (`s`); always present under the strict policy (R-11, R-12).
    pub fn payment_secret(&self) -> Option<Bytes32> {
        self.array32(self.parsed.payment_secret)
    }

    /// The description (`d`), if the invoice has one rather than a hash.
    pub fn description(&self) -> Option<Description<'a>> {
        self.parsed.description.map(|_| Description { words: self.span(self.parsed.description) })
    }

    /// The description hash (`h`), if the invoice has one rather than a description.
    pub fn description_hash(&self) -> Option<Bytes32> {
        self.array32(self.parsed.description_hash)
    }

    /// Whether `description` is this invoice's description: equal to `d`, or hashing to `h` (R-7).
    pub fn matches_description(&self, description: &str) -> bool {
        match (self.description(), self.description_hash()) {
            (Some(d), _) => d == description,
            (None, Some(h)) => sha256::Hash::hash(description.as_bytes()).to_byte_array() == h.0,
            (None, None) => false,
        }
    }

    /// The payee's key as written in the `n` field, if the invoice names it (33 bytes).
    pub fn payee_field(&self) -> Option<[u8; 33]> {
        self.parsed.payee.and_then(|_| self.span(self.parsed.payee).to_array())
    }

    /// Seconds after the timestamp until the invoice expires (`x`; 3600 when absent).
    pub fn expiry(&self) -> u64 {
        self.parsed.expiry.map_or(DEFAULT_EXPIRY_SECS, |x| x.value)
    }

    /// Whether the invoice has an `x` field.
    pub fn has_explicit_expiry(&self) -> bool {
        self.parsed.expiry.is_some()
    }

    /// When the invoice expires, in seconds since 1970 (saturating).
    pub fn expires_at(&self) -> u64 {
        self.timestamp().saturating_add(self.expiry())
    }

    /// The timestamp as a [`Duration`] since 1970 (lightning-invoice's name).
    pub fn duration_since_epoch(&self) -> Duration {
        Duration::from_secs(self.timestamp())
    }

    /// The expiry as a [`Duration`] after the timestamp (lightning-invoice's name).
    pub fn expiry_time(&self) -> Duration {
        Duration::from_secs(self.expiry())
    }

    /// Whether the invoice has expired at `now`, seconds since 1970 (H-1): once `now` is past
    /// [`expires_at`](Self::expires_at). At `expires_at` itself it may still be paid, as with
    /// lightning-invoice; [`would_expire`](Self::would_expire) applies the same rule to the
    /// nanosecond.
    pub fn is_expired_at(&self, now: u64) -> bool {
        now > self.expires_at()
    }

    /// Whether the invoice has expired at `at`, a time since 1970 (lightning-invoice's name and
    /// rule): `at` is strictly later than the timestamp plus the expiry.
    pub fn would_expire(&self, at: Duration) -> bool {
        at > Duration::from_secs(self.expires_at())
    }

    /// How long after `now` (a time since 1970) the invoice expires; zero once it has
    /// (lightning-invoice's name).
    pub fn expiration_remaining_from_epoch(&self, now: Duration) -> Duration {
        Duration::from_secs(self.expires_at()).saturating_sub(now)
    }

    /// `min_final_cltv_expiry_delta` (`c`; 18 when absent, R-13).
    pub fn min_final_cltv_expiry_delta(&self) -> u64 {
        self.parsed.min_final_cltv.map_or(DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA, |c| c.value)
    }

    /// The feature bits (`9`).
    pub fn features(&self) -> Features<'a> {
        Features::from_words(self.span(self.parsed.features))
    }

    /// The payment metadata (`m`), as bytes (R-14).
    pub fn payment_metadata(&self) -> Option<Bytes<'a>> {
        self.parsed.metadata.map(|_| self.span(self.parsed.metadata).bytes())
    }

    /// Every tagged field, in order, as written.
    pub fn fields(&self) -> impl Iterator<Item = RawField<'a>> + 'a {
        let end = usize::from(self.parsed.fields_end);
        FieldIter::new(self.data(), TIMESTAMP_WORDS, end).filter_map(Result::ok)
    }

    /// Whether this field is one the invoice's values come from (rather than skipped).
    fn is_used(&self, f: &RawField<'_>) -> bool {
        let p = &self.parsed;
        let starts_here = |start: u16| usize::from(start) == f.data_start();
        let at = |span: Option<parse::Span>| span.map_or(false, |s| starts_here(s.start));
        match f.tag {
            tag::PAYMENT_HASH => at(Some(p.payment_hash)),
            tag::PAYMENT_SECRET => at(p.payment_secret),
            tag::DESCRIPTION => at(p.description),
            tag::DESCRIPTION_HASH => at(p.description_hash),
            tag::PAYEE => at(p.payee),
            tag::FEATURES => at(p.features),
            tag::METADATA => at(p.metadata),
            // The first `x` and `c` are used; later ones are only possible when lenient. The
            // parse recorded where the first starts: no search, so this stays linear.
            tag::EXPIRY => p.expiry.map_or(false, |x| starts_here(x.start)),
            tag::MIN_FINAL_CLTV => p.min_final_cltv.map_or(false, |c| starts_here(c.start)),
            tag::FALLBACK => matches!(Fallback::from_words(f.data), Ok(Some(_))),
            tag::ROUTE => RouteHint::check(f.data).is_ok(),
            tag::BLINDED_PATH => blinded::check_words(f.data).is_ok(),
            _ => false,
        }
    }

    /// Fields that were skipped but kept: unknown types, fallbacks of unknown versions, and
    /// (when lenient) fields that could not be used. Re-encoding writes them back unchanged.
    pub fn unknown_fields(&self) -> impl Iterator<Item = RawField<'a>> + 'a {
        let this = *self;
        self.fields().filter(move |f| !this.is_used(f))
    }

    /// How many fields were skipped but kept.
    pub fn unknown_field_count(&self) -> usize {
        usize::from(self.parsed.unknown)
    }

    /// The fallback addresses (`f`) of known versions, in order (H-2: the first is preferred).
    pub fn fallbacks(&self) -> impl Iterator<Item = Fallback> + 'a {
        self.fields().filter(|f| f.tag == tag::FALLBACK).filter_map(|f| Fallback::from_words(f.data).ok().flatten())
    }

    /// The route hints (`r`), in order.
    pub fn route_hints(&self) -> impl Iterator<Item = RouteHint<'a>> + 'a {
        self.fields()
            .filter(|f| f.tag == tag::ROUTE && RouteHint::check(f.data).is_ok())
            .map(|f| RouteHint::from_words(f.data))
    }

    /// The blinded payment paths (`b`, bLIP-39), in order: each a copy of its field's bytes,
    /// checked when the invoice was parsed (J-9).
    pub fn blinded_paths(&self) -> impl Iterator<Item = BlindedPath> + 'a {
        self.fields().filter(|f| f.tag == tag::BLINDED_PATH).filter_map(|f| BlindedPath::from_words(f.data).ok())
    }

    /// How many blinded paths the invoice carries.
    pub fn blinded_path_count(&self) -> usize {
        usize::from(self.parsed.blinded)
    }

    /// The signature's words.
    fn signature_words(&self) -> Words<'a> {
        let data = self.data();
        data.slice(usize::from(self.parsed.fields_end), SIGNATURE_WORDS).unwrap_or(data)
    }

    /// The 64-byte compact signature, r || s.
    pub fn signature(&self) -> [u8; 64] {
        signature::signature_bytes(self.signature_words()).0
    }

    /// The recovery id (0 to 3 in a valid invoice; any byte value here).
    pub fn recovery_id(&self) -> u8 {
        signature::signature_bytes(self.signature_words()).1
    }

    /// The hash the signature signs: SHA-256 over the prefix and the words as received (J-7).
    pub fn signature_hash(&self) -> [u8; 32] {
        let data = self.data();
        let signed = data.slice(0, usize::from(self.parsed.fields_end)).unwrap_or(data);
        signature::signing_hash(self.hrp().as_bytes(), signed.iter())
    }

    /// Checks the signature with the given context and returns the payee's key (C-3).
    ///
    /// # Errors
    /// A [`SignatureError`]: a bad recovery id, a malformed or unrecoverable signature, an `n`
    /// field that is no key or that the signature does not verify, a high-S signature with an
    /// `n` field (R-9).
    pub fn verify_with<C: secp256k1::Verification>(
        &self,
        secp: &secp256k1::Secp256k1<C>,
    ) -> Result<secp256k1::PublicKey, SignatureError> {
        let (rs, id) = signature::signature_bytes(self.signature_words());
        signature::check(secp, &self.signature_hash(), &rs, id, self.payee_field())
    }

    /// Checks the signature with the global context and returns the payee's key (C-3).
    ///
    /// # Errors
    /// As [`verify_with`](Self::verify_with).
    #[cfg(feature = "std")]
    pub fn verify(&self) -> Result<secp256k1::PublicKey, SignatureError> {
        self.verify_with(signature::global())
    }

    /// Writes the invoice in lower case (or upper case, for QR codes: A-2).
    ///
    /// # Errors
    /// Only what `out` reports: the invoice itself always writes.
    pub fn write_to(&self, out: &mut impl fmt::Write, upper: bool) -> fmt::Result {
        // In the case it already has, the text goes out in one piece (one reservation).
        if upper == self.parsed.upper {
            return out.write_str(self.text);
        }
        let mut chunk = [0u8; 128];
        for part in self.text.as_bytes().chunks(chunk.len()) {
            let n = part.len();
            for (o, &c) in chunk.iter_mut().zip(part) {
                *o = if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
            }
            out.write_str(core::str::from_utf8(chunk.get(..n).unwrap_or(&[])).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl fmt::Display for InvoiceRef<'_> {
    /// The invoice in lower case; `{:#}` gives upper case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f, f.alternate())
    }
}

/// A description (`d`) read in place; compare it with a `&str`, display it, or copy it out.
/// Its `Display` writes the text as it is: show it to a person through
/// [`PrintableString`](crate::PrintableString).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Description<'a> {
    words: Words<'a>,
}

impl<'a> Description<'a> {
    /// The description's UTF-8 bytes.
    pub fn bytes(&self) -> Bytes<'a> {
        self.words.bytes()
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.words.byte_len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Copies it into `buf` (639 bytes always suffice) and returns it as a `&str`.
    pub fn copy_to<'b>(&self, buf: &'b mut [u8]) -> Option<&'b str> {
        let n = self.words.copy_bytes_to(buf)?;
        core::str::from_utf8(buf.get(..n)?).ok()
    }
}

impl PartialEq<str> for Description<'_> {
    fn eq(&self, other: &str) -> bool {
        self.len() == other.len() && self.bytes().eq(other.bytes())
    }
}

impl PartialEq<&str> for Description<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl fmt::Display for Description<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; crate::field::MAX_FIELD_BYTES];
        f.write_str(self.copy_to(&mut buf).ok_or(fmt::Error)?)
    }
}
