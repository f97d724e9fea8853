//! Blinded payment paths, the `b` field (type 20) that lnd writes (bLIP-39, J-9).
//!
//! A `b` field holds one path, as bytes: the path's relay parameters (fee base `u32`, fee rate
//! `u32`, CLTV delta `u16`, HTLC minimum and maximum `u64`), its feature vector (`u16` length,
//! then bytes), the first ephemeral blinding point (33 bytes), a hop count (one byte), and per
//! hop a blinded node id (33 bytes) and its encrypted data (BigSize length, then bytes). All
//! integers are big-endian. Several `b` fields are several paths, in order.
//!
//! Reading is exact: a field this crate accepts holds exactly one path, whose every point is
//! on the curve and whose every length is canonical and fits; nothing is guessed at or padded.

use core::fmt;

use crate::field::MAX_FIELD_BYTES;
use crate::words::Words;

/// Bytes before the feature vector's bytes: the relay parameters (26) and its length (2).
const HEAD_LEN: usize = 28;

/// Bytes of a compressed public key.
const POINT_LEN: usize = 33;

/// The fewest bytes a path takes: no features, one hop with no encrypted data.
pub const MIN_BLINDED_PATH_LEN: usize = HEAD_LEN + POINT_LEN + 1 + POINT_LEN + 1;

/// Why the bytes of a `b` field are not one blinded path.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BlindedPathError {
    /// The field has no data.
    #[error("it is empty")]
    Empty,
    /// The path ends before its relay parameters, features, blinding point or hop count.
    #[error("it is cut short before its first hop")]
    PathTruncated,
    /// The hop count is zero: a path needs at least its introduction node.
    #[error("it has no hops")]
    NoHops,
    /// A hop ends within its node id or its encrypted data's length.
    #[error("hop {hop} is cut short")]
    HopTruncated {
        /// The hop, counted from 0.
        hop: u8,
    },
    /// The data ends, at a hop's boundary, before the number of hops the path declares.
    #[error("it declares {declared} hops but holds {found}")]
    MissingHops {
        /// The hop count written.
        declared: u8,
        /// The hops the data holds.
        found: u8,
    },
    /// The first ephemeral blinding point, or a hop's blinded node id, is not a point on the curve.
    #[error("{} is not a point on the curve", PointName(*hop))]
    InvalidPoint {
        /// The hop whose node id it is, or `None` for the first ephemeral blinding point.
        hop: Option<u8>,
    },
    /// A hop's encrypted-data length is a BigSize written in more bytes than its value needs.
    #[error("hop {hop}'s encrypted data length is not minimally encoded")]
    NonCanonicalLength {
        /// The hop, counted from 0.
        hop: u8,
    },
    /// A hop's encrypted data is longer than what is left of the field.
    #[error("hop {hop} claims {len} bytes of encrypted data; {available} are left")]
    DataTooLong {
        /// The hop, counted from 0.
        hop: u8,
        /// The length written.
        len: u64,
        /// The bytes left in the field.
        available: usize,
    },
    /// Bytes follow the last hop: a field holds exactly one path.
    #[error("{len} bytes follow its last hop")]
    TrailingBytes {
        /// How many.
        len: usize,
    },
    /// A path being built does not fit in one field (639 bytes).
    #[error("it takes {len} bytes; one field holds at most {max}")]
    TooLong {
        /// The bytes it would take.
        len: usize,
        /// The limit.
        max: usize,
    },
}

/// "the first ephemeral blinding point" or "hop N's node id".
struct PointName(Option<u8>);

impl fmt::Display for PointName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("the first ephemeral blinding point"),
            Some(hop) => write!(f, "hop {hop}'s blinded node id"),
        }
    }
}

/// A cursor over a path's bytes.
struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let out = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(out)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N).and_then(|b| b.try_into().ok())
    }

    fn rest(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    /// A BigSize (BOLT 1): `Ok(None)` when cut short, `Err(())` when not minimal.
    fn big_size(&mut self) -> Result<Option<u64>, ()> {
        let first = match self.take(1).and_then(|b| b.first().copied()) {
            Some(b) => b,
            None => return Ok(None),
        };
        let (value, min) = match first {
            0xfd => (self.array::<2>().map(|b| u64::from(u16::from_be_bytes(b))), 0xfd),
            0xfe => (self.array::<4>().map(|b| u64::from(u32::from_be_bytes(b))), 0x1_0000),
            0xff => (self.array::<8>().map(u64::from_be_bytes), 0x1_0000_0000),
            n => return Ok(Some(u64::from(n))),
        };
        match value {
            Some(v) if v < min => Err(()),
            v => Ok(v),
        }
    }
}

