//! The 32-byte values an invoice carries: payment hash, payment secret, description hash.

use core::fmt;
use core::ops::Deref;
use core::str::FromStr;

/// 32 bytes from an invoice (a payment hash, a payment secret, a description hash), shown as
/// lower-case hex: `invoice.payment_hash().to_string()` is what a node prints, as
/// lightning-invoice's hash types do. It derefs to, and compares with, `[u8; 32]`.
///
/// ```
/// use lightning_bolt11::Bytes32;
/// let h = Bytes32([0xab; 32]);
/// assert_eq!(h.to_string(), "ab".repeat(32));
/// assert_eq!(h, [0xab; 32]);
/// assert_eq!(h.to_string().parse::<Bytes32>(), Ok(h));
/// let bytes: [u8; 32] = h.into();
/// assert_eq!(&h[..4], &bytes[..4]);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bytes32(pub [u8; 32]);

impl Bytes32 {
    /// The bytes.
    pub const fn to_byte_array(self) -> [u8; 32] {
        self.0
    }
}

impl Deref for Bytes32 {
    type Target = [u8; 32];
    fn deref(&self) -> &[u8; 32] {
        &self.0
    }
}

impl AsRef<[u8]> for Bytes32 {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<[u8; 32]> for Bytes32 {
    fn from(bytes: [u8; 32]) -> Self {
        Bytes32(bytes)
    }
}

impl From<Bytes32> for [u8; 32] {
    fn from(b: Bytes32) -> Self {
        b.0
    }
}

impl PartialEq<[u8; 32]> for Bytes32 {
    fn eq(&self, other: &[u8; 32]) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Bytes32> for [u8; 32] {
    fn eq(&self, other: &Bytes32) -> bool {
        *self == other.0
    }
}

impl fmt::LowerHex for Bytes32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (pair, &b) in out.chunks_exact_mut(2).zip(self.0.iter()) {
            for (o, nibble) in pair.iter_mut().zip([b >> 4, b & 0x0f]) {
                *o = DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0');
            }
        }
        // Only ASCII digits were written.
        f.write_str(core::str::from_utf8(&out).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Display for Bytes32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(self, f)
    }
}

impl fmt::Debug for Bytes32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes32({self:x})")
    }
}

/// The payment hash a preimage makes: its SHA-256 (W-3). Give it to
/// [`InvoiceBuilder::payment_hash`](crate::InvoiceBuilder::payment_hash) when making an invoice
/// for a preimage you hold.
///
/// ```
/// let preimage = [7u8; 32];
/// let hash = lightning_bolt11::payment_hash_of(&preimage);
/// assert_eq!(hash.to_string().len(), 64);
/// ```
pub fn payment_hash_of(preimage: &[u8; 32]) -> Bytes32 {
    use bitcoin_hashes::{sha256, Hash};
    Bytes32(sha256::Hash::hash(preimage).to_byte_array())
}

/// The error for text that is not 64 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected 64 hex digits")]
#[non_exhaustive]
pub struct NotHex32;

impl FromStr for Bytes32 {
    type Err = NotHex32;

    /// 64 hex digits, either case.
    fn from_str(s: &str) -> Result<Self, NotHex32> {
        let digits = s.as_bytes();
        if digits.len() != 64 {
            return Err(NotHex32);
        }
        let value = |c: u8| match c {
            b'0'..=b'9' => Ok(c - b'0'),
            b'a'..=b'f' => Ok(c - b'a' + 10),
            b'A'..=b'F' => Ok(c - b'A' + 10),
            _ => Err(NotHex32),
        };
        let mut out = [0u8; 32];
        for (o, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
            let (hi, lo) = match pair {
                [hi, lo] => (value(*hi)?, value(*lo)?),
                _ => return Err(NotHex32),
            };
            *o = hi << 4 | lo;
        }
        Ok(Bytes32(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "std")]
    fn hex_both_ways() {
        let mut b = [0u8; 32];
        for (i, x) in b.iter_mut().enumerate() {
            *x = i as u8 * 8;
        }
        let h = Bytes32(b);
        let text = alloc_free_hex(&h);
        assert_eq!("00081018".len(), 8);
        assert!(text.starts_with("00081018") && text.ends_with("f8"));
        assert_eq!(text.to_ascii_uppercase().parse::<Bytes32>(), Ok(h));
        assert_eq!("00".repeat(31).parse::<Bytes32>(), Err(NotHex32));
        assert_eq!(("0g".to_owned() + &"00".repeat(31)).parse::<Bytes32>(), Err(NotHex32));
    }

    #[cfg(feature = "std")]
    fn alloc_free_hex(h: &Bytes32) -> std::string::String {
        std::format!("{h}")
    }
}
