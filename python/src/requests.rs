//! The four invoice-request APIs (WebLN, NWC, LNPay, Bitfinex): make the invoice a request
//! asks for, and check one a wallet returned.

use lightning_bolt11::request::{make_response, parse_request, Api, CheckOptions, MakeParams};
use lightning_bolt11::secp256k1::rand::random;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::build::{array32, secret_key};
use crate::invoice::Invoice;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(make_invoice, m)?)?;
    m.add_function(wrap_pyfunction!(check_invoice, m)?)?;
    Ok(())
}

fn api(name: &str) -> PyResult<Api> {
    name.parse().map_err(|_| crate::usage(format!("api {name:?}: expected webln, nwc, lnpay or bitfinex")))
}

fn request_error(py: Python<'_>, e: &lightning_bolt11::request::RequestError) -> PyErr {
    crate::error::<crate::RequestError>(py, e.kind(), e.to_string(), &[])
}

/// Makes and signs the invoice `request_json` (the API's own request body) asks for; returns
/// `(invoice, response_json, preimage)`. A preimage not given is made at random and returned:
/// without it the invoice could never be settled.
#[pyfunction]
#[pyo3(signature = (api, request_json, *, secret_key, network="bitcoin", preimage=None, payment_secret=None, amount_sats=None, timestamp=None))]
#[allow(clippy::too_many_arguments)]
fn make_invoice<'py>(
    py: Python<'py>,
    api: &str,
    request_json: &str,
    secret_key: &[u8],
    network: &str,
    preimage: Option<&[u8]>,
    payment_secret: Option<&[u8]>,
    amount_sats: Option<u64>,
    timestamp: Option<u64>,
) -> PyResult<(Invoice, String, Bound<'py, PyBytes>)> {
    let key = self::secret_key(secret_key)?;
    let preimage = match preimage {
        Some(p) => array32("preimage", p)?,
        None => random(),
    };
    let payment_secret = match payment_secret {
        Some(s) => array32("payment_secret", s)?,
        None => random(),
    };
    let timestamp = timestamp.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
    });
    let params =
        MakeParams { network: crate::network(network)?, key: &key, preimage, payment_secret, amount_sats, timestamp };
    let (invoice, body) = make_response(self::api(api)?, request_json, &params).map_err(|e| request_error(py, &e))?;
    Ok((Invoice::verified(invoice), body.to_string(), PyBytes::new(py, &preimage)))
}

/// Checks that `invoice` honours `request_json`: signature, network (None: any), amount,
/// description or its hash, expiry, not expired at `now` (the clock when None). Returns
/// `(ok, [(kind, message), ...])`.
#[pyfunction]
#[pyo3(signature = (api, request_json, invoice, *, network=Some("bitcoin"), now=None))]
fn check_invoice(
    py: Python<'_>,
    api: &str,
    request_json: &str,
    invoice: &str,
    network: Option<&str>,
    now: Option<u64>,
) -> PyResult<(bool, Vec<(&'static str, String)>)> {
    let request = parse_request(self::api(api)?, request_json).map_err(|e| request_error(py, &e))?;
    let network = network.map(crate::network).transpose()?;
    let now = Some(now.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
    }));
    let report = request.check(invoice, &CheckOptions { network, now });
    Ok((report.is_ok(), report.violations.iter().map(|v| (v.kind(), v.to_string())).collect()))
}
