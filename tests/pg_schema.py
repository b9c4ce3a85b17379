"""A fresh PostgreSQL schema for one test (CHRONICLE_PG_DSN), dropped afterwards, so runs never
see each other's rows: ``with fresh_schema("chronicle_test") as url: ...``."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import quote

DSN = os.environ.get("CHRONICLE_PG_DSN")


def url_with_schema(schema: str) -> str:
    """The store URL of ``schema`` in the test database."""
    separator = "&" if "?" in DSN else "?"
    return f"{DSN}{separator}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def fresh_schema(prefix: str = "chronicle_test") -> Iterator[str]:
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield url_with_schema(schema)
    finally:
        with psycopg.connect(DSN, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
