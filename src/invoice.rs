//! The owned, fully validated invoice: parsed, signature checked, payee known.

use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::time::Duration;

use secp256k1::PublicKey;

use crate::blinded::BlindedPath;
use crate::bytes32::Bytes32;
use crate::error::DecodeError;
use crate::fallback::Fallback;
use crate::features::Features;
use crate::field::RawField;
use crate::network::Network;
use crate::parse::Parsed;
use crate::policy::{DecodeOptions, Policy};
use crate::route::RouteHint;
use crate::view::InvoiceRef;

/// A decoded invoice whose every field and signature has been checked.
///
/// It keeps the invoice's text (in lower case), so it re-encodes to exactly what was received,
/// and reads most values from it on demand. Two invoices are equal, hash and order alike when
/// their text is the same, whatever the policy they were decoded with or the case they were
/// written in: usable as a map key.
///
/// ```
/// use lightning_bolt11::Invoice;
/// let invoice: Invoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh".parse()?;
/// assert_eq!(invoice.amount_msat(), Some(250_000_000));
/// assert_eq!(invoice.description(), Some("1 cup coffee"));
/// assert_eq!(invoice.payee().to_string(), "03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad");
/// assert!(!invoice.is_expired_at(1_496_314_658 + 60));
/// assert!(invoice.is_expired_at(1_496_314_658 + 61));
/// # Ok::<(), lightning_bolt11::DecodeError>(())
/// ```
#[derive(Clone)]
pub struct Invoice {
    text: String,
    parsed: Parsed,
    payee: Payee,
    description: Option<String>,
    metadata: Option<Vec<u8>>,
}

/// The payee's key, as the invoice came to know it. No cell caches a recovered key: an
/// `Invoice` has no interior mutability, so it serves as a map key without a second thought.
#[derive(Clone, Copy)]
enum Payee {
    /// Checked when decoding, or the key that signed.
    Known(PublicKey),
    /// Signed here with a secret key whose public key was not derived: recovered from the
    /// signature when asked for.
    #[cfg(feature = "std")]
    Recover,
}

impl fmt::Debug for Invoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Invoice").field(&self.text).finish()
    }
}

/// The text decides everything else (the signature was checked), so it alone is compared.
impl PartialEq for Invoice {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Invoice {}

impl Hash for Invoice {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// By the lower-case text: a total order with no meaning beyond being one.
impl Ord for Invoice {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl PartialOrd for Invoice {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Invoice {
    /// Decodes with the strict policy and checks the signature.
    ///
    /// # Errors
    /// A [`DecodeError`] that says what is wrong and where: the bech32 layer, the prefix and
    /// amount, a field, or the signature.
    #[cfg(feature = "std")]
    pub fn decode(s: &str) -> Result<Self, DecodeError> {
        Self::decode_with(s, &DecodeOptions::new())
    }

    /// Decodes with the given options and checks the signature.
    ///
    /// # Errors
    /// As [`decode`](Self::decode), and [`HrpError::WrongNetwork`](crate::HrpError::WrongNetwork)
    /// for an invoice of another network than `opts` asks for.
    #[cfg(feature = "std")]
    pub fn decode_with(s: &str, opts: &DecodeOptions<'_>) -> Result<Self, DecodeError> {
        Self::decode_with_context(s, opts, crate::signature::global())
    }

    /// Decodes and checks the signature with a caller's secp256k1 context (for `no_std`).
    ///
    /// # Errors
    /// As [`decode_with`](Self::decode_with).
    pub fn decode_with_context<C: secp256k1::Verification>(
        s: &str,
        opts: &DecodeOptions<'_>,
        secp: &secp256k1::Secp256k1<C>,
    ) -> Result<Self, DecodeError> {
        let view = InvoiceRef::parse_with(s, opts)?;
        let payee = view.verify_with(secp)?;
        Ok(Self::from_verified(view, payee))
    }

    /// Builds the owned invoice from a view whose signature has been checked.
    pub(crate) fn from_verified(view: InvoiceRef<'_>, payee: PublicKey) -> Self {
        Self::from_parts(view, Payee::Known(payee))
    }

    /// Builds the owned invoice from one just signed by libsecp256k1 with a secret key: the
    /// payee is recovered when first asked for.
    #[cfg(feature = "std")]
    pub(crate) fn from_own_signature(view: InvoiceRef<'_>) -> Self {
        Self::from_parts(view, Payee::Recover)
    }

