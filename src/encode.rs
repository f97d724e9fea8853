//! Writing words back out as a bech32 string with its checksum (A-1).

use alloc::string::String;
use alloc::vec::Vec;

use crate::checksum::{to_char, Checksum, CHECKSUM_LEN};
use crate::words::bytes_to_words;

/// Collects the data words of an invoice being written.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordWriter {
    pub(crate) words: Vec<u8>,
}

impl WordWriter {
    /// Appends an unsigned integer in exactly `n` words, big-endian.
    pub(crate) fn push_int(words: &mut Vec<u8>, value: u64, n: usize) {
        for i in (0..n).rev() {
            let shift = 5 * i;
            words.push(if shift < 64 { ((value >> shift) & 31) as u8 } else { 0 });
        }
    }

    /// Appends a tagged field: type, 10-bit length, then the words `write` produces.
    pub(crate) fn push_field(&mut self, tag: u8, write: impl FnOnce(&mut Vec<u8>)) {
        self.words.push(tag);
        let len_at = self.words.len();
        self.words.extend_from_slice(&[0, 0]);
        write(&mut self.words);
        let len = self.words.len() - len_at - 2;
        if let Some(slot) = self.words.get_mut(len_at..len_at + 2) {
            slot.copy_from_slice(&[((len >> 5) & 31) as u8, (len & 31) as u8]);
        }
    }

    /// Appends bytes as words, zero-padded (W-23).
    pub(crate) fn push_bytes(words: &mut Vec<u8>, bytes: &[u8]) {
        bytes_to_words(bytes.iter().copied(), |w| words.push(w));
    }
}

/// The fewest words that hold `value` (0 words for 0): minimal encoding (W-10, W-13).
pub(crate) fn int_words(value: u64) -> usize {
    (64 - value.leading_zeros() as usize + 4) / 5
}

/// `hrp` + `1` + the words as characters + the checksum, in lower case.
/// 5-bit `words` as a bech32 string (BIP-173's checksum, with no length limit) under the
/// human-readable part `hrp`, as invoices are written: for showing words a reader keeps, as
/// bitcoinjs' `bolt11` does (`temp1...`). `None` if a word is 32 or more.
///
/// ```
/// let s = lightning_bolt11::words_to_bech32("temp", &[0, 31]).unwrap();
/// assert!(s.starts_with("temp1q"));
/// assert_eq!(lightning_bolt11::words_to_bech32("temp", &[32]), None);
/// ```
pub fn words_to_bech32(hrp: &str, words: &[u8]) -> Option<String> {
    words.iter().all(|&w| w < 32).then(|| to_bech32(hrp, words))
}

pub(crate) fn to_bech32(hrp: &str, words: &[u8]) -> String {
    let mut out = String::with_capacity(hrp.len() + 1 + words.len() + CHECKSUM_LEN);
    out.push_str(hrp);
    out.push('1');
    let mut ck = Checksum::with_hrp(hrp.as_bytes());
    for &w in words {
        ck.push(w);
        out.push(to_char(w));
    }
    for w in ck.finish() {
        out.push(to_char(w));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_integer_lengths() {
        assert_eq!(int_words(0), 0);
        assert_eq!(int_words(1), 1);
        assert_eq!(int_words(31), 1);
        assert_eq!(int_words(32), 2);
        assert_eq!(int_words(60), 2);
        assert_eq!(int_words(u64::MAX), 13);
    }

    #[test]
    fn field_length_is_written_in_two_words() {
        let mut w = WordWriter::default();
        w.push_field(6, |v| v.extend_from_slice(&[1, 28]));
        assert_eq!(w.words, vec![6, 0, 2, 1, 28]);
    }
}
