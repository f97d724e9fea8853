//! `Invoice` and the values it holds (features, route hops, fallbacks, blinded paths), read
//! from the crate's decoded invoice when asked for.

use lightning_bolt11::secp256k1::PublicKey;
use lightning_bolt11::{DecodeOptions, InvoiceRef, Policy};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Invoice>()?;
    m.add_class::<Features>()?;
    m.add_class::<RouteHop>()?;
    m.add_class::<Fallback>()?;
    m.add_class::<BlindedPath>()?;
    m.add_class::<BlindedHop>()?;
    Ok(())
}

fn bytes<'py>(py: Python<'py>, b: &[u8]) -> Bound<'py, PyBytes> {
    PyBytes::new(py, b)
}

/// A decoded BOLT-11 invoice. Its values are read from the crate's decoding when asked for.
/// `str(invoice)` is the invoice, in lower case; equal invoices are equal strings.
#[pyclass(module = "lightning_bolt11", frozen, eq, hash)]
pub struct Invoice {
    /// The crate's invoice, when its signature was checked.
    inner: Option<lightning_bolt11::Invoice>,
    /// The invoice text (lower case) and the profile it was read with, for the unverified.
    text: String,
    policy: Policy,
    payee: Option<PublicKey>,
}

impl PartialEq for Invoice {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl std::hash::Hash for Invoice {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl Invoice {
    pub(crate) fn verified(inner: lightning_bolt11::Invoice) -> Self {
        let text = inner.as_str().to_owned();
        let policy = inner.policy();
        let payee = Some(inner.payee());
        Invoice { inner: Some(inner), text, policy, payee }
    }

    pub(crate) fn unverified(view: &InvoiceRef<'_>) -> Self {
        Invoice { inner: None, text: view.as_str().to_ascii_lowercase(), policy: view.policy(), payee: None }
    }

    /// The borrowed view: the crate's invoice's, or a parse of the text (which parsed before).
    fn view(&self) -> InvoiceRef<'_> {
        match &self.inner {
            Some(inv) => inv.as_view(),
            None => match InvoiceRef::parse_with(&self.text, &DecodeOptions::new().policy(self.policy)) {
                Ok(view) => view,
                // It parsed with these options when it was made, and the text has not changed.
                Err(e) => unreachable_parse(e),
            },
        }
    }
}

#[allow(clippy::panic)]
fn unreachable_parse(e: lightning_bolt11::DecodeError) -> ! {
    panic!("an invoice that parsed no longer parses ({e}): please report this")
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// A UTC `datetime` for seconds since 1970.
fn datetime(py: Python<'_>, secs: u64) -> PyResult<Bound<'_, PyAny>> {
    let dt = py.import("datetime")?;
    let utc = dt.getattr("timezone")?.getattr("utc")?;
    dt.getattr("datetime")?.call_method1("fromtimestamp", (secs, utc))
}

#[pymethods]
impl Invoice {
    /// The network: `bitcoin`, `testnet`, `signet`, `regtest` or `simnet`.
    #[getter]
    fn network(&self) -> &'static str {
        self.view().network().name()
    }

    /// The currency prefix after `ln`: `bc`, `tb`, `tbs`, `bcrt`, `sb`.
    #[getter]
    fn currency(&self) -> &'static str {
        self.view().network().currency()
    }

    /// The amount in millisatoshis, or None for "any amount".
    #[getter]
    fn amount_msat(&self) -> Option<u64> {
        self.view().amount_msat()
    }

    /// The amount in whole satoshis, rounded up (what a payer that sends whole satoshis must
    /// send), or None.
    #[getter]
    fn amount_sats(&self) -> Option<u64> {
        self.view().amount_sats()
    }

    /// Seconds since 1970 when the invoice was made.
    #[getter]
    fn timestamp(&self) -> u64 {
        self.view().timestamp()
    }

    /// `timestamp` as a UTC `datetime`.
    #[getter]
    fn created_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(py, self.view().timestamp())
    }

