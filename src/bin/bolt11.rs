//! `bolt11`: decode invoices, make them from wallet-API requests, and check what a wallet
//! returned, as JSON.
//!
//! ```text
//! bolt11 decode [--lenient] [--no-verify] [--network NET] [--description TEXT] INVOICE
//! bolt11 make --api API --key HEX [--network NET] [--preimage HEX] [--amount-sats N] REQUEST_JSON
//! bolt11 check --api API [--network NET] REQUEST_JSON INVOICE
//! ```
//! Prints one JSON object and exits 0; on a bad invoice or refused request prints JSON with a
//! top-level `error` and exits 1 (`check`: `{"ok": false, ...}`); on bad usage exits 2.

use std::process::ExitCode;

use std::time::{SystemTime, UNIX_EPOCH};

use hex_conservative::FromHex;
use lexopt::prelude::*;
use lightning_bolt11::request::{
    error_response, make_response, parse_request, report_json, Api, CheckOptions, MakeParams,
};
use lightning_bolt11::secp256k1::rand::random;
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::summary::Summary;
use lightning_bolt11::{DecodeOptions, InvoiceRef, Network};
use serde_json::json;

const USAGE: &str = "usage:
  bolt11 decode [--lenient] [--no-verify] [--network NET] [--description TEXT] INVOICE
  bolt11 make --api API --key HEX [--network NET] [--preimage HEX] [--amount-sats N] REQUEST_JSON
  bolt11 check --api API [--network NET] REQUEST_JSON INVOICE

  API is webln, nwc, lnpay or bitfinex; REQUEST_JSON is the API's own request body.

  --lenient           accept what lnd and Core Lightning accept (default: strict BOLT-11)
  --no-verify         do not check the signature
  --network NET       fail unless the invoice is for NET (bitcoin, testnet, signet, regtest, simnet)
  --description TEXT  fail unless TEXT is the invoice's description, or hashes to its description hash
  --key HEX           the 32-byte secret key that signs (make)
  --preimage HEX      the 32-byte payment preimage (make; random when absent)
  --amount-sats N     the amount chosen for a request that leaves it open (make)";

/// A failure: bad usage (exit 2), or JSON printed with exit 1.
enum Failure {
    Usage(String),
    Invoice { kind: String, message: String },
    Json(serde_json::Value),
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Self {
        Failure::Usage(e.to_string())
    }
}

