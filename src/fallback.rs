//! On-chain fallback addresses, the `f` field (W-16, W-17, R-1, H-2).

#[cfg(feature = "alloc")]
use crate::network::Network;
use crate::words::Words;

/// The longest witness program (BIP-141).
pub const MAX_PROGRAM_LEN: usize = 40;

/// What kind of address a fallback is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FallbackKind {
    /// Pay to public key hash (version 17).
    P2pkh,
    /// Pay to script hash (version 18).
    P2sh,
    /// Witness v0, 20-byte program.
    P2wpkh,
    /// Witness v0, 32-byte program.
    P2wsh,
    /// Witness v1, 32-byte program (taproot).
    P2tr,
    /// Any other witness version (1 to 16) and program.
    Witness,
}

impl FallbackKind {
    /// A short name: `P2PKH`, `P2SH`, `P2WPKH`, `P2WSH`, `P2TR` or `witness`.
    pub const fn name(self) -> &'static str {
        match self {
            FallbackKind::P2pkh => "P2PKH",
            FallbackKind::P2sh => "P2SH",
            FallbackKind::P2wpkh => "P2WPKH",
            FallbackKind::P2wsh => "P2WSH",
            FallbackKind::P2tr => "P2TR",
            FallbackKind::Witness => "witness",
        }
    }
}

/// A fallback address: a version (0-16 witness, 17 P2PKH, 18 P2SH) and its program or hash.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fallback {
    version: u8,
    len: u8,
    program: [u8; MAX_PROGRAM_LEN],
}

impl core::fmt::Debug for Fallback {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Fallback").field("version", &self.version).field("program", &self.program()).finish()
    }
}

impl Fallback {
    /// A fallback from a version and program, if the program's length suits the version (W-17).
    pub fn new(version: u8, program: &[u8]) -> Option<Self> {
        if !valid_length(version, program.len()) {
            return None;
        }
        let mut buf = [0u8; MAX_PROGRAM_LEN];
        buf.get_mut(..program.len())?.copy_from_slice(program);
        Some(Fallback { version, len: program.len() as u8, program: buf })
    }

    /// The fallback an `f` field's words carry ([`RawField::data`](crate::RawField)), when its
    /// version is known (0 to 18) and its program suits it; `None` otherwise.
    pub fn from_field(words: Words<'_>) -> Option<Self> {
        Self::from_words(words).ok().flatten()
    }

    /// Reads an `f` field: `Ok(None)` for an unknown version, `Err(len)` for a program
    /// whose length does not suit a known version.
    pub(crate) fn from_words(words: Words<'_>) -> Result<Option<Self>, (u8, usize)> {
        let version = words.get(0).unwrap_or(31);
        if version > 18 {
            return Ok(None);
        }
        let program = words.slice(1, words.len().saturating_sub(1)).unwrap_or(words);
        let len = program.byte_len();
        if !valid_length(version, len) {
            return Err((version, len));
        }
        let mut buf = [0u8; MAX_PROGRAM_LEN];
        for (o, b) in buf.iter_mut().zip(program.bytes()) {
            *o = b;
        }
        Ok(Some(Fallback { version, len: len as u8, program: buf }))
    }

    /// The version: 0 to 16 for witness programs, 17 for P2PKH, 18 for P2SH.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The witness program, or the 20-byte hash for P2PKH and P2SH.
    pub fn program(&self) -> &[u8] {
        self.program.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// What kind of address this is.
    pub fn kind(&self) -> FallbackKind {
        match (self.version, self.len) {
            (17, _) => FallbackKind::P2pkh,
            (18, _) => FallbackKind::P2sh,
            (0, 20) => FallbackKind::P2wpkh,
            (0, _) => FallbackKind::P2wsh,
            (1, 32) => FallbackKind::P2tr,
            _ => FallbackKind::Witness,
        }
    }

    /// The output script this fallback pays to, written into `buf`: P2PKH and P2SH
    /// templates, or `OP_n` and a direct push of the witness program.
    pub fn script_pubkey<'b>(&self, buf: &'b mut [u8; MAX_SCRIPT_LEN]) -> &'b [u8] {
        let program = self.program();
        // OP_0, or OP_1..OP_16 (0x51..0x60), then the push; a program is at most 40 bytes.
        let witness = [if self.version == 0 { 0 } else { 0x50 + self.version }, self.len];
        let (head, tail): (&[u8], &[u8]) = match self.kind() {
            FallbackKind::P2pkh => (&[0x76, 0xa9, 0x14], &[0x88, 0xac]),
            FallbackKind::P2sh => (&[0xa9, 0x14], &[0x87]),
            _ => (&witness, &[]),
        };
        let mut n = 0;
        for (o, &b) in buf.iter_mut().zip(head.iter().chain(program).chain(tail)) {
            *o = b;
            n += 1;
        }
        buf.get(..n).unwrap_or(&[])
    }

    /// The address on `network`, ready to display (base58check or bech32/bech32m).
    #[cfg(feature = "alloc")]
    pub fn address(&self, network: Network) -> Address {
        Address { fallback: *self, network }
    }
}

/// The longest output script a fallback makes: `OP_n`, a push, a 40-byte program.
pub const MAX_SCRIPT_LEN: usize = MAX_PROGRAM_LEN + 2;

fn valid_length(version: u8, len: usize) -> bool {
    match version {
        0 => len == 20 || len == 32,
        1..=16 => (2..=MAX_PROGRAM_LEN).contains(&len),
        17 | 18 => len == 20,
        _ => false,
    }
}

/// A fallback rendered for a network (see [`Fallback::address`]); it implements `Display`.
#[cfg(feature = "alloc")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Address {
    fallback: Fallback,
    network: Network,
}

#[cfg(feature = "alloc")]
impl core::fmt::Display for Address {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let fb = &self.fallback;
        let (p2pkh, p2sh) = self.network.base58_versions();
        let prefix = match fb.version {
            17 => p2pkh,
            18 => p2sh,
            v => {
                let hrp = bech32::Hrp::parse_unchecked(self.network.segwit_hrp());
                let version = bech32::Fe32::try_from(v).map_err(|_| core::fmt::Error)?;
                return bech32::segwit::encode_to_fmt_unchecked(f, hrp, version, fb.program());
            }
        };
        let mut payload = [0u8; 21];
        payload[0] = prefix;
        payload[1..].copy_from_slice(fb.program().get(..20).ok_or(core::fmt::Error)?);
        base58ck::encode_check_to_fmt(f, &payload)
    }
}
