"""Versioned schema migrations, applied once each, in order, under a lock of their own.

A migration is a pair of files ``data/sql/migrations/NNNN_name.sqlite.sql`` and
``NNNN_name.postgres.sql`` (the same change in each dialect). ``pending`` lists those a store
has not applied; the backends apply them under their own lock (SQLite: ``BEGIN IMMEDIATE``,
PostgreSQL: ``pg_advisory_lock``), re-reading the version once the lock is held, and record each
in ``schema_version`` in the transaction that applied it. A store already at the newest version
runs no schema statement at all on open, so concurrent ingests never take a schema lock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

DIALECTS = ("sqlite", "postgres")
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(sqlite|postgres)\.sql$")

VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied TEXT NOT NULL)"
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations(dialect: str) -> tuple[Migration, ...]:
    """Every migration of ``dialect``, by version; a gap or a missing dialect twin is an error."""
    folder = resources.files("chronicle").joinpath("data", "sql", "migrations")
    found: dict[str, dict[int, tuple[str, str]]] = {d: {} for d in DIALECTS}
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found[match[3]][int(match[1])] = (match[2], entry.read_text("utf-8"))
    versions = sorted(found[dialect])
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"schema migrations of {dialect} are not numbered 1..n: {versions}")
    twins = {d: sorted(v) for d, v in found.items()}
    if len({tuple(v) for v in twins.values()}) != 1:
        raise RuntimeError(f"every migration needs a file per dialect: {twins}")
    return tuple(Migration(v, *found[dialect][v]) for v in versions)


def latest(dialect: str) -> int:
    return len(migrations(dialect))


def pending(dialect: str, applied: int) -> list[Migration]:
    """The migrations after version ``applied``."""
    return [m for m in migrations(dialect) if m.version > applied]
