//! Whatever a user pastes or scans: one entry point that says what the text is, and extracts
//! the BOLT-11 invoice from it. No network access: it classifies and extracts.
//!
//! ```
//! use lightning_bolt11::input::{AmountCheck, InputError, PaymentInput};
//!
//! let coffee = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
//! // A QR code of a BIP-21 URI, in upper case, with an on-chain fallback.
//! let scanned = format!("BITCOIN:BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4?AMOUNT=0.0025&LIGHTNING={}", coffee.to_uppercase());
//! let input = PaymentInput::parse(&scanned)?;
//! assert_eq!(input.invoice().amount_msat(), Some(250_000_000));
//! if let PaymentInput::Bip21(uri) = &input {
//!     assert_eq!(uri.address.as_deref(), Some("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"));
//!     assert_eq!(uri.amount_check(), AmountCheck::Agrees);
//! }
//! assert!(matches!(input, PaymentInput::Bip21(_)));
//! // Not an invoice: said plainly, not "bad checksum".
//! assert!(matches!(PaymentInput::parse("satoshi@example.com"), Err(InputError::LightningAddress { .. })));
//! # Ok::<(), InputError>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use crate::checksum::MAX_INVOICE_LENGTH;
use crate::error::{Bech32Error, DecodeError};
use crate::invoice::Invoice;
use crate::network::Network;
use crate::policy::DecodeOptions;
use crate::request::{btc_to_msat, AmountInput};

/// What a pasted or scanned text turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaymentInput {
    /// A BOLT-11 invoice, bare or behind `lightning:` (any case) or `lightning://`.
    Invoice(Invoice),
    /// A BIP-21 / BIP-321 `bitcoin:` URI carrying a BOLT-11 invoice in its `lightning`
    /// parameter, with its on-chain part.
    Bip21(Bip21Invoice),
}

impl PaymentInput {
    /// Reads `text` with the strict policy, any network.
    ///
    /// # Errors
    /// What else the text is (a BOLT-12 offer, an LNURL, a Lightning address, an on-chain
    /// address), a malformed URI, or an invoice that does not decode: see [`InputError`].
    pub fn parse(text: &str) -> Result<Self, InputError> {
        Self::parse_with(text, &DecodeOptions::new())
    }

    /// Reads `text`, decoding the invoice with `opts` (policy, network).
    ///
    /// # Errors
    /// As [`parse`](Self::parse).
    pub fn parse_with(text: &str, opts: &DecodeOptions<'_>) -> Result<Self, InputError> {
        let found = InvoiceText::find(text)?;
        let invoice = Invoice::decode_with(found.as_str(), opts).map_err(InputError::Invoice)?;
        found.check_network(invoice.network())?;
        Ok(match found.uri {
            None => PaymentInput::Invoice(invoice),
            Some(uri) => PaymentInput::Bip21(Bip21Invoice {
                invoice,
                address: Some(uri.address).filter(|a| !a.is_empty()),
                amount_msat: uri.amount_msat,
                label: uri.label,
                message: uri.message,
            }),
        })
    }

    /// The invoice, whichever form carried it.
    pub fn invoice(&self) -> &Invoice {
        match self {
            PaymentInput::Invoice(i) => i,
            PaymentInput::Bip21(uri) => &uri.invoice,
        }
    }
}

/// The invoice text a pasted or scanned text carries, found without decoding it: for callers
/// that decode their own way (the borrowed view, without the signature; another profile), as
/// the `bolt11` tool does. [`PaymentInput::parse_with`] is this, a decode, and
/// [`check_network`](Self::check_network).
///
/// ```
/// use lightning_bolt11::input::{InputError, InvoiceText};
/// use lightning_bolt11::InvoiceRef;
///
/// let found = InvoiceText::find("lightning:lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh")?;
/// let view = InvoiceRef::parse(found.as_str())?; // no signature work
/// found.check_network(view.network())?;
/// assert_eq!(view.amount_msat(), Some(250_000_000));
/// assert_eq!(InvoiceText::find("lno1qgsq").unwrap_err(), InputError::Bolt12Offer);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceText<'a> {
    text: alloc::borrow::Cow<'a, str>,
    uri: Option<UriParts>,
}

