"""What the API sends for stored rows: JSON-ready dicts, CSV columns, cursors and the "why" of an event.

In: ``chronicle.store`` rows and ``chronicle.model`` records. Out: plain dicts and strings.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

try:  # the serve extra's orjson: several times faster than json on an event page
    import orjson
except ImportError:  # pragma: no cover - the standard library gives the same bytes, slower
    orjson = None

from ..model import Article, Quote, Record
from ..store import ActorSummary, ArticleRow, EventRow, QuoteRow

# Quad classes as GDELT 2.0 and the PLOVER manual name them.
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
SNIPPET = 280  # characters of an article body a list shows


class BadCursor(ValueError):
    """A cursor this endpoint did not give out."""


def json_bytes(data: Any) -> bytes:
    """``data`` as compact UTF-8 JSON, as FastAPI's JSONResponse writes it."""
    if orjson is not None:
        return orjson.dumps(data)
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def encode_cursor(kind: str, key: list[Any]) -> str:
    """An opaque page token: the endpoint's name and the sort key of the last row sent."""
    raw = json.dumps([kind, key], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, token: str, size: int) -> list[Any]:
    """The sort key inside ``token``; BadCursor when it is not one this endpoint gave out."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        found, key = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise BadCursor("cursor is not a token this API gave out") from None
    if found != kind or not isinstance(key, list) or len(key) != size \
            or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in key):
        raise BadCursor(f"cursor is not a token of {kind}")
    return key


def actor_label(m: dict[str, Any] | None) -> str:
    """How an event's side is written in "source -> type -> target": name, else text, with its code."""
    if not m:
        return "?"
    name = m.get("name") or m.get("text") or m.get("code") or "?"
    return f"{name} ({m['code']})" if m.get("code") and m["code"] != name else name


def why(e: dict[str, Any]) -> str:
    """Why the event (as a plain dict) was coded as it was, in words: its trigger, sides, modifiers."""
    parts = [f'trigger "{e.get("trigger")}" coded {e.get("type")}' + (f" (CAMEO {e['cameo']})" if e.get("cameo") else "")]
    if e.get("rule"):
        parts.append(f"by {e['rule']}")
    if e.get("mode"):
        parts.append(f"mode {e['mode']}")
    for side in ("source", "target"):
        m = e.get(side)
        if m:
            parts.append(f'{side} "{m.get("text")}"' + (f" = {m['code']}" if m.get("code") else ""))
    flags = [name for name in ("negated", "future", "hypothetical", "historical") if e.get(name)]
    if flags:
        parts.append("marked " + ", ".join(flags))
    if e.get("reported_by"):
        parts.append(f'reported by "{e["reported_by"].get("text")}"')
    if e.get("location"):
        parts.append(f"place {e['location'].get('name')}")
    parts.append(f"confidence {float(e.get('confidence') or 0):.2f}")
    return "; ".join(parts)


def event_item(data: dict[str, Any]) -> dict[str, Any]:
    """An event as the API sends it: the stored event with its article fields, plus its summary
    line ("source -> type -> target"), why it was coded, and its quad class's name."""
    data["summary"] = f"{actor_label(data.get('source'))} -> {data.get('type')} -> {actor_label(data.get('target'))}"
    data["why"] = why(data)
    if "quad" in data:
        data["quad_name"] = QUAD_NAMES.get(data["quad"]) if data["quad"] is not None else None
    return data


def event_row(row: EventRow) -> dict[str, Any]:
    data = row.event.to_dict()
    data.update(article_id=row.article_id, day=row.day, published=row.published, title=row.title,
                publisher=row.publisher, story_id=row.story_id, quad=row.quad, added=row.added)
    return event_item(data)


def event_key(data: dict[str, Any]) -> list[Any]:
    return [data.get("day") or "", data["article_id"], data["id"]]


def quote_row(row: QuoteRow) -> dict[str, Any]:
    data = row.quote.to_dict()
    speaker = row.quote.speaker
    data.update(article_id=row.article_id, day=row.day, published=row.published, title=row.title,
                publisher=row.publisher, added=row.added,
                speaker_name=(speaker.name or speaker.text) if speaker else None)
    return data


def quote_key(row: QuoteRow) -> list[Any]:
    return [row.day or "", row.article_id, row.quote.id]


def article_summary(row: ArticleRow) -> dict[str, Any]:
    a = row.article
    return {"id": a.id, "title": a.title, "published": a.published, "publisher": a.publisher, "url": a.url,
            "language": a.language, "agency": a.agency, "byline": a.byline, "source": a.source,
            "story_id": row.story_id, "added": row.added, "snippet": a.body[:SNIPPET]}


def article_key(row: ArticleRow) -> list[Any]:
    return [row.article.published or "", row.article.id]


def actor_item(a: ActorSummary) -> dict[str, Any]:
    return a.to_dict()


def article_detail(record: Record, story_id: str | None, quads: dict[str, int | None]) -> dict[str, Any]:
    """One article: its fields and body, and the spans of its actors, events and quotes in the body."""
    article: Article = record.article
    analysis = record.analysis
    spans: list[dict[str, Any]] = []
    actors, events, quotes = [], [], []
    if analysis is not None:
        for actor in analysis.actors:
            actors.append(actor.to_dict())
            for m in actor.mentions:
                spans.append({"kind": "actor", "start": m.start, "end": m.end, "text": m.text,
                              "actor_id": actor.id, "code": m.code or actor.code, "name": actor.name})
        for event in analysis.events:
            events.append(event_item({**event.to_dict(), "article_id": article.id, "quad": quads.get(event.id)}))
            spans.append({"kind": "event", "start": event.start, "end": event.end, "event_id": event.id,
                          "type": event.type, "trigger_start": event.trigger_start,
                          "trigger_end": event.trigger_end})
        for quote in analysis.quotes:
            quotes.append(quote_item(quote))
            spans.append({"kind": "quote", "start": quote.start, "end": quote.end, "quote_id": quote.id,
                          "speaker": quotes[-1]["speaker_name"]})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    data = article.to_dict()
    data.update(story_id=story_id, analysed=analysis is not None,
                analysis_skipped=analysis.skipped if analysis else None,
                actors=actors, events=events, quotes=quotes, spans=spans)
    return data


def quote_item(quote: Quote) -> dict[str, Any]:
    data = quote.to_dict()
    speaker = quote.speaker
    data["speaker_name"] = (speaker.name or speaker.text) if speaker else None
    return data




# CSV columns per list endpoint: fixed, so every page and every empty result has the same header.
EVENT_COLUMNS = [
    "id", "article_id", "day", "published", "publisher", "title", "story_id", "type", "cameo", "quad", "quad_name",
    "mode", "source.text", "source.code", "source.name", "source.country", "source.sector", "target.text",
    "target.code", "target.name", "target.country", "target.sector", "trigger", "negated", "future", "hypothetical",
    "historical", "dead", "injured", "date", "location.name", "location.country", "location.lat", "location.lon",
    "confidence", "summary", "why", "sentence", "start", "end", "added",
]
QUOTE_COLUMNS = ["id", "article_id", "day", "published", "publisher", "title", "kind", "speaker_name", "speaker.code",
                 "cue", "text", "start", "end", "event_id", "added"]
ARTICLE_COLUMNS = ["id", "title", "published", "publisher", "url", "language", "agency", "byline", "source",
                   "story_id", "added", "snippet"]
