//! A wallet's send screen: take what the user scanned or pasted, and decide what to pay.
//!
//! `cargo run --example wallet -- 'bitcoin:?amount=0.00001&lightning=lnbc…'`
//! With no argument it makes a fresh invoice (wrapped in a BIP-21 QR code) and scans that.

use std::process::ExitCode;

use lightning_bolt11::input::{AmountCheck, PaymentInput};
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::{DecodeOptions, InvoiceBuilder, Network, PrintableString};

/// The network this wallet pays on.
const OUR_NETWORK: Network = Network::Bitcoin;

fn main() -> ExitCode {
    let scanned = std::env::args().nth(1).unwrap_or_else(demo_qr_code);
    // Strict decoding, and only invoices for our network: anything else is refused with a
    // reason the user can read.
    let input = match PaymentInput::parse_with(&scanned, &DecodeOptions::new().network(OUR_NETWORK)) {
        Ok(input) => input,
        Err(e) => {
            println!("cannot pay this: {e}");
            return ExitCode::from(1);
        }
    };
    if let PaymentInput::Bip21(uri) = &input {
        if let AmountCheck::Disagrees { uri_msat, invoice_msat } = uri.amount_check() {
            println!("the link asks for {uri_msat} msat but its invoice for {invoice_msat} msat: not paying");
            return ExitCode::from(1);
        }
    }
    let invoice = input.invoice();
    // H-1: never pay an expired invoice.
    if invoice.is_expired() {
        println!("this invoice expired at {} (unix time): ask for a new one", invoice.expires_at());
        return ExitCode::from(1);
    }
    let amount = match invoice.amount_msat() {
        Some(msat) => format!(
            "{} sat{}",
            msat / 1000,
            if msat % 1000 == 0 { String::new() } else { format!(" and {} msat", msat % 1000) }
        ),
        None => "an amount of your choice".to_owned(),
    };
    // The description is the invoice writer's text: shown so that it cannot disguise itself.
    let what = match (invoice.description(), invoice.description_hash()) {
        (Some(d), _) => format!("\"{}\"", PrintableString(d)),
        (None, _) => "a description given elsewhere (the invoice holds its hash)".to_owned(),
    };
    println!("pay {amount} for {what}");
    println!("to node {}", invoice.payee());
    println!("within {} s; payment hash {}", invoice.duration_until_expiry().as_secs(), invoice.payment_hash());
    ExitCode::SUCCESS
}

/// What a merchant's point of sale would show: a BIP-21 URI in upper case, for a QR code.
fn demo_qr_code() -> String {
    let key = SecretKey::from_slice(&[0x2a; 32]).expect("a valid demo key");
    let invoice = InvoiceBuilder::new(OUR_NETWORK)
        .amount_msat(21_000_000)
        .payment_hash([0x11; 32])
        .payment_secret([0x22; 32])
        .description("2 espressos \u{202e} and a croissant")
        .expiry(600)
        .sign(&key)
        .expect("the demo invoice is valid");
    format!("BITCOIN:?AMOUNT=0.00021&LIGHTNING={invoice:#}")
}
