"""``lightning_bolt11.lnbits``: lnbits' ``bolt11`` 2.2.0 API, on the crate.

What lnbits' own objects would hold is written out here from the spec examples; the same
checks against lnbits' package itself, when installed, are in ``test_parity.py``."""

import hashlib
import importlib
from decimal import Decimal
from typing import Any, Dict

import pytest

from lightning_bolt11 import lnbits as bolt11
from lightning_bolt11.lnbits import exceptions as ex
from lightning_bolt11.lnbits.bit_utils import Bits, int_to_scid, scid_to_int
from lightning_bolt11.lnbits.models.fallback import Fallback
from lightning_bolt11.lnbits.models.features import Feature, FeatureState, Features

from .conftest import SPEC_KEY, SPEC_PAYEE, spec_vector, spec_vectors
from .test_decode import VALID

KEY = SPEC_KEY.hex()


def test_the_public_names_and_modules_are_lnbits() -> None:
    for name in ["decode", "encode", "Bolt11", "MilliSatoshi", "Tags", "Tag", "TagChar", "Features", "Feature",
                 "FeatureState", "FeatureExtra", "RouteHint", "Route", "Fallback", "Signature", "Bolt11Exception",
                 "amount_to_btc", "btc_to_amount", "amount_to_sat", "sat_to_amount"]:
        assert hasattr(bolt11, name), name
    for module in ["decode", "encode", "exceptions", "types", "utils", "compat", "bit_utils", "models.fallback",
                   "models.features", "models.routehint", "models.signature", "models.tags"]:
        importlib.import_module(f"lightning_bolt11.lnbits.{module}")
    for name in ["Bolt11NoPaymentHashException", "Bolt11NoPaymentSecretException", "Bolt11NoMinFinalCltvException",
                 "Bolt11InvalidDescriptionHashException", "Bolt11DescriptionException", "Bolt11NoSignatureException",
                 "Bolt11SignatureVerifyException", "Bolt11SignatureTooShortException", "Bolt11HrpInvalidException",
                 "Bolt11AmountInvalidException", "Bolt11Bech32InvalidException", "Bolt11FeatureException"]:
        assert hasattr(ex, name), name
    assert issubclass(ex.Bolt11AmountInvalidException, ex.Bolt11HrpInvalidException)


@pytest.mark.parametrize("v", VALID, ids=[v["name"][:40] for v in VALID])
def test_decode_gives_lnbits_objects(v: Dict[str, Any]) -> None:
    inv = bolt11.decode(v["invoice"])
    assert inv.currency == {"bitcoin": "bc", "testnet": "tb"}[v["network"]]
    assert inv.date == v["timestamp"]
    assert inv.amount_msat == v["amount_msat"]
    if inv.amount_msat is not None:
        assert isinstance(inv.amount_msat, bolt11.MilliSatoshi)
        assert inv.amount_msat.btc == Decimal(v["amount_msat"]) / 10**11
    assert inv.payment_hash == v["payment_hash"]
    assert inv.payment_secret == v["payment_secret"]
    assert inv.description == v["description"]
    assert inv.description_hash == v["description_hash"]
    assert inv.payee == v["payee_pubkey"]
    assert inv.expiry == (3600 if v["expiry"] is None else v["expiry"])
    assert inv.min_final_cltv_expiry == (v["min_final_cltv_expiry_delta"] or 18)
    assert inv.is_mainnet() == (v["network"] == "bitcoin")
    assert inv.has_expired()
    fallbacks = [f["address"] for f in v["fallbacks"]]
    assert (inv.fallback.address if inv.fallback else None) == (fallbacks[0] if fallbacks else None)
    assert inv.signature is not None
    assert inv.signature.signature_data.hex() == v["signature"]["rs_hex"] + "%02x" % v["signature"]["recovery_id"]
    assert inv.signature.recover_public_key() == v["payee_pubkey"]
    if v["signature"]["high_s"]:
        # libsecp256k1 verifies low-S signatures only, in lnbits (coincurve) as here.
        with pytest.raises(ValueError):
            inv.signature.verify(v["payee_pubkey"])
    else:
        assert inv.signature.verify(v["payee_pubkey"])
    assert set(inv.data) >= {"currency", "date", "signature", "payment_hash"}


@pytest.mark.parametrize("v", VALID, ids=[v["name"][:40] for v in VALID])
def test_encode_with_the_key_gives_the_invoice_back(v: Dict[str, Any]) -> None:
    # RFC 6979 signatures are deterministic: decoding then signing again reproduces the
    # example, except the high-S one (signed otherwise, by another key).
    if v["name"].startswith("Public-key recovery with high-S"):
        pytest.skip("not signed with the examples' key")
    inv = bolt11.decode(v["invoice"])
    assert bolt11.encode(inv, KEY) == v["invoice"].lower()
    # Without a key, the signature decoded is written back as it was.
    assert bolt11.encode(bolt11.decode(v["invoice"])) == v["invoice"].lower()


