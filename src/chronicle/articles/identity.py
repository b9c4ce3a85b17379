"""Article ids: a content hash, so the same text gets the same id wherever it was found.

In: the normalised body. Out: the first 16 hex digits (64 bits) of its SHA-256.
"""

from __future__ import annotations

import hashlib

ID_HEX_DIGITS = 16  # 64 bits: collisions are negligible for any news collection


def content_id(body: str) -> str:
    """16-hex-digit SHA-256 prefix of ``body`` (already normalised: whitespace, Persian letters)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]
