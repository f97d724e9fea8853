//! rust-bitcoin 0.32: networks and fallback addresses (feature `bitcoin`).

use alloc::vec::Vec;

use ::bitcoin::address::Address;
use ::bitcoin::hashes::Hash as _;
use ::bitcoin::{PubkeyHash, ScriptHash, WitnessProgram, WitnessVersion};

use crate::builder::InvoiceBuilder;
use crate::error::BuildError;
use crate::fallback::{Fallback, FallbackKind};
use crate::invoice::Invoice;
use crate::network::{Network, UnknownNetwork};

/// Simnet has no rust-bitcoin network: like lightning-invoice, it maps to regtest.
#[cfg_attr(docsrs, doc(cfg(feature = "bitcoin")))]
impl From<Network> for ::bitcoin::Network {
    fn from(n: Network) -> Self {
        match n {
            Network::Bitcoin => ::bitcoin::Network::Bitcoin,
            Network::Testnet => ::bitcoin::Network::Testnet,
            Network::Signet => ::bitcoin::Network::Signet,
            Network::Regtest | Network::Simnet => ::bitcoin::Network::Regtest,
        }
    }
}

/// Testnet3 and testnet4 share the `lntb` prefix: both are [`Network::Testnet`].
#[cfg_attr(docsrs, doc(cfg(feature = "bitcoin")))]
impl TryFrom<::bitcoin::Network> for Network {
    type Error = UnknownNetwork;

    fn try_from(n: ::bitcoin::Network) -> Result<Self, UnknownNetwork> {
        match n {
            ::bitcoin::Network::Bitcoin => Ok(Network::Bitcoin),
            ::bitcoin::Network::Testnet | ::bitcoin::Network::Testnet4 => Ok(Network::Testnet),
            ::bitcoin::Network::Signet => Ok(Network::Signet),
            ::bitcoin::Network::Regtest => Ok(Network::Regtest),
            #[allow(unreachable_patterns)] // rust-bitcoin's enum is non-exhaustive.
            _ => Err(UnknownNetwork),
        }
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "bitcoin")))]
impl Fallback {
    /// The address on `network` as a rust-bitcoin [`Address`]: P2PKH, P2SH, or a witness
    /// program of any version (P2WPKH, P2WSH, P2TR and future ones).
    pub fn to_address(&self, network: Network) -> Option<Address> {
        let network = ::bitcoin::Network::from(network);
        let hash20 = || <[u8; 20]>::try_from(self.program()).ok();
        match self.kind() {
            FallbackKind::P2pkh => hash20().map(|h| Address::p2pkh(PubkeyHash::from_byte_array(h), network)),
            FallbackKind::P2sh => hash20().map(|h| Address::p2sh_from_hash(ScriptHash::from_byte_array(h), network)),
            _ => {
                let version = WitnessVersion::try_from(self.version()).ok()?;
                let program = WitnessProgram::new(version, self.program()).ok()?;
                Some(Address::from_witness_program(program, network))
            }
        }
    }

    /// The fallback an address pays to.
    pub fn from_address(address: &Address) -> Option<Self> {
        if let Some(h) = address.pubkey_hash() {
            return Fallback::new(17, h.as_byte_array());
        }
        if let Some(h) = address.script_hash() {
            return Fallback::new(18, h.as_byte_array());
        }
        let program = address.witness_program()?;
        Fallback::new(program.version().to_num(), program.program().as_bytes())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "bitcoin")))]
impl Invoice {
    /// The fallback addresses, in order of preference (H-2), as rust-bitcoin [`Address`]es:
    /// lightning-invoice's method, with its name, type and order (a simnet invoice's addresses
    /// are regtest ones, as there).
    pub fn fallback_addresses(&self) -> Vec<Address> {
        self.fallbacks().filter_map(|f| f.to_address(self.network())).collect()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "bitcoin")))]
impl InvoiceBuilder {
    /// Adds a fallback address (W-16): the first added is the most preferred (W-24). An
    /// address for another network than the invoice's is refused.
    pub fn fallback_address(self, address: &Address) -> Self {
        let network = self.network();
        match Fallback::from_address(address) {
            Some(_) if !address.as_unchecked().is_valid_for_network(network.into()) => {
                self.refuse(BuildError::FallbackNetwork { network })
            }
            Some(f) => self.fallback(f),
            None => self.refuse(BuildError::InvalidFallback { version: 0, len: 0 }),
        }
    }
}
