"""``encode``, as lnbits' ``bolt11`` offers it, by the crate's builder.

The crate's builder writes the fields in the order of ``invoice.tags`` and refuses what a
reader would refuse; lnbits' checks come first, with lnbits' exceptions."""

from typing import Any, List, Optional, Tuple

from .. import _native
from . import exceptions as ex
from .models.signature import Signature
from .models.tags import TagChar
from .types import Bolt11

_BUILD = {
    "missing_payment_hash": ex.Bolt11NoPaymentHashException,
    "missing_payment_secret": ex.Bolt11NoPaymentSecretException,
    "missing_description": ex.Bolt11DescriptionException,
    "description_and_hash": ex.Bolt11DescriptionException,
    "invalid_amount": ex.Bolt11AmountInvalidException,
    # An `n` that is not the signing key's: lnbits writes the invoice and its decode then fails.
    "bad_signature": ex.Bolt11SignatureVerifyException,
}


def _value(char: TagChar, data: Any) -> Any:
    if char == TagChar.features:
        return sorted(data.bits) if hasattr(data, "bits") else data
    if char == TagChar.fallback:
        return (data.witness_version, data.program)
    if char == TagChar.route_hint:
        return [tuple(route) for route in data.routes]
    return data


def encode(
    invoice: Bolt11,
    private_key: Optional[str] = None,
    ignore_exceptions: bool = False,
    strict: bool = False,
    keep_payee: bool = False,
) -> str:
    """The invoice as text, signed with ``private_key`` (hex; ``invoice.signature`` is then
    set to the new signature) or with ``invoice.signature`` as it is."""
    if invoice.description_hash:
        try:
            if len(bytes.fromhex(invoice.description_hash)) != 32:
                raise ValueError("a description hash is 32 bytes")
        except ValueError as exc:
            raise ex.Bolt11InvalidDescriptionHashException() from exc
    if not private_key and not invoice.signature:
        raise ex.Bolt11NoSignatureException()
    if not ignore_exceptions:
        # lnbits checks after signing, so a signature is there by then.
        invoice._validate(strict, signed=True)
    tags: List[Tuple[str, Any]] = [(tag.char.value, _value(tag.char, tag.data)) for tag in invoice.tags if tag.data is not None]
    signature = None if private_key or not invoice.signature else invoice.signature.signature_data
    try:
        text = _native.lnbits_encode(
            invoice.currency,
            int(invoice.amount_msat) if invoice.amount_msat else None,
            invoice.date,
            tags,
            private_key=private_key,
            signature=signature,
            keep_payee=keep_payee,
        )
    except _native.BuildError as e:
        made = _BUILD.get(e.kind)
        error = made() if made is not None else ex.Bolt11InvalidFieldException(e.message, e.kind)
        error.kind = e.kind
        raise error from e
    if private_key:
        _c, _d, _a, hrp, signing_data, signature_data, _t = _native.lnbits_decode(text, True)
        invoice.signature = Signature(hrp=hrp, signing_data=signing_data, signature_data=signature_data)
    return text
