//! Why an invoice request was refused: one variant per check of the API notes' section 7,
//! with the providers' own wording where they have one.

use alloc::string::String;

use crate::error::BuildError;
use crate::printable::PrintableString;

/// An invoice request that cannot be honoured, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// The request is not valid JSON, or not the shape the API defines.
    #[error("the request is not valid: {message}")]
    InvalidJson {
        /// What the JSON parser said.
        message: String,
    },
    /// NWC: the method is not `make_invoice`.
    #[error("unsupported method \"{}\": only make_invoice creates invoices", PrintableString(method))]
    WrongMethod {
        /// The method found.
        method: String,
    },
    /// Check 1: not a number, or not digits.
    #[error("{field} must be a non-negative whole number of satoshis")]
    InvalidAmount {
        /// The request field.
        field: &'static str,
    },
    /// Check 2: a fraction of a satoshi, refused rather than truncated.
    #[error("{field}: the amount must be a whole number of satoshis")]
    FractionalSats {
        /// The request field.
        field: &'static str,
    },
    /// Check 3: the target needs whole satoshis.
    #[error("the amount must be a whole number of satoshis ({msat} msat is not)")]
    SubSatAmount {
        /// The amount.
        msat: u64,
    },
    /// Check 4: zero is not an amount; an any-amount invoice must be asked for as such.
    #[error("{field}: the amount must be at least 1 satoshi")]
    ZeroAmount {
        /// The request field.
        field: &'static str,
    },
    /// Check 5: the API cannot ask for an any-amount invoice.
    #[error("No amount specified")]
    AmountRequired,
    /// Check 6.
    #[error("{field}: payments of negative value are not allowed")]
    NegativeAmount {
        /// The request field.
        field: &'static str,
    },
    /// Check 7: above [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT), or above what JSON carries exactly
    /// (2^53 - 1).
    #[error("{field}: the amount is larger than the limit of {limit}")]
    AmountTooLarge {
        /// The request field.
        field: &'static str,
        /// The limit, in the field's unit after conversion to millisatoshis.
        limit: u64,
    },
    /// Check 8.
    #[error("minimumAmount must not exceed maximumAmount")]
    InvalidRange,
    /// Check 9.
    #[error("defaultAmount is outside [minimumAmount, maximumAmount]")]
    DefaultOutOfRange,
    /// Checks 10 and 11: below the (inclusive) minimum.
    #[error("Amount is less than minimum")]
    AmountBelowMinimum {
        /// The amount, msat.
        amount: u64,
        /// The minimum, msat.
        minimum: u64,
    },
    /// Checks 10 and 11: above the (inclusive) maximum.
    #[error("Amount exceeds maximum")]
    AmountAboveMaximum {
        /// The amount, msat.
        amount: u64,
        /// The maximum, msat.
        maximum: u64,
    },
    /// Check 12: `amount` and a different `defaultAmount`.
    #[error("amount and defaultAmount disagree; give one")]
    ConflictingAmount,
    /// A chosen amount for a request whose amount is fixed, different from it.
    #[error("the request fixes the amount at {fixed} msat; {chosen} msat cannot be chosen")]
    ChoiceRefused {
        /// The fixed amount.
        fixed: u64,
        /// The amount chosen.
        chosen: u64,
    },
    /// A range with no default needs an amount to be chosen.
    #[error("choose an amount between the minimum and the maximum")]
    AmountNotChosen,
    /// Check 13.
    #[error("{field}: amount must be a plain BTC decimal with at most 8 decimals")]
    InvalidBtcAmount {
        /// The request field.
        field: &'static str,
    },
    /// Check 14.
    #[error("amount must be between 0.000001 and 0.02 BTC")]
    BitfinexAmountOutOfRange {
        /// The amount, msat.
        amount: u64,
    },
    /// Check 15.
    #[error("unsupported wallet \"{}\": only \"exchange\" is available", PrintableString(.0))]
    UnsupportedWallet(String),
    /// Check 15.
    #[error("unsupported currency \"{}\": only \"LNX\" is available", PrintableString(.0))]
    UnsupportedCurrency(String),
    /// Check 16.
    #[error("Description is too long: Max length 639 bytes (got {len})")]
    DescriptionTooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// Checks 17 and 18.
    #[error("description hash must be 32 bytes {encoding}")]
    InvalidDescriptionHash {
        /// `hex` or `base64`.
        encoding: &'static str,
    },
    /// Check 19.
    #[error("description_hash does not match description")]
    DescriptionHashMismatch,
    /// Checks 21 and 22: an expiry of 0, negative, fractional or too large.
    #[error("invalid invoice expiry")]
    InvalidExpiry,
    /// Check 23.
    #[error("encoded invoice metadata provided is too large. Limit: 4096 Received: {len}")]
    MetadataTooLarge {
        /// Its serialised length.
        len: usize,
    },
    /// NWC `metadata` that is not a JSON object.
    #[error("metadata must be a JSON object")]
    InvalidMetadata,
    /// Check 24.
    #[error("passThru data must be valid json")]
    InvalidPassThru,
    /// The invoice could not be built.
    #[error(transparent)]
    Build(#[from] BuildError),
}

impl RequestError {
    /// A stable `snake_case` name for the error.
    pub fn kind(&self) -> &'static str {
        match self {
            RequestError::InvalidJson { .. } => "invalid_json",
            RequestError::WrongMethod { .. } => "wrong_method",
            RequestError::InvalidAmount { .. } => "invalid_amount",
            RequestError::FractionalSats { .. } => "fractional_sats",
            RequestError::SubSatAmount { .. } => "sub_sat_amount",
            RequestError::ZeroAmount { .. } => "zero_amount",
            RequestError::AmountRequired => "amount_required",
            RequestError::NegativeAmount { .. } => "negative_amount",
            RequestError::AmountTooLarge { .. } => "amount_too_large",
            RequestError::InvalidRange => "invalid_range",
            RequestError::DefaultOutOfRange => "default_out_of_range",
            RequestError::AmountBelowMinimum { .. } => "amount_below_minimum",
            RequestError::AmountAboveMaximum { .. } => "amount_above_maximum",
            RequestError::ConflictingAmount => "conflicting_amount",
            RequestError::ChoiceRefused { .. } => "choice_refused",
            RequestError::AmountNotChosen => "amount_not_chosen",
            RequestError::InvalidBtcAmount { .. } => "invalid_btc_amount",
            RequestError::BitfinexAmountOutOfRange { .. } => "bitfinex_amount_out_of_range",
            RequestError::UnsupportedWallet(_) => "unsupported_wallet",
            RequestError::UnsupportedCurrency(_) => "unsupported_currency",
            RequestError::DescriptionTooLong { .. } => "description_too_long",
            RequestError::InvalidDescriptionHash { .. } => "invalid_description_hash",
            RequestError::DescriptionHashMismatch => "description_hash_mismatch",
            RequestError::InvalidExpiry => "invalid_expiry",
            RequestError::MetadataTooLarge { .. } => "metadata_too_large",
            RequestError::InvalidMetadata => "invalid_metadata",
            RequestError::InvalidPassThru => "invalid_pass_thru",
            RequestError::Build(_) => "build_failed",
        }
    }
}