fn is_point(bytes: &[u8; POINT_LEN]) -> bool {
    secp256k1::PublicKey::from_slice(bytes).is_ok()
}

/// One hop of a blinded path: its blinded node id (the real id of the introduction node, for
/// the first hop) and the data encrypted for it (BOLT 4's `encrypted_recipient_data`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BlindedHop<'p> {
    /// The blinded node id, 33 bytes (a point on the curve).
    pub blinded_node_id: [u8; POINT_LEN],
    /// The encrypted data.
    pub encrypted_data: &'p [u8],
}

impl BlindedHop<'_> {
    /// The node id as a public key (always one in a decoded invoice).
    pub fn blinded_node_pubkey(&self) -> Option<secp256k1::PublicKey> {
        secp256k1::PublicKey::from_slice(&self.blinded_node_id).ok()
    }
}

/// The hops of a [`BlindedPath`], in order from the introduction node.
#[derive(Clone, Debug)]
pub struct BlindedHops<'p> {
    reader: Reader<'p>,
    left: u8,
}

impl<'p> Iterator for BlindedHops<'p> {
    type Item = BlindedHop<'p>;

    fn next(&mut self) -> Option<BlindedHop<'p>> {
        self.left = self.left.checked_sub(1)?;
        let blinded_node_id = self.reader.array::<POINT_LEN>()?;
        let len = self.reader.big_size().ok().flatten()?;
        let encrypted_data = self.reader.take(usize::try_from(len).ok()?)?;
        Some(BlindedHop { blinded_node_id, encrypted_data })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::from(self.left), Some(usize::from(self.left)))
    }
}

impl ExactSizeIterator for BlindedHops<'_> {}

impl Clone for Reader<'_> {
    fn clone(&self) -> Self {
        Reader { bytes: self.bytes, pos: self.pos }
    }
}

impl fmt::Debug for Reader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reader").field("pos", &self.pos).field("len", &self.bytes.len()).finish()
    }
}

/// A blinded payment path: one `b` field, read (J-9). It holds a copy of the field's bytes
/// (at most 639, on the stack: no heap), validated.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BlindedPath {
    bytes: [u8; MAX_FIELD_BYTES],
    len: u16,
}

impl fmt::Debug for BlindedPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlindedPath")
            .field("fee_base_msat", &self.fee_base_msat())
            .field("fee_proportional_millionths", &self.fee_proportional_millionths())
            .field("cltv_expiry_delta", &self.cltv_expiry_delta())
            .field("htlc_minimum_msat", &self.htlc_minimum_msat())
            .field("htlc_maximum_msat", &self.htlc_maximum_msat())
            .field("features", &self.features())
            .field("hops", &self.hops().len())
            .finish()
    }
}

/// The relay parameters of a blinded path, for building one: the totals over the path, as
/// BOLT 4 accumulates them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BlindedPayInfo {
    /// Base fee in millisatoshis.
    pub fee_base_msat: u32,
    /// Proportional fee in millionths.
    pub fee_proportional_millionths: u32,
    /// CLTV expiry delta.
    pub cltv_expiry_delta: u16,
    /// The least HTLC the path forwards, msat.
    pub htlc_minimum_msat: u64,
    /// The largest HTLC the path forwards, msat.
    pub htlc_maximum_msat: u64,
}

