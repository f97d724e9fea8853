//! The logic of every fuzz target, shared by the cargo-fuzz binaries (nightly) and by
//! `tests/corpus_replay.rs` (stable), which runs every corpus file through it.
//!
//! Each function panics when a property fails; that is what the fuzzer looks for.
// The fuzzers build on nightly and the replay on stable: the crate's rust-version does not bind them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::incompatible_msrv,
    dead_code
)]

use std::str::FromStr;

use bitcoin_hashes::Hash as _;

use arbitrary::{Arbitrary, Unstructured};
use lightning_bolt11::request::{parse_request, response, Api, CheckOptions, ResponseContext};
use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::{
    Bolt11Bech32, DecodeOptions, Fallback, Invoice, InvoiceBuilder, InvoiceRef, Network, RouteHop, ShortChannelId,
    MAX_INVOICE_LENGTH,
};

/// The WebAssembly package's record writer, run natively here so the fuzzer reaches it.
#[path = "../../wasm/src/record.rs"]
mod record;

/// The `bolt11` tool's line reader and stream, as the tool runs them.
#[path = "../../cli/src/stream.rs"]
mod stream;

const KEY: [u8; 32] = [0x42; 32];

/// Arbitrary bytes as an invoice, through both policies and the borrowed view: never a panic;
/// what decodes re-encodes to its input (case aside), and the view and the owned invoice agree
/// on every field.
pub fn decode(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    decode_str(s);
}

fn decode_str(s: &str) {
    for opts in lightning_bolt11::Policy::ALL.map(|p| DecodeOptions::new().policy(p)) {
        let view = InvoiceRef::parse_with(s, &opts);
        let full = Invoice::decode_with(s, &opts);
        match (&view, &full) {
            (Err(a), Err(b)) => assert!(matches!(b, lightning_bolt11::DecodeError::Signature(_)) || a == b),
            (Err(e), Ok(_)) => panic!("the view fails ({e}) where the full decode succeeds"),
            (Ok(_), Err(e)) => assert!(matches!(e, lightning_bolt11::DecodeError::Signature(_)), "{e}"),
            (Ok(view), Ok(inv)) => agree(view, inv),
        }
        if let Ok(view) = &view {
            // Every accessor answers without panicking, whatever the signature.
            let _ = (view.signature(), view.recovery_id(), view.signature_hash(), view.unknown_fields().count());
            // The CLI's JSON is written for every invoice that parses: the summary never fails.
            let json = serde_json::to_string(&lightning_bolt11::summary::Summary::new(view, None)).unwrap();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["signature"].as_str().map(str::len), Some(128));
            assert_eq!(value["feature_bits"].as_array().map(Vec::len), Some(view.features().iter().count()));
            // The record the JS package reads is written for every invoice that parses, and its
            // spans count UTF-16 units right: its detail ends with the signature's span (128 hex
            // digits, ending at the text's end) and the recovery id.
            let mut r = record::Record::default();
            r.write(view, None).unwrap();
            let mut r = record::Record::default();
            r.write_detail(view);
            let units = r.text.encode_utf16().count() as f64;
            let n = r.nums.len();
            assert_eq!(r.nums[n - 3..], [units - 128.0, units, f64::from(view.recovery_id())]);
        }
    }
}

