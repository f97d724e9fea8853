//! lightning-invoice 0.34 (LDK): invoices and currencies (feature `lightning-invoice`).
//!
//! Converting never decodes with lightning-invoice on this crate's behalf: an [`Invoice`] is
//! handed over as its text, which lightning-invoice parses into its own type, and that type's
//! text comes back through this crate's strict decoder.

use core::str::FromStr;

use ::lightning_invoice::{Bolt11Invoice, Bolt11SemanticError, Currency, ParseOrSemanticError};

use crate::error::DecodeError;
use crate::invoice::Invoice;
use crate::network::Network;

#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl From<Network> for Currency {
    fn from(n: Network) -> Self {
        match n {
            Network::Bitcoin => Currency::Bitcoin,
            Network::Testnet => Currency::BitcoinTestnet,
            Network::Signet => Currency::Signet,
            Network::Regtest => Currency::Regtest,
            Network::Simnet => Currency::Simnet,
        }
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl From<Currency> for Network {
    fn from(c: Currency) -> Self {
        match c {
            Currency::Bitcoin => Network::Bitcoin,
            Currency::BitcoinTestnet => Network::Testnet,
            Currency::Signet => Network::Signet,
            Currency::Regtest => Network::Regtest,
            Currency::Simnet => Network::Simnet,
        }
    }
}

/// Why lightning-invoice does not take an invoice this crate accepted.
///
/// BOLT-11 allows what the first three refuse, and lenient mode reads it:
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LdkRefusal {
    /// lightning-invoice requires a `9` field that sets `payment_secret`; BOLT-11 makes the
    /// field optional, and older writers leave it out.
    #[error("lightning-invoice requires a features field (9) that sets payment_secret")]
    NoPaymentSecretFeature,
    /// lightning-invoice does not know a required feature bit the invoice sets: one it has no
    /// name for (`option_attribution_data`, 36, in 0.34), or an unknown even bit that lenient
    /// mode reports rather than refuses.
    #[error("lightning-invoice does not know a required feature bit the invoice sets")]
    UnknownRequiredFeature,
    /// No payment secret (`s`): lenient mode reads invoices from before payment secrets.
    #[error("lightning-invoice requires a payment secret (s)")]
    NoPaymentSecret,
    /// lightning-invoice signs and checks a re-serialisation of the invoice, not the text
    /// (rust-lightning issue 3693): for this invoice that is another message, so it would refuse
    /// the signature or, worse, name another payee. Only possible for an invoice decoded in
    /// lenient mode: strict mode refuses every such encoding.
    #[error("lightning-invoice would check the signature over other bytes, and so name another payee")]
    ReserialisedHash,
    /// Any other refusal, in lightning-invoice's own words.
    #[error("lightning-invoice refuses the invoice: {0}")]
    Other(ParseOrSemanticError),
}

/// The same invoice as lightning-invoice's type, which equals lightning-invoice's own decoding
/// of the text, or why lightning-invoice does not take it.
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl TryFrom<&Invoice> for Bolt11Invoice {
    type Error = LdkRefusal;

    fn try_from(invoice: &Invoice) -> Result<Self, LdkRefusal> {
        let features = invoice.features();
        let theirs = Bolt11Invoice::from_str(invoice.as_str()).map_err(|e| match e {
            ParseOrSemanticError::SemanticError(Bolt11SemanticError::NoPaymentSecret) => LdkRefusal::NoPaymentSecret,
            ParseOrSemanticError::SemanticError(Bolt11SemanticError::InvalidFeatures) if !features.supports(14) => {
                LdkRefusal::NoPaymentSecretFeature
            }
            ParseOrSemanticError::SemanticError(Bolt11SemanticError::InvalidFeatures) => {
                LdkRefusal::UnknownRequiredFeature
            }
            ParseOrSemanticError::SemanticError(Bolt11SemanticError::InvalidSignature) => LdkRefusal::ReserialisedHash,
            other => LdkRefusal::Other(other),
        })?;
        // The same bytes signed, or lightning-invoice's payee is not this invoice's.
        if theirs.signable_hash() != invoice.signature_hash() {
            return Err(LdkRefusal::ReserialisedHash);
        }
        Ok(theirs)
    }
}

/// lightning-invoice's invoice, decoded strictly by this crate from its text.
///
/// # Errors
/// Why strict decoding refuses what lightning-invoice accepted: for instance an `x`, `c` or `9`
/// field with a leading zero word, which lightning-invoice reads and re-encodes.
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl TryFrom<&Bolt11Invoice> for Invoice {
    type Error = DecodeError;

    fn try_from(theirs: &Bolt11Invoice) -> Result<Self, DecodeError> {
        let text = alloc::string::ToString::to_string(theirs);
        #[cfg(feature = "std")]
        return Invoice::decode(&text);
        #[cfg(not(feature = "std"))]
        return Invoice::decode_with_context(
            &text,
            &crate::DecodeOptions::new(),
            &secp256k1::Secp256k1::verification_only(),
        );
    }
}
