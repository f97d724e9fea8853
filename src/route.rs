//! Private route hints, the `r` field (W-18, W-19, W-20, H-3, J-4).

use core::fmt;

use crate::words::{Bytes, Words};

/// Bytes in one hop: pubkey 33, short channel id 8, fee base 4, fee rate 4, CLTV delta 2.
pub const HOP_LEN: usize = 51;

/// A short channel id: block height (3 bytes), transaction index (3) and output (2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShortChannelId(pub u64);

impl ShortChannelId {
    /// The block height.
    pub const fn block(self) -> u32 {
        (self.0 >> 40) as u32
    }
    /// The transaction's index in the block.
    pub const fn tx_index(self) -> u32 {
        ((self.0 >> 16) & 0xff_ffff) as u32
    }
    /// The output's index in the transaction.
    pub const fn output(self) -> u16 {
        self.0 as u16
    }
}

/// Text that is not a short channel id `BLOCKxTXxOUT` (block and transaction index below
/// 2^24, output below 2^16, decimal digits only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a short channel id (BLOCKxTXxOUT, as 66051x263430x1800)")]
pub struct InvalidShortChannelId;

impl core::str::FromStr for ShortChannelId {
    type Err = InvalidShortChannelId;

    /// Reads `BLOCKxTXxOUT`, the form `Display` writes.
    ///
    /// # Errors
    ///
    /// [`InvalidShortChannelId`] for anything else: another shape, a part that is not decimal
    /// digits, or one too large for its bytes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        fn part(p: Option<&str>, bits: u32) -> Result<u64, InvalidShortChannelId> {
            let p = p.filter(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_digit()));
            let n: u64 = p.and_then(|p| p.parse().ok()).ok_or(InvalidShortChannelId)?;
            if n >> bits == 0 {
                Ok(n)
            } else {
                Err(InvalidShortChannelId)
            }
        }
        let mut parts = s.split('x');
        let (block, tx, out) = (part(parts.next(), 24)?, part(parts.next(), 24)?, part(parts.next(), 16)?);
        match parts.next() {
            None => Ok(ShortChannelId(block << 40 | tx << 16 | out)),
            Some(_) => Err(InvalidShortChannelId),
        }
    }
}

impl fmt::Display for ShortChannelId {
    /// `BLOCKxTXxOUT`, e.g. `66051x263430x1800` for `0x0102030405060708`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}x{}", self.block(), self.tx_index(), self.output())
    }
}

/// One hop of a route hint: the channel from `src_node_id` towards the payee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RouteHop {
    /// The node id at the start of the channel (33 bytes, compressed key encoding).
    pub src_node_id: [u8; 33],
    /// The channel.
    pub short_channel_id: ShortChannelId,
    /// Base fee in millisatoshis.
    pub fee_base_msat: u32,
    /// Proportional fee in millionths.
    pub fee_proportional_millionths: u32,
    /// CLTV expiry delta of the channel.
    pub cltv_expiry_delta: u16,
}

impl RouteHop {
    fn read(bytes: &mut Bytes<'_>) -> Option<Self> {
        let mut src_node_id = [0u8; 33];
        for b in src_node_id.iter_mut() {
            *b = bytes.next()?;
        }
        let mut int = |n: usize| -> Option<u64> {
            let mut v = 0u64;
            for _ in 0..n {
                v = (v << 8) | u64::from(bytes.next()?);
            }
            Some(v)
        };
        Some(RouteHop {
            src_node_id,
            short_channel_id: ShortChannelId(int(8)?),
            fee_base_msat: int(4)? as u32,
            fee_proportional_millionths: int(4)? as u32,
            cltv_expiry_delta: int(2)? as u16,
        })
    }

    /// The node id as a public key, or `None` if the 33 bytes are not one (BOLT-11 sets no rule
    /// for it; such a hop cannot be routed through, and lightning-invoice refuses the invoice).
    pub fn src_node_pubkey(&self) -> Option<secp256k1::PublicKey> {
        secp256k1::PublicKey::from_slice(&self.src_node_id).ok()
    }

