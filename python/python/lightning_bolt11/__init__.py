"""Decode, check, make and sign BOLT-11 Lightning invoices.

A thin layer over the Rust crate ``lightning-bolt11``: every decode, check and signature is
the crate's. ``lightning_bolt11.lnbits`` is a drop-in for lnbits' ``bolt11`` package.

>>> import lightning_bolt11 as ln
>>> inv = ln.decode("lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh")
>>> inv.amount_msat, inv.description, inv.payee.hex()[:8]
(250000000, '1 cup coffee', '03e7156a')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, List, Mapping, Optional, Union

from ._native import (
    BlindedHop,
    BlindedPath,
    BuildError,
    DecodeError,
    Fallback,
    Features,
    InputError,
    Invoice,
    PaymentInput,
    RequestError,
    RouteHop,
    __version__,
    build_invoice,
    decode,
    decode_many,
    parse_input,
    printable,
)
from ._native import check_invoice as _check_invoice
from ._native import make_invoice as _make_invoice

__all__ = [
    "BlindedHop",
    "BlindedPath",
    "BuildError",
    "CheckReport",
    "DecodeError",
    "Fallback",
    "Features",
    "InputError",
    "Invoice",
    "MadeInvoice",
    "PaymentInput",
    "RequestError",
    "RouteHop",
    "Violation",
    "__version__",
    "build_invoice",
    "check_invoice",
    "decode",
    "decode_many",
    "make_invoice",
    "parse_input",
    "printable",
]

Request = Union[str, Mapping[str, Any], int, float]


def _request_text(request: Request) -> str:
    """A request as JSON text: given as text already, or as what ``json.dumps`` writes."""
    return request if isinstance(request, str) else json.dumps(request)


@dataclass(frozen=True)
class MadeInvoice:
    """An invoice made for a request: the invoice, the API's response, and the preimage
    whose SHA-256 is its payment hash (keep it: it settles the payment)."""

    invoice: Invoice
    response: Any
    preimage: bytes


@dataclass(frozen=True)
class Violation:
    """One promise of the request that the invoice breaks: ``kind`` and a message."""

    kind: str
    message: str


@dataclass(frozen=True)
class CheckReport:
    """What checking a returned invoice against its request found."""

    violations: List[Violation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the invoice honours the request."""
        return not self.violations


def make_invoice(
    api: str,
    request: Request,
    *,
    secret_key: bytes,
    network: str = "bitcoin",
    preimage: Optional[bytes] = None,
    payment_secret: Optional[bytes] = None,
    amount_sats: Optional[int] = None,
    timestamp: Optional[int] = None,
) -> MadeInvoice:
    """Makes and signs the invoice a request in ``api``'s own shape asks for (``webln``,
    ``nwc``, ``lnpay`` or ``bitfinex``; the request as JSON text or as a dict), and the API's
    response. A random preimage is made when none is given, and returned.

    Raises ``RequestError`` (a ``ValueError`` with ``kind``) for a request that cannot be
    honoured."""
    inv, response, pre = _make_invoice(
        api,
        _request_text(request),
        secret_key=secret_key,
        network=network,
        preimage=preimage,
        payment_secret=payment_secret,
        amount_sats=amount_sats,
        timestamp=timestamp,
    )
    return MadeInvoice(inv, json.loads(response), pre)


def check_invoice(
    api: str,
    request: Request,
    invoice: Union[str, Invoice],
    *,
    network: Optional[str] = "bitcoin",
    now: Optional[int] = None,
) -> CheckReport:
    """Checks that ``invoice`` honours ``request``: signature, network (``None``: any),
    amount, description or its hash, expiry, and not expired ``now`` (the clock by default).

    Raises ``RequestError`` for a request that is itself invalid."""
    _ok, violations = _check_invoice(api, _request_text(request), str(invoice), network=network, now=now)
    return CheckReport([Violation(kind, message) for kind, message in violations])
