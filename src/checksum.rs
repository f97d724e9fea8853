//! The bech32 character set and checksum (BIP-173, constant 1), as one fused pass.
//!
//! BOLT-11 invoices are bech32 strings far beyond BIP-173's 90 characters, so the
//! generic `bech32` crate has to be told a longer code length. On the hot path we use this
//! small table-driven implementation instead: it maps characters to 5-bit words and folds
//! them into the checksum in the same loop. `tests/checksum_equivalence.rs` holds it equal to
//! the `bech32` crate (classic bech32, not bech32m: A-1).

/// The longest invoice accepted, in characters (the limit lnd and rust-lightning use): the
/// code length of [`Bolt11Bech32`].
pub const MAX_INVOICE_LENGTH: usize = 7089;

/// Classic bech32 (BIP-173) with BOLT-11's longer code length, for use with the `bech32`
/// crate's generic API (its own `Bech32` stops at 1023 characters; invoices reach 7089).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bolt11Bech32 {}

impl bech32::Checksum for Bolt11Bech32 {
    type MidstateRepr = <bech32::Bech32 as bech32::Checksum>::MidstateRepr;
    const CODE_LENGTH: usize = MAX_INVOICE_LENGTH;
    const CHECKSUM_LENGTH: usize = bech32::Bech32::CHECKSUM_LENGTH;
    const GENERATOR_SH: [u32; 5] = bech32::Bech32::GENERATOR_SH;
    const TARGET_RESIDUE: u32 = bech32::Bech32::TARGET_RESIDUE;
}

/// The bech32 alphabet, indexed by 5-bit value.
pub(crate) const CHARSET: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/// Marks a byte that is not a bech32 data character.
pub(crate) const INVALID: u8 = 0xff;

/// Flag in a [`REVERSE`] entry: the character is a lower-case letter.
pub(crate) const LOWER: u8 = 0x20;

/// Flag in a [`REVERSE`] entry: the character is an upper-case letter.
pub(crate) const UPPER: u8 = 0x40;

/// Reverse table: ASCII byte (either case) to its 5-bit value, with [`LOWER`] or [`UPPER`] set
/// for letters, or [`INVALID`]. OR-ing the entries of a string tells, with no branch, whether
/// any character was invalid and which cases it used.
#[allow(clippy::indexing_slicing)] // Built at compile time: an index out of range fails the build.
pub(crate) const REVERSE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 32 {
        let c = CHARSET[i];
        if c.is_ascii_digit() {
            table[c as usize] = i as u8;
        } else {
            table[c as usize] = i as u8 | LOWER;
            table[c.to_ascii_uppercase() as usize] = i as u8 | UPPER;
        }
        i += 1;
    }
    table
};

const GENERATOR: [u32; 5] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3];

/// The checksum update for all 32 values of the top five bits, so one step is one lookup.
#[allow(clippy::indexing_slicing)] // Built at compile time: an index out of range fails the build.
const STEP: [u32; 32] = {
    let mut table = [0u32; 32];
    let mut top = 0;
    while top < 32 {
        let mut acc = 0u32;
        let mut bit = 0;
        while bit < 5 {
            if (top >> bit) & 1 == 1 {
                acc ^= GENERATOR[bit];
            }
            bit += 1;
        }
        table[top] = acc;
        top += 1;
    }
    table
};

/// The residue a valid bech32 (not bech32m) checksum leaves.
pub(crate) const VALID_RESIDUE: u32 = 1;

/// Number of characters in the checksum.
pub(crate) const CHECKSUM_LEN: usize = 6;

/// A running bech32 checksum.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Checksum(u32);

impl Checksum {
    /// A checksum seeded with the human-readable part, which must be lower case ASCII.
    pub(crate) fn with_hrp(hrp: &[u8]) -> Self {
        let mut ck = Checksum(1);
        for &c in hrp {
            ck.push(c.to_ascii_lowercase() >> 5);
        }
        ck.push(0);
        for &c in hrp {
            ck.push(c.to_ascii_lowercase() & 31);
        }
        ck
    }

