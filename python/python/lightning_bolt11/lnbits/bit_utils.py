"""Bit strings, and lnbits' helpers over them.

lnbits' ``bolt11`` holds fields as ``bitstring`` objects. This package has no dependencies,
so ``Bits`` here stands in for them: the same length, slicing, ``uint``, ``tobytes``,
concatenation and comparison with ``"0b..."`` text that code written for lnbits uses."""

from typing import Any, Iterator, List, Union


class Bits:
    """An immutable string of bits."""

    __slots__ = ("_value", "_len")
    _value: int
    _len: int

    def __init__(self, auto: Union["Bits", bytes, str, Any, None] = None, *, uint: int = 0, length: int = 0) -> None:
        if isinstance(auto, Bits):
            self._value, self._len = auto._value, auto._len
        elif auto is not None and hasattr(auto, "bin") and hasattr(auto, "len"):
            # A `bitstring` object, as code written for lnbits' package may hand over.
            self._value, self._len = (int(auto.bin, 2) if auto.len else 0), int(auto.len)
        elif isinstance(auto, (bytes, bytearray)):
            self._value, self._len = int.from_bytes(auto, "big"), 8 * len(auto)
        elif isinstance(auto, str):
            self._value, self._len = _parse(auto)
        else:
            if uint < 0 or (length and uint >> length):
                raise ValueError(f"{uint} does not fit in {length} bits")
            self._value, self._len = uint, length

    @classmethod
    def _of(cls, value: int, length: int) -> "Bits":
        b = cls.__new__(cls)
        b._value, b._len = value, length
        return b

    @property
    def len(self) -> int:
        return self._len

    length = len

    def __len__(self) -> int:
        return self._len

    @property
    def uint(self) -> int:
        return self._value

    @property
    def bin(self) -> str:
        return format(self._value, "b").zfill(self._len) if self._len else ""

    @property
    def hex(self) -> str:
        if self._len % 4:
            raise ValueError("not a whole number of hex digits")
        return format(self._value, "x").zfill(self._len // 4) if self._len else ""

    def tobytes(self) -> bytes:
        """The bits, zero-padded at the end to whole bytes."""
        pad = -self._len % 8
        return (self._value << pad).to_bytes((self._len + pad) // 8, "big")

    def __getitem__(self, key: Union[int, slice]) -> "Bits":
        if isinstance(key, int):
            i = key + self._len if key < 0 else key
            if not 0 <= i < self._len:
                raise IndexError("bit index out of range")
            return Bits._of((self._value >> (self._len - 1 - i)) & 1, 1)
        start, stop, step = key.indices(self._len)
        if step != 1:
            return Bits("0b" + self.bin[key])
        n = max(0, stop - start)
        return Bits._of((self._value >> (self._len - stop)) & ((1 << n) - 1) if n else 0, n)

    def __add__(self, other: Union["Bits", str]) -> "Bits":
        o = other if isinstance(other, Bits) else Bits(other)
        return Bits._of((self._value << o._len) | o._value, self._len + o._len)

    def __radd__(self, other: str) -> "Bits":
        return Bits(other) + self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Bits, str)) and hasattr(other, "bin") and hasattr(other, "len"):
            other = Bits(other)
        if isinstance(other, str):
            try:
                other = Bits(other)
            except ValueError:
                return False
        return isinstance(other, Bits) and (self._value, self._len) == (other._value, other._len)

    def __hash__(self) -> int:
        return hash((self._value, self._len))

    def __iter__(self) -> Iterator[bool]:
        return (c == "1" for c in self.bin)

    def startswith(self, prefix: Union["Bits", str]) -> bool:
        p = prefix if isinstance(prefix, Bits) else Bits(prefix)
        return p._len <= self._len and self[: p._len] == p

    def __repr__(self) -> str:
        return f"Bits('0b{self.bin}')"


#: lnbits' mutable bit string, here the same immutable type.
BitArray = Bits


def _parse(text: str) -> "tuple[int, int]":
    t = text.strip().replace("_", "")
    if t.startswith(("0b", "0B")):
        digits = t[2:]
        return (int(digits, 2) if digits else 0), len(digits)
    if t.startswith(("0x", "0X")):
        digits = t[2:]
        return (int(digits, 16) if digits else 0), 4 * len(digits)
    raise ValueError(f"cannot read bits from {text!r}")


def int_to_scid(short_channel_id: int) -> str:
    """A short channel id as ``BLOCKxTXxOUT``."""
    return f"{(short_channel_id >> 40) & 0xFFFFFF}x{(short_channel_id >> 16) & 0xFFFFFF}x{short_channel_id & 0xFFFF}"


def scid_to_int(short_channel_id: str) -> int:
    """``BLOCKxTXxOUT`` as a 64-bit integer."""
    block, tx, out = (int(p) for p in short_channel_id.split("x"))
    return (block << 40) | (tx << 16) | out


def bitarray_to_u5(barr: Bits) -> List[int]:
    """Bits (a multiple of five) as 5-bit words."""
    if barr.len % 5:
        raise ValueError("not a whole number of 5-bit words")
    return [barr[i : i + 5].uint for i in range(0, barr.len, 5)]


def u5_to_bitarray(arr: List[int]) -> Bits:
    """5-bit words as bits."""
    value = 0
    for w in arr:
        value = (value << 5) | (w & 31)
    return Bits._of(value, 5 * len(arr))


def trim_to_bytes(barr: Bits) -> bytes:
    """The whole bytes the bits carry (a last partial byte dropped)."""
    return Bits._of(barr.uint >> (barr.len % 8), barr.len - barr.len % 8).tobytes()
