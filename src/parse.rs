//! The one pass from a string to a validated layout: bech32, prefix, amount, timestamp and
//! every tagged field, with the policy's rules applied. No heap, no signature work.
//!
//! The result, [`Parsed`], records where each field's data lies rather than copying it; the
//! borrowed view and the owned invoice both read their values from those places.

use crate::amount;
use crate::blinded;
use crate::checksum::{self, CHECKSUM_LEN, MAX_INVOICE_LENGTH, VALID_RESIDUE};
use crate::error::{Bech32Error, DecodeError, FieldError, HrpError};
use crate::fallback::Fallback;
use crate::features::Features;
use crate::field::{tag, tag_char, FieldIter, RawField, MAX_FIELD_BYTES};
use crate::network::Network;
use crate::policy::{DecodeOptions, Policy};
use crate::route::RouteHint;
use crate::words::Words;

/// The longest human-readable part BIP-173 allows.
const MAX_HRP_LEN: usize = 83;

/// Words in the timestamp (35 bits, C-1).
pub(crate) const TIMESTAMP_WORDS: usize = 7;
/// Words in the signature (520 bits, C-2).
pub(crate) const SIGNATURE_WORDS: usize = 104;
/// Words in a 32-byte field (`p`, `s`, `h`).
const HASH_WORDS: usize = 52;
/// Words in a 33-byte public key (`n`).
const PUBKEY_WORDS: usize = 53;
/// bLIP-39's feature, `bolt11_blinded_path` (its even bit).
const BLINDED_PATH_FEATURE: usize = 262;

/// Where a field's data lies: word offsets within the data part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: u16,
    pub(crate) len: u16,
}

/// An integer field (`x`, `c`): its value, and the word its data starts at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IntField {
    pub(crate) value: u64,
    pub(crate) start: u16,
}

/// The layout and plain values of a parsed invoice; the text itself is kept by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// Bytes of the human-readable part; the separator `1` follows it.
    pub(crate) hrp_len: u16,
    pub(crate) network: Network,
    pub(crate) amount_msat: Option<u64>,
    pub(crate) timestamp: u64,
    pub(crate) payment_hash: Span,
    pub(crate) payment_secret: Option<Span>,
    pub(crate) description: Option<Span>,
    pub(crate) description_hash: Option<Span>,
    pub(crate) payee: Option<Span>,
    pub(crate) features: Option<Span>,
    pub(crate) metadata: Option<Span>,
    pub(crate) expiry: Option<IntField>,
    pub(crate) min_final_cltv: Option<IntField>,
    pub(crate) fallbacks: u16,
    pub(crate) routes: u16,
    /// Well-formed `b` fields (J-9).
    pub(crate) blinded: u16,
    pub(crate) unknown: u16,
    /// Index of the first signature word within the data part.
    pub(crate) fields_end: u16,
    /// Whether the invoice was written in upper case.
    pub(crate) upper: bool,
    pub(crate) policy: Policy,
}

/// Strips surrounding whitespace and a `lightning:` prefix (any case).
///
/// Returns the invoice and how many bytes of `input` came before it.
pub(crate) fn strip(input: &str) -> (&str, usize) {
    let trimmed = input.trim_start();
    let mut offset = input.len() - trimmed.len();
    let mut s = trimmed.trim_end();
    const SCHEME: &str = "lightning:";
    if s.get(..SCHEME.len()).map_or(false, |p| p.eq_ignore_ascii_case(SCHEME)) {
        s = s.get(SCHEME.len()..).unwrap_or("");
        offset += SCHEME.len();
    }
    (s, offset)
}