impl BlindedPath {
    /// Reads and checks one path from a field's bytes.
    ///
    /// # Errors
    /// A [`BlindedPathError`] saying what is malformed: empty, cut short, too few hops, a point
    /// off the curve, a non-minimal or over-long length, bytes after the last hop.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BlindedPathError> {
        check(bytes)?;
        let mut out = BlindedPath { bytes: [0; MAX_FIELD_BYTES], len: 0 };
        let dst = out
            .bytes
            .get_mut(..bytes.len())
            .ok_or(BlindedPathError::TooLong { len: bytes.len(), max: MAX_FIELD_BYTES })?;
        dst.copy_from_slice(bytes);
        out.len = bytes.len() as u16;
        Ok(out)
    }

    /// Reads and checks one path from a `b` field's words (a last partial byte is padding).
    ///
    /// # Errors
    /// As [`from_bytes`](Self::from_bytes).
    pub fn from_words(words: Words<'_>) -> Result<Self, BlindedPathError> {
        let mut buf = [0u8; MAX_FIELD_BYTES];
        let n = words
            .copy_bytes_to(&mut buf)
            .ok_or(BlindedPathError::TooLong { len: words.byte_len(), max: MAX_FIELD_BYTES })?;
        Self::from_bytes(buf.get(..n).unwrap_or(&[]))
    }

    /// A path from its parts, as lnd writes it, checked as a reader checks it.
    ///
    /// # Errors
    /// [`BlindedPathError::TooLong`] when it does not fit in one field, `NoHops` for no hops,
    /// `InvalidPoint` for a point off the curve, and what [`from_bytes`](Self::from_bytes)
    /// refuses.
    pub fn new(
        info: BlindedPayInfo,
        features: &[u8],
        first_ephemeral_blinding_point: [u8; POINT_LEN],
        hops: &[BlindedHop<'_>],
    ) -> Result<Self, BlindedPathError> {
        let mut out = BlindedPath { bytes: [0; MAX_FIELD_BYTES], len: 0 };
        let mut at = 0usize;
        let mut total = 0usize;
        let mut put = |part: &[u8]| {
            total = total.saturating_add(part.len());
            if let Some(dst) = out.bytes.get_mut(at..at + part.len()) {
                dst.copy_from_slice(part);
                at += part.len();
            } else {
                at = usize::MAX / 2;
            }
        };
        put(&info.fee_base_msat.to_be_bytes());
        put(&info.fee_proportional_millionths.to_be_bytes());
        put(&info.cltv_expiry_delta.to_be_bytes());
        put(&info.htlc_minimum_msat.to_be_bytes());
        put(&info.htlc_maximum_msat.to_be_bytes());
        put(&u16::try_from(features.len()).unwrap_or(u16::MAX).to_be_bytes());
        put(features);
        put(&first_ephemeral_blinding_point);
        put(&[u8::try_from(hops.len()).unwrap_or(u8::MAX)]);
        for hop in hops {
            put(&hop.blinded_node_id);
            let mut size = [0u8; 9];
            put(big_size(hop.encrypted_data.len() as u64, &mut size));
            put(hop.encrypted_data);
        }
        if total > MAX_FIELD_BYTES || hops.len() > usize::from(u8::MAX) || features.len() > usize::from(u16::MAX) {
            return Err(BlindedPathError::TooLong { len: total, max: MAX_FIELD_BYTES });
        }
        check(out.bytes.get(..total).unwrap_or(&[]))?;
        out.len = total as u16;
        Ok(out)
    }

    /// The path's bytes, as written in its `b` field.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }

    fn int<const N: usize>(&self, at: usize) -> [u8; N] {
        self.bytes.get(at..at + N).and_then(|b| b.try_into().ok()).unwrap_or([0; N])
    }

    /// The base fee for the whole path, in millisatoshis.
    pub fn fee_base_msat(&self) -> u32 {
        u32::from_be_bytes(self.int(0))
    }

    /// The proportional fee for the whole path, in millionths.
    pub fn fee_proportional_millionths(&self) -> u32 {
        u32::from_be_bytes(self.int(4))
    }

    /// The CLTV expiry delta of the whole path.
    pub fn cltv_expiry_delta(&self) -> u16 {
        u16::from_be_bytes(self.int(8))
    }

    /// The least HTLC the path forwards, in millisatoshis.
    pub fn htlc_minimum_msat(&self) -> u64 {
        u64::from_be_bytes(self.int(10))
    }

    /// The largest HTLC the path forwards, in millisatoshis.
    pub fn htlc_maximum_msat(&self) -> u64 {
        u64::from_be_bytes(self.int(18))
    }

    /// The relay parameters together.
    pub fn pay_info(&self) -> BlindedPayInfo {
        BlindedPayInfo {
            fee_base_msat: self.fee_base_msat(),
            fee_proportional_millionths: self.fee_proportional_millionths(),
            cltv_expiry_delta: self.cltv_expiry_delta(),
            htlc_minimum_msat: self.htlc_minimum_msat(),
            htlc_maximum_msat: self.htlc_maximum_msat(),
        }
    }

    fn features_len(&self) -> usize {
        usize::from(u16::from_be_bytes(self.int(26)))
    }

    /// The path's feature vector, big-endian bytes as written (bit 0 is the last byte's low bit).
    pub fn features(&self) -> &[u8] {
        self.bytes.get(HEAD_LEN..HEAD_LEN + self.features_len()).unwrap_or(&[])
    }

    /// The blinding point to hand the introduction node, 33 bytes.
    pub fn first_ephemeral_blinding_point(&self) -> [u8; POINT_LEN] {
        self.int(HEAD_LEN + self.features_len())
    }

    /// The hops, from the introduction node.
    pub fn hops(&self) -> BlindedHops<'_> {
        let at = HEAD_LEN + self.features_len() + POINT_LEN;
        let left = self.bytes.get(at).copied().unwrap_or(0);
        BlindedHops { reader: Reader { bytes: self.as_bytes(), pos: at + 1 }, left }
    }

    /// The introduction node: the first hop's node id, which is not blinded.
    pub fn introduction_node(&self) -> [u8; POINT_LEN] {
        self.hops().next().map_or([0; POINT_LEN], |h| h.blinded_node_id)
    }
}

