"""An on-chain fallback address (``f``), as lnbits' ``bolt11`` holds it."""

from typing import Any, NamedTuple, Optional

from ... import _native
from ..bit_utils import Bits

#: Base58 version bytes (P2PKH, P2SH) for the currencies lnbits writes addresses for.
base58_prefix_map = {"bc": (0, 5), "tb": (111, 196)}


def is_p2pkh(currency: str, prefix: int) -> bool:
    return prefix == base58_prefix_map[currency][0]


def is_p2sh(currency: str, prefix: int) -> bool:
    return prefix == base58_prefix_map[currency][1]


class Fallback(NamedTuple):
    """A fallback: ``data`` is the field's bits (a 5-bit version, then the program)."""

    data: Bits
    currency: str

    @classmethod
    def from_bitstring(cls, data: Any, currency: str) -> Optional["Fallback"]:
        """A fallback from a field's bits (``Bits``, or a ``bitstring`` object); ``None`` for
        version 19, which readers skip."""
        data = Bits(data)
        if data[0:5].uint == 19:
            return None
        return cls(data, currency)

    @classmethod
    def from_address(cls, address: str, currency: str) -> "Fallback":
        """The fallback an address pays to; ``ValueError`` for an address of another network."""
        version, program = _native.fallback_from_address(address, currency)
        return cls(Bits(uint=version, length=5) + Bits(program), currency)

    @property
    def witness_version(self) -> int:
        return self.data[0:5].uint

    @property
    def program(self) -> bytes:
        """The witness program or hash (the bits after the version, whole bytes)."""
        rest = self.data[5:]
        return rest[: rest.len - rest.len % 8].tobytes()

    @property
    def address(self) -> str:
        """The address: base58check for versions 17 and 18, bech32 for witness version 0 and
        bech32m after it (BIP-350; lnbits writes bech32 for every version)."""
        return _native.fallback_address(self.witness_version, self.program, self.currency)

    def b58encode_check(self, prefix: int) -> str:
        if prefix not in base58_prefix_map[self.currency]:
            raise ValueError("Unknown address type")
        return _native.fallback_address(17 if prefix == self.b58prefix[0] else 18, self.program, self.currency)

    @property
    def b58prefix(self) -> tuple:  # type: ignore[type-arg]
        return base58_prefix_map[self.currency]
