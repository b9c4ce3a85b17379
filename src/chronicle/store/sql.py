"""The Store implementation both backends share: plain SQL written with ``?`` placeholders.

Backends (sqlite.py, postgres.py) supply the connection, the schema file, transactions,
placeholder style and full-text search; everything else is here, so both behave the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from ..model import Actor, Analysis, Article, Event, Failure, Mention, Quote, Record, Story
from .base import BY_OTHER_WRITER, DUPLICATE, STORED, EventRow, QuoteRow, SearchHit, Stats, StoredFailure
from .stories import StoryIndex, signature, to_bytes

ARTICLE_COLUMNS = (
    "id", "source", "url", "publisher", "title", "published", "agency", "section",
    "byline", "language", "format", "body", "boilerplate", "links", "meta",
)
_JSON_COLUMNS = ("boilerplate", "links", "meta")
_MENTION_COLUMNS = ("text", "start_char", "end_char", "code", "country", "sector", "name", "kind")


def now() -> str:
    """The current UTC time, ISO, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def like_pattern(text: str, prefix: bool = False) -> str:
    """A LIKE pattern matching ``text`` as a substring (or prefix), with wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%" if prefix else "%" + escaped + "%"


class SqlStore:
    """Store over a DB-API connection. Subclasses set ``_transaction``, ``_q`` and ``search``."""

    nul_free = False  # PostgreSQL: text cannot hold NUL
    signature_order = "rowid"  # the story_signatures column that grows with each stored signature

    def __init__(self, conn: Any, story_threshold: float) -> None:
        self.conn = conn
        self._stories = StoryIndex(story_threshold)
        self._signatures_read = 0  # story_signatures read up to here (signature_order)

    # ------------------------------------------------------------------ plumbing

    def _q(self, sql: str) -> str:
        """The SQL in this backend's placeholder style (``?`` as written here)."""
        return sql

    def _lock_stories(self, cur: Any) -> None:
        """Make this transaction the only one assigning stories until it ends (SQLite: its
        ``BEGIN IMMEDIATE`` already is; PostgreSQL takes an advisory transaction lock)."""

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
        for actor in analysis.actors:
            self._insert_actor(cur, analysis.article_id, actor)
        day = (published or "")[:10] or None
        for event in analysis.events:
            self._insert_event(cur, analysis.article_id, event, day)
        for quote in analysis.quotes:
            self._insert_quote(cur, analysis.article_id, quote, day)

    def _insert_actor(self, cur: Any, article_id: str, actor: Actor) -> None:
        cur.execute(
            self._q("INSERT INTO actors (article_id, id, code, name, country, sector, kind, role) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            (article_id, actor.id, actor.code, actor.name, actor.country, actor.sector, actor.kind, actor.role),
        )
        for m in actor.mentions:
            cur.execute(
                self._q(f"INSERT INTO mentions (article_id, actor_id, {', '.join(_MENTION_COLUMNS)}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                (article_id, actor.id, m.text, m.start, m.end, m.code, m.country, m.sector, m.name, m.kind),
            )

    def _insert_event(self, cur: Any, article_id: str, event: Event, day: str | None) -> None:
        src, tgt = event.source or Mention("", 0, 0), event.target or Mention("", 0, 0)
        cur.execute(
            self._q("INSERT INTO events (article_id, id, type, cameo, source_code, source_name, source_country, "
                    "target_code, target_name, target_country, day, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            (article_id, event.id, event.type, event.cameo, src.code, src.name or src.text or None, src.country,
             tgt.code, tgt.name or tgt.text or None, tgt.country, (event.date or "")[:10] or day,
             json.dumps(event.to_dict(), ensure_ascii=False)),
        )

    def _insert_quote(self, cur: Any, article_id: str, quote: Quote, day: str | None) -> None:
        speaker = quote.speaker
        cur.execute(
            self._q("INSERT INTO quotes (article_id, id, kind, speaker, speaker_code, day, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            (article_id, quote.id, quote.kind, speaker and (speaker.name or speaker.text),
             speaker and speaker.code, day, json.dumps(quote.to_dict(), ensure_ascii=False)),
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
    ) -> list[EventRow]:
        """Events whose source or target matches ``actor`` (code prefix or name) and ``country``."""
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
