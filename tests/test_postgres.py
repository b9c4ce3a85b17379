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


def test_a_large_write_refreshes_the_planner_statistics_once():
    """On a server whose autovacuum is off or late, the store gathers statistics itself after a
    large write, for this schema's tables only; a small write leaves them be."""
    import psycopg

    from chronicle.store import open_store
    from test_store import analysed, article  # noqa: F811

    with fresh_schema("chronicle_stats") as url, open_store(url) as store:
        store.add_record(analysed(article("a0", "Kenya sent aid to Somalia.")))
        assert store.refresh_statistics() is False  # a handful of rows: nothing to do
        events = []
        for n in range(1100):
            body = f"Kenya sent aid number {n} to Somalia."
            events.append(Event(id=f"x-e{n}", type="AID", trigger="sent", sentence=body, start=0, end=len(body),
                                source=Mention("Kenya", 0, 5, code="KENGOV", country="KEN", sector="GOV")))
        store.add_record(Record(Article(id="bulk", source="bulk.txt", body="Kenya sent aid.", published="2024-01-02"),
                                Analysis("bulk", "en", events=events)))
        assert store.refresh_statistics() is True
        with psycopg.connect(url) as conn:
            analysed_at = conn.execute("SELECT last_analyze FROM pg_stat_user_tables "
                                       "WHERE schemaname = current_schema() AND relname = 'events'").fetchone()[0]
        assert analysed_at is not None
        assert store.refresh_statistics() is False  # up to date now
