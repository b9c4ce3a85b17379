"""WARC crawls (.warc, .warc.gz, and the older .arc): each HTTP response carrying HTML, PDF or
text is a Document.

Named ``crawl.warc.gz@<WARC-Record-ID>`` (or ``@<offset>`` when a record has no id); the URL
comes from WARC-Target-URI (the ARC header's URL in .arc files). Requests, metadata, redirects, errors and images are skipped.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..model import Document, Failure
from .files import CORRUPT_ERRORS, corrupt, failure, read_limited, too_large
from .formats import media_format
from .options import SourceOptions


def read_warc(path: Path, source: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """The documents of one WARC file, streamed record by record."""
    try:
        with path.open("rb") as stream:
            yield from read_warc_stream(stream, source, options)
    except OSError as error:
        yield corrupt(source, error)


def read_warc_stream(stream: BinaryIO, source: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """The documents of a WARC byte stream (a file or stdin).

    warcio prints a warning and goes on when a record's Content-Length is wrong; the warnings
    are kept off the terminal and become one Failure for the file at the end.
    """
    records = _Records(stream)
    seen = [0]  # records met, of any type: a WARC with none is empty, and says so
    item: Document | Failure | None = None
    said = False  # the cut was said already, by the record it cut
    try:
        while (item := _next_document(records, source, options, seen)) is not None:
            said = isinstance(item, Failure) and item.reason.startswith(_RECORD_CUT)
            yield item
    except (ArchiveLoadFailed, *CORRUPT_ERRORS) as error:
        seen[0] += 1
        yield corrupt(source, error)
    except (AttributeError, KeyError, TypeError) as error:  # warcio's parser on damaged headers
        seen[0] += 1
        yield corrupt(source, error)
    if records.cut_short and not said:  # the file ends inside a gzip member: whatever it held is lost
        yield failure(source, "WARC file cut short: its last gzip member ends early; the records in it are lost")
    elif not seen[0]:
        yield failure(source, "empty WARC: no records")
    elif records.trailing:
        yield failure(source, f"WARC file ends with {records.trailing} bytes that are no whole record "
                              "(cut short inside a record's headers?)")
    if records.err_count:
        yield failure(
            source, f"{records.err_count} WARC record(s) with a wrong Content-Length; the rest was read"
        )


_RECORD_CUT = "WARC record cut short"
_WARC_TYPES = frozenset(("warcinfo", "response", "resource", "request", "metadata", "revisit",
                         "conversion", "continuation"))
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")  # type/subtype, as RFC 6838 spells them
_SNIFF = "sniff"  # _document_format: a response without a Content-Type
_DAMAGED = "damaged"  # _document_format: a response whose status line is no status


class _Records(ArchiveIterator):
    """warcio's iterator, noting whether the stream ended inside a gzip member (warcio ends quietly)."""

    cut_short = False
    trailing = 0  # bytes after the last whole record (a record cut inside its headers)

    def close(self) -> None:
        if self.reader is not None:
            decompressor = getattr(self.reader, "decompressor", None)
            if decompressor is not None and getattr(decompressor, "eof", True) is False and self.fh.tell() > 0:
                self.cut_short = True  # (a gzip stream begun; an empty file never began one)
            self.trailing = max(0, self.fh.tell() - self.reader.rem_length() - self.offset)
        super().close()


def _next_document(
    records: ArchiveIterator, source: str, options: SourceOptions, seen: list[int]
) -> Document | Failure | None:
    """The next Document or Failure of ``records``, skipping other records; None at the end."""
    with contextlib.redirect_stderr(io.StringIO()):  # released before the caller yields
        for record in records:
            seen[0] += 1
            item = _record(record, source, options, records.get_record_offset)
            if item is not None:
                return item
    return None


def _record(
    record: ArcWarcRecord, source: str, options: SourceOptions, offset: Callable[[], int]
) -> Document | Failure | None:
    """A response record with a document payload as a Document; None for any other record; a
    Failure when the record is cut short (the file ends inside it), whatever its type.

    ``offset`` names records without an id; it is called after reading, as it consumes the record.
    """
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    if record.format.startswith("warc") and (
        record.rec_type not in _WARC_TYPES or record.rec_headers.get_header("Content-Length") is None
    ):  # a header cut short or damaged: what the record held is unknown, so it is said
        while record.raw_stream.read(1 << 16):
            pass
        return failure(f"{source}@{record_id or offset()}",
                       f"damaged WARC record header (type {record.rec_type!r}, cut short or corrupt)")
    fmt = _document_format(record)
    if fmt is None:
        while record.raw_stream.read(1 << 16):  # drained, to know whether the file ends inside it
            pass
        return _cut(record, f"{source}@{record_id or offset()}")
    if fmt == _DAMAGED:
        while record.raw_stream.read(1 << 16):
            pass
        if record.http_headers is None:
            uri = record.rec_headers.get_header("WARC-Target-URI")
            return failure(f"{source}@{record_id or offset()}", f"damaged WARC record: HTTP response for {uri!r} not read")
        status_line = record.http_headers.statusline
        return failure(f"{source}@{record_id or offset()}", f"damaged HTTP status line {status_line!r}")
    body = record.content_stream()
    content = read_limited(body, options.max_file_bytes)
    name = f"{source}@{record_id or offset()}"
    if content is None:
        return too_large(name, None, options.max_file_bytes)
    if cut := _cut(record, name):
        return cut
    decoder = getattr(body, "decompressor", None) if body is not record.raw_stream else None
    if decoder is not None and getattr(decoder, "eof", True) is False:  # warcio gives b"" or a part
        encoding = record.http_headers.get_header("Content-Encoding") or "compressed"
        return failure(name, f"WARC record's {encoding}-encoded HTTP body is cut short or damaged")
    url = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header(
        "uri"
    )  # WARC, ARC
    fmt = None if fmt == _SNIFF else fmt
    return Document(source=name, content=content, format=fmt, url=url, meta={"url": url} if url else {})


def _document_format(record: ArcWarcRecord) -> str | None:
    """The document format of a 2xx response record with an HTML, PDF or text payload, else None."""
    if record.rec_type != "response":
        return None
    if record.http_headers is None:  # an HTTP response warcio did not read (a damaged target URI)
        block_type = record.rec_headers.get_header("Content-Type") or ""
        return _DAMAGED if block_type.startswith("application/http") else None
    status = record.http_headers.get_statuscode()
    if not (len(status) == 3 and status.isdigit()):
        return _DAMAGED  # "HTTP/1.1\0200 OK": whether it held a page is unknown, so it is said
    if not status.startswith("2"):
        return None
    content_type = record.http_headers.get_header("Content-Type")
    if not content_type or not _MEDIA_TYPE.fullmatch(content_type.split(";", 1)[0].strip()):
        return _SNIFF  # no type said, or a damaged one ("tex\0/html"): the readers judge the bytes
    return media_format(content_type)


def _cut(record: ArcWarcRecord, name: str) -> Failure | None:
    """The Failure of a record whose block the file ends inside (read to its end first), else None."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing and not record.raw_stream.read(1):  # the file ends inside this record
        return failure(name, f"{_RECORD_CUT}: {missing} of its {record.length} bytes are missing")
    return None
