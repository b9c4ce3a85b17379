"""Readers: a Document's bytes -> RawArticle, one module per format.

``read(document)`` picks the reader by ``Document.format``, else by the file extension in
``Document.source``, else by sniffing the bytes (readers/sniff.py). A PDF signature beats a
wrong name, and bytes that are not a document (images, executables, archives) are refused
before any reader sees them. Bad input raises ``ReaderError(source, reason)``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ReaderError
from ..model import Document, RawArticle
from ..sources.formats import document_format
from .limits import ReadLimits
from .pdf import read_pdf
from .sniff import binary_kind, is_pdf, sniff_format
from .text import read_text

__all__ = ["FORMATS", "ReadLimits", "choose_format", "read"]

FORMATS = ("html", "markdown", "pdf", "text")
# Corpus and WARC fields that fill a RawArticle (Document.meta key -> RawArticle field).
_META_FIELDS = {"title": "title", "date": "published", "url": "url", "publisher": "publisher"}


def read(document: Document, limits: ReadLimits | None = None) -> RawArticle:
    """The RawArticle of ``document``; ReaderError for empty, binary or unreadable input, or a
    page over ``limits`` (the config.py defaults when None)."""
    if not document.content.strip():
        raise ReaderError(document.source, "empty file")
    fmt = choose_format(document)
    if fmt == "html":
        from .html import read_html

        raw = read_html(document, limits)
    else:
        raw = _reader(fmt)(document)
    return _with_corpus_fields(raw, document)


def choose_format(document: Document) -> str:
    """html | markdown | pdf | text for ``document``; ReaderError when it is binary data."""
    if is_pdf(document.content):
        return "pdf"
    hinted = document.format or document_format(document.source)
    kind = binary_kind(document.content)
    if kind:
        raise ReaderError(document.source, f"binary data, not a document (looks like {kind})")
    if hinted == "pdf":  # named .pdf but no PDF signature: an error page saved under that name
        return sniff_format(document.content)
    if hinted is not None and hinted not in FORMATS:
        raise ReaderError(document.source, f"no reader for format {hinted!r}")
    return hinted or sniff_format(document.content)


def _reader(fmt: str) -> Callable[[Document], RawArticle]:
    """The reader function of a format; HTML and Markdown are imported when first needed."""
    if fmt == "html":
        from .html import read_html

        return read_html
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown
    return read_pdf if fmt == "pdf" else read_text


def _with_corpus_fields(raw: RawArticle, document: Document) -> RawArticle:
    """Fields a corpus row or WARC record gave (title, date, url, publisher) win over guesses."""
    for key, attribute in _META_FIELDS.items():
        if document.meta.get(key):
            setattr(raw, attribute, document.meta[key])
    raw.url = raw.url or document.url
    return raw
