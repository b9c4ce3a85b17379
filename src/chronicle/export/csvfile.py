"""CSV with a header row; nested values flattened (see flatten.py)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from .flatten import columns, flatten


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write every row under the union of their columns (rows are gathered first to know them)."""
    flat = [flatten(row) for row in rows]
    writer = csv.DictWriter(out, fieldnames=columns(flat), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)
    return len(flat)
