"""Building and signing, the four request APIs, and pasted input."""

import hashlib
import json
from typing import Any, Dict

import pytest

import lightning_bolt11 as ln

from .conftest import SPEC_KEY, SPEC_PAYEE, spec_vector

PREIMAGE = bytes(range(32))
HASH = hashlib.sha256(PREIMAGE).digest()
SECRET = b"\x11" * 32
HOP = (bytes.fromhex("029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255"), "66051x263430x1800", 1, 20, 3)


def test_build_reproduces_a_spec_example() -> None:
    # The "$3 for a cup of coffee" example, field for field, signed deterministically (RFC 6979).
    v = spec_vector("Please send $3 for a cup of coffee")
    inv = ln.build_invoice(
        secret_key=SPEC_KEY,
        network="bitcoin",
        payment_hash=bytes.fromhex(v["payment_hash"]),
        payment_secret=bytes.fromhex(v["payment_secret"]),
        amount_msat=v["amount_msat"],
        description=v["description"],
        expiry=v["expiry"],
        timestamp=v["timestamp"],
        features=[8, 14, 99],
    )
    decoded = ln.decode(str(inv))
    assert decoded.payee == SPEC_PAYEE
    assert (decoded.amount_msat, decoded.description, decoded.expiry) == (v["amount_msat"], v["description"], 60)
    assert decoded.features.supports(99)


def test_build_with_every_field_round_trips() -> None:
    inv = ln.build_invoice(
        secret_key=SPEC_KEY,
        network="regtest",
        payment_hash=HASH,
        payment_secret=SECRET,
        description_hash=hashlib.sha256(b"long text").digest(),
        amount_msat=1234,
        timestamp=1_700_000_000,
        expiry=600,
        min_final_cltv_expiry_delta=144,
        payment_metadata=b"\x01\x02",
        fallbacks=[(0, b"\x22" * 20), (1, b"\x33" * 32)],
        route_hints=[[HOP, (HOP[0], 66051 << 40 | 263430 << 16 | 1800, 2, 30, 4)]],
        payee_pubkey=True,
    )
    got = ln.decode(str(inv))
    assert got.network == "regtest" and got.amount_msat == 1234
    assert got.is_paid_by(PREIMAGE) and not got.is_paid_by(SECRET)
    assert got.matches_description("long text")
    assert got.payment_metadata == b"\x01\x02" and got.features.supports(49)
    assert [f.kind for f in got.fallbacks] == ["P2WPKH", "P2TR"]
    assert got.fallbacks[1].address.startswith("bcrt1p")
    hops = got.route_hints[0]
    assert [h.short_channel_id for h in hops] == ["66051x263430x1800"] * 2
    assert (hops[1].fee_base_msat, hops[1].fee_proportional_millionths, hops[1].cltv_expiry_delta) == (2, 30, 4)
    assert got.min_final_cltv_expiry_delta == 144 and got.expiry == 600


@pytest.mark.parametrize(
    "args, kind",
    [
        ({"description": "x", "description_hash": b"\0" * 32}, "description_and_hash"),
        ({}, "missing_description"),
        ({"description": "x", "features": [12]}, "unknown_required_feature"),
        ({"description": "x", "min_final_cltv_expiry_delta": 1 << 32}, "cltv_too_large"),
    ],
)
def test_the_builder_refuses_with_a_kind(args: Dict[str, Any], kind: str) -> None:
    with pytest.raises(ln.BuildError) as caught:
        ln.build_invoice(secret_key=SPEC_KEY, payment_hash=HASH, payment_secret=SECRET, **args)
    assert caught.value.kind == kind
    assert isinstance(caught.value, ValueError)


def test_usage_errors_are_value_errors() -> None:
    with pytest.raises(ValueError):
        ln.build_invoice(secret_key=b"\0" * 31, payment_hash=HASH, description="x")
    with pytest.raises(ValueError):
        ln.build_invoice(secret_key=SPEC_KEY, payment_hash=HASH[:31], description="x")
    with pytest.raises(ValueError):
        ln.build_invoice(secret_key=SPEC_KEY, payment_hash=HASH, description="x", route_hints=[[(HOP[0], "1x2", 0, 0, 0)]])


REQUESTS = [
    ("webln", {"amount": 1000, "defaultMemo": "coffee"}, 1_000_000, "coffee"),
    ("nwc", {"method": "make_invoice", "params": {"amount": 21_000, "description": "zap"}}, 21_000, "zap"),
    ("lnpay", {"num_satoshis": 2, "memo": "Tester"}, 2_000, "Tester"),
    ("bitfinex", {"wallet": "exchange", "currency": "LNX", "amount": "0.001"}, 100_000_000, None),
]


