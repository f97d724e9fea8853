//! Encode, decode, sign and verify [BOLT-11] Lightning invoices.
//!
//! - **Correct**: strict by default, to the current normative text of BOLT-11; every check
//!   cites its rule (A-1 … J-7, each explained in [`rules`]). The signature hash always
//!   covers the words as received, never a re-serialisation. Amounts are exact integers.
//! - **Fast**: one pass maps characters to words and checks the checksum; the borrowed
//!   [`InvoiceRef`] reads values from the string in place, with no heap allocation.
//! - **Safe to use**: decoding never panics; every failure is a typed error that says what
//!   is wrong and where, in words a wallet can show.
//!
//! # Which API
//! - [`Invoice`] (`alloc`): decode, check the signature, get the payee. `"lnbc…".parse()`.
//! - [`InvoiceRef`] (no `std`, no `alloc`): parse and validate without heap or signature
//!   work; check the signature later with [`InvoiceRef::verify_with`].
//! - [`InvoiceBuilder`] (`alloc`): build and sign, with a key or any external signer.
//! - [`request`] (`alloc`; JSON with `serde`): wallet-API invoice requests in, the signed
//!   invoice and each API's response out, and the check of what a wallet returned.
//!
//! # Decode
//! ```
//! use lightning_bolt11::{Invoice, Network};
//!
//! let invoice: Invoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh".parse()?;
//! assert_eq!(invoice.network(), Network::Bitcoin);
//! assert_eq!(invoice.amount_msat(), Some(250_000_000));
//! assert_eq!(invoice.description(), Some("1 cup coffee"));
//! assert_eq!(invoice.expiry(), 60);
//! assert_eq!(
//!     invoice.payee().to_string(),
//!     "03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad"
//! );
//! # Ok::<(), lightning_bolt11::DecodeError>(())
//! ```
//!
//! # Build and sign
//! ```
//! use lightning_bolt11::{Invoice, InvoiceBuilder, Network};
//! use lightning_bolt11::secp256k1::SecretKey;
//!
//! let key = SecretKey::from_slice(&[0x42; 32])?;
//! let invoice = InvoiceBuilder::new(Network::Signet)
//!     .amount_msat(1_500)
//!     .timestamp(1_700_000_000)
//!     .payment_hash([7; 32])
//!     .payment_secret([9; 32])
//!     .description("coffee")
//!     .sign(&key)?;
//! let again: Invoice = invoice.to_string().parse()?;
//! assert_eq!(again, invoice);
//! assert_eq!(again.amount_msat(), Some(1_500));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Check what a wallet returned
//! A web app asked a wallet for an invoice (here through WebLN) and checks what came back.
//! ```
//! # #[cfg(feature = "serde")] {
//! use lightning_bolt11::request::{parse_request, Api, CheckOptions, Violation};
//! use lightning_bolt11::Network;
//!
//! let asked = parse_request(Api::WebLn, r#"{"amount": 250000}"#)?; // sats
//! // The spec's coffee invoice is for 250,000 sats, but expired long ago.
//! let returned = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
//! let report = asked.check(returned, &CheckOptions { network: Some(Network::Bitcoin), now: Some(1_700_000_000) });
//! assert_eq!(report.violations, [Violation::Expired { expires_at: 1_496_314_718 }]);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Policies
//! [`Policy::Strict`] (the default) follows the current normative text; [`Policy::Lenient`]
//! accepts what lnd and Core Lightning accept today; [`Policy::Blinded`] and
//! [`Policy::Legacy`] are strict but for lnd's blinded-path invoices and invoices from before
//! payment secrets. The table on [`Policy`] lists every
//! difference with its rule.
//!
//! [BOLT-11]: https://github.com/lightning/bolts/blob/master/11-payment-encoding.md
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

#[cfg(feature = "alloc")]
extern crate alloc;

mod amount;
#[cfg(feature = "parallel")]
pub mod batch;
mod blinded;
#[cfg(feature = "alloc")]
mod builder;
mod bytes32;
mod checksum;
#[cfg(feature = "alloc")]
pub mod convert;
#[cfg(feature = "alloc")]
mod encode;
mod error;
mod fallback;
mod features;
mod field;
#[cfg(feature = "std")]
pub mod input;
#[cfg(feature = "alloc")]
mod invoice;
mod network;
mod parse;
mod policy;
mod printable;
#[cfg(feature = "alloc")]
pub mod request;
mod route;
#[cfg(feature = "serde")]
mod serde_impl;
mod signature;
#[cfg(feature = "serde")]
pub mod summary;
mod view;
mod words;

#[cfg(feature = "alloc")]
pub use amount::amount_to_text;
pub use amount::{amount_from_text, MAX_AMOUNT_MSAT};
pub use blinded::{BlindedHop, BlindedHops, BlindedPath, BlindedPathError, BlindedPayInfo, MIN_BLINDED_PATH_LEN};
#[cfg(feature = "alloc")]
pub use builder::{InvoiceBuilder, DEFAULT_FEATURES, MAX_FEATURE_BIT, MAX_ROUTE_HOPS, MAX_TIMESTAMP};
pub use bytes32::{payment_hash_of, Bytes32, NotHex32};
pub use checksum::{Bolt11Bech32, MAX_INVOICE_LENGTH};
#[cfg(feature = "alloc")]
pub use encode::words_to_bech32;
pub use error::{Bech32Error, BuildError, DecodeError, FieldError, HrpError, SignOrBuildError, SignatureError};
#[cfg(feature = "alloc")]
pub use fallback::Address;
pub use fallback::{Fallback, FallbackKind, MAX_PROGRAM_LEN, MAX_SCRIPT_LEN};
pub use features::{known_feature, FeatureBit, Features, KnownFeature, KNOWN_FEATURES};
pub use field::{is_defined, tag, tag_char, RawField, MAX_FIELD_BYTES, MAX_FIELD_WORDS};
#[cfg(feature = "alloc")]
pub use invoice::Invoice;
pub use network::{Network, UnknownNetwork};
pub use policy::{DecodeOptions, Policy, UnknownPolicy};
pub use printable::PrintableString;
pub use route::{Hops, InvalidShortChannelId, RouteHint, RouteHop, ShortChannelId, HOP_LEN};
pub use view::{Description, InvoiceRef, DEFAULT_EXPIRY_SECS, DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA};
pub use words::{Bytes, Words};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(doctest)]
#[doc = include_str!("../docs/requests.md")]
struct RequestsDoctests;

#[cfg(doctest)]
#[doc = include_str!("../docs/policy.md")]
struct PolicyDoctests;

#[doc = include_str!("../docs/requirements.md")]
pub mod rules {}

/// The secp256k1 crate this one uses, so callers can name the same types.
pub use secp256k1;
