"""``decode``, ``decode_many`` and ``Invoice``: every spec example, field by field."""

import datetime
from typing import Any, Dict

import pytest

import lightning_bolt11 as ln

from .conftest import SPEC_PAYEE, blinded_invoices, spec_vector, spec_vectors

# J-2: the spec's "fields which must be ignored" example repeats `p`; both policies refuse it.
REFUSED_VALID = {"Same, but including fields which must be ignored."}
VALID = [v for v in spec_vectors() if v["valid"] and v["name"] not in REFUSED_VALID]
INVALID = [v for v in spec_vectors() if not v["valid"]]


def _hex(b: Any) -> Any:
    return None if b is None else b.hex()


@pytest.mark.parametrize("v", VALID, ids=[v["name"][:40] for v in VALID])
def test_every_valid_spec_example_decodes_to_its_fields(v: Dict[str, Any]) -> None:
    inv = ln.decode(v["invoice"])
    assert inv.network == v["network"]
    assert inv.amount_msat == v["amount_msat"]
    assert inv.timestamp == v["timestamp"]
    assert inv.payment_hash.hex() == v["payment_hash"]
    assert _hex(inv.payment_secret) == v["payment_secret"]
    assert inv.description == v["description"]
    assert _hex(inv.description_hash) == v["description_hash"]
    assert inv.expiry == (3600 if v["expiry"] is None else v["expiry"])
    default_cltv = 18
    want_cltv = v["min_final_cltv_expiry_delta"]
    assert inv.min_final_cltv_expiry_delta == (default_cltv if want_cltv is None else want_cltv)
    assert inv.payee is not None and inv.payee.hex() == v["payee_pubkey"]
    assert inv.payee_verified
    assert inv.signature.hex() == v["signature"]["rs_hex"]
    assert inv.recovery_id == v["signature"]["recovery_id"]
    assert sorted(inv.features) == sorted(v["features"]["bits"]) if v["features"] else not list(inv.features)
    assert [f.address for f in inv.fallbacks] == [f["address"] for f in v["fallbacks"]]
    assert len(inv.route_hints) == len(v["route_hints"])
    # str() gives the invoice back, in lower case.
    assert str(inv) == v["invoice"].lower()


@pytest.mark.parametrize("v", INVALID, ids=[v["name"][:40] for v in INVALID])
def test_every_invalid_spec_example_raises_a_decode_error(v: Dict[str, Any]) -> None:
    with pytest.raises(ln.DecodeError) as caught:
        ln.decode(v["invoice"])
    err = caught.value
    assert isinstance(err, ValueError)
    assert err.kind and err.kind == err.kind.lower() and " " not in err.kind
    assert err.message == str(err)
    # End-user messages carry no rule IDs; developers find them on the error.
    assert err.rule is None or err.rule not in err.message


def test_the_refused_spec_example_is_refused_in_both_profiles() -> None:
    v = spec_vector("Same, but including fields which must be ignored.")
    for lenient in (False, True):
        with pytest.raises(ln.DecodeError) as caught:
            ln.decode(v["invoice"], lenient=lenient)
        assert caught.value.kind == "duplicate_field"
        assert caught.value.position == 213


def test_errors_say_what_and_where() -> None:
    v = spec_vector("Missing required `s` field.")
    with pytest.raises(ln.DecodeError) as caught:
        ln.decode(v["invoice"])
    assert caught.value.kind == "missing_payment_secret"
    assert caught.value.rule is not None
    with pytest.raises(ln.DecodeError) as caught:
        ln.decode(spec_vector("Bech32 checksum is invalid.")["invoice"])
    assert (caught.value.kind, caught.value.rule) == ("invalid_checksum", "A-5")


def test_a_high_s_signature_recovers_another_key() -> None:
    inv = ln.decode(spec_vector("Public-key recovery with high-S")["invoice"])
    assert inv.payee is not None and inv.payee != SPEC_PAYEE


def test_upper_case_invoices_read_and_write_back() -> None:
    v = spec_vector("Same, but all upper case.")
    inv = ln.decode(v["invoice"])
    assert str(inv) == v["invoice"].lower()
    assert inv.to_upper() == v["invoice"]


def test_surrounding_whitespace_and_the_lightning_scheme_are_read() -> None:
    text = spec_vector("Please send $3")["invoice"]
    assert ln.decode(f"  lightning:{text}\n") == ln.decode(text)


def test_times_as_integers_and_as_utc_datetimes(coffee: Dict[str, Any]) -> None:
    inv = ln.decode(coffee["invoice"])
    assert inv.expiry == 60
    assert inv.expires_at == inv.timestamp + 60
    assert inv.created_at == datetime.datetime.fromtimestamp(inv.timestamp, datetime.timezone.utc)
    assert inv.expires_at_datetime - inv.created_at == datetime.timedelta(seconds=60)
    assert inv.is_expired()  # 2017
    # Expired once the expiry has passed (lightning-invoice's would_expire).
    assert not inv.is_expired(now=inv.timestamp + 60)
    assert inv.is_expired(now=inv.timestamp + 61)


def test_description_hash_and_preimage_helpers() -> None:
    v = spec_vector("Now send $24")
    inv = ln.decode(v["invoice"])
    text = (
        "One piece of chocolate cake, one icecream cone, one pickle, one slice of swiss cheese, "
        "one slice of salami, one lollypop, one piece of cherry pie, one sausage, one cupcake, "
        "and one slice of watermelon"
    )
    assert inv.matches_description(text)
    assert not inv.matches_description(text + ".")
    assert not inv.is_paid_by(b"\x00" * 32)