    /// The hop from its 51 bytes as written in the field: the inverse of
    /// [`to_bytes`](Self::to_bytes).
    pub fn from_bytes(bytes: &[u8; HOP_LEN]) -> Self {
        let int = |range: core::ops::Range<usize>| {
            bytes.get(range).map_or(0, |b| b.iter().fold(0u64, |n, &x| (n << 8) | u64::from(x)))
        };
        let mut src_node_id = [0u8; 33];
        for (o, b) in src_node_id.iter_mut().zip(bytes.iter()) {
            *o = *b;
        }
        RouteHop {
            src_node_id,
            short_channel_id: ShortChannelId(int(33..41)),
            fee_base_msat: int(41..45) as u32,
            fee_proportional_millionths: int(45..49) as u32,
            cltv_expiry_delta: int(49..51) as u16,
        }
    }

    /// The hop's 51 bytes as written in the field.
    pub fn to_bytes(&self) -> [u8; HOP_LEN] {
        let mut out = [0u8; HOP_LEN];
        let parts: [&[u8]; 5] = [
            &self.src_node_id,
            &self.short_channel_id.0.to_be_bytes(),
            &self.fee_base_msat.to_be_bytes(),
            &self.fee_proportional_millionths.to_be_bytes(),
            &self.cltv_expiry_delta.to_be_bytes(),
        ];
        for (o, b) in out.iter_mut().zip(parts.iter().flat_map(|p| p.iter())) {
            *o = *b;
        }
        out
    }
}

/// One `r` field: an ordered route from a public node to the payee. Iterates its hops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteHint<'a> {
    words: Words<'a>,
}

impl<'a> RouteHint<'a> {
    /// A route hint from the words of an `r` field (a partial last hop is ignored).
    pub fn from_words(words: Words<'a>) -> Self {
        RouteHint { words }
    }

    /// The route hint an `r` field's words carry ([`RawField::data`](crate::RawField)), when
    /// they are a whole, non-zero number of hops; `None` otherwise.
    pub fn from_field(words: Words<'a>) -> Option<Self> {
        Self::check(words).ok().map(|()| Self::from_words(words))
    }

    /// Checks an `r` field's length: `Err(bytes)` unless it is a whole, non-zero number of hops.
    pub(crate) fn check(words: Words<'_>) -> Result<(), usize> {
        let bytes = words.byte_len();
        if bytes == 0 || bytes % HOP_LEN != 0 {
            return Err(bytes);
        }
        Ok(())
    }

    /// The number of hops.
    pub fn len(&self) -> usize {
        self.words.byte_len() / HOP_LEN
    }

    /// Whether there are no hops (never, for a decoded invoice).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hops, in order from the public node towards the payee.
    pub fn hops(&self) -> Hops<'a> {
        Hops { bytes: self.words.bytes(), left: self.len() }
    }
}

impl<'a> IntoIterator for RouteHint<'a> {
    type Item = RouteHop;
    type IntoIter = Hops<'a>;
    fn into_iter(self) -> Hops<'a> {
        self.hops()
    }
}

/// Iterator over the hops of a [`RouteHint`].
#[derive(Clone, Debug)]
pub struct Hops<'a> {
    bytes: Bytes<'a>,
    left: usize,
}

impl Iterator for Hops<'_> {
    type Item = RouteHop;
    fn next(&mut self) -> Option<RouteHop> {
        self.left = self.left.checked_sub(1)?;
        RouteHop::read(&mut self.bytes)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Hops<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hop_count_and_emptiness() {
        // 51 bytes per hop: 82 words hold one hop (410 bits), 81 words none (405 bits).
        let one = [b'q'; 82];
        assert_eq!(RouteHint::from_words(Words::new(&one)).len(), 1);
        assert!(!RouteHint::from_words(Words::new(&one)).is_empty());
        assert!(RouteHint::from_words(Words::new(&one[..81])).is_empty());
        assert!(RouteHint::from_words(Words::new(b"")).is_empty());
    }

    #[test]
    fn scid_formats_as_block_tx_out() {
        assert_eq!(ShortChannelId(0x0102_0304_0506_0708).to_string(), "66051x263430x1800");
        assert_eq!(ShortChannelId(0x08fe_4e00_0cf0_0001).to_string(), "589390x3312x1");
    }
}
