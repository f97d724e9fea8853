//! `bolt11`: decode invoices (one, or a stream of them), make them from wallet-API requests,
//! and check what a wallet returned, as JSON. `bolt11 --help` says how.

mod formats;
mod output;
mod stream;

use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use hex_conservative::{DisplayHex, FromHex};
use lexopt::prelude::*;
use lightning_bolt11::input::InvoiceText;
use lightning_bolt11::request::{
    error_response, make_response, parse_request, report_json, Api, CheckOptions, MakeParams,
};
use lightning_bolt11::secp256k1::rand::random;
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::summary::Summary;
use lightning_bolt11::{Bech32Error, DecodeError, DecodeOptions, InvoiceRef, Network, Policy, MAX_INVOICE_LENGTH};
use serde_json::json;

use output::Layout;

const USAGE: &str = "usage:
  bolt11 decode [OPTIONS] INVOICE       decode one invoice: one JSON object
  bolt11 decode [OPTIONS] [-]           decode one invoice per line of standard input: JSON Lines
  bolt11 make --api API [OPTIONS] REQUEST_JSON|-
  bolt11 check --api API [OPTIONS] REQUEST_JSON INVOICE
  bolt11 --version
  bolt11 help COMMAND                   a command's options (or bolt11 COMMAND --help)

API is webln, nwc, lnpay or bitfinex; REQUEST_JSON is the API's own request body.
Exit status: 0 on success, 1 when an invoice or request is refused, 2 on bad usage.";

const DECODE_HELP: &str = "usage: bolt11 decode [OPTIONS] INVOICE
       bolt11 decode [OPTIONS] [-]

Decodes an invoice and prints it as one JSON object (Core Lightning's field names); an
invoice that does not decode prints {\"error\": {\"kind\", \"message\"}}. INVOICE may be
bare or behind lightning: or lightning://, or in a bitcoin: URI's lightning parameter; a
BOLT-12 offer, an LNURL, a Lightning address or an on-chain address is named as such
(kind bolt12_offer, lnurl, lightning_address, on_chain_address...).

With `-`, or with no INVOICE when standard input is not a terminal, reads one invoice per
line and writes JSON Lines: exactly one compact line per input line, in input order, each the
object a single decode prints (a blank or over-long line is an error line). Lines are decoded
on every core; memory stays bounded whatever the input's size (about 1 MB per thread).

Exit status: 0 when every invoice decoded, 1 when any did not, 2 on bad usage. A reader that
stops early (| head) ends the program quietly, with the status of the lines read so far.

options:
  --profile NAME      the rules invoices are held to (default strict):
                        strict   BOLT-11's current text
                        blinded  strict, and lnd's blinded-path invoices (bLIP-39 `b` fields,
                                 no payment secret, feature bit 262 or 263)
                        legacy   strict, and invoices from before payment secrets
                        lenient  what lnd and Core Lightning accept, except where two readers
                                 could take two payment hashes or payees from one invoice
                                 (a second p, s or h is still refused)
  --lenient           the same as --profile lenient
  --no-verify         do not check the signature; `payee` is then only the `n` field's claim,
                      marked \"payee_verified\": false
  --network NET       refuse invoices for another network (bitcoin, testnet, signet, regtest,
                      simnet)
  --description TEXT  refuse unless TEXT is the invoice's description, or hashes to its hash
  --format FORMAT     default: this tool's fields (Core Lightning's names, and more);
                      cln: exactly Core Lightning's `decode` object (type, valid, features
                        as hex, signature DER-encoded...); lnd: exactly lnd's `decodepayreq`
                        (destination, num_msat, route_hints, features by bit...)
  --echo              put the input, as given, in each object as \"invoice\"
  -j, --jobs N        threads for a stream of invoices (default: every core)
  --pretty            indented JSON (the default for one invoice)
  --compact           one line of JSON (always, for a stream)";

const MAKE_HELP: &str = "usage: bolt11 make --api API [OPTIONS] REQUEST_JSON|-

Makes and signs the invoice REQUEST_JSON asks for and prints the API's response. With -, the
request is read from standard input (at most 1 MB).

