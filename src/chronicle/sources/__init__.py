"""Sources: where document bytes come from.

``iter_documents(inputs, options)`` takes files, folders, globs, "-" (stdin), zip/tar archives,
gzip files, WARC/ARC crawls and JSONL/CSV/JSON corpora, and yields a ``Document`` per document found or
a ``Failure`` per input that could not be read. It streams and never raises for bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..model import Document, Failure
from .archives import read_tar, read_zip
from .corpus import read_corpus, read_corpus_stream
from .files import STDIN, failure, read_file, read_gzip, read_stdin
from .formats import container_kind
from .options import SourceOptions
from .paths import STDIN_ARG, expand_inputs
from .warc import read_warc, read_warc_stream

__all__ = ["SourceOptions", "iter_documents", "expected_documents", "input_files", "is_single_document"]

_CORPORA = ("jsonl", "csv", "json")
# Container kind (data/formats.yaml) -> the function that opens it; anything else is one document.
_READERS = {"zip": read_zip, "tar": read_tar, "gzip": read_gzip, "warc": read_warc}


def iter_documents(inputs: list[str], options: SourceOptions | None = None) -> Iterator[Document | Failure]:
    """Documents (and Failures) from every input, lazily, in input order."""
    options = options or SourceOptions()
    for item in expand_inputs(inputs):
        if isinstance(item, Failure):
            yield item
        elif item == STDIN_ARG:
            yield from _read_stdin(options)
        else:
            yield from _read_path(Path(item), options)


def input_files(inputs: list[str]) -> Iterator[str | Failure]:
    """The files ``inputs`` name, in the order ``iter_documents`` reads them (``"-"`` for stdin),
    and a Failure per input that is not there: names only, no byte is read."""
    for item in expand_inputs(inputs):
        yield item if isinstance(item, Failure) else str(item)


def is_single_document(path: str, options: SourceOptions | None = None) -> bool:
    """True when the file at ``path`` is one document (not an archive, crawl or corpus)."""
    kind = _kind(Path(path), options or SourceOptions())
    return kind is None or kind == "gzip"


def expected_documents(inputs: list[str], options: SourceOptions | None = None) -> int | None:
    """How many documents (and source failures) ``inputs`` hold, when the names tell: one per
    plain file; None when stdin, an archive, a crawl or a corpus is among them (only reading
    them would count their documents). Reads no byte, so an ETA costs no second read."""
    total = 0
    for item in input_files(inputs):
        if isinstance(item, Failure):
            total += 1
        elif item == STDIN_ARG or not is_single_document(item, options):
            return None
        else:
            total += 1
    return total


def _kind(path: Path, options: SourceOptions) -> str | None:
    """How to open ``path``: the forced input format for corpora/WARC, else its name decides."""
    if options.input_format in _CORPORA + ("warc",):
        return options.input_format
    kind = container_kind(path.name)
    if options.input_format == "files" and kind in _CORPORA + ("warc",):
        return None  # "files": each such file is one document, archives are still opened
    return kind


def _read_path(path: Path, options: SourceOptions) -> Iterator[Document | Failure]:
    """The Documents of one file, opened as its kind says."""
    source = str(path)
    kind = _kind(path, options)
    try:
        if kind in _CORPORA:
            yield from read_corpus(path, source, kind, options)
        else:
            reader = _READERS.get(kind, read_file)
            yield from reader(path, source, options)
    except Exception as error:  # a library's bug on damaged bytes costs this input, never the batch
        yield failure(source, f"unexpected error reading it: {error!r}")


def _read_stdin(options: SourceOptions) -> Iterator[Document | Failure]:
    """stdin as a corpus or WARC stream when the input format says so, else one document."""
    if options.input_format in _CORPORA:
        yield from read_corpus_stream(sys.stdin.buffer, STDIN, options.input_format, options)
    elif options.input_format == "warc":
        yield from read_warc_stream(sys.stdin.buffer, STDIN, options)
    else:
        yield from read_stdin(options)