    fn from_parts(view: InvoiceRef<'_>, payee: Payee) -> Self {
        let mut text = String::with_capacity(view.as_str().len());
        text.push_str(view.as_str());
        text.make_ascii_lowercase();
        let description = view.description().map(|d| {
            let bytes: Vec<u8> = d.bytes().collect();
            // The parser checked that `d` is UTF-8.
            String::from_utf8(bytes).unwrap_or_default()
        });
        let metadata = view.payment_metadata().map(Iterator::collect);
        let mut parsed = *view.parsed();
        parsed.upper = false;
        Invoice { text, parsed, payee, description, metadata }
    }

    /// The borrowed view of this invoice, for the accessors that iterate.
    pub fn as_view(&self) -> InvoiceRef<'_> {
        InvoiceRef::from_parts(&self.text, self.parsed)
    }

    /// The invoice in lower case, exactly as received otherwise.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The invoice in upper case, for QR codes (A-2).
    pub fn to_upper_string(&self) -> String {
        self.text.to_ascii_uppercase()
    }

    /// The payee's key: from `n` (verified) or recovered from the signature (lightning-invoice:
    /// `get_payee_pub_key`, `recover_payee_pub_key`).
    ///
    /// An invoice made by [`InvoiceBuilder::sign`](crate::InvoiceBuilder::sign) recovers it
    /// here, on each call, as lightning-invoice does: keep the key if you need it often, or
    /// sign with [`sign_with_keypair`](crate::InvoiceBuilder::sign_with_keypair).
    pub fn payee(&self) -> PublicKey {
        match self.payee {
            Payee::Known(key) => key,
            #[cfg(feature = "std")]
            Payee::Recover => self.recover_own_signature(),
        }
    }

    /// The key libsecp256k1's own recoverable signature recovers. Recovery cannot fail for a
    /// signature it made (r is the x coordinate of a point it computed, with that point's
    /// parity in the recovery id); were it ever to, the invoice's own signature check reports
    /// it, and this panics rather than name a payee it cannot vouch for.
    #[cfg(feature = "std")]
    #[allow(clippy::panic)]
    fn recover_own_signature(&self) -> PublicKey {
        match self.as_view().verify() {
            Ok(key) => key,
            Err(e) => panic!("libsecp256k1 cannot recover a signature it made ({e}): please report this"),
        }
    }

    /// The `n` field's key, if the invoice names its payee (lightning-invoice's name); checked
    /// against the signature when decoding.
    pub fn payee_pub_key(&self) -> Option<PublicKey> {
        self.as_view().payee_field().and_then(|k| PublicKey::from_slice(&k).ok())
    }

    /// Whether the invoice named its payee in an `n` field (rather than the key being recovered).
    pub fn has_payee_field(&self) -> bool {
        self.parsed.payee.is_some()
    }

    /// The network.
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
        self.as_view().amount_sats()
    }

    /// Seconds since 1970 when the invoice was created.
    pub fn timestamp(&self) -> u64 {
        self.parsed.timestamp
    }

    /// The payment hash; it displays as hex (`invoice.payment_hash().to_string()`).
    pub fn payment_hash(&self) -> Bytes32 {
        self.as_view().payment_hash()
    }

    /// Whether `preimage` is the one this invoice's payment releases: its SHA-256 is the payment
    /// hash (W-3).
    pub fn is_paid_by(&self, preimage: &[u8; 32]) -> bool {
        self.as_view().is_paid_by(preimage)
    }

    /// The payment secret (always present under the strict policy).
    pub fn payment_secret(&self) -> Option<Bytes32> {
        self.as_view().payment_secret()
    }

    /// The description, if the invoice has one rather than a hash. It is the writer's text:
    /// show it to a person through [`PrintableString`](crate::PrintableString).
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The description hash, if the invoice has one rather than a description.
    pub fn description_hash(&self) -> Option<Bytes32> {
        self.as_view().description_hash()
    }

    /// Whether `description` is this invoice's description: equal to `d`, or hashing to `h` (R-7).
    pub fn matches_description(&self, description: &str) -> bool {
        self.as_view().matches_description(description)
    }

    /// Seconds after the timestamp until expiry (3600 when there is no `x` field).
    pub fn expiry(&self) -> u64 {
        self.as_view().expiry()
    }

    /// When the invoice expires, in seconds since 1970.
    pub fn expires_at(&self) -> u64 {
        self.as_view().expires_at()
    }

