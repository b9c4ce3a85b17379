"""The Store interface every backend (SQLite, PostgreSQL) offers, and the rows its queries return.

A store keeps records (article + analysis), failures, ingest progress and stories. Writes are
idempotent on the article id (the content hash); each ``add_record`` is one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Analysis, Article, Event, Failure, Quote, Record, Serializable, Story


class StoreError(Exception):
    """A store cannot be opened or prepared: the message is one line a user can act on."""


# What ``put_record`` did with a record.
STORED = "stored"  # a new article
DUPLICATE = "duplicate"  # the article id (content hash) was already stored, from another source
BY_OTHER_WRITER = "by another writer"  # this very source was completed meanwhile by a concurrent ingest


@dataclass
class SearchHit(Serializable):
    """One article found by full-text search, with a snippet around the matched words."""

    article_id: str
    title: str | None
    publisher: str | None
    published: str | None
    snippet: str
    score: float = 0.0


@dataclass
class EventRow(Serializable):
    """A stored event with the article it came from (``day``: the event's date, else its article's)."""

    article_id: str
    published: str | None
    title: str | None
    event: Event
    publisher: str | None = None
    story_id: str | None = None
    day: str | None = None
    quad: int | None = None  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    added: str | None = None  # when its article was stored (UTC, ISO)


@dataclass
class EventQuery(Serializable):
    """Filters over stored events; every one given must hold. Text matches ignore case.

    ``actor``: code prefix (RUS, RUSGOV) or name part, either side; ``source``/``target``: the same
    for one side (both: a dyad); ``country``: ISO-3 of either side; ``sector``: PLOVER sector of
    either side; ``type``: PLOVER type; ``cameo``: CAMEO code prefix; ``quad``: 1-4;
    ``since``/``until``: the event's day (``until`` may be a prefix, 2012-03); ``text``: part of the
    sentence; ``updated_since``: articles stored at or after this UTC time (ISO).
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str | None = None
    cameo: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    text: str | None = None
    story: str | None = None
    publisher: str | None = None
    article: str | None = None
    updated_since: str | None = None
    located: bool = False  # only events with a place that has coordinates


@dataclass
class ArticleRow(Serializable):
    """A stored article with its story and when it was stored."""

    article: Article
    story_id: str | None = None
    added: str | None = None


@dataclass
class ActorSummary(Serializable):
    """One actor across the store: ``key`` is its code, or its name when it has no code."""

    key: str
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    articles: int = 0
    events: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    names: list[str] = field(default_factory=list)


@dataclass
class Counterpart(Serializable):
    """Another actor one actor had events with: as source (``as_source``) or target."""

    key: str
    name: str | None
    as_source: int = 0  # events where the actor acted on this counterpart
    as_target: int = 0  # events where this counterpart acted on the actor
    cooperation: int = 0  # of those, quad 1-2
    conflict: int = 0  # quad 3-4


@dataclass
class Edge(Serializable):
    """Events from one actor to another: counted, and split by cooperation and conflict."""

    source: str
    source_name: str | None
    target: str
    target_name: str | None
    events: int = 0
    cooperation: int = 0
    conflict: int = 0


@dataclass
class QuoteRow(Serializable):
    """A stored quote with the article it came from."""

    article_id: str
    published: str | None
    title: str | None
    quote: Quote
    publisher: str | None = None
    day: str | None = None
    added: str | None = None


@dataclass
class StoredFailure(Serializable):
    """A failure as recorded, with the time it was recorded (UTC, ISO)."""

    source: str
    stage: str
    reason: str
    detail: str = ""
    time: str = ""


@dataclass
class Stats(Serializable):
    """Counts over the whole store."""

    documents: int = 0
    articles: int = 0
    duplicates: int = 0  # documents whose article id was already stored from another source
    failures: int = 0
    stories: int = 0  # groups of two or more near-duplicate articles
    actors: int = 0
    events: int = 0
    quotes: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    publishers: dict[str, int] = field(default_factory=dict)