/// Parses and validates everything but the signature.
///
/// Returns the invoice text (whitespace and `lightning:` removed), its layout, and the offset
/// of the text within `input`.
pub(crate) fn parse<'a>(input: &'a str, opts: &DecodeOptions<'_>) -> Result<(&'a str, Parsed), DecodeError> {
    let (text, offset) = strip(input);
    if text.len() > MAX_INVOICE_LENGTH {
        return Err(Bech32Error::TooLong { len: text.len(), max: MAX_INVOICE_LENGTH }.into());
    }
    if text.is_empty() {
        return Err(Bech32Error::Empty.into());
    }
    let bytes = text.as_bytes();
    // The separator is the last `1`. The data part cannot hold one, and BIP-173 limits
    // the prefix to 83 characters, so only the first 84 bytes need searching; a `1` later on
    // is reported as the invalid character it is.
    let head = bytes.get(..MAX_HRP_LEN + 1).unwrap_or(bytes);
    let sep = head.iter().rposition(|&c| c == b'1').ok_or(Bech32Error::MissingSeparator)?;
    let (hrp, rest) = bytes.split_at(sep);
    let data = rest.get(1..).unwrap_or(&[]);

    // printable ASCII in the prefix, bech32 characters in the data, one case throughout.
    if let Some(i) = hrp.iter().position(|c| !(33..=126).contains(c)) {
        return Err(invalid_char(text, i, offset));
    }
    let scan = checksum::scan(hrp, data).map_err(|i| invalid_char(text, sep + 1 + i, offset))?;
    let upper = scan.upper || hrp.iter().any(u8::is_ascii_uppercase);
    if upper && (scan.lower || hrp.iter().any(u8::is_ascii_lowercase)) {
        return Err(mixed_case(bytes, offset));
    }
    // Say "not an invoice" rather than "bad checksum" for other bech32 strings.
    if !hrp.get(..2).map_or(false, |p| p.eq_ignore_ascii_case(b"ln")) {
        return Err(HrpError::NotLightning.into());
    }
    //
    if data.len() < CHECKSUM_LEN || scan.residue != VALID_RESIDUE {
        return Err(if data.len() < CHECKSUM_LEN {
            Bech32Error::TooShort { words: 0, min: TIMESTAMP_WORDS + SIGNATURE_WORDS }
        } else {
            Bech32Error::InvalidChecksum
        }
        .into());
    }

    // Section B: currency and amount.
    let after_ln = hrp.get(2..).unwrap_or(&[]);
    let (network, prefix_len) =
        Network::split_prefix(after_ln).ok_or(HrpError::UnknownCurrency { position: offset + 2 })?;
    if let Some(expected) = opts.network.filter(|&n| n != network) {
        return Err(HrpError::WrongNetwork { expected, found: network }.into());
    }
    let amount_at = 2 + prefix_len;
    let amount_text = hrp.get(amount_at..).unwrap_or(&[]);
    let amount_msat = amount::parse(amount_text, offset + amount_at, opts.policy)?;

    // Section C: timestamp, fields, signature.
    let n_words = data.len() - CHECKSUM_LEN;
    let min = TIMESTAMP_WORDS + SIGNATURE_WORDS;
    if n_words < min {
        return Err(Bech32Error::TooShort { words: n_words, min }.into());
    }
    let words = Words::new(data.get(..n_words).unwrap_or(&[]));
    let timestamp = words.slice(0, TIMESTAMP_WORDS).and_then(|w| w.to_u64()).unwrap_or(0);
    let fields_end = n_words - SIGNATURE_WORDS;

    let mut layout = Layout::new(words, opts.policy, offset + sep + 1);
    for field in FieldIter::new(words, TIMESTAMP_WORDS, fields_end) {
        let field =
            field.map_err(|(t, start)| FieldError::Truncated { tag: tag_char(t), position: layout.position(start) })?;
        layout.field(field)?;
    }
    let parsed = layout.finish(
        opts,
        ParsedHead { hrp_len: sep as u16, network, amount_msat, timestamp, fields_end: fields_end as u16, upper },
    )?;
    Ok((text, parsed))
}

fn invalid_char(text: &str, at: usize, offset: usize) -> DecodeError {
    let ch = text.get(at..).and_then(|s| s.chars().next()).unwrap_or('\u{fffd}');
    Bech32Error::InvalidChar { position: offset + at, ch }.into()
}

fn mixed_case(bytes: &[u8], offset: usize) -> DecodeError {
    let first_upper = bytes.iter().find(|c| c.is_ascii_alphabetic()).map_or(false, u8::is_ascii_uppercase);
    let position = bytes
        .iter()
        .position(|c| if first_upper { c.is_ascii_lowercase() } else { c.is_ascii_uppercase() })
        .unwrap_or(0);
    Bech32Error::MixedCase { position: offset + position }.into()
}

/// The values read before the fields, passed through to [`Parsed`].
struct ParsedHead {
    hrp_len: u16,
    network: Network,
    amount_msat: Option<u64>,
    timestamp: u64,
    fields_end: u16,
    upper: bool,
}

