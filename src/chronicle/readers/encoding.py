"""Bytes -> text for the text and Markdown readers: BOMs, UTF-8, UTF-16, then legacy code pages
(cp1256 Persian/Arabic, cp1252, cp1251: see sources/charset.py for how they are told apart)."""

from __future__ import annotations

from ..errors import ReaderError
from ..sources.charset import CONTROLS, SAMPLE_BYTES, to_text

# Share of control characters above which decoded text is binary data, not a document.
_CONTROL_SHARE = 0.05


def decode(content: bytes, source: str) -> str:
    """Decode document bytes to text; raises ReaderError when they decode to binary noise."""
    text = to_text(content)
    sample = text[:SAMPLE_BYTES]
    if len(CONTROLS.findall(sample)) > _CONTROL_SHARE * max(len(sample), 1):
        raise ReaderError(source, "binary data, not a document (looks like unknown binary data)")
    return text
