"""SQLite backend: one file, WAL journal, FTS5 search over title and body."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import migrations
from .base import SearchHit, StoreError
from .search import fts5_query
from .sql import SafeCursor, SqlStore, now


PREWARM_CHUNK = 8 * 2**20


class SqliteStore(SqlStore):
    """A store in one SQLite file (created, or brought to the newest schema, on open)."""

    ascii_fold = True

    def __init__(self, path: str | Path, story_threshold: float = 0.5) -> None:
        if str(path) != ":memory:":
            if Path(path).is_dir():
                raise StoreError(f"{path} is a folder, not a SQLite store")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writing ingest
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL keeps committed records through a crash
            super().__init__(conn, story_threshold)
            self._migrate()
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(f"{path} is not a Chronicle SQLite store: {error}") from error
        self.path = str(path)

    # data_version: rows are only ever added, each with a larger rowid than any before it, so the
    # largest rowids change with every stored document or analysis (and cost no count of a table)
    _version_sql = "SELECT (SELECT max(rowid) FROM documents), (SELECT max(rowid) FROM analyses)"

    def prewarm(self, budget: int) -> int:
        """Read the database file and its write-ahead log sequentially, in 8 MiB chunks, up to
        ``budget`` bytes: a few seconds for a store of a million events, after which pages a
        query needs come from memory instead of the disk (a random read each)."""
        done = 0
        for name in (self.path, self.path + "-wal"):
            if self.path == ":memory:" or not Path(name).is_file():
                continue
            with open(name, "rb", buffering=0) as handle:
                while done < budget and (chunk := handle.read(min(PREWARM_CHUNK, budget - done))):
                    done += len(chunk)
        return done

    def schema_version(self) -> int:
        """The newest migration this store has applied (0 for a new file)."""
        if self._scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") is None:
            return 0
        return int(self._scalar("SELECT coalesce(max(version), 0) FROM schema_version"))

    def _migrate(self) -> None:
        """Apply the pending migrations in one ``BEGIN IMMEDIATE`` transaction (one writer at a time)."""
        newest = migrations.latest("sqlite")
        if self.schema_version() == newest:
            return  # no schema statement at all on an up-to-date store
        with self._transaction() as cur:
            cur.execute(migrations.VERSION_TABLE)
            applied = self.schema_version()  # again, under the lock: another process may have done it
            if applied > newest:
                raise StoreError(f"store schema version {applied} is newer than this Chronicle knows ({newest})")
            for migration in migrations.pending("sqlite", applied):
                for statement in _statements(migration.sql):
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
                            (migration.version, migration.name, now()))

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield SafeCursor(cur, self.nul_free)
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
        cur.close()

    def _code_prefix(self, column: str, code: str) -> tuple[str, str]:
        """GLOB: case-sensitive, so SQLite answers a prefix from the column's index (LIKE cannot)."""
        return f"{column} GLOB ?", code + "*"

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


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one by one (a trigger's BEGIN ... END stays whole)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip() and not all(l.strip().startswith("--") or not l.strip() for l in pending.splitlines()):
        yield pending