/// The fields found so far.
struct Layout<'a> {
    /// The whole data part, for comparing a repeated field with its first occurrence.
    words: Words<'a>,
    policy: Policy,
    /// Position of the data part in the caller's input.
    base: usize,
    /// One bit per tag seen at least once, whatever its length.
    seen: u32,
    payment_hash: Option<Span>,
    payment_secret: Option<Span>,
    description: Option<Span>,
    description_hash: Option<Span>,
    payee: Option<Span>,
    features: Option<Span>,
    metadata: Option<Span>,
    expiry: Option<IntField>,
    min_final_cltv: Option<IntField>,
    fallbacks: u16,
    routes: u16,
    blinded: u16,
    unknown: u16,
}

impl<'a> Layout<'a> {
    fn new(words: Words<'a>, policy: Policy, base: usize) -> Self {
        Layout {
            words,
            policy,
            base,
            seen: 0,
            payment_hash: None,
            payment_secret: None,
            description: None,
            description_hash: None,
            payee: None,
            features: None,
            metadata: None,
            expiry: None,
            min_final_cltv: None,
            fallbacks: 0,
            routes: 0,
            blinded: 0,
            unknown: 0,
        }
    }

    fn strict(&self) -> bool {
        self.policy.is_strict()
    }

    /// The position in the caller's input of data word `index`.
    fn position(&self, index: usize) -> usize {
        self.base + index
    }

    /// Counts a field that is skipped but kept (unknown, or not usable under the policy).
    fn keep(&mut self) -> Result<(), DecodeError> {
        self.unknown = self.unknown.saturating_add(1);
        Ok(())
    }

    /// Keeps a field unless it was the one recorded.
    fn keep_unless(&mut self, recorded: bool) -> Result<(), DecodeError> {
        if recorded {
            Ok(())
        } else {
            self.keep()
        }
    }

    /// Strict readers hold byte-carrying data to the one encoding BIP-173's conversion gives
    /// (W-23, J-5): no more words than the bytes need, and zero padding. Any other encoding is
    /// one a re-encoding reader signs differently (rust-lightning issue 3693).
    fn check_bytes(&self, data: Words<'_>, tag: char, position: usize) -> Result<(), DecodeError> {
        if !self.strict() {
            return Ok(());
        }
        if data.padding_bits() >= 5 {
            let (len, bytes) = (data.len(), data.byte_len());
            return Err(FieldError::NonCanonicalLength { tag, position, len, bytes }.into());
        }
        if !data.padding_is_zero() {
            return Err(FieldError::NonZeroPadding { tag, position }.into());
        }
        Ok(())
    }

