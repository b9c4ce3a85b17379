"""The store tests of test_store.py, run again on PostgreSQL (CHRONICLE_PG_DSN; skipped without it).

Each test gets its own schema, dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

from test_store import *  # noqa: F401,F403 - the same behaviour, on the other backend

del test_sqlite_file_uses_wal  # noqa: F821 - a SQLite matter only
del test_a_store_url_is_shown_without_its_password  # noqa: F821 - no database involved

DSN = os.environ.get("CHRONICLE_PG_DSN")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not DSN, reason="CHRONICLE_PG_DSN is not set (a postgresql:// URL)"),
]


def _url_with_schema(schema: str) -> str:
    separator = "&" if "?" in DSN else "?"
    return f"{DSN}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def target():
    """A fresh schema in the PostgreSQL database, as a URL; it replaces test_store's SQLite file."""
    import psycopg

    schema = f"chronicle_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield _url_with_schema(schema)
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