class Store(Protocol):
    """What the pipeline, the CLI and later the API need from a store."""

    def add_record(self, record: Record) -> bool:
        """Store an article and its analysis; True when the article id was new."""

    def put_record(self, record: Record) -> str:
        """``add_record`` that says what happened: STORED, DUPLICATE or BY_OTHER_WRITER."""

    def unanalysed(self, sources: Sequence[str] | None = None, limit: int | None = None) -> list[Article]:
        """Stored articles without an analysis (ingested with ``--articles-only``)."""

    def add_analysis(self, analysis: Analysis, published: str | None = None) -> bool:
        """Store the analysis of an already-stored article; False when it had one."""

    def has_source(self, source: str) -> bool:
        """True when this document source was completed by an earlier ingest."""

    def mark_source_done(self, source: str) -> None:
        """Remember that a source is completed (``add_record`` already does it for its source)."""

    def add_failure(self, failure: Failure) -> None:
        """Record a failure; it replaces earlier failures of the same source and stage."""

    def articles(
        self,
        *,
        publisher: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        story: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Articles, newest first, filtered by publisher, language, date range, story or ids."""

    def article(self, article_id: str) -> Article | None: ...

    def record(self, article_id: str) -> Record | None: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        min_confidence: float | None = None,
    ) -> list[EventRow]: ...

    def quotes(
        self, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]: ...

    def stories(self, *, min_size: int = 2, limit: int | None = None) -> list[Story]: ...

    # What the HTTP API reads (keyset pages: ``after`` is the sort key of the last row of the page before).
    def event_page(self, query: EventQuery | None = None, *, after: Sequence[str] | None = None,
                   limit: int = 50) -> list[EventRow]: ...

    def event_dicts(self, query: EventQuery | None = None, *, after: Sequence[str] | None = None,
                    limit: int = 50) -> list[dict[str, Any]]: ...

    def event(self, event_id: str, article_id: str | None = None) -> EventRow | None: ...

    def event_counts(self, query: EventQuery | None = None, by: str = "quad") -> list[tuple[str, str, int]]: ...

    def event_facets(self, query: EventQuery | None = None, limit: int = 20) -> dict[str, dict[str, int]]: ...

    def event_edges(self, query: EventQuery | None = None, limit: int = 200) -> list[Edge]: ...

    def actor_summaries(self, *, text: str | None = None, after: Sequence[Any] | None = None,
                        limit: int = 50) -> list[ActorSummary]: ...

    def actor(self, key: str) -> ActorSummary | None: ...

    def counterparts(self, key: str, limit: int = 50) -> list[Counterpart]: ...

    def quote_page(self, **filters: Any) -> list[QuoteRow]: ...

    def speakers(self, *, text: str | None = None, limit: int = 100) -> list[tuple[str, str | None, int]]: ...

    def article_page(self, **filters: Any) -> list[ArticleRow]: ...

    def story(self, story_id: str) -> Story | None: ...

    def data_version(self) -> str:
        """Changes whenever anything is stored: a key to cache answers computed from the store under."""

    def failures(self, *, limit: int | None = None) -> list[StoredFailure]: ...

    def stats(self) -> Stats: ...

    def save_boilerplate(self, groups: dict[str, dict[str, Any]]) -> None:
        """Keep cross-document boilerplate counts (``CrossDocumentBoilerplate.to_dict()["groups"]``)."""

    def boilerplate(self) -> dict[str, dict[str, Any]]:
        """The counts kept by ``save_boilerplate``: group name -> its counts."""

    def refresh_statistics(self) -> bool:
        """Bring the query planner's statistics up to date when many rows were added since they
        were gathered (an ingest calls it when it ends); True when they were refreshed."""

    def prewarm(self, budget: int) -> int:
        """Read the store's files into the operating system's cache, up to ``budget`` bytes, so
        the first queries of a server just started find their pages in memory; the bytes read
        (PostgreSQL: through its pg_prewarm extension where the database has it, else 0)."""

    def close(self) -> None: ...

    def __enter__(self) -> "Store": ...

    def __exit__(self, *exc: Any) -> None: ...
