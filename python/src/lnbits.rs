//! What `lightning_bolt11.lnbits` (the drop-in for lnbits' `bolt11` package) needs from the
//! crate: its decode in the shape lnbits' objects are built from, its builder driven by lnbits'
//! tags, and the signature work of lnbits' `Signature`. Each is the crate's own, or
//! libsecp256k1's; the Python side only arranges the results as lnbits' classes.

use hex_conservative::{DisplayHex, FromHex};
use lightning_bolt11::secp256k1::ecdsa::{RecoverableSignature, RecoveryId};
use lightning_bolt11::secp256k1::{Message, PublicKey, SECP256K1};
use lightning_bolt11::{tag, DecodeOptions, Fallback, Features, Invoice, InvoiceBuilder, Network, RouteHint};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

use crate::build::{build_error, secret_key};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(lnbits_decode, m)?)?;
    m.add_function(wrap_pyfunction!(lnbits_encode, m)?)?;
    m.add_function(wrap_pyfunction!(sign_message, m)?)?;
    m.add_function(wrap_pyfunction!(recover_message, m)?)?;
    m.add_function(wrap_pyfunction!(verify_message, m)?)?;
    m.add_function(wrap_pyfunction!(fallback_address, m)?)?;
    m.add_function(wrap_pyfunction!(fallback_from_address, m)?)?;
    m.add_function(wrap_pyfunction!(amount_to_msat, m)?)?;
    m.add_function(wrap_pyfunction!(msat_to_amount, m)?)?;
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.to_lower_hex_string()
}

/// lnbits' currency names: `bc`, `tb`, `tbs`, `bcrt` (and `sb`, which lnbits does not read).
fn network_of(currency: &str) -> PyResult<Network> {
    Network::ALL
        .into_iter()
        .find(|n| n.currency() == currency)
        .ok_or_else(|| crate::usage(format!("unknown currency {currency:?}")))
}

/// 5-bit words packed into bytes, the last one zero-padded (what lnbits calls `signing_data`;
/// the crate's `Words::bytes` drops a partial last byte, as fields need).
fn pack(words: impl Iterator<Item = u8>) -> Vec<u8> {
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0u32);
    for w in words {
        acc = acc << 5 | u32::from(w & 31);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
    out
}

