//! Errors, one type per layer of the decoder, plus the builder's.
//!
//! Every message is written for a wallet to show a user, and says where the problem is:
//! positions count characters from the start of the string that was passed in (leading
//! whitespace and a `lightning:` prefix included).

use core::fmt;

use crate::network::Network;

/// A character from the input, as an error message shows it: `'x'` when it is printable
/// ASCII, else its code point (`U+202E`), so that a message never carries a control or
/// bidirectional character into what a person reads (nor needs Unicode's tables to escape it).
struct Shown(char);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            c @ ' '..='~' => write!(f, "'{c}'"),
            c => write!(f, "U+{:04X}", u32::from(c)),
        }
    }
}

/// The bech32 layer: length, case, separator, characters and checksum.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Bech32Error {
    /// The input is longer than [`crate::MAX_INVOICE_LENGTH`].
    #[error("the invoice is {len} characters long; at most {max} are allowed")]
    TooLong {
        /// The length found.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Nothing but whitespace (or a bare `lightning:`) was given.
    #[error("the invoice is empty")]
    Empty,
    /// There is no `1` between the prefix and the data.
    #[error("the invoice has no '1' separating its prefix from its data")]
    MissingSeparator,
    /// Upper and lower case letters are mixed (BIP-173).
    #[error("the invoice mixes upper and lower case letters (at position {position})")]
    MixedCase {
        /// Position of the first letter whose case differs from the first letter's.
        position: usize,
    },
    /// A character outside the bech32 alphabet, or outside printable ASCII in the prefix.
    #[error("character {} at position {position} cannot appear in an invoice", Shown(*ch))]
    InvalidChar {
        /// Position of the character.
        position: usize,
        /// The character.
        ch: char,
    },
    /// The checksum does not match: the invoice was mistyped or damaged.
    #[error("the invoice's checksum is wrong: it was mistyped or damaged")]
    InvalidChecksum,
    /// The data part cannot hold a timestamp and a signature (J-6).
    #[error("the invoice is too short: its data has {words} characters, at least {min} are needed")]
    TooShort {
        /// Data words found (checksum excluded).
        words: usize,
        /// Data words needed.
        min: usize,
    },
}

/// The human-readable part: `ln`, the currency prefix and the amount (section B).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HrpError {
    /// The prefix does not start with `ln`.
    #[error("this is not a Lightning invoice: it does not start with \"ln\"")]
    NotLightning,
    /// The currency after `ln` is not one this crate knows (B-6).
    #[error("unknown currency prefix at position {position} (expected bc, tb, tbs, bcrt or sb)")]
    UnknownCurrency {
        /// Position of the first character after `ln`.
        position: usize,
    },
    /// The invoice is for another network than the one expected.
    #[error("the invoice is for {found}, not {expected}")]
    WrongNetwork {
        /// The network the caller asked for.
        expected: Network,
        /// The invoice's network.
        found: Network,
    },
    /// The amount is followed by something other than one multiplier `m`, `u`, `n` or `p` (B-8).
    #[error("invalid amount multiplier {} at position {position} (expected m, u, n or p)", Shown(*ch))]
    InvalidMultiplier {
        /// Position of the offending character.
        position: usize,
        /// The character.
        ch: char,
    },
    /// A multiplier with no digits before it.
    #[error("the amount multiplier at position {position} has no digits before it")]
    MissingDigits {
        /// Position of the multiplier.
        position: usize,
    },
    /// The amount starts with a 0 (B-3; rejected in strict mode, see J-3).
    #[error("the amount at position {position} starts with a zero")]
    LeadingZero {
        /// Position of the amount's first digit.
        position: usize,
    },
    /// The amount is zero (B-3; rejected in strict mode, see J-3).
    #[error("the amount at position {position} is zero")]
    ZeroAmount {
        /// Position of the amount's first digit.
        position: usize,
    },
    /// A `p` amount whose last digit is not 0: a fraction of a millisatoshi (B-10).
    #[error("the amount at position {position} is not a whole number of millisatoshis")]
    SubMillisatoshi {
        /// Position of the amount's first digit.
        position: usize,
    },
    /// The amount overflows, or exceeds [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT) (J-3).
    #[error("the amount at position {position} is larger than any invoice can carry (18,446,744.07 bitcoin)")]
    AmountTooLarge {
        /// Position of the amount's first digit.
        position: usize,
    },
}

