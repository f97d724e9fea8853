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
//! [`Invoice::payee`](crate::Invoice::payee). Route hints and feature sets convert to and from
//! lightning-invoice's `RouteHint` and `Bolt11InvoiceFeatures`.
//!
//! ```
//! # #[cfg(all(feature = "bitcoin", feature = "lightning-invoice"))] {
//! use lightning_bolt11::Invoice;
//! use lightning_invoice::Bolt11Invoice;
//!
//! let s = "lnbc20m1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqhp58yjmdan79s6qqdhdzgynm4zwqd5d7xmw5fk98klysy043l2ahrqsfpp3qjmp7lwpagxun9pygexvgpjdc4jdj85fr9yq20q82gphp2nflc7jtzrcazrra7wwgzxqc8u7754cdlpfrmccae92qgzqvzq2ps8pqqqqqqpqqqqq9qqqvpeuqafqxu92d8lr6fvg0r5gv0heeeqgcrqlnm6jhphu9y00rrhy4grqszsvpcgpy9qqqqqqgqqqqq7qqzq9qrsgqdfjcdk6w3ak5pca9hwfwfh63zrrz06wwfya0ydlzpgzxkn5xagsqz7x9j4jwe7yj7vaf2k9lqsdk45kts2fd0fkr28am0u4w95tt2nsq76cqw0";
//! let ours: Invoice = s.parse().expect("valid");
//! // The same invoice as lightning-invoice's type: same text, amount, hash and payee.
//! let theirs = Bolt11Invoice::try_from(&ours).expect("lightning-invoice takes it");
//! assert_eq!(theirs.amount_milli_satoshis(), ours.amount_msat());
//! // Its route hints, its fallback addresses as rust-bitcoin's, its network.
//! let hints: Vec<lightning_invoice::RouteHint> =
//!     ours.route_hints().map(|r| r.try_into().expect("node ids are keys")).collect();
//! assert_eq!(hints, theirs.route_hints());
//! assert_eq!(ours.fallback_addresses(), theirs.fallback_addresses());
//! assert_eq!(bitcoin::Network::from(ours.network()), theirs.network());
//! // And back, checked strictly.
//! assert_eq!(Invoice::try_from(&theirs).expect("strictly valid"), ours);
//! # }
//! ```
//!
//! # Coming from lightning-invoice
//!
//! | lightning-invoice `Bolt11Invoice` | lightning-bolt11 `Invoice` |
//! |---|---|
//! | `s.parse()`, `from_str` | `s.parse()`, `Invoice::decode`, `decode_with` |
//! | `amount_milli_satoshis()` | `amount_msat()` (and `amount_sats()`, rounded up) |
//! | `payment_hash()`, `payment_secret()` | the same, as [`Bytes32`](crate::Bytes32), which prints as hex (`payment_secret()` is `Option`: other profiles read invoices without one) |
//! | `description()` | `description()` or `description_hash()` |
//! | `get_payee_pub_key()`, `recover_payee_pub_key()` | `payee()` |
//! | `payee_pub_key()`, `min_final_cltv_expiry_delta()`, `payment_metadata()` | the same |
//! | `duration_since_epoch()`, `expiry_time()`, `is_expired()`, `would_expire(at)`, `duration_until_expiry()`, `expiration_remaining_from_epoch(t)` | the same, with the same boundary second |
//! | `timestamp()` (`SystemTime`), `expires_at()` (`Option<Duration>`) | `duration_since_epoch()`, `expires_at_time()`; `timestamp()` and `expires_at()` are `u64` seconds |
//! | `network()`, `currency()` | `network()`, with `From` into `bitcoin::Network` and `Currency` |
//! | `fallback_addresses()` | the same (feature `bitcoin`) |
//! | `private_routes()`, `route_hints()` | `route_hints()`: hops with `src_node_pubkey()`; `TryFrom` into lightning-invoice's `RouteHint` |
//! | `features()` | `features()`: `is_set`, `supports`, `requires`, `unknown_required`, `Display`; `Into` lightning-invoice's `Bolt11InvoiceFeatures` |
//! | `signable_hash()` | `signature_hash()` |
//! | `InvoiceBuilder::…build_signed(f)`, `try_build_signed(f)` | `InvoiceBuilder::…sign(&key)`, `sign_with(&secp, payee, f)` |
//! | `InvoiceBuilder::private_route(hint)` | the same (with the `lightning-invoice` feature), or `route_hint(&hops)` |

#[cfg(feature = "bitcoin")]
mod bitcoin;
#[cfg(feature = "lightning-invoice")]
mod lightning_invoice;

#[cfg(feature = "lightning-invoice")]
pub use self::lightning_invoice::{Disagreement, FromLdkError, LdkRefusal};
