//! The signature: what it hashes (C-2, J-7), and how it is checked (C-3, R-8, R-9, R-10).

use bitcoin_hashes::{sha256, Hash, HashEngine};
use secp256k1::ecdsa::{RecoverableSignature, RecoveryId, Signature};
use secp256k1::{Message, PublicKey, Secp256k1, Verification};

use crate::error::SignatureError;
use crate::parse::SIGNATURE_WORDS;
use crate::words::Words;

/// The signature hash: SHA-256 of the lower-case prefix and the data words before the
/// signature, exactly as received, packed into bytes and zero-padded (C-2, J-7).
///
/// Hashing the received words, never a re-serialisation, is what keeps non-minimal fields
/// and skipped fields covered (rust-lightning issue 3693, Core Lightning PR 8302).
pub(crate) fn signing_hash(hrp: &[u8], words: impl Iterator<Item = u8>) -> [u8; 32] {
    let mut out = Buffered { engine: sha256::Hash::engine(), buf: [0; 64], n: 0 };
    for &c in hrp {
        out.push(c.to_ascii_lowercase());
    }
    let mut acc = 0u32;
    let mut bits = 0u32;
    for w in words {
        acc = (acc << 5) | u32::from(w & 31);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
    out.engine.input(out.buf.get(..out.n).unwrap_or(&[]));
    sha256::Hash::from_engine(out.engine).to_byte_array()
}

/// Feeds the hash engine a block at a time rather than a byte at a time.
struct Buffered {
    engine: sha256::HashEngine,
    buf: [u8; 64],
    n: usize,
}

impl Buffered {
    #[inline(always)]
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.buf.get_mut(self.n) {
            *slot = byte;
            self.n += 1;
        }
        if self.n == self.buf.len() {
            self.engine.input(&self.buf);
            self.n = 0;
        }
    }
}

/// The 65 signature bytes: r || s, then the recovery id.
pub(crate) fn signature_bytes(words: Words<'_>) -> ([u8; 64], u8) {
    // 104 words are exactly 65 bytes; fewer (never after parsing) give what they hold, and no id.
    let words = words.slice(0, words.len().min(SIGNATURE_WORDS)).unwrap_or(words);
    let mut all = [0u8; 65];
    let n = words.copy_bytes_to(&mut all).unwrap_or(0);
    let (rs, id) = all.split_at(64);
    let mut out = [0u8; 64];
    out.copy_from_slice(rs);
    (out, if n == all.len() { id.first().copied().unwrap_or(0xff) } else { 0xff })
}

/// Checks the signature and returns the payee's key.
///
/// With `payee` (the `n` field), the signature must verify against it and be low-S;
/// without it the key is recovered, and high-S is accepted.
pub(crate) fn check<C: Verification>(
    secp: &Secp256k1<C>,
    hash: &[u8; 32],
    rs: &[u8; 64],
    recovery_id: u8,
    payee: Option<[u8; 33]>,
) -> Result<PublicKey, SignatureError> {
    let id = RecoveryId::from_i32(i32::from(recovery_id))
        .map_err(|_| SignatureError::InvalidRecoveryId { id: recovery_id })?;
    let msg = Message::from_digest(*hash);
    match payee {
        Some(key) => {
            let key = PublicKey::from_slice(&key).map_err(|_| SignatureError::InvalidPayeeKey)?;
            let sig = Signature::from_compact(rs).map_err(|_| SignatureError::Malformed)?;
            let mut low = sig;
            low.normalize_s();
            if low != sig {
                return Err(SignatureError::HighS);
            }
            secp.verify_ecdsa(&msg, &sig, &key).map_err(|_| SignatureError::Invalid)?;
            Ok(key)
        }
        None => {
            // Do not normalise s first: that would recover another key (notes 4.3).
            let sig = RecoverableSignature::from_compact(rs, id).map_err(|_| SignatureError::Malformed)?;
            secp.recover_ecdsa(&msg, &sig).map_err(|_| SignatureError::Unrecoverable)
        }
    }
}

/// Checks what a reader checks of a signature before any curve arithmetic: a recovery id of 0
/// to 3 (C-2), r and s in range, and s in the lower half.
#[cfg(feature = "alloc")]
pub(crate) fn check_form(rs: &[u8; 64], recovery_id: u8) -> Result<(), SignatureError> {
    if recovery_id > 3 {
        return Err(SignatureError::InvalidRecoveryId { id: recovery_id });
    }
    let sig = Signature::from_compact(rs).map_err(|_| SignatureError::Malformed)?;
    let mut low = sig;
    low.normalize_s();
    if low != sig {
        return Err(SignatureError::HighS);
    }
    Ok(())
}

/// The context used when `std` gives us a global one: created once, on first use.
#[cfg(feature = "std")]
pub(crate) fn global() -> &'static Secp256k1<secp256k1::All> {
    secp256k1::global::SECP256K1
}
