//! `parse_input`: whatever a user pasted or scanned.

use lightning_bolt11::input::{InputError as Refusal, PaymentInput as Parsed};
use pyo3::prelude::*;

use crate::invoice::Invoice;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PaymentInput>()?;
    m.add_function(wrap_pyfunction!(parse_input, m)?)?;
    Ok(())
}

/// What pasted text turned out to be: an invoice, bare or in a `lightning:` link (`kind`
/// `"invoice"`), or in a BIP-21 `bitcoin:` URI (`kind` `"bip21"`, with its on-chain part).
#[pyclass(module = "lightning_bolt11", frozen, get_all)]
pub struct PaymentInput {
    /// `invoice` or `bip21`.
    kind: &'static str,
    /// The invoice, decoded and its signature checked.
    invoice: Py<Invoice>,
    /// The URI's on-chain address, or None.
    address: Option<String>,
    /// The URI's `amount`, in millisatoshis, or None.
    amount_msat: Option<u64>,
    /// The URI's `label` (untrusted text: see `printable()`), or None.
    label: Option<String>,
    /// The URI's `message` (untrusted text), or None.
    message: Option<String>,
    /// How the URI's amount compares with the invoice's: `agrees`, `no_uri_amount`,
    /// `invoice_any_amount` or `disagrees` (a wallet should ask, or refuse); None for a bare
    /// invoice.
    amount_check: Option<&'static str>,
}

#[pymethods]
impl PaymentInput {
    fn __repr__(&self) -> String {
        format!("PaymentInput(kind='{}')", self.kind)
    }
}

/// Reads whatever a user pasted or scanned: a BOLT-11 invoice, bare or behind `lightning:` or
/// `lightning://`, or a `bitcoin:` URI carrying one. Anything else raises `InputError` (a
/// `ValueError`) whose `kind` says what it is: `bolt12_offer`, `lnurl`, `lightning_address`,
/// `on_chain_address`, a malformed URI (`uri_...`), or the invoice's decode error.
#[pyfunction]
#[pyo3(signature = (text, *, lenient=false, network=None, profile=None))]
fn parse_input(
    py: Python<'_>,
    text: &str,
    lenient: bool,
    network: Option<&str>,
    profile: Option<&str>,
) -> PyResult<PaymentInput> {
    let opts = crate::options(profile, lenient, network)?;
    match Parsed::parse_with(text, &opts) {
        Ok(Parsed::Bip21(uri)) => {
            let check = uri.amount_check().kind();
            Ok(PaymentInput {
                kind: "bip21",
                invoice: Py::new(py, Invoice::verified(uri.invoice.clone()))?,
                address: uri.address.clone(),
                amount_msat: uri.amount_msat,
                label: uri.label.clone(),
                message: uri.message.clone(),
                amount_check: Some(check),
            })
        }
        Ok(other) => Ok(PaymentInput {
            kind: "invoice",
            invoice: Py::new(py, Invoice::verified(other.invoice().clone()))?,
            address: None,
            amount_msat: None,
            label: None,
            message: None,
            amount_check: None,
        }),
        Err(Refusal::Invoice(e)) => {
            let err = crate::decode_error(py, &e);
            let value = err.value(py);
            let input = crate::error::<crate::InputError>(
                py,
                e.kind(),
                e.to_string(),
                &[("decode_error", value.clone().into_any().unbind())],
            );
            Err(input)
        }
        Err(e) => Err(crate::error::<crate::InputError>(py, e.kind(), e.to_string(), &[])),
    }
}
