"""JSONL, CSV and JSON-array corpora: each row is one Document named ``corpus.jsonl#<id or line>``.

The text field becomes the content (format "html" when it opens like HTML, else "text");
id/title/date/url/publisher fields go to ``Document.meta``. A bad row gets its own Failure and
the corpus goes on. ``.jsonl.gz`` and ``.csv.gz`` are read through gzip, streamed; a ``.json``
file (an array of objects) is parsed whole, within the file size limit.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..model import Document, Failure
from .charset import SAMPLE_BYTES, guess_encoding
from .files import CORRUPT_ERRORS, corrupt, failure, too_large
from .formats import looks_like_html
from .options import SourceOptions, human_size


def read_corpus(path: Path, source: str, kind: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """Rows of a corpus file (``kind`` is "jsonl", "csv" or "json"), possibly gzipped."""
    try:
        raw = path.open("rb")
    except OSError as error:
        yield corrupt(source, error)
        return
    with raw:
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
        yield from read_corpus_stream(stream, source, kind, options)


def read_corpus_stream(
    stream: BinaryIO, source: str, kind: str, options: SourceOptions
) -> Iterator[Document | Failure]:
    """Rows of a JSONL, CSV or JSON byte stream; a damaged stream ends with one Failure.

    The encoding is guessed from the first 16 KB: a CSV saved by Excel on a Persian
    Windows is cp1256, not UTF-8.
    """
    head, error = _head(stream)
    if error is not None and not head:
        yield corrupt(source, error)
        return
    encoding = guess_encoding(head, sample=True)
    replayed = io.BufferedReader(_Replayed(head, stream, error))
    text = io.TextIOWrapper(replayed, encoding=encoding, errors="replace", newline="")
    rows = _rows(kind, text, source, options)
    seen: set[str] = set()  # document names given so far: a reused id gets its line added
    met = 0
    try:
        for line, row in rows:
            met += 1
            if row is None:
                yield failure(source, _header_reason(head, options.text_field))
            elif isinstance(row, Failure):
                yield row
            else:
                document = _document(row, line, source, options)
                if document.source in seen:
                    document.source = f"{document.source}@line{line}"  # the same id again: a distinct document
                seen.add(document.source)
                yield document
    except CORRUPT_ERRORS + (csv.Error,) as error:
        yield corrupt(source, error)
        return
    if met == 0:
        what = "a header and no rows" if kind == "csv" and head.strip() else "no rows"
        yield failure(source, f"empty corpus: {what}")


def _header_reason(head: bytes, text_field: str) -> str:
    """Why the CSV header lacks the text field: a wrong delimiter, or the field's name."""
    first = head.split(b"\n", 1)[0]
    if first.count(b",") == 0 and any(first.count(d) for d in (b";", b"\t", b"|")):
        return "the CSV header has no comma: is it delimited by ';', tab or '|'? (write it with commas)"
    return f"no column {text_field!r} in the CSV header (set the text field)"


def _rows(
    kind: str, text: io.TextIOWrapper, source: str, options: SourceOptions
) -> Iterator[tuple[int, dict[str, Any] | Failure | None]]:
    """(position, row) pairs of a corpus of ``kind`` jsonl, json or csv."""
    if kind == "jsonl":
        return _jsonl_rows(text, source, options.max_file_bytes)
    if kind == "json":
        return _json_rows(text, source, options.max_file_bytes)
    return _csv_rows(text, source, options)


def _json_rows(
    text: io.TextIOWrapper, source: str, limit: int
) -> Iterator[tuple[int, dict[str, Any] | Failure]]:
    """(index, object) for each item of a JSON array file, or the one object a file holds.

    A JSON document is parsed whole, so it must fit the file limit; JSONL streams instead.
    """
    data = text.read(limit + 1)
    if len(data) > limit:
        yield (
            0,
            failure(
                source, f"JSON file is over the {human_size(limit)} limit (write large corpora as JSONL)"
            ),
        )
        return
    try:
        value = json.loads(data)
    except json.JSONDecodeError as error:
        yield 0, failure(source, f"invalid JSON on line {error.lineno}: {error.msg} column {error.colno}")
        return
    except RecursionError:
        yield 0, failure(source, "JSON nested too deep to read")
        return
    for index, item in enumerate(value if isinstance(value, list) else [value], start=1):
        if isinstance(item, dict):
            yield index, item
        else:
            yield index, failure(f"{source}#{index}", f"item {index} is not a JSON object")


def _jsonl_rows(
    text: io.TextIOWrapper, source: str, limit: int
) -> Iterator[tuple[int, dict[str, Any] | Failure]]:
    """(line number, parsed object or Failure) for each non-blank line."""
    for number, line in _lines(text, limit):
        name = f"{source}#{number}"
        if line is None:
            yield number, failure(name, f"line {number} is over the {human_size(limit)} limit")
        elif line.strip():
            yield number, _json_object(line, number, name)