/// `n` as a minimal BigSize (BOLT 1), written into `buf`.
fn big_size(n: u64, buf: &mut [u8; 9]) -> &[u8] {
    let (prefix, width) = match n {
        0..=0xfc => (n as u8, 0),
        0xfd..=0xffff => (0xfd, 2),
        0x1_0000..=0xffff_ffff => (0xfe, 4),
        _ => (0xff, 8),
    };
    let be = n.to_be_bytes();
    if let Some(first) = buf.first_mut() {
        *first = prefix;
    }
    for (dst, &b) in buf.iter_mut().skip(1).zip(be.iter().skip(8 - width)) {
        *dst = b;
    }
    buf.get(..1 + width).unwrap_or(&[])
}

/// Checks that a `b` field's words carry exactly one blinded path (a partial last byte is
/// padding, which the parser holds to its own rules).
pub(crate) fn check_words(words: Words<'_>) -> Result<(), BlindedPathError> {
    let mut buf = [0u8; MAX_FIELD_BYTES];
    let n = words.copy_bytes_to(&mut buf).unwrap_or(0);
    check(buf.get(..n).unwrap_or(&[]))
}

/// Checks that `bytes` are exactly one blinded path.
pub(crate) fn check(bytes: &[u8]) -> Result<(), BlindedPathError> {
    if bytes.is_empty() {
        return Err(BlindedPathError::Empty);
    }
    let mut r = Reader { bytes, pos: 0 };
    let head = r.take(HEAD_LEN).ok_or(BlindedPathError::PathTruncated)?;
    let flen = head.get(26..28).and_then(|b| <[u8; 2]>::try_from(b).ok()).map_or(0, u16::from_be_bytes);
    r.take(usize::from(flen)).ok_or(BlindedPathError::PathTruncated)?;
    let blinding = r.array::<POINT_LEN>().ok_or(BlindedPathError::PathTruncated)?;
    let declared = r.take(1).and_then(|b| b.first().copied()).ok_or(BlindedPathError::PathTruncated)?;
    if !is_point(&blinding) {
        return Err(BlindedPathError::InvalidPoint { hop: None });
    }
    if declared == 0 {
        return Err(BlindedPathError::NoHops);
    }
    for hop in 0..declared {
        if r.rest() == 0 {
            return Err(BlindedPathError::MissingHops { declared, found: hop });
        }
        let id = r.array::<POINT_LEN>().ok_or(BlindedPathError::HopTruncated { hop })?;
        if !is_point(&id) {
            return Err(BlindedPathError::InvalidPoint { hop: Some(hop) });
        }
        let len = r
            .big_size()
            .map_err(|()| BlindedPathError::NonCanonicalLength { hop })?
            .ok_or(BlindedPathError::HopTruncated { hop })?;
        let available = r.rest();
        if len > available as u64 {
            return Err(BlindedPathError::DataTooLong { hop, len, available });
        }
        r.take(available.min(len as usize));
    }
    match r.rest() {
        0 => Ok(()),
        len => Err(BlindedPathError::TrailingBytes { len }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_sizes_are_minimal_at_every_boundary() {
        for (n, len) in [(0u64, 1), (252, 1), (253, 3), (0xffff, 3), (0x1_0000, 5), (0xffff_ffff, 5), (1 << 32, 9)] {
            let mut buf = [0u8; 9];
            let written = big_size(n, &mut buf).to_vec();
            assert_eq!(written.len(), len, "{n}");
            let mut r = Reader { bytes: &written, pos: 0 };
            assert_eq!(r.big_size(), Ok(Some(n)));
        }
        // 252 in three bytes is not minimal; cut short is `None`.
        assert_eq!(Reader { bytes: &[0xfd, 0x00, 0xfc], pos: 0 }.big_size(), Err(()));
        assert_eq!(Reader { bytes: &[0xfe, 0, 0, 0xff, 0xff], pos: 0 }.big_size(), Err(()));
        assert_eq!(Reader { bytes: &[0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff], pos: 0 }.big_size(), Err(()));
        assert_eq!(Reader { bytes: &[0xfd, 0x01], pos: 0 }.big_size(), Ok(None));
        assert_eq!(Reader { bytes: &[], pos: 0 }.big_size(), Ok(None));
    }
}
