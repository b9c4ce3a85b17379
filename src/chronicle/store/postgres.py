"""PostgreSQL backend (psycopg 3): the same tables and behaviour, tsvector 'simple' search."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import psycopg.sql

from . import migrations
from .base import SearchHit, StoreError
from .search import tsquery
from .sql import ACTOR_KEY, SafeCursor, SqlStore, now

# Advisory lock (this id, the schema's hash) held while migrations run: one process migrates a
# schema at a time, and never while it could deadlock with itself.
_SCHEMA_LOCK = 7_260_312
# Advisory transaction lock (this id, the schema's hash) held while a new article's story is
# chosen and its signature stored: concurrent writers take turns, each seeing the others' stories.
_STORIES_LOCK = 7_260_313
# Planner statistics are refreshed once this share of the events changed since the last ANALYZE
# (autovacuum's default analyze scale factor), and at least this many rows.
STATISTICS_SHARE = 0.1
STATISTICS_MIN_ROWS = 1000


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database given by a postgresql:// URL."""

    nul_free = True
    keys_from_index = True
    signature_order = "seq"  # migration 4: filled under the stories' lock, so in commit order

    def __init__(self, url: str, story_threshold: float = 0.5) -> None:
        from . import display_target

        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
            # as SQLite's synchronous=NORMAL: a commit does not wait for its WAL to reach the disk.
            # A server crash may lose the last commits (never half of one); a document whose
            # commit was lost is not marked done either, so the next ingest stores it: no gap.
            conn.execute("SET synchronous_commit = off")
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
            raise StoreError(f"cannot open PostgreSQL store {display_target(url)}: {reason}") from error
        super().__init__(conn, story_threshold)
        try:
            self._migrate()
        except psycopg.Error as error:
            conn.close()
            raise StoreError(f"cannot prepare PostgreSQL store {display_target(url)}: {error}") from error
        self.url = url

    def schema_version(self) -> int:
        """The newest migration this store has applied (0 for an empty schema)."""
        if self._scalar("SELECT to_regclass('schema_version')") is None:
            return 0
        return int(self._scalar("SELECT coalesce(max(version), 0) FROM schema_version"))

    def _migrate(self) -> None:
        """Apply pending migrations, each in its transaction, holding the schema's advisory lock.

        An up-to-date store runs no schema statement, so concurrent ingests never contend for a
        table lock here; two processes upgrading one store at once take turns.
        """
        newest = migrations.latest("postgres")
        if self.schema_version() == newest:
            return
        self.conn.execute("SELECT pg_advisory_lock(%s::int, hashtext(current_schema()))", (_SCHEMA_LOCK,))
        try:
            with self.conn.transaction():
                self.conn.execute(migrations.VERSION_TABLE)
            applied = self.schema_version()  # again, under the lock
            if applied > newest:
                raise StoreError(f"store schema version {applied} is newer than this Chronicle knows ({newest})")
            for migration in migrations.pending("postgres", applied):
                with self.conn.transaction():
                    self.conn.execute(migration.sql)
                    self.conn.execute("INSERT INTO schema_version (version, name, applied) VALUES (%s, %s, %s)",
                                      (migration.version, migration.name, now()))
        finally:
            self.conn.execute("SELECT pg_advisory_unlock(%s::int, hashtext(current_schema()))", (_SCHEMA_LOCK,))

    def refresh_statistics(self) -> bool:
        """VACUUM and ANALYZE this schema's tables once the events this store wrote since it last did reach
        a tenth of those the planner knows of (and at least ``STATISTICS_MIN_ROWS``), as
        autovacuum would: without statistics the planner reads a filtered page of a million
        events by bitmap scan (0.5-0.9 s) instead of walking the page order's index (2-30 ms), so
        a server whose autovacuum is off, or has not come round yet, is slow after an ingest."""
        known = float(self._scalar("SELECT reltuples FROM pg_class WHERE oid = to_regclass('events')") or -1)
        if self.events_written < max(STATISTICS_MIN_ROWS, STATISTICS_SHARE * max(known, 0)):
            return False
        tables = [r[0] for r in self._rows("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
        for table in tables:  # this schema's tables only, never the rest of the database
            # VACUUM marks the pages all-visible, without which an index-only scan still reads rows
            self.conn.execute(psycopg.sql.SQL("VACUUM (ANALYZE) {}").format(psycopg.sql.Identifier(table)))
        self.events_written = 0
        return True

    def prewarm(self, budget: int) -> int:
        """With the pg_prewarm extension installed in the database (``CREATE EXTENSION
        pg_prewarm``, a PostgreSQL contrib module; never created here), read this schema's
        tables and indexes into the server's operating-system cache, smallest first, up to
        ``budget`` bytes; without it, nothing (0)."""
        home = self._scalar("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_prewarm'")
        if home is None:
            return 0
        relations = self._rows(
            "SELECT c.oid, pg_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i') ORDER BY 2")
        # the function lives in the extension's schema, which need not be on this store's search path
        call = psycopg.sql.SQL("SELECT {}.pg_prewarm(%s::oid::regclass, 'read')").format(psycopg.sql.Identifier(home))
        done = 0
        try:
            for oid, size in relations:
                if done + int(size) > budget:
                    break
                self.conn.execute(call, (oid,))
                done += int(size)
        except psycopg.Error as error:
            raise StoreError(f"pg_prewarm: {error}") from error
        return done

    # The version readers cache under: the server's snapshot (oldest running transaction, next id,
    # those in progress) changes when any write transaction starts or commits, so an answer is
    # never kept past a write; counting two tables instead cost 7 ms a request on 20,000
    # documents. Writes elsewhere on the server change it too: a cache miss, never a stale answer.
    _version_sql = "SELECT pg_current_snapshot()::text"

    def _code_head(self, column: str) -> str:
        return f"left({column}, {ACTOR_KEY})"  # as migration 9's indexes are written

    def _lock_stories(self, cur: Any) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s::int, hashtext(current_schema()))", (_STORIES_LOCK,))

    def _q(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.conn.transaction(), self.conn.cursor() as cur:
            yield SafeCursor(cur, self.nul_free)

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