options:
  --api API              webln, nwc, lnpay or bitfinex
  --key-file FILE        the 32-byte secret key that signs, as hex, read from FILE
                         (or from the environment variable BOLT11_SECRET_KEY)
  --key HEX              the key on the command line: other local users can see it there
  --network NET          the invoice's network (default bitcoin)
  --preimage HEX         the 32-byte payment preimage (default: a random one, which is
                         written to standard error as {\"payment_preimage\": HEX}, or to
                         --preimage-file: without it the invoice can never be settled)
  --preimage-file FILE   write the random preimage to FILE, created readable by you only;
                         an existing FILE (or symbolic link) is refused, never overwritten
  --amount-sats N        the amount chosen for a request that leaves it open
  --pretty | --compact   JSON layout (default pretty)";

const CHECK_HELP: &str = "usage: bolt11 check --api API [OPTIONS] REQUEST_JSON INVOICE

Checks that INVOICE honours the request: signature, network, amount, description or hash,
expiry, not expired now. Prints {\"ok\", \"violations\"}; exits 0 when ok, 1 when not.

options:
  --api API              webln, nwc, lnpay or bitfinex
  --network NET          the network the invoice must be for (default bitcoin; `any` accepts
                         every network)
  --pretty | --compact   JSON layout (default pretty)

A request only bounds what it names: a WebLN request with only a defaultAmount accepts any
amount, as the default is a suggestion.";

/// A failure: bad usage (exit 2), or JSON printed with exit 1.
enum Failure {
    Usage(String),
    Json(String),
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Self {
        Failure::Usage(e.to_string())
    }
}

/// What a command prints on standard output, and the exit status it asks for.
enum Done {
    Printed(bool),
    Json(String),
}

fn main() -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match run(lexopt::Parser::from_env(), &mut out) {
        Ok(Done::Json(text)) => {
            output::emit(&mut out, format!("{text}\n").as_bytes());
            ExitCode::SUCCESS
        }
        Ok(Done::Printed(ok)) => ExitCode::from(u8::from(!ok)),
        Err(Failure::Json(text)) => {
            output::emit(&mut out, format!("{text}\n").as_bytes());
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            output::say(&format!("bolt11: {message}\n\n{USAGE}"));
            ExitCode::from(2)
        }
    }
}

/// Prints `text` and exits 0: for `--help` and `--version`.
fn print_and_exit(text: &str) -> ! {
    let mut out = io::stdout().lock();
    output::emit(&mut out, format!("{text}\n").as_bytes());
    std::process::exit(0)
}

/// `bolt11 help [COMMAND]`.
fn help(mut args: lexopt::Parser) -> Result<Done, Failure> {
    let text = match args.next()? {
        None => USAGE,
        Some(Value(cmd)) if cmd == "decode" => DECODE_HELP,
        Some(Value(cmd)) if cmd == "make" => MAKE_HELP,
        Some(Value(cmd)) if cmd == "check" => CHECK_HELP,
        Some(Value(cmd)) if cmd == "help" => USAGE,
        Some(arg) => return Err(Failure::Usage(format!("help: no such command {}", arg.unexpected()))),
    };
    print_and_exit(text)
}

fn run(mut args: lexopt::Parser, out: &mut impl Write) -> Result<Done, Failure> {
    match args.next()? {
        Some(Value(cmd)) if cmd == "decode" => decode(args, out),
        Some(Value(cmd)) if cmd == "make" => make(args).map(Done::Json),
        Some(Value(cmd)) if cmd == "check" => check(args).map(Done::Json),
        Some(Value(cmd)) if cmd == "help" => help(args),
        Some(Long("help") | Short('h')) => print_and_exit(USAGE),
        Some(Long("version") | Short('V')) => print_and_exit(concat!("bolt11 ", env!("CARGO_PKG_VERSION"))),
        Some(arg) => Err(Failure::Usage(arg.unexpected().to_string())),
        None => Err(Failure::Usage("a command is required".into())),
    }
}

fn network_arg(args: &mut lexopt::Parser) -> Result<Network, Failure> {
    let name = args.value()?.string()?;
    name.parse::<Network>().map_err(|e| Failure::Usage(format!("--network {name}: {e}")))
}

fn api_arg(args: &mut lexopt::Parser) -> Result<Api, Failure> {
    let name = args.value()?.string()?;
    name.parse::<Api>().map_err(|e| Failure::Usage(format!("--api {name}: {e}")))
}

/// The JSON each decode writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Default,
    Cln,
    Lnd,
}

