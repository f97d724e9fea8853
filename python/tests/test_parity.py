"""The drop-in beside lnbits' ``bolt11`` 2.2.0 itself, when it is installed (CI installs it):
the same objects for every invoice both read, the same text from both encoders, and a
refusal from both where lnbits refuses."""

import json
import pathlib
from typing import Any, List

import pytest

from lightning_bolt11 import lnbits as ours

from .conftest import SPEC_KEY, VECTORS, spec_vectors
from .test_decode import VALID

theirs = pytest.importorskip("bolt11", reason="lnbits' bolt11 2.2.0 is not installed")

KEY = SPEC_KEY.hex()


def _real() -> List[str]:
    data = json.loads((pathlib.Path(VECTORS) / "real-invoices.json").read_text())
    return [entry["invoice"] for entry in data["invoices"]]


def _made() -> List[str]:
    """Invoices with every field lnbits reads, made by lnbits' own encoder."""
    from bolt11.models.features import Feature, FeatureState
    from bolt11.models.features import Features as TheirFeatures
    from bolt11.models.routehint import Route as TheirRoute
    from bolt11.models.routehint import RouteHint as TheirRouteHint

    made = []
    for amount in (None, 1, 1000, 2_500_000_000, 123_456_789_010):
        tags = theirs.Tags()
        tags.add(theirs.TagChar.payment_hash, "ab" * 32)
        tags.add(theirs.TagChar.payment_secret, "cd" * 32)
        tags.add(theirs.TagChar.description, "parity \u2615 test")
        tags.add(theirs.TagChar.expire_time, 86_400)
        tags.add(theirs.TagChar.min_final_cltv_expiry, 40)
        tags.add(theirs.TagChar.metadata, "0102")
        tags.add(theirs.TagChar.features, TheirFeatures.from_feature_list({
            Feature.var_onion_optin: FeatureState.required,
            Feature.payment_secret: FeatureState.required,
            Feature.basic_mpp: FeatureState.supported,
            Feature.option_payment_metadata: FeatureState.supported,
        }))
        tags.add(theirs.TagChar.route_hint, TheirRouteHint([
            TheirRoute(public_key="02" + "11" * 32, short_channel_id="700000x1x0", base_fee=1000, ppm_fee=1, cltv_expiry_delta=40),
        ]))
        invoice = theirs.Bolt11(currency="bc", date=1_700_000_000, tags=tags,
                                amount_msat=None if amount is None else theirs.MilliSatoshi(amount))
        made.append(theirs.encode(invoice, KEY))
    return made


def _comparable(invoice: Any) -> Any:
    return json.loads(json.dumps(invoice.data, default=str))


INVOICES = [v["invoice"] for v in VALID] + _real() + _made()


@pytest.mark.parametrize("text", INVOICES)
def test_the_same_objects_as_lnbits(text: str) -> None:
    try:
        want = theirs.decode(text)
    except Exception:
        pytest.skip("lnbits refuses it")
    try:
        got = ours.decode(text)
    except ours.Bolt11Exception as e:
        # Only what BOLT-11 refuses and lnbits reads; python/README.md lists each.
        assert e.kind in {"missing_payment_secret", "duplicate_field", "unknown_required_feature",
                          "sub_millisatoshi_amount", "non_minimal_field"}, e.kind
        return
    got_data, want_data = _comparable(got), _comparable(want)
    fallback = str(got_data.get("fallback"))
    if fallback[2:4] in ("1p", "rt") and "1p" in fallback[:6]:
        # P2TR: lnbits writes the address with bech32's checksum; BOLT-11 (BIP-350) bech32m's.
        assert fallback[:-6] == str(want_data.pop("fallback"))[:-6]
        got_data.pop("fallback")
    assert got_data == want_data
    assert got.has_expired() == want.has_expired()
    assert (got.features.readable if got.features else None) == (want.features.readable if want.features else None)


@pytest.mark.parametrize("text", [v["invoice"] for v in VALID if not v["signature"]["high_s"]] + _made())
def test_the_same_text_from_both_encoders(text: str) -> None:
    assert ours.encode(ours.decode(text), KEY) == theirs.encode(theirs.decode(text), KEY)


