//! Exact amount conversions for invoice requests: satoshis, millisatoshis and BTC decimal
//! strings to millisatoshis, by integer arithmetic on the decimal digits. Never floats.

use alloc::string::String;

use crate::amount::MAX_AMOUNT_MSAT;
use crate::request::error::RequestError;

/// The largest integer a JSON number carries exactly in JavaScript (2^53 - 1).
pub const MAX_SAFE_JSON_INTEGER: u64 = (1 << 53) - 1;

/// An amount as it appeared in a request: the text of a JSON number, or a JSON string's contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountInput<'a> {
    /// A JSON number literal, as written (`1000`, `10.5`, `-3`, `1e3`).
    Number(&'a str),
    /// The contents of a JSON string (`"1000"`).
    Text(&'a str),
}

/// A decimal literal: digits and a power of ten, from JSON number syntax.
struct Decimal<'a> {
    negative: bool,
    /// All significant digits, integer part then fraction.
    digits: (&'a str, &'a str),
    /// The power of ten applied to the digits taken as an integer.
    exponent: i64,
}

/// Parses JSON number syntax: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, leading zeros allowed.
fn decimal(s: &str) -> Option<Decimal<'_>> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => (rest.get(..i)?, rest.get(i + 1..)?.parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let all_digits = |p: &str| p.bytes().all(|c| c.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) || (mantissa.contains('.') && frac.is_empty()) {
        return None;
    }
    Some(Decimal { negative, digits: (int, frac), exponent: exp.checked_sub(i64::try_from(frac.len()).ok()?)? })
}

/// What scaling a decimal to an integer found.
enum Scaled {
    Value(u64),
    Fraction,
    Overflow,
}

/// `value × 10^scale` exactly, if it is a whole number that fits in a `u64`.
fn scale(d: &Decimal<'_>, scale: u32) -> Scaled {
    let digits = || d.digits.0.bytes().chain(d.digits.1.bytes());
    let exp = match d.exponent.checked_add(i64::from(scale)) {
        Some(e) => e,
        None => return Scaled::Overflow,
    };
    let n = digits().count() as i64;
    // Digits dropped by a negative exponent must be zeros.
    let keep = if exp < 0 { n + exp } else { n };
    let mut value = 0u64;
    for (i, c) in digits().enumerate() {
        let digit = u64::from(c - b'0');
        if (i as i64) < keep {
            match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
                Some(v) => value = v,
                None => return Scaled::Overflow,
            }
        } else if digit != 0 {
            return Scaled::Fraction;
        }
    }
    if exp > 0 && value != 0 {
        let e = match u32::try_from(exp) {
            Ok(e) => e,
            Err(_) => return Scaled::Overflow,
        };
        match 10u64.checked_pow(e).and_then(|p| value.checked_mul(p)) {
            Some(v) => value = v,
            None => return Scaled::Overflow,
        }
    }
    Scaled::Value(value)
}

fn too_large(field: &'static str) -> RequestError {
    RequestError::AmountTooLarge { field, limit: MAX_AMOUNT_MSAT }
}

/// Satoshis (WebLN, LNPay) to millisatoshis: a whole, non-negative number (check 1, 2, 6, 7).
///
/// A JSON number may be written in any exact form (`1000`, `1e3`, `1000.0`); a string must be
/// plain ASCII digits. A fraction of a satoshi is refused, never truncated.
///
/// # Errors
/// [`RequestError::InvalidAmount`], `FractionalSats`, `NegativeAmount` or `AmountTooLarge`
/// (above [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT)), naming `field`.
pub fn sats_to_msat(input: AmountInput<'_>, field: &'static str) -> Result<u64, RequestError> {
    let text = plain(input, field, RequestError::FractionalSats { field })?;
    let d = decimal(text).ok_or(RequestError::InvalidAmount { field })?;
    let sats = match scale(&d, 0) {
        Scaled::Value(v) => v,
        Scaled::Fraction => return Err(RequestError::FractionalSats { field }),
        Scaled::Overflow => return Err(too_large(field)),
    };
    if d.negative && sats != 0 {
        return Err(RequestError::NegativeAmount { field });
    }
    let msat = sats.checked_mul(1000).ok_or(too_large(field))?;
    if msat > MAX_AMOUNT_MSAT {
        return Err(too_large(field));
    }
    Ok(msat)
}

/// The text of an amount: a number literal as written, or a string's contents, which must be
/// plain ASCII digits in every API (check 1): `"1e3"` and `"1.5"` are not amounts, whatever a
/// JSON number may say. A string of another numeric shape is told apart by why it is refused:
/// negative, or `fraction` for a decimal point.
fn plain<'a>(input: AmountInput<'a>, field: &'static str, fraction: RequestError) -> Result<&'a str, RequestError> {
    match input {
        AmountInput::Number(t) => Ok(t),
        AmountInput::Text(t) if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) => Ok(t),
        AmountInput::Text(t) => Err(match decimal(t) {
            Some(d) if d.negative => RequestError::NegativeAmount { field },
            Some(d) if !d.digits.1.is_empty() => fraction,
            _ => RequestError::InvalidAmount { field },
        }),
    }
}