/// How to decode each invoice.
struct DecodeSettings<'a> {
    opts: DecodeOptions<'a>,
    verify: bool,
    description: Option<String>,
    format: Format,
    echo: bool,
}

impl DecodeSettings<'_> {
    /// `{"error": {"kind", "message"}}`, after `"invoice"` with `--echo`.
    fn error(&self, input: &str, kind: &str, message: &str, layout: Layout) -> (String, bool) {
        let error = json!({ "kind": kind, "message": message });
        let text = match self.echo {
            true => output::json(&Echoed { invoice: input.to_owned(), error }, layout),
            false => output::json(&json!({ "error": error }), layout),
        };
        (text, false)
    }

    /// The JSON for one input, and whether it decoded (and matched `--description`). The input
    /// is read as a payment link first, so that what is not an invoice is named for what it is.
    fn decode(&self, input: &str, layout: Layout) -> (String, bool) {
        let fail = |kind: &str, message: String| self.error(input, kind, &message, layout);
        let found = match InvoiceText::find(input) {
            Ok(found) => found,
            Err(e) => return fail(e.kind(), e.to_string()),
        };
        let view = match InvoiceRef::parse_with(found.as_str(), &self.opts) {
            Ok(view) => view,
            Err(e) => return fail(e.kind(), e.to_string()),
        };
        if let Err(e) = found.check_network(view.network()) {
            return fail(e.kind(), e.to_string());
        }
        let payee = match self.verify.then(|| view.verify()).transpose() {
            Ok(payee) => payee,
            Err(e) => {
                let e = DecodeError::from(e);
                return fail(e.kind(), e.to_string());
            }
        };
        if let Some(text) = &self.description {
            if !view.matches_description(text) {
                let message = "the description given is not the invoice's description";
                return fail("description_mismatch", message.into());
            }
        }
        let echo = self.echo.then_some(input);
        let text = match self.format {
            Format::Default => {
                let summary = Summary::new(&view, payee);
                output::json(&echo.map_or(summary, |i| summary.with_input(i)), layout)
            }
            Format::Cln => output::json(&formats::Cln { view, payee, echo }, layout),
            Format::Lnd => output::json(&formats::Lnd { view, payee, echo }, layout),
        };
        (text, true)
    }
}

output::object! {
    /// An error object after the input, for `--echo`.
    struct Echoed {
        "invoice" => invoice: String,
        "error" => error: serde_json::Value,
    }
}

