"""Where records are kept: ``open_store("chronicle.db")`` (SQLite) or ``open_store("postgresql://...")``.

Both backends offer the same ``Store`` interface (see base.py): add_record, has_source,
mark_source_done, add_failure, articles, record, search, events, quotes, stories, failures, stats.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from .base import (BY_OTHER_WRITER, DUPLICATE, STORED, ActorSummary, ArticleRow, Counterpart, Edge, EventQuery,
                   EventRow, QuoteRow, SearchHit, Stats, Store, StoredFailure, StoreError)


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def display_target(target: str) -> str:
    """The store's path or URL as it may be printed: a URL's password and query are left out."""
    if not is_postgres(target):
        return target
    parts = urlsplit(target)
    netloc = parts.netloc.rsplit("@", 1)
    host = netloc[-1] if len(netloc) == 1 else f"{netloc[0].split(':', 1)[0]}@{netloc[1]}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def open_store(target: str, story_threshold: float | None = None) -> Store:
    """Open (and create if needed) the store at a SQLite path or a PostgreSQL URL.

    ``story_threshold`` is the MinHash Jaccard above which two articles are one story
    (default: ``Config.story_threshold``).
    """
    if story_threshold is None:
        from ..config import load_config

        story_threshold = load_config().story_threshold
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(target, story_threshold)
    from .sqlite import SqliteStore

    return SqliteStore(target, story_threshold)


__all__ = ["StoreError", "STORED", "DUPLICATE", "BY_OTHER_WRITER", "open_store", "is_postgres", "display_target", "Store", "SearchHit", "EventRow", "QuoteRow", "Stats", "StoredFailure",
           "EventQuery", "ArticleRow", "ActorSummary", "Counterpart", "Edge"]
