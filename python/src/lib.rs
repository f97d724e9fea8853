//! `lightning_bolt11._native`: the Python package's compiled core, a thin layer over the
//! `lightning-bolt11` crate. Every decode, check and signature is the crate's; this layer
//! converts arguments and results, and raises the crate's errors as Python exceptions with
//! their `kind`.

mod build;
mod decode;
mod input;
mod invoice;
mod lnbits;
mod requests;

use lightning_bolt11::{DecodeOptions, Network, Policy};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(lightning_bolt11, DecodeError, PyValueError, "An invoice that does not decode: `kind`, `message`, `position` (or None) and `rule` (the BOLT-11 rule it breaks, or None).");
create_exception!(
    lightning_bolt11,
    InputError,
    PyValueError,
    "Pasted text that is no invoice this package reads, or a malformed payment link: `kind` and `message`."
);
create_exception!(
    lightning_bolt11,
    BuildError,
    PyValueError,
    "An invoice the builder refuses to make: `kind` and `message`."
);
create_exception!(
    lightning_bolt11,
    RequestError,
    PyValueError,
    "An invoice request that cannot be honoured: `kind` and `message`."
);

/// An exception of type `E` with `kind` and `message` set, and any further attributes.
pub(crate) fn error<E: pyo3::PyTypeInfo>(
    py: Python<'_>,
    kind: &str,
    message: String,
    extra: &[(&str, Py<PyAny>)],
) -> PyErr {
    let err = PyErr::new::<E, _>(message.clone());
    let value = err.value(py);
    let _ = value.setattr("kind", kind);
    let _ = value.setattr("message", message);
    for (name, v) in extra {
        let _ = value.setattr(*name, v.bind(py));
    }
    err
}

/// The crate's decode error as a `DecodeError`.
pub(crate) fn decode_error(py: Python<'_>, e: &lightning_bolt11::DecodeError) -> PyErr {
    let position = e.position().into_pyobject(py).map(|p| p.into_any().unbind()).unwrap_or_else(|_| py.None());
    let rule = e.rule().into_pyobject(py).map(|p| p.into_any().unbind()).unwrap_or_else(|_| py.None());
    error::<DecodeError>(py, e.kind(), e.to_string(), &[("position", position), ("rule", rule)])
}

/// A usage error (bad argument), as Python raises them.
pub(crate) fn usage(message: impl Into<String>) -> PyErr {
    PyValueError::new_err(message.into())
}

/// A network by name, as the crate reads them (`bitcoin`, `testnet`, `signet`, `regtest`, ...).
pub(crate) fn network(name: &str) -> PyResult<Network> {
    name.parse().map_err(|e: lightning_bolt11::UnknownNetwork| usage(format!("network {name:?}: {e}")))
}

/// The decoding options from the Python arguments: `profile` (strict, lenient, blinded,
/// legacy), `lenient` (shorthand) and `network`.
pub(crate) fn options(profile: Option<&str>, lenient: bool, net: Option<&str>) -> PyResult<DecodeOptions<'static>> {
    let policy = match (profile, lenient) {
        (Some(p), false) => p.parse::<Policy>().map_err(|e| usage(format!("profile {p:?}: {e}")))?,
        (None, true) => Policy::Lenient,
        (None, false) => Policy::Strict,
        (Some(_), true) => return Err(usage("give profile= or lenient=True, not both")),
    };
    let mut opts = DecodeOptions::new().policy(policy);
    if let Some(n) = net {
        opts = opts.network(network(n)?);
    }
    Ok(opts)
}

/// Untrusted text (a description), with every character that could disguise it replaced by
/// U+FFFD: control and bidirectional characters, and those that show as nothing.
#[pyfunction]
fn printable(text: &str) -> String {
    lightning_bolt11::PrintableString(text).to_string()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("BuildError", py.get_type::<BuildError>())?;
    m.add("RequestError", py.get_type::<RequestError>())?;
    m.add_function(wrap_pyfunction!(printable, m)?)?;
    invoice::register(m)?;
    decode::register(m)?;
    input::register(m)?;
    build::register(m)?;
    requests::register(m)?;
    lnbits::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
