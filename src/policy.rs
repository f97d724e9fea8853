//! How strictly to read an invoice, and what else the caller expects of it.

use crate::network::Network;

/// Which rules a decoder holds an invoice to: a decoding profile.
///
/// [`Strict`](Policy::Strict) is BOLT-11 itself. Two profiles are strict but for one
/// population of real invoices each: [`Blinded`](Policy::Blinded) (lnd's blinded-path invoices,
/// which have no `s`) and [`Legacy`](Policy::Legacy) (invoices from before payment secrets).
/// [`Lenient`](Policy::Lenient) reads what lnd and Core Lightning read. The table below is
/// strict against lenient; `docs/policy.md` has every profile.
///
/// | rule | [`Strict`](Policy::Strict) (default) | [`Lenient`](Policy::Lenient) |
/// |---|---|---|
/// | `s` missing (R-11) | fails (`Legacy` reads it; `Blinded` reads it beside a `b`, J-9) | accepted |
/// | `p`/`h`/`s`/`n` of wrong length (R-2) | fails | skipped, kept as an unknown field |
/// | two `p`, `s`, `d` or `h` that differ (J-2, R-3) | fails | fails |
/// | the same `p`, `s`, `d` or `h` twice (J-2) | fails | the first is used |
/// | duplicate `x`, `c`, `n`, `9`, `m` (J-2) | fails | the first is used, the rest kept |
/// | both or neither of `d` and `h` (R-3) | fails | fails |
/// | non-minimal `x`, `c`, `9` (R-15) | fails | read |
/// | unknown even feature bit (R-5) | fails | reported by [`Features::unknown_required`](crate::Features::unknown_required) |
/// | feature without its dependency (G-2) | fails | accepted |
/// | empty `r`, or not whole 51-byte hops (J-4) | fails | skipped, kept |
/// | malformed `b` (J-9) | fails | skipped, kept |
/// | `b` together with `r` (J-9) | fails | fails |
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
    /// Strict, except that an invoice may leave out `s` when it pays through blinded paths:
    /// at least one well-formed `b` field and feature bit 262 or 263 set (bLIP-39, J-9). What
    /// lnd 0.18.3 and later writes with `--blind`.
    Blinded,
    /// Strict, except that `s` may be missing (R-11): invoices from before payment secrets
    /// (lnd before 2025, and most invoices of 2018 to 2020).
    Legacy,
}

impl Policy {
    /// Every profile.
    pub const ALL: [Policy; 4] = [Policy::Strict, Policy::Lenient, Policy::Blinded, Policy::Legacy];

    /// The profile's name: `strict`, `lenient`, `blinded` or `legacy` (the CLI's `--profile`,
    /// and the word the JavaScript and Python packages take).
    pub const fn name(self) -> &'static str {
        match self {
            Policy::Strict => "strict",
            Policy::Lenient => "lenient",
            Policy::Blinded => "blinded",
            Policy::Legacy => "legacy",
        }
    }

    /// Whether the strict rules apply (every profile but lenient).
    pub(crate) const fn is_strict(self) -> bool {
        !matches!(self, Policy::Lenient)
    }
}

impl core::fmt::Display for Policy {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a profile name that [`Policy::from_str`](core::str::FromStr::from_str) does
/// not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown profile (expected strict, lenient, blinded or legacy)")]
#[non_exhaustive]
pub struct UnknownPolicy;

impl core::str::FromStr for Policy {
    type Err = UnknownPolicy;

    /// A profile by its [`name`](Policy::name), in any case.
    fn from_str(s: &str) -> Result<Self, UnknownPolicy> {
        Policy::ALL.into_iter().find(|p| p.name().eq_ignore_ascii_case(s)).ok_or(UnknownPolicy)
    }
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

    /// Shorthand for [`Policy::Blinded`]: strict, and lnd's blinded-path invoices without `s`.
    pub const fn blinded(self) -> Self {
        self.policy(Policy::Blinded)
    }

    /// Shorthand for [`Policy::Legacy`]: strict, and invoices from before payment secrets.
    pub const fn legacy(self) -> Self {
        self.policy(Policy::Legacy)
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