/// Decodes with the crate (signature checked, payee known) and returns what lnbits' `decode`
/// builds its `Bolt11` from: `(currency, timestamp, amount_msat, hrp, signing_data,
/// signature_data, tags)`. `tags` are `(char, value)` in lnbits' order and choice: the first
/// `p`, `s`, `h`, `n`, `d`, `m`, `x`, `c`, `f`, `9` and every `r`, then the recovered payee
/// as `n` when the invoice names none. Values: hex for hashes and keys, `str` for `d`, `int`
/// for `x` and `c`, `(version, program, address)` for `f`, `(bits, words)` for `9`, and for `r`
/// a list of `(public_key, short_channel_id, base_fee, ppm_fee, cltv_expiry_delta)`.
#[pyfunction]
fn lnbits_decode<'py>(py: Python<'py>, pr: &str, lenient: bool) -> PyResult<Bound<'py, PyTuple>> {
    let opts = if lenient { DecodeOptions::new().lenient() } else { DecodeOptions::new() };
    let inv = Invoice::decode_with(pr, &opts).map_err(|e| crate::decode_error(py, &e))?;
    let view = inv.as_view();
    let network = view.network();
    let tags = PyList::empty(py);
    let mut seen = 0u32;
    let mut first = |t: u8| {
        let new = seen & (1 << t) == 0;
        seen |= 1 << t;
        new
    };
    let mut has_n = false;
    for f in view.fields() {
        let c = f.tag_char().to_string();
        let bytes: Vec<u8> = f.data.bytes().collect();
        match f.tag {
            tag::PAYMENT_HASH | tag::PAYMENT_SECRET | tag::DESCRIPTION_HASH if f.data.len() == 52 && first(f.tag) => {
                tags.append((c, hex(&bytes)))?;
            }
            tag::PAYEE if f.data.len() == 53 && first(f.tag) => {
                has_n = true;
                tags.append((c, hex(&bytes)))?;
            }
            tag::DESCRIPTION if first(f.tag) => {
                tags.append((c, String::from_utf8_lossy(&bytes).into_owned()))?;
            }
            tag::METADATA if first(f.tag) => tags.append((c, hex(&bytes)))?,
            tag::EXPIRY | tag::MIN_FINAL_CLTV if first(f.tag) => tags.append((c, f.data.to_u64().unwrap_or(0)))?,
            tag::FALLBACK if first(f.tag) => {
                if let Some(fb) = Fallback::from_field(f.data) {
                    let program = PyBytes::new(py, fb.program());
                    tags.append((c, (fb.version(), program, fb.address(network).to_string())))?;
                }
            }
            tag::FEATURES if first(f.tag) => {
                let bits: Vec<usize> = Features::from_words(f.data).iter().collect();
                tags.append((c, (bits, f.data.len())))?;
            }
            tag::ROUTE => {
                let Some(hint) = RouteHint::from_field(f.data) else { continue };
                let hops: Vec<(String, String, u32, u32, u16)> = hint
                    .hops()
                    .map(|h| {
                        let scid = h.short_channel_id.to_string();
                        (hex(&h.src_node_id), scid, h.fee_base_msat, h.fee_proportional_millionths, h.cltv_expiry_delta)
                    })
                    .collect();
                tags.append((c, hops))?;
            }
            _ => {}
        }
    }
    if !has_n {
        tags.append(("n", hex(&inv.payee().serialize())))?;
    }
    let data = view.data();
    let signed = data.len().saturating_sub(104);
    let signing_data = pack(data.iter().take(signed));
    let mut signature = view.signature().to_vec();
    signature.push(view.recovery_id());
    let items: Vec<Py<PyAny>> = vec![
        network.currency().into_pyobject(py)?.into_any().unbind(),
        view.timestamp().into_pyobject(py)?.into_any().unbind(),
        view.amount_msat().into_pyobject(py)?.into_any().unbind(),
        view.hrp().to_ascii_lowercase().into_pyobject(py)?.into_any().unbind(),
        PyBytes::new(py, &signing_data).into_any().unbind(),
        PyBytes::new(py, &signature).into_any().unbind(),
        tags.into_any().unbind(),
    ];
    PyTuple::new(py, items)
}

/// A route hop as lnbits writes one: `(public_key hex, "BLOCKxTXxOUT", base, ppm, cltv)`.
type LnbitsHop = (String, String, u32, u32, u16);

fn from_hex(name: &str, text: &str) -> PyResult<Vec<u8>> {
    Vec::from_hex(text).map_err(|_| crate::usage(format!("{name}: not hex")))
}

/// A short channel id written `BLOCKxTXxOUT`.
pub(crate) fn scid(text: &str) -> PyResult<lightning_bolt11::ShortChannelId> {
    text.parse().map_err(|e| crate::usage(format!("short_channel_id {text:?}: {e}")))
}

fn array32_hex(name: &str, text: &str) -> PyResult<[u8; 32]> {
    from_hex(name, text)?.try_into().map_err(|_| crate::usage(format!("{name}: 32 bytes of hex")))
}

