"""Feature bits (``9``), as lnbits' ``bolt11`` names them.

The names are lnbits' own table, by feature index (bit // 2), kept so that code matching on
them keeps working; above bit 27 it does not follow BOLT 9 (lnbits' ``option_payment_metadata``
is bits 32/33, BOLT 9's is 48/49). The native ``lightning_bolt11.Features`` has BOLT 9's."""

import json
from enum import Enum
from typing import Any, Dict, Iterable, NamedTuple, Optional, Union

from ..bit_utils import Bits
from ..exceptions import Bolt11FeatureException


class FeatureState(Enum):
    required = 0
    supported = 1


class Feature(Enum):
    option_data_loss_protect = 0
    initial_routing_sync = 1
    option_upfront_shutdown_script = 2
    gossip_queries = 3
    var_onion_optin = 4
    gossip_queries_ex = 5
    option_static_remotekey = 6
    payment_secret = 7
    basic_mpp = 8
    option_support_large_channel = 9
    option_anchor_outputs = 10
    option_anchors_zero_fee_htlc_tx = 11
    option_route_blinding = 12
    option_shutdown_anysegwit = 13
    option_channel_type = 14
    option_scid_alias = 15
    option_payment_metadata = 16
    option_zeroconf = 17


class FeatureExtra:
    """A feature index beyond lnbits' table, named ``extra_<index>``."""

    def __init__(self, index: int) -> None:
        if index < len(Feature):
            raise Bolt11FeatureException(f"FeatureExtra must be greater than {len(Feature) - 1}")
        self.feature_index = index

    @property
    def value(self) -> int:
        return self.feature_index

    @property
    def name(self) -> str:
        return f"extra_{self.feature_index}"


AnyFeature = Union[Feature, FeatureExtra]


def _feature(index: int) -> AnyFeature:
    return Feature(index) if index < len(Feature) else FeatureExtra(index)


class Features(NamedTuple):
    """The ``9`` field's bits (``data``) and what they set (``feature_list``)."""

    data: Bits
    feature_list: Dict[AnyFeature, FeatureState]

    @classmethod
    def _from_bits(cls, bits: Iterable[int], words: int) -> "Features":
        """From the bits set (lowest first) and the field's length in words."""
        value = 0
        feature_list: Dict[AnyFeature, FeatureState] = {}
        for bit in bits:
            value |= 1 << bit
            feature_list[_feature(bit // 2)] = FeatureState.supported if bit % 2 else FeatureState.required
        return cls(Bits(uint=value, length=5 * words), feature_list)

    @classmethod
    def from_bitstring(cls, data: Any) -> "Features":
        """From the field's bits (``Bits``, or a ``bitstring`` object)."""
        data = Bits(data)
        data = data + Bits(uint=0, length=-data.len % 5)
        value = data.uint
        return cls._from_bits((i for i in range(data.len) if value >> i & 1), data.len // 5)._replace(data=data)

    @classmethod
    def from_feature_list(cls, feature_list: Dict[AnyFeature, FeatureState]) -> "Features":
        value = 0
        for feature, state in feature_list.items():
            if state not in (FeatureState.required, FeatureState.supported):
                raise ValueError("Unknown feature state")
            value ^= 1 << (feature.value * 2 + state.value)
        top = max(feature.value + 1 for feature in feature_list) * 2
        while top and not value >> (top - 1) & 1:
            top -= 1
        return cls(Bits(uint=value, length=top + -top % 5), feature_list)

    @property
    def bits(self) -> list:  # type: ignore[type-arg]
        """The bits set, lowest first (not in lnbits: what the invoice writes)."""
        value = self.data.uint
        return [i for i in range(self.data.len) if value >> i & 1]

    @property
    def readable(self) -> Dict[str, str]:
        return {feature.name: state.name for feature, state in self.feature_list.items()}

    @property
    def json(self) -> str:
        return json.dumps(self.readable)

    @classmethod
    def from_dict(cls, data: dict) -> "Features":  # type: ignore[type-arg]
        features: Dict[AnyFeature, FeatureState] = {}
        for name, state in data.items():
            if name in Feature.__members__:
                feature: AnyFeature = Feature[name]
            elif name.startswith("extra_"):
                feature = FeatureExtra(int(name[len("extra_") :]))
            else:
                raise ValueError(f"invalid feature char: {name}")
            features[feature] = FeatureState[state]
        return cls.from_feature_list(features)

    def has_feature(self, feature_string: str) -> Optional[str]:
        for feature, state in self.feature_list.items():
            if feature.name == feature_string:
                return state.name
        return None
