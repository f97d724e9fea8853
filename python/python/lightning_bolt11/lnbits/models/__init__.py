"""lnbits' ``bolt11.models``: fallback addresses, features, route hints, signatures, tags."""
