//! `decode` and `decode_many`.

use std::num::NonZeroUsize;

use lightning_bolt11::{batch, InvoiceRef};
use pyo3::prelude::*;

use crate::invoice::Invoice;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(decode_many, m)?)?;
    m.add_function(wrap_pyfunction!(_rust_decode_seconds, m)?)?;
    Ok(())
}

/// What one decode gives, before Python objects are made (so that threads need no GIL).
enum Decoded {
    Verified(lightning_bolt11::Invoice),
    Unverified(Invoice),
    Failed(lightning_bolt11::DecodeError),
}

fn decode_one(text: &str, opts: &lightning_bolt11::DecodeOptions<'_>, verify: bool) -> Decoded {
    if verify {
        return match lightning_bolt11::Invoice::decode_with(text, opts) {
            Ok(inv) => Decoded::Verified(inv),
            Err(e) => Decoded::Failed(e),
        };
    }
    match InvoiceRef::parse_with(text, opts) {
        Ok(view) => Decoded::Unverified(Invoice::unverified(&view)),
        Err(e) => Decoded::Failed(e),
    }
}

/// Decodes an invoice (surrounding whitespace and `lightning:` allowed) and, unless
/// `verify=False`, checks its signature and recovers the payee.
///
/// `profile` is `strict` (the default: BOLT-11), `blinded`, `legacy` or `lenient`
/// (`lenient=True` says the same); `network` refuses an invoice for another network.
/// Raises `DecodeError` (a `ValueError`) with `kind`, `message`, `position` and `rule`.
#[pyfunction]
#[pyo3(signature = (text, *, lenient=false, network=None, verify=true, profile=None))]
fn decode(text: &str, lenient: bool, network: Option<&str>, verify: bool, profile: Option<&str>) -> PyResult<Invoice> {
    let opts = crate::options(profile, lenient, network)?;
    Python::attach(|py| match decode_one(text, &opts, verify) {
        Decoded::Verified(inv) => Ok(Invoice::verified(inv)),
        Decoded::Unverified(inv) => Ok(inv),
        Decoded::Failed(e) => Err(crate::decode_error(py, &e)),
    })
}

/// Decodes many invoices on every core (or `threads`), releasing the GIL, and returns one
/// result per input, in order: an `Invoice`, or the `DecodeError` it would have raised.
#[pyfunction]
#[pyo3(signature = (texts, *, threads=None, lenient=false, network=None, verify=true, profile=None))]
fn decode_many(
    py: Python<'_>,
    texts: Vec<String>,
    threads: Option<usize>,
    lenient: bool,
    network: Option<&str>,
    verify: bool,
    profile: Option<&str>,
) -> PyResult<Vec<Py<PyAny>>> {
    let opts = crate::options(profile, lenient, network)?;
    let threads = match threads {
        Some(n) => NonZeroUsize::new(n).ok_or_else(|| crate::usage("threads must be 1 or more"))?,
        None => std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
    };
    let results = py.detach(|| batch::map(&texts, threads, |t| decode_one(t, &opts, verify)));
    results
        .into_iter()
        .map(|r| match r {
            Decoded::Verified(inv) => Ok(Py::new(py, Invoice::verified(inv))?.into_any()),
            Decoded::Unverified(inv) => Ok(Py::new(py, inv)?.into_any()),
            Decoded::Failed(e) => Ok(crate::decode_error(py, &e).into_value(py).into_any()),
        })
        .collect()
}

/// For `bench.py` only: the seconds the crate itself takes to decode (verified, strict)
/// `texts` `rounds` times over, in Rust, with no Python object made: the baseline that
/// Python's own overhead on `decode` is measured against. Returns how many decoded, too.
#[pyfunction]
fn _rust_decode_seconds(py: Python<'_>, texts: Vec<String>, rounds: usize) -> (f64, usize) {
    py.detach(|| {
        let start = std::time::Instant::now();
        let mut ok = 0;
        for _ in 0..rounds {
            for t in &texts {
                ok += usize::from(std::hint::black_box(lightning_bolt11::Invoice::decode(t)).is_ok());
            }
        }
        (start.elapsed().as_secs_f64(), ok)
    })
}
