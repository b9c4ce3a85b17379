"""JSONL and CSV corpora: each row is one Document named ``corpus.jsonl#<id or line number>``.

The text field becomes the content (format "html" when it opens like HTML, else "text");
id/title/date/url/publisher fields go to ``Document.meta``. A bad row gets its own Failure and
the corpus goes on. ``.jsonl.gz`` and ``.csv.gz`` are read through gzip, streamed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..model import Document, Failure
from .files import CORRUPT_ERRORS, corrupt, failure, too_large
from .formats import looks_like_html
from .options import SourceOptions


def read_corpus(path: Path, source: str, kind: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """Rows of a JSONL or CSV corpus file (``kind`` is "jsonl" or "csv"), possibly gzipped."""
    try:
        raw = path.open("rb")
    except OSError as error:
        yield failure(source, f"cannot read file: {error.strerror or error}")
        return
    with raw:
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
        yield from read_corpus_stream(stream, source, kind, options)


def read_corpus_stream(
    stream: BinaryIO, source: str, kind: str, options: SourceOptions
) -> Iterator[Document | Failure]:
    """Rows of a JSONL or CSV byte stream; a damaged stream ends with one Failure."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    rows = _jsonl_rows(text, source) if kind == "jsonl" else _csv_rows(text, options)
    try:
        for line, row in rows:
            yield row if isinstance(row, Failure) else _document(row, line, source, options)
    except CORRUPT_ERRORS + (csv.Error,) as error:
        yield corrupt(source, error)


def _jsonl_rows(text: io.TextIOWrapper, source: str) -> Iterator[tuple[int, dict[str, Any] | Failure]]:
    """(line number, parsed object or Failure) for each non-blank line."""
    for number, line in enumerate(text, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, failure(f"{source}#{number}", f"invalid JSON on line {number}: {error.msg}")
            continue
        if not isinstance(row, dict):
            yield number, failure(f"{source}#{number}", f"line {number} is not a JSON object")
            continue
        yield number, row


def _csv_rows(text: io.TextIOWrapper, options: SourceOptions) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row dict) for each CSV record; the header row names the fields."""
    csv.field_size_limit(min(sys.maxsize, options.max_file_bytes))  # news bodies exceed the 128 KB default
    reader = csv.DictReader(text)
    for row in reader:
        yield reader.line_num, row


def _field(row: dict[str, Any], name: str) -> Any:
    """``row[name]``, following dots into nested objects (``meta.date``); None when absent."""
    value: Any = row.get(name)
    if value is None and "." in name:
        value = row
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    return None if value in ("", None) else value


def _document(row: dict[str, Any], line: int, source: str, options: SourceOptions) -> Document | Failure:
    """One corpus row as a Document, or a Failure when its text is missing or too large."""
    meta = {key: _field(row, name) for key, name in options.meta_fields.items()}
    meta = {key: str(value) for key, value in meta.items() if value is not None}
    name = f"{source}#{meta.get('id', line)}"
    body = _field(row, options.text_field)
    if not isinstance(body, str) or not body.strip():
        return failure(name, f"row has no text in field {options.text_field!r}")
    content = body.encode("utf-8")
    if len(content) > options.max_file_bytes:
        return too_large(name, len(content), options.max_file_bytes)
    fmt = "html" if looks_like_html(body) else "text"
    return Document(source=name, content=content, format=fmt, url=meta.get("url"), meta=meta)