/// The tagged fields (sections D, E, F and G).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// A field's length runs past the signature.
    #[error("field '{tag}' at position {position} is cut short: it claims more data than the invoice has")]
    Truncated {
        /// The field's tag character.
        tag: char,
        /// Position of the field's tag.
        position: usize,
    },
    /// `p`, `h`, `s` or `n` without its fixed length.
    #[error("field '{tag}' at position {position} has {len} characters of data; it must have {expected}")]
    WrongLength {
        /// The field's tag character.
        tag: char,
        /// Position of the field's tag.
        position: usize,
        /// The length found, in 5-bit words.
        len: usize,
        /// The length required.
        expected: usize,
    },
    /// A field that may appear once appears again (J-2).
    #[error("field '{tag}' appears a second time at position {position}")]
    Duplicate {
        /// The field's tag character.
        tag: char,
        /// Position of the second occurrence.
        position: usize,
    },
    /// No payment hash `p` (W-1).
    #[error("the invoice has no payment hash")]
    MissingPaymentHash,
    /// No payment secret `s`.
    #[error("the invoice has no payment secret")]
    MissingPaymentSecret,
    /// Neither a description `d` nor a description hash `h`.
    #[error("the invoice has neither a description nor a description hash")]
    MissingDescription,
    /// Both a description `d` and a description hash `h`.
    #[error("the invoice has both a description and a description hash")]
    DescriptionAndHash,
    /// `x`, `c` or `9` starts with a zero word.
    #[error("field '{tag}' at position {position} is not minimally encoded (it starts with a zero)")]
    NonMinimal {
        /// The field's tag character.
        tag: char,
        /// Position of the field's tag.
        position: usize,
    },
    /// An integer field too large for 64 bits, or a `c` above 2^32 - 1, more blocks than any
    /// HTLC's CLTV expiry can hold (J-8).
    #[error("field '{tag}' at position {position} holds a number too large to use")]
    ValueTooLarge {
        /// The field's tag character.
        tag: char,
        /// Position of the field's tag.
        position: usize,
    },
    /// Padding bits after the last whole byte are not zero (J-5; W-23).
    #[error("field '{tag}' at position {position} has non-zero padding bits")]
    NonZeroPadding {
        /// The field's tag character.
        tag: char,
        /// Position of the field's tag.
        position: usize,
    },
    /// A field that carries bytes (`d`, `m`, `r`, or the program of an `f`) in more words than
    /// its bytes need: five or more padding bits, where BIP-173's conversion writes at most
    /// four (W-23; strict mode). A reader that re-encodes the field signs other bytes than the
    /// writer did, and so recovers another payee (rust-lightning issue 3693).
    #[error("field '{tag}' at position {position} is written in {len} characters, more than its {bytes} bytes need")]
    NonCanonicalLength {
        /// The field's tag character.
        tag: char,
        /// Position of the field's tag.
        position: usize,
        /// The words found (for `f`, after the version).
        len: usize,
        /// The whole bytes they carry.
        bytes: usize,
    },
    /// The description is not valid UTF-8 (W-5, J-5).
    #[error("the description at position {position} is not valid UTF-8 text")]
    InvalidUtf8 {
        /// Position of the field's tag.
        position: usize,
    },
    /// An `r` field with no hops (J-4).
    #[error("the route hint at position {position} is empty")]
    EmptyRoute {
        /// Position of the field's tag.
        position: usize,
    },
    /// An `r` field that is not a whole number of 51-byte hops (J-4).
    #[error("the route hint at position {position} has {bytes} bytes, not a whole number of 51-byte hops")]
    InvalidRouteLength {
        /// Position of the field's tag.
        position: usize,
        /// Bytes found.
        bytes: usize,
    },
    /// A fallback address whose program has the wrong length for its version (W-17).
    #[error("the fallback address at position {position} (version {version}) has an invalid {len}-byte program")]
    InvalidFallback {
        /// Position of the field's tag.
        position: usize,
        /// The address version (0-16 witness, 17 P2PKH, 18 P2SH).
        version: u8,
        /// The program length in bytes.
        len: usize,
    },
    /// An `f` field with no data, not even a version (J-8): lnd, Core Lightning and
    /// lightning-invoice all refuse it.
    #[error("the fallback address at position {position} is empty")]
    EmptyFallback {
        /// Position of the field's tag.
        position: usize,
    },
    /// A `b` field that is not exactly one well-formed blinded path (J-9).
    #[error("the blinded path at position {position} is malformed: {error}")]
    InvalidBlindedPath {
        /// Position of the field's tag.
        position: usize,
        /// What is wrong with it.
        error: crate::blinded::BlindedPathError,
    },
    /// Blinded paths (`b`) and route hints (`r`) together: bLIP-39 forbids it, and lnd refuses
    /// it (J-9).
    #[error("the invoice has both blinded paths and route hints, which bLIP-39 forbids")]
    BlindedPathWithRouteHint,
    /// No `s`, in an invoice that pays through blinded paths: BOLT-11 requires `s`;
    /// lnd's blinded invoices leave it out, as bLIP-39 says (J-9).
    #[error(
        "the invoice has no payment secret: it pays through blinded paths (bLIP-39), which BOLT-11 does not \
         define; decode it with the blinded profile to read them"
    )]
    BlindedWithoutSecret,
    /// The blinded profile: no `s`, blinded paths, and neither feature bit 262 nor 263, which
    /// bLIP-39 asks such an invoice to set so that readers that skip `b` fail (J-9).
    #[error(
        "the invoice has no payment secret and pays through blinded paths, but sets neither feature bit 262 nor 263"
    )]
    BlindedWithoutFeature,
    /// A required feature this reader does not know.
    #[error("the invoice requires feature bit {bit}, which this wallet does not support")]
    UnknownRequiredFeature {
        /// The even feature bit.
        bit: usize,
    },
    /// A feature is set without a feature it depends on (G-2).
    #[error("the invoice sets feature bit {bit} without the feature it depends on (bit {requires})")]
    MissingFeatureDependency {
        /// The feature set.
        bit: usize,
        /// The even bit of the feature it needs.
        requires: usize,
    },
}

