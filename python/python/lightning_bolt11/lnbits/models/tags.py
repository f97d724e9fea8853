"""Tagged fields, as lnbits' ``bolt11`` holds them: in order, each a character and a value."""

from enum import Enum
from typing import Any, Iterator, List, Optional

from .features import Features
from .routehint import RouteHint

#: The bech32 alphabet: a tag's character is its 5-bit type.
CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


class TagChar(Enum):
    description = "d"
    description_hash = "h"
    payment_hash = "p"
    payment_secret = "s"
    payee = "n"
    fallback = "f"
    route_hint = "r"
    expire_time = "x"
    min_final_cltv_expiry = "c"
    metadata = "m"
    features = "9"


class Tag:
    """One field: its character and value (hex for hashes and keys, text, a number, or a
    ``Features``, ``Fallback`` or ``RouteHint``)."""

    char: TagChar
    data: Any

    def __init__(self, char: TagChar, data: Any) -> None:
        self.char = char
        self.data = data

    @property
    def bech32(self) -> int:
        return CHARSET.find(self.char.value)

    def __repr__(self) -> str:
        return f"Tag({self.char.value!r}, {self.data!r})"


class Tags:
    """The fields, in order."""

    tags: List[Tag]

    def __init__(self, tags: Optional[List[Tag]] = None) -> None:
        self.tags = tags or []

    def __iter__(self) -> Iterator[Tag]:
        return iter(self.tags)

    def add(self, char: TagChar, data: Any) -> None:
        self.tags.append(Tag(char, data))

    def has(self, char: TagChar) -> bool:
        return any(tag.char == char for tag in self.tags)

    def get(self, char: TagChar) -> Optional[Tag]:
        return next((tag for tag in self.tags if tag.char == char), None)

    def get_route_hints(self) -> List[RouteHint]:
        return [tag.data for tag in self.tags if tag.char == TagChar.route_hint]

    @classmethod
    def from_dict(cls, data: dict) -> "Tags":  # type: ignore[type-arg]
        """Fields from a dict keyed by ``TagChar`` names or characters, in its order."""
        tags = []
        for key, value in data.items():
            if key in ("currency", "amount_msat", "date", "signature"):
                continue
            if key in (TagChar.features.name, TagChar.features.value):
                tags.append(Tag(TagChar.features, Features.from_dict(value)))
            elif key in TagChar.__members__:
                tags.append(Tag(TagChar[key], value))
            elif key in TagChar._value2member_map_:
                tags.append(Tag(TagChar(key), value))
            else:
                raise ValueError(f"invalid tag char: {key}")
        return cls(tags)
