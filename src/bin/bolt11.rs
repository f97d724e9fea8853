//! `bolt11`: decode BOLT-11 invoices from the command line, as JSON.
//!
//! ```text
//! bolt11 decode [--lenient] [--no-verify] [--network NET] [--description TEXT] INVOICE
//! ```
//! Prints one JSON object and exits 0; on a bad invoice prints
//! `{"error": {"kind": "...", "message": "..."}}` and exits 1; on bad usage exits 2.

use std::process::ExitCode;

use lexopt::prelude::*;
use lightning_bolt11::summary::Summary;
use lightning_bolt11::{DecodeOptions, InvoiceRef, Network};
use serde_json::json;

const USAGE: &str = "usage:
  bolt11 decode [--lenient] [--no-verify] [--network NET] [--description TEXT] INVOICE

  --lenient           accept what lnd and Core Lightning accept (default: strict BOLT-11)
  --no-verify         do not check the signature
  --network NET       fail unless the invoice is for NET (bitcoin, testnet, signet, regtest, simnet)
  --description TEXT  fail unless TEXT is the invoice's description, or hashes to its description hash";

/// A failure: bad usage (exit 2) or a JSON error (exit 1).
enum Failure {
    Usage(String),
    Invoice { kind: String, message: String },
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
