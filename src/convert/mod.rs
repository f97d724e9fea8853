//! Conversions to and from the types a Rust wallet or node already holds, so that decoding can
//! move to this crate one call at a time (optional features, off by default; the `no_std`
//! core does not depend on them).
//!
//! - `bitcoin` (rust-bitcoin 0.32, as LDK and BDK use): [`Network`](crate::Network) to and
//!   from `bitcoin::Network`; [`Invoice::fallback_addresses`](crate::Invoice::fallback_addresses)
//!   as `bitcoin::Address`es; [`InvoiceBuilder::fallback_address`](crate::InvoiceBuilder::fallback_address).
//! - `lightning-invoice` (0.34, LDK's): [`Invoice`](crate::Invoice) to and from
//!   `lightning_invoice::Bolt11Invoice`, each way with the reason the other side refuses;
//!   [`Network`](crate::Network) to and from `lightning_invoice::Currency`.
//!
//! Route-hint node ids and the payee are `secp256k1::PublicKey`s in every build (rust-bitcoin
//! 0.32 uses the same secp256k1 0.29): [`RouteHop::src_node_pubkey`](crate::RouteHop::src_node_pubkey),
//! [`Invoice::payee`](crate::Invoice::payee).

#[cfg(feature = "bitcoin")]
mod bitcoin;
#[cfg(feature = "lightning-invoice")]
mod lightning_invoice;

#[cfg(feature = "lightning-invoice")]
pub use self::lightning_invoice::{Disagreement, FromLdkError, LdkRefusal};
