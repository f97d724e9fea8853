"""``decode``, as lnbits' ``bolt11`` offers it, by the crate's decoder.

Decoding is the crate's strict BOLT-11 decode (``ignore_exceptions=True``: its lenient one),
signature checked and payee recovered; what it refuses raises lnbits' exception for it.
The result is lnbits' ``Bolt11``, with lnbits' choice of fields: the first of each, every
route hint, and the payee last when the invoice does not name it."""

from typing import Any, Callable, Dict

from .. import _native
from . import exceptions as ex
from .bit_utils import Bits
from .models.fallback import Fallback
from .models.features import Features
from .models.routehint import Route, RouteHint
from .models.signature import Signature
from .models.tags import Tag, TagChar, Tags
from .types import Bolt11, MilliSatoshi

_BECH32 = {"too_long", "empty", "missing_separator", "mixed_case", "invalid_char", "invalid_checksum"}
_HRP = {"not_lightning", "unknown_currency", "wrong_network"}
_AMOUNT = {
    "invalid_multiplier",
    "missing_amount_digits",
    "amount_leading_zero",
    "zero_amount",
    "sub_millisatoshi_amount",
    "amount_too_large",
}
_NO_SECRET = {"missing_payment_secret", "blinded_without_payment_secret", "blinded_without_feature"}
_VERIFY = {"invalid_signature", "high_s_signature", "invalid_payee_key"}
_RECOVER = {"invalid_recovery_id", "malformed_signature", "unrecoverable_signature"}


# lnbits' exception class for each of the crate's error kinds; any other is a field lnbits
# does not check (``Bolt11InvalidFieldException``).
_CLASSES: Dict[str, Callable[[], ex.Bolt11Exception]] = {
    **{k: ex.Bolt11Bech32InvalidException for k in _BECH32},
    "too_short": ex.Bolt11SignatureTooShortException,
    **{k: ex.Bolt11HrpInvalidException for k in _HRP},
    **{k: ex.Bolt11AmountInvalidException for k in _AMOUNT},
    "missing_payment_hash": ex.Bolt11NoPaymentHashException,
    **{k: ex.Bolt11NoPaymentSecretException for k in _NO_SECRET},
    "missing_description": ex.Bolt11DescriptionException,
    "description_and_hash": ex.Bolt11DescriptionException,
    **{k: ex.Bolt11SignatureVerifyException for k in _VERIFY},
}


def exception_for(error: _native.DecodeError) -> ex.Bolt11Exception:
    """lnbits' exception for the crate's decode error, with its ``kind``."""
    kind = error.kind
    made: ex.Bolt11Exception
    if kind in _RECOVER:
        made = ex.Bolt11SignatureRecoverException(error.message)
    elif kind in _CLASSES:
        made = _CLASSES[kind]()
    else:
        made = ex.Bolt11InvalidFieldException(error.message)
    made.kind = kind
    return made


def _fallback(value: Any, currency: str) -> Fallback:
    version, program, _address = value
    return Fallback(Bits(uint=version, length=5) + Bits(program), currency)


def _route_hint(value: Any) -> RouteHint:
    return RouteHint(routes=[Route(*hop) for hop in value])


_CHARS = {t.value: t for t in TagChar}


def decode(pr: str, ignore_exceptions: bool = False, strict: bool = False) -> Bolt11:
    """Decodes ``pr``. With ``strict``, a missing ``c`` field raises
    ``Bolt11NoMinFinalCltvException``; with ``ignore_exceptions``, missing fields do not raise
    and the crate's lenient profile reads what lnd and Core Lightning read."""
    if pr != pr.strip() or pr[:10].lower() == "lightning:":
        # lnbits reads the bare invoice only; what it stores is then exactly an invoice.
        # (``lightning_bolt11.decode`` and ``parse_input`` read pasted text.)
        error = ex.Bolt11Bech32InvalidException()
        error.kind = "not_bare_invoice"
        raise error
    try:
        currency, date, amount, hrp, signing_data, signature_data, fields = _native.lnbits_decode(
            pr, bool(ignore_exceptions)
        )
    except _native.DecodeError as e:
        raise exception_for(e) from e
    build: Dict[str, Callable[[Any], Any]] = {
        "f": lambda v: _fallback(v, currency),
        "9": lambda v: Features._from_bits(*v),
        "r": _route_hint,
    }
    tags = Tags([Tag(_CHARS[c], build[c](v) if c in build else v) for c, v in fields])
    invoice = Bolt11(
        currency=currency,
        date=date,
        tags=tags,
        amount_msat=None if amount is None else MilliSatoshi(amount),
        signature=Signature(hrp=hrp, signing_data=signing_data, signature_data=signature_data),
    )
    if not ignore_exceptions:
        invoice.validate(strict=strict)
    return invoice
