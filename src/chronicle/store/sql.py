"""The Store implementation both backends share: plain SQL written with ``?`` placeholders.

Backends (sqlite.py, postgres.py) supply the connection, the schema file, transactions,
placeholder style and full-text search; everything else is here, so both behave the same.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from ..data import load_yaml
from ..model import Actor, Analysis, Article, Event, Failure, Mention, Quote, Record, Story
from .base import (BY_OTHER_WRITER, DUPLICATE, STORED, ActorSummary, ArticleRow, Counterpart, Edge, EventQuery,
                   EventRow, QuoteRow, SearchHit, Stats, StoredFailure)
from .stories import StoryIndex, signature, to_bytes

ARTICLE_COLUMNS = (
    "id", "source", "url", "publisher", "title", "published", "agency", "section",
    "byline", "language", "format", "body", "boilerplate", "links", "meta",
)
_JSON_COLUMNS = ("boilerplate", "links", "meta")
_MENTION_COLUMNS = ("text", "start_char", "end_char", "code", "country", "sector", "name", "kind")


@lru_cache(maxsize=1)
def _quads() -> tuple[dict[str, int], dict[str, int]]:
    """CAMEO root -> quad class and PLOVER type -> quad class (data/export/crosswalks.yaml)."""
    data = load_yaml("export", "crosswalks.yaml")
    return ({str(k): int(v["quad"]) for k, v in data["cameo_roots"].items()},
            {str(k): int(v) for k, v in data["plover_quads"].items()})


def quad_class(cameo: str | None, type: str | None) -> int | None:
    """1-4: the CAMEO root's quad class, else the PLOVER type's (as the exports count it)."""
    roots, types = _quads()
    root = (cameo or "")[:2]
    return roots[root] if root in roots else types.get((type or "").upper())


def now() -> str:
    """The current UTC time, ISO, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


try:  # orjson (the serve extra) reads an event page's JSON several times faster than json
    from orjson import loads as _loads
except ImportError:  # pragma: no cover
    _loads = json.loads

