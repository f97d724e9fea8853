//! Invoice requests from wallet APIs (WebLN `makeInvoice`, NWC `make_invoice`, LNPay and
//! Bitfinex "Generate Invoice"): one model, whatever the API; the builder that honours a
//! request; and the check a web app runs on what a wallet returned.
//!
//! ```
//! use lightning_bolt11::request::{AmountIntent, Api, CheckOptions, InvoiceRequest};
//! use lightning_bolt11::Network;
//! use lightning_bolt11::secp256k1::SecretKey;
//!
//! // A WebLN request for 1 to 5 sats, and the user's choice of 3.
//! let mut request = InvoiceRequest::new(Api::WebLn);
//! request.amount = AmountIntent::Range { min: Some(1_000), max: Some(5_000), default: None };
//! request.description = Some("tip".into());
//! let invoice = request
//!     .builder(Network::Bitcoin, Some(3_000))?
//!     .timestamp(1_700_000_000)
//!     .payment_hash([1; 32])
//!     .payment_secret([2; 32])
//!     .sign(&SecretKey::from_slice(&[9; 32])?)?;
//! assert_eq!(invoice.amount_msat(), Some(3_000));
//! // The web app checks it: no violations.
//! let report = request.check(&invoice.to_string(), &CheckOptions { network: None, now: Some(1_700_000_000) });
//! assert!(report.is_ok(), "{:?}", report.violations);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod amount;
mod check;
mod error;
#[cfg(feature = "serde")]
mod json;

use alloc::string::String;
use core::fmt;
use core::str::FromStr;

use bitcoin_hashes::{sha256, Hash};

pub use amount::{btc_to_msat, msat, msat_to_btc_string, sats_to_msat, whole_sats, AmountInput, MAX_SAFE_JSON_INTEGER};
pub use check::{CheckOptions, CheckReport, Violation};
pub use error::RequestError;
#[cfg(feature = "serde")]
#[cfg(all(feature = "serde", feature = "std"))]
pub use json::make_response;
#[cfg(feature = "serde")]
pub use json::{
    bitfinex_error, error_response, parse_request, report_json, response, MakeParams, ResponseContext,
    BITFINEX_MAX_MSAT, BITFINEX_MIN_MSAT, MAX_METADATA_LEN,
};

use crate::builder::{InvoiceBuilder, MAX_TIMESTAMP};
use crate::field::MAX_FIELD_BYTES;
use crate::network::Network;

/// The longest expiry a request may ask for: with any timestamp an invoice can carry, its
/// `expires_at` is still an integer JSON carries exactly (2^53 - 1).
pub const MAX_EXPIRY_SECS: u64 = MAX_SAFE_JSON_INTEGER - MAX_TIMESTAMP;

/// The API a request came from; it decides field names, units, defaults and response shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Api {
    /// WebLN `makeInvoice` (amounts in sats).
    WebLn,
    /// Nostr Wallet Connect (NIP-47) `make_invoice` (amounts in msat).
    Nwc,
    /// LNPay "Generate Invoice" (`num_satoshis`).
    LnPay,
    /// Bitfinex "Generate Invoice" (a BTC decimal string).
    Bitfinex,
}

impl Api {
    /// Every API.
    pub const ALL: [Api; 4] = [Api::WebLn, Api::Nwc, Api::LnPay, Api::Bitfinex];

    /// `webln`, `nwc`, `lnpay` or `bitfinex`.
    pub const fn name(self) -> &'static str {
        match self {
            Api::WebLn => "webln",
            Api::Nwc => "nwc",
            Api::LnPay => "lnpay",
            Api::Bitfinex => "bitfinex",
        }
    }

    /// The expiry an invoice gets when the request names none: LNPay documents 86400 s; the
    /// others leave it to the wallet, so the invoice carries no `x` (3600 s for readers).
    pub const fn default_expiry(self) -> Option<u64> {
        match self {
            Api::LnPay => Some(86_400),
            Api::WebLn | Api::Nwc | Api::Bitfinex => None,
        }
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for an unknown API name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown API (expected webln, nwc, lnpay or bitfinex)")]
pub struct UnknownApi;

impl FromStr for Api {
    type Err = UnknownApi;
    fn from_str(s: &str) -> Result<Self, UnknownApi> {
        Api::ALL.into_iter().find(|a| a.name().eq_ignore_ascii_case(s)).ok_or(UnknownApi)
    }
}

/// What amount the invoice must carry. Always explicit: [`Any`](AmountIntent::Any) is never
/// inferred from a zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountIntent {
    /// No amount: the payer chooses.
    Any,
    /// Exactly this many millisatoshis.
    Fixed(u64),
    /// Inclusive bounds and a default, in millisatoshis; the user chooses within them.
    Range {
        /// The least amount, inclusive.
        min: Option<u64>,
        /// The greatest amount, inclusive.
        max: Option<u64>,
        /// The amount when the user chooses none.
        default: Option<u64>,
    },
}

/// A request for an invoice, whatever API it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InvoiceRequest {
    /// The API it came from.
    pub api: Api,
    /// The amount asked for.
    pub amount: AmountIntent,
    /// The description the invoice must carry: written as `d`, or committed to by `h`, and held
    /// to by [`check`](Self::check). NWC `description`, LNPay `memo`, Alby's WebLN `memo`.
    pub description: Option<String>,
    /// A description the invoice may carry but need not: WebLN's `defaultMemo` (the user may
    /// edit it), or LNPay's `memo` beside a `description_hash` ("memo will be ignored", its
    /// docs say). Written when there is no description or hash; never checked.
    pub suggested_description: Option<String>,
    /// A description hash; when a description is given too it must be its SHA-256, and only
    /// the hash is written into the invoice.
    pub description_hash: Option<[u8; 32]>,
    /// Seconds until expiry, with the API's default already applied.
    pub expiry: Option<u64>,
    /// NWC `metadata`, as a JSON object's text.
    pub metadata: Option<String>,
    /// LNPay `passThru`, as a JSON object's text.
    pub pass_thru: Option<String>,
    /// The description hash as the request wrote it (base64 for LNPay), for echoing back.
    pub description_hash_text: Option<String>,
}

