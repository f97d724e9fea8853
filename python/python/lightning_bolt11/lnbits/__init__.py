"""A drop-in for lnbits' ``bolt11`` package (2.2.0): change ``import bolt11`` to
``from lightning_bolt11 import lnbits as bolt11`` (and ``from bolt11.x import y`` to
``from lightning_bolt11.lnbits.x import y``), and the same code runs, on the crate's decoder,
encoder and signatures. Where lnbits' package breaks BOLT-11 this one follows the spec:
``python/README.md`` lists each difference."""

from .decode import decode
from .encode import encode
from .exceptions import Bolt11Exception
from .models.fallback import Fallback
from .models.features import Feature, FeatureExtra, Features, FeatureState
from .models.routehint import Route, RouteHint
from .models.signature import Signature
from .models.tags import Tag, TagChar, Tags
from .types import Bolt11, MilliSatoshi
from .utils import amount_to_btc, amount_to_sat, btc_to_amount, sat_to_amount

__all__ = [
    "Bolt11",
    "Bolt11Exception",
    "MilliSatoshi",
    "amount_to_btc",
    "amount_to_sat",
    "btc_to_amount",
    "sat_to_amount",
    "decode",
    "encode",
    "Fallback",
    "Feature",
    "Features",
    "FeatureState",
    "FeatureExtra",
    "Route",
    "RouteHint",
    "Signature",
    "Tag",
    "Tags",
    "TagChar",
]
