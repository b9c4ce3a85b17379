"""Stores under hostile use: versioned migrations, concurrent writers, text a database refuses.

Runs on SQLite, and on PostgreSQL when CHRONICLE_PG_DSN is set (each test in its own schema).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from importlib import resources
from urllib.parse import quote

import pytest

from chronicle.model import Analysis, Article, Record
from chronicle.store import BY_OTHER_WRITER, DUPLICATE, STORED, StoreError, open_store

from pg_schema import DSN, fresh_schema  # noqa: E402
needs_pg = pytest.mark.skipif(not DSN, reason="CHRONICLE_PG_DSN is not set (a postgresql:// URL)")
BODY = "The council opened a new bridge over the river on Monday, the mayor said in a statement."


def _migration_count(dialect: str) -> int:
    folder = resources.files("chronicle").joinpath("data", "sql", "migrations")
    return sum(1 for f in folder.iterdir() if f.name.endswith(f".{dialect}.sql"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[needs_pg, pytest.mark.postgres])])
def target(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield from _pg_schema()


@pytest.fixture
def pg_target():
    yield from _pg_schema()


def _pg_schema():
    with fresh_schema("chronicle_hostile") as url:
        yield url


def _versions(store) -> list[int]:
    return [int(v) for (v,) in store._rows("SELECT version FROM schema_version ORDER BY version")]


def test_a_new_store_records_every_migration_once(target):
    dialect = "postgres" if target.startswith("postgres") else "sqlite"
    with open_store(target) as store:
        first = _versions(store)
    with open_store(target) as store:
        assert _versions(store) == first == list(range(1, _migration_count(dialect) + 1))


def test_an_up_to_date_sqlite_store_runs_no_schema_statement_on_open(tmp_path):
    path = tmp_path / "store.db"
    open_store(str(path)).close()
    before = sqlite3.connect(path).execute("PRAGMA schema_version").fetchone()[0]
    open_store(str(path)).close()
    assert sqlite3.connect(path).execute("PRAGMA schema_version").fetchone()[0] == before


def test_a_store_made_before_migrations_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = resources.files("chronicle").joinpath("data", "sql", "migrations", "0001_initial.sqlite.sql")
    conn = sqlite3.connect(path)
    conn.executescript(old.read_text("utf-8"))  # what every open of an older Chronicle ran
    conn.execute("INSERT INTO documents (source, article_id, added) VALUES ('a.txt', 'x1', 'then')")
    conn.commit()
    conn.close()
    with open_store(str(path)) as store:
        assert store.has_source("a.txt") is False  # progress was not there before either
        assert _versions(store) == list(range(1, _migration_count("sqlite") + 1))
        assert store._scalar("SELECT count(*) FROM documents") == 1
        indexes = {r[0] for r in store._rows("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "documents_article" in indexes


@needs_pg
@pytest.mark.postgres
def test_opening_a_postgres_store_takes_no_table_lock_while_another_ingest_writes(pg_target):
    """An ingest mid-transaction holds a lock on articles; a second process opening the store must
    not wait for it (the schema statements of every open did, and two such waits deadlocked)."""
    import psycopg

    target = pg_target
    open_store(target).close()
    with psycopg.connect(target) as writer:  # a transaction left open, as a running ingest's
        writer.execute("LOCK TABLE articles IN ROW EXCLUSIVE MODE")
        timed = target + quote(" -clock_timeout=2000")
        store = open_store(timed)  # raised "lock timeout" when open ran ALTER TABLE / CREATE INDEX
        store.close()
        writer.rollback()


def test_a_source_completed_by_another_writer_is_told_from_a_duplicate(target):
    record = Record(Article(id="b1", source="bridge.txt", body=BODY))
    with open_store(target) as mine, open_store(target) as theirs:
        assert mine.has_source("bridge.txt") is False  # this ingest decides to read it...
        assert theirs.put_record(record) == STORED  # ...a concurrent one stores it first
        assert mine.put_record(record) == BY_OTHER_WRITER
        copy = Record(Article(id="b1", source="copy-of-bridge.txt", body=BODY))
        assert mine.put_record(copy) == DUPLICATE


def test_text_a_database_refuses_is_stored_escaped(target):
    """A lone surrogate (an undecodable file-name byte kept by surrogateescape, or JSON's \\ud800)
    and NUL (PostgreSQL) in source, title and body: stored, readable, never a driver error."""
    source = "news/caf\udce9-\ud800.txt"
    art = Article(id="s1", source=source, title="T\x00itle \udcff", body="Body\x00 text \ud83d.")
    with open_store(target) as store:
        assert store.put_record(Record(art)) == STORED
        assert store.has_source(source)
        stored = store.article("s1")
        assert "\\xe9" in stored.source and "\\ud800" in stored.source
        assert "\\xff" in stored.title and "\\ud83d" in stored.body
        assert store.add_analysis(Analysis(article_id="s1", language="en")) is True


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a Chronicle SQLite store"):
        open_store(str(bogus))
    with pytest.raises(StoreError, match="folder"):
        open_store(str(tmp_path))


@needs_pg
@pytest.mark.postgres
def test_concurrent_postgres_ingests_never_deadlock_and_store_each_document_once(pg_target, tmp_path):
    target = pg_target
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(30):
        (folder / f"n{i:02d}.txt").write_text(f"Story {i}. " + BODY.replace("bridge", f"bridge number {i}"))
    command = [sys.executable, "-m", "chronicle", "ingest", str(folder), "--db", target, "--articles-only"]
    for _round in range(2):
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(3)]
        results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
        assert all(code == 0 for code, _ in results), results
        assert all("deadlock" not in text.lower() for _, text in results)
    with open_store(target) as store:
        assert store.stats().documents == 30
        assert store.stats().articles == 30