    /// Folds in one 5-bit word.
    #[inline(always)]
    #[allow(clippy::indexing_slicing)] // `top & 31` < 32 = STEP.len()
    pub(crate) fn push(&mut self, word: u8) {
        let top = (self.0 >> 25) as usize;
        self.0 = ((self.0 & 0x01ff_ffff) << 5) ^ u32::from(word) ^ STEP[top & 31];
    }

    /// The residue after all words (including the checksum words) were pushed.
    pub(crate) fn residue(self) -> u32 {
        self.0
    }

    /// The six checksum words for the data pushed so far.
    #[cfg(any(feature = "alloc", test))]
    pub(crate) fn finish(mut self) -> [u8; CHECKSUM_LEN] {
        for _ in 0..CHECKSUM_LEN {
            self.push(0);
        }
        let value = self.0 ^ VALID_RESIDUE;
        let mut out = [0u8; CHECKSUM_LEN];
        for (i, o) in out.iter_mut().enumerate() {
            *o = ((value >> (5 * (5 - i))) & 31) as u8;
        }
        out
    }
}

/// The word for a bech32 character (either case), or [`INVALID`].
#[inline(always)]
#[allow(clippy::indexing_slicing)] // A `u8` always indexes the 256-entry table.
pub(crate) fn lookup(c: u8) -> u8 {
    REVERSE[usize::from(c)]
}

/// The character for a word (its low five bits).
#[cfg(feature = "alloc")]
#[inline(always)]
#[allow(clippy::indexing_slicing)] // `w & 31` < 32 = CHARSET.len()
pub(crate) fn to_char(w: u8) -> char {
    char::from(CHARSET[usize::from(w & 31)])
}

/// Two checksum steps with zero words from a state whose only bits are `top << 20`: XOR-linear,
/// so this is exactly what the state's top ten bits contribute two words later.
#[allow(clippy::indexing_slicing)] // Masked to five bits: < 32 = STEP.len().
const fn two_steps(top: u32) -> u32 {
    let mut c = top << 20;
    let mut i = 0;
    while i < 2 {
        c = ((c & 0x01ff_ffff) << 5) ^ STEP[(c >> 25) as usize & 31];
        i += 1;
    }
    c
}

/// Two checksum steps at once: the update for the top ten bits, so that a pair of words is
/// one lookup and the chain of dependent operations is half as long.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::indexing_slicing)] // Built at compile time: an index out of range fails the build.
const STEP2: [u32; 1024] = {
    let mut table = [0u32; 1024];
    let mut top = 0;
    while top < 1024 {
        table[top] = two_steps(top as u32);
        top += 1;
    }
    table
};

/// [`STEP2`] as the XOR of two 32-entry tables, one per five bits (`[high, low]`): 256 bytes
/// instead of 4 KB. On WebAssembly, where every page that uses the module downloads the table
/// (4 KB of gzip, a tenth of the decode-only build), this is what decoding uses; measured in
/// V8 it decodes within 4% of the large table's time, while natively it is 18% slower on a
/// long invoice.
#[cfg(any(target_arch = "wasm32", test))]
#[allow(clippy::indexing_slicing)] // Built at compile time: an index out of range fails the build.
const STEP2_HALVES: [[u32; 32]; 2] = {
    let mut table = [[0u32; 32]; 2];
    let mut bits = 0;
    while bits < 32 {
        table[0][bits] = two_steps((bits as u32) << 5);
        table[1][bits] = two_steps(bits as u32);
        bits += 1;
    }
    table
};

/// What the top ten bits of the state (`top`, below 1024) contribute two words later.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
#[allow(clippy::indexing_slicing)] // Masked to ten bits: < 1024 = STEP2.len().
fn step2(top: u32) -> u32 {
    STEP2[top as usize & 1023]
}

