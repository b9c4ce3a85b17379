"""Guess what bytes are when neither the Document nor its name says: PDF, HTML, Markdown, text,
or binary data that is not a document at all. Signatures and patterns: data/formats.yaml."""

from __future__ import annotations

from functools import lru_cache

from ..sources.charset import utf16_byte_order
from ..sources.formats import formats_table, looks_like_html, text_pattern

_SAMPLE = 4096
# Bytes that never occur in text: C0 controls other than tab, newlines, form feed and escape.
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
# Share of control bytes above which a sample with no known signature is binary.
_BINARY_SHARE = 0.02


@lru_cache(maxsize=1)
def _signatures() -> list[tuple[bytes, str]]:
    """(magic bytes, kind) from data/formats.yaml; YAML escapes read back as latin-1 bytes."""
    entries = formats_table()["binary_signatures"]
    return [(entry["magic"].encode("latin-1"), entry["kind"]) for entry in entries]


def is_pdf(content: bytes) -> bool:
    """PDF files carry ``%PDF-`` within their first 1024 bytes (ISO 32000, 7.5.2 and readers' slack)."""
    return b"%PDF-" in content[:1024]


def binary_kind(content: bytes) -> str | None:
    """What kind of non-document ``content`` is ("PNG image", "unknown binary data"), None for text."""
    sample = content[:_SAMPLE]
    if not sample or utf16_byte_order(sample) or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    controls = sum(1 for byte in sample if byte in _CONTROL)
    for magic, kind in _signatures():
        if sample.startswith(magic) and (controls or _invalid_utf8(sample)):
            return kind
    return "unknown binary data" if controls > _BINARY_SHARE * len(sample) else None


def _invalid_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start < len(sample) - 3  # a character cut at the sample's end is fine
    return False


def sniff_text_format(text: str) -> str:
    """html | markdown | text for decoded text, by the patterns in data/formats.yaml."""
    if looks_like_html(text):
        return "html"
    if text_pattern("markdown").search(text[:_SAMPLE]):
        return "markdown"
    return "text"


def sniff_format(content: bytes) -> str:
    """pdf | html | markdown | text for bytes (binary data is checked by ``binary_kind``)."""
    if is_pdf(content):
        return "pdf"
    order = utf16_byte_order(content[:_SAMPLE])
    sample = content[:_SAMPLE].decode(order or "utf-8", errors="replace")
    return sniff_text_format(sample)
