"""The exceptions of lnbits' ``bolt11``: the same classes, hierarchy and messages.

Every exception this package raises also carries ``kind``: the crate's machine-readable
name for what was wrong (``invalid_checksum``, ``missing_payment_secret``...). Two classes are
new, both ``Bolt11Exception``s: ``Bolt11InvalidFieldException`` for what lnbits does not check
(a field BOLT-11 forbids: non-minimal, repeated, of the wrong length, an unknown required
feature...) and ``Bolt11SignatureRecoverException`` for a signature no key can be recovered
from (lnbits lets coincurve's own error through).
"""

from typing import Optional


class Bolt11Exception(Exception):
    """The base of every exception of this package."""

    kind: str = "bolt11"


class Bolt11NoPaymentHashException(Bolt11Exception):
    """No ``p`` field: an invoice has exactly one."""

    kind = "missing_payment_hash"

    def __init__(self) -> None:
        super().__init__("Must include 'payment_hash'")


class Bolt11NoPaymentSecretException(Bolt11Exception):
    """No ``s`` field: an invoice has exactly one."""

    kind = "missing_payment_secret"

    def __init__(self) -> None:
        super().__init__("Must include 'payment_secret'")


class Bolt11NoMinFinalCltvException(Bolt11Exception):
    """No ``c`` field, where ``strict=True`` asks for one."""

    kind = "missing_min_final_cltv"

    def __init__(self) -> None:
        super().__init__("Should include 'min_final_cltv_expiry_delta'")


class Bolt11InvalidDescriptionHashException(Bolt11Exception):
    """A description hash that is not hex."""

    kind = "invalid_description_hash"

    def __init__(self) -> None:
        super().__init__("description_hash has to be a valid hex string")


class Bolt11DescriptionException(Bolt11Exception):
    """Neither or both of ``d`` and ``h``: an invoice has exactly one."""

    kind = "missing_description"

    def __init__(self) -> None:
        super().__init__("Must include either 'description' or 'description_hash', but not both")


class Bolt11NoSignatureException(Bolt11Exception):
    """Nothing to sign with, and no signature."""

    kind = "missing_signature"

    def __init__(self) -> None:
        super().__init__("Must include 'signature' or 'private_key'")


class Bolt11SignatureVerifyException(Bolt11Exception):
    """The signature does not verify for the ``n`` field's key."""

    kind = "invalid_signature"

    def __init__(self) -> None:
        super().__init__("Included `payee` could not be verified")


class Bolt11SignatureTooShortException(Bolt11Exception):
    """The data part cannot hold a signature."""

    kind = "too_short"

    def __init__(self) -> None:
        super().__init__("Too short to contain signature")


class Bolt11HrpInvalidException(Bolt11Exception):
    """The human-readable part is not ``ln``, a known currency and an amount."""

    kind = "invalid_hrp"

    def __init__(self, message: str = "Human readable part is not valid.") -> None:
        super().__init__(message)


class Bolt11AmountInvalidException(Bolt11HrpInvalidException):
    """The amount is not digits and one multiplier, or not a whole millisatoshi."""

    kind = "invalid_amount"

    def __init__(self) -> None:
        super().__init__("Invalid shortened amount.")


class Bolt11Bech32InvalidException(Bolt11Exception):
    """Not a bech32 string: characters, case, separator or checksum."""

    kind = "invalid_bech32"

    def __init__(self) -> None:
        super().__init__("Bech32 string is not valid.")


class Bolt11FeatureException(Exception):
    """A ``FeatureExtra`` index that names a known ``Feature``."""


class Bolt11InvalidFieldException(Bolt11Exception):
    """A field BOLT-11 forbids and lnbits' ``bolt11`` does not check (new here)."""

    kind = "invalid_field"

    def __init__(self, message: str = "The invoice breaks BOLT-11.", kind: Optional[str] = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind


class Bolt11SignatureRecoverException(Bolt11Exception, ValueError):
    """No key can be recovered from the signature (new here). Also a ``ValueError``, as the
    error lnbits lets through from coincurve is."""

    kind = "unrecoverable_signature"

    def __init__(self, message: str = "No public key can be recovered from the signature.") -> None:
        super().__init__(message)
