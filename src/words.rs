//! 5-bit words, read straight from the bech32 characters that carry them.
//!
//! The borrowed view never copies the data part: a [`Words`] is a slice of already-validated
//! bech32 characters, and each word is one table lookup away.

use crate::checksum::lookup;

/// A run of 5-bit words, backed by the bech32 characters of an invoice (either case).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Words<'a> {
    chars: &'a [u8],
}

impl core::fmt::Debug for Words<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // The characters are validated bech32, hence ASCII.
        let text = core::str::from_utf8(self.chars).unwrap_or("");
        write!(f, "Words({text:?})")
    }
}

impl<'a> Words<'a> {
    /// Wraps characters that the caller has already checked are bech32 data characters.
    pub(crate) fn new(chars: &'a [u8]) -> Self {
        Words { chars }
    }

    /// The number of words.
    #[inline]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether there are no words.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The word at `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<u8> {
        self.chars.get(index).map(|&c| lookup(c) & 31)
    }

    /// The bech32 characters these words are written as (lower or upper case, as received).
    pub fn as_chars(&self) -> &'a str {
        // Only ASCII bech32 characters are ever wrapped.
        core::str::from_utf8(self.chars).unwrap_or("")
    }

    /// The sub-range `start..start + len`, or `None` if it runs past the end.
    #[inline]
    pub(crate) fn slice(&self, start: usize, len: usize) -> Option<Words<'a>> {
        let end = start.checked_add(len)?;
        self.chars.get(start..end).map(Words::new)
    }

    /// The words from `start` on (empty if `start` is past the end).
    pub fn slice_from(&self, start: usize) -> Words<'a> {
        Words::new(self.chars.get(start..).unwrap_or(&[]))
    }

    /// Every word, in order.
    #[inline]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = u8> + ExactSizeIterator + 'a {
        self.chars.iter().map(|&c| lookup(c) & 31)
    }

    /// The words packed into bytes, most significant bit first; a last partial byte is dropped.
    #[inline]
    pub fn bytes(&self) -> Bytes<'a> {
        Bytes { words: *self, pos: 0, acc: 0, bits: 0 }
    }

    /// How many whole bytes the words carry.
    #[inline]
    pub fn byte_len(&self) -> usize {
        self.chars.len() * 5 / 8
    }

    /// Whether the bits left over after the last whole byte are all zero (W-23).
    pub fn padding_is_zero(&self) -> bool {
        let spare = (self.chars.len() * 5) % 8;
        match self.iter().last() {
            // `spare` < 8 and a word holds 5 bits; the spare bits may reach into the word before.
            Some(last) if spare <= 5 => last & ((1u8 << spare) - 1) == 0,
            Some(last) => {
                let prev = self.get(self.len().wrapping_sub(2)).unwrap_or(0);
                last == 0 && prev & ((1u8 << (spare - 5)) - 1) == 0
            }
            None => true,
        }
    }

    /// How many bits follow the last whole byte: BIP-173's conversion leaves at most four.
    pub fn padding_bits(&self) -> usize {
        (self.chars.len() * 5) % 8
    }

    /// Whether the words are exactly as many as their bytes need (`ceil(8 * bytes / 5)`), with
    /// every padding bit zero: the only way BIP-173's conversion writes those bytes (W-23), so
    /// a reader that re-encodes them gets back these words.
    pub fn is_canonical_bytes(&self) -> bool {
        self.padding_bits() < 5 && self.padding_is_zero()
    }

    /// The words as exactly `N` bytes, or `None` if they carry a different number of whole bytes.
    pub fn to_array<const N: usize>(&self) -> Option<[u8; N]> {
        if self.byte_len() != N {
            return None;
        }
        let mut out = [0u8; N];
        self.copy_bytes_to(&mut out)?;
        Some(out)
    }

    /// Writes the packed bytes into the front of `out` and returns how many; `None` if `out` is
    /// shorter than [`byte_len`](Self::byte_len). Eight words make five bytes at a time.
    pub fn copy_bytes_to(&self, out: &mut [u8]) -> Option<usize> {
        let n = self.byte_len();
        let out = out.get_mut(..n)?;
        let mut groups = self.chars.chunks_exact(8);
        let mut slots = out.chunks_exact_mut(5);
        for (group, slot) in (&mut groups).zip(&mut slots) {
            let v = group.iter().fold(0u64, |acc, &c| (acc << 5) | u64::from(lookup(c) & 31));
            slot.copy_from_slice(v.to_be_bytes().get(3..)?);
        }
        // The words left over (fewer than eight) make the last few bytes.
        let done = n - n % 5;
        let rest = Words::new(groups.remainder());
        for (o, b) in out.get_mut(done..)?.iter_mut().zip(rest.bytes()) {
            *o = b;
        }
        Some(n)
    }

    /// The words as a big-endian unsigned integer, or `None` if it does not fit in 64 bits.
    pub fn to_u64(&self) -> Option<u64> {
        let mut value = 0u64;
        for w in self.iter() {
            if value >> 59 != 0 {
                return None;
            }
            value = (value << 5) | u64::from(w);
        }
        Some(value)
    }

    /// Whether the first word is zero, i.e. the integer is not minimally encoded.
    pub fn has_leading_zero(&self) -> bool {
        self.get(0) == Some(0)
    }
}