fn main() -> ExitCode {
    match run(lexopt::Parser::from_env()) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(Failure::Invoice { kind, message }) => {
            let value = json!({ "error": { "kind": kind, "message": message } });
            println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
            ExitCode::from(1)
        }
        Err(Failure::Json(value)) => {
            println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("bolt11: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command and returns the JSON it prints.
fn run(mut args: lexopt::Parser) -> Result<String, Failure> {
    match args.next()? {
        Some(Value(cmd)) if cmd == "decode" => decode(args),
        Some(Value(cmd)) if cmd == "make" => make(args),
        Some(Value(cmd)) if cmd == "check" => check(args),
        Some(Long("help") | Short('h')) => {
            println!("{USAGE}");
            std::process::exit(0);
        }
        Some(arg) => Err(Failure::Usage(arg.unexpected().to_string())),
        None => Err(Failure::Usage("a command is required".into())),
    }
}

fn decode(mut args: lexopt::Parser) -> Result<String, Failure> {
    let mut lenient = false;
    let mut verify = true;
    let mut network = None;
    let mut description = None;
    let mut invoice = None;
    while let Some(arg) = args.next()? {
        match arg {
            Long("lenient") => lenient = true,
            Long("no-verify") => verify = false,
            Long("network") => {
                let name = args.value()?.string()?;
                network = Some(name.parse::<Network>().map_err(|e| Failure::Usage(format!("--network {name}: {e}")))?);
            }
            Long("description") => description = Some(args.value()?.string()?),
            Value(v) if invoice.is_none() => invoice = Some(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let invoice = invoice.ok_or_else(|| Failure::Usage("an INVOICE is required".into()))?;

    let mut opts = DecodeOptions::new();
    if lenient {
        opts = opts.lenient();
    }
    if let Some(n) = network {
        opts = opts.network(n);
    }
    let fail = |e: lightning_bolt11::DecodeError| Failure::Invoice { kind: e.kind().into(), message: e.to_string() };
    let view = InvoiceRef::parse_with(&invoice, &opts).map_err(fail)?;
    let payee = if verify { Some(view.verify().map_err(|e| fail(e.into()))?) } else { None };
    if let Some(text) = description {
        if !view.matches_description(&text) {
            return Err(Failure::Invoice {
                kind: "description_mismatch".into(),
                message: "the description given is not the invoice's description (R-7)".into(),
            });
        }
    }
    serde_json::to_string_pretty(&Summary::new(&view, payee))
        .map_err(|e| Failure::Invoice { kind: "internal".into(), message: e.to_string() })
}

fn hex32(name: &str, text: &str) -> Result<[u8; 32], Failure> {
    <[u8; 32]>::from_hex(text).map_err(|_| Failure::Usage(format!("{name}: expected 64 hex digits")))
}

fn network_arg(args: &mut lexopt::Parser) -> Result<Network, Failure> {
    let name = args.value()?.string()?;
    name.parse::<Network>().map_err(|e| Failure::Usage(format!("--network {name}: {e}")))
}

fn api_arg(args: &mut lexopt::Parser) -> Result<Api, Failure> {
    let name = args.value()?.string()?;
    name.parse::<Api>().map_err(|e| Failure::Usage(format!("--api {name}: {e}")))
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn make(mut args: lexopt::Parser) -> Result<String, Failure> {
    let (mut api, mut key, mut network, mut preimage, mut amount_sats, mut request) =
        (None, None, Network::Bitcoin, None, None, None);
    while let Some(arg) = args.next()? {
        match arg {
            Long("api") => api = Some(api_arg(&mut args)?),
            Long("key") => key = Some(args.value()?.string()?),
            Long("network") => network = network_arg(&mut args)?,
            Long("preimage") => preimage = Some(hex32("--preimage", &args.value()?.string()?)?),
            Long("amount-sats") => {
                let n = args.value()?.string()?;
                amount_sats = Some(
                    n.parse::<u64>().map_err(|_| Failure::Usage(format!("--amount-sats {n}: not a whole number")))?,
                );
            }
            Value(v) if request.is_none() => request = Some(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let api = api.ok_or_else(|| Failure::Usage("--api is required".into()))?;
    let key = key.ok_or_else(|| Failure::Usage("--key is required".into()))?;
    let key = SecretKey::from_slice(&hex32("--key", &key)?)
        .map_err(|_| Failure::Usage("--key: not a valid secret key".into()))?;
    let request = request.ok_or_else(|| Failure::Usage("a REQUEST_JSON is required".into()))?;

    let params = MakeParams {
        network,
        key: &key,
        preimage: preimage.unwrap_or_else(random),
        payment_secret: random(),
        amount_sats,
        timestamp: now(),
    };
    let (_, body) = make_response(api, &request, &params).map_err(|e| Failure::Json(error_response(api, &e)))?;
    serde_json::to_string_pretty(&body)
        .map_err(|e| Failure::Invoice { kind: "internal".into(), message: e.to_string() })
}

fn check(mut args: lexopt::Parser) -> Result<String, Failure> {
    let (mut api, mut network, mut positional) = (None, None, Vec::new());
    while let Some(arg) = args.next()? {
        match arg {
            Long("api") => api = Some(api_arg(&mut args)?),
            Long("network") => network = Some(network_arg(&mut args)?),
            Value(v) if positional.len() < 2 => positional.push(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let api = api.ok_or_else(|| Failure::Usage("--api is required".into()))?;
    let [request, invoice]: [String; 2] =
        positional.try_into().map_err(|_| Failure::Usage("REQUEST_JSON and INVOICE are required".into()))?;
    let req = parse_request(api, &request).map_err(|e| Failure::Json(error_response(api, &e)))?;
    let report = req.check(&invoice, &CheckOptions { network, now: Some(now()) });
    let value = report_json(&report);
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    if report.is_ok() {
        Ok(text)
    } else {
        Err(Failure::Json(value))
    }
}