/// The signature (C-3, R-8, R-9, R-10).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The recovery id is not 0, 1, 2 or 3 (C-2).
    #[error("the signature's recovery id is {id}; it must be 0 to 3")]
    InvalidRecoveryId {
        /// The recovery id found.
        id: u8,
    },
    /// r and s are not a valid signature (zero, or not below the curve order).
    #[error("the signature is malformed")]
    Malformed,
    /// No public key can be recovered from the signature.
    #[error("no payee key can be recovered from the signature")]
    Unrecoverable,
    /// The `n` field is not a valid public key.
    #[error("the payee key in the invoice is not a valid public key")]
    InvalidPayeeKey,
    /// With an `n` field, the signature is not in low-S form.
    #[error("the signature is not in canonical low-S form, which is required when the invoice names its payee")]
    HighS,
    /// The signature does not verify against the `n` field's key.
    #[error("the signature does not match the payee key named in the invoice")]
    Invalid,
}

/// Everything that can stop an invoice from decoding.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bech32 layer failed.
    #[error(transparent)]
    Bech32(#[from] Bech32Error),
    /// The prefix or amount failed.
    #[error(transparent)]
    Hrp(#[from] HrpError),
    /// A tagged field failed.
    #[error(transparent)]
    Field(#[from] FieldError),
    /// The signature failed.
    #[error(transparent)]
    Signature(#[from] SignatureError),
}

impl DecodeError {
    /// A stable, machine-readable name for the error, in `snake_case` (used by the CLI's JSON).
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::Bech32(e) => match e {
                Bech32Error::TooLong { .. } => "too_long",
                Bech32Error::Empty => "empty",
                Bech32Error::MissingSeparator => "missing_separator",
                Bech32Error::MixedCase { .. } => "mixed_case",
                Bech32Error::InvalidChar { .. } => "invalid_char",
                Bech32Error::InvalidChecksum => "invalid_checksum",
                Bech32Error::TooShort { .. } => "too_short",
            },
            DecodeError::Hrp(e) => match e {
                HrpError::NotLightning => "not_lightning",
                HrpError::UnknownCurrency { .. } => "unknown_currency",
                HrpError::WrongNetwork { .. } => "wrong_network",
                HrpError::InvalidMultiplier { .. } => "invalid_multiplier",
                HrpError::MissingDigits { .. } => "missing_amount_digits",
                HrpError::LeadingZero { .. } => "amount_leading_zero",
                HrpError::ZeroAmount { .. } => "zero_amount",
                HrpError::SubMillisatoshi { .. } => "sub_millisatoshi_amount",
                HrpError::AmountTooLarge { .. } => "amount_too_large",
            },
            DecodeError::Field(e) => match e {
                FieldError::Truncated { .. } => "field_truncated",
                FieldError::WrongLength { .. } => "field_wrong_length",
                FieldError::Duplicate { .. } => "duplicate_field",
                FieldError::MissingPaymentHash => "missing_payment_hash",
                FieldError::MissingPaymentSecret => "missing_payment_secret",
                FieldError::MissingDescription => "missing_description",
                FieldError::DescriptionAndHash => "description_and_hash",
                FieldError::NonMinimal { .. } => "non_minimal_field",
                FieldError::ValueTooLarge { .. } => "field_value_too_large",
                FieldError::NonZeroPadding { .. } => "non_zero_padding",
                FieldError::NonCanonicalLength { .. } => "non_canonical_length",
                FieldError::InvalidUtf8 { .. } => "invalid_utf8",
                FieldError::EmptyRoute { .. } => "empty_route_hint",
                FieldError::InvalidRouteLength { .. } => "invalid_route_hint_length",
                FieldError::InvalidFallback { .. } => "invalid_fallback",
                FieldError::EmptyFallback { .. } => "empty_fallback",
                FieldError::InvalidBlindedPath { .. } => "invalid_blinded_path",
                FieldError::BlindedPathWithRouteHint => "blinded_path_with_route_hint",
                FieldError::BlindedWithoutSecret => "blinded_without_payment_secret",
                FieldError::BlindedWithoutFeature => "blinded_without_feature",
                FieldError::UnknownRequiredFeature { .. } => "unknown_required_feature",
                FieldError::MissingFeatureDependency { .. } => "missing_feature_dependency",
            },
            DecodeError::Signature(e) => match e {
                SignatureError::InvalidRecoveryId { .. } => "invalid_recovery_id",
                SignatureError::Malformed => "malformed_signature",
                SignatureError::Unrecoverable => "unrecoverable_signature",
                SignatureError::InvalidPayeeKey => "invalid_payee_key",
                SignatureError::HighS => "high_s_signature",
                SignatureError::Invalid => "invalid_signature",
            },
        }
    }
}

impl DecodeError {
    /// Where in the string passed in the problem is, in bytes (leading whitespace and a
    /// `lightning:` prefix counted), when the error is about one place.
    pub fn position(&self) -> Option<usize> {
        match self {
            DecodeError::Bech32(Bech32Error::MixedCase { position } | Bech32Error::InvalidChar { position, .. })
            | DecodeError::Hrp(
                HrpError::UnknownCurrency { position }
                | HrpError::InvalidMultiplier { position, .. }
                | HrpError::MissingDigits { position }
                | HrpError::LeadingZero { position }
                | HrpError::ZeroAmount { position }
                | HrpError::SubMillisatoshi { position }
                | HrpError::AmountTooLarge { position },
            )
            | DecodeError::Field(
                FieldError::Truncated { position, .. }
                | FieldError::WrongLength { position, .. }
                | FieldError::Duplicate { position, .. }
                | FieldError::NonMinimal { position, .. }
                | FieldError::ValueTooLarge { position, .. }
                | FieldError::NonZeroPadding { position, .. }
                | FieldError::NonCanonicalLength { position, .. }
                | FieldError::InvalidUtf8 { position }
                | FieldError::EmptyRoute { position }
                | FieldError::InvalidRouteLength { position, .. }
                | FieldError::InvalidFallback { position, .. }
                | FieldError::EmptyFallback { position }
                | FieldError::InvalidBlindedPath { position, .. },
            ) => Some(*position),
            _ => None,
        }
    }

    /// The rule the invoice breaks, by its ID in [`rules`](crate::rules) (`R-11`, `J-3`...),
    /// for developers and logs; the message, meant for a person, does not cite it. `None` for a
    /// network other than the one asked for, and a field cut short.
    pub fn rule(&self) -> Option<&'static str> {
        Some(match self {
            DecodeError::Bech32(e) => match e {
                Bech32Error::TooLong { .. } => "A-3",
                Bech32Error::InvalidChecksum => "A-5",
                Bech32Error::TooShort { .. } => "J-6",
                _ => "A-4",
            },
            DecodeError::Hrp(e) => match e {
                HrpError::NotLightning | HrpError::UnknownCurrency { .. } => "B-6",
                HrpError::WrongNetwork { .. } => return None,
                HrpError::InvalidMultiplier { .. } | HrpError::MissingDigits { .. } => "B-8",
                HrpError::SubMillisatoshi { .. } => "B-10",
                HrpError::LeadingZero { .. } | HrpError::ZeroAmount { .. } | HrpError::AmountTooLarge { .. } => "J-3",
            },
            DecodeError::Field(e) => match e {
                FieldError::Truncated { .. } => return None,
                FieldError::WrongLength { .. } => "R-2",
                FieldError::Duplicate { .. } => "J-2",
                FieldError::MissingPaymentHash => "W-1",
                FieldError::MissingPaymentSecret => "R-11",
                FieldError::MissingDescription | FieldError::DescriptionAndHash => "R-3",
                FieldError::NonMinimal { .. } => "R-15",
                FieldError::ValueTooLarge { .. } | FieldError::EmptyFallback { .. } => "J-8",
                FieldError::NonZeroPadding { .. } | FieldError::NonCanonicalLength { .. } => "J-5",
                FieldError::InvalidUtf8 { .. } => "W-5",
                FieldError::EmptyRoute { .. } | FieldError::InvalidRouteLength { .. } => "J-4",
                FieldError::InvalidFallback { .. } => "W-17",
                FieldError::InvalidBlindedPath { .. }
                | FieldError::BlindedPathWithRouteHint
                | FieldError::BlindedWithoutSecret
                | FieldError::BlindedWithoutFeature => "J-9",
                FieldError::UnknownRequiredFeature { .. } => "R-5",
                FieldError::MissingFeatureDependency { .. } => "G-2",
            },
            DecodeError::Signature(e) => match e {
                SignatureError::InvalidRecoveryId { .. } => "C-2",
                SignatureError::Malformed => "C-3",
                SignatureError::Unrecoverable => "R-10",
                SignatureError::InvalidPayeeKey | SignatureError::Invalid => "R-8",
                SignatureError::HighS => "R-9",
            },
        })
    }
}

