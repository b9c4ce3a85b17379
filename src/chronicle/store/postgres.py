"""PostgreSQL backend (psycopg 3): the same tables and behaviour, tsvector 'simple' search."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from .base import SearchHit
from .search import tsquery
from .sql import SqlStore, schema_sql

_SCHEMA_LOCK = 7_260_312  # advisory lock id: two processes creating the schema at once would clash


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database given by a postgresql:// URL."""

    def __init__(self, url: str, story_threshold: float = 0.5) -> None:
        conn = psycopg.connect(url, autocommit=True)
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            conn.execute(schema_sql("postgres"))
        super().__init__(conn, story_threshold)
        self.url = url

    def _q(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.conn.transaction(), self.conn.cursor() as cur:
            yield cur

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every term of ``query`` (ts_rank order), with a highlighted snippet."""
        expression = tsquery(query)
        if not expression:
            return []
        rows = self._rows(
            "SELECT id, title, publisher, published, "
            "ts_headline('simple', body, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6'), ts_rank(fts, q) "
            "FROM articles, to_tsquery('simple', ?) q WHERE fts @@ q ORDER BY 6 DESC, id LIMIT ?",
            (expression, limit),
        )
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], round(float(r[5]), 4)) for r in rows]
