//! The decoded invoice handed to JavaScript as a flat record: numbers (`f64`), and every string
//! as a `[start, end)` pair of UTF-16 offsets into one text. `js/api.js` reads both straight
//! from wasm memory, in the order they were written, into the object the `bolt11` CLI prints
//! as JSON (`summary::Summary`); the Node tests check the two agree on every example. The
//! record comes in two parts: the core every caller reads (amount, hashes, payee, description,
//! times), written by each decode, and the detail (features, fallbacks, routes, unknown fields,
//! signature), written by a second parse when JavaScript first reads one of those.
//!
//! A record and JSON text compared, in Node over the spec examples (medians, same run):
//! through `summary::Summary`, JSON text and `JSON.parse`, 19.2 µs per example; through a
//! record, 13.9 µs (before the record stayed in wasm memory; `wasm/README.md` has today's).

use core::fmt::Write as _;

use lightning_bolt11::request::MAX_SAFE_JSON_INTEGER;
use lightning_bolt11::secp256k1::PublicKey;
use lightning_bolt11::{InvoiceRef, MAX_SCRIPT_LEN};

/// The record being written.
pub struct Record {
    /// Numbers, flags and string positions, in reading order.
    pub nums: Vec<f64>,
    /// All strings, one after another.
    pub text: String,
    /// `text`'s length in UTF-16 code units, the unit of JavaScript's `slice`.
    units: usize,
}

impl Default for Record {
    fn default() -> Self {
        // Room for a typical invoice: growing these showed up in profiles.
        Record { nums: Vec::with_capacity(96), text: String::with_capacity(1024), units: 0 }
    }
}

impl Record {
    /// Starts a record afresh, keeping the buffers' capacity.
    pub(crate) fn clear(&mut self) {
        self.nums.clear();
        self.text.clear();
        self.units = 0;
    }

    /// Says where the record lies, for JavaScript to read from memory.
    pub(crate) fn publish(&self, header: &mut [u32; 4]) {
        *header =
            [self.nums.as_ptr() as u32, self.nums.len() as u32, self.text.as_ptr() as u32, self.text.len() as u32];
    }

    /// The record of a decoded invoice, returns 0: its core (see [`write`](Self::write)), or with
    /// `detail` what JavaScript reads on demand (see [`write_detail`](Self::write_detail)).
    pub fn invoice(
        &mut self,
        header: &mut [u32; 4],
        view: &InvoiceRef<'_>,
        payee: Option<PublicKey>,
        detail: bool,
    ) -> u32 {
        self.clear();
        if detail {
            self.write_detail(view);
        } else if let Err(message) = self.write(view, payee) {
            return self.error(header, "internal", message);
        }
        self.publish(header);
        0
    }

    /// The record of an error: its kind and its message; returns 1.
    pub fn error(&mut self, header: &mut [u32; 4], kind: &str, message: &str) -> u32 {
        self.clear();
        self.str(kind);
        self.str(message);
        self.publish(header);
        1
    }

    pub(crate) fn num(&mut self, v: f64) {
        self.nums.push(v);
    }

    pub(crate) fn flag(&mut self, v: bool) {
        self.num(if v { 1.0 } else { 0.0 });
    }

    /// Records the span of what `write` appends to the text.
    pub(crate) fn span(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        let added = self.text.get(start..).unwrap_or("");
        let units = if added.is_ascii() { added.len() } else { added.encode_utf16().count() };
        self.num(self.units as f64);
        self.units += units;
        self.num(self.units as f64);
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.span(|t| t.push_str(s));
    }

    pub(crate) fn hex(&mut self, bytes: &[u8]) {
        fn digit(n: u8) -> u8 {
            if n < 10 {
                b'0' + n
            } else {
                b'a' - 10 + n
            }
        }
        // Through a small stack buffer, 64 bytes at a time: pushing characters one by one
        // took a third of the record's time.
        self.span(|t| {
            for chunk in bytes.chunks(64) {
                let mut buf = [0u8; 128];
                for (pair, &b) in buf.chunks_exact_mut(2).zip(chunk) {
                    pair.copy_from_slice(&[digit(b >> 4), digit(b & 0x0f)]);
                }
                t.push_str(core::str::from_utf8(buf.get(..2 * chunk.len()).unwrap_or(&[])).unwrap_or(""));
            }
        });
    }

    /// An integer: the number itself, or -1 and its decimal string when above 2^53 - 1.
    pub(crate) fn int(&mut self, v: u64) {
        if v <= MAX_SAFE_JSON_INTEGER {
            self.num(v as f64);
        } else {
            self.num(-1.0);
            self.span(|t| {
                let _ = write!(t, "{v}");
            });
        }
    }

