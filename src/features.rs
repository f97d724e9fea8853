//! Feature bits of the `9` field (section G), with their BOLT 9 names.
//!
//! "The field is big-endian. The least-significant bit is numbered 0": bit 0 is the low bit of
//! the last word.

use crate::words::Words;

/// A feature BOLT 9 defines for invoices: its even (required) bit and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownFeature {
    /// The even bit; the odd one above it is the optional form.
    pub bit: usize,
    /// The BOLT 9 name.
    pub name: &'static str,
    /// The even bit of a feature this one depends on (G-2).
    pub requires: Option<usize>,
}

/// The features this crate knows in invoices.
///
/// `var_onion_optin` (8/9) and `payment_secret` (14/15) are ASSUMED in BOLT 9 now, but every
/// invoice sets them, so readers treat them as known (requirements G, notes 4.7).
///
/// `bolt11_blinded_path` (262/263) is bLIP-39's: the invoice carries `b` fields, which this
/// crate reads ([`BlindedPath`](crate::BlindedPath)).
pub const KNOWN_FEATURES: [KnownFeature; 7] = [
    KnownFeature { bit: 8, name: "var_onion_optin", requires: None },
    KnownFeature { bit: 14, name: "payment_secret", requires: None },
    KnownFeature { bit: 16, name: "basic_mpp", requires: Some(14) },
    KnownFeature { bit: 24, name: "option_route_blinding", requires: None },
    KnownFeature { bit: 36, name: "option_attribution_data", requires: None },
    KnownFeature { bit: 48, name: "option_payment_metadata", requires: None },
    KnownFeature { bit: 262, name: "bolt11_blinded_path", requires: None },
];

/// The BOLT 9 feature a bit belongs to (either its required or optional bit).
pub fn known_feature(bit: usize) -> Option<&'static KnownFeature> {
    KNOWN_FEATURES.iter().find(|f| f.bit == bit & !1)
}

/// The feature bits of an invoice (empty when it has no `9` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features<'a> {
    words: Words<'a>,
}

impl<'a> Features<'a> {
    /// Features from the words of a `9` field.
    pub fn from_words(words: Words<'a>) -> Self {
        Features { words }
    }

    /// The raw words of the `9` field.
    pub fn words(&self) -> Words<'a> {
        self.words
    }

    /// Whether bit `bit` is set.
    pub fn is_set(&self, bit: usize) -> bool {
        match self.words.len().checked_sub(1 + bit / 5) {
            Some(from_end) => self.words.get(from_end).map_or(false, |w| (w >> (bit % 5)) & 1 == 1),
            None => false,
        }
    }

    /// Whether the feature whose even bit is `bit & !1` is offered, as required or optional.
    pub fn supports(&self, bit: usize) -> bool {
        self.is_set(bit & !1) || self.is_set(bit | 1)
    }

    /// Whether the feature is required: its even bit is set (BOLT 9: both set means required).
    pub fn requires(&self, bit: usize) -> bool {
        self.is_set(bit & !1)
    }

    /// Every set bit, lowest first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + 'a {
        self.words
            .iter()
            .rev()
            .enumerate()
            .flat_map(|(i, w)| (0..5).filter(move |b| (w >> b) & 1 == 1).map(move |b| i * 5 + b))
    }

    /// Whether no bit is set.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| w == 0)
    }

    /// Set even bits that are neither BOLT 9 invoice features nor in `extra_known`.
    pub fn unknown_required<'k>(&self, extra_known: &'k [usize]) -> impl Iterator<Item = usize> + 'k
    where
        'a: 'k,
    {
        self.iter().filter(move |&bit| {
            bit % 2 == 0 && known_feature(bit).is_none() && !extra_known.iter().any(|&k| k & !1 == bit)
        })
    }

    /// The first known feature set without a feature it depends on (G-2): `(bit, requires)`.
    pub fn missing_dependency(&self) -> Option<(usize, usize)> {
        KNOWN_FEATURES.iter().find_map(|f| match f.requires {
            Some(dep) if self.supports(f.bit) && !self.supports(dep) => Some((f.bit, dep)),
            _ => None,
        })
    }
}