@pytest.mark.parametrize("v", [v for v in spec_vectors() if not v["valid"]], ids=lambda v: v["name"][:40])
def test_what_lnbits_refuses_is_refused(v: Any) -> None:
    try:
        theirs.decode(v["invoice"])
    except Exception:
        with pytest.raises(ours.Bolt11Exception):
            ours.decode(v["invoice"])


def _lnbits_invoice(extra: List[Any], payment_hash: str = "ab" * 32, amount_text: Any = None) -> str:
    """An invoice written by lnbits' encoder, with ``extra`` tags, or an amount text of our
    choosing in its human-readable part (lnbits' encoder writes any text it is given there)."""
    import sys

    tags = theirs.Tags()
    tags.add(theirs.TagChar.payment_hash, payment_hash)
    tags.add(theirs.TagChar.payment_secret, "cd" * 32)
    tags.add(theirs.TagChar.description, "x")
    for char, data in extra:
        tags.add(char, data)
    invoice = theirs.Bolt11(currency="bc", date=1_700_000_000, tags=tags, amount_msat=theirs.MilliSatoshi(1))
    module = sys.modules["bolt11.encode"]
    original = getattr(module, "msat_to_amount")
    if amount_text is not None:
        setattr(module, "msat_to_amount", lambda _msat: amount_text)
    try:
        return str(theirs.encode(invoice, KEY))
    finally:
        setattr(module, "msat_to_amount", original)


def _differences() -> List[Any]:
    from bitstring import Bits as BitString
    from bolt11.models.fallback import Fallback as TheirFallback

    T = theirs.TagChar
    spec = {v["name"]: v["invoice"] for v in spec_vectors()}
    return [
        ("sub-millisatoshi amount", spec["Invalid sub-millisatoshi precision."], "sub_millisatoshi_amount"),
        ("amount above 2^64 pico-BTC", _lnbits_invoice([], amount_text="20000000"), "amount_too_large"),
        ("mixed case", spec["Same, but all upper case."][:12].lower() + spec["Same, but all upper case."][12:], "mixed_case"),
        ("a field twice", _lnbits_invoice([(T.expire_time, 60), (T.expire_time, 70)]), "duplicate_field"),
        ("the spec's ignored-fields example", spec["Same, but including fields which must be ignored."], "duplicate_field"),
        ("a p of the wrong length", _lnbits_invoice([], payment_hash="ab" * 31), "field_wrong_length"),
        ("c above 2^32-1", _lnbits_invoice([(T.min_final_cltv_expiry, 1 << 33)]), "field_value_too_large"),
        ("an unknown required feature", spec["Same, but adding invalid unknown feature 100"], "unknown_required_feature"),
        ("a fallback program of the wrong length",
         _lnbits_invoice([(T.fallback, TheirFallback(BitString(uint=3, length=5) + BitString(b"\x01"), "bc"))]),
         "invalid_fallback"),
    ]


@pytest.mark.parametrize("label, text, kind", _differences(), ids=lambda x: x if isinstance(x, str) and len(x) < 60 else "")
def test_each_difference_python_readme_lists(label: str, text: str, kind: str) -> None:
    if kind == "field_wrong_length":
        # lnbits skips the field, then misses it.
        with pytest.raises(theirs.exceptions.Bolt11NoPaymentHashException):
            theirs.decode(text)
    else:
        theirs.decode(text)  # lnbits reads it
    with pytest.raises(ours.Bolt11Exception) as caught:
        ours.decode(text)
    assert caught.value.kind == kind, label


def test_encoding_differences_python_readme_lists() -> None:
    for module in (theirs, ours):
        tags = module.Tags()
        tags.add(module.TagChar.payment_hash, "ab" * 32)
        tags.add(module.TagChar.payment_secret, "cd" * 32)
        tags.add(module.TagChar.description_hash, "abcd")
        invoice = module.Bolt11(currency="bc", date=1_700_000_000, tags=tags)
        if module is theirs:
            theirs.encode(invoice, KEY)  # lnbits writes a 2-byte description hash
        else:
            with pytest.raises(ours.exceptions.Bolt11InvalidDescriptionHashException):
                ours.encode(invoice, KEY)
