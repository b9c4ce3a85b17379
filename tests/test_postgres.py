"""The store tests of test_store.py, run again on PostgreSQL (CHRONICLE_PG_DSN; skipped without it).

Each test gets its own schema, dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from urllib.parse import quote

import pytest

from test_store import *  # noqa: F401,F403 - the same behaviour, on the other backend
from test_store import WIRE, article

del test_sqlite_file_uses_wal  # noqa: F821 - a SQLite matter only

from chronicle.model import Record
from chronicle.store import open_store

DSN = os.environ.get("CHRONICLE_PG_DSN")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not DSN, reason="CHRONICLE_PG_DSN is not set (a postgresql:// URL)"),
]


def _url_with_schema(schema: str) -> str:
    separator = "&" if "?" in DSN else "?"
    return f"{DSN}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def pg_url():
    import psycopg

    schema = f"chronicle_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield _url_with_schema(schema)
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(pg_url):
    with open_store(pg_url, story_threshold=0.5) as s:
        yield s


def test_a_later_run_joins_stories_of_an_earlier_one(pg_url):  # noqa: F811 - PostgreSQL version
    with open_store(pg_url, story_threshold=0.5) as first:
        first.add_record(Record(article("a1", WIRE)))
    with open_store(pg_url, story_threshold=0.5) as second:
        second.add_record(Record(article("a2", "UPDATED: " + WIRE)))
        assert [s.article_ids for s in second.stories()] == [["a1", "a2"]]


def test_opening_twice_keeps_the_schema_and_the_rows(pg_url):
    with open_store(pg_url) as first:
        first.add_record(Record(article("a1", WIRE)))
    with open_store(pg_url) as second:
        assert [a.id for a in second.articles()] == ["a1"]
