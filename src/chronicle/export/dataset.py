"""Partitioned Parquet: one dataset folder in hive style (``OUT/month=2012-03/part-0.parquet``).

pyarrow (``pyarrow.dataset.dataset(OUT, partitioning="hive")``), pandas (``pd.read_parquet(OUT)``),
DuckDB (``read_parquet('OUT/**/*.parquet', hive_partitioning = true)``) and Spark
(``spark.read.parquet(OUT)``) read the folder as one table, the partition key as a column.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .flatten import columns, flatten

PARTITIONS = ("month", "publisher")
UNKNOWN = "unknown"  # the folder of rows without a date or publisher


def partition_value(row: dict[str, Any], by: str) -> str:
    """The partition of one event row: its month (YYYY-MM of its date) or its publisher."""
    if by == "month":
        return (row.get("date") or "")[:7] or UNKNOWN
    if by == "publisher":
        return row.get("publisher") or UNKNOWN
    raise ValueError(f"unknown partition {by!r}; use one of {', '.join(PARTITIONS)}")


def write_partitioned(rows: Iterable[dict[str, Any]], out: str | Path, by: str) -> int:
    """Write ``rows`` as a hive-partitioned Parquet dataset under the folder ``out`` (made if
    missing; it must be empty), partitioned ``by`` month or publisher; returns the row count."""
    import pyarrow as pa  # heavy: only when Parquet is asked for
    import pyarrow.parquet as pq

    if by not in PARTITIONS:
        raise ValueError(f"unknown partition {by!r}; use one of {', '.join(PARTITIONS)}")
    folder = Path(out)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValueError(f"{folder} is not an empty folder: a dataset is written into a new or empty one")
    flat = []
    for row in rows:
        item = flatten(row)
        key = partition_value(item, by)
        if by == "month":
            item["month"] = key
        else:
            item["publisher"] = key
        flat.append(item)
    folder.mkdir(parents=True, exist_ok=True)
    if not flat:
        return 0
    names = columns(flat)
    table = pa.table({name: [row.get(name) for row in flat] for name in names})
    pq.write_to_dataset(table, str(folder), partition_cols=[by])
    return len(flat)
