"""What a file is, judged by its name: container kinds and document format hints.

The tables live in ``chronicle/data/formats.yaml``; this module loads them once and answers
``container_kind("x.tar.gz") -> "tar"``, ``document_format("a/b.html.gz") -> "html"``,
``media_format("text/html; charset=utf-8") -> "html"`` and ``looks_like_html(text)``.
Readers import it too (readers/sniff.py), so sources and readers agree on one table.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from chronicle.data import load_yaml

# Tags that make a fragment without <html> HTML: a few, so one stray "<b>" in prose does not.
_FRAGMENT_TAGS = 3
# Compression suffixes dropped before looking at a document's own extension.
_COMPRESSION = (".gz",)


@lru_cache(maxsize=1)
def formats_table() -> dict[str, Any]:
    """The parsed ``data/formats.yaml``."""
    return load_yaml("formats.yaml")


def _suffix_lookup(name: str, table: dict[str, str]) -> str | None:
    lowered = name.lower()
    for suffix in sorted(table, key=len, reverse=True):  # longest first: .tar.gz before .gz
        if lowered.endswith(suffix):
            return table[suffix]
    return None


def container_kind(name: str) -> str | None:
    """tar | zip | warc | jsonl | csv | gzip for a container file name, else None."""
    return _suffix_lookup(name, formats_table()["containers"])


def document_format(name: str) -> str | None:
    """html | pdf | markdown | text from the last path part's extension, else None."""
    base = name.rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    for suffix in _COMPRESSION:
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
    return _suffix_lookup(base, formats_table()["documents"]) if "." in base else None


def media_format(content_type: str | None) -> str | None:
    """Document format for an HTTP/WARC Content-Type header, None when it is not a document."""
    if not content_type:
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    return formats_table()["media_types"].get(media)


@cache
def text_pattern(name: str) -> re.Pattern[str]:
    """A compiled ``text_patterns`` entry (html, markdown), case-insensitive."""
    return re.compile(formats_table()["text_patterns"][name], re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when the first few KB of ``text`` open like an HTML document or hold 3+ HTML tags."""
    head = text[:4096].lstrip("\ufeff")
    if text_pattern("html").search(head):
        return True
    return len(text_pattern("html_tag").findall(head)) >= _FRAGMENT_TAGS
