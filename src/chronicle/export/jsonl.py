"""JSON Lines: one JSON object per line, UTF-8 text kept as is (no \\u escapes)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write each row as one line, flushing so a reader of a pipe sees records as they come."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
        n += 1
    return n