    /// The timestamp as a [`Duration`] since 1970 (lightning-invoice's name).
    pub fn duration_since_epoch(&self) -> Duration {
        self.as_view().duration_since_epoch()
    }

    /// The expiry as a [`Duration`] after the timestamp (lightning-invoice's name).
    pub fn expiry_time(&self) -> Duration {
        self.as_view().expiry_time()
    }

    /// When the invoice expires, as a [`SystemTime`](std::time::SystemTime).
    #[cfg(feature = "std")]
    pub fn expires_at_time(&self) -> std::time::SystemTime {
        std::time::UNIX_EPOCH + Duration::from_secs(self.expires_at())
    }

    /// Whether the invoice has expired at `now`, seconds since 1970 (H-1): once `now` is past
    /// [`expires_at`](Self::expires_at); at `expires_at` itself it may still be paid, as with
    /// lightning-invoice.
    pub fn is_expired_at(&self, now: u64) -> bool {
        self.as_view().is_expired_at(now)
    }

    /// Whether the invoice has expired at `at`, a time since 1970 (lightning-invoice's name and
    /// rule: strictly after the timestamp plus the expiry).
    pub fn would_expire(&self, at: Duration) -> bool {
        self.as_view().would_expire(at)
    }

    /// How long after `now` (a time since 1970) the invoice expires; zero once it has.
    pub fn expiration_remaining_from_epoch(&self, now: Duration) -> Duration {
        self.as_view().expiration_remaining_from_epoch(now)
    }

    /// Whether the invoice has expired by the system clock (lightning-invoice's name): what a
    /// wallet asks before paying (H-1).
    #[cfg(feature = "std")]
    pub fn is_expired(&self) -> bool {
        self.would_expire(since_epoch())
    }

    /// How long until the invoice expires by the system clock; zero once it has
    /// (lightning-invoice's name).
    #[cfg(feature = "std")]
    pub fn duration_until_expiry(&self) -> Duration {
        self.expiration_remaining_from_epoch(since_epoch())
    }

    /// `min_final_cltv_expiry_delta` (18 when there is no `c` field, R-13).
    pub fn min_final_cltv_expiry_delta(&self) -> u64 {
        self.as_view().min_final_cltv_expiry_delta()
    }

    /// The feature bits.
    pub fn features(&self) -> Features<'_> {
        self.as_view().features()
    }

    /// The payment metadata (R-14).
    pub fn payment_metadata(&self) -> Option<&[u8]> {
        self.metadata.as_deref()
    }

    /// The fallback addresses of known versions, in order of preference.
    pub fn fallbacks(&self) -> impl Iterator<Item = Fallback> + '_ {
        self.as_view().fallbacks()
    }

    /// The route hints, in order.
    pub fn route_hints(&self) -> impl Iterator<Item = RouteHint<'_>> + '_ {
        self.as_view().route_hints()
    }

    /// The blinded payment paths (`b`, bLIP-39), in order.
    pub fn blinded_paths(&self) -> impl Iterator<Item = BlindedPath> + '_ {
        self.as_view().blinded_paths()
    }

    /// Fields skipped but kept (unknown types, unknown fallback versions, unusable fields).
    pub fn unknown_fields(&self) -> impl Iterator<Item = RawField<'_>> + '_ {
        self.as_view().unknown_fields()
    }

    /// The 64-byte signature r || s.
    pub fn signature(&self) -> [u8; 64] {
        self.as_view().signature()
    }

    /// The recovery id.
    pub fn recovery_id(&self) -> u8 {
        self.as_view().recovery_id()
    }

    /// The hash that was signed (J-7).
    pub fn signature_hash(&self) -> [u8; 32] {
        self.as_view().signature_hash()
    }

    /// The policy it was decoded under.
    pub fn policy(&self) -> Policy {
        self.parsed.policy
    }
}

impl fmt::Display for Invoice {
    /// The invoice in lower case; `{:#}` gives upper case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_view().write_to(f, f.alternate())
    }
}

/// The system clock as a time since 1970 (zero if it is set before 1970).
#[cfg(feature = "std")]
pub(crate) fn since_epoch() -> Duration {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default()
}

#[cfg(feature = "std")]
impl core::str::FromStr for Invoice {
    type Err = DecodeError;
    /// Same as [`Invoice::decode`].
    fn from_str(s: &str) -> Result<Self, DecodeError> {
        Invoice::decode(s)
    }
}
