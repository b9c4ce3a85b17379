"""Writers for records and query rows: JSONL, CSV and Parquet (used by the CLI's --format).

``write_rows(rows, fmt, out)``: ``rows`` are JSON-ready dicts (``Record.to_dict()``, a store
row's ``to_dict()``); ``out`` is a text stream for jsonl/csv, a file path for parquet.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from .csvfile import write_csv
from .flatten import flatten
from .jsonl import write_jsonl
from .parquet import write_parquet

FORMATS = ("jsonl", "csv", "parquet")


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO | str | Path) -> int:
    """Write ``rows`` in ``fmt``; returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(rows, out)  # type: ignore[arg-type]
    if fmt == "csv":
        return write_csv(rows, out)  # type: ignore[arg-type]
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise ValueError("parquet is binary: give a file path (--output)")
        return write_parquet(rows, out)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "flatten", "write_csv", "write_jsonl", "write_parquet", "write_rows"]