impl<'a> InvoiceText<'a> {
    /// Finds the invoice in `text`: bare, behind `lightning:` or `lightning://`, or in a
    /// `bitcoin:` URI's `lightning` parameter (whose other parameters are checked here).
    ///
    /// # Errors
    /// What else the text is, or how its URI is malformed: see [`InputError`]; never
    /// [`InputError::Invoice`] or [`InputError::NetworkMismatch`], which need the decode.
    pub fn find(text: &'a str) -> Result<Self, InputError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(InputError::Empty);
        }
        if let Some(rest) = strip_scheme(trimmed, "bitcoin:") {
            let uri = parse_uri(rest)?;
            let invoice = match &uri.lightning {
                Some(invoice) => invoice.clone(),
                None if uri.offer => return Err(InputError::UriOfferOnly),
                None => return Err(InputError::OnChainAddress),
            };
            return Ok(InvoiceText { text: invoice.into(), uri: Some(uri) });
        }
        // `lightning:` is stripped by the decoder itself, which then counts positions from the
        // start of what was given; `lightning://` it does not know.
        let (bare, given) = match strip_scheme(trimmed, "lightning://") {
            Some(rest) => (rest, rest),
            None => (strip_scheme(trimmed, "lightning:").unwrap_or(trimmed), text),
        };
        if let Some(other) = not_an_invoice(bare) {
            return Err(other);
        }
        Ok(InvoiceText { text: given.into(), uri: None })
    }

    /// The text to decode as an invoice.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether it came from a `bitcoin:` URI.
    pub fn is_uri(&self) -> bool {
        self.uri.is_some()
    }

    /// Checks the decoded invoice's network against the URI's on-chain address, if any.
    ///
    /// # Errors
    /// [`InputError::NetworkMismatch`] when the address is for another network.
    pub fn check_network(&self, network: Network) -> Result<(), InputError> {
        match self.uri.as_ref().and_then(|u| u.networks) {
            Some(n) if !n.contains(&network) => Err(InputError::NetworkMismatch { invoice: network }),
            _ => Ok(()),
        }
    }
}

/// A `bitcoin:` URI's parts, before its invoice is decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
struct UriParts {
    address: String,
    networks: Option<&'static [Network]>,
    lightning: Option<String>,
    amount_msat: Option<u64>,
    label: Option<String>,
    message: Option<String>,
    offer: bool,
}

/// A `bitcoin:` URI's invoice and on-chain part.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Bip21Invoice {
    /// The invoice in the `lightning` parameter.
    pub invoice: Invoice,
    /// The on-chain address, as written (`None` when empty, as BIP-321 allows).
    pub address: Option<String>,
    /// The `amount` parameter, in millisatoshis.
    pub amount_msat: Option<u64>,
    /// The `label` parameter, percent-decoded. Untrusted text: see
    /// [`PrintableString`](crate::PrintableString).
    pub label: Option<String>,
    /// The `message` parameter, percent-decoded. Untrusted text.
    pub message: Option<String>,
}

/// Whether a URI's `amount` agrees with its invoice's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountCheck {
    /// Both state the same amount.
    Agrees,
    /// The URI states no amount: the invoice's stands.
    NoUriAmount,
    /// The invoice is for any amount and the URI states one: the payer pays the URI's.
    InvoiceAnyAmount,
    /// They differ: a wallet should ask, or refuse, rather than pick one.
    Disagrees {
        /// The URI's amount, msat.
        uri_msat: u64,
        /// The invoice's amount, msat.
        invoice_msat: u64,
    },
}

impl AmountCheck {
    /// A stable `snake_case` name: `agrees`, `no_uri_amount`, `invoice_any_amount` or
    /// `disagrees`.
    pub fn kind(&self) -> &'static str {
        match self {
            AmountCheck::Agrees => "agrees",
            AmountCheck::NoUriAmount => "no_uri_amount",
            AmountCheck::InvoiceAnyAmount => "invoice_any_amount",
            AmountCheck::Disagrees { .. } => "disagrees",
        }
    }
}

impl Bip21Invoice {
    /// Whether the URI's `amount` agrees with the invoice's amount.
    pub fn amount_check(&self) -> AmountCheck {
        match (self.amount_msat, self.invoice.amount_msat()) {
            (None, _) => AmountCheck::NoUriAmount,
            (Some(_), None) => AmountCheck::InvoiceAnyAmount,
            (Some(u), Some(i)) if u == i => AmountCheck::Agrees,
            (Some(uri_msat), Some(invoice_msat)) => AmountCheck::Disagrees { uri_msat, invoice_msat },
        }
    }
}