fn agree(view: &InvoiceRef<'_>, inv: &Invoice) {
    assert_eq!(inv.to_string(), view.as_str().to_ascii_lowercase());
    assert_eq!(format!("{inv:#}"), view.as_str().to_ascii_uppercase());
    assert_eq!(inv.network(), view.network());
    assert_eq!(inv.amount_msat(), view.amount_msat());
    assert_eq!(inv.timestamp(), view.timestamp());
    assert_eq!(inv.payment_hash(), view.payment_hash());
    assert_eq!(inv.payment_secret().map(|s| s.0), view.payment_secret().map(|s| s.0));
    assert_eq!(inv.description().map(str::to_owned), view.description().map(|d| d.to_string()));
    assert_eq!(inv.description_hash().map(|h| h.0), view.description_hash().map(|h| h.0));
    assert_eq!(inv.expiry(), view.expiry());
    assert_eq!(inv.min_final_cltv_expiry_delta(), view.min_final_cltv_expiry_delta());
    assert_eq!(inv.features().iter().collect::<Vec<_>>(), view.features().iter().collect::<Vec<_>>());
    assert_eq!(inv.payment_metadata().map(<[u8]>::to_vec), view.payment_metadata().map(Iterator::collect));
    assert_eq!(inv.fallbacks().collect::<Vec<_>>(), view.fallbacks().collect::<Vec<_>>());
    assert_eq!(
        inv.route_hints().map(|r| r.hops().collect::<Vec<_>>()).collect::<Vec<_>>(),
        view.route_hints().map(|r| r.hops().collect::<Vec<_>>()).collect::<Vec<_>>()
    );
    assert_eq!(inv.unknown_fields().count(), view.unknown_field_count());
    assert_eq!(inv.blinded_paths().collect::<Vec<_>>(), view.blinded_paths().collect::<Vec<_>>());
    assert_eq!(view.blinded_paths().count(), view.blinded_path_count());
    assert_eq!(inv.signature_hash(), view.signature_hash());
    assert_eq!(inv.payee(), view.verify().unwrap());
    // Re-decoding the encoding gives the same invoice.
    assert_eq!(&Invoice::decode_with(inv.as_str(), &DecodeOptions::new().policy(inv.policy())).unwrap(), inv);
}

/// The HRP a fuzz input selects, so that its words reach the field parser.
fn hrp_for(selector: u8) -> String {
    let nets = ["lnbc", "lntb", "lntbs", "lnbcrt", "lnsb"];
    let amounts = ["", "1", "25m", "2500u", "10n", "9678785340p", "0", "01m", "21000001"];
    format!("{}{}", nets[usize::from(selector % 5)], amounts[usize::from(selector / 5) % amounts.len()])
}

/// Arbitrary 5-bit data behind a valid HRP with a correct checksum appended (computed by the
/// independent `bech32` crate), so that the fuzzer explores the field parser.
pub fn decode_words(data: &[u8]) {
    let Some(s) = words_invoice(data) else { return };
    // The checksum is right, so a failure is never a checksum failure.
    if let Err(lightning_bolt11::DecodeError::Bech32(lightning_bolt11::Bech32Error::InvalidChecksum)) =
        InvoiceRef::parse_with(&s, &DecodeOptions::new().lenient())
    {
        panic!("valid checksum reported invalid: {s}");
    }
    decode_str(&s);
    decode_str(&s.to_ascii_uppercase());
}

/// The first byte picks an HRP; the rest (each byte's low five bits) are the data words,
/// followed by a correct checksum.
fn words_invoice(data: &[u8]) -> Option<String> {
    use bech32::{Fe32, Fe32IterExt, Hrp};
    let (&selector, words) = data.split_first()?;
    let words = &words[..words.len().min(MAX_INVOICE_LENGTH)];
    let hrp = Hrp::parse(&hrp_for(selector)).ok()?;
    Some(words.iter().map(|&w| Fe32::try_from(w & 31).unwrap()).with_checksum::<Bolt11Bech32>(&hrp).chars().collect())
}

/// A route hop: node id, short channel id, base fee, proportional fee, CLTV delta.
type HopInput = ([u8; 33], u64, u32, u32, u16);

/// Builder inputs.
#[derive(Arbitrary, Debug)]
pub struct BuildInput {
    network: u8,
    amount: Option<u64>,
    timestamp: u64,
    hash: [u8; 32],
    secret: [u8; 32],
    description: Result<String, [u8; 32]>,
    expiry: Option<u64>,
    cltv: Option<u64>,
    /// Feature bits, and whether to write exactly them (else they add to the defaults).
    features: Option<(bool, Vec<u16>)>,
    metadata: Option<Vec<u8>>,
    fallbacks: Vec<(u8, Vec<u8>)>,
    routes: Vec<Vec<HopInput>>,
    payee_field: bool,
}