    fn field(&mut self, f: RawField<'a>) -> Result<(), DecodeError> {
        let position = self.position(f.start);
        let t = f.tag_char();
        let span = Span { start: f.data_start() as u16, len: f.data.len() as u16 };
        let first_of_its_tag = self.seen & (1 << f.tag) == 0;
        self.seen |= 1 << f.tag;
        match f.tag {
            tag::PAYMENT_HASH | tag::PAYMENT_SECRET | tag::DESCRIPTION_HASH => {
                // J-2, both policies: a second `p`, `s` or `h` fails, whatever the length of
                // either, so that no two readers can take two different hashes from one
                // invoice (lightning/bolts PR 1357).
                if !first_of_its_tag {
                    return Err(FieldError::Duplicate { tag: t, position }.into());
                }
                if f.data.len() != HASH_WORDS {
                    return self.wrong_length(t, position, f.data.len(), HASH_WORDS);
                }
                self.check_bytes(f.data, t, position)?;
                let slot = match f.tag {
                    tag::PAYMENT_HASH => &mut self.payment_hash,
                    tag::PAYMENT_SECRET => &mut self.payment_secret,
                    _ => &mut self.description_hash,
                };
                *slot = Some(span);
                Ok(())
            }
            tag::PAYEE => {
                if f.data.len() != PUBKEY_WORDS {
                    return self.wrong_length(t, position, f.data.len(), PUBKEY_WORDS);
                }
                self.check_bytes(f.data, t, position)?;
                // Lenient: the first `n` is the one the signature must verify against.
                let first = set_once(&mut self.payee, span, self.words, self.policy, true, t, position)?;
                self.keep_unless(first)
            }
            tag::DESCRIPTION => {
                self.check_bytes(f.data, t, position)?;
                // W-5: the description must be UTF-8 (both policies: it is shown to users).
                let mut buf = [0u8; MAX_FIELD_BYTES];
                let n = f.data.copy_bytes_to(&mut buf).unwrap_or(0);
                if core::str::from_utf8(buf.get(..n).unwrap_or(&[])).is_err() {
                    return Err(FieldError::InvalidUtf8 { position }.into());
                }
                let first = set_once(&mut self.description, span, self.words, self.policy, false, t, position)?;
                self.keep_unless(first)
            }
            tag::METADATA => {
                self.check_bytes(f.data, t, position)?;
                let first = set_once(&mut self.metadata, span, self.words, self.policy, true, t, position)?;
                self.keep_unless(first)
            }
            tag::FEATURES => {
                // R-15 (SHOULD, enforced in strict mode).
                if self.strict() && f.data.has_leading_zero() {
                    return Err(FieldError::NonMinimal { tag: t, position }.into());
                }
                let first = set_once(&mut self.features, span, self.words, self.policy, true, t, position)?;
                self.keep_unless(first)
            }
            tag::EXPIRY | tag::MIN_FINAL_CLTV => {
                // R-15 (SHOULD, enforced in strict mode).
                if self.strict() && f.data.has_leading_zero() {
                    return Err(FieldError::NonMinimal { tag: t, position }.into());
                }
                let value = f.data.to_u64().ok_or(FieldError::ValueTooLarge { tag: t, position })?;
                // J-8: a `c` beyond 32 bits names more blocks than an HTLC's CLTV expiry (a
                // u32, BOLT 4) can hold: no payment can meet it. Core Lightning and eclair refuse
                // it too, so both policies do.
                if f.tag == tag::MIN_FINAL_CLTV && value > u64::from(u32::MAX) {
                    return Err(FieldError::ValueTooLarge { tag: t, position }.into());
                }
                if !first_of_its_tag {
                    if self.strict() {
                        return Err(FieldError::Duplicate { tag: t, position }.into());
                    }
                    return self.keep();
                }
                let slot = if f.tag == tag::EXPIRY { &mut self.expiry } else { &mut self.min_final_cltv };
                // Where it starts, so that telling it from a later repeat takes no search.
                *slot = Some(IntField { value, start: span.start });
                Ok(())
            }
            // J-8: an `f` without even a version is malformed, not of an unknown version; lnd,
            // Core Lightning and lightning-invoice refuse it, and so do both policies.
            tag::FALLBACK if f.data.is_empty() => Err(FieldError::EmptyFallback { position }.into()),
            tag::FALLBACK => match Fallback::from_words(f.data) {
                Ok(Some(_)) => {
                    // The version word stands apart; the program is what is padded.
                    self.check_bytes(f.data.slice_from(1), t, position)?;
                    self.fallbacks = self.fallbacks.saturating_add(1);
                    Ok(())
                }
                // an unknown version is skipped (and kept, for hashing and re-encoding).
                Ok(None) => self.keep(),
                Err((version, len)) if self.strict() => {
                    Err(FieldError::InvalidFallback { position, version, len }.into())
                }
                Err(_) => self.keep(),
            },
            tag::ROUTE => match RouteHint::check(f.data) {
                Ok(()) => {
                    self.check_bytes(f.data, t, position)?;
                    self.routes = self.routes.saturating_add(1);
                    Ok(())
                }
                // J-4: strict readers reject empty and partial route hints.
                Err(0) if self.strict() => Err(FieldError::EmptyRoute { position }.into()),
                Err(bytes) if self.strict() => Err(FieldError::InvalidRouteLength { position, bytes }.into()),
                Err(_) => self.keep(),
            },
            // J-9: one blinded path per `b`, read exactly. Lenient readers skip and keep a
            // malformed one rather than guess (lnd ignores trailing bytes and zero-fills a cut
            // cipher text; neither is a path its writer could have meant).
            tag::BLINDED_PATH => match blinded::check_words(f.data) {
                Ok(()) => {
                    self.check_bytes(f.data, t, position)?;
                    self.blinded = self.blinded.saturating_add(1);
                    Ok(())
                }
                Err(error) if self.strict() => Err(FieldError::InvalidBlindedPath { position, error }.into()),
                Err(_) => self.keep(),
            },
            // J-1: unknown types are skipped, and kept.
            _ => self.keep(),
        }
    }

