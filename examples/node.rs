//! A node making an invoice: private channels as route hints, on-chain fallbacks, and the
//! signature from an external signer (an HSM, a remote signer) that has its own error type.
//!
//! `cargo run --example node`

use std::fmt;

use lightning_bolt11::secp256k1::ecdsa::RecoverableSignature;
use lightning_bolt11::secp256k1::{Message, Secp256k1, SecretKey};
use lightning_bolt11::{Fallback, Invoice, InvoiceBuilder, Network, RouteHop, ShortChannelId, SignOrBuildError};

/// A stand-in for a hardware signer: it holds the node key and signs only when unlocked.
struct Hsm {
    key: SecretKey,
    unlocked: bool,
}

/// The signer's own error, which the builder hands back unchanged.
#[derive(Debug)]
enum HsmError {
    Locked,
}

impl fmt::Display for HsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the signing device is locked")
    }
}

impl Hsm {
    fn sign(&self, hash: &[u8; 32]) -> Result<RecoverableSignature, HsmError> {
        if !self.unlocked {
            return Err(HsmError::Locked);
        }
        Ok(Secp256k1::signing_only().sign_ecdsa_recoverable(&Message::from_digest(*hash), &self.key))
    }
}

fn invoice(hsm: &Hsm) -> Result<Invoice, SignOrBuildError<HsmError>> {
    let secp = Secp256k1::verification_only();
    let node_id = hsm.key.public_key(&Secp256k1::signing_only());
    // Our two private channels, each reached from a public node.
    let hop = |peer: u8, scid: u64, base: u32| RouteHop {
        src_node_id: SecretKey::from_slice(&[peer; 32])
            .expect("a valid key")
            .public_key(&Secp256k1::signing_only())
            .serialize(),
        short_channel_id: ShortChannelId(scid),
        fee_base_msat: base,
        fee_proportional_millionths: 100,
        cltv_expiry_delta: 40,
    };
    InvoiceBuilder::new(Network::Signet)
        .amount_msat(150_000)
        .payment_hash([0x5a; 32]) // SHA-256 of the preimage the node keeps
        .payment_secret([0xa5; 32])
        .description("order #1234")
        .expiry(3600)
        .min_final_cltv_expiry_delta(80)
        .route_hint(&[hop(7, 0x0001_2c00_0003_0001, 1000)])
        .route_hint(&[hop(8, 0x0001_2d00_0007_0000, 0)])
        // P2WPKH first (preferred, W-24), then P2TR.
        .fallback(Fallback::new(0, &[0x75; 20]).expect("a P2WPKH program"))
        .fallback(Fallback::new(1, &[0x54; 32]).expect("a P2TR program"))
        .features(&[17]) // basic_mpp, optional: payment_secret it depends on is set anyway
        .sign_with(&secp, node_id, |hash| hsm.sign(hash))
}

fn main() {
    let key = SecretKey::from_slice(&[0x33; 32]).expect("a valid key");
    match invoice(&Hsm { key, unlocked: false }) {
        Err(SignOrBuildError::Sign(e)) => println!("locked device: {e}"),
        other => panic!("a locked device signs nothing: {other:?}"),
    }
    let made = invoice(&Hsm { key, unlocked: true }).expect("the device signs");
    println!("{made}");
    println!("for a QR code: {made:#}");
    for route in made.route_hints() {
        for hop in route.hops() {
            println!(
                "route hint via {} ({} msat + {} ppm)",
                hop.short_channel_id, hop.fee_base_msat, hop.fee_proportional_millionths
            );
        }
    }
    for f in made.fallbacks() {
        println!("fallback {} {}", f.kind().name(), f.address(made.network()));
    }
    // Whatever signed it, the strict decoder gets the same invoice and the node's key back.
    let again: Invoice = made.to_string().parse().expect("a made invoice decodes");
    assert_eq!(again, made);
    assert_eq!(again.payee(), key.public_key(&Secp256k1::signing_only()));
}
