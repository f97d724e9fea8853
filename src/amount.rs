//! The amount in the human-readable part: digits and a multiplier, in exact millisatoshis.
//!
//! The unit is the bitcoin (B-9), so with no multiplier one unit is 10^11 msat, `m` 10^8,
//! `u` 10^5, `n` 100 and `p` a tenth. No floating point is ever involved.

use crate::error::HrpError;
use crate::policy::Policy;

/// The largest amount an invoice may carry, in millisatoshis: 2^64 - 1 pico-bitcoin, rounded
/// down to whole millisatoshis (18,446,744.07370955161 BTC). Both policies refuse more (J-3).
///
/// Less than the 21 million bitcoin that can exist: readers that hold an amount as pico-bitcoin
/// in 64 bits (lightning-invoice among them) read a larger one as *no amount*, so one string
/// would name two amounts. No payment comes near this.
pub const MAX_AMOUNT_MSAT: u64 = u64::MAX / 10;

/// Millisatoshis per unit for the multipliers, largest unit first. `p` is handled apart.
const MULTIPLIERS: [(Option<u8>, u64); 4] =
    [(None, 100_000_000_000), (Some(b'm'), 100_000_000), (Some(b'u'), 100_000), (Some(b'n'), 100)];

/// Parses the amount part of the prefix (after the currency), as bytes in either case.
///
/// `position` is the position of `s`'s first byte in the caller's input, for errors.
pub(crate) fn parse(s: &[u8], position: usize, policy: Policy) -> Result<Option<u64>, HrpError> {
    if s.is_empty() {
        return Ok(None); // B-7: no amount.
    }
    let digits_end = s.iter().position(|c| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, rest) = s.split_at(digits_end);
    let multiplier = match rest {
        [] => None,
        [m] => Some(m.to_ascii_lowercase()),
        [_, c, ..] => {
            // B-8: anything but a single multiplier after the digits fails.
            let at = position + digits_end + 1;
            return Err(HrpError::InvalidMultiplier { position: at, ch: char::from(*c) });
        }
    };
    if let Some(m) = multiplier {
        if !matches!(m, b'm' | b'u' | b'n' | b'p') {
            let at = position + digits_end;
            return Err(HrpError::InvalidMultiplier { position: at, ch: char::from(m) });
        }
        if digits.is_empty() {
            // The multiplier is the first character of the amount.
            return Err(HrpError::MissingDigits { position });
        }
    }
    // B-3 binds writers; strict readers hold them to it (J-3), lenient ones read on.
    if policy.is_strict() && digits.first() == Some(&b'0') {
        let all_zero = digits.iter().all(|&d| d == b'0');
        return Err(if all_zero { HrpError::ZeroAmount { position } } else { HrpError::LeadingZero { position } });
    }
    let too_large = HrpError::AmountTooLarge { position };
    let msat = if multiplier == Some(b'p') {
        // B-10: a pico amount must end in 0, so that it is a whole number of msat.
        let (whole, last) = digits.split_at(digits.len() - 1);
        if last != b"0" {
            return Err(HrpError::SubMillisatoshi { position });
        }
        decimal(whole).ok_or(too_large.clone())?
    } else {
        let unit = MULTIPLIERS.iter().find(|(m, _)| *m == multiplier).map_or(1, |&(_, u)| u);
        decimal(digits).and_then(|v| v.checked_mul(unit)).ok_or(too_large.clone())?
    };
    if msat > MAX_AMOUNT_MSAT {
        return Err(too_large);
    }
    Ok(Some(msat))
}

/// The millisatoshis an amount written as in an invoice's prefix means: digits and an optional
/// multiplier (`2500u`, `9678785340p`, `1`), read as the strict profile reads them (B-8, B-10,
/// J-3: no fraction of a millisatoshi, no leading zero, nothing above
/// [`MAX_AMOUNT_MSAT`]).
///
/// ```
/// assert_eq!(lightning_bolt11::amount_from_text("2500u"), Ok(250_000_000));
/// assert!(lightning_bolt11::amount_from_text("1p").is_err()); // a tenth of a millisatoshi
/// ```
///
/// # Errors
/// The [`HrpError`] an invoice with this amount is refused with (positions count from the
/// amount's first character); [`HrpError::MissingDigits`] for no amount at all.
pub fn amount_from_text(text: &str) -> Result<u64, HrpError> {
    parse(text.as_bytes(), 0, Policy::Strict)?.ok_or(HrpError::MissingDigits { position: 0 })
}

/// The shortest way to write `msat` in an invoice's prefix (B-5): `250_000_000` is `2500u`.
#[cfg(feature = "alloc")]
pub fn amount_to_text(msat: u64) -> alloc::string::String {
    let mut s = alloc::string::String::new();
    // Writing into a String cannot fail.
    let _ = write(msat, &mut s);
    s
}

