"""An invoice's signature, as lnbits' ``bolt11`` holds it. Signing, verifying and recovering
are libsecp256k1's, through the crate."""

from dataclasses import dataclass
from hashlib import sha256

from ... import _native


def message(hrp: str, signing_data: bytes) -> bytes:
    """What is signed (hashed first): the prefix and the data part's bytes."""
    return hrp.encode() + signing_data


@dataclass
class Signature:
    """The 65 signature bytes (r, s, recovery id) and what they sign."""

    hrp: str
    signing_data: bytes
    signature_data: bytes

    @classmethod
    def from_signature_data(cls, hrp: str, signature_data: bytes, signing_data: bytes) -> "Signature":
        return cls(hrp=hrp, signature_data=signature_data, signing_data=signing_data)

    @classmethod
    def from_private_key(cls, hrp: str, private_key: str, signing_data: bytes) -> "Signature":
        signature_data = _native.sign_message(bytes.fromhex(private_key), message(hrp, signing_data))
        return cls(hrp=hrp, signing_data=signing_data, signature_data=signature_data)

    def _check(self) -> None:
        if not self.signature_data:
            raise ValueError("No signature data")
        if not self.signing_data:
            raise ValueError("No signing data")

    def verify(self, payee: str) -> bool:
        """True when it signs for ``payee`` (hex); ``ValueError`` otherwise."""
        self._check()
        if not _native.verify_message(self.signature_data, message(self.hrp, self.signing_data), bytes.fromhex(payee)):
            raise ValueError("Invalid signature")
        return True

    def recover_public_key(self) -> str:
        """The key (hex) that made it."""
        self._check()
        return _native.recover_message(self.signature_data, message(self.hrp, self.signing_data)).hex()

    def _data(self) -> bytes:
        if not self.signature_data:
            raise ValueError("No signature data")
        return self.signature_data

    @property
    def r(self) -> str:
        return self._data()[:32].hex()

    @property
    def s(self) -> str:
        return self._data()[32:64].hex()

    @property
    def sig(self) -> bytes:
        return self._data()[:64]

    @property
    def recovery_flag(self) -> int:
        return int(self._data()[64])

    @property
    def preimage(self) -> bytes:
        return sha256(self._data()).digest()

    @property
    def hex(self) -> str:
        return self._data()[:64].hex()