/// Millisatoshis (NWC): a whole, non-negative number, at most 2^53 - 1 so that it survives
/// JSON in JavaScript (checks 1, 6, 7). A JSON number may be written in any exact form; a
/// string must be plain ASCII digits, as NIP-47's amounts are integers.
///
/// # Errors
/// [`RequestError::InvalidAmount`] (not a whole number, or a string of anything but
/// digits), `NegativeAmount`, or `AmountTooLarge` above 2^53 - 1.
pub fn msat(input: AmountInput<'_>, field: &'static str) -> Result<u64, RequestError> {
    let text = plain(input, field, RequestError::InvalidAmount { field })?;
    let d = decimal(text).ok_or(RequestError::InvalidAmount { field })?;
    let msat = match scale(&d, 0) {
        Scaled::Value(v) => v,
        Scaled::Fraction => return Err(RequestError::InvalidAmount { field }),
        Scaled::Overflow => return Err(RequestError::AmountTooLarge { field, limit: MAX_SAFE_JSON_INTEGER }),
    };
    if d.negative && msat != 0 {
        return Err(RequestError::NegativeAmount { field });
    }
    if msat > MAX_SAFE_JSON_INTEGER {
        return Err(RequestError::AmountTooLarge { field, limit: MAX_SAFE_JSON_INTEGER });
    }
    Ok(msat)
}

/// A BTC decimal string (Bitfinex) to millisatoshis: `^[0-9]+(\.[0-9]{1,8})?$`, no sign, no
/// exponent (check 13).
///
/// # Errors
/// [`RequestError::InvalidBtcAmount`] for another shape (a number, a sign, an exponent,
/// more than 8 decimals), `AmountTooLarge` above [`MAX_AMOUNT_MSAT`](crate::MAX_AMOUNT_MSAT).
pub fn btc_to_msat(input: AmountInput<'_>, field: &'static str) -> Result<u64, RequestError> {
    let text = match input {
        AmountInput::Text(text) => text,
        AmountInput::Number(_) => return Err(RequestError::InvalidBtcAmount { field }),
    };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    if !digits(int) || (text.contains('.') && !digits(frac)) || frac.len() > 8 {
        return Err(RequestError::InvalidBtcAmount { field });
    }
    let d = decimal(text).ok_or(RequestError::InvalidBtcAmount { field })?;
    match scale(&d, 11) {
        Scaled::Value(v) if v <= MAX_AMOUNT_MSAT => Ok(v),
        _ => Err(too_large(field)),
    }
}

/// Whole satoshis of an amount (check 3).
///
/// # Errors
/// [`RequestError::SubSatAmount`] when `msat` is not a whole number of satoshis.
pub fn whole_sats(msat: u64) -> Result<u64, RequestError> {
    if msat % 1000 != 0 {
        return Err(RequestError::SubSatAmount { msat });
    }
    Ok(msat / 1000)
}

