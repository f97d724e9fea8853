//! How strictly to read an invoice, and what else the caller expects of it.

use crate::network::Network;

/// Which rules a decoder holds an invoice to.
///
/// | rule | [`Strict`](Policy::Strict) (default) | [`Lenient`](Policy::Lenient) |
/// |---|---|---|
/// | `s` missing (R-11) | fails | accepted |
/// | `p`/`h`/`s`/`n` of wrong length (R-2) | fails | skipped, kept as an unknown field |
/// | two `p`, `s`, `d` or `h` that differ (J-2, R-3) | fails | fails |
/// | the same `p`, `s`, `d` or `h` twice (J-2) | fails | the first is used |
/// | duplicate `x`, `c`, `n`, `9`, `m` (J-2) | fails | the first is used, the rest kept |
/// | both or neither of `d` and `h` (R-3) | fails | fails |
/// | non-minimal `x`, `c`, `9` (R-15) | fails | read |
/// | unknown even feature bit (R-5) | fails | reported by [`Features::unknown_required`](crate::Features::unknown_required) |
/// | feature without its dependency (G-2) | fails | accepted |
/// | empty `r`, or not whole 51-byte hops (J-4) | fails | skipped, kept |
/// | fallback program of wrong length (W-17) | fails | skipped, kept |
/// | fallback of unknown version 19-31 (R-1) | skipped, kept | skipped, kept |
/// | unknown tag (J-1) | skipped, kept | skipped, kept |
/// | non-zero padding bits (J-5) | fails | accepted |
/// | invalid UTF-8 in `d` (W-5) | fails | fails |
/// | amount with a leading 0, or zero (B-3, J-3) | fails | read (zero is an amount of 0) |
/// | amount not whole msat, or over 2^64 pico-BTC (B-10, J-3) | fails | fails |
/// | `c` over 2^32 - 1, or an empty `f` (J-8) | fails | fails |
/// | high-S signature with `n` (R-9) | fails | fails |
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Policy {
    /// The current normative text of BOLT-11, with the gaps of its section J closed safely.
    #[default]
    Strict,
    /// What lnd and Core Lightning accept today; for reading invoices from older software.
    Lenient,
}

/// What the caller asks of a decode: the policy, the network, and extra known features.
///
/// ```
/// use lightning_bolt11::{DecodeError, DecodeOptions, FieldError, HrpError, InvoiceRef, Network};
///
/// // The spec's example with an unknown required feature (bit 100).
/// let s = "lnbc25m1pvjluezpp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5vdhkven9v5sxyetpdeessp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygs9q4psqqqqqqqqqqqqqqqqsgqtqyx5vggfcsll4wu246hz02kp85x4katwsk9639we5n5yngc3yhqkm35jnjw4len8vrnqnf5ejh0mzj9n3vz2px97evektfm2l6wqccp3y7372";
/// let unknown = |opts| matches!(InvoiceRef::parse_with(s, opts), Err(DecodeError::Field(FieldError::UnknownRequiredFeature { bit: 100 })));
/// assert!(unknown(&DecodeOptions::new()));
/// // A wallet that knows bit 100 names it; lenient mode reports it instead of failing.
/// assert!(InvoiceRef::parse_with(s, &DecodeOptions::new().known_features(&[100])).is_ok());
/// assert!(InvoiceRef::parse_with(s, &DecodeOptions::new().lenient()).is_ok());
/// // A wallet on testnet refuses a mainnet invoice before anything else.
/// let testnet = DecodeOptions::new().network(Network::Testnet);
/// assert!(matches!(InvoiceRef::parse_with(s, &testnet), Err(DecodeError::Hrp(HrpError::WrongNetwork { .. }))));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecodeOptions<'a> {
    pub(crate) policy: Policy,
    pub(crate) network: Option<Network>,
    pub(crate) known_features: &'a [usize],
}

impl<'a> DecodeOptions<'a> {
    /// Strict policy, any network, only the BOLT 9 features known.
    pub const fn new() -> Self {
        DecodeOptions { policy: Policy::Strict, network: None, known_features: &[] }
    }

    /// Chooses the policy.
    pub const fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Shorthand for [`Policy::Lenient`].
    pub const fn lenient(self) -> Self {
        self.policy(Policy::Lenient)
    }

    /// Makes an invoice for any other network an error.
    pub const fn network(mut self, network: Network) -> Self {
        self.network = Some(network);
        self
    }

    /// Feature bits the caller supports beyond those BOLT 9 defines for invoices: a required
    /// (even) bit among them, or the even partner of an odd one, no longer fails (R-5).
    pub const fn known_features(mut self, bits: &'a [usize]) -> Self {
        self.known_features = bits;
        self
    }

    /// The policy chosen.
    pub const fn get_policy(&self) -> Policy {
        self.policy
    }

    /// The network required, if any.
    pub const fn get_network(&self) -> Option<Network> {
        self.network
    }
}
