"""lnbits' ``bolt11.compat``: the names older code used."""

from decimal import Decimal
from typing import Union

from .decode import decode
from .types import Bolt11
from .utils import amount_to_btc, btc_to_amount


def lndecode(a: str) -> Bolt11:
    return decode(a)


def shorten_amount(amount: Union[int, Decimal]) -> str:
    return btc_to_amount(amount)


def unshorten_amount(amount: str) -> Decimal:
    return amount_to_btc(amount)
