//! lightning-invoice 0.34 (LDK): invoices and currencies (feature `lightning-invoice`).
//!
//! Converting never decodes with lightning-invoice on this crate's behalf: an [`Invoice`] is
//! handed over as its text, which lightning-invoice parses into its own type, and that type's
//! text comes back through this crate's strict decoder.

use core::str::FromStr;

use alloc::vec::Vec;

use ::lightning_invoice::{
    Bolt11Invoice, Bolt11SemanticError, Currency, ParseOrSemanticError, RouteHintHop, RoutingFees,
};
use ::lightning_types::features::Bolt11InvoiceFeatures;

use crate::builder::InvoiceBuilder;
use crate::error::DecodeError;
use crate::features::Features;
use crate::invoice::Invoice;
use crate::network::Network;
use crate::route::{RouteHint, RouteHop, ShortChannelId};

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
    /// lightning-invoice reads another amount, payment hash or payee from the same text: handing
    /// the invoice over would pay otherwise than this crate read it.
    #[error("lightning-invoice reads another {0} from this invoice")]
    Disagrees(Disagreement),
    /// Any other refusal, in lightning-invoice's own words.
    #[error("lightning-invoice refuses the invoice: {0}")]
    Other(ParseOrSemanticError),
}

/// What two readers of one invoice disagree on, when a conversion refuses to pass it on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Disagreement {
    /// The amount (lightning-invoice reads an amount above 2^64 pico-bitcoin as none).
    #[error("amount")]
    Amount,
    /// The payment hash.
    #[error("payment hash")]
    PaymentHash,
    /// The payee's key.
    #[error("payee")]
    Payee,
}

/// Why a lightning-invoice invoice is not converted: this crate's strict decoder refuses its
/// text, or reads another amount, payment hash or payee from it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FromLdkError {
    /// The strict decoder refuses the text lightning-invoice writes for the invoice: for
    /// instance an `x`, `c` or `9` field with a leading zero word, which lightning-invoice
    /// reads and re-encodes, or an amount above [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT).
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Both read the text, differently.
    #[error("lightning-invoice and this crate read another {0} from this invoice")]
    Disagrees(Disagreement),
}

/// The first of amount, payment hash and payee on which the two readings differ.
fn disagreement(ours: &Invoice, theirs: &Bolt11Invoice) -> Option<Disagreement> {
    if ours.amount_msat() != theirs.amount_milli_satoshis() {
        return Some(Disagreement::Amount);
    }
    if ours.payment_hash() != bitcoin_hashes::Hash::to_byte_array(*theirs.payment_hash()) {
        return Some(Disagreement::PaymentHash);
    }
    if ours.payee() != theirs.get_payee_pub_key() {
        return Some(Disagreement::Payee);
    }
    None
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
        match disagreement(invoice, &theirs) {
            Some(d) => Err(LdkRefusal::Disagrees(d)),
            None => Ok(theirs),
        }
    }
}

/// lightning-invoice's invoice, decoded strictly by this crate from its text, with the same
/// amount, payment hash and payee as lightning-invoice reads.
///
/// # Errors
/// [`FromLdkError::Decode`] when strict decoding refuses what lightning-invoice accepted;
/// [`FromLdkError::Disagrees`] when the two read another amount, hash or payee.
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl TryFrom<&Bolt11Invoice> for Invoice {
    type Error = FromLdkError;

    fn try_from(theirs: &Bolt11Invoice) -> Result<Self, FromLdkError> {
        let text = alloc::string::ToString::to_string(theirs);
        #[cfg(feature = "std")]
        let ours = Invoice::decode(&text)?;
        #[cfg(not(feature = "std"))]
        let ours = Invoice::decode_with_context(
            &text,
            &crate::DecodeOptions::new(),
            &secp256k1::Secp256k1::verification_only(),
        )?;
        match disagreement(&ours, theirs) {
            Some(d) => Err(FromLdkError::Disagrees(d)),
            None => Ok(ours),
        }
    }
}

