"""WARC crawls (.warc, .warc.gz, and the older .arc): each HTTP response carrying HTML, PDF or
text is a Document.

Named ``crawl.warc.gz@<WARC-Record-ID>`` (or ``@<offset>`` when a record has no id); the URL
comes from WARC-Target-URI (the ARC header's URL in .arc files). Requests, metadata, redirects, errors and images are skipped.
"""

from __future__ import annotations

import contextlib
import io
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
    records = ArchiveIterator(stream)
    seen = [0]  # records met, of any type: a WARC with none is empty, and says so
    try:
        while (item := _next_document(records, source, options, seen)) is not None:
            yield item
    except (ArchiveLoadFailed, *CORRUPT_ERRORS) as error:
        seen[0] += 1
        yield corrupt(source, error)
    except (AttributeError, KeyError, TypeError) as error:  # warcio's parser on damaged headers
        seen[0] += 1
        yield corrupt(source, error)
    if not seen[0]:
        yield failure(source, "empty WARC: no records")
    if records.err_count:
        yield failure(
            source, f"{records.err_count} WARC record(s) with a wrong Content-Length; the rest was read"
        )


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
    """A response record with a document payload as a Document; None for any other record.

    ``offset`` names records without an id; it is called after reading, as it consumes the record.
    """
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if not record.http_headers.get_statuscode().startswith("2"):
        return None
    fmt = media_format(record.http_headers.get_header("Content-Type"))
    if fmt is None:
        return None
    content = read_limited(record.content_stream(), options.max_file_bytes)
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    name = f"{source}@{record_id or offset()}"
    if content is None:
        return too_large(name, None, options.max_file_bytes)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing and not record.raw_stream.read(1):  # the file ends inside this record
        return failure(name, f"WARC record cut short: {missing} of its {record.length} bytes are missing")
    url = record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header(
        "uri"
    )  # WARC, ARC
    return Document(source=name, content=content, format=fmt, url=url, meta={"url": url} if url else {})