/// The value of ASCII digits, or `None` on overflow. Empty is zero.
fn decimal(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |acc, &d| acc.checked_mul(10)?.checked_add(u64::from(d - b'0')))
}

/// The shortest way to write `msat` (B-5): the fewest digits, the largest multiplier.
///
/// Returns the number and the multiplier; for `p` the number is `msat` and a `0` follows it.
#[cfg(feature = "alloc")]
pub(crate) fn shortest(msat: u64) -> (u64, Option<u8>) {
    for (mult, unit) in MULTIPLIERS {
        if msat % unit == 0 {
            return (msat / unit, mult);
        }
    }
    (msat, Some(b'p'))
}

/// Writes the amount as it appears in an invoice (`2500u`, `9678785340p`) into `out`.
#[cfg(feature = "alloc")]
pub(crate) fn write(msat: u64, out: &mut impl core::fmt::Write) -> core::fmt::Result {
    match shortest(msat) {
        (n, Some(b'p')) => write!(out, "{n}0p"),
        (n, Some(m)) => write!(out, "{n}{}", char::from(m)),
        (n, None) => write!(out, "{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict(s: &str) -> Result<Option<u64>, HrpError> {
        parse(s.as_bytes(), 0, Policy::Strict)
    }

    #[test]
    fn spec_amounts() {
        // B-9 vectors.
        assert_eq!(strict("2500u"), Ok(Some(250_000_000)));
        assert_eq!(strict("9678785340p"), Ok(Some(967_878_534)));
        assert_eq!(strict("20m"), Ok(Some(2_000_000_000)));
        assert_eq!(strict(""), Ok(None));
        assert_eq!(strict("1"), Ok(Some(100_000_000_000)));
    }

    #[test]
    fn sub_msat_pico_fails() {
        // B-10.
        assert_eq!(strict("2500000001p"), Err(HrpError::SubMillisatoshi { position: 0 }));
    }

    #[test]
    fn non_minimal_multipliers_are_read() {
        // B-5 rationale: readers must accept them.
        assert_eq!(strict("1000u"), Ok(Some(100_000_000)));
        assert_eq!(strict("1000000000p"), Ok(Some(100_000_000)));
    }

    #[test]
    fn leading_zero_and_zero_depend_on_policy() {
        assert_eq!(strict("0"), Err(HrpError::ZeroAmount { position: 0 }));
        assert_eq!(strict("0p"), Err(HrpError::ZeroAmount { position: 0 }));
        assert_eq!(strict("01m"), Err(HrpError::LeadingZero { position: 0 }));
        assert_eq!(parse(b"01m", 0, Policy::Lenient), Ok(Some(100_000_000)));
        assert_eq!(parse(b"0", 0, Policy::Lenient), Ok(Some(0)));
    }

    #[test]
    fn cap_and_overflow() {
        // 2^64 pico-bitcoin is where readers that count pico-bitcoin in 64 bits overflow.
        assert_eq!(strict("18446744073709551610p"), Ok(Some(MAX_AMOUNT_MSAT)));
        assert_eq!(strict("18446744073709551620p"), Err(HrpError::AmountTooLarge { position: 0 }));
        assert_eq!(strict("18446744"), Ok(Some(1_844_674_400_000_000_000)));
        assert_eq!(strict("18446745"), Err(HrpError::AmountTooLarge { position: 0 }));
        assert_eq!(strict("21000000"), Err(HrpError::AmountTooLarge { position: 0 }));
        assert_eq!(strict("99999999999999999999999"), Err(HrpError::AmountTooLarge { position: 0 }));
        // Overflows u64 on the multiplication, not the digits.
        assert_eq!(strict("184467440737m"), Err(HrpError::AmountTooLarge { position: 0 }));
    }

    #[test]
    fn bad_multipliers() {
        assert_eq!(strict("2500x"), Err(HrpError::InvalidMultiplier { position: 4, ch: 'x' }));
        assert_eq!(strict("25mm"), Err(HrpError::InvalidMultiplier { position: 3, ch: 'm' }));
        assert_eq!(strict("m"), Err(HrpError::MissingDigits { position: 0 }));
    }

    #[test]
    fn shortest_picks_fewest_digits() {
        let mut s = String::new();
        for (msat, want) in [
            (250_000_000u64, "2500u"),
            (967_878_534, "9678785340p"),
            (2_000_000_000, "20m"),
            (100_000_000_000, "1"),
            (1, "10p"),
            (100, "1n"),
            (MAX_AMOUNT_MSAT, "18446744073709551610p"),
            (1_844_674_400_000_000_000, "18446744"),
        ] {
            s.clear();
            assert!(write(msat, &mut s).is_ok());
            assert_eq!(s, want);
            assert_eq!(strict(&s), Ok(Some(msat)));
        }
    }
}