    /// Seconds after `timestamp` until it expires (3600 without an `x` field).
    #[getter]
    fn expiry(&self) -> u64 {
        self.view().expiry()
    }

    /// Seconds since 1970 when it expires.
    #[getter]
    fn expires_at(&self) -> u64 {
        self.view().expires_at()
    }

    /// `expires_at` as a UTC `datetime`.
    #[getter]
    fn expires_at_datetime<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        datetime(py, self.view().expires_at().min(i32::MAX as u64 * 100))
    }

    /// Whether it has expired at `now` (seconds since 1970; the clock when None): once `now`
    /// is past `expires_at`.
    #[pyo3(signature = (now=None))]
    fn is_expired(&self, now: Option<u64>) -> bool {
        self.view().is_expired_at(now.unwrap_or_else(self::now))
    }

    /// `min_final_cltv_expiry_delta` (18 without a `c` field).
    #[getter]
    fn min_final_cltv_expiry_delta(&self) -> u64 {
        self.view().min_final_cltv_expiry_delta()
    }

    /// The payment hash, 32 bytes (`.hex()` for text).
    #[getter]
    fn payment_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        bytes(py, &self.view().payment_hash().0)
    }

    /// The payment secret, 32 bytes, or None (legacy and blinded invoices have none).
    #[getter]
    fn payment_secret<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.view().payment_secret().map(|s| bytes(py, &s.0))
    }

    /// The description, or None when the invoice commits to one by its hash. The writer's
    /// text: show it through `printable()`.
    #[getter]
    fn description(&self) -> Option<String> {
        self.view().description().map(|d| d.to_string())
    }

    /// The description hash, 32 bytes, or None.
    #[getter]
    fn description_hash<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.view().description_hash().map(|h| bytes(py, &h.0))
    }

    /// Whether `description` is this invoice's: equal to `d`, or hashing to `h`.
    fn matches_description(&self, description: &str) -> bool {
        self.view().matches_description(description)
    }

    /// Whether `preimage` (32 bytes) is the one its payment releases.
    fn is_paid_by(&self, preimage: &[u8]) -> PyResult<bool> {
        let p: [u8; 32] = preimage.try_into().map_err(|_| crate::usage("a preimage is 32 bytes"))?;
        Ok(self.view().is_paid_by(&p))
    }

    /// The payment metadata, or None.
    #[getter]
    fn payment_metadata<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.view().payment_metadata().map(|m| bytes(py, &m.collect::<Vec<u8>>()))
    }

    /// The feature bits.
    #[getter]
    fn features(&self) -> Features {
        Features { bits: self.view().features().iter().collect() }
    }

    /// The route hints: each a list of hops from a public node towards the payee.
    #[getter]
    fn route_hints(&self) -> Vec<Vec<RouteHop>> {
        self.view().route_hints().map(|r| r.hops().map(RouteHop::from).collect()).collect()
    }

    /// The fallback addresses of known versions, most preferred first.
    #[getter]
    fn fallbacks(&self) -> Vec<Fallback> {
        let view = self.view();
        view.fallbacks().map(|f| Fallback::new(f, view.network())).collect()
    }

    /// The blinded payment paths (bLIP-39 `b` fields), in order.
    #[getter]
    fn blinded_paths(&self) -> Vec<BlindedPath> {
        self.view().blinded_paths().map(BlindedPath::from).collect()
    }

    /// Fields skipped but kept, as `(tag, data)`: the tag character and the data's bech32
    /// characters.
    #[getter]
    fn unknown_fields(&self) -> Vec<(char, String)> {
        self.view().unknown_fields().map(|f| (f.tag_char(), f.data.as_chars().to_ascii_lowercase())).collect()
    }

    /// The payee's key, 33 bytes: the signature's (`payee_verified`), or when it was not
    /// checked only what the `n` field claims, or None.
    #[getter]
    fn payee<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        let key = self.payee.map(|k| k.serialize()).or_else(|| self.view().payee_field());
        key.map(|k| bytes(py, &k))
    }

    /// Whether `payee` comes from a checked signature.
    #[getter]
    fn payee_verified(&self) -> bool {
        self.payee.is_some()
    }

    /// The 64-byte signature, r then s.
    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        bytes(py, &self.view().signature())
    }

    /// The recovery id.
    #[getter]
    fn recovery_id(&self) -> u8 {
        self.view().recovery_id()
    }

    /// The hash the signature signs (32 bytes).
    #[getter]
    fn signature_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        bytes(py, &self.view().signature_hash())
    }

    /// The profile it was decoded with: `strict`, `lenient`, `blinded` or `legacy`.
    #[getter]
    fn profile(&self) -> &'static str {
        self.policy.name()
    }

    /// Every value as a dict, with the `bolt11` tool's JSON field names (hex for bytes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let view = self.view();
        let text = serde_json::to_string(&lightning_bolt11::summary::Summary::new(&view, self.payee))
            .map_err(|e| crate::usage(e.to_string()))?;
        py.import("json")?.call_method1("loads", (text,))?.cast_into::<PyDict>().map_err(Into::into)
    }

    /// The invoice in upper case, for QR codes.
    fn to_upper(&self) -> String {
        self.text.to_ascii_uppercase()
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    fn __repr__(&self) -> String {
        let short: String = self.text.chars().take(24).collect();
        format!("Invoice('{short}…')")
    }
}