def test_to_dict_uses_the_tools_field_names() -> None:
    inv = ln.decode(spec_vector("On mainnet, with fallback address 1Rusty")["invoice"])
    d = inv.to_dict()
    assert d["payee"] == inv.payee.hex() if inv.payee else False
    assert d["payment_hash"] == inv.payment_hash.hex()
    assert d["fallbacks"][0]["addr"] == "1RustyRX2oai4EYYDpQGWvEL62BBGqN9T"
    assert d["routes"][0][0]["short_channel_id"] == "66051x263430x1800"
    assert inv.route_hints[0][0].short_channel_id_int == 66051 << 40 | 263430 << 16 | 1800
    assert {f["name"] for f in d["features"]} == {"var_onion_optin", "payment_secret"}


def test_features_by_bit_and_by_name() -> None:
    inv = ln.decode(spec_vector("Please send $30 for coffee beans")["invoice"])
    assert inv.features.requires(14) and inv.features.supports(14)
    assert 99 in inv.features  # an unknown optional bit, kept
    assert not inv.features.unknown_required()
    named = {bit: name for bit, name, _ in inv.features.named()}
    assert named[8] == "var_onion_optin" and named[99] is None


def test_fallback_kinds_and_scripts() -> None:
    kinds = {}
    for prefix in ("On mainnet, with fallback address 1Rusty", "On mainnet, with fallback (P2SH)",
                   "On mainnet, with fallback (P2WPKH)", "On mainnet, with fallback (P2WSH)",
                   "On mainnet, with fallback (P2TR)"):
        fb = ln.decode(spec_vector(prefix)["invoice"]).fallbacks[0]
        kinds[fb.kind] = fb
    assert set(kinds) == {"P2PKH", "P2SH", "P2WPKH", "P2WSH", "P2TR"}
    assert kinds["P2TR"].address.startswith("bc1p")
    assert kinds["P2TR"].script_pubkey[:2] == bytes([0x51, 32])
    assert kinds["P2WPKH"].version == 0 and len(kinds["P2WPKH"].program) == 20


def test_network_option_refuses_other_networks() -> None:
    text = spec_vector("Please send $3")["invoice"]
    assert ln.decode(text, network="bitcoin").network == "bitcoin"
    with pytest.raises(ln.DecodeError) as caught:
        ln.decode(text, network="testnet")
    assert caught.value.kind == "wrong_network"
    with pytest.raises(ValueError):
        ln.decode(text, network="moon")


def test_unverified_decoding_skips_recovery_only() -> None:
    text = spec_vector("Please send $3")["invoice"]
    inv = ln.decode(text, verify=False)
    assert inv.payee is None and not inv.payee_verified
    assert inv.payment_hash == ln.decode(text).payment_hash
    # A damaged signature is found only when verifying.
    v = spec_vector("Signature is not recoverable.")
    with pytest.raises(ln.DecodeError):
        ln.decode(v["invoice"])


def test_decode_many_keeps_order_and_returns_errors_in_place() -> None:
    texts = [v["invoice"] for v in VALID] + ["nonsense", VALID[0]["invoice"]]
    texts = texts * 20
    for threads in (None, 1, 3):
        results = ln.decode_many(texts, threads=threads)
        assert len(results) == len(texts)
        for text, got in zip(texts, results):
            if text == "nonsense":
                assert isinstance(got, ln.DecodeError) and got.kind == "missing_separator"
            else:
                assert isinstance(got, ln.Invoice) and str(got) == text.lower()
    with pytest.raises(ValueError):
        ln.decode_many(texts, threads=0)


def test_invoices_are_hashable_values() -> None:
    text = spec_vector("Please send $3")["invoice"]
    assert ln.decode(text) == ln.decode(text.upper())
    assert len({ln.decode(text), ln.decode(text)}) == 1
    assert "lnbc2500u" in repr(ln.decode(text))


def test_blinded_invoices_need_their_profile() -> None:
    for entry in blinded_invoices()["invoices"]:
        text = entry["invoice"]
        with pytest.raises(ln.DecodeError) as caught:
            ln.decode(text)
        assert "bLIP-39" in caught.value.message and "blinded" in caught.value.message
        readers = [ln.decode(text, lenient=True)]
        if {262, 263} & set(entry["feature_bits"]):
            readers.append(ln.decode(text, profile="blinded"))
        else:
            # The blinded profile also wants the feature bit that says so.
            with pytest.raises(ln.DecodeError) as caught:
                ln.decode(text, profile="blinded")
            assert caught.value.kind == "blinded_without_feature"
        for inv in readers:
            assert inv.payment_secret is None
            assert inv.payee is not None and inv.payee.hex() == entry["destination"]
            assert inv.payment_hash.hex() == entry["payment_hash"]
            assert inv.amount_msat == entry["num_msat"]
            assert len(inv.blinded_paths) == len(entry["paths"])
            for path in inv.blinded_paths:
                assert len(path.first_ephemeral_blinding_point) == 33
                assert path.hops and all(len(h.blinded_node_id) == 33 for h in path.hops)
                assert path.htlc_minimum_msat <= path.htlc_maximum_msat
            assert len(inv.to_dict()["blinded_paths"]) == len(entry["paths"])
    with pytest.raises(ValueError):
        ln.decode(text, profile="blinded", lenient=True)
    with pytest.raises(ValueError):
        ln.decode(text, profile="nonsense")


def test_printable_neutralises_what_could_disguise_text() -> None:
    assert ln.printable("pay \u202eevil") == "pay \ufffdevil"
    assert ln.printable("tag\U000e0041") == "tag\ufffd"
    assert ln.printable("caf\u00e9 \u2615") == "caf\u00e9 \u2615"