def _lines(text: io.TextIOWrapper, limit: int) -> Iterator[tuple[int, str | None]]:
    """Numbered lines; None for a line longer than ``limit`` (skipped without holding it in memory)."""
    number = 0
    while line := text.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            while (rest := text.readline(limit + 1)) and not rest.endswith("\n"):
                pass
            yield number, None
        else:
            yield number, line


def _json_object(line: str, number: int, name: str) -> dict[str, Any] | Failure:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return failure(name, f"invalid JSON on line {number}: {error.msg} column {error.colno}")
    except RecursionError:
        return failure(name, f"JSON on line {number} is nested too deep to read")
    except ValueError as error:  # a number of more than 4,300 digits
        return failure(name, f"invalid JSON on line {number}: {error}")
    if not isinstance(row, dict):
        return failure(name, f"line {number} is not a JSON object")
    return row


def _csv_rows(
    text: io.TextIOWrapper, source: str, options: SourceOptions
) -> Iterator[tuple[int, dict[str, Any] | Failure | None]]:
    """(first line number, row dict) for each CSV record; the header row names the fields.

    A header without the text column yields one (0, None): the whole corpus is misconfigured.
    A field over the file limit costs its row (a Failure), and the reading goes on after it.
    A last record that ends inside a quoted field is a Failure: the file was cut short there.
    """
    limit = min(sys.maxsize, options.max_file_bytes)
    csv.field_size_limit(limit)  # news bodies exceed the 128 KB default
    record: list[str] = []  # the lines of the record being read

    def lines() -> Iterator[str]:
        for line in text:
            record.append(line)
            yield line

    reader = csv.DictReader(lines())
    if reader.fieldnames is not None and options.text_field.split(".")[0] not in reader.fieldnames:
        yield 0, None
        return
    previous = reader.line_num
    pending: tuple[int, dict[str, Any]] | None = None  # held back until it is known not to be cut
    while True:
        record.clear()
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if "field limit" not in str(error):
                raise
            name = f"{source}#line{previous + 1}"  # not #N: that may be the id of another row
            yield previous + 1, failure(name, f"a field of the row on line {previous + 1} is over the {human_size(limit)} limit")
            previous = reader.line_num
            continue
        if pending is not None:
            yield pending
        pending = (previous + 1, row)  # line_num is where a multi-line record ends; name it by its start
        previous = reader.line_num
        last = record[:]
    if pending is not None:
        if _ends_in_quotes("".join(last)):
            line = pending[0]
            yield line, failure(f"{source}#line{line}", f"the row on line {line} ends inside a quoted field: "
                                                        "the file is cut short")
        else:
            yield pending


def _ends_in_quotes(record: str) -> bool:
    """True when the CSV ``record`` (its raw lines) ends inside a quoted field (the lenient reader
    takes such a field as it is; the strict one says "unexpected end of data")."""
    try:
        list(csv.reader(io.StringIO(record, newline=""), strict=True))
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


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
    if isinstance(body, list) and all(isinstance(part, str) for part in body):
        body = "\n".join(body)  # a body given as a list of paragraphs
    if not isinstance(body, str) or not body.strip():
        return failure(name, f"row has no text in field {options.text_field!r}")
    content = body.encode("utf-8")
    if len(content) > options.max_file_bytes:
        return too_large(name, len(content), options.max_file_bytes)
    fmt = "html" if looks_like_html(body) else "text"
    return Document(source=name, content=content, format=fmt, url=meta.get("url"), meta=meta)


def _head(stream: BinaryIO) -> tuple[bytes, BaseException | None]:
    """The first SAMPLE_BYTES of ``stream``, read in small pieces so that damage (junk after the
    last gzip member) costs only what follows it; and the error met, if any."""
    chunks: list[bytes] = []
    total = 0
    while total < SAMPLE_BYTES:
        try:
            chunk = _read_some(stream, min(4096, SAMPLE_BYTES - total))
        except CORRUPT_ERRORS as error:
            return b"".join(chunks), error
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks), None


def _read_some(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes with one read of the stream below (``read1``): GzipFile.read would
    read on into junk after the last member and raise, losing the bytes it had."""
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


class _Replayed(io.RawIOBase):
    """A byte stream whose first bytes were already read (to guess the encoding): replays them,
    then raises the error met reading them, if any, or reads on."""

    def __init__(self, head: bytes, rest: BinaryIO, error: BaseException | None = None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        data = _read_some(self._rest, len(buffer))
        buffer[: len(data)] = data
        return len(data)
