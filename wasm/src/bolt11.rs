//! What `lightning-bolt11/bolt11`, the drop-in for bitcoinjs' `bolt11` package, reads from a
//! decoded invoice: every field in the invoice's order, in the shapes `bolt11` gives them
//! (`js/bolt11.js` builds its objects from this record), and its amount helpers. Decoding,
//! checking and verifying are the crate's, as for `decode`; this only lays the result out.

#[cfg(feature = "bolt11")]
use core::fmt::Write as _;

#[cfg(feature = "bolt11")]
use lightning_bolt11::secp256k1::PublicKey;
#[cfg(feature = "bolt11")]
use lightning_bolt11::{tag, Fallback, Features, InvoiceRef, RouteHint};

#[cfg(feature = "bolt11")]
use crate::record::Record;

/// `words` as bech32 with the human-readable part `hrp`: how `bolt11` shows words it keeps
/// (`wordsTemp`, an unknown field's `words`).
pub(crate) fn bech32_words(hrp: &str, words: impl Iterator<Item = u8>) -> String {
    let words: Vec<u8> = words.collect();
    lightning_bolt11::words_to_bech32(hrp, &words).unwrap_or_default()
}

#[cfg(feature = "bolt11")]
impl Record {
    /// The drop-in's record: prefix, amount, timestamp, payee, signature, recovery id,
    /// `wordsTemp`, then each field in order (its type, then its value in `bolt11`'s shape).
    pub fn write_bolt11(&mut self, view: &InvoiceRef<'_>, payee: Option<PublicKey>) {
        let network = view.network();
        self.span(|t| t.extend(view.hrp().chars().map(|c| c.to_ascii_lowercase())));
        let amount = view.amount_msat();
        self.flag(amount.is_some());
        if let Some(a) = amount {
            self.int(a);
        }
        self.int(view.timestamp());
        let payee = payee.map(|k| k.serialize()).or_else(|| view.payee_field());
        self.hex(payee.as_ref().map_or(&[][..], |k| &k[..]));
        self.hex(&view.signature());
        self.num(f64::from(view.recovery_id()));
        self.str(&bech32_words("temp", view.data().iter()));
        self.list(view.fields(), |r, f| {
            r.num(f64::from(f.tag));
            let bytes: Vec<u8> = f.data.bytes().collect();
            match f.tag {
                tag::PAYMENT_HASH | tag::PAYMENT_SECRET | tag::PAYEE | tag::DESCRIPTION_HASH => r.hex(&bytes),
                // Parsing checked that it is UTF-8 (W-5).
                tag::DESCRIPTION => r.str(core::str::from_utf8(&bytes).unwrap_or("")),
                tag::EXPIRY | tag::MIN_FINAL_CLTV => r.int(f.data.to_u64().unwrap_or(0)),
                tag::FALLBACK => {
                    let version = f.data.get(0).unwrap_or(0);
                    r.num(f64::from(version));
                    let program: Vec<u8> = f.data.slice_from(1).bytes().collect();
                    r.hex(&program);
                    // `bolt11` writes addresses for witness versions 0 and 1, P2PKH and P2SH.
                    let fallback = Fallback::from_field(f.data).filter(|_| matches!(version, 0 | 1 | 17 | 18));
                    r.flag(fallback.is_some());
                    if let Some(fb) = fallback {
                        r.span(|t| {
                            let _ = write!(t, "{}", fb.address(network));
                        });
                    }
                }
                tag::ROUTE => {
                    let hint = RouteHint::from_field(f.data);
                    r.list(hint.iter().flat_map(|h| h.hops()), |r, hop| {
                        r.hex(&hop.src_node_id);
                        r.hex(&hop.short_channel_id.0.to_be_bytes());
                        r.num(f64::from(hop.fee_base_msat));
                        r.num(f64::from(hop.fee_proportional_millionths));
                        r.num(f64::from(hop.cltv_expiry_delta));
                    });
                }
                tag::FEATURES => {
                    r.num(f.data.len() as f64);
                    r.list(Features::from_words(f.data).iter(), |r, bit| r.num(bit as f64));
                }
                // `bolt11` names no other type: `unknownTag`, with its words.
                _ => r.str(&bech32_words("unknown", f.data.iter())),
            }
        });
    }
}

/// The amount helpers' operation that writes an amount (any other reads one; see
/// `amount_text` in lib.rs).
#[cfg(feature = "bolt11")]
pub(crate) const AMOUNT_TO_TEXT: u32 = 0;

/// An amount helper on `input`: millisatoshis (decimal digits) to an invoice prefix's amount
/// in its shortest form (`250000000` is `2500u`), or a prefix's amount to millisatoshis, read
/// as the strict profile reads it. `Err` holds the kind and message of the refusal.
#[cfg(feature = "bolt11")]
pub(crate) fn amount_text(input: &str, op: u32) -> Result<String, (&'static str, String)> {
    if op == AMOUNT_TO_TEXT {
        return match input.parse::<u64>() {
            Ok(m) if m > 0 && m <= lightning_bolt11::MAX_AMOUNT_MSAT => Ok(lightning_bolt11::amount_to_text(m)),
            _ => Err(("invalid_amount", "not a whole number of millisatoshis an invoice can carry".into())),
        };
    }
    lightning_bolt11::amount_from_text(input).map(|m| m.to_string()).map_err(|e| {
        let e = lightning_bolt11::DecodeError::from(e);
        (e.kind(), e.to_string())
    })
}
