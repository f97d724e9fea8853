"""Every public name of ``lightning_bolt11`` in one typed program: ``mypy --strict`` checks it
in CI, and ``tests/test_examples.py`` runs it. Read it as a tour of the package."""

import datetime
import hashlib
from typing import List, Optional, Union

import lightning_bolt11 as ln
from lightning_bolt11 import (
    BlindedHop,
    BlindedPath,
    BuildError,
    CheckReport,
    DecodeError,
    Fallback,
    Features,
    InputError,
    Invoice,
    MadeInvoice,
    PaymentInput,
    RequestError,
    RouteHop,
    Violation,
)
from lightning_bolt11 import lnbits as bolt11
from lightning_bolt11.lnbits.exceptions import Bolt11Exception

SECRET_KEY = bytes.fromhex("e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734")


def make() -> Invoice:
    """Build and sign an invoice with keyword arguments; a refusal is a ``BuildError``."""
    preimage = b"\x01" * 32
    try:
        return ln.build_invoice(
            secret_key=SECRET_KEY,
            payment_hash=hashlib.sha256(preimage).digest(),
            payment_secret=b"\x02" * 32,
            description="coffee",
            amount_msat=250_000,
            network="signet",
            expiry=600,
            fallbacks=[(0, b"\x03" * 20)],
            route_hints=[[(bytes.fromhex("02" + "11" * 32), "700000x1x0", 1000, 1, 40)]],
        )
    except BuildError as e:
        raise SystemExit(f"refused ({e.kind}): {e.message}")


def show(invoice: Invoice) -> List[str]:
    """What a wallet shows before paying: every value has a Python type."""
    lines = [f"{ln.printable(invoice.description or '')}: {invoice.amount_msat} msat on {invoice.network}"]
    payee: Optional[bytes] = invoice.payee
    created: datetime.datetime = invoice.created_at
    expires: datetime.datetime = invoice.expires_at_datetime
    lines.append(f"payee {payee.hex() if payee else '?'} from {created:%Y-%m-%d} to {expires:%H:%M}")
    features: Features = invoice.features
    lines += [f"feature {bit} {name or '?'} {'required' if req else 'optional'}" for bit, name, req in features.named()]
    hops: List[List[RouteHop]] = invoice.route_hints
    lines += [f"hop {h.short_channel_id} via {h.src_node_id.hex()[:8]}" for hint in hops for h in hint]
    fallbacks: List[Fallback] = invoice.fallbacks
    lines += [f"fallback {f.kind} {f.address}" for f in fallbacks]
    paths: List[BlindedPath] = invoice.blinded_paths
    blinded: List[BlindedHop] = [hop for path in paths for hop in path.hops]
    lines.append(f"{len(paths)} blinded paths, {len(blinded)} hops; expired: {invoice.is_expired(now=0)}")
    return lines


def paste(text: str) -> Optional[PaymentInput]:
    """Pasted text: an invoice, a link, or a typed reason it is none."""
    try:
        return ln.parse_input(text)
    except InputError as e:
        print(f"not an invoice ({e.kind})")
        return None


def serve() -> MadeInvoice:
    """An NWC ``make_invoice`` request answered, then checked as the asking app would."""
    request = {"method": "make_invoice", "params": {"amount": 21_000, "description": "zap"}}
    try:
        made = ln.make_invoice("nwc", request, secret_key=SECRET_KEY)
    except RequestError as e:
        raise SystemExit(f"cannot honour it ({e.kind})")
    report: CheckReport = ln.check_invoice("nwc", request, made.invoice)
    problems: List[Violation] = report.violations
    assert report.ok and not problems, problems
    return made


def main() -> None:
    invoice = make()
    print("\n".join(show(invoice)))
    again: Invoice = ln.decode(str(invoice), network="signet")
    assert again == invoice and again.to_dict()["payee"] == invoice.to_dict()["payee"]
    results: List[Union[Invoice, DecodeError]] = ln.decode_many([str(invoice), "lnbc1junk"], threads=2)
    for r in results:
        print("ok" if isinstance(r, Invoice) else f"error {r.kind} at {r.position}")
    pasted = paste("lightning:" + str(invoice))
    assert pasted is not None and pasted.kind == "invoice"
    paste("lno1qgsq")
    made = serve()
    print(f"preimage {made.preimage.hex()} settles {made.invoice.payment_hash.hex()}")
    # lnbits' API, on the same core.
    old: bolt11.Bolt11 = bolt11.decode(str(invoice))
    try:
        bolt11.decode("lnbc1junk")
    except Bolt11Exception as e:
        print(f"lnbits-style error {type(e).__name__}")
    print(f"lnbits view: {old.amount_msat} msat, {old.description}, version {ln.__version__}")


if __name__ == "__main__":
    main()
