"""The records every stage passes on.

Plain dataclasses with ``to_dict`` / ``from_dict`` and no behaviour beyond that.
Flow: Document (sources) -> RawArticle (readers) -> Article (articles)
-> Analysis: Mention/Actor/Event/Quote (analysis) -> Record (store, exports).
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T", bound="Serializable")


class Serializable:
    """Mixin: JSON-ready dict round trip for nested dataclasses."""

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        kwargs = {}
        for name, convert in _converters(cls):
            if name in data:
                value = data[name]
                kwargs[name] = None if value is None else convert(value)
        return cls(**kwargs)


@functools.cache
def _converters(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, function from its plain value) per field of a record class, worked out once:
    resolving type hints costs more than building the record."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _identity(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _identity
    if origin in (list, tuple) and args:
        item = _converter(args[0])
        return lambda value: [None if v is None else item(v) for v in value]
    if isinstance(hint, type) and issubclass(hint, Serializable):
        return lambda value: hint.from_dict(value) if isinstance(value, dict) else value
    return _identity


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        raise TypeError("bytes are not JSON-serialisable; Document.content is never exported")
    return value


# --------------------------------------------------------------------------- sources


@dataclass
class Document(Serializable):
    """Bytes as a source found them, before any parsing.

    ``source`` names where the bytes came from: a path, ``archive.zip!inner/file.html``,
    ``corpus.jsonl#42``, ``crawl.warc.gz@<record-id>`` or ``<stdin>:<hash>``.
    ``format`` is a hint (html, pdf, markdown, text) or None to sniff the bytes.
    ``meta`` carries fields a corpus already gave (id, title, date, url, publisher).
    """

    source: str
    content: bytes = b""
    format: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: _to_plain(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "content"}
        data["content"] = None
        data["size"] = len(self.content)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        data = {k: v for k, v in data.items() if k not in ("content", "size")}
        return super().from_dict(data)  # type: ignore[return-value]


@dataclass
class Failure(Serializable):
    """A document that could not be turned into an article: one clear reason, recorded."""

    source: str
    stage: str  # source | reader | article | analysis | store
    reason: str
    detail: str = ""


# --------------------------------------------------------------------------- readers


@dataclass
class Link(Serializable):
    text: str
    url: str


@dataclass
class RawArticle(Serializable):
    """What a reader got out of the bytes: text in reading order plus what the format told.

    ``text`` keeps one paragraph or line per line, boilerplate included (the articles stage
    removes it). ``headings`` lists lines that were headings in the source (Markdown ``#``,
    HTML ``h1``), in order.
    """

    source: str
    format: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    byline: str | None = None
    language: str | None = None
    headings: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- articles


@dataclass
class Article(Serializable):
    """A clean news article. ``id`` is the content hash of the normalised body."""

    id: str
    source: str
    body: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    agency: str | None = None
    section: str | None = None
    byline: str | None = None
    language: str | None = None
    format: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- analysis


@dataclass
class Mention(Serializable):
    """A span of the body that refers to an actor. Offsets index ``Article.body``."""

    text: str
    start: int
    end: int
    code: str | None = None  # CAMEO-style: RUSGOV, IGOUNO, WST, SYROPP
    country: str | None = None  # ISO-3, IGO/NGO, or None
    sector: str | None = None  # PLOVER sector: GOV, MIL, REB, OPP, ...
    name: str | None = None  # canonical name of a person or organisation
    kind: str | None = None  # person | organisation | country | group | pronoun
    actor_id: str | None = None  # the Actor this mention resolves to


@dataclass
class Actor(Serializable):
    """One actor of an article, with every mention that resolves to it."""

    id: str
    code: str | None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    role: str | None = None  # "Deputy Defense Minister"
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Location(Serializable):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event(Serializable):
    """A coded event: who did what to whom, linked to its sentence by character offsets."""

    id: str
    type: str  # PLOVER event type
    trigger: str
    sentence: str
    start: int  # sentence offsets into Article.body
    end: int
    source: Mention | None = None
    target: Mention | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    historical: bool = False
    trigger_start: int | None = None
    trigger_end: int | None = None
    dead: int | None = None
    injured: int | None = None
    date: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    reported_by: Mention | None = None  # "the U.N. says ..." : who reported it
    rule: str | None = None  # why it was coded: the lexicon entry, user pattern or rule that coded it


@dataclass
class Quote(Serializable):
    """Who said what. Offsets index ``Article.body``."""

    id: str
    kind: str  # direct | indirect | mixed
    text: str
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: Mention | None = None
    event_id: str | None = None


@dataclass
class Analysis(Serializable):
    """Everything the analysis stage found in one article."""

    article_id: str
    language: str | None = None
    skipped: str | None = None  # why nothing was analysed (e.g. "language: fa is not supported")
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Story(Serializable):
    """Near-duplicate copies of one story (the same wire dispatch on many sites)."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    title: str | None = None


@dataclass
class Record(Serializable):
    """One line of ``chronicle extract``: the article plus its analysis."""

    article: Article
    analysis: Analysis | None = None

    def to_dict(self) -> dict[str, Any]:
        data = self.article.to_dict()
        if self.analysis is not None:
            a = self.analysis.to_dict()
            data["actors"] = a["actors"]
            data["events"] = a["events"]
            data["quotes"] = a["quotes"]
            if a["skipped"]:
                data["analysis_skipped"] = a["skipped"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        article_fields = {f.name for f in dataclasses.fields(Article)}
        article = Article.from_dict({k: v for k, v in data.items() if k in article_fields})
        analysis = None
        if any(k in data for k in ("actors", "events", "quotes")):
            analysis = Analysis.from_dict(
                {
                    "article_id": article.id,
                    "language": article.language,
                    "skipped": data.get("analysis_skipped"),
                    "actors": data.get("actors", []),
                    "events": data.get("events", []),
                    "quotes": data.get("quotes", []),
                }
            )
        return cls(article=article, analysis=analysis)