_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(text: str, nul: bool = False) -> str:
    """``text`` as any database stores it: a lone surrogate (a file name's undecodable byte kept by
    ``surrogateescape``, or JSON's ``\\ud800``) becomes its escape (``\\xff``, ``\\ud800``); with
    ``nul``, NUL becomes U+FFFD (PostgreSQL text cannot hold it)."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(_escape_surrogate, text)
    return text.replace("\x00", "\ufffd") if nul and "\x00" in text else text


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


class SafeCursor:
    """A DB-API cursor whose string parameters go through ``safe_text`` (never a driver error)."""

    def __init__(self, cursor: Any, nul: bool) -> None:
        self._cursor = cursor
        self._nul = nul

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(sql, tuple(safe_text(p, self._nul) if isinstance(p, str) else p
                                               for p in params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        """One statement for many rows (psycopg sends them in one pipeline, not a round trip each)."""
        return self._cursor.executemany(sql, [tuple(safe_text(p, self._nul) if isinstance(p, str) else p for p in row)
                                              for row in rows])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def like_pattern(text: str, prefix: bool = False) -> str:
    """A LIKE pattern matching ``text`` as a substring (or prefix), with wildcards escaped."""
    # NUL ends a LIKE pattern in SQLite ("%\0%" would match everything): it becomes U+FFFD, as
    # PostgreSQL stores it, so it matches what it should and nothing else
    escaped = text.replace("\x00", "\ufffd").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%" if prefix else "%" + escaped + "%"


class SqlStore:
    """Store over a DB-API connection. Subclasses set ``_transaction``, ``_q`` and ``search``."""

    nul_free = False  # PostgreSQL: text cannot hold NUL
    keys_from_index = False  # PostgreSQL: a page's keys first, from an index alone, then its rows
    signature_order = "rowid"  # the story_signatures column that grows with each stored signature
    ascii_fold = False  # SQLite: LIKE and NOCASE ignore case as its upper()/lower() do (ASCII only)

    def __init__(self, conn: Any, story_threshold: float) -> None:
        self.conn = conn
        self._story_threshold = story_threshold
        self._story_index: StoryIndex | None = None  # built by the first write: readers never need it
        self._signatures_read = 0  # story_signatures read up to here (signature_order)
        self.events_written = 0  # events this store object wrote since its statistics were refreshed

    @property
    def _stories(self) -> StoryIndex:
        if self._story_index is None:  # its LSH parameters take tens of ms to work out
            self._story_index = StoryIndex(self._story_threshold)
        return self._story_index

    # ------------------------------------------------------------------ plumbing

    def _q(self, sql: str) -> str:
        """The SQL in this backend's placeholder style (``?`` as written here)."""
        return sql

    def _lock_stories(self, cur: Any) -> None:
        """Make this transaction the only one assigning stories until it ends (SQLite: its
        ``BEGIN IMMEDIATE`` already is; PostgreSQL takes an advisory transaction lock)."""

    def _code_head(self, column: str) -> str:
        """The first three characters of a code column, written as the expression indexes of
        migration 9 (events_dyad; on PostgreSQL events_source_day, events_target_day) hold them."""
        return f"substr({column}, 1, {ACTOR_KEY})"

    def _code_head_is(self, column: str, code: str) -> tuple[str, str]:
        """"``column``'s country-level code is ``code``" (three characters) as events_dyad answers it."""
        return f"{self._code_head(column)} = ?", code

    def _code_prefix(self, column: str, code: str) -> tuple[str, str]:
        """"``column`` starts with ``code``" (letters and digits only) as this backend's index can answer it."""
        return f"{column} LIKE ? ESCAPE '\\'", like_pattern(code, prefix=True)

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.conn.cursor()  # connections run in autocommit mode: a read needs no transaction
        try:
            SafeCursor(cur, self.nul_free).execute(self._q(sql), tuple(params))
            return list(cur.fetchall())
        finally:
            cur.close()

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None

    def refresh_statistics(self) -> bool:
        """Up-to-date planner statistics after a large write (each backend says how); the base
        store has none to refresh."""
        return False

    def prewarm(self, budget: int) -> int:
        """Nothing read by default (each backend says how it warms)."""
        return 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SqlStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def add_record(self, record: Record) -> bool:
        """Store the article (if its id is new), its source, its analysis and its story, atomically."""
        return self.put_record(record) == STORED

    def put_record(self, record: Record) -> str:
        """``add_record`` saying what happened: STORED, DUPLICATE, or BY_OTHER_WRITER when this
        source was completed by a concurrent ingest after this one chose to read it."""
        article = record.article
        if not self._signatures_read:  # the first write: what earlier runs stored, before any lock
            self._load_stories()
        sig = None
        with self._transaction() as cur:
            cur.execute(self._q("SELECT 1 FROM documents WHERE source = ?"), (article.source,))
            source_done = cur.fetchone() is not None
            cur.execute(self._q("SELECT 1 FROM articles WHERE id = ?"), (article.id,))
            new = cur.fetchone() is None
            raced = False
            if new:
                sig = signature(article.body)
                # Under the lock, with what concurrent writers stored meanwhile: each story is
                # chosen seeing every article stored before, whichever process stored it.
                self._lock_stories(cur)
                self._read_signatures(cur)
                story_id = self._stories.match_signature(article.id, sig)
                new = self._insert_article(cur, article, story_id, to_bytes(sig))
                raced = not new  # another writer stored this article between our read and insert
            self._insert_document(cur, article)
            if record.analysis is not None:
                self._insert_analysis(cur, record.analysis, article.published)
        if new and sig is not None:  # index only what was committed
            self._stories.add(article.id, story_id, sig)
        if new:
            return STORED
        return BY_OTHER_WRITER if source_done or raced else DUPLICATE

    def add_analysis(self, analysis: Analysis, published: str | None = None) -> bool:
        """Store the analysis of a stored article that has none yet (``--articles-only`` earlier)."""
        with self._transaction() as cur:
            cur.execute(self._q("SELECT 1 FROM analyses WHERE article_id = ?"), (analysis.article_id,))
            if cur.fetchone() is not None:
                return False
            self._insert_analysis(cur, analysis, published)
        return True

    def unanalysed(self, sources: Sequence[str] | None = None, limit: int | None = None) -> list[Article]:
        """Stored articles with no analysis row, oldest first; only those of ``sources`` when given."""
        params: list[Any] = []
        where = "NOT EXISTS (SELECT 1 FROM analyses n WHERE n.article_id = a.id)"
        if sources is not None:
            if not sources:
                return []
            where += f" AND a.id IN (SELECT article_id FROM documents WHERE source IN ({', '.join('?' * len(sources))}))"
            params.extend(sources)
        columns = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
        sql = f"SELECT {columns} FROM articles a WHERE {where} ORDER BY a.added, a.id" + _limit(limit, params)
        return [_article(row) for row in self._rows(sql, params)]

    def _insert_article(self, cur: Any, article: Article, story_id: str, signature: bytes) -> bool:
        """Insert the article, its story and signature; False when another writer stored it first."""
        data = article.to_dict()
        values = [json.dumps(data[c], ensure_ascii=False) if c in _JSON_COLUMNS else data[c]
                  for c in ARTICLE_COLUMNS]
        marks = ", ".join("?" * (len(ARTICLE_COLUMNS) + 2))
        cur.execute(
            self._q(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, story_id, added) VALUES ({marks}) "
                    "ON CONFLICT (id) DO NOTHING"),
            (*values, story_id, now()),
        )
        if cur.rowcount != 1:
            return False
        if story_id == article.id:
            cur.execute(self._q("INSERT INTO stories (id, title, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                        (story_id, article.title, now()))
        cur.execute(self._q("INSERT INTO story_signatures (article_id, story_id, signature) VALUES (?, ?, ?)"),
                    (article.id, story_id, signature))
        return True

    def _insert_document(self, cur: Any, article: Article) -> None:
        """Link the source to its article, mark it done and clear its earlier failures."""
        cur.execute(
            self._q("INSERT INTO documents (source, article_id, added) VALUES (?, ?, ?) "
                    "ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id"),
            (article.source, article.id, now()),
        )
        cur.execute(self._q("INSERT INTO progress (source, done) VALUES (?, ?) ON CONFLICT (source) DO NOTHING"),
                    (article.source, now()))
        cur.execute(self._q("DELETE FROM failures WHERE source = ?"), (article.source,))

    def _insert_analysis(self, cur: Any, analysis: Analysis, published: str | None) -> None:
        """Write an analysis once per article; a later run with analysis fills an articles-only one."""
        cur.execute(
            self._q("INSERT INTO analyses (article_id, language, skipped) VALUES (?, ?, ?) "
                    "ON CONFLICT (article_id) DO NOTHING"),
            (analysis.article_id, analysis.language, analysis.skipped),
        )
        if cur.rowcount != 1:
            return
        self._insert_actors(cur, analysis.article_id, analysis.actors)
        day = (published or "")[:10] or None
        # the analysis row is new (inserted just above in this transaction): none of its events
        # is stored yet; an id given twice is stored (and counted) once, as its first event
        first: dict[str, Event] = {}
        for event in analysis.events:
            first.setdefault(event.id, event)
        events = list(first.values())
        self._insert_events(cur, analysis.article_id, events, day)
        if events:
            self._count_events(cur, analysis.article_id, events, day)
        self._insert_quotes(cur, analysis.article_id, analysis.quotes, day)

    def _insert_actors(self, cur: Any, article_id: str, actors: list[Actor]) -> None:
        """The article's actors and every mention of them, each table in one batch (an article
        holds hundreds of mentions: a round trip each cost PostgreSQL ingest a third of its time)."""
        if not actors:
            return
        cur.executemany(
            self._q("INSERT INTO actors (article_id, id, code, name, country, sector, kind, role) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            [(article_id, a.id, a.code, a.name, a.country, a.sector, a.kind, a.role) for a in actors],
        )
        mentions = [(article_id, a.id, m.text, m.start, m.end, m.code, m.country, m.sector, m.name, m.kind)
                    for a in actors for m in a.mentions]
        if mentions:
            cur.executemany(
                self._q(f"INSERT INTO mentions (article_id, actor_id, {', '.join(_MENTION_COLUMNS)}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                mentions,
            )

    def _insert_events(self, cur: Any, article_id: str, events: list[Event], day: str | None) -> None:
        """Insert an article's events in one batch (a round trip each cost PostgreSQL ingest time)."""
        if not events:
            return
        rows = []
        for event in events:
            src, tgt = event.source or Mention("", 0, 0), event.target or Mention("", 0, 0)
            rows.append((article_id, event.id, event.type, event.cameo, src.code, src.name or src.text or None,
                         src.country, tgt.code, tgt.name or tgt.text or None, tgt.country,
                         (event.date or "")[:10] or day, json.dumps(event.to_dict(), ensure_ascii=False),
                         quad_class(event.cameo, event.type), event.confidence, src.sector, tgt.sector,
                         event.sentence))
        cur.executemany(
            self._q("INSERT INTO events (article_id, id, type, cameo, source_code, source_name, source_country, "
                    "target_code, target_name, target_country, day, data, quad, confidence, source_sector, "
                    "target_sector, sentence) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            rows,
        )
        self.events_written += len(rows)

    def _count_events(self, cur: Any, article_id: str, events: list[Event], day: str | None) -> None:
        """Add the article's newly stored events to event_day_counts and event_facet_counts
        (migration 5) and event_actor_counts (migration 7), in key order, so concurrent writers lock the same rows in the same order."""
        cur.execute(self._q("SELECT publisher FROM articles WHERE id = ?"), (article_id,))
        found = cur.fetchone()
        publisher = found[0] if found else None
        days: Counter[tuple[str, str, int]] = Counter()
        facets: Counter[tuple[str, str, str, int]] = Counter()
        actors: Counter[tuple[str, str, int]] = Counter()
        for e in events:
            quad = quad_class(e.cameo, e.type) or 0
            event_day = (e.date or "")[:10] or day or ""
            days[(event_day, e.type, quad)] += 1
            sides = [m for m in (e.source, e.target) if m is not None]
            for actor in {m.code[:ACTOR_KEY] for m in sides if m.code and len(m.code) >= ACTOR_KEY}:
                actors[(actor, event_day, quad)] += 1
            for facet, value in ([("country", m.country) for m in sides] + [("sector", m.sector) for m in sides]
                                 + [("publisher", publisher)]):
                if value is not None:
                    facets[(facet, value, e.type, quad)] += 1
        # each table in one batch, its rows in key order (the order concurrent writers lock them in)
        cur.executemany(self._q("INSERT INTO event_day_counts (day, type, quad, n) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (day, type, quad) DO UPDATE SET n = event_day_counts.n + excluded.n"),
                        [(d, t, q, n) for (d, t, q), n in sorted(days.items())])
        if facets:
            cur.executemany(self._q("INSERT INTO event_facet_counts (facet, value, type, quad, n) VALUES (?, ?, ?, ?, ?) "
                                    "ON CONFLICT (facet, value, type, quad) "
                                    "DO UPDATE SET n = event_facet_counts.n + excluded.n"),
                            [(f, v, t, q, n) for (f, v, t, q), n in sorted(facets.items())])
        if actors:
            cur.executemany(self._q("INSERT INTO event_actor_counts (actor, day, quad, n) VALUES (?, ?, ?, ?) "
                                    "ON CONFLICT (actor, day, quad) DO UPDATE SET n = event_actor_counts.n + excluded.n"),
                            [(a, d, q, n) for (a, d, q), n in sorted(actors.items())])

    def _insert_quotes(self, cur: Any, article_id: str, quotes: list[Quote], day: str | None) -> None:
        if not quotes:
            return
        cur.executemany(
            self._q("INSERT INTO quotes (article_id, id, kind, speaker, speaker_code, day, data, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            [(article_id, q.id, q.kind, q.speaker and (q.speaker.name or q.speaker.text), q.speaker and q.speaker.code,
              day, json.dumps(q.to_dict(), ensure_ascii=False), q.text) for q in quotes],
        )

    def has_source(self, source: str) -> bool:
        return self._scalar("SELECT 1 FROM progress WHERE source = ?", (source,)) is not None

    def mark_source_done(self, source: str) -> None:
        with self._transaction() as cur:
            cur.execute(self._q("INSERT INTO progress (source, done) VALUES (?, ?) ON CONFLICT (source) DO NOTHING"),
                        (source, now()))

    def add_failure(self, failure: Failure) -> None:
        """Record a failure, replacing the earlier one of the same source and stage."""
        with self._transaction() as cur:
            cur.execute(self._q("DELETE FROM failures WHERE source = ? AND stage = ?"),
                        (failure.source, failure.stage))
            cur.execute(self._q("INSERT INTO failures (source, stage, reason, detail, time) VALUES (?, ?, ?, ?, ?)"),
                        (failure.source, failure.stage, failure.reason, failure.detail, now()))

    def save_boilerplate(self, groups: dict[str, dict[str, Any]]) -> None:
        """Keep cross-document boilerplate counts (``CrossDocumentBoilerplate.to_dict()["groups"]``)."""
        with self._transaction() as cur:
            for name, data in groups.items():
                cur.execute(
                    self._q("INSERT INTO boilerplate_groups (name, data) VALUES (?, ?) "
                            "ON CONFLICT (name) DO UPDATE SET data = excluded.data"),
                    (name, json.dumps(data, ensure_ascii=False)),
                )

    def _load_stories(self) -> None:
        """Read the persisted signatures not read yet, so new articles join stories of earlier
        runs (and, read again under the stories' lock, of concurrent writers)."""
        cur = self.conn.cursor()
        try:
            self._read_signatures(SafeCursor(cur, self.nul_free))
        finally:
            cur.close()

    def _read_signatures(self, cur: Any) -> None:
        order = self.signature_order
        cur.execute(self._q(f"SELECT {order}, article_id, story_id, signature FROM story_signatures "
                            f"WHERE {order} > ? ORDER BY {order}"), (self._signatures_read,))
        for seq, article_id, story_id, data in cur.fetchall():
            self._stories.load(article_id, story_id, bytes(data))
            self._signatures_read = max(self._signatures_read, int(seq))

    # ------------------------------------------------------------------ reading

    def boilerplate(self) -> dict[str, dict[str, Any]]:
        """The counts kept by ``save_boilerplate``: group name -> its counts."""
        return {name: json.loads(data) for name, data in self._rows("SELECT name, data FROM boilerplate_groups")}

    def article(self, article_id: str) -> Article | None:
        found = self.articles(ids=[article_id])
        return found[0] if found else None

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
        where, params = [], []
        for column, value in (("publisher", publisher), ("language", language), ("story_id", story)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        _date_range(where, params, "published", since, until)
        if ids is not None:
            where.append(f"id IN ({', '.join('?' * len(ids))})" if ids else "1 = 0")
            params.extend(ids)
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles{_where(where)} " \
              "ORDER BY coalesce(published, '') DESC, id" + _limit(limit, params)
        return [_article(row) for row in self._rows(sql, params)]

    def record(self, article_id: str) -> Record | None:
        """An article with its stored analysis (None when the article is unknown)."""
        article = self.article(article_id)
        if article is None:
            return None
        row = self._rows("SELECT language, skipped FROM analyses WHERE article_id = ?", (article_id,))
        if not row:
            return Record(article=article)
        analysis = Analysis(article_id=article_id, language=row[0][0], skipped=row[0][1],
                            actors=self._actors(article_id))
        analysis.events = [Event.from_dict(json.loads(d)) for (d,) in
                           self._rows("SELECT data FROM events WHERE article_id = ? ORDER BY id", (article_id,))]
        analysis.quotes = [Quote.from_dict(json.loads(d)) for (d,) in
                           self._rows("SELECT data FROM quotes WHERE article_id = ? ORDER BY id", (article_id,))]
        return Record(article=article, analysis=analysis)

    def _actors(self, article_id: str) -> list[Actor]:
        actors = {
            r[0]: Actor(id=r[0], code=r[1], name=r[2], country=r[3], sector=r[4], kind=r[5], role=r[6])
            for r in self._rows("SELECT id, code, name, country, sector, kind, role FROM actors "
                                "WHERE article_id = ? ORDER BY id", (article_id,))
        }
        for r in self._rows(f"SELECT actor_id, {', '.join(_MENTION_COLUMNS)} FROM mentions "
                            "WHERE article_id = ? ORDER BY start_char", (article_id,)):
            if r[0] in actors:
                actors[r[0]].mentions.append(Mention(*r[1:4], code=r[4], country=r[5], sector=r[6],
                                                     name=r[7], kind=r[8], actor_id=r[0]))
        return list(actors.values())

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError

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
    ) -> list[EventRow]:
        """Events whose source or target matches ``actor`` (code prefix or name) and ``country``,
        of at least ``min_confidence``."""
        where: list[str] = []
        params: list[Any] = []
        if actor:
            where.append("(upper(e.source_code) LIKE ? ESCAPE '\\' OR upper(e.target_code) LIKE ? ESCAPE '\\' "
                         "OR lower(e.source_name) LIKE ? ESCAPE '\\' OR lower(e.target_name) LIKE ? ESCAPE '\\')")
            code, name = like_pattern(actor.upper(), prefix=True), like_pattern(actor.lower())
            params += [code, code, name, name]
        if country:
            where.append("(upper(e.source_country) = ? OR upper(e.target_country) = ? "
                         "OR upper(e.source_code) LIKE ? ESCAPE '\\' OR upper(e.target_code) LIKE ? ESCAPE '\\')")
            code = like_pattern(country.upper(), prefix=True)
            params += [country.upper(), country.upper(), code, code]
        if type:
            where.append("(upper(e.type) = ? OR e.cameo LIKE ? ESCAPE '\\')")
            params += [type.upper(), like_pattern(type, prefix=True)]
        if min_confidence is not None:
            where.append("e.confidence >= ?")
            params.append(float(min_confidence))
        _date_range(where, params, "e.day", since, until)
        sql = ("SELECT e.article_id, a.published, a.title, e.data FROM events e JOIN articles a ON a.id = e.article_id"
               f"{_where(where)} ORDER BY coalesce(e.day, '') DESC, e.article_id, e.id" + _limit(limit, params))
        return [EventRow(article_id=r[0], published=r[1], title=r[2], event=Event.from_dict(json.loads(r[3])))
                for r in self._rows(sql, params)]

    def quotes(
        self, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]:
        """Quotes whose speaker's name (or code) contains ``speaker``, by article date."""
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append("(lower(q.speaker) LIKE ? ESCAPE '\\' OR upper(q.speaker_code) LIKE ? ESCAPE '\\')")
            params += [like_pattern(speaker.lower()), like_pattern(speaker.upper(), prefix=True)]
        _date_range(where, params, "q.day", since, until)
        sql = ("SELECT q.article_id, a.published, a.title, q.data FROM quotes q JOIN articles a ON a.id = q.article_id"
               f"{_where(where)} ORDER BY coalesce(q.day, '') DESC, q.article_id, q.id" + _limit(limit, params))
        return [QuoteRow(article_id=r[0], published=r[1], title=r[2], quote=Quote.from_dict(json.loads(r[3])))
                for r in self._rows(sql, params)]

    # ------------------------------------------------------------------ API queries (keyset pages, aggregates)

    def event_page(self, query: EventQuery | None = None, *, after: Sequence[str] | None = None,
                   limit: int = 50) -> list[EventRow]:
        """Events matching ``query``, newest day first (then article id, event id, descending); ``after``
        is the ``event_key`` of the last row of the page before: the next page starts after it."""
        return [_event_row(r) for r in self._event_rows(query, after, limit)]

    def _event_rows(self, query: EventQuery | None, after: Sequence[str] | None, limit: int) -> list[tuple]:
        query = query or EventQuery()
        if self.keys_from_index and _country_actor(query) and not _article_join(query):
            return self._actor_rows(query, after, limit)
        # A code that many events have is met every few rows of the page order: reading that order
        # stops at the page's last row. A rare one is found faster through its side's index.
        dyad = _country_dyad(query)
        few = dyad or self._few_by_code(query)
        code_prefix = self._code_head_is if dyad else self._code_prefix if few else _unindexed(self._code_prefix)
        where, params = _event_where(query, code_prefix, self.ascii_fold)
        if after is not None:
            # the day bound alone is what SQLite seeks the page order to (not the row value)
            where.append("coalesce(e.day, '') <= ? AND (coalesce(e.day, ''), e.article_id, e.id) < (?, ?, ?)")
            params += [str(after[0])] + [str(v) for v in after]
        order = " ORDER BY coalesce(e.day, '') DESC, e.article_id DESC, e.id DESC"
        keys_first = self.keys_from_index and not _article_join(query)
        if (few and _code_where(query, self._code_prefix)[0]) or keys_first:
            # the few events of a rare code are sorted in its side's index (migration 8: it holds
            # the page order), and only the page's rows are read, with their articles; PostgreSQL
            # finds any page's keys so, from one index alone (migration 9), and reads 50 rows
            inner = f"SELECT e.article_id, e.id FROM events e{_article_join(query)}{_where(where)}{order}"
            sql = f"{_EVENT_SELECT} WHERE (e.article_id, e.id) IN ({inner}{_limit(limit, params)}){order}"
        else:
            sql = _EVENT_SELECT + _where(where) + order + _limit(limit, params)
        return self._rows(sql, params)

    def _actor_rows(self, query: EventQuery, after: Sequence[str] | None, limit: int) -> list[tuple]:
        """A page of a country-level actor on PostgreSQL: the newest keys of each side from its own
        index in page order (events_source_day, events_target_day: migration 9), merged, then the
        page's rows (1 ms on 1M events where walking the page order for either side took 7-10)."""
        rest, params = _event_where(replace(query, actor=None), self._code_prefix, self.ascii_fold)
        if after is not None:
            rest.append("(coalesce(e.day, ''), e.article_id, e.id) < (?, ?, ?)")
            params += [str(v) for v in after]
        order = " ORDER BY coalesce(e.day, '') DESC, e.article_id DESC, e.id DESC"
        parts, every = [], []
        for side in ("source", "target"):  # UNION: an event of the actor on both sides comes once
            values = [query.actor, *params]
            where = [f"{self._code_head(f'e.{side}_code')} = ?", *rest]
            parts.append(f"(SELECT e.article_id, e.id, coalesce(e.day, '') AS d FROM events e{_where(where)}{order}"
                         f"{_limit(limit, values)})")
            every += values
        keys = f"SELECT k.article_id, k.id FROM ({' UNION '.join(parts)}) k ORDER BY k.d DESC, k.article_id DESC, k.id DESC"
        sql = f"{_EVENT_SELECT} WHERE (e.article_id, e.id) IN ({keys}{_limit(limit, every)}){order}"
        return self._rows(sql, every)

    def _few_by_code(self, query: EventQuery) -> bool:
        """Whether the codes ``query`` asks for (actor, source, target typed as codes) match fewer
        than FEW_BY_CODE events, counted from their index alone and no further than that."""
        where, params = _code_where(query, self._code_prefix)
        if not where:
            return True
        if _country_actor(query):
            # a country-level actor: its events are counted at write time (migration 7), a sum of
            # its days instead of walking both side indexes and the rows (15 ms on PostgreSQL, 1M events)
            total = self._scalar("SELECT sum(n) FROM event_actor_counts WHERE actor = ?", (query.actor,))
            return int(total or 0) < FEW_BY_CODE
        sql = f"SELECT count(*) FROM (SELECT 1 FROM events e{_where(where)} LIMIT {FEW_BY_CODE}) x"
        return int(self._scalar(sql, params)) < FEW_BY_CODE

    def event_dicts(self, query: EventQuery | None = None, *, after: Sequence[str] | None = None,
                    limit: int = 50) -> list[dict[str, Any]]:
        """``event_page`` as JSON-ready dicts: the stored event (``Event.to_dict()``) with its row's
        fields (article_id, published, title, publisher, story_id, day, quad, added) beside them;
        no Event objects are built, for readers that send the rows on (the HTTP API)."""
        found = []
        for r in self._event_rows(query, after, limit):
            data = _loads(r[3])
            data.update(article_id=r[0], published=r[1], title=r[2], publisher=r[4], story_id=r[5], day=r[6],
                        quad=r[7], added=r[8])
            found.append(data)
        return found

    def event(self, event_id: str, article_id: str | None = None) -> EventRow | None:
        """One stored event by its id (and article, when ids could repeat across articles)."""
        where, params = ["e.id = ?"], [event_id]
        if article_id:
            where.append("e.article_id = ?")
            params.append(article_id)
        rows = self._rows(_EVENT_SELECT + _where(where) + " ORDER BY e.article_id LIMIT 1", params)
        return _event_row(rows[0]) if rows else None

    def event_counts(self, query: EventQuery | None = None, by: str = "quad") -> list[tuple[str, str, int]]:
        """(day, quad class or PLOVER type, events) for the events matching ``query``, by day."""
        column = {"quad": "e.quad", "type": "e.type"}[by]
        query = query or EventQuery()
        if _counted(query, TIMELINE_COUNTED):
            return self._tallied_counts(query, by)
        if by == "quad" and _actor_counted(query):
            return self._tallied_actor_counts(query)
        where, params = _event_where(query, self._code_prefix, self.ascii_fold)
        sql = (f"SELECT e.day, {column}, count(*) FROM events e{_article_join(query)}{_where(where + ['e.day IS NOT NULL'])} "
               "GROUP BY 1, 2 ORDER BY 1, 2")
        return [(day, "" if key is None else str(key), int(n)) for day, key, n in self._rows(sql, params)]

    def event_facets(self, query: EventQuery | None = None, limit: int = 20) -> dict[str, dict[str, int]]:
        """Counts of the matching events by type, country, sector, publisher and quad class."""
        query = query or EventQuery()
        if _counted(query, FACETS_COUNTED):
            return self._tallied_facets(query, limit)
        where, params = _event_where(query, self._code_prefix, self.ascii_fold)
        join = _article_join(query)
        facets: dict[str, dict[str, int]] = {}
        for name, column, joined in (("type", "e.type", join), ("quad", "e.quad", join),
                                     ("publisher", "a.publisher", " JOIN articles a ON a.id = e.article_id")):
            sql = (f"SELECT {column}, count(*) FROM events e{joined}{_where(where + [f'{column} IS NOT NULL'])} "
                   "GROUP BY 1 ORDER BY 2 DESC, 1")
            p = list(params)
            sql += _limit(limit, p)
            facets[name] = {str(k): int(n) for k, n in self._rows(sql, p)}
        for name, left, right in (("country", "e.source_country", "e.target_country"),
                                  ("sector", "e.source_sector", "e.target_sector")):
            sql = (f"SELECT v, count(*) FROM (SELECT {left} v FROM events e{join}{_where(where)} UNION ALL "
                   f"SELECT {right} v FROM events e{join}{_where(where)}) x WHERE v IS NOT NULL "
                   "GROUP BY 1 ORDER BY 2 DESC, 1")
            p = params + params
            sql += _limit(limit, p)
            facets[name] = {str(k): int(n) for k, n in self._rows(sql, p)}
        return facets

    def _tallied_counts(self, query: EventQuery, by: str) -> list[tuple[str, str, int]]:
        """``event_counts`` read from event_day_counts (a query of TIMELINE_COUNTED filters only)."""
        where, params = _tally_where(query)
        where.append("day <> ''")
        if query.since or query.until:
            where.append("day >= ? AND day <= ?")
            params += [query.since or "0", _day_ceiling(query.until)]
        key = "type" if by == "type" else "CASE WHEN quad = 0 THEN NULL ELSE quad END"
        rows = self._rows(f"SELECT day, {key}, sum(n) FROM event_day_counts{_where(where)} GROUP BY 1, 2 ORDER BY 1, 2",
                          params)
        return [(day, "" if k is None else str(k), int(n)) for day, k, n in rows]

    def _tallied_actor_counts(self, query: EventQuery) -> list[tuple[str, str, int]]:
        """``event_counts`` by quad read from event_actor_counts (a query that ``_actor_counted``)."""
        where, params = ["actor = ?", "day <> ''"], [query.actor]
        if query.quad is not None:
            where.append("quad = ?")
            params.append(int(query.quad))
        if query.since or query.until:
            where.append("day >= ? AND day <= ?")
            params += [query.since or "0", _day_ceiling(query.until)]
        rows = self._rows(f"SELECT day, quad, n FROM event_actor_counts{_where(where)} ORDER BY day, quad", params)
        return [(day, str(k) if k else "", int(n)) for day, k, n in rows]

    def _tallied_facets(self, query: EventQuery, limit: int) -> dict[str, dict[str, int]]:
        """``event_facets`` read from the counts of migration 5 (a query of FACETS_COUNTED filters only)."""
        where, params = _tally_where(query)
        facets: dict[str, dict[str, int]] = {}
        for name, column, extra in (("type", "type", []), ("quad", "quad", ["quad <> 0"])):
            p = list(params)
            sql = (f"SELECT {column}, sum(n) FROM event_day_counts{_where(where + extra)} "
                   "GROUP BY 1 ORDER BY 2 DESC, 1" + _limit(limit, p))
            facets[name] = {str(k): int(n) for k, n in self._rows(sql, p)}
        for name in ("publisher", "country", "sector"):
            p = [name, *params]
            sql = (f"SELECT value, sum(n) FROM event_facet_counts{_where(['facet = ?', *where])} "
                   "GROUP BY 1 ORDER BY 2 DESC, 1" + _limit(limit, p))
            facets[name] = {str(k): int(n) for k, n in self._rows(sql, p)}
        return {k: facets[k] for k in ("type", "quad", "publisher", "country", "sector")}

    def event_edges(self, query: EventQuery | None = None, limit: int = 200) -> list[Edge]:
        """Source -> target pairs of the matching events (actor key: code, else name), most events first."""
        query = query or EventQuery()
        where, params = _event_where(query, self._code_prefix, self.ascii_fold)
        where += [f"{_SOURCE_KEY} IS NOT NULL", f"{_TARGET_KEY} IS NOT NULL"]
        sql = (f"SELECT {_SOURCE_KEY}, max(e.source_name), {_TARGET_KEY}, max(e.target_name), count(*), "
               "sum(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END), sum(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END) "
               f"FROM events e{_article_join(query)}{_where(where)} GROUP BY 1, 3 ORDER BY 5 DESC, 1, 3"
               + _limit(limit, params))
        return [Edge(r[0], r[1], r[2], r[3], int(r[4]), int(r[5] or 0), int(r[6] or 0)) for r in self._rows(sql, params)]

    def actor_summaries(self, *, text: str | None = None, after: Sequence[Any] | None = None,
                        limit: int = 50) -> list[ActorSummary]:
        """Actors across articles, most articles first (then key); ``text``: part of key or name;
        ``after``: (articles, key) of the last row of the page before."""
        where, params, having = ["k IS NOT NULL"], [], ""
        if text:
            where.append("(lower(k) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\')")
            params += [like_pattern(text.lower())] * 2
        if after is not None:
            having = " HAVING count(DISTINCT article_id) < ? OR (count(DISTINCT article_id) = ? AND k > ?)"
            params += [int(after[0]), int(after[0]), str(after[1])]
        sql = (_ACTOR_SELECT + _where(where) + " GROUP BY k" + having + " ORDER BY 6 DESC, 1" + _limit(limit, params))
        return self._summaries(self._rows(sql, params))

    def actor(self, key: str) -> ActorSummary | None:
        """One actor by its key (code, or name without a code), with the names it went by."""
        found = self._summaries(self._rows(_ACTOR_SELECT + " WHERE k = ? GROUP BY k", [key]))
        if not found:
            return None
        names = self._rows("SELECT name, count(*) FROM actors WHERE coalesce(code, name) = ? AND name IS NOT NULL "
                           "GROUP BY name ORDER BY 2 DESC, 1 LIMIT 10", [key])
        found[0].names = [n for n, _ in names]
        return found[0]

    def _summaries(self, rows: list[tuple]) -> list[ActorSummary]:
        summaries = [ActorSummary(key=r[0], name=r[1], code=r[2], country=r[3], sector=r[4], articles=int(r[5]),
                                  first_seen=r[6], last_seen=r[7]) for r in rows]
        if summaries:
            keys = [a.key for a in summaries]
            marks = ", ".join("?" * len(keys))
            counts = dict(self._rows(
                f"SELECT k, count(*) FROM (SELECT {_SOURCE_KEY} k FROM events e WHERE {_SOURCE_KEY} IN ({marks}) "
                f"UNION ALL SELECT {_TARGET_KEY} k FROM events e WHERE {_TARGET_KEY} IN ({marks})) x GROUP BY k",
                keys + keys))
            for a in summaries:
                a.events = int(counts.get(a.key, 0))
        return summaries

    def counterparts(self, key: str, limit: int = 50) -> list[Counterpart]:
        """The actors ``key`` had events with, most events first."""
        coop, conf = "CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END", "CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END"
        params: list[Any] = [key, key]
        sql = (f"SELECT other, max(other_name), sum(s), sum(t), sum(c), sum(f) FROM ("
               f"SELECT {_TARGET_KEY} other, e.target_name other_name, 1 s, 0 t, {coop} c, {conf} f FROM events e "
               f"WHERE {_SOURCE_KEY} = ? UNION ALL "
               f"SELECT {_SOURCE_KEY}, e.source_name, 0, 1, {coop}, {conf} FROM events e WHERE {_TARGET_KEY} = ?"
               ") x WHERE other IS NOT NULL GROUP BY other ORDER BY sum(s) + sum(t) DESC, other" + _limit(limit, params))
        return [Counterpart(r[0], r[1], int(r[2]), int(r[3]), int(r[4]), int(r[5])) for r in self._rows(sql, params)]

    def quote_page(self, *, speaker: str | None = None, text: str | None = None, since: str | None = None,
                   until: str | None = None, article: str | None = None, publisher: str | None = None,
                   updated_since: str | None = None, after: Sequence[str] | None = None,
                   limit: int = 50) -> list[QuoteRow]:
        """Quotes newest day first (then article id, quote id, descending), after the key ``after``."""
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append("(lower(q.speaker) LIKE ? ESCAPE '\\' OR upper(q.speaker_code) LIKE ? ESCAPE '\\')")
            params += [like_pattern(speaker.lower()), like_pattern(speaker.upper(), prefix=True)]
        if text:
            where.append("lower(q.text) LIKE ? ESCAPE '\\'")
            params.append(like_pattern(text.lower()))
        _date_range(where, params, "q.day", since, until)
        for clause, value in (("q.article_id = ?", article), ("lower(a.publisher) = lower(?)", publisher),
                              ("a.added >= ?", updated_since)):
            if value:
                where.append(clause)
                params.append(value)
        if after is not None:
            where.append("(coalesce(q.day, ''), q.article_id, q.id) < (?, ?, ?)")
            params += [str(v) for v in after]
        sql = ("SELECT q.article_id, a.published, a.title, q.data, a.publisher, q.day, a.added FROM quotes q "
               f"JOIN articles a ON a.id = q.article_id{_where(where)} "
               "ORDER BY coalesce(q.day, '') DESC, q.article_id DESC, q.id DESC" + _limit(limit, params))
        return [QuoteRow(article_id=r[0], published=r[1], title=r[2], quote=Quote.from_dict(json.loads(r[3])),
                         publisher=r[4], day=r[5], added=r[6]) for r in self._rows(sql, params)]

    def speakers(self, *, text: str | None = None, limit: int = 100) -> list[tuple[str, str | None, int]]:
        """(speaker, code, quotes) by number of quotes."""
        where, params = ["coalesce(speaker, speaker_code) IS NOT NULL"], []
        if text:
            where.append("lower(coalesce(speaker, speaker_code)) LIKE ? ESCAPE '\\'")
            params.append(like_pattern(text.lower()))
        sql = (f"SELECT coalesce(speaker, speaker_code), max(speaker_code), count(*) FROM quotes{_where(where)} "
               "GROUP BY 1 ORDER BY 3 DESC, 1" + _limit(limit, params))
        return [(r[0], r[1], int(r[2])) for r in self._rows(sql, params)]

    def article_page(self, *, publisher: str | None = None, language: str | None = None, since: str | None = None,
                     until: str | None = None, story: str | None = None, updated_since: str | None = None,
                     ids: Sequence[str] | None = None, after: Sequence[str] | None = None,
                     limit: int = 50) -> list[ArticleRow]:
        """Articles newest first (then id, descending), after the key (published, id) ``after``."""
        where: list[str] = []
        params: list[Any] = []
        for clause, value in (("lower(publisher) = lower(?)", publisher), ("language = ?", language),
                              ("story_id = ?", story), ("added >= ?", updated_since)):
            if value:
                where.append(clause)
                params.append(value)
        _date_range(where, params, "published", since, until)
        if ids is not None:
            where.append(f"id IN ({', '.join('?' * len(ids))})" if ids else "1 = 0")
            params.extend(ids)
        if after is not None:
            where.append("(coalesce(published, ''), id) < (?, ?)")
            params += [str(v) for v in after]
        sql = (f"SELECT {', '.join(ARTICLE_COLUMNS)}, story_id, added FROM articles{_where(where)} "
               "ORDER BY coalesce(published, '') DESC, id DESC" + _limit(limit, params))
        n = len(ARTICLE_COLUMNS)
        return [ArticleRow(_article(r[:n]), r[n], r[n + 1]) for r in self._rows(sql, params)]

    def data_version(self) -> str:
        """Changes whenever a document, article or analysis is stored (rows are only ever added): a
        reader may cache what it computed from the store under this key."""
        return ":".join("" if v is None else str(v) for v in self._rows(self._version_sql)[0])

    # one round trip; SQLite reads its rowids instead, which only grow
    _version_sql = ("SELECT (SELECT count(*) FROM documents), (SELECT max(added) FROM documents), "
                    "(SELECT count(*) FROM analyses)")

    def story(self, story_id: str) -> Story | None:
        """One story (any size) with its members, oldest first."""
        members = self._rows("SELECT id FROM articles WHERE story_id = ? ORDER BY coalesce(published, ''), id",
                             (story_id,))
        if not members:
            return None
        title = self._scalar("SELECT title FROM stories WHERE id = ?", (story_id,))
        return Story(id=story_id, title=title, article_ids=[m[0] for m in members])

    def stories(self, *, min_size: int = 2, limit: int | None = None) -> list[Story]:
        """Stories with at least ``min_size`` copies, largest first; members oldest first."""
        params: list[Any] = [min_size]
        sizes = self._rows("SELECT story_id, count(*) FROM articles GROUP BY story_id HAVING count(*) >= ? "
                           "ORDER BY count(*) DESC, story_id" + _limit(limit, params), params)
        stories = []
        for story_id, _ in sizes:
            title = self._scalar("SELECT title FROM stories WHERE id = ?", (story_id,))
            members = self._rows("SELECT id FROM articles WHERE story_id = ? ORDER BY coalesce(published, ''), id",
                                 (story_id,))
            stories.append(Story(id=story_id, title=title, article_ids=[m[0] for m in members]))
        return stories

    def failures(self, *, limit: int | None = None) -> list[StoredFailure]:
        params: list[Any] = []
        sql = "SELECT source, stage, reason, detail, time FROM failures ORDER BY id" + _limit(limit, params)
        return [StoredFailure(*row) for row in self._rows(sql, params)]

    def stats(self) -> Stats:
        count = self._count
        documents, articles = count("documents"), count("articles")
        return Stats(
            documents=documents,
            articles=articles,
            duplicates=documents - int(self._scalar("SELECT count(DISTINCT article_id) FROM documents")),
            failures=count("failures"),
            stories=int(self._scalar("SELECT count(*) FROM (SELECT story_id FROM articles GROUP BY story_id "
                                     "HAVING count(*) > 1) s")),
            actors=count("actors"),
            events=count("events"),
            quotes=count("quotes"),
            languages=self._histogram("language"),
            publishers=self._histogram("publisher"),
        )

    def _count(self, table: str) -> int:
        return int(self._scalar(f"SELECT count(*) FROM {table}"))

    def _histogram(self, column: str) -> dict[str, int]:
        rows = self._rows(f"SELECT coalesce({column}, ''), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1")
        return {value or "unknown": int(n) for value, n in rows}


FEW_BY_CODE = 1000  # events of a code below which its index, not the page order, finds a page

_SOURCE_KEY = "coalesce(e.source_code, e.source_name)"
_TARGET_KEY = "coalesce(e.target_code, e.target_name)"
_EVENT_SELECT = ("SELECT e.article_id, a.published, a.title, e.data, a.publisher, a.story_id, e.day, e.quad, a.added "
                 "FROM events e JOIN articles a ON a.id = e.article_id")
_ACTOR_SELECT = ("SELECT k, max(name), max(code), max(country), max(sector), count(DISTINCT article_id), "
                 "min(published), max(published) FROM (SELECT coalesce(ac.code, ac.name) k, ac.name, ac.code, "
                 "ac.country, ac.sector, ac.article_id, a.published FROM actors ac "
                 "JOIN articles a ON a.id = ac.article_id) x")


def _event_row(r: Sequence[Any]) -> EventRow:
    return EventRow(article_id=r[0], published=r[1], title=r[2], event=Event.from_dict(json.loads(r[3])),
                    publisher=r[4], story_id=r[5], day=r[6], quad=r[7], added=r[8])


# The filters the counts of migration 5 can answer: by type and quad class for every aggregate,
# and the day range as well for the timeline (facet counts are not kept per day).
FACETS_COUNTED = frozenset({"type", "quad"})
TIMELINE_COUNTED = FACETS_COUNTED | {"since", "until"}


def _counted(query: EventQuery, answerable: frozenset[str]) -> bool:
    """Whether every filter ``query`` sets (as _event_where reads them) is one of ``answerable``."""
    if query.quad is not None and query.quad not in (1, 2, 3, 4):
        return False  # no stored quad class: the counts' 0 ("none") must not match it
    return all(name in answerable for name, value in vars(query).items()
               if not (value is None or value is False or value == ""))


# event_actor_counts (migration 7) keeps the first ACTOR_KEY characters of codes: an actor typed
# as a code of that length, with quad and dates only, is answered from it.
ACTOR_KEY = 3
ACTOR_COUNTED = frozenset({"actor", "quad", "since", "until"})


def _actor_counted(query: EventQuery) -> bool:
    return _country_level(query.actor) and _counted(query, ACTOR_COUNTED)


def _tally_where(query: EventQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.type:
        where.append("type = ?")
        params.append(query.type.upper())
    if query.quad is not None:
        where.append("quad = ?")
        params.append(int(query.quad))
    return where, params


def _article_join(query: EventQuery) -> str:
    """The join an aggregate needs: only when a filter reads the article."""
    needed = query.story or query.publisher or query.updated_since
    return " JOIN articles a ON a.id = e.article_id" if needed else ""


_CODE = re.compile(r"[A-Z0-9]{2,}")  # what a CAMEO-style code looks like, as a user types one


def _event_where(q: EventQuery, code_prefix: Any, ascii_fold: bool = False) -> tuple[list[str], list[Any]]:
    """WHERE clauses and their parameters for an EventQuery (``e`` events, ``a`` articles).

    ``code_prefix(column, code)``: the backend's index-friendly "column starts with code" (clause,
    parameter). An ``actor``, ``source`` or ``target`` typed as a code (RUS, RUSGOV: capitals and
    digits) matches the start of codes only, through it; anything else matches the start of a code
    or part of a name, ignoring case. ``ascii_fold``: the backend's LIKE and NOCASE ignore ASCII case
    as its upper()/lower() fold it (SQLite), so no function is called per row. The one-column tests
    come first: a row that fails one is not checked further."""
    where, params = _code_where(q, code_prefix)
    if q.type:
        where.append("e.type = ?")
        params.append(q.type.upper())
    if q.quad is not None:
        where.append("e.quad = ?")
        params.append(int(q.quad))
    if q.cameo:
        where.append("e.cameo LIKE ? ESCAPE '\\'")
        params.append(like_pattern(q.cameo, prefix=True))
    if q.since or q.until:  # written on coalesce(e.day, '') so the page's own ordering index answers it
        where.append("coalesce(e.day, '') >= ? AND coalesce(e.day, '') <= ?")
        params += [q.since or "0", _day_ceiling(q.until)]
    if q.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(float(q.min_confidence))
    equal, upper_like, lower_like = ((_EQUAL_NOCASE, _LIKE, _LIKE) if ascii_fold else (_EQUAL_UPPER, _LIKE_UPPER,
                                                                                       _LIKE_LOWER))
    for value, sides in ((q.actor if q.actor and not _CODE.fullmatch(q.actor) else None, ("source", "target")),
                         (q.source if q.source and not _CODE.fullmatch(q.source) else None, ("source",)),
                         (q.target if q.target and not _CODE.fullmatch(q.target) else None, ("target",))):
        if value:
            code, name = like_pattern(value.upper(), prefix=True), like_pattern(value.lower())
            where.append("(" + " OR ".join(f"{upper_like.format(f'e.{s}_code')} OR {lower_like.format(f'e.{s}_name')}"
                                           for s in sides) + ")")
            params += [code, name] * len(sides)
    if q.country:
        where.append(f"({equal.format('e.source_country')} OR {equal.format('e.target_country')} "
                     f"OR {upper_like.format('e.source_code')} OR {upper_like.format('e.target_code')})")
        code = like_pattern(q.country.upper(), prefix=True)
        params += [q.country.upper(), q.country.upper(), code, code]
    if q.sector:
        where.append(f"({equal.format('e.source_sector')} OR {equal.format('e.target_sector')})")
        params += [q.sector.upper()] * 2
    if q.text:
        where.append(lower_like.format("e.sentence"))
        params.append(like_pattern(q.text.lower()))
    for clause, value in (("a.story_id = ?", q.story), ("lower(a.publisher) = lower(?)", q.publisher),
                          ("e.article_id = ?", q.article), ("a.added >= ?", q.updated_since)):
        if value:
            where.append(clause)
            params.append(value)
    if q.located:
        where.append("e.data LIKE ? AND e.data NOT LIKE ?")
        params += ['%"location": {%', '%"lat": null%']
    return where, params


# "column, case ignored, is the upper-cased parameter" / "matches the upper- (lower-) cased pattern"
_EQUAL_UPPER, _EQUAL_NOCASE = "upper({}) = ?", "{} = ? COLLATE NOCASE"
_LIKE_UPPER, _LIKE_LOWER, _LIKE = "upper({}) LIKE ? ESCAPE '\\'", "lower({}) LIKE ? ESCAPE '\\'", "{} LIKE ? ESCAPE '\\'"


def _code_where(q: EventQuery, code_prefix: Any) -> tuple[list[str], list[Any]]:
    """The clauses of ``_event_where`` for the actor, source and target typed as codes."""
    where: list[str] = []
    params: list[Any] = []
    for value, side in ((q.source, "source"), (q.target, "target")):
        if value and _CODE.fullmatch(value):
            clause, param = code_prefix(f"e.{side}_code", value)
            where.append(clause)
            params.append(param)
    if q.actor and _CODE.fullmatch(q.actor):
        (left, a), (right, b) = code_prefix("e.source_code", q.actor), code_prefix("e.target_code", q.actor)
        where.append(f"({left} OR {right})")
        params += [a, b]
    return where, params


def _country_level(code: str | None) -> bool:
    """A code typed as a country's alone ("RUS"): what event_actor_counts and the country-level
    indexes of migration 9 are keyed by."""
    return code is not None and len(code) == ACTOR_KEY and _CODE.fullmatch(code) is not None


def _country_actor(q: EventQuery) -> bool:
    """An actor typed as a country-level code ("RUS") and no source or target."""
    return q.source is None and q.target is None and _country_level(q.actor)


def _country_dyad(q: EventQuery) -> bool:
    """A source and a target both typed as country-level codes ("RUS", "UKR") and no actor: a
    dyad the events_dyad index (migration 9) holds in page order."""
    return q.actor is None and _country_level(q.source) and _country_level(q.target)


def _unindexed(code_prefix: Any) -> Any:
    """``code_prefix`` written so no index of the code columns answers it (``column || ''``): the
    page is then read in its order from events_scan (migration 6), checking the codes there."""
    return lambda column, code: code_prefix(f"({column} || '')", code)


def _day_ceiling(until: str | None) -> str:
    """The largest day an inclusive ``until`` (a date or a prefix: 2012, 2012-03) lets in."""
    if not until:
        return "9999-99-99"
    return until + "-99-99"[len(until) - 4:] if len(until) < 10 else until


def _article(row: Sequence[Any]) -> Article:
    data = dict(zip(ARTICLE_COLUMNS, row))
    for column in _JSON_COLUMNS:
        data[column] = json.loads(data[column])
    return Article.from_dict(data)


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _limit(limit: int | None, params: list[Any]) -> str:
    if limit is None:
        return ""
    params.append(int(limit))
    return " LIMIT ?"


def _date_range(where: list[str], params: list[Any], column: str, since: str | None, until: str | None) -> None:
    """ISO date bounds, both inclusive; ``until`` may be a prefix such as 2012-03."""
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({column}, 1, {len(until)}) <= ?")
        params.append(until)
