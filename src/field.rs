//! Tagged fields: a 5-bit type, a 10-bit length and that many words of data (section D).

use crate::checksum::CHARSET;
use crate::words::Words;

/// The field types BOLT-11 defines, by the value of their tag word.
pub mod tag {
    /// `p`: payment hash, 52 words.
    pub const PAYMENT_HASH: u8 = 1;
    /// `r`: route hint.
    pub const ROUTE: u8 = 3;
    /// `9`: feature bits.
    pub const FEATURES: u8 = 5;
    /// `x`: expiry in seconds.
    pub const EXPIRY: u8 = 6;
    /// `f`: fallback address.
    pub const FALLBACK: u8 = 9;
    /// `d`: description.
    pub const DESCRIPTION: u8 = 13;
    /// `s`: payment secret, 52 words.
    pub const PAYMENT_SECRET: u8 = 16;
    /// `n`: payee public key, 53 words.
    pub const PAYEE: u8 = 19;
    /// `h`: description hash, 52 words.
    pub const DESCRIPTION_HASH: u8 = 23;
    /// `c`: min_final_cltv_expiry_delta.
    pub const MIN_FINAL_CLTV: u8 = 24;
    /// `m`: payment metadata.
    pub const METADATA: u8 = 27;
    /// `b`: a blinded payment path (bLIP-39, lnd's extension; not in BOLT-11 itself).
    pub const BLINDED_PATH: u8 = 20;
}

/// Whether this crate reads fields of type `tag`: those BOLT-11 defines and bLIP-39's `b`
/// (the constants of [`tag`]). Others are skipped and kept (J-1).
pub fn is_defined(tag: u8) -> bool {
    matches!(
        tag,
        tag::PAYMENT_HASH
            | tag::ROUTE
            | tag::FEATURES
            | tag::EXPIRY
            | tag::FALLBACK
            | tag::DESCRIPTION
            | tag::PAYMENT_SECRET
            | tag::PAYEE
            | tag::DESCRIPTION_HASH
            | tag::MIN_FINAL_CLTV
            | tag::METADATA
            | tag::BLINDED_PATH
    )
}

/// The most words a field can hold: its length has 10 bits (1023 words, 639 bytes).
pub const MAX_FIELD_WORDS: usize = 1023;

/// The most bytes a variable-length field (`d`, `m`) can carry.
pub const MAX_FIELD_BYTES: usize = MAX_FIELD_WORDS * 5 / 8;

/// The character a tag value is written as (`p` for 1, `d` for 13, ...).
pub fn tag_char(tag: u8) -> char {
    CHARSET.get(usize::from(tag)).map_or('?', |&c| char::from(c))
}

/// A tagged field as it stands in the invoice, unparsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawField<'a> {
    /// The type word (see [`tag`]).
    pub tag: u8,
    /// The data words.
    pub data: Words<'a>,
    /// Index of the type word within the data part (the timestamp starts at 0).
    pub(crate) start: usize,
}

impl RawField<'_> {
    /// The character the field's type is written as.
    pub fn tag_char(&self) -> char {
        tag_char(self.tag)
    }

    /// Index of the first data word within the data part.
    pub(crate) fn data_start(&self) -> usize {
        self.start + 3
    }
}

/// Walks the tagged fields between the timestamp and the signature.
#[derive(Clone, Debug)]
pub(crate) struct FieldIter<'a> {
    /// The whole data part (timestamp, fields, signature), minus the checksum.
    data: Words<'a>,
    pos: usize,
    end: usize,
}

impl<'a> FieldIter<'a> {
    /// Fields of `data` from word `start` up to word `end`.
    pub(crate) fn new(data: Words<'a>, start: usize, end: usize) -> Self {
        FieldIter { data, pos: start, end }
    }
}

impl<'a> Iterator for FieldIter<'a> {
    /// A field, or the tag and start of one that runs past the end.
    type Item = Result<RawField<'a>, (u8, usize)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        let tag = self.data.get(start).unwrap_or(0);
        let header = (self.data.get(start + 1), self.data.get(start + 2));
        let field = match header {
            (Some(hi), Some(lo)) => {
                let len = usize::from(hi) * 32 + usize::from(lo);
                // `start + 3 + len <= end` below also keeps the header itself before `end`.
                self.data.slice(start + 3, len).filter(|_| start + 3 + len <= self.end).map(|data| RawField {
                    tag,
                    data,
                    start,
                })
            }
            _ => None,
        };
        match field {
            Some(f) => {
                self.pos = f.data_start() + f.data.len();
                Some(Ok(f))
            }
            None => {
                self.pos = self.end;
                Some(Err((tag, start)))
            }
        }
    }
}