/// The feature bits an invoice sets.
#[pyclass(module = "lightning_bolt11", frozen)]
pub struct Features {
    bits: Vec<usize>,
}

#[pymethods]
impl Features {
    /// Every bit set, lowest first.
    #[getter]
    fn bits(&self) -> Vec<usize> {
        self.bits.clone()
    }

    /// `(bit, name or None, required)` for every bit set.
    fn named(&self) -> Vec<(usize, Option<&'static str>, bool)> {
        self.bits.iter().map(|&b| (b, lightning_bolt11::known_feature(b).map(|f| f.name), b % 2 == 0)).collect()
    }

    /// Whether the feature of `bit` (either of its two bits) is offered.
    fn supports(&self, bit: usize) -> bool {
        self.bits.contains(&(bit & !1)) || self.bits.contains(&(bit | 1))
    }

    /// Whether the feature of `bit` is required (its even bit is set).
    fn requires(&self, bit: usize) -> bool {
        self.bits.contains(&(bit & !1))
    }

    /// Even bits that BOLT 9 does not define for invoices: features a payer must know.
    fn unknown_required(&self) -> Vec<usize> {
        self.bits.iter().copied().filter(|&b| b % 2 == 0 && lightning_bolt11::known_feature(b).is_none()).collect()
    }

    fn __contains__(&self, bit: usize) -> bool {
        self.bits.contains(&bit)
    }

    fn __len__(&self) -> usize {
        self.bits.len()
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        Ok(PyList::new(py, &slf.bits)?.try_iter()?.into_any().unbind())
    }