/// What the top ten bits of the state (`top`, below 1024) contribute two words later.
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
#[allow(clippy::indexing_slicing)] // Masked to five bits: < 32 = STEP2_HALVES[i].len().
fn step2_halves(top: u32) -> u32 {
    STEP2_HALVES[0][(top >> 5) as usize & 31] ^ STEP2_HALVES[1][top as usize & 31]
}

#[cfg(target_arch = "wasm32")]
use step2_halves as step2;

/// What one pass over the data part found.
pub(crate) struct Scan {
    /// The checksum residue over the HRP and every data character, checksum included.
    pub(crate) residue: u32,
    /// Whether an upper-case letter was seen.
    pub(crate) upper: bool,
    /// Whether a lower-case letter was seen.
    pub(crate) lower: bool,
}

/// Maps every data character to its word and folds it into the checksum, in one pass.
///
/// Returns the index (within `data`) of the first byte that is not a bech32 character.
#[allow(clippy::indexing_slicing)] // `chunks_exact(2)` gives pairs: indices 0 and 1 exist.
pub(crate) fn scan(hrp: &[u8], data: &[u8]) -> Result<Scan, usize> {
    let mut ck = Checksum::with_hrp(hrp);
    // Every entry OR-ed together: invalid characters and both cases show up at the end.
    let mut seen = 0u8;
    let mut c = ck.0;
    let mut pairs = data.chunks_exact(2);
    for pair in &mut pairs {
        let (wa, wb) = (lookup(pair[0]), lookup(pair[1]));
        seen |= wa | wb;
        let words = (u32::from(wa & 31) << 5) | u32::from(wb & 31);
        c = ((c & 0x000f_ffff) << 10) ^ words ^ step2(c >> 20);
    }
    ck.0 = c;
    if let [last] = pairs.remainder() {
        let w = lookup(*last);
        seen |= w;
        ck.push(w & 31);
    }
    if seen & 0x80 != 0 {
        return Err(data.iter().position(|&b| lookup(b) == INVALID).unwrap_or(0));
    }
    Ok(Scan { residue: ck.residue(), upper: seen & UPPER != 0, lower: seen & LOWER != 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverse_table_round_trips_both_cases() {
        for (i, &c) in CHARSET.iter().enumerate() {
            assert_eq!(REVERSE[c as usize] & 31, i as u8);
            assert_eq!(REVERSE[c.to_ascii_uppercase() as usize] & 31, i as u8);
            if c.is_ascii_alphabetic() {
                assert_eq!(REVERSE[c as usize] & (LOWER | UPPER), LOWER);
                assert_eq!(REVERSE[c.to_ascii_uppercase() as usize] & (LOWER | UPPER), UPPER);
            }
        }
        assert_eq!(REVERSE[b'1' as usize], INVALID);
        assert_eq!(REVERSE[b'b' as usize], INVALID);
        assert_eq!(REVERSE[b'i' as usize], INVALID);
        assert_eq!(REVERSE[b'o' as usize], INVALID);
    }

    #[test]
    fn bip173_valid_string_has_valid_residue() {
        // BIP-173 test vector "a12uel5l".
        let s = scan(b"a", b"2uel5l").ok().map(|s| s.residue);
        assert_eq!(s, Some(VALID_RESIDUE));
    }

    #[test]
    fn two_steps_equal_one_step_twice() {
        // The state has 30 bits; its top ten, after two zero words, through each table.
        for top in 0..1024u32 {
            let mut ck = Checksum(top << 20);
            ck.push(0);
            ck.push(0);
            assert_eq!(step2(top), ck.residue(), "{top}");
            assert_eq!(step2_halves(top), ck.residue(), "{top}");
        }
    }

    #[test]
    fn finish_produces_a_checksum_that_validates() {
        let words = [1u8, 2, 3, 31, 0];
        let mut ck = Checksum::with_hrp(b"lnbc");
        for w in words {
            ck.push(w);
        }
        let sum = ck.finish();
        for w in sum {
            ck.push(w);
        }
        assert_eq!(ck.residue(), VALID_RESIDUE);
    }
}
