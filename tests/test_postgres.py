"""The store tests of test_store.py, run again on PostgreSQL (CHRONICLE_PG_DSN; skipped without it).

Each test gets its own schema, dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations


import pytest

from test_store import *  # noqa: F401,F403 - the same behaviour, on the other backend

del test_sqlite_file_uses_wal  # noqa: F821 - a SQLite matter only
del test_a_store_url_is_shown_without_its_password  # noqa: F821 - no database involved

from pg_schema import DSN, fresh_schema  # noqa: E402
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not DSN, reason="CHRONICLE_PG_DSN is not set (a postgresql:// URL)"),
]


@pytest.fixture
def target():
    """A fresh schema in the PostgreSQL database, as a URL; it replaces test_store's SQLite file."""
    with fresh_schema("chronicle_test") as url:
        yield url
