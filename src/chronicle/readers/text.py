"""Plain text -> RawArticle: decoded, newlines unified, lines kept as they are.

The title is left None: in plain text nothing marks one, and the articles stage decides.
"""

from __future__ import annotations

from ..errors import ReaderError
from ..model import Document, RawArticle
from .encoding import decode


def read_text(document: Document) -> RawArticle:
    """A plain-text Document as a RawArticle; ReaderError when it is empty or binary."""
    text = normalise_newlines(decode(document.content, document.source))
    if not text.strip():
        raise ReaderError(document.source, "empty file")
    return RawArticle(
        source=document.source,
        format="text",
        text=text,
        url=document.url,
        meta=dict(document.meta),
    )


def normalise_newlines(text: str) -> str:
    """CRLF/CR/form feeds/Unicode line separators to "\\n", NULs dropped, trailing spaces trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