def test_a_new_invoice_from_tags() -> None:
    preimage = b"\x07" * 32
    tags = bolt11.Tags()
    tags.add(bolt11.TagChar.payment_hash, hashlib.sha256(preimage).hexdigest())
    tags.add(bolt11.TagChar.payment_secret, "11" * 32)
    tags.add(bolt11.TagChar.description, "a test")
    tags.add(bolt11.TagChar.expire_time, 600)
    tags.add(bolt11.TagChar.features, Features.from_feature_list({Feature.var_onion_optin: FeatureState.required,
                                                                  Feature.payment_secret: FeatureState.required}))
    tags.add(bolt11.TagChar.fallback, Fallback.from_address("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", "bc"))
    invoice = bolt11.Bolt11(currency="bc", date=1_700_000_000, tags=tags, amount_msat=bolt11.MilliSatoshi(21_000))
    text = bolt11.encode(invoice, KEY)
    assert text.startswith("lnbc210n1")
    back = bolt11.decode(text)
    assert back.payee == SPEC_PAYEE.hex()
    assert (back.description, back.expiry, back.amount_msat) == ("a test", 600, 21_000)
    # P2TR is written in bech32m (lnbits writes bech32, which no wallet reads back).
    assert back.fallback is not None and back.fallback.address.startswith("bc1p5d7rjq7g6")
    assert invoice.signature is not None and invoice.signature.verify(SPEC_PAYEE.hex())


@pytest.mark.parametrize(
    "invoice, error",
    [
        ("lnbc1pvjluez", ex.Bolt11Bech32InvalidException),
        (spec_vector("Bech32 checksum is invalid.")["invoice"], ex.Bolt11Bech32InvalidException),
        (spec_vector("Invalid multiplier")["invoice"], ex.Bolt11AmountInvalidException),
        # lnbits reads 2.5 pico-BTC as 0.25 msat; BOLT-11 forbids sub-millisatoshi amounts.
        (spec_vector("Invalid sub-millisatoshi precision.")["invoice"], ex.Bolt11AmountInvalidException),
        (spec_vector("Missing required `s` field.")["invoice"], ex.Bolt11NoPaymentSecretException),
        (spec_vector("Same, but including fields which must be ignored.")["invoice"], ex.Bolt11InvalidFieldException),
        (spec_vector("Same, but adding invalid unknown feature")["invoice"], ex.Bolt11InvalidFieldException),
    ],
)
def test_refusals_raise_lnbits_exceptions_with_a_kind(invoice: str, error: type) -> None:
    with pytest.raises(error) as caught:
        bolt11.decode(invoice)
    assert isinstance(caught.value, ex.Bolt11Exception)
    assert caught.value.kind and " " not in caught.value.kind


def test_ignore_exceptions_reads_what_lnd_reads() -> None:
    inv = bolt11.decode(spec_vector("Missing required `s` field.")["invoice"], ignore_exceptions=True)
    assert inv.payment_secret is None
    with pytest.raises(ex.Bolt11NoMinFinalCltvException):
        bolt11.decode(spec_vector("Please send $3")["invoice"], strict=True)


def test_encode_checks_as_lnbits_does() -> None:
    inv = bolt11.decode(spec_vector("Please send $3")["invoice"])
    inv.signature = None
    with pytest.raises(ex.Bolt11NoSignatureException):
        bolt11.encode(inv)
    inv.tags.add(bolt11.TagChar.description_hash, "zz")
    with pytest.raises(ex.Bolt11InvalidDescriptionHashException):
        bolt11.encode(inv, KEY)


def test_amount_helpers() -> None:
    assert bolt11.amount_to_btc("2500u") == Decimal("0.0025")
    assert bolt11.btc_to_amount(Decimal("0.0025")) == "2500u"
    assert bolt11.amount_to_sat("2500u") == 250_000
    assert bolt11.sat_to_amount(250_000) == "2500u"
    with pytest.raises(ex.Bolt11AmountInvalidException):
        bolt11.amount_to_btc("25x")


def test_bits_and_short_channel_ids() -> None:
    assert scid_to_int("66051x263430x1800") == 66051 << 40 | 263430 << 16 | 1800
    assert int_to_scid(66051 << 40 | 263430 << 16 | 1800) == "66051x263430x1800"
    bits = Bits(uint=5, length=5) + Bits(b"\xff")
    assert len(bits) == 13 and bits.uint == 5 << 8 | 255


def test_every_spec_example_is_covered() -> None:
    assert len(VALID) + sum(1 for v in spec_vectors() if not v["valid"]) == len(spec_vectors()) - 1


def test_only_the_bare_invoice_is_read_as_lnbits_reads_it() -> None:
    text = spec_vector("Please send $3")["invoice"]
    for pasted in (f"lightning:{text}", f"LIGHTNING:{text.upper()}", f" {text}", f"{text}\n"):
        with pytest.raises(ex.Bolt11Bech32InvalidException) as caught:
            bolt11.decode(pasted)
        assert caught.value.kind == "not_bare_invoice"
    # Mixed case is refused (BIP-173, BOLT-11), where lnbits reads it.
    with pytest.raises(ex.Bolt11Bech32InvalidException) as caught:
        bolt11.decode(text[:10].upper() + text[10:])
    assert caught.value.kind == "mixed_case"
