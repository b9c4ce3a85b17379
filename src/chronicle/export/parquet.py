"""Parquet (pyarrow): flattened rows, one column per field."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .flatten import columns, flatten


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write ``rows`` to a Parquet file at ``path``; returns how many were written."""
    import pyarrow as pa  # heavy: only when Parquet is asked for
    import pyarrow.parquet as pq

    flat = [flatten(row) for row in rows]
    names = columns(flat)
    table = pa.table({name: [row.get(name) for row in flat] for name in names}) if flat else pa.table({})
    pq.write_table(table, str(path))
    return len(flat)