    /// A `p`, `s`, `h` or `n` of the wrong length: fails when strict; lenient readers
    /// skip it, as BOLT-11 said before 2025-06, and keep it.
    fn wrong_length(&mut self, tag: char, position: usize, len: usize, expected: usize) -> Result<(), DecodeError> {
        if self.strict() {
            return Err(FieldError::WrongLength { tag, position, len, expected }.into());
        }
        self.keep()
    }

    fn finish(self, opts: &DecodeOptions<'_>, head: ParsedHead) -> Result<Parsed, DecodeError> {
        let payment_hash = self.payment_hash.ok_or(FieldError::MissingPaymentHash)?; // W-1
        let seen = |t: u8| self.seen & (1 << t) != 0;
        // J-9, every profile: bLIP-39 forbids `b` with `r`, and lnd refuses it.
        if seen(tag::BLINDED_PATH) && seen(tag::ROUTE) {
            return Err(FieldError::BlindedPathWithRouteHint.into());
        }
        let features = Features::from_words(span_words(self.words, self.features));
        // strict readers require `s`. The legacy profile reads invoices from before payment
        // secrets, the blinded one lnd's blinded invoices (J-9), lenient both.
        if self.payment_secret.is_none() {
            match self.policy {
                Policy::Strict if self.blinded > 0 => return Err(FieldError::BlindedWithoutSecret.into()),
                Policy::Strict => return Err(FieldError::MissingPaymentSecret.into()),
                Policy::Blinded if self.blinded == 0 => return Err(FieldError::MissingPaymentSecret.into()),
                Policy::Blinded if !features.supports(BLINDED_PATH_FEATURE) => {
                    return Err(FieldError::BlindedWithoutFeature.into())
                }
                _ => {}
            }
        }
        // R-3, both policies.
        match (self.description, self.description_hash) {
            (None, None) => return Err(FieldError::MissingDescription.into()),
            (Some(_), Some(_)) => return Err(FieldError::DescriptionAndHash.into()),
            _ => {}
        }
        if self.strict() {
            // name the first unknown required bit.
            if let Some(bit) = features.unknown_required(opts.known_features).next() {
                return Err(FieldError::UnknownRequiredFeature { bit }.into());
            }
            // G-2.
            if let Some((bit, requires)) = features.missing_dependency() {
                return Err(FieldError::MissingFeatureDependency { bit, requires }.into());
            }
        }
        Ok(Parsed {
            hrp_len: head.hrp_len,
            network: head.network,
            amount_msat: head.amount_msat,
            timestamp: head.timestamp,
            payment_hash,
            payment_secret: self.payment_secret,
            description: self.description,
            description_hash: self.description_hash,
            payee: self.payee,
            features: self.features,
            metadata: self.metadata,
            expiry: self.expiry,
            min_final_cltv: self.min_final_cltv,
            fallbacks: self.fallbacks,
            routes: self.routes,
            blinded: self.blinded,
            unknown: self.unknown,
            fields_end: head.fields_end,
            upper: head.upper,
            policy: self.policy,
        })
    }
}

/// The words of a span (empty for `None`).
pub(crate) fn span_words<'a>(words: Words<'a>, span: Option<Span>) -> Words<'a> {
    span.and_then(|s| words.slice(usize::from(s.start), usize::from(s.len))).unwrap_or(Words::new(&[]))
}

/// Records a single-valued field, applying the duplicate rules (J-2); `Ok(false)` for a
/// repeat that lenient mode skips (and keeps).
///
/// Strict: any second occurrence fails. Lenient: the first is used; a second one with other
/// contents fails unless `may_differ` (false for `d`: "which description?" must not depend on
/// which library reads the invoice). `p`, `s` and `h` never get here twice.
fn set_once(
    slot: &mut Option<Span>,
    span: Span,
    words: Words<'_>,
    policy: Policy,
    may_differ: bool,
    tag: char,
    position: usize,
) -> Result<bool, DecodeError> {
    let first = match *slot {
        Some(first) => first,
        None => {
            *slot = Some(span);
            return Ok(true);
        }
    };
    // Compare word values, not characters: case does not matter here.
    let same = || span_words(words, Some(first)).iter().eq(span_words(words, Some(span)).iter());
    if policy.is_strict() || !(may_differ || same()) {
        return Err(FieldError::Duplicate { tag, position }.into());
    }
    Ok(false)
}