/// Arbitrary builder inputs: an accepted build signs, encodes, decodes to the same values, and
/// stays within the limits.
pub fn builder(data: &[u8]) {
    let Ok(input) = BuildInput::arbitrary(&mut Unstructured::new(data)) else { return };
    let key = SecretKey::from_slice(&KEY).unwrap();
    let network = Network::ALL[usize::from(input.network) % Network::ALL.len()];
    let mut b =
        InvoiceBuilder::new(network).timestamp(input.timestamp).payment_hash(input.hash).payment_secret(input.secret);
    if let Some(a) = input.amount {
        b = b.amount_msat(a);
    }
    b = match &input.description {
        Ok(d) => b.description(d),
        Err(h) => b.description_hash(*h),
    };
    if let Some(x) = input.expiry {
        b = b.expiry(x);
    }
    if let Some(c) = input.cltv {
        b = b.min_final_cltv_expiry_delta(c);
    }
    let features: Option<(bool, Vec<usize>)> =
        input.features.as_ref().map(|(exact, f)| (*exact, f.iter().map(|&b| usize::from(b)).collect()));
    match &features {
        Some((true, f)) => b = b.features_exact(f),
        Some((false, f)) => b = b.features(f),
        None => {}
    }
    if let Some(m) = &input.metadata {
        b = b.payment_metadata(m);
    }
    let mut fallbacks = Vec::new();
    for (v, p) in &input.fallbacks {
        if let Some(f) = Fallback::new(*v, p) {
            fallbacks.push(f);
            b = b.fallback(f);
        }
    }
    let routes: Vec<Vec<RouteHop>> = input
        .routes
        .iter()
        .map(|r| {
            r.iter()
                .map(|&(id, scid, base, prop, cltv)| RouteHop {
                    src_node_id: id,
                    short_channel_id: ShortChannelId(scid),
                    fee_base_msat: base,
                    fee_proportional_millionths: prop,
                    cltv_expiry_delta: cltv,
                })
                .collect()
        })
        .collect();
    for r in &routes {
        b = b.route_hint(r);
    }
    let secp = lightning_bolt11::secp256k1::Secp256k1::new();
    if input.payee_field {
        b = b.payee_pubkey(key.public_key(&secp));
    }
    let inv = match b.sign(&key) {
        Ok(inv) => inv,
        // An even feature bit no reader knows is refused (G-1): nobody could pay the invoice.
        Err(lightning_bolt11::BuildError::UnknownRequiredFeature { bit }) => {
            assert!(features.is_some_and(|(_, f)| f.contains(&bit)) && bit % 2 == 0);
            return;
        }
        Err(_) => return,
    };
    let text = inv.to_string();
    assert!(text.len() <= MAX_INVOICE_LENGTH);
    let again = Invoice::from_str(&text).expect("a built invoice decodes strictly");
    assert_eq!(again, inv);
    assert_eq!(again.payee(), key.public_key(&secp));
    assert_eq!(again.amount_msat(), input.amount);
    assert_eq!(again.timestamp(), input.timestamp);
    assert_eq!(again.payment_hash(), input.hash);
    assert_eq!(again.payment_secret().map(|s| s.0), Some(input.secret));
    match &input.description {
        Ok(d) => assert_eq!(again.description(), Some(d.as_str())),
        Err(h) => assert_eq!(again.description_hash().map(|h| h.0), Some(*h)),
    }
    assert_eq!(again.expiry(), input.expiry.unwrap_or(3600));
    assert_eq!(again.min_final_cltv_expiry_delta(), input.cltv.unwrap_or(18));
    assert_eq!(again.payment_metadata(), input.metadata.as_deref());
    assert_eq!(again.fallbacks().collect::<Vec<_>>(), fallbacks);
    assert_eq!(again.route_hints().map(|r| r.hops().collect::<Vec<_>>()).collect::<Vec<_>>(), routes);
    let written: Vec<usize> = again.features().iter().collect();
    match features {
        Some((true, mut f)) => {
            f.sort_unstable();
            f.dedup();
            assert_eq!(written, f);
        }
        // Added to: every bit given is written; the others are the defaults, the metadata
        // bit, and dependencies, each only when the caller named neither bit of its feature.
        given => {
            let given = given.map(|(_, f)| f).unwrap_or_default();
            let named = |b: usize| given.contains(&(b & !1)) || given.contains(&(b | 1));
            assert!(given.iter().all(|b| written.contains(b)));
            for b in written.iter().filter(|b| !given.contains(b)) {
                assert!(!named(*b) && matches!(b, 8 | 14 | 49), "bit {b} added to {given:?}");
            }
        }
    }
}