    /// A presence flag, then the value's hex when present.
    fn opt_hex(&mut self, bytes: Option<&[u8]>) {
        self.flag(bytes.is_some());
        if let Some(b) = bytes {
            self.hex(b);
        }
    }

    /// Writes a count, then one item per element of `items`: one pass over the fields.
    pub(crate) fn list<T>(&mut self, items: impl Iterator<Item = T>, mut item: impl FnMut(&mut Self, T)) {
        let at = self.nums.len();
        self.num(0.0);
        let mut n = 0usize;
        for x in items {
            item(self, x);
            n += 1;
        }
        if let Some(slot) = self.nums.get_mut(at) {
            *slot = n as f64;
        }
    }

    /// Writes the invoice's core values in the order `js/api.js` reads them; `payee` is the key
    /// the signature check gave, if it ran.
    pub fn write(&mut self, view: &InvoiceRef<'_>, payee: Option<PublicKey>) -> Result<(), &'static str> {
        let network = view.network();
        self.str(network.currency());
        self.str(network.name());
        let amount = view.amount_msat();
        self.flag(amount.is_some());
        if let Some(a) = amount {
            self.int(a);
        }
        self.int(view.timestamp());
        self.int(view.expiry());
        self.int(view.expires_at());
        self.int(view.min_final_cltv_expiry_delta());
        let verified = payee.is_some();
        let payee = payee.map(|k| k.serialize()).or_else(|| view.payee_field());
        self.opt_hex(payee.as_ref().map(|k| &k[..]));
        if payee.is_some() {
            self.flag(verified);
        }
        self.hex(&view.payment_hash().0);
        self.opt_hex(view.payment_secret().as_ref().map(|s| &s.0[..]));
        let description = view.description();
        self.flag(description.is_some());
        if let Some(d) = description {
            let mut buf = [0u8; lightning_bolt11::MAX_FIELD_BYTES];
            // Parsing checked that it is UTF-8 (W-5).
            let text = d.copy_to(&mut buf).ok_or("description is not UTF-8")?;
            self.str(text);
        }
        self.opt_hex(view.description_hash().as_ref().map(|h| &h.0[..]));
        let mut buf = [0u8; lightning_bolt11::MAX_FIELD_BYTES];
        let metadata = view.payment_metadata().map(|bytes| {
            let n = bytes.len().min(buf.len());
            for (o, b) in buf.iter_mut().zip(bytes) {
                *o = b;
            }
            buf.get(..n).unwrap_or(&[])
        });
        self.opt_hex(metadata);
        Ok(())
    }

    /// Writes what `js/api.js` reads only when asked (`features`, `fallbacks`, `routes`,
    /// `blinded_paths`, `extra`, `signature`): the fallback addresses alone took more time to format than the
    /// rest of the record, and most callers never read them.
    pub fn write_detail(&mut self, view: &InvoiceRef<'_>) {
        let network = view.network();
        self.list(view.features().named(), |r, f| {
            r.num(f.bit as f64);
            r.flag(f.name.is_some());
            if let Some(name) = f.name {
                r.str(name);
            }
        });
        self.list(view.fallbacks(), |r, f| {
            r.str(f.kind().name());
            r.span(|t| {
                let _ = write!(t, "{}", f.address(network));
            });
            r.hex(f.script_pubkey(&mut [0; MAX_SCRIPT_LEN]));
        });
        self.list(view.route_hints(), |r, route| {
            r.list(route.hops(), |r, hop| {
                r.hex(&hop.src_node_id);
                r.span(|t| {
                    let _ = write!(t, "{}", hop.short_channel_id);
                });
                r.num(f64::from(hop.fee_base_msat));
                r.num(f64::from(hop.fee_proportional_millionths));
                r.num(f64::from(hop.cltv_expiry_delta));
            });
        });
        self.list(view.blinded_paths(), |r, p| {
            r.num(f64::from(p.fee_base_msat()));
            r.num(f64::from(p.fee_proportional_millionths()));
            r.num(f64::from(p.cltv_expiry_delta()));
            r.int(p.htlc_minimum_msat());
            r.int(p.htlc_maximum_msat());
            r.hex(p.features());
            r.hex(&p.first_ephemeral_blinding_point());
            r.list(p.hops(), |r, h| {
                r.hex(&h.blinded_node_id);
                r.hex(h.encrypted_data);
            });
        });
        self.list(view.unknown_fields(), |r, f| {
            r.span(|t| t.push(f.tag_char()));
            r.span(|t| {
                t.extend(f.data.as_chars().chars().map(|c| c.to_ascii_lowercase()));
            });
        });
        self.hex(&view.signature());
        self.num(f64::from(view.recovery_id()));
    }
}