/// A hop as lightning-invoice holds it. BOLT-11 hints carry no HTLC limits, so
/// `htlc_minimum_msat` and `htlc_maximum_msat` are `None`.
///
/// # Errors
/// The node id is not a public key, which lightning-invoice requires (BOLT-11 does not).
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl TryFrom<&RouteHop> for RouteHintHop {
    type Error = secp256k1::Error;

    fn try_from(hop: &RouteHop) -> Result<Self, secp256k1::Error> {
        Ok(RouteHintHop {
            src_node_id: secp256k1::PublicKey::from_slice(&hop.src_node_id)?,
            short_channel_id: hop.short_channel_id.0,
            fees: RoutingFees {
                base_msat: hop.fee_base_msat,
                proportional_millionths: hop.fee_proportional_millionths,
            },
            cltv_expiry_delta: hop.cltv_expiry_delta,
            htlc_minimum_msat: None,
            htlc_maximum_msat: None,
        })
    }
}

/// A lightning-invoice hop as written in an `r` field (its HTLC limits are not part of one).
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl From<&RouteHintHop> for RouteHop {
    fn from(hop: &RouteHintHop) -> Self {
        RouteHop {
            src_node_id: hop.src_node_id.serialize(),
            short_channel_id: ShortChannelId(hop.short_channel_id),
            fee_base_msat: hop.fees.base_msat,
            fee_proportional_millionths: hop.fees.proportional_millionths,
            cltv_expiry_delta: hop.cltv_expiry_delta,
        }
    }
}

/// A decoded route hint as lightning-invoice's type.
///
/// # Errors
/// A hop's node id is not a public key.
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl TryFrom<RouteHint<'_>> for ::lightning_invoice::RouteHint {
    type Error = secp256k1::Error;

    fn try_from(hint: RouteHint<'_>) -> Result<Self, secp256k1::Error> {
        hint.hops().map(|h| RouteHintHop::try_from(&h)).collect::<Result<Vec<_>, _>>().map(Self)
    }
}

/// The feature bits as lightning-invoice's type (the same bits, as little-endian bytes).
#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl From<Features<'_>> for Bolt11InvoiceFeatures {
    fn from(features: Features<'_>) -> Self {
        let mut le = Vec::new();
        for bit in features.iter() {
            if le.len() <= bit / 8 {
                le.resize(bit / 8 + 1, 0);
            }
            if let Some(byte) = le.get_mut(bit / 8) {
                *byte |= 1 << (bit % 8);
            }
        }
        Bolt11InvoiceFeatures::from_le_bytes(le)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "lightning-invoice")))]
impl InvoiceBuilder {
    /// Writes exactly the bits of lightning-invoice's feature set (as
    /// [`features_exact`](Self::features_exact) does), for a node that takes its invoice features
    /// from LDK (`ChannelManager::bolt11_invoice_features`).
    pub fn bolt11_invoice_features(self, features: &Bolt11InvoiceFeatures) -> Self {
        let le = features.le_flags();
        let bits: Vec<usize> =
            (0..le.len() * 8).filter(|&b| le.get(b / 8).map_or(false, |f| f >> (b % 8) & 1 == 1)).collect();
        self.features_exact(&bits)
    }

    /// Adds a lightning-invoice route hint (lightning-invoice's `private_route`).
    pub fn private_route(self, hint: &::lightning_invoice::RouteHint) -> Self {
        let hops: Vec<RouteHop> = hint.0.iter().map(RouteHop::from).collect();
        self.route_hint(&hops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COFFEE: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
    const NINE: &str = "lnbc20m1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqhp58yjmdan79s6qqdhdzgynm4zwqd5d7xmw5fk98klysy043l2ahrqs9qrsgq7ea976txfraylvgzuxs8kgcw23ezlrszfnh8r6qtfpr6cxga50aj6txm9rxrydzd06dfeawfk6swupvz4erwnyutnjq7x39ymw6j38gp7ynn44";

    #[test]
    fn each_disagreement_is_named() {
        let ours: Invoice = COFFEE.parse().unwrap();
        let same: Bolt11Invoice = COFFEE.parse().unwrap();
        assert_eq!(disagreement(&ours, &same), None);
        // Another invoice from the same payee: another amount comes first.
        let other: Bolt11Invoice = NINE.parse().unwrap();
        assert_eq!(disagreement(&ours, &other), Some(Disagreement::Amount));
        assert_eq!(
            LdkRefusal::Disagrees(Disagreement::Payee).to_string(),
            "lightning-invoice reads another payee from this invoice"
        );
    }
}