    fn __str__(&self) -> String {
        self.named()
            .iter()
            .map(|(b, name, req)| {
                let need = if *req { "required" } else { "optional" };
                match name {
                    Some(n) => format!("{n} ({b}, {need})"),
                    None => format!("bit {b} ({need})"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn __repr__(&self) -> String {
        format!("Features({:?})", self.bits)
    }
}

/// One hop of a route hint.
#[pyclass(module = "lightning_bolt11", frozen, get_all)]
pub struct RouteHop {
    /// The node at the start of the channel, 33 bytes.
    src_node_id: Py<PyBytes>,
    /// The channel, as `BLOCKxTXxOUT`.
    short_channel_id: String,
    /// The channel as a 64-bit integer.
    short_channel_id_int: u64,
    fee_base_msat: u32,
    fee_proportional_millionths: u32,
    cltv_expiry_delta: u16,
}

impl From<lightning_bolt11::RouteHop> for RouteHop {
    fn from(h: lightning_bolt11::RouteHop) -> Self {
        Python::attach(|py| RouteHop {
            src_node_id: bytes(py, &h.src_node_id).unbind(),
            short_channel_id: h.short_channel_id.to_string(),
            short_channel_id_int: h.short_channel_id.0,
            fee_base_msat: h.fee_base_msat,
            fee_proportional_millionths: h.fee_proportional_millionths,
            cltv_expiry_delta: h.cltv_expiry_delta,
        })
    }
}

#[pymethods]
impl RouteHop {
    fn __repr__(&self) -> String {
        format!("RouteHop(short_channel_id='{}')", self.short_channel_id)
    }
}

/// An on-chain fallback address.
#[pyclass(module = "lightning_bolt11", frozen, get_all)]
pub struct Fallback {
    /// 0-16 for witness programs, 17 P2PKH, 18 P2SH.
    version: u8,
    /// The witness program or the 20-byte hash.
    program: Py<PyBytes>,
    /// `P2PKH`, `P2SH`, `P2WPKH`, `P2WSH`, `P2TR` or `witness`.
    kind: &'static str,
    /// The address on the invoice's network.
    address: String,
    /// The output script it pays to.
    script_pubkey: Py<PyBytes>,
}

impl Fallback {
    fn new(f: lightning_bolt11::Fallback, network: lightning_bolt11::Network) -> Self {
        Python::attach(|py| Fallback {
            version: f.version(),
            program: bytes(py, f.program()).unbind(),
            kind: f.kind().name(),
            address: f.address(network).to_string(),
            script_pubkey: bytes(py, f.script_pubkey(&mut [0; lightning_bolt11::MAX_SCRIPT_LEN])).unbind(),
        })
    }
}

#[pymethods]
impl Fallback {
    fn __repr__(&self) -> String {
        format!("Fallback('{}')", self.address)
    }
}

/// One hop of a blinded path.
#[pyclass(module = "lightning_bolt11", frozen, get_all)]
pub struct BlindedHop {
    /// The blinded node id, 33 bytes (the introduction node's real id, for the first hop).
    blinded_node_id: Py<PyBytes>,
    /// The data encrypted for the hop.
    encrypted_data: Py<PyBytes>,
}

/// A blinded payment path (bLIP-39): the path's relay parameters, features and hops.
#[pyclass(module = "lightning_bolt11", frozen, get_all)]
pub struct BlindedPath {
    fee_base_msat: u32,
    fee_proportional_millionths: u32,
    cltv_expiry_delta: u16,
    htlc_minimum_msat: u64,
    htlc_maximum_msat: u64,
    /// The path's feature vector, big-endian bytes.
    features: Py<PyBytes>,
    /// The blinding point for the introduction node, 33 bytes.
    first_ephemeral_blinding_point: Py<PyBytes>,
    hops: Vec<Py<BlindedHop>>,
}

impl From<lightning_bolt11::BlindedPath> for BlindedPath {
    fn from(p: lightning_bolt11::BlindedPath) -> Self {
        Python::attach(|py| BlindedPath {
            fee_base_msat: p.fee_base_msat(),
            fee_proportional_millionths: p.fee_proportional_millionths(),
            cltv_expiry_delta: p.cltv_expiry_delta(),
            htlc_minimum_msat: p.htlc_minimum_msat(),
            htlc_maximum_msat: p.htlc_maximum_msat(),
            features: bytes(py, p.features()).unbind(),
            first_ephemeral_blinding_point: bytes(py, &p.first_ephemeral_blinding_point()).unbind(),
            hops: p
                .hops()
                .filter_map(|h| {
                    let hop = BlindedHop {
                        blinded_node_id: bytes(py, &h.blinded_node_id).unbind(),
                        encrypted_data: bytes(py, h.encrypted_data).unbind(),
                    };
                    Py::new(py, hop).ok()
                })
                .collect(),
        })
    }
}