/// Iterator over the bytes packed in a run of words (see [`Words::bytes`]).
#[derive(Clone, Debug)]
pub struct Bytes<'a> {
    words: Words<'a>,
    pos: usize,
    acc: u32,
    bits: u32,
}

impl Iterator for Bytes<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        while self.bits < 8 {
            let w = self.words.get(self.pos)?;
            self.pos += 1;
            self.acc = (self.acc << 5) | u32::from(w);
            self.bits += 5;
        }
        self.bits -= 8;
        let byte = (self.acc >> self.bits) as u8;
        self.acc &= (1 << self.bits) - 1;
        Some(byte)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let remaining = ((self.words.len() - self.pos.min(self.words.len())) * 5 + self.bits as usize) / 8;
        (remaining, Some(remaining))
    }
}

impl ExactSizeIterator for Bytes<'_> {}

/// Packs bytes into 5-bit words, zero-padding the last one (W-23).
#[cfg(any(feature = "alloc", test))]
pub(crate) fn bytes_to_words(bytes: impl IntoIterator<Item = u8>, mut out: impl FnMut(u8)) {
    let mut acc = 0u32;
    let mut bits = 0u32;
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out(((acc >> bits) & 31) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out(((acc << (5 - bits)) & 31) as u8);
    }
}

/// Number of words needed to carry `n` bytes.
#[cfg(test)]
pub(crate) const fn words_for_bytes(n: usize) -> usize {
    (n * 8 + 4) / 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emptiness_is_no_words() {
        assert!(Words::new(b"").is_empty());
        assert!(!Words::new(b"q").is_empty());
        assert_eq!(Words::new(b"qp").len(), 2);
    }

    #[test]
    fn packs_and_unpacks_bytes() {
        let bytes = [0x00u8, 0x01, 0x02, 0xff, 0x80];
        let mut words = [0u8; 8];
        let mut n = 0;
        bytes_to_words(bytes, |w| {
            words[n] = w;
            n += 1;
        });
        assert_eq!(n, words_for_bytes(bytes.len()));
        let chars: [u8; 8] = words.map(|w| crate::checksum::CHARSET[w as usize]);
        let back: [u8; 5] = Words::new(&chars).to_array().unwrap_or_default();
        assert_eq!(back, bytes);
        assert!(Words::new(&chars).padding_is_zero());
    }

    #[test]
    fn chunked_copy_matches_the_bit_iterator() {
        let alphabet = crate::checksum::CHARSET;
        for len in 0..40 {
            let chars: Vec<u8> = (0..len).map(|i| alphabet[(i * 7 + 3) % 32]).collect();
            let w = Words::new(&chars);
            let mut out = [0u8; 32];
            assert_eq!(w.copy_bytes_to(&mut out), Some(w.byte_len()));
            assert_eq!(&out[..w.byte_len()], &w.bytes().collect::<Vec<_>>()[..], "{len}");
            assert_eq!(w.copy_bytes_to(&mut out[..w.byte_len().saturating_sub(1)]).is_none(), w.byte_len() > 0);
        }
    }

    #[test]
    fn integer_overflow_is_detected() {
        // 13 words of 31 = 65 bits.
        let chars = [b'l'; 13];
        assert_eq!(Words::new(&chars).to_u64(), None);
        assert_eq!(Words::new(&chars[..12]).to_u64(), Some((1u64 << 60) - 1));
    }

    #[test]
    fn non_zero_padding_is_seen() {
        // One word: 5 bits, no whole byte: all five bits are padding.
        assert!(!Words::new(b"p").padding_is_zero());
        assert!(Words::new(b"q").padding_is_zero());
        // Two words = 10 bits: one byte and two padding bits (the low bits of the last word).
        assert!(!Words::new(b"qp").padding_is_zero());
        // `z` = 0b00010: its low two bits are 0b10.
        assert!(!Words::new(b"qz").padding_is_zero());
        assert!(Words::new(b"qg").padding_is_zero()); // `g` = 0b01000
                                                      // Seven padding bits (11 words, 55 bits): the last word and the low two bits of the one
                                                      // before. A spare word of zero after `z` (0b00010) or `p` (0b00001) still hides a 1.
        let eleven = |prev: u8, last: u8| {
            let mut w = [b'q'; 11];
            w[9] = prev;
            w[10] = last;
            Words::new(&w).padding_is_zero()
        };
        assert!(eleven(b'g', b'q'));
        assert!(!eleven(b'z', b'q'));
        assert!(!eleven(b'p', b'q'));
        assert!(!eleven(b'q', b'p'));
        // Six (6 words, 30 bits): the last word and the lowest bit of the one before.
        let six = |prev: u8, last: u8| Words::new(&[b'q', b'q', b'q', b'q', prev, last]).padding_is_zero();
        assert!(six(b'z', b'q'));
        assert!(!six(b'p', b'q'));
        assert!(!six(b'q', b'z'));
    }

    #[test]
    fn bytes_know_how_many_remain() {
        // 13 words = 65 bits: 8 bytes.
        let mut bytes = Words::new(b"qpzry9x8gf2tv").bytes();
        for left in (0..=8).rev() {
            assert_eq!(bytes.len(), left);
            assert_eq!(bytes.next().is_some(), left > 0);
        }
    }

    #[test]
    fn chars_are_the_text_received() {
        assert_eq!(Words::new(b"qpZRY9").as_chars(), "qpZRY9");
        assert_eq!(Words::new(b"").as_chars(), "");
    }

    #[test]
    fn canonical_bytes_take_the_fewest_words() {
        // "coffee": 6 bytes, 48 bits: 10 words (2 padding bits); an 11th, zero word is 7.
        let mut chars = Vec::new();
        bytes_to_words(*b"coffee", |w| chars.push(crate::checksum::CHARSET[usize::from(w)]));
        assert_eq!(chars.len(), 10);
        let ten = Words::new(&chars);
        assert_eq!((ten.padding_bits(), ten.is_canonical_bytes()), (2, true));
        chars.push(b'q');
        let eleven = Words::new(&chars);
        assert_eq!(eleven.byte_len(), 6);
        assert_eq!((eleven.padding_bits(), eleven.padding_is_zero(), eleven.is_canonical_bytes()), (7, true, false));
        // Four padding bits are the most a canonical encoding has (one byte in two words).
        assert!(Words::new(b"qq").is_canonical_bytes());
        // Five: one word holds no whole byte.
        assert!(!Words::new(b"q").is_canonical_bytes());
        assert!(Words::new(b"").is_canonical_bytes());
    }
}