/// Ways `lightning-invoice` 0.34 and this crate (lenient) may disagree, each pinned by a
/// test in `tests/differential.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deviation {
    /// lightning-invoice hashes a re-serialisation, not the words received (rust-lightning
    /// issue 3693): non-minimal, over-long or non-zero-padded fields change its hash. Lenient
    /// mode only: strict mode refuses every such field, and is asserted to agree.
    ReserialisedHash,
    /// lightning-invoice requires a `9` field setting `payment_secret`, and knows fewer
    /// required features (not `option_attribution_data`, 36).
    Features,
    /// We refuse amounts above 21M BTC or that overflow; lightning-invoice reads some of them.
    Amount,
    /// Duplicate fields: lightning-invoice refuses a second `d` that lenient mode takes as
    /// harmless when identical, and refuses none of `x`, `c`, `n`, `9`, `m`, which strict mode
    /// refuses.
    Duplicates,
    /// Wrong-length or unusable fields that one side skips and the other reads or refuses.
    FieldShape,
    /// lightning-invoice needs an `s` field; lenient mode does not (R-11 is strict-only here).
    MissingSecret,
    /// A route hint hop whose node id is not a valid public key: lightning-invoice refuses the
    /// invoice; we keep the bytes (BOLT-11 states no rule; the hop is unusable for routing).
    RouteHintKey,
}

fn li_hash_differs(s: &str) -> bool {
    match lightning_invoice::SignedRawBolt11Invoice::from_str(s) {
        Ok(raw) => InvoiceRef::parse_with(s, &DecodeOptions::new().lenient())
            .is_ok_and(|v| v.signature_hash() != *raw.signable_hash()),
        Err(_) => false,
    }
}

/// Classifies a disagreement, or returns `None` for one that is not on the list.
pub fn classify(
    s: &str,
    ours: &Result<Invoice, lightning_bolt11::DecodeError>,
    theirs: &Result<lightning_invoice::Bolt11Invoice, lightning_invoice::ParseOrSemanticError>,
) -> Option<Deviation> {
    use lightning_bolt11::{DecodeError, FieldError, HrpError};
    use lightning_invoice::{Bolt11SemanticError, ParseOrSemanticError};
    if li_hash_differs(s) {
        return Some(Deviation::ReserialisedHash);
    }
    // lightning-invoice knows fewer required features (not option_attribution_data, 36).
    if ours.is_ok() && matches!(theirs, Err(ParseOrSemanticError::SemanticError(Bolt11SemanticError::InvalidFeatures)))
    {
        return Some(Deviation::Features);
    }
    let view = InvoiceRef::parse_with(s, &DecodeOptions::new().lenient());
    match ours {
        Err(DecodeError::Hrp(
            HrpError::AmountTooLarge { .. } | HrpError::LeadingZero { .. } | HrpError::ZeroAmount { .. },
        )) => Some(Deviation::Amount),
        Err(DecodeError::Field(FieldError::Duplicate { .. })) => Some(Deviation::Duplicates),
        Err(DecodeError::Field(_)) | Err(DecodeError::Signature(_)) => Some(Deviation::FieldShape),
        Err(_) => None,
        Ok(inv) => {
            let view = view.ok()?;
            let bad_hint_key = inv
                .route_hints()
                .flat_map(|r| r.hops())
                .any(|h| lightning_bolt11::secp256k1::PublicKey::from_slice(&h.src_node_id).is_err());
            if bad_hint_key {
                Some(Deviation::RouteHintKey)
            } else if inv.payment_secret().is_none() {
                Some(Deviation::MissingSecret)
            } else if !inv.features().supports(14)
                || inv.features().unknown_required(&[]).next().is_some()
                || inv.features().is_empty()
            {
                Some(Deviation::Features)
            } else if view.unknown_field_count() > 0 || repeats_a_single_field(&view) {
                Some(Deviation::FieldShape)
            } else {
                None
            }
        }
    }
}

