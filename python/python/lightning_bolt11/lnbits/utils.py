"""Amounts as invoice prefixes write them (``2500u``), and the prefix itself.

Amounts are exact integers of millisatoshis, read and written by the crate: a fraction of a
millisatoshi (``1p``), which lnbits' ``bolt11`` rounds down to nothing, raises here."""

from decimal import Decimal
from typing import Optional, Tuple, Union

from .. import _native
from .exceptions import Bolt11AmountInvalidException, Bolt11HrpInvalidException
from .types import MilliSatoshi

_CURRENCIES = ("bcrt", "bc", "tbs", "tb")


def verify_hrp(hrp: str) -> Tuple[str, Optional[MilliSatoshi]]:
    """The currency and amount of a human-readable part (``lnbc2500u``)."""
    if not hrp.startswith("ln"):
        raise Bolt11HrpInvalidException()
    for currency in _CURRENCIES:
        if hrp.startswith(currency, 2):
            rest = hrp[2 + len(currency) :]
            return currency, amount_to_msat(rest) if rest else None
    raise Bolt11HrpInvalidException()


def amount_to_msat(amount: str) -> MilliSatoshi:
    """The millisatoshis a shortened amount means (``2500u`` is 250,000,000)."""
    try:
        return MilliSatoshi(_native.amount_to_msat(amount))
    except ValueError as e:
        raise Bolt11AmountInvalidException() from e


def amount_to_sat(amount: str) -> int:
    """The whole satoshis a shortened amount means (rounded down, as lnbits does)."""
    return amount_to_msat(amount).sat


def amount_to_btc(amount: str) -> Decimal:
    """The bitcoin a shortened amount means."""
    return amount_to_msat(amount).btc


def msat_to_amount(msat: int) -> str:
    """The shortest way to write ``msat`` in a prefix."""
    if not isinstance(msat, int):
        raise ValueError("`msat` should be an integer.")
    return _native.msat_to_amount(msat)


def sat_to_amount(sat: int) -> str:
    """The shortest way to write ``sat`` satoshis in a prefix."""
    return msat_to_amount(sat * 1000)


def btc_to_amount(btc: Union[int, Decimal]) -> str:
    """The shortest way to write an amount of bitcoin in a prefix; a fraction of a
    millisatoshi raises ``ValueError``."""
    msat = Decimal(btc) * 100_000_000_000
    if msat != msat.to_integral_value():
        raise ValueError(f"{btc} BTC is not a whole number of millisatoshis")
    return msat_to_amount(int(msat))
