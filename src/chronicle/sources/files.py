"""Single files: plain documents, gzip-compressed documents, and stdin."""

from __future__ import annotations

import gzip
import hashlib
import stat
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import SourceError
from ..model import Document, Failure
from .options import SourceOptions, human_size

STDIN = "<stdin>"
_CHUNK = 1 << 20

# What a damaged compressed stream raises, from gzip/zlib/tarfile/zipfile alike.
CORRUPT_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile, OSError, ValueError)


def failure(source: str, reason: str, detail: str = "") -> Failure:
    """A source-stage Failure naming ``source`` and the reason."""
    return SourceError(source, reason, detail).to_failure()


def too_large(source: str, size: int | None, limit: int) -> Failure:
    """The Failure "file is 60 MB, over the 50 MB limit" ("file is over ..." when the size is unknown)."""
    amount = f"{human_size(size)}, over" if size is not None else "over"
    return failure(source, f"file is {amount} the {human_size(limit)} limit")


def corrupt(source: str, error: BaseException) -> Failure:
    """The one Failure for a file that cannot be opened, or a truncated or damaged gzip/zip/tar/WARC."""
    if isinstance(error, (FileNotFoundError, PermissionError, IsADirectoryError)):
        return failure(source, f"cannot read file: {error.strerror}")
    return failure(source, f"truncated or corrupt archive: {error or type(error).__name__}")


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """Read ``stream`` to its end; None when it holds more than ``limit`` bytes (read in chunks)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
    return b"".join(chunks)


def read_file(path: Path, source: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """One plain file as one Document, unless it is over the size limit or unreadable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            yield failure(source, "not a regular file (pipe, socket or device)")
            return
        size = info.st_size
        if size > options.max_file_bytes:
            yield too_large(source, size, options.max_file_bytes)
            return
        content = path.read_bytes()
    except OSError as error:
        yield failure(source, f"cannot read file: {error.strerror or error}")
        return
    yield Document(source=source, content=content)


def read_gzip(path: Path, source: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """A gzip-compressed single document (``story.html.gz``), decompressed up to the file limit."""
    try:
        stream = path.open("rb")
    except OSError as error:
        yield corrupt(source, error)
        return
    with stream:
        yield gunzip(stream, source, options)


def gunzip(stream: BinaryIO, source: str, options: SourceOptions) -> Document | Failure:
    """The document inside a gzip stream, or why not (damaged, or expanding past the file limit)."""
    try:
        with gzip.GzipFile(fileobj=stream) as unzipped:
            content = read_limited(unzipped, options.max_file_bytes)
    except CORRUPT_ERRORS as error:
        return corrupt(source, error)
    if content is None:
        return failure(source, f"file expands past the {human_size(options.max_file_bytes)} limit")
    return Document(source=source, content=content)


def read_stdin(options: SourceOptions) -> Iterator[Document | Failure]:
    """All of stdin as one Document named ``<stdin>:<hash of its bytes>``."""
    content = read_limited(sys.stdin.buffer, options.max_file_bytes)
    if content is None:
        yield failure(STDIN, f"input is over the {human_size(options.max_file_bytes)} limit")
    else:  # named by its content, so a later, different stdin ingest is not "already done"
        yield Document(source=f"{STDIN}:{hashlib.sha256(content).hexdigest()[:16]}", content=content)