/// What the text is instead of an invoice, or why it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// Nothing but whitespace.
    #[error("nothing was given")]
    Empty,
    /// A BOLT-12 offer (`lno1…`): another protocol, which this crate does not pay.
    #[error("this is a BOLT-12 offer, not a BOLT-11 invoice")]
    Bolt12Offer,
    /// A BOLT-12 invoice (`lni1…`) or invoice request (`lnr1…`).
    #[error("this is a BOLT-12 invoice or invoice request, not a BOLT-11 invoice")]
    Bolt12Invoice,
    /// An LNURL (`lnurl1…`, `lnurlp://`, `lnurlw://`, `keyauth://`): fetching it gives an
    /// invoice, which takes network access.
    #[error("this is an LNURL: it must be fetched to get an invoice")]
    Lnurl,
    /// A Lightning address (`name@domain`): resolving it gives an invoice, which takes network
    /// access.
    #[error("this is a Lightning address ({address}): it must be resolved to get an invoice")]
    LightningAddress {
        /// The address.
        address: String,
    },
    /// An on-chain Bitcoin address, bare or in a `bitcoin:` URI without a `lightning`
    /// parameter.
    #[error("this is an on-chain bitcoin address, not a Lightning invoice")]
    OnChainAddress,
    /// A `bitcoin:` URI that offers only a BOLT-12 offer (`lno`) and no invoice.
    #[error("this payment link offers a BOLT-12 offer and no BOLT-11 invoice")]
    UriOfferOnly,
    /// A malformed `bitcoin:` URI.
    #[error("the bitcoin: link is malformed: {0}")]
    Uri(UriError),
    /// A `bitcoin:` URI whose address is for another network than its invoice.
    #[error("the link's address is not for {invoice}, the network of its invoice")]
    NetworkMismatch {
        /// The invoice's network.
        invoice: Network,
    },
    /// It looks like a BOLT-11 invoice, and does not decode.
    #[error(transparent)]
    Invoice(DecodeError),
    /// None of the forms above.
    #[error("this is not a Lightning invoice or payment link this wallet can read")]
    Unrecognised,
}

impl InputError {
    /// A stable, machine-readable name, in `snake_case`; for [`InputError::Invoice`] the
    /// decode error's own ([`DecodeError::kind`]).
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Empty => "empty",
            InputError::Bolt12Offer => "bolt12_offer",
            InputError::Bolt12Invoice => "bolt12_invoice",
            InputError::Lnurl => "lnurl",
            InputError::LightningAddress { .. } => "lightning_address",
            InputError::OnChainAddress => "on_chain_address",
            InputError::UriOfferOnly => "uri_offer_only",
            InputError::Uri(e) => match e {
                UriError::Address => "uri_address",
                UriError::Amount => "uri_amount",
                UriError::ZeroAmount => "uri_zero_amount",
                UriError::Repeated(_) => "uri_repeated_parameter",
                UriError::UnknownRequired(_) => "uri_unknown_required_parameter",
                UriError::Escape => "uri_escape",
            },
            InputError::NetworkMismatch { .. } => "network_mismatch",
            InputError::Invoice(e) => e.kind(),
            InputError::Unrecognised => "unrecognised",
        }
    }
}

/// How a `bitcoin:` URI is malformed (BIP-21, BIP-321).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UriError {
    /// The address is neither empty nor a Bitcoin address.
    #[error("its address is not a bitcoin address")]
    Address,
    /// `amount` is not a plain BTC decimal with at most 8 decimals.
    #[error("its amount is not a plain BTC decimal with at most 8 decimals")]
    Amount,
    /// `amount` is zero: not an amount anyone can pay (an open amount leaves `amount` out).
    #[error("its amount is zero")]
    ZeroAmount,
    /// A parameter that may appear once appears twice, with different values.
    #[error("parameter {0} appears twice")]
    Repeated(String),
    /// A `req-` parameter this reader does not know: the URI must not be acted on (BIP-21).
    #[error("it requires parameter {0}, which this wallet does not know")]
    UnknownRequired(String),
    /// A `%` not followed by two hex digits, or escapes that are not UTF-8.
    #[error("it has a malformed percent escape")]
    Escape,
}

/// `text` without `scheme` (any case) in front.
fn strip_scheme<'a>(text: &'a str, scheme: &str) -> Option<&'a str> {
    text.get(..scheme.len()).filter(|p| p.eq_ignore_ascii_case(scheme)).and_then(|_| text.get(scheme.len()..))
}

/// What `text`, which is not a `bitcoin:` URI, is when it is not an invoice.
fn not_an_invoice(text: &str) -> Option<InputError> {
    let lower = |p: &str| text.get(..p.len()).map_or(false, |t| t.eq_ignore_ascii_case(p));
    if lower("lno1") {
        return Some(InputError::Bolt12Offer);
    }
    if lower("lni1") || lower("lnr1") {
        return Some(InputError::Bolt12Invoice);
    }
    if lower("lnurl") || lower("keyauth://") {
        return Some(InputError::Lnurl);
    }
    // Longer than any invoice: said as the decoder says it, before the other forms look at it.
    if text.len() > MAX_INVOICE_LENGTH {
        return Some(InputError::Invoice(Bech32Error::TooLong { len: text.len(), max: MAX_INVOICE_LENGTH }.into()));
    }
    if let Some((user, domain)) = text.split_once('@') {
        let user_ok = !user.is_empty() && user.bytes().all(|c| c.is_ascii_alphanumeric() || b"-_.+".contains(&c));
        let domain_ok = domain.contains('.') && domain.bytes().all(|c| c.is_ascii_alphanumeric() || b"-.".contains(&c));
        return Some(if user_ok && domain_ok {
            InputError::LightningAddress { address: text.into() }
        } else {
            InputError::Unrecognised
        });
    }
    if address_networks(text).is_some() {
        return Some(InputError::OnChainAddress);
    }
    if !lower("ln") {
        return Some(InputError::Unrecognised);
    }
    None
}