/// Why the builder refused to make an invoice.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// No payment hash was given (W-1).
    #[error("a payment hash is required")]
    MissingPaymentHash,
    /// No payment secret was given (W-2).
    #[error("a payment secret is required")]
    MissingPaymentSecret,
    /// Neither a description nor a description hash was given (W-4).
    #[error("a description or a description hash is required")]
    MissingDescription,
    /// No timestamp was given (only possible without `std`, where there is no clock).
    #[error("a timestamp is required")]
    MissingTimestamp,
    /// A field that may appear once was set twice (W-1, W-2, W-4, W-9, W-11, W-14).
    #[error("field '{tag}' was set twice; it may appear only once")]
    Duplicate {
        /// The field's tag character.
        tag: char,
    },
    /// Both a description and a description hash were given (W-4).
    #[error("give a description or a description hash, not both")]
    DescriptionAndHash,
    /// The description or metadata is longer than one field can carry (639 bytes).
    #[error("field '{tag}' is {len} bytes long; at most {max} fit in one field")]
    FieldTooLong {
        /// The field's tag character.
        tag: char,
        /// The length given.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A route hint with no hops, or too many to fit in one field (W-19).
    #[error("a route hint must have between 1 and {max} hops; {len} were given")]
    InvalidRouteHint {
        /// Hops given.
        len: usize,
        /// The most that fit in one field.
        max: usize,
    },
    /// The amount is zero or above [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT) (B-3, J-3).
    #[error("the amount must be between 1 millisatoshi and 18,446,744.07 bitcoin")]
    InvalidAmount,
    /// A `min_final_cltv_expiry_delta` above 2^32 - 1 blocks, which readers refuse (J-8).
    #[error("min_final_cltv_expiry_delta {delta} is more blocks than any HTLC can wait (at most 4294967295)")]
    CltvTooLarge {
        /// The delta given.
        delta: u64,
    },
    /// The timestamp does not fit in 35 bits (C-1).
    #[error("the timestamp is past the year 3058 and does not fit in 35 bits")]
    TimestampTooLarge,
    /// A feature bit was given that cannot be written (above 5114).
    #[error("feature bit {bit} is too large to encode")]
    FeatureBitTooLarge {
        /// The bit.
        bit: usize,
    },
    /// A fallback whose program does not suit its version (W-17).
    #[error("fallback version {version} cannot carry a {len}-byte program")]
    InvalidFallback {
        /// The version.
        version: u8,
        /// The program length.
        len: usize,
    },
    /// A fallback address for another network than the invoice's.
    #[error("the fallback address is not an address on {network}")]
    FallbackNetwork {
        /// The invoice's network.
        network: Network,
    },
    /// The invoice would be longer than [`crate::MAX_INVOICE_LENGTH`].
    #[error("the invoice would be {len} characters long; at most {max} are allowed")]
    TooLong {
        /// The length it would have.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A required feature bit that BOLT 9 does not define for invoices (G-1): no reader could
    /// pay the invoice.
    #[error("feature bit {bit} is required but unknown to every reader; use its odd (optional) bit")]
    UnknownRequiredFeature {
        /// The even bit.
        bit: usize,
    },
    /// A feature is set without a feature it depends on (G-1, G-2).
    #[error("feature bit {bit} needs feature bit {requires} (or its optional bit) set too")]
    MissingFeatureDependency {
        /// The feature set.
        bit: usize,
        /// The even bit of the feature it needs.
        requires: usize,
    },
    /// The invoice made did not decode: a bug in this crate; please report it.
    #[error("internal error: the invoice made does not decode ({0})")]
    Internal(DecodeError),
    /// The signature returned by the signer does not recover the key it was meant for, or an
    /// `n` field names another key than the one that signs.
    #[error("the signature does not match the payee key")]
    BadSignature,
    /// Both the required and the optional bit of one feature (G-1: BOLT 9 forbids it).
    #[error("feature bits {bit} and {} are both set; set one of them", bit + 1)]
    BothFeatureBits {
        /// The even bit.
        bit: usize,
    },
    /// A raw field whose type or words are not 5-bit values, or longer than 1023 words.
    #[error("raw field of type {tag}: the type and every word must be below 32, and at most 1023 words")]
    InvalidRawField {
        /// The type given.
        tag: u8,
    },
    /// Blinded paths, no payment secret, and exact features without bit 262 or 263: readers that
    /// skip `b` would not know they cannot pay (bLIP-39).
    #[error("an invoice paid through blinded paths alone must set feature bit 262 or 263")]
    BlindedWithoutFeature,
    /// Blinded paths and route hints together: bLIP-39 forbids it, and readers refuse it.
    #[error("an invoice with blinded paths may not carry route hints (bLIP-39)")]
    BlindedPathWithRouteHint,
    /// A raw field of a type this crate reads (BOLT-11's, and bLIP-39's `b`): it has its own
    /// builder method, which checks it.
    #[error("field '{tag}' has its own builder method, which checks it: use that")]
    RawFieldDefined {
        /// The field's tag character.
        tag: char,
    },
}

impl BuildError {
    /// A stable, machine-readable name for the error, in `snake_case` (for bindings and JSON).
    pub fn kind(&self) -> &'static str {
        match self {
            BuildError::MissingPaymentHash => "missing_payment_hash",
            BuildError::MissingPaymentSecret => "missing_payment_secret",
            BuildError::MissingDescription => "missing_description",
            BuildError::MissingTimestamp => "missing_timestamp",
            BuildError::Duplicate { .. } => "duplicate_field",
            BuildError::DescriptionAndHash => "description_and_hash",
            BuildError::FieldTooLong { .. } => "field_too_long",
            BuildError::InvalidRouteHint { .. } => "invalid_route_hint",
            BuildError::InvalidAmount => "invalid_amount",
            BuildError::CltvTooLarge { .. } => "cltv_too_large",
            BuildError::TimestampTooLarge => "timestamp_too_large",
            BuildError::FeatureBitTooLarge { .. } => "feature_bit_too_large",
            BuildError::InvalidFallback { .. } => "invalid_fallback",
            BuildError::FallbackNetwork { .. } => "fallback_network",
            BuildError::TooLong { .. } => "too_long",
            BuildError::UnknownRequiredFeature { .. } => "unknown_required_feature",
            BuildError::MissingFeatureDependency { .. } => "missing_feature_dependency",
            BuildError::Internal(_) => "internal",
            BuildError::BadSignature => "bad_signature",
            BuildError::BothFeatureBits { .. } => "both_feature_bits",
            BuildError::InvalidRawField { .. } => "invalid_raw_field",
            BuildError::BlindedWithoutFeature => "blinded_without_feature",
            BuildError::BlindedPathWithRouteHint => "blinded_path_with_route_hint",
            BuildError::RawFieldDefined { .. } => "raw_field_defined",
        }
    }
}

/// Why [`InvoiceBuilder::sign_with`](crate::InvoiceBuilder::sign_with) made no invoice: the
/// invoice could not be built, or the caller's signer failed with its own error `E`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignOrBuildError<E> {
    /// The invoice could not be built, or the signature does not match the payee.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// The signer failed.
    #[error("the signer failed: {0}")]
    Sign(E),
}
