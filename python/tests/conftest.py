"""Shared data: the repository's test vectors (``test-vectors/``), read in place."""

import json
import pathlib
from typing import Any, Dict, List

import pytest

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "test-vectors"

# The key every spec example is signed with, and its public key.
SPEC_KEY = bytes.fromhex("e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734")
SPEC_PAYEE = bytes.fromhex("03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad")


def _load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text())


def spec_vectors() -> List[Dict[str, Any]]:
    data = _load("bolt11-vectors.json")
    return data if isinstance(data, list) else data["vectors"]


def spec_vector(prefix: str) -> Dict[str, Any]:
    return next(v for v in spec_vectors() if v["name"].startswith(prefix))


def blinded_invoices() -> Any:
    return _load("blinded-invoices.json")


@pytest.fixture
def coffee() -> Dict[str, Any]:
    """The spec's "$3 for a cup of coffee" example (a description, expiry 60 s)."""
    return spec_vector("Please send $3 for a cup of coffee")