fn repeats_a_single_field(view: &InvoiceRef<'_>) -> bool {
    use lightning_bolt11::tag;
    let singles = [
        tag::PAYMENT_HASH,
        tag::PAYMENT_SECRET,
        tag::DESCRIPTION,
        tag::DESCRIPTION_HASH,
        tag::PAYEE,
        tag::EXPIRY,
        tag::MIN_FINAL_CLTV,
        tag::FEATURES,
        tag::METADATA,
    ];
    singles.iter().any(|t| view.fields().filter(|f| f.tag == *t).count() > 1)
}

/// Decodes with this crate (lenient, the closer policy) and with lightning-invoice 0.34: where
/// both accept, every field and the payee agree; where they disagree, the case is a known
/// deviation.
///
/// An input starting with byte 0xff is read as words behind a valid checksum (as in
/// [`decode_words`]), so that field-level disagreements are reached too.
pub fn differential(data: &[u8]) {
    if let Some((0xff, rest)) = data.split_first() {
        if let Some(s) = words_invoice(rest) {
            differential_str(&s);
        }
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    differential_str(s);
}

fn differential_str(s: &str) {
    // We trim whitespace and a `lightning:` prefix as a convenience; lightning-invoice does
    // not, so it gets the invoice itself.
    let s = s.trim();
    let s = match s.get(..10) {
        Some(p) if p.eq_ignore_ascii_case("lightning:") => s.get(10..).unwrap_or(""),
        _ => s,
    };
    let ours = Invoice::decode_with(s, &DecodeOptions::new().lenient());
    let theirs = lightning_invoice::Bolt11Invoice::from_str(s);
    // Strict mode refuses every encoding another reader could re-serialise differently, so
    // whatever both accept has one payee: no deviation excuses two (issue 11, item 1).
    if let (Ok(a), Ok(b)) = (Invoice::decode(s), &theirs) {
        assert_eq!(a.payee(), b.get_payee_pub_key(), "strict payee differs on {s}");
        assert_eq!(a.signature_hash(), b.signable_hash(), "strict hash differs on {s}");
    }
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            if li_hash_differs(s) {
                return; // Deviation::ReserialisedHash: the payees may legitimately differ.
            }
            assert_eq!(a.payee(), b.get_payee_pub_key(), "payee");
            assert_eq!(a.payment_hash(), b.payment_hash().to_byte_array(), "payment hash");
            assert_eq!(a.payment_secret().map(|s| s.0), Some(b.payment_secret().0), "payment secret");
            assert_eq!(a.amount_msat(), b.amount_milli_satoshis(), "amount");
            assert_eq!(a.timestamp(), b.duration_since_epoch().as_secs(), "timestamp");
            assert_eq!(a.expiry(), b.expiry_time().as_secs(), "expiry");
            assert_eq!(a.min_final_cltv_expiry_delta(), b.min_final_cltv_expiry_delta(), "cltv");
            match b.description() {
                lightning_invoice::Bolt11InvoiceDescriptionRef::Direct(d) => {
                    assert_eq!(a.description(), Some(d.as_inner().0.as_str()), "description")
                }
                lightning_invoice::Bolt11InvoiceDescriptionRef::Hash(h) => {
                    assert_eq!(a.description_hash().map(|h| h.0), Some(h.0.to_byte_array()), "description hash")
                }
            }
            assert_eq!(a.payment_metadata().map(<[u8]>::to_vec), b.payment_metadata().cloned(), "metadata");
            // Fields we skip (kept as unknown) may be read by lightning-invoice, e.g. an empty
            // `r` it takes as an empty route (Deviation::FieldShape).
            if a.unknown_fields().count() == 0 {
                assert_eq!(a.route_hints().count(), b.private_routes().len(), "route hints");
                assert_eq!(a.fallbacks().count(), b.fallbacks().len(), "fallbacks");
            }
        }
        (Err(_), Err(_)) => {}
        _ => {
            let d = classify(s, &ours, &theirs);
            assert!(d.is_some(), "unlisted disagreement on {s}: ours {ours:?}, lightning-invoice {theirs:?}");
        }
    }
}