@pytest.mark.parametrize("api, request_, msat, memo", REQUESTS, ids=[r[0] for r in REQUESTS])
def test_each_api_makes_the_invoice_asked_for(api: str, request_: Dict[str, Any], msat: int, memo: Any) -> None:
    made = ln.make_invoice(api, request_, secret_key=SPEC_KEY, timestamp=1_700_000_000)
    assert made.invoice.amount_msat == msat
    if memo is not None:
        assert made.invoice.description == memo
    # The preimage settles it: keep it.
    assert made.invoice.is_paid_by(made.preimage)
    assert str(made.invoice) in json.dumps(made.response)
    # As JSON text, the same; and the invoice honours its own request.
    again = ln.make_invoice(api, json.dumps(request_), secret_key=SPEC_KEY, preimage=made.preimage, timestamp=1_700_000_000)
    assert again.invoice.payment_hash == made.invoice.payment_hash
    assert ln.check_invoice(api, request_, made.invoice, now=1_700_000_001).ok


def test_a_given_preimage_is_used_and_a_bad_one_refused() -> None:
    made = ln.make_invoice("webln", {"amount": 5}, secret_key=SPEC_KEY, preimage=PREIMAGE)
    assert made.preimage == PREIMAGE and made.invoice.payment_hash == HASH
    with pytest.raises(ValueError):
        ln.make_invoice("webln", {"amount": 5}, secret_key=SPEC_KEY, preimage=b"short")


@pytest.mark.parametrize(
    "api, request_, kind",
    [
        ("webln", {"amount": 0}, "zero_amount"),
        ("webln", {"amount": 0.5}, "fractional_sats"),
        ("nwc", {"method": "pay_invoice", "params": {"amount": 1000}}, "wrong_method"),
        ("webln", {"amount": "many"}, "invalid_amount"),
        # json.dumps writes NaN, which is no JSON: refused, never read as "no amount".
        ("webln", {"amount": float("nan")}, "invalid_json"),
        ("lnpay", "{not json", "invalid_json"),
        ("bitfinex", {"wallet": "margin", "currency": "LNX", "amount": "0.001"}, "unsupported_wallet"),
    ],
)
def test_requests_that_cannot_be_honoured_raise_request_error(api: str, request_: Any, kind: str) -> None:
    with pytest.raises(ln.RequestError) as caught:
        ln.make_invoice(api, request_, secret_key=SPEC_KEY)
    assert caught.value.kind == kind


def test_check_reports_each_broken_promise() -> None:
    made = ln.make_invoice("webln", {"amount": 1000, "defaultMemo": "coffee"}, secret_key=SPEC_KEY, timestamp=1_700_000_000)
    report = ln.check_invoice("webln", {"amount": 2000, "defaultMemo": "coffee"}, str(made.invoice), now=1_700_000_001)
    assert not report.ok
    assert [v.kind for v in report.violations] == ["amount_mismatch"]
    late = ln.check_invoice("webln", {"amount": 1000}, made.invoice, now=1_700_000_000 + 10**6)
    assert "expired" in [v.kind for v in late.violations]
    wrong = ln.check_invoice("webln", {"amount": 1000}, made.invoice, network="testnet", now=1_700_000_001)
    assert "wrong_network" in [v.kind for v in wrong.violations]
    assert ln.check_invoice("webln", {"amount": 1000}, made.invoice, network=None, now=1_700_000_001).ok
    broken = ln.check_invoice("webln", {}, "lnbc1nonsense", now=1_700_000_001)
    assert [v.kind for v in broken.violations] == ["invalid_invoice"]


def test_pasted_input_is_triaged() -> None:
    text = spec_vector("Please send $3")["invoice"]
    assert ln.parse_input(f"lightning:{text}").kind == "invoice"
    uri = ln.parse_input(f"bitcoin:1RustyRX2oai4EYYDpQGWvEL62BBGqN9T?amount=0.0025&lightning={text}")
    assert uri.kind == "bip21" and uri.address == "1RustyRX2oai4EYYDpQGWvEL62BBGqN9T"
    assert uri.invoice.payment_hash == ln.decode(text).payment_hash
    for pasted, kind in [
        ("lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg", "bolt12_offer"),
        ("satoshi@example.com", "lightning_address"),
        ("bitcoin:1RustyRX2oai4EYYDpQGWvEL62BBGqN9T?lightning=A&%6Cightning=B", "uri_repeated_parameter"),
    ]:
        with pytest.raises(ln.InputError) as caught:
            ln.parse_input(pasted)
        assert caught.value.kind == kind, pasted