/// Encodes lnbits' tags, in their order, with the crate's builder, which refuses what a reader
/// would refuse. Signs with `private_key` (hex) or attaches `signature` (65 bytes, r, s and the
/// recovery id) as given. `n` tags are written only with `keep_payee`.
#[pyfunction]
#[pyo3(signature = (currency, amount_msat, timestamp, tags, private_key=None, signature=None, keep_payee=false))]
#[allow(clippy::too_many_arguments)]
fn lnbits_encode(
    py: Python<'_>,
    currency: &str,
    amount_msat: Option<u64>,
    timestamp: u64,
    tags: Vec<(String, Bound<'_, PyAny>)>,
    private_key: Option<&str>,
    signature: Option<&[u8]>,
    keep_payee: bool,
) -> PyResult<String> {
    let mut b = InvoiceBuilder::new(network_of(currency)?).timestamp(timestamp);
    if let Some(a) = amount_msat.filter(|&a| a > 0) {
        b = b.amount_msat(a);
    }
    let mut features = false;
    for (c, value) in tags {
        b = match c.as_str() {
            "p" => b.payment_hash(array32_hex("payment_hash", &value.extract::<String>()?)?),
            "s" => b.payment_secret(array32_hex("payment_secret", &value.extract::<String>()?)?),
            "h" => b.description_hash(array32_hex("description_hash", &value.extract::<String>()?)?),
            "d" => b.description(&value.extract::<String>()?),
            "m" => b.payment_metadata(&from_hex("metadata", &value.extract::<String>()?)?),
            "x" => b.expiry(value.extract()?),
            "c" => b.min_final_cltv_expiry_delta(value.extract()?),
            "n" if keep_payee => {
                let key = PublicKey::from_slice(&from_hex("payee", &value.extract::<String>()?)?)
                    .map_err(|_| crate::usage("payee: not a public key"))?;
                b.payee_pubkey(key)
            }
            "n" => b,
            "9" => {
                features = true;
                b.features_exact(&value.extract::<Vec<usize>>()?)
            }
            "f" => {
                let (version, program): (u8, Vec<u8>) = value.extract()?;
                let f = Fallback::new(version, &program).ok_or_else(|| {
                    crate::usage(format!("fallback version {version} with a {}-byte program", program.len()))
                })?;
                b.fallback(f)
            }
            "r" => {
                let hops: Vec<LnbitsHop> = value.extract()?;
                let hops = hops
                    .into_iter()
                    .map(|(id, channel, base, ppm, cltv)| {
                        let src_node_id: [u8; 33] = from_hex("public_key", &id)?
                            .try_into()
                            .map_err(|_| crate::usage("public_key: 33 bytes of hex"))?;
                        Ok(lightning_bolt11::RouteHop {
                            src_node_id,
                            short_channel_id: scid(&channel)?,
                            fee_base_msat: base,
                            fee_proportional_millionths: ppm,
                            cltv_expiry_delta: cltv,
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                b.route_hint(&hops)
            }
            other => return Err(crate::usage(format!("unknown tag {other:?}"))),
        };
    }
    if !features {
        // lnbits writes no `9` field unless one is given: nor does the builder, then.
        b = b.features_exact(&[]);
    }
    let made = match (private_key, signature) {
        (Some(key), _) => b.sign(&secret_key(&from_hex("private_key", key)?)?).map_err(|e| build_error(py, &e))?,
        (None, Some(sig)) => {
            let sig: &[u8; 65] = sig.try_into().map_err(|_| crate::usage("a signature is 65 bytes"))?;
            b.with_signature(sig).map_err(|e| build_error(py, &e))?
        }
        (None, None) => return Err(crate::usage("no private key and no signature")),
    };
    Ok(made.to_string())
}

fn recoverable(sig: &[u8]) -> PyResult<RecoverableSignature> {
    let (rs, id) = match sig {
        [rs @ .., id] if rs.len() == 64 => (rs, *id),
        _ => return Err(crate::usage("a signature is 65 bytes: r, s and the recovery id")),
    };
    let id = RecoveryId::from_i32(i32::from(id)).map_err(|_| crate::usage("the recovery id is 0 to 3"))?;
    RecoverableSignature::from_compact(rs, id).map_err(|_| crate::usage("the signature is malformed"))
}

/// What lnbits' signatures sign: SHA-256 of the message.
fn digest(message: &[u8]) -> Message {
    use bitcoin_hashes::{sha256, Hash};
    Message::from_digest(sha256::Hash::hash(message).to_byte_array())
}

/// Signs SHA-256(`message`) with `secret_key` (32 bytes): 65 bytes, r, s, recovery id.
#[pyfunction]
fn sign_message<'py>(py: Python<'py>, secret_key: &[u8], message: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let key = crate::build::secret_key(secret_key)?;
    let (id, rs) = SECP256K1.sign_ecdsa_recoverable(&digest(message), &key).serialize_compact();
    let mut out = rs.to_vec();
    out.push(id.to_i32() as u8);
    Ok(PyBytes::new(py, &out))
}

/// The compressed public key (33 bytes) that signed SHA-256(`message`) with `signature`.
#[pyfunction]
fn recover_message<'py>(py: Python<'py>, signature: &[u8], message: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let key = SECP256K1
        .recover_ecdsa(&digest(message), &recoverable(signature)?)
        .map_err(|_| crate::usage("no key can be recovered from the signature"))?;
    Ok(PyBytes::new(py, &key.serialize()))
}

/// Whether `signature` (65 bytes, or 64) signs SHA-256(`message`) for `public_key`.
#[pyfunction]
fn verify_message(signature: &[u8], message: &[u8], public_key: &[u8]) -> PyResult<bool> {
    let key = PublicKey::from_slice(public_key).map_err(|_| crate::usage("not a public key"))?;
    let rs = signature.get(..64).ok_or_else(|| crate::usage("a signature is 64 or 65 bytes"))?;
    let sig = lightning_bolt11::secp256k1::ecdsa::Signature::from_compact(rs)
        .map_err(|_| crate::usage("the signature is malformed"))?;
    Ok(SECP256K1.verify_ecdsa(&digest(message), &sig, &key).is_ok())
}

/// A fallback's address on `currency`'s network (bech32 for witness v0, bech32m after, as
/// BIP-350 says; base58check for P2PKH and P2SH).
#[pyfunction]
fn fallback_address(version: u8, program: &[u8], currency: &str) -> PyResult<String> {
    let f = Fallback::new(version, program)
        .ok_or_else(|| crate::usage(format!("fallback version {version} cannot carry {} bytes", program.len())))?;
    Ok(f.address(network_of(currency)?).to_string())
}

/// The fallback `(version, program)` an address pays to, if it is an address on `currency`'s
/// network.
#[pyfunction]
fn fallback_from_address<'py>(py: Python<'py>, address: &str, currency: &str) -> PyResult<(u8, Bound<'py, PyBytes>)> {
    let network = network_of(currency)?;
    if let Ok((hrp, version, program)) = bech32::segwit::decode(address) {
        if hrp.as_str() != network.segwit_hrp() {
            return Err(crate::usage("Not a bech32 address for this currency"));
        }
        return Ok((version.to_u8(), PyBytes::new(py, &program)));
    }
    let payload = base58ck::decode_check(address).map_err(|_| crate::usage("not an address"))?;
    let (p2pkh, p2sh) = network.base58_versions();
    match payload.split_first() {
        Some((&v, hash)) if v == p2pkh && hash.len() == 20 => Ok((17, PyBytes::new(py, hash))),
        Some((&v, hash)) if v == p2sh && hash.len() == 20 => Ok((18, PyBytes::new(py, hash))),
        _ => Err(crate::usage(format!("Unknown address type for {currency}"))),
    }
}

/// Millisatoshis for an amount as an invoice's prefix writes it (`2500u`), read strictly: a
/// fraction of a millisatoshi, a leading zero or an overflow raises `ValueError`.
#[pyfunction]
fn amount_to_msat(amount: &str) -> PyResult<u64> {
    lightning_bolt11::amount_from_text(amount).map_err(|e| crate::usage(e.to_string()))
}

/// The shortest way to write `msat` in an invoice's prefix.
#[pyfunction]
fn msat_to_amount(msat: u64) -> String {
    lightning_bolt11::amount_to_text(msat)
}
