"""``Bolt11`` and ``MilliSatoshi``, as lnbits' ``bolt11`` defines them."""

import json
import time
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Dict, List, Optional

from .exceptions import (
    Bolt11DescriptionException,
    Bolt11NoMinFinalCltvException,
    Bolt11NoPaymentHashException,
    Bolt11NoPaymentSecretException,
    Bolt11NoSignatureException,
)
from .models.fallback import Fallback
from .models.features import Features
from .models.routehint import RouteHint
from .models.signature import Signature
from .models.tags import TagChar, Tags


class MilliSatoshi(int):
    """A number of millisatoshis."""

    @classmethod
    def from_btc(cls, btc: Decimal) -> "MilliSatoshi":
        return cls(btc * 100_000_000_000)

    @property
    def btc(self) -> Decimal:
        return Decimal(self) / 100_000_000_000

    @property
    def sat(self) -> int:
        return self // 1000


@dataclass
class Bolt11:
    """A BOLT-11 invoice: currency, timestamp (``date``), fields (``tags``), amount, signature."""

    currency: str
    date: int
    tags: Tags
    amount_msat: Optional[MilliSatoshi] = None
    signature: Optional[Signature] = None

    def _data(self, char: TagChar) -> Any:
        tag = self.tags.get(char)
        return tag.data if tag else None

    def validate(self, strict: bool = False) -> None:
        """Raises what lnbits' ``bolt11`` raises for a missing or doubled field."""
        self._validate(strict, signed=bool(self.signature))

    def _validate(self, strict: bool, signed: bool) -> None:
        has = self.tags.has
        if not has(TagChar.payment_hash):
            raise Bolt11NoPaymentHashException()
        if not has(TagChar.payment_secret):
            raise Bolt11NoPaymentSecretException()
        if not signed:
            raise Bolt11NoSignatureException()
        if strict and not has(TagChar.min_final_cltv_expiry):
            raise Bolt11NoMinFinalCltvException()
        if has(TagChar.description) == has(TagChar.description_hash):
            raise Bolt11DescriptionException()

    def has_expired(self) -> bool:
        return time.time() > self.date + self.expiry

    def is_mainnet(self) -> bool:
        return self.currency == "bc"

    def is_testnet(self) -> bool:
        return self.currency == "tb"

    def is_signet(self) -> bool:
        return self.currency == "tbs"

    def is_regtest(self) -> bool:
        return self.currency == "bcrt"

    @property
    def description(self) -> Optional[str]:
        return self._data(TagChar.description)  # type: ignore[no-any-return]

    @property
    def description_hash(self) -> Optional[str]:
        return self._data(TagChar.description_hash)  # type: ignore[no-any-return]

    @property
    def metadata(self) -> Optional[str]:
        return self._data(TagChar.metadata)  # type: ignore[no-any-return]

    @property
    def dt(self) -> datetime:
        return self.date_time

    @property
    def date_time(self) -> datetime:
        return datetime.fromtimestamp(self.date)

    @property
    def expiry(self) -> int:
        tag = self.tags.get(TagChar.expire_time)
        return 3600 if tag is None else int(tag.data)

    @property
    def expiry_date(self) -> datetime:
        return datetime.fromtimestamp(self.date + self.expiry)

    @property
    def expiry_time(self) -> int:
        return self.date + self.expiry

    @property
    def features(self) -> Optional[Features]:
        return self._data(TagChar.features)  # type: ignore[no-any-return]

    @property
    def fallback(self) -> Optional[Fallback]:
        return self._data(TagChar.fallback)  # type: ignore[no-any-return]

    @property
    def route_hints(self) -> Optional[List[RouteHint]]:
        return self.tags.get_route_hints()

    @property
    def min_final_cltv_expiry(self) -> int:
        tag = self.tags.get(TagChar.min_final_cltv_expiry)
        return 18 if tag is None else int(tag.data)

    @property
    def has_payment_hash(self) -> bool:
        return self.tags.get(TagChar.payment_hash) is not None

    @property
    def payment_hash(self) -> str:
        tag = self.tags.get(TagChar.payment_hash)
        if not tag:
            raise Bolt11NoPaymentHashException()
        return tag.data  # type: ignore[no-any-return]

    @property
    def payment_secret(self) -> Optional[str]:
        return self._data(TagChar.payment_secret)  # type: ignore[no-any-return]

    @property
    def payee(self) -> Optional[str]:
        return self._data(TagChar.payee)  # type: ignore[no-any-return]

    @property
    def data(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "currency": self.currency,
            "amount_msat": int(self.amount_msat) if self.amount_msat else 0,
            "date": self.date,
            "signature": self.signature.hex if self.signature else "",
            "expiry": self.expiry,
        }
        if self.has_payment_hash:
            out["payment_hash"] = self.payment_hash
        optional = [
            ("payment_secret", self.payment_secret),
            ("description", self.description),
            ("description_hash", self.description_hash),
            ("metadata", self.metadata),
        ]
        for name, value in optional:
            if value:
                out[name] = value
        if self.features:
            out["features"] = self.features.readable
        if self.fallback:
            out["fallback"] = self.fallback.address
        if self.route_hints:
            out["route_hints"] = [[route._asdict() for route in hint.routes] for hint in self.route_hints]
        if self.min_final_cltv_expiry:
            out["min_final_cltv_expiry"] = self.min_final_cltv_expiry
        if self.payee:
            out["payee"] = self.payee
        return out

    @property
    def json(self) -> str:
        return json.dumps(self.data)