/// Arbitrary request JSON for each API: never a panic; an accepted request gives an invoice
/// that passes `check` against it.
pub fn requests(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(json) = std::str::from_utf8(rest) else { return };
    let api = Api::ALL[usize::from(selector % 4)];
    let Ok(req) = parse_request(api, json) else { return };
    let network = Network::ALL[usize::from(selector / 4) % Network::ALL.len()];
    let choice = (selector & 0x80 != 0).then_some(u64::from(selector) * 1000);
    let Ok(b) = req.builder(network, choice) else { return };
    let key = SecretKey::from_slice(&KEY).unwrap();
    let inv = b.timestamp(1_700_000_000).payment_hash([1; 32]).payment_secret([2; 32]).sign(&key).unwrap();
    let report = req.check(inv.as_str(), &CheckOptions { network: Some(network), now: Some(1_700_000_000) });
    assert!(report.is_ok(), "{:?}", report.violations);
    let _ = response(&req, &inv, &ResponseContext::default());
}

/// Whatever a user pastes: never a panic, work linear in the length; the invoice text found is
/// what the full read decodes, and surrounding whitespace changes nothing.
pub fn input(data: &[u8]) {
    use lightning_bolt11::input::{InputError, InvoiceText, PaymentInput};
    let Ok(text) = std::str::from_utf8(data) else { return };
    let full = PaymentInput::parse(text);
    let found = InvoiceText::find(text);
    match (&found, &full) {
        (Err(a), Err(b)) => assert_eq!(a, b),
        (Err(e), Ok(_)) => panic!("found nothing ({e}) where the full read succeeds"),
        (Ok(f), Ok(p)) => {
            assert_eq!(Invoice::from_str(f.as_str()).as_ref(), Ok(p.invoice()));
            assert_eq!(f.check_network(p.invoice().network()), Ok(()));
        }
        (Ok(_), Err(e)) => assert!(
            matches!(
                e,
                lightning_bolt11::input::InputError::Invoice(_)
                    | lightning_bolt11::input::InputError::NetworkMismatch { .. }
            ),
            "{e}"
        ),
    }
    let _ = found.map(|f| f.is_uri()).map_err(|e| e.kind());
    // Surrounding whitespace changes nothing but positions, which count from the start of the
    // text as given (two characters later here), except in a `bitcoin:` URI's invoice, which
    // has its own.
    match (PaymentInput::parse(&format!(" \t{text}\n")), &full) {
        (Ok(padded), Ok(full)) => assert_eq!(&padded, full),
        (Err(padded), Err(full)) => {
            assert_eq!(padded.kind(), full.kind());
            if let (InputError::Invoice(p), InputError::Invoice(f)) = (&padded, full) {
                assert_eq!(p.kind(), f.kind());
                assert!(p.position() == f.position() || p.position() == f.position().map(|n| n + 2), "{p:?} {f:?}");
            } else {
                assert_eq!(&padded, full);
            }
        }
        (padded, full) => panic!("whitespace changed the answer: {padded:?} against {full:?}"),
    }
}

