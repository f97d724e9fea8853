//! `build_invoice`: an invoice made and signed from keyword arguments, by the crate's builder.

use lightning_bolt11::secp256k1::SecretKey;
use lightning_bolt11::{Fallback, InvoiceBuilder, RouteHop, ShortChannelId};
use pyo3::prelude::*;

use crate::invoice::Invoice;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(build_invoice, m)?)?;
    Ok(())
}

pub(crate) fn build_error(py: Python<'_>, e: &lightning_bolt11::BuildError) -> PyErr {
    crate::error::<crate::BuildError>(py, e.kind(), e.to_string(), &[])
}

pub(crate) fn array32(name: &str, b: &[u8]) -> PyResult<[u8; 32]> {
    b.try_into().map_err(|_| crate::usage(format!("{name} must be 32 bytes, not {}", b.len())))
}

pub(crate) fn secret_key(b: &[u8]) -> PyResult<SecretKey> {
    SecretKey::from_slice(b).map_err(|_| crate::usage("secret_key must be 32 bytes, a valid secp256k1 secret key"))
}

/// A route hop given as `(src_node_id: bytes, short_channel_id: int | "BLOCKxTXxOUT",
/// fee_base_msat, fee_proportional_millionths, cltv_expiry_delta)`.
type HopArg<'py> = (Vec<u8>, Bound<'py, PyAny>, u32, u32, u16);

fn hop(h: HopArg<'_>) -> PyResult<RouteHop> {
    let (id, scid, base, prop, cltv) = h;
    let src_node_id: [u8; 33] =
        id.as_slice().try_into().map_err(|_| crate::usage("a hop's src_node_id is 33 bytes"))?;
    let scid = match scid.extract::<u64>() {
        Ok(n) => n,
        Err(_) => {
            let text: String = scid.extract()?;
            crate::lnbits::scid(&text)?.0
        }
    };
    Ok(RouteHop {
        src_node_id,
        short_channel_id: ShortChannelId(scid),
        fee_base_msat: base,
        fee_proportional_millionths: prop,
        cltv_expiry_delta: cltv,
    })
}

/// Makes and signs an invoice with the crate's builder, which refuses (with `BuildError`, a
/// `ValueError` with `kind`) anything a reader would refuse. Hashes, secrets and keys are
/// bytes; the amount is in millisatoshis; `features` are added to the defaults (8 and 14,
/// required), `features_exact` written as given. `timestamp` defaults to now.
#[pyfunction]
#[pyo3(signature = (
    *, secret_key, payment_hash, payment_secret=None, description=None, description_hash=None,
    amount_msat=None, network="bitcoin", timestamp=None, expiry=None, min_final_cltv_expiry_delta=None,
    features=None, features_exact=None, payment_metadata=None, fallbacks=Vec::new(), route_hints=Vec::new(),
    payee_pubkey=false
))]
#[allow(clippy::too_many_arguments)]
fn build_invoice<'py>(
    py: Python<'py>,
    secret_key: &[u8],
    payment_hash: &[u8],
    payment_secret: Option<&[u8]>,
    description: Option<&str>,
    description_hash: Option<&[u8]>,
    amount_msat: Option<u64>,
    network: &str,
    timestamp: Option<u64>,
    expiry: Option<u64>,
    min_final_cltv_expiry_delta: Option<u64>,
    features: Option<Vec<usize>>,
    features_exact: Option<Vec<usize>>,
    payment_metadata: Option<&[u8]>,
    fallbacks: Vec<(u8, Vec<u8>)>,
    route_hints: Vec<Vec<HopArg<'py>>>,
    payee_pubkey: bool,
) -> PyResult<Invoice> {
    let key = self::secret_key(secret_key)?;
    let mut b = InvoiceBuilder::new(crate::network(network)?).payment_hash(array32("payment_hash", payment_hash)?);
    if let Some(s) = payment_secret {
        b = b.payment_secret(array32("payment_secret", s)?);
    }
    if let Some(d) = description {
        b = b.description(d);
    }
    if let Some(h) = description_hash {
        b = b.description_hash(array32("description_hash", h)?);
    }
    if let Some(a) = amount_msat {
        b = b.amount_msat(a);
    }
    if let Some(t) = timestamp {
        b = b.timestamp(t);
    }
    if let Some(x) = expiry {
        b = b.expiry(x);
    }
    if let Some(c) = min_final_cltv_expiry_delta {
        b = b.min_final_cltv_expiry_delta(c);
    }
    if let Some(f) = features {
        b = b.features(&f);
    }
    if let Some(f) = features_exact {
        b = b.features_exact(&f);
    }
    if let Some(m) = payment_metadata {
        b = b.payment_metadata(m);
    }
    for (version, program) in fallbacks {
        let f = Fallback::new(version, &program)
            .ok_or_else(|| crate::usage(format!("fallback version {version} cannot carry {} bytes", program.len())))?;
        b = b.fallback(f);
    }
    for hint in route_hints {
        let hops = hint.into_iter().map(hop).collect::<PyResult<Vec<_>>>()?;
        b = b.route_hint(&hops);
    }
    if payee_pubkey {
        b = b.payee_pubkey(key.public_key(lightning_bolt11::secp256k1::SECP256K1));
    }
    b.sign(&key).map(Invoice::verified).map_err(|e| build_error(py, &e))
}