fn decode(mut args: lexopt::Parser, out: &mut impl Write) -> Result<Done, Failure> {
    let mut settings = DecodeSettings {
        opts: DecodeOptions::new(),
        verify: true,
        description: None,
        format: Format::Default,
        echo: false,
    };
    let (mut layout, mut jobs, mut invoice) = (None, None, None);
    while let Some(arg) = args.next()? {
        match arg {
            Long("help") | Short('h') => print_and_exit(DECODE_HELP),
            Long("lenient") => settings.opts = settings.opts.lenient(),
            Long("profile") => {
                let name = args.value()?.string()?;
                let profile = name.parse::<Policy>().map_err(|e| Failure::Usage(format!("--profile {name}: {e}")))?;
                settings.opts = settings.opts.policy(profile);
            }
            Long("no-verify") => settings.verify = false,
            Long("network") => settings.opts = settings.opts.network(network_arg(&mut args)?),
            Long("description") => settings.description = Some(args.value()?.string()?),
            Long("format") => {
                let name = args.value()?.string()?;
                settings.format = match name.as_str() {
                    "default" => Format::Default,
                    "cln" => Format::Cln,
                    "lnd" => Format::Lnd,
                    _ => return Err(Failure::Usage(format!("--format {name}: expected default, cln or lnd"))),
                };
            }
            Long("echo") => settings.echo = true,
            Long("pretty") => layout = Some(Layout::Pretty),
            Long("compact") => layout = Some(Layout::Compact),
            Long("jobs") | Short('j') => {
                let n = args.value()?.string()?;
                let parsed = n.parse::<usize>().ok().and_then(NonZeroUsize::new);
                jobs =
                    Some(parsed.ok_or_else(|| Failure::Usage(format!("--jobs {n}: a number of threads, 1 or more")))?);
            }
            Value(v) if invoice.is_none() => invoice = Some(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let stream = match invoice.as_deref() {
        Some("-") => true,
        Some(_) => false,
        None if io::stdin().is_terminal() => return Err(Failure::Usage("an INVOICE is required".into())),
        None => true,
    };
    if !stream {
        let (text, ok) = settings.decode(invoice.as_deref().unwrap_or(""), layout.unwrap_or(Layout::Pretty));
        output::emit(out, format!("{text}\n").as_bytes());
        return Ok(Done::Printed(ok));
    }
    if layout == Some(Layout::Pretty) {
        return Err(Failure::Usage("--pretty: a stream is written as JSON Lines, one compact line each".into()));
    }
    let threads = jobs.or_else(|| std::thread::available_parallelism().ok()).unwrap_or(NonZeroUsize::MIN);
    let stdin = io::stdin();
    let mut input = io::BufReader::with_capacity(1 << 16, stdin.lock());
    let decode_line = |line: &stream::Line| match line {
        stream::Line::Text(bytes) => settings.decode(&String::from_utf8_lossy(bytes), Layout::Compact),
        stream::Line::TooLong(len) => {
            let e = DecodeError::from(Bech32Error::TooLong { len: *len, max: MAX_INVOICE_LENGTH });
            settings.error("", e.kind(), &e.to_string(), Layout::Compact)
        }
    };
    match stream::run(&mut input, out, threads, decode_line) {
        Ok(stream::End::Done(ok) | stream::End::Gone(ok)) => Ok(Done::Printed(ok)),
        Err(e) => Err(Failure::Usage(format!("cannot read standard input or write the output: {e}"))),
    }
}

fn hex32(name: &str, text: &str) -> Result<[u8; 32], Failure> {
    <[u8; 32]>::from_hex(text.trim()).map_err(|_| Failure::Usage(format!("{name}: expected 64 hex digits")))
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The signing key, from exactly one of `--key-file`, `BOLT11_SECRET_KEY` and `--key`.
fn secret_key(file: Option<String>, inline: Option<String>) -> Result<SecretKey, Failure> {
    let env = std::env::var("BOLT11_SECRET_KEY").ok().filter(|k| !k.trim().is_empty());
    let (name, hex) = match (file, env, inline) {
        (Some(path), None, None) => {
            let text = std::fs::read_to_string(&path).map_err(|e| Failure::Usage(format!("--key-file {path}: {e}")))?;
            ("--key-file", text)
        }
        (None, Some(key), None) => ("BOLT11_SECRET_KEY", key),
        (None, None, Some(key)) => ("--key", key),
        (None, None, None) => {
            return Err(Failure::Usage("a signing key is required: --key-file FILE, or BOLT11_SECRET_KEY".into()))
        }
        _ => return Err(Failure::Usage("give the key once: --key-file, BOLT11_SECRET_KEY or --key".into())),
    };
    SecretKey::from_slice(&hex32(name, &hex)?).map_err(|_| Failure::Usage(format!("{name}: not a valid secret key")))
}

/// Hands a preimage this tool invented to the user: to `path` (readable by the user only), or
/// to standard error. Without it, nobody could ever settle the invoice.
fn reveal_preimage(preimage: &[u8; 32], path: Option<&str>) -> Result<(), Failure> {
    let hex = preimage.to_lower_hex_string();
    match path {
        Some(path) => {
            // A new file only: an existing one (or a symbolic link, which create_new does not
            // follow) is refused rather than written into with whatever mode it has.
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let written = options.open(path).and_then(|mut f| writeln!(f, "{hex}"));
            written.map_err(|e| Failure::Usage(format!("--preimage-file {path}: {e}")))
        }
        None => {
            output::say(&json!({ "payment_preimage": hex }).to_string());
            Ok(())
        }
    }
}

fn make(mut args: lexopt::Parser) -> Result<String, Failure> {
    let (mut api, mut key_file, mut key, mut network, mut preimage, mut preimage_file) =
        (None, None, None, Network::Bitcoin, None, None);
    let (mut amount_sats, mut request, mut layout) = (None, None, Layout::Pretty);
    while let Some(arg) = args.next()? {
        match arg {
            Long("help") | Short('h') => print_and_exit(MAKE_HELP),
            Long("api") => api = Some(api_arg(&mut args)?),
            Long("key-file") => key_file = Some(args.value()?.string()?),
            Long("key") => key = Some(args.value()?.string()?),
            Long("network") => network = network_arg(&mut args)?,
            Long("preimage") => preimage = Some(hex32("--preimage", &args.value()?.string()?)?),
            Long("preimage-file") => preimage_file = Some(args.value()?.string()?),
            Long("amount-sats") => {
                let n = args.value()?.string()?;
                amount_sats = Some(
                    n.parse::<u64>().map_err(|_| Failure::Usage(format!("--amount-sats {n}: not a whole number")))?,
                );
            }
            Long("pretty") => layout = Layout::Pretty,
            Long("compact") => layout = Layout::Compact,
            Value(v) if request.is_none() => request = Some(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let api = api.ok_or_else(|| Failure::Usage("--api is required".into()))?;
    let key = secret_key(key_file, key)?;
    let mut request = request.ok_or_else(|| Failure::Usage("a REQUEST_JSON is required".into()))?;
    if request == "-" {
        request = read_stdin_request()?;
    }
    if preimage.is_some() && preimage_file.is_some() {
        return Err(Failure::Usage("--preimage-file is for a random preimage; --preimage was given".into()));
    }
    let invented = preimage.is_none();
    let params = MakeParams {
        network,
        key: &key,
        preimage: preimage.unwrap_or_else(random),
        payment_secret: random(),
        amount_sats,
        timestamp: now(),
    };
    let (_, body) = make_response(api, &request, &params)
        .map_err(|e| Failure::Json(output::json(&error_response(api, &e), layout)))?;
    if invented {
        reveal_preimage(&params.preimage, preimage_file.as_deref())?;
    }
    Ok(output::json(&body, layout))
}

/// The request JSON from standard input, for `make -`: at most 1 MB (requests are a few
/// hundred bytes; NWC's metadata, the largest part, is at most 4096 characters).
fn read_stdin_request() -> Result<String, Failure> {
    use std::io::Read;
    const MAX: u64 = 1 << 20;
    let mut text = String::new();
    io::stdin()
        .lock()
        .take(MAX + 1)
        .read_to_string(&mut text)
        .map_err(|e| Failure::Usage(format!("cannot read the request from standard input: {e}")))?;
    if text.len() as u64 > MAX {
        return Err(Failure::Usage("the request on standard input is longer than 1 MB".into()));
    }
    Ok(text)
}

fn check(mut args: lexopt::Parser) -> Result<String, Failure> {
    let (mut api, mut network, mut positional, mut layout) = (None, Some(Network::Bitcoin), Vec::new(), Layout::Pretty);
    while let Some(arg) = args.next()? {
        match arg {
            Long("help") | Short('h') => print_and_exit(CHECK_HELP),
            Long("api") => api = Some(api_arg(&mut args)?),
            Long("network") => {
                let name = args.value()?.string()?;
                network = match name.as_str() {
                    "any" => None,
                    _ => Some(name.parse::<Network>().map_err(|e| Failure::Usage(format!("--network {name}: {e}")))?),
                };
            }
            Long("pretty") => layout = Layout::Pretty,
            Long("compact") => layout = Layout::Compact,
            Value(v) if positional.len() < 2 => positional.push(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let api = api.ok_or_else(|| Failure::Usage("--api is required".into()))?;
    let [request, invoice]: [String; 2] =
        positional.try_into().map_err(|_| Failure::Usage("REQUEST_JSON and INVOICE are required".into()))?;
    let req =
        parse_request(api, &request).map_err(|e| Failure::Json(output::json(&error_response(api, &e), layout)))?;
    let report = req.check(&invoice, &CheckOptions { network, now: Some(now()) });
    let text = output::json(&report_json(&report), layout);
    if report.is_ok() {
        Ok(text)
    } else {
        Err(Failure::Json(text))
    }
}
