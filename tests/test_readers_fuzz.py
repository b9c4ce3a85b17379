"""Property tests: random bytes into every reader raise nothing but ReaderError."""

from __future__ import annotations

import importlib

import pytest
from fixtures_bad import make_pdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.errors import ReaderError
from chronicle.model import Document, RawArticle
from chronicle.readers import FORMATS, read
from chronicle.readers.encoding import decode

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID_PDF = make_pdf(["Kabul, 14 March", "ﺳﻼﻡ ﺩﻧﯿﺎ", "Second line of text"])

# Random bytes, text-like bytes, and byte strings that open like each format.
PREFIXES = [b"", b"%PDF-1.4\n", b"<html><body>", b"# Title\n\n", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04"]
CONTENT = st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=500).map(lambda t: t.encode("utf-8")),
    st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=512)).map(lambda p: p[0] + p[1]),
)


# (module, function) of each reader; a reader module not written yet is skipped, not failed.
READERS = [
    ("chronicle.readers.text", "read_text"),
    ("chronicle.readers.pdf", "read_pdf"),
    ("chronicle.readers.html", "read_html"),
    ("chronicle.readers.markdown", "read_markdown"),
]


def _only_reader_errors(call, document: Document) -> None:
    try:
        result = call(document)
    except ReaderError as error:
        assert error.source == document.source and error.reason
    else:
        assert isinstance(result, RawArticle)


@pytest.mark.parametrize("fmt", [None, *FORMATS])
@FUZZ
@given(content=CONTENT)
def test_read_with_each_format_forced(fmt: str | None, content: bytes) -> None:
    _only_reader_errors(read, Document(source="fuzz", content=content, format=fmt))


@pytest.mark.parametrize("module, function", READERS)
@FUZZ
@given(content=CONTENT)
def test_each_reader_function_directly(module: str, function: str, content: bytes) -> None:
    call = getattr(importlib.import_module(module), function)
    _only_reader_errors(call, Document(source="fuzz", content=content))


@FUZZ
@given(
    position=st.integers(min_value=0, max_value=len(VALID_PDF) - 1), junk=st.binary(min_size=1, max_size=64)
)
def test_damaged_pdf_bytes(position: int, junk: bytes) -> None:
    damaged = VALID_PDF[:position] + junk + VALID_PDF[position + len(junk) :]
    _only_reader_errors(read, Document(source="damaged.pdf", content=damaged))


@FUZZ
@given(content=st.binary(max_size=2048))
def test_decode_gives_text_or_reader_error(content: bytes) -> None:
    try:
        assert isinstance(decode(content, "fuzz"), str)
    except ReaderError as error:
        assert error.reason.startswith("binary data")