/// The bits set, lowest first, each by its BOLT 9 name where it has one:
/// `var_onion_optin (8, required), payment_secret (14, required), bit 99 (optional)`; `none`
/// when no bit is set.
impl core::fmt::Display for Features<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut any = false;
        for bit in self.named() {
            if any {
                f.write_str(", ")?;
            }
            any = true;
            let need = if bit.is_required() { "required" } else { "optional" };
            match bit.name {
                Some(name) => write!(f, "{name} ({}, {need})", bit.bit)?,
                None => write!(f, "bit {} ({need})", bit.bit)?,
            }
        }
        if !any {
            f.write_str("none")?;
        }
        Ok(())
    }
}

/// A set feature bit with what is known about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureBit {
    /// The bit number.
    pub bit: usize,
    /// The BOLT 9 name, if the bit belongs to a feature this crate knows.
    pub name: Option<&'static str>,
}

impl FeatureBit {
    /// Whether the bit is even: the feature is required.
    pub fn is_required(&self) -> bool {
        self.bit % 2 == 0
    }
}

impl Features<'_> {
    /// Every set bit, with its name.
    pub fn named(&self) -> impl Iterator<Item = FeatureBit> + '_ {
        self.iter().map(|bit| FeatureBit { bit, name: known_feature(bit).map(|f| f.name) })
    }
}

/// Appends the minimal `9` field data for `bits` (W-21), most significant word first, in time
/// linear in the bits and words. Nothing for no bits: the field is omitted (W-22).
#[cfg(feature = "alloc")]
pub(crate) fn encode(bits: &[usize], out: &mut alloc::vec::Vec<u8>) {
    let n = match bits.iter().max() {
        Some(&max) => max / 5 + 1,
        None => return,
    };
    let start = out.len();
    out.resize(start + n, 0);
    for &b in bits {
        if let Some(w) = out.get_mut(start + n - 1 - b / 5) {
            *w |= 1 << (b % 5);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_feature_field_8_14() {
        // `sgq` = words 16, 8, 0: bits 14 and 8 (from the spec's first example).
        let f = Features::from_words(Words::new(b"sgq"));
        assert_eq!(f.iter().collect::<Vec<_>>(), vec![8, 14]);
        assert!(f.requires(8) && f.requires(14) && !f.supports(16));
        assert_eq!(f.unknown_required(&[]).count(), 0);
    }

    #[test]
    fn empty_means_no_bit_set_not_no_words() {
        // No words, all-zero words, and one optional bit (5) set.
        assert!(Features::from_words(Words::new(b"")).is_empty());
        assert!(Features::from_words(Words::new(b"qq")).is_empty());
        let f = Features::from_words(Words::new(b"pq"));
        assert!(!f.is_empty());
        assert!(f.is_set(5) && !f.is_set(4) && !f.requires(4) && !f.requires(5) && f.supports(4));
    }

    #[test]
    fn unknown_even_bit_is_reported_unless_known() {
        // Bits 8, 14, 99 and 100 (the spec's invalid example).
        let f = Features::from_words(Words::new(b"psqqqqqqqqqqqqqqqqsgq"));
        assert_eq!(f.iter().collect::<Vec<_>>(), vec![8, 14, 99, 100]);
        assert_eq!(f.unknown_required(&[]).collect::<Vec<_>>(), vec![100]);
        assert_eq!(f.unknown_required(&[101]).count(), 0);
    }

    fn chars(bits: &[usize]) -> Vec<u8> {
        let mut words = Vec::new();
        encode(bits, &mut words);
        words.iter().map(|&w| crate::checksum::CHARSET[usize::from(w)]).collect()
    }

    #[test]
    fn mpp_needs_payment_secret() {
        assert_eq!(Features::from_words(Words::new(&chars(&[17]))).missing_dependency(), Some((16, 14)));
        assert_eq!(Features::from_words(Words::new(&chars(&[15, 17]))).missing_dependency(), None);
    }

    #[test]
    #[cfg(feature = "alloc")]
    fn features_display_by_name() {
        use alloc::string::ToString;
        let f = Features::from_words(Words::new(b"psqqqqqqqqqqqqqqqqsgq"));
        assert_eq!(
            f.to_string(),
            "var_onion_optin (8, required), payment_secret (14, required), bit 99 (optional), bit 100 (required)"
        );
        assert_eq!(Features::from_words(Words::new(b"")).to_string(), "none");
    }

    #[test]
    fn encode_is_minimal() {
        let mut words = vec![7];
        encode(&[8, 14], &mut words);
        assert_eq!(words, vec![7, 16, 8, 0]);
        words.clear();
        encode(&[], &mut words);
        assert!(words.is_empty());
        assert_eq!(chars(&[0, 5114]).len(), 1023);
    }
}