/// The longest on-chain address: BIP-173 limits segwit addresses to 90 characters, and a
/// base58check address of 25 bytes has at most 35.
const MAX_ADDRESS_LEN: usize = 90;

/// The networks an on-chain address can be for, if `text` is one: segwit (bech32 or
/// bech32m, by its prefix) or base58check (P2PKH, P2SH, by its version byte).
///
/// Longer text is no address, and is not decoded: base58 decoding takes time quadratic in the
/// length, so 100,000 characters in its alphabet would take seconds (issue 19, item 1).
fn address_networks(text: &str) -> Option<&'static [Network]> {
    if text.len() > MAX_ADDRESS_LEN {
        return None;
    }
    if let Ok((hrp, _, _)) = bech32::segwit::decode(text) {
        return match hrp.as_str().to_ascii_lowercase().as_str() {
            "bc" => Some(&[Network::Bitcoin]),
            "tb" => Some(&[Network::Testnet, Network::Signet]),
            "bcrt" => Some(&[Network::Regtest]),
            "sb" => Some(&[Network::Simnet]),
            _ => None,
        };
    }
    let payload = base58ck::decode_check(text).ok()?;
    match (payload.len(), payload.first()) {
        (21, Some(0x00 | 0x05)) => Some(&[Network::Bitcoin]),
        (21, Some(0x6f | 0xc4)) => Some(&[Network::Testnet, Network::Signet, Network::Regtest]),
        (21, Some(0x3f | 0x7b)) => Some(&[Network::Simnet]),
        _ => None,
    }
}

/// Reads a `bitcoin:` URI (after the scheme), `ADDRESS?key=value&…`, all but its invoice.
fn parse_uri(rest: &str) -> Result<UriParts, InputError> {
    let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
    let address = percent_decode(address).map_err(InputError::Uri)?;
    let networks = match address.as_str() {
        "" => None,
        a => Some(address_networks(a).ok_or(InputError::Uri(UriError::Address))?),
    };
    let mut lightning: Option<String> = None;
    let (mut amount, mut label, mut message, mut offer) = (None, None, None, false);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        // BIP-321: keys in any case (QR codes are upper case). Keys are decoded as values are,
        // before any rule reads them: `%6Cightning` is `lightning` to every other reader, and
        // `r%65q-pop` a `req-` parameter (issue 19, item 3).
        let key = percent_decode(key).map_err(InputError::Uri)?.to_ascii_lowercase();
        let value = percent_decode(value).map_err(InputError::Uri)?;
        let slot = match key.as_str() {
            "lightning" => &mut lightning,
            "amount" => &mut amount,
            "label" => &mut label,
            "message" => &mut message,
            "lno" => {
                offer = true;
                continue;
            }
            k if k.starts_with("req-") => return Err(InputError::Uri(UriError::UnknownRequired(key))),
            _ => continue,
        };
        match slot {
            // The same invoice twice (upper and lower case) is one invoice.
            Some(first) if !first.eq_ignore_ascii_case(&value) => return Err(InputError::Uri(UriError::Repeated(key))),
            Some(_) => {}
            None => *slot = Some(value),
        }
    }
    let amount_msat = amount
        .map(|a| btc_to_msat(AmountInput::Text(&a), "amount").map_err(|_| InputError::Uri(UriError::Amount)))
        .transpose()?;
    if amount_msat == Some(0) {
        return Err(InputError::Uri(UriError::ZeroAmount));
    }
    Ok(UriParts { address, networks, lightning, amount_msat, label, message, offer })
}

/// `%XX` escapes decoded (BIP-21 values are URI-escaped UTF-8).
fn percent_decode(text: &str) -> Result<String, UriError> {
    if !text.contains('%') {
        return Ok(text.into());
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b != b'%' {
            bytes.push(b);
            rest = tail;
            continue;
        }
        let hex = tail.get(..2).filter(|h| h.iter().all(u8::is_ascii_hexdigit)).ok_or(UriError::Escape)?;
        let digits = core::str::from_utf8(hex).map_err(|_| UriError::Escape)?;
        bytes.push(u8::from_str_radix(digits, 16).map_err(|_| UriError::Escape)?);
        rest = tail.get(2..).unwrap_or(&[]);
    }
    String::from_utf8(bytes).map_err(|_| UriError::Escape)
}
