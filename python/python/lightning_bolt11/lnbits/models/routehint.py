"""Route hints (``r``), as lnbits' ``bolt11`` holds them."""

from typing import Any, List, NamedTuple

from ..bit_utils import Bits, int_to_scid, scid_to_int

_HOP_BITS = (33 + 8 + 4 + 4 + 2) * 8


class Route(NamedTuple):
    """One hop: node key (hex), channel (``BLOCKxTXxOUT``), base fee, fee rate, CLTV delta."""

    public_key: str
    short_channel_id: str
    base_fee: int
    ppm_fee: int
    cltv_expiry_delta: int


class RouteHint(NamedTuple):
    """One ``r`` field: its hops in order."""

    routes: List[Route]

    @classmethod
    def from_bitstring(cls, data: Any) -> "RouteHint":
        """The whole hops a field's bits (``Bits``, or a ``bitstring`` object) hold."""
        data = Bits(data)
        routes = []
        for start in range(0, data.len - _HOP_BITS + 1, _HOP_BITS):
            hop = data[start : start + _HOP_BITS].tobytes()
            routes.append(
                Route(
                    public_key=hop[:33].hex(),
                    short_channel_id=int_to_scid(int.from_bytes(hop[33:41], "big")),
                    base_fee=int.from_bytes(hop[41:45], "big"),
                    ppm_fee=int.from_bytes(hop[45:49], "big"),
                    cltv_expiry_delta=int.from_bytes(hop[49:51], "big"),
                )
            )
        return cls(routes=routes)

    @classmethod
    def from_list(cls, list_of_routes: List[dict]) -> "RouteHint":  # type: ignore[type-arg]
        return cls(routes=[Route(**route) for route in list_of_routes])

    @property
    def data(self) -> Bits:
        out = Bits()
        for r in self.routes:
            out = out + Bits(
                bytes.fromhex(r.public_key)
                + scid_to_int(r.short_channel_id).to_bytes(8, "big")
                + r.base_fee.to_bytes(4, "big")
                + r.ppm_fee.to_bytes(4, "big")
                + r.cltv_expiry_delta.to_bytes(2, "big")
            )
        return out