impl InvoiceRequest {
    /// An empty request for `api`: any amount, no description, the API's default expiry.
    pub fn new(api: Api) -> Self {
        InvoiceRequest {
            api,
            amount: AmountIntent::Any,
            description: None,
            suggested_description: None,
            description_hash: None,
            expiry: api.default_expiry(),
            metadata: None,
            pass_thru: None,
            description_hash_text: None,
        }
    }

    /// Checks the request itself (section 7, checks 4, 8, 9, 16, 19, 21): what any API's
    /// request must satisfy once converted.
    ///
    /// # Errors
    /// The [`RequestError`] of the first check that fails: a zero amount, bounds the wrong way
    /// round, a default outside them, a description over 639 bytes, a description that does
    /// not hash to the description hash, an expiry of 0 or one that would put `expires_at`
    /// past 2^53 - 1.
    pub fn validate(&self) -> Result<(), RequestError> {
        match self.amount {
            AmountIntent::Any => {}
            AmountIntent::Fixed(0) => return Err(RequestError::ZeroAmount { field: "amount" }),
            AmountIntent::Fixed(_) => {}
            AmountIntent::Range { min, max, default } => {
                if let (Some(lo), Some(hi)) = (min, max) {
                    if lo > hi {
                        return Err(RequestError::InvalidRange);
                    }
                }
                if default == Some(0) || max == Some(0) {
                    return Err(RequestError::ZeroAmount {
                        field: if default == Some(0) { "defaultAmount" } else { "maximumAmount" },
                    });
                }
                if let Some(d) = default {
                    if min.map_or(false, |lo| d < lo) || max.map_or(false, |hi| d > hi) {
                        return Err(RequestError::DefaultOutOfRange);
                    }
                }
            }
        }
        for d in [&self.description, &self.suggested_description].into_iter().flatten() {
            if d.len() > MAX_FIELD_BYTES {
                return Err(RequestError::DescriptionTooLong { len: d.len() });
            }
        }
        if let (Some(d), Some(h)) = (&self.description, &self.description_hash) {
            if sha256::Hash::hash(d.as_bytes()).to_byte_array() != *h {
                return Err(RequestError::DescriptionHashMismatch);
            }
        }
        // Checks 21, 22; and `expires_at` (timestamp + expiry) must stay an integer JSON carries
        // exactly, whatever the timestamp (at most 2^35 - 1).
        if self.expiry == Some(0) || self.expiry.map_or(false, |x| x > MAX_EXPIRY_SECS) {
            return Err(RequestError::InvalidExpiry);
        }
        Ok(())
    }

    /// The amount the invoice will carry, given the user's `choice` (msat) if any.
    ///
    /// Fixed: the choice must equal it. Range: the choice if within the inclusive bounds,
    /// else the default. Any: the choice if made, else none.
    ///
    /// # Errors
    /// [`RequestError::ChoiceRefused`] (another amount than a fixed one), `AmountNotChosen`,
    /// `ZeroAmount`, `AmountBelowMinimum` or `AmountAboveMaximum`.
    pub fn resolve_amount(&self, choice: Option<u64>) -> Result<Option<u64>, RequestError> {
        match (self.amount, choice) {
            (AmountIntent::Fixed(fixed), Some(chosen)) if chosen != fixed => {
                Err(RequestError::ChoiceRefused { fixed, chosen })
            }
            (AmountIntent::Fixed(fixed), _) => Ok(Some(fixed)),
            (AmountIntent::Any, Some(0)) => Err(RequestError::ZeroAmount { field: "amount" }),
            (AmountIntent::Any, choice) => Ok(choice),
            (AmountIntent::Range { min, max, default }, choice) => {
                let amount = choice.or(default).ok_or(RequestError::AmountNotChosen)?;
                if amount == 0 {
                    return Err(RequestError::ZeroAmount { field: "amount" });
                }
                if let Some(minimum) = min.filter(|&lo| amount < lo) {
                    return Err(RequestError::AmountBelowMinimum { amount, minimum });
                }
                if let Some(maximum) = max.filter(|&hi| amount > hi) {
                    return Err(RequestError::AmountAboveMaximum { amount, maximum });
                }
                Ok(Some(amount))
            }
        }
    }

    /// A builder with the request applied: amount, description or hash, and expiry. Add the
    /// payment hash and secret, then sign.
    ///
    /// # Errors
    /// What [`validate`](Self::validate) and [`resolve_amount`](Self::resolve_amount) refuse.
    pub fn builder(&self, network: Network, choice: Option<u64>) -> Result<InvoiceBuilder, RequestError> {
        self.validate()?;
        let mut b = InvoiceBuilder::new(network);
        if let Some(msat) = self.resolve_amount(choice)? {
            b = b.amount_msat(msat);
        }
        b = match (&self.description_hash, &self.description, &self.suggested_description) {
            (Some(h), _, _) => b.description_hash(*h),
            (None, Some(d), _) | (None, None, Some(d)) => b.description(d),
            // None: an empty description, as the bolt11 npm package writes by default.
            (None, None, None) => b.description(""),
        };
        if let Some(x) = self.expiry {
            b = b.expiry(x);
        }
        Ok(b)
    }
}
