"""SQLite backend: one file, WAL journal, FTS5 search over title and body."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import SearchHit
from .search import fts5_query
from .sql import SqlStore, schema_sql


class SqliteStore(SqlStore):
    """A store in one SQLite file (created with its schema on first open)."""

    def __init__(self, path: str | Path, story_threshold: float = 0.5) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writing ingest
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL keeps committed records through a crash
        conn.executescript(schema_sql("sqlite"))
        super().__init__(conn, story_threshold)
        self.path = str(path)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
        cur.close()

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every term of ``query`` (bm25 order), with a snippet of the body."""
        match = fts5_query(query)
        if not match:
            return []
        rows = self._rows(
            "SELECT a.id, a.title, a.publisher, a.published, "
            "snippet(articles_fts, 1, '[', ']', '…', 16), bm25(articles_fts) "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (match, limit),
        )
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], round(-r[5], 4)) for r in rows]