/// Millisatoshis (whole satoshis) as a plain BTC decimal string: `0.000001`, `0.02`, `1`.
///
/// # Errors
/// [`RequestError::SubSatAmount`] when `msat` is not a whole number of satoshis.
pub fn msat_to_btc_string(msat: u64) -> Result<String, RequestError> {
    use core::fmt::Write;
    let sats = whole_sats(msat)?;
    let mut s = String::new();
    let frac = sats % 100_000_000;
    let _ = write!(s, "{}", sats / 100_000_000);
    if frac != 0 {
        let mut digits = alloc::format!("{frac:08}");
        while digits.ends_with('0') {
            digits.pop();
        }
        s.push('.');
        s.push_str(&digits);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmountInput::{Number, Text};

    #[test]
    fn sats_forms() {
        assert_eq!(sats_to_msat(Number("1000"), "a"), Ok(1_000_000));
        assert_eq!(sats_to_msat(Number("1e3"), "a"), Ok(1_000_000));
        assert_eq!(sats_to_msat(Number("1000.000"), "a"), Ok(1_000_000));
        assert_eq!(sats_to_msat(Number("0"), "a"), Ok(0));
        assert_eq!(sats_to_msat(Text("0042"), "a"), Ok(42_000));
        assert_eq!(sats_to_msat(Number("10.9"), "a"), Err(RequestError::FractionalSats { field: "a" }));
        assert_eq!(sats_to_msat(Text("10.9"), "a"), Err(RequestError::FractionalSats { field: "a" }));
        assert_eq!(sats_to_msat(Number("1.5e0"), "a"), Err(RequestError::FractionalSats { field: "a" }));
        assert_eq!(sats_to_msat(Number("-1"), "a"), Err(RequestError::NegativeAmount { field: "a" }));
        assert_eq!(sats_to_msat(Text("-1"), "a"), Err(RequestError::NegativeAmount { field: "a" }));
        assert_eq!(sats_to_msat(Text("1e3"), "a"), Err(RequestError::InvalidAmount { field: "a" }));
        assert_eq!(sats_to_msat(Text(""), "a"), Err(RequestError::InvalidAmount { field: "a" }));
        assert_eq!(sats_to_msat(Text(" 1"), "a"), Err(RequestError::InvalidAmount { field: "a" }));
        // The cap is 2^64 - 1 pico-BTC: 1,844,674,407,370,955 whole sats and a fraction.
        assert_eq!(sats_to_msat(Number("1844674407370955"), "a"), Ok(MAX_AMOUNT_MSAT - 161));
        assert_eq!(sats_to_msat(Number("1844674407370956"), "a"), Err(too_large("a")));
        assert_eq!(sats_to_msat(Number("2100000000000000"), "a"), Err(too_large("a")));
        assert_eq!(sats_to_msat(Number("1e400"), "a"), Err(too_large("a")));
        assert_eq!(sats_to_msat(Number("1e-400"), "a"), Err(RequestError::FractionalSats { field: "a" }));
        assert_eq!(sats_to_msat(Number("0e-400"), "a"), Ok(0));
    }

    #[test]
    fn number_literals_outside_json_syntax_are_refused() {
        // `Number` is public: a caller may pass text no JSON parser produced.
        for bad in ["", ".5", "-", "1a", "a1", "1.", "1.x", "1.5x", "-.5", "1e", "e3", "1.e3"] {
            assert_eq!(sats_to_msat(Number(bad), "a"), Err(RequestError::InvalidAmount { field: "a" }), "{bad}");
            assert_eq!(msat(Number(bad), "a"), Err(RequestError::InvalidAmount { field: "a" }), "{bad}");
        }
        // A string with a decimal point is told apart only when the rest is digits.
        assert_eq!(sats_to_msat(Text("1.x"), "a"), Err(RequestError::InvalidAmount { field: "a" }));
        assert_eq!(sats_to_msat(Text("x.5"), "a"), Err(RequestError::InvalidAmount { field: "a" }));
    }

    #[test]
    fn msat_forms() {
        assert_eq!(msat(Number("123"), "amount"), Ok(123));
        assert_eq!(msat(Number("1e3"), "amount"), Ok(1000));
        assert_eq!(msat(Text("1000"), "amount"), Ok(1000));
        // Issue 11, item 10: a string is digits, in NWC as in WebLN.
        for bad in ["1e3", "1.5e3", "1000.0", " 1", "+1", "0x10", ""] {
            assert_eq!(msat(Text(bad), "amount"), Err(RequestError::InvalidAmount { field: "amount" }), "{bad}");
        }
        assert_eq!(msat(Text("-1"), "amount"), Err(RequestError::NegativeAmount { field: "amount" }));
        assert_eq!(msat(Number("1.5"), "amount"), Err(RequestError::InvalidAmount { field: "amount" }));
        assert_eq!(msat(Number("9007199254740991"), "amount"), Ok(MAX_SAFE_JSON_INTEGER));
        assert_eq!(
            msat(Number("9007199254740992"), "amount"),
            Err(RequestError::AmountTooLarge { field: "amount", limit: MAX_SAFE_JSON_INTEGER })
        );
    }

    #[test]
    fn btc_forms() {
        assert_eq!(btc_to_msat(Text("0.000001"), "amount"), Ok(100_000));
        assert_eq!(btc_to_msat(Text("0.02"), "amount"), Ok(2_000_000_000));
        assert_eq!(btc_to_msat(Text("1"), "amount"), Ok(100_000_000_000));
        assert_eq!(btc_to_msat(Text("0.00000001"), "amount"), Ok(1_000));
        for bad in ["0.000000001", "1e-3", "-0.01", "+0.01", ".5", "5.", "", "0,01", " 0.01"] {
            assert_eq!(
                btc_to_msat(Text(bad), "amount"),
                Err(RequestError::InvalidBtcAmount { field: "amount" }),
                "{bad}"
            );
        }
        assert_eq!(btc_to_msat(Number("0.01"), "amount"), Err(RequestError::InvalidBtcAmount { field: "amount" }));
        assert_eq!(btc_to_msat(Text("21000001"), "amount"), Err(too_large("amount")));
    }

    #[test]
    fn btc_strings() {
        assert_eq!(msat_to_btc_string(100_000).as_deref(), Ok("0.000001"));
        assert_eq!(msat_to_btc_string(2_000_000_000).as_deref(), Ok("0.02"));
        assert_eq!(msat_to_btc_string(100_000_000_000).as_deref(), Ok("1"));
        assert_eq!(msat_to_btc_string(123_456_789_000).as_deref(), Ok("1.23456789"));
        assert_eq!(msat_to_btc_string(1), Err(RequestError::SubSatAmount { msat: 1 }));
    }
}
