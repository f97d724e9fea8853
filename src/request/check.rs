//! The web app's side: does the invoice a wallet returned honour the request that asked for
//! it? The WebLN page warns that a provider's enforcement "should not be completely trusted".

use crate::bytes32::Bytes32;
use alloc::vec::Vec;

use bitcoin_hashes::{sha256, Hash};

use super::{AmountIntent, InvoiceRequest};
use crate::error::DecodeError;
use crate::invoice::Invoice;
use crate::network::Network;

/// What else the checker expects: a network, and the time to judge expiry by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The network the invoice must be for, if any.
    pub network: Option<Network>,
    /// Seconds since 1970 to judge expiry by; `None` means the system clock (without `std`,
    /// where there is none, expiry is not checked).
    pub now: Option<u64>,
}

/// One way an invoice fails its request.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Violation {
    /// The invoice does not decode, or its signature is invalid.
    #[error("the invoice is not valid: {0}")]
    Invalid(DecodeError),
    /// The invoice is for another network.
    #[error("the invoice is for {found}, not {expected}")]
    WrongNetwork {
        /// The network asked for.
        expected: Network,
        /// The invoice's.
        found: Network,
    },
    /// An amount was asked for and the invoice has none.
    #[error("the invoice has no amount, but one was requested")]
    AmountMissing,
    /// The invoice's amount is not the fixed amount asked for.
    #[error("the invoice is for {found} msat, not the {expected} msat requested")]
    AmountMismatch {
        /// Asked for, msat.
        expected: u64,
        /// In the invoice, msat.
        found: u64,
    },
    /// Below the requested minimum (inclusive).
    #[error("the invoice is for {amount} msat, below the minimum of {minimum} msat")]
    AmountBelowMinimum {
        /// In the invoice, msat.
        amount: u64,
        /// The minimum, msat.
        minimum: u64,
    },
    /// Above the requested maximum (inclusive).
    #[error("the invoice is for {amount} msat, above the maximum of {maximum} msat")]
    AmountAboveMaximum {
        /// In the invoice, msat.
        amount: u64,
        /// The maximum, msat.
        maximum: u64,
    },
    /// The invoice's description is not the one requested (nor does its hash commit to it).
    #[error("the invoice's description is not the one requested")]
    DescriptionMismatch,
    /// The invoice does not commit to the requested description hash.
    #[error("the invoice does not carry the requested description hash")]
    DescriptionHashMismatch,
    /// The invoice's expiry is not the one requested.
    #[error("the invoice expires after {found} s, not the {expected} s requested")]
    ExpiryMismatch {
        /// Asked for, seconds.
        expected: u64,
        /// In the invoice, seconds.
        found: u64,
    },
    /// The invoice has already expired.
    #[error("the invoice expired at {expires_at}")]
    Expired {
        /// When it expired, seconds since 1970.
        expires_at: u64,
    },
}

impl Violation {
    /// A stable `snake_case` name.
    pub fn kind(&self) -> &'static str {
        match self {
            Violation::Invalid(_) => "invalid_invoice",
            Violation::WrongNetwork { .. } => "wrong_network",
            Violation::AmountMissing => "amount_missing",
            Violation::AmountMismatch { .. } => "amount_mismatch",
            Violation::AmountBelowMinimum { .. } => "amount_below_minimum",
            Violation::AmountAboveMaximum { .. } => "amount_above_maximum",
            Violation::DescriptionMismatch => "description_mismatch",
            Violation::DescriptionHashMismatch => "description_hash_mismatch",
            Violation::ExpiryMismatch { .. } => "expiry_mismatch",
            Violation::Expired { .. } => "expired",
        }
    }
}

/// Seconds since 1970 by the system clock, where there is one.
fn clock() -> Option<u64> {
    #[cfg(feature = "std")]
    return Some(crate::invoice::since_epoch().as_secs());
    #[cfg(not(feature = "std"))]
    return None;
}

/// Every violation found; empty when the invoice honours the request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// The violations, in the order checked.
    pub violations: Vec<Violation>,
}

impl CheckReport {
    /// Whether there are none.
    pub fn is_ok(&self) -> bool {
        self.violations.is_empty()
    }
}

impl InvoiceRequest {
    /// Decodes `invoice` (strictly, signature included) and checks it against this request:
    /// see [`check_invoice`](Self::check_invoice).
    ///
    /// A request only bounds what it names: without `network` any network passes, and a WebLN
    /// request with only a `defaultAmount` accepts any amount (the default is a suggestion).
    #[cfg(feature = "std")]
    pub fn check(&self, invoice: &str, opts: &CheckOptions) -> CheckReport {
        match Invoice::decode(invoice) {
            Ok(inv) => self.check_invoice(&inv, opts),
            Err(e) => CheckReport { violations: alloc::vec![Violation::Invalid(e)] },
        }
    }

    /// Checks a decoded invoice against this request: network, amount, description or hash,
    /// expiry as asked, and not expired at `opts.now` (the system clock when `None`, with
    /// `std`).
    pub fn check_invoice(&self, inv: &Invoice, opts: &CheckOptions) -> CheckReport {
        let mut v = Vec::new();
        if let Some(expected) = opts.network.filter(|&n| n != inv.network()) {
            v.push(Violation::WrongNetwork { expected, found: inv.network() });
        }
        match (self.amount, inv.amount_msat()) {
            (AmountIntent::Any, _) => {}
            (AmountIntent::Fixed(_), None) => v.push(Violation::AmountMissing),
            (AmountIntent::Fixed(expected), Some(found)) if found != expected => {
                v.push(Violation::AmountMismatch { expected, found })
            }
            (AmountIntent::Fixed(_), Some(_)) => {}
            (AmountIntent::Range { min, max, .. }, None) if min.is_some() || max.is_some() => {
                v.push(Violation::AmountMissing)
            }
            (AmountIntent::Range { .. }, None) => {}
            (AmountIntent::Range { min, max, .. }, Some(amount)) => {
                if let Some(minimum) = min.filter(|&lo| amount < lo) {
                    v.push(Violation::AmountBelowMinimum { amount, minimum });
                }
                if let Some(maximum) = max.filter(|&hi| amount > hi) {
                    v.push(Violation::AmountAboveMaximum { amount, maximum });
                }
            }
        }
        // The invoice commits to a description by `d` or by `h`; either form is accepted.
        let commits_to = |hash: [u8; 32]| {
            inv.description_hash() == Some(Bytes32(hash))
                || inv.description().map_or(false, |d| sha256::Hash::hash(d.as_bytes()).to_byte_array() == hash)
        };
        // A suggested description (WebLN `defaultMemo`) is the user's to edit: not checked.
        match (&self.description_hash, &self.description) {
            (Some(h), _) if !commits_to(*h) => v.push(Violation::DescriptionHashMismatch),
            (None, Some(d)) if !inv.matches_description(d) => v.push(Violation::DescriptionMismatch),
            _ => {}
        }
        if let Some(expected) = self.expiry.filter(|&x| x != inv.expiry()) {
            v.push(Violation::ExpiryMismatch { expected, found: inv.expiry() });
        }
        if opts.now.or_else(clock).map_or(false, |now| inv.is_expired_at(now)) {
            v.push(Violation::Expired { expires_at: inv.expires_at() });
        }
        CheckReport { violations: v }
    }
}
