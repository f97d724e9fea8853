//! The networks an invoice can be for, and their prefixes (B-1, B-6).

use core::fmt;
use core::str::FromStr;

/// The network an invoice asks to be paid on, from its human-readable prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Network {
    /// Bitcoin mainnet, `lnbc`.
    Bitcoin,
    /// Bitcoin testnet (testnet3 and testnet4 share it), `lntb`.
    Testnet,
    /// Signet, `lntbs`.
    Signet,
    /// Regtest, `lnbcrt`.
    Regtest,
    /// lnd's simnet, `lnsb` (not in BOLT-11; from lnd and SLIP-0173).
    Simnet,
}

/// Currency prefixes, longest first so that `bcrt` wins over `bc` and `tbs` over `tb`.
const PREFIXES: [(&str, Network); 5] = [
    ("bcrt", Network::Regtest),
    ("tbs", Network::Signet),
    ("bc", Network::Bitcoin),
    ("tb", Network::Testnet),
    ("sb", Network::Simnet),
];

impl Network {
    /// Every network, in declaration order.
    pub const ALL: [Network; 5] =
        [Network::Bitcoin, Network::Testnet, Network::Signet, Network::Regtest, Network::Simnet];

    /// The BIP-173 currency prefix that follows `ln` in an invoice: `bc`, `tb`, `tbs`, `bcrt`, `sb`.
    pub const fn currency(self) -> &'static str {
        match self {
            Network::Bitcoin => "bc",
            Network::Testnet => "tb",
            Network::Signet => "tbs",
            Network::Regtest => "bcrt",
            Network::Simnet => "sb",
        }
    }

    /// The network's name: `bitcoin`, `testnet`, `signet`, `regtest`, `simnet`.
    pub const fn name(self) -> &'static str {
        match self {
            Network::Bitcoin => "bitcoin",
            Network::Testnet => "testnet",
            Network::Signet => "signet",
            Network::Regtest => "regtest",
            Network::Simnet => "simnet",
        }
    }

    /// The segwit address prefix for fallback addresses (`bc`, `tb`, `bcrt`, `sb`).
    pub const fn segwit_hrp(self) -> &'static str {
        match self {
            Network::Bitcoin => "bc",
            Network::Testnet | Network::Signet => "tb",
            Network::Regtest => "bcrt",
            Network::Simnet => "sb",
        }
    }

    /// Base58 version bytes for P2PKH and P2SH fallback addresses.
    pub const fn base58_versions(self) -> (u8, u8) {
        match self {
            Network::Bitcoin => (0x00, 0x05),
            Network::Testnet | Network::Signet | Network::Regtest => (0x6f, 0xc4),
            Network::Simnet => (0x3f, 0x7b),
        }
    }

    /// Splits a lower-case currency prefix off the start of `s` (which follows `ln`).
    pub(crate) fn split_prefix(s: &[u8]) -> Option<(Network, usize)> {
        PREFIXES
            .iter()
            .find(|(p, _)| s.len() >= p.len() && s.iter().zip(p.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b))
            .map(|&(p, n)| (n, p.len()))
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a network name that [`Network::from_str`] does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown network name (expected bitcoin, testnet, signet, regtest or simnet)")]
#[non_exhaustive]
pub struct UnknownNetwork;

impl FromStr for Network {
    type Err = UnknownNetwork;

    /// Parses a network name; `mainnet`, `testnet3` and `testnet4` are accepted too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = |n: &str| s.eq_ignore_ascii_case(n);
        match () {
            _ if lower("bitcoin") || lower("mainnet") => Ok(Network::Bitcoin),
            _ if lower("testnet") || lower("testnet3") || lower("testnet4") => Ok(Network::Testnet),
            _ if lower("signet") => Ok(Network::Signet),
            _ if lower("regtest") => Ok(Network::Regtest),
            _ if lower("simnet") => Ok(Network::Simnet),
            _ => Err(UnknownNetwork),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "alloc")]
    fn display_is_the_name_from_str_reads() {
        for n in Network::ALL {
            let shown = alloc::format!("{n}");
            assert_eq!(shown, n.name());
            assert_eq!(shown.parse::<Network>(), Ok(n));
        }
        assert_eq!(alloc::format!("{}", Network::Signet), "signet");
    }

    #[test]
    fn longest_prefix_wins() {
        assert_eq!(Network::split_prefix(b"bcrt1"), Some((Network::Regtest, 4)));
        assert_eq!(Network::split_prefix(b"bc25m"), Some((Network::Bitcoin, 2)));
        assert_eq!(Network::split_prefix(b"tbs1"), Some((Network::Signet, 3)));
        assert_eq!(Network::split_prefix(b"tb20m"), Some((Network::Testnet, 2)));
        assert_eq!(Network::split_prefix(b"sb"), Some((Network::Simnet, 2)));
        assert_eq!(Network::split_prefix(b"BCRT"), Some((Network::Regtest, 4)));
        assert_eq!(Network::split_prefix(b"xy"), None);
        assert_eq!(Network::split_prefix(b"b"), None);
    }

    #[test]
    fn names_round_trip() {
        for n in Network::ALL {
            assert_eq!(n.name().parse::<Network>(), Ok(n));
        }
        assert_eq!("testnet4".parse::<Network>(), Ok(Network::Testnet));
        assert_eq!("nope".parse::<Network>(), Err(UnknownNetwork));
    }
}
