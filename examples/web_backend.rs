//! A web backend between a web app and a wallet: it answers an invoice request in the API's
//! own shape (here NWC's `make_invoice`, and WebLN's), and checks an invoice a wallet returned
//! against the request that asked for it.
//!
//! `cargo run --example web_backend --features serde`

use lightning_bolt11::request::{make_response, parse_request, Api, CheckOptions, MakeParams};
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::Network;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = SecretKey::from_slice(&[0x44; 32])?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs();
    let params = |preimage: [u8; 32]| MakeParams {
        network: Network::Bitcoin,
        key: &key,
        preimage, // keep it: it settles the invoice
        payment_secret: [0x77; 32],
        amount_sats: None,
        timestamp: now,
    };

    // A Nostr Wallet Connect client asks for 21 sats (in msat), with a description.
    let nwc = r#"{"method": "make_invoice", "params": {"amount": 21000, "description": "zap", "expiry": 600}}"#;
    let (invoice, body) = make_response(Api::Nwc, nwc, &params([1; 32]))?;
    println!("NWC response: {body}");
    assert_eq!(body["result"]["invoice"], invoice.to_string());

    // A web app asked a WebLN wallet for 1000 sats; what came back is checked before it is
    // shown or paid. An honest wallet's invoice passes.
    let asked = parse_request(Api::WebLn, r#"{"amount": 1000, "defaultMemo": "coffee"}"#)?;
    let (honest, _) = make_response(Api::WebLn, r#"{"amount": 1000}"#, &params([2; 32]))?;
    let report = asked.check(honest.as_str(), &CheckOptions { network: Some(Network::Bitcoin), now: Some(now) });
    println!("honest wallet: ok = {}", report.is_ok());
    assert!(report.is_ok());
    // One that returns 999 sats instead is caught, with the reason.
    let (cheat, _) = make_response(Api::WebLn, r#"{"amount": 999}"#, &params([3; 32]))?;
    let report = asked.check(cheat.as_str(), &CheckOptions { network: Some(Network::Bitcoin), now: Some(now) });
    for v in &report.violations {
        println!("cheating wallet: {} ({})", v, v.kind());
    }
    assert!(!report.is_ok());
    Ok(())
}