/// The tool's stream on arbitrary bytes: one output line per input line, in order; each valid
/// UTF-8 line is the text a single decode reads (trimmed), or too long with the length it
/// reports; memory per line bounded.
pub fn stream(data: &[u8]) {
    let Some((&cap, input)) = data.split_first() else { return };
    let mut reader = std::io::BufReader::with_capacity(usize::from(cap % 16) + 1, input);
    let mut lines = Vec::new();
    while let Some(line) = stream::read_line(&mut reader).unwrap() {
        if let stream::Line::Text(t) = &line {
            assert!(t.len() <= stream::KEEP);
        }
        lines.push(line);
    }
    let raw: Vec<&[u8]> = if input.is_empty() {
        Vec::new()
    } else {
        let mut v: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
        if input.ends_with(b"\n") {
            v.pop();
        }
        v
    };
    assert_eq!(lines.len(), raw.len());
    for (line, raw) in lines.iter().zip(&raw) {
        let Ok(text) = std::str::from_utf8(raw) else { continue };
        let trimmed = text.trim();
        let bare =
            trimmed.get(..10).filter(|p| p.eq_ignore_ascii_case("lightning:")).map_or(trimmed, |_| &trimmed[10..]);
        let want = if trimmed.len() > stream::KEEP {
            stream::Line::TooLong(bare.len())
        } else {
            stream::Line::Text(trimmed.as_bytes().to_vec())
        };
        assert_eq!(line, &want);
    }
    // The stream writes one line per input line, in order.
    let mut out = Vec::new();
    let threads = std::num::NonZeroUsize::new(usize::from(cap >> 6) + 1).unwrap();
    let decode = |line: &stream::Line| match line {
        stream::Line::Text(t) => (format!("{}", t.len()), !t.is_empty()),
        stream::Line::TooLong(n) => (format!("long {n}"), false),
    };
    let end = stream::run(&mut std::io::BufReader::with_capacity(7, input), &mut out, threads, decode).unwrap();
    let written: Vec<&[u8]> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(written.len(), lines.len());
    let all = lines.iter().all(|l| matches!(l, stream::Line::Text(t) if !t.is_empty()));
    assert!(matches!(end, stream::End::Done(ok) if ok == all));
}

/// A point: one of the valid ones, by number, or 33 bytes as given.
type PointInput = Result<u8, [u8; 33]>;

/// A blinded path, built from parts and then perhaps damaged.
#[derive(Arbitrary, Debug)]
pub struct BlindedInput {
    info: (u32, u32, u16, u64, u64),
    features: Vec<u8>,
    /// Points are chosen among valid ones, or taken as given.
    blinding: PointInput,
    hops: Vec<(PointInput, Vec<u8>)>,
    /// Set `s`, and keep the path feature bit, as lnd's writer would not.
    with_secret: bool,
    feature_bit: bool,
    damage: Option<Damage>,
}

#[derive(Arbitrary, Debug)]
pub enum Damage {
    Truncate(u16),
    Set(u16, u8),
    Append(Vec<u8>),
    HopCount(u8),
}

fn point(choice: &PointInput) -> [u8; 33] {
    match choice {
        Ok(n) => {
            // 1 to 128 in every byte: below the curve order, so a valid secret key.
            let secret = SecretKey::from_slice(&[n % 128 + 1; 32]).unwrap();
            secret.public_key(&lightning_bolt11::secp256k1::Secp256k1::new()).serialize()
        }
        Err(bytes) => *bytes,
    }
}

/// A `b` field reached with structure: a path built from parts (or damaged after), signed into an
/// invoice. A path `BlindedPath::from_bytes` accepts reads back byte for byte in every profile
/// that sees it; one it refuses fails strict profiles with the same error and is kept unread
/// when lenient. Never a panic.
pub fn blinded(data: &[u8]) {
    use lightning_bolt11::{tag, BlindedHop, BlindedPath, BlindedPayInfo, DecodeError, FieldError, Policy};
    let Ok(input) = BlindedInput::arbitrary(&mut Unstructured::new(data)) else { return };
    let (fee_base_msat, fee_proportional_millionths, cltv_expiry_delta, htlc_minimum_msat, htlc_maximum_msat) =
        input.info;
    let info = BlindedPayInfo {
        fee_base_msat,
        fee_proportional_millionths,
        cltv_expiry_delta,
        htlc_minimum_msat,
        htlc_maximum_msat,
    };
    let hops: Vec<BlindedHop<'_>> =
        input.hops.iter().map(|(id, data)| BlindedHop { blinded_node_id: point(id), encrypted_data: data }).collect();
    let mut bytes = match BlindedPath::new(info, &input.features, point(&input.blinding), &hops) {
        Ok(p) => {
            assert_eq!(BlindedPath::from_bytes(p.as_bytes()).as_ref(), Ok(&p));
            assert_eq!(p.hops().count(), hops.len());
            p.as_bytes().to_vec()
        }
        Err(_) => return,
    };
    match &input.damage {
        None => {}
        Some(Damage::Truncate(n)) => bytes.truncate(usize::from(*n) % (bytes.len() + 1)),
        Some(Damage::Set(at, v)) => {
            let n = bytes.len();
            bytes[usize::from(*at) % n] = *v;
        }
        Some(Damage::Append(extra)) => bytes.extend_from_slice(extra),
        Some(Damage::HopCount(c)) => {
            let at = 28 + input.features.len() + 33;
            bytes[at] = *c;
        }
    }
    if bytes.len() > lightning_bolt11::MAX_FIELD_BYTES {
        return;
    }
    let expected = BlindedPath::from_bytes(&bytes);
    // The invoice: p, d, perhaps s and the feature bit, then the path.
    use bech32::{ByteIterExt, Fe32, Fe32IterExt, Hrp};
    let field = |words: &mut Vec<u8>, t: u8, data: Vec<u8>| {
        words.extend([t, (data.len() >> 5) as u8, (data.len() & 31) as u8]);
        words.extend(data);
    };
    let to_words = |b: &[u8]| b.iter().copied().bytes_to_fes().map(|f| f.to_u8()).collect::<Vec<u8>>();
    let mut words = vec![0u8, 0, 0, 0, 0, 0, 1];
    field(&mut words, tag::PAYMENT_HASH, to_words(&[7; 32]));
    field(&mut words, tag::DESCRIPTION, to_words(b"blinded"));
    if input.with_secret {
        field(&mut words, tag::PAYMENT_SECRET, to_words(&[9; 32]));
    }
    if input.feature_bit {
        // Bit 262: word 52 from the end holds bits 260-264; 262 is its bit 2.
        let mut f = vec![0u8; 53];
        f[0] = 1 << 2;
        field(&mut words, tag::FEATURES, f);
    }
    field(&mut words, tag::BLINDED_PATH, to_words(&bytes));
    let hrp = Hrp::parse("lnbc").unwrap();
    let mut preimage = b"lnbc".to_vec();
    preimage.extend(words.iter().copied().map(|w| Fe32::try_from(w).unwrap()).fes_to_bytes());
    let hash = bitcoin_hashes::sha256::Hash::hash(&preimage).to_byte_array();
    let key = SecretKey::from_slice(&KEY).unwrap();
    let secp = lightning_bolt11::secp256k1::Secp256k1::new();
    let (id, rs) =
        secp.sign_ecdsa_recoverable(&lightning_bolt11::secp256k1::Message::from_digest(hash), &key).serialize_compact();
    let mut sig = rs.to_vec();
    sig.push(id.to_i32() as u8);
    words.extend(to_words(&sig));
    let s: String =
        words.into_iter().map(|w| Fe32::try_from(w).unwrap()).with_checksum::<Bolt11Bech32>(&hrp).chars().collect();
    decode_str(&s);
    for policy in Policy::ALL {
        let got = Invoice::decode_with(&s, &DecodeOptions::new().policy(policy));
        match (&expected, got) {
            (Ok(path), Ok(inv)) => assert_eq!(inv.blinded_paths().collect::<Vec<_>>(), std::slice::from_ref(path)),
            (Ok(_), Err(e)) => assert!(
                matches!(
                    e,
                    DecodeError::Field(
                        FieldError::BlindedWithoutSecret
                            | FieldError::BlindedWithoutFeature
                            | FieldError::MissingPaymentSecret
                            | FieldError::UnknownRequiredFeature { .. }
                    )
                ),
                "{policy}: {e}"
            ),
            (Err(want), Ok(inv)) => {
                assert_eq!(policy, Policy::Lenient, "{want}");
                assert_eq!(inv.blinded_paths().count(), 0);
                assert_eq!(inv.unknown_fields().filter(|f| f.tag == tag::BLINDED_PATH).count(), 1);
            }
            (Err(want), Err(e)) => {
                if policy != Policy::Lenient {
                    let same =
                        matches!(&e, DecodeError::Field(FieldError::InvalidBlindedPath { error, .. }) if error == want);
                    assert!(same, "{policy}: {e}, expected {want}");
                }
            }
        }
    }
}
