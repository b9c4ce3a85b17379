"""Event-data exchange formats: PLOVER JSON records, the GDELT 2.0 event and mentions tables,
ACLED-style rows, and monadic rows (one per actor and event).

In: stored events (``store.EventRow``) with their articles (``model.Article``) and the number of
copies of each article's story. Out: plain dicts / lists of strings, one per event (or per actor).
The crosswalks (CAMEO -> QuadClass and Goldstein, PLOVER -> quad, PLOVER -> ACLED type) are data:
``data/export/crosswalks.yaml``, read once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..data import load_yaml
from ..model import Article, Event, Mention

# GDELT 2.0 event table, in order (GDELT Event Codebook V2.0)
_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS] + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
# GDELT 2.0 mentions table, in order
GDELT_MENTION_COLUMNS = [
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1",
                 "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country",
                 "location", "latitude", "longitude", "source", "source_scale", "notes", "fatalities"]


@dataclass
class Crosswalks:
    """data/export/crosswalks.yaml as lookups."""

    cameo_roots: dict[str, dict[str, float]]
    plover_quads: dict[str, int]
    quad_names: dict[int, str]
    acled_types: dict[str, str]


@lru_cache(maxsize=1)
def crosswalks() -> Crosswalks:
    data = load_yaml("export", "crosswalks.yaml")
    return Crosswalks(
        cameo_roots={str(k): v for k, v in data["cameo_roots"].items()},
        plover_quads=dict(data["plover_quads"]),
        quad_names={int(k): v for k, v in data["quad_names"].items()},
        acled_types=dict(data["acled_types"]),
    )


@dataclass
class ExportEvent:
    """One stored event with what the formats need of its article."""

    event: Event
    article: Article
    copies: int = 1  # articles of the same story (wire copies), this one included
    sentence_number: int = 1


def quad_class(event: Event) -> int | None:
    """1-4: the CAMEO root's quad class, else the PLOVER type's."""
    root = (event.cameo or "")[:2]
    walks = crosswalks()
    if root in walks.cameo_roots:
        return int(walks.cameo_roots[root]["quad"])
    return walks.plover_quads.get(event.type)


def goldstein(event: Event) -> float | None:
    """The Goldstein score of the event's CAMEO root (None without a CAMEO code)."""
    entry = crosswalks().cameo_roots.get((event.cameo or "")[:2])
    return float(entry["goldstein"]) if entry else None


def numeric_id(event_id: str) -> int:
    """A stable positive integer for an event id (GDELT ids are integers)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _day(item: ExportEvent) -> str:
    return (item.event.date or item.article.published or "")[:10]


def _entity(mention: Mention | None) -> list[dict[str, Any]]:
    if mention is None:
        return []
    # a sector-only code ("COP": police of no known country) names no country
    country = mention.country or ((mention.code or "")[:3] if mention.code != mention.sector else "")
    entity = {"code": country or None, "sector": mention.sector,
              "entity_text": mention.text}
    if mention.name:
        entity["identifier_text"] = mention.name
    return [{k: v for k, v in entity.items() if v is not None}]


def plover_record(item: ExportEvent) -> dict[str, Any]:
    """The PLOVER manual's JSON event record (its "Data Fields" chapter)."""
    event, article = item.event, item.article
    record: dict[str, Any] = {
        "id": event.id,
        "date": _day(item) or None,
        "actor": _entity(event.source),
        "recipient": _entity(event.target),
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "quad_code": quad_class(event),
        "event_text": [event.sentence],
        "event_loc": ({"name": event.location.name, "country": event.location.country,
                       "lat": event.location.lat, "lon": event.location.lon} if event.location else None),
        "size": {k: v for k, v in (("dead", event.dead), ("injured", event.injured)) if v is not None} or None,
        "text_info": {"sequence": item.sentence_number, "start": event.start, "end": event.end},
        "cite_info": {"corpus": "chronicle", "citation": article.id, "url": article.url, "title": article.title,
                      "language": article.language, "publication": article.publisher},
        "event_scale": goldstein(event),
        "cameo": event.cameo,
        "confidence": event.confidence,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "coder": "chronicle",
    }
    return {k: v for k, v in record.items() if v is not None or k in ("id", "date", "actor", "event")}


def _gdelt_actor(mention: Mention | None) -> list[str]:
    if mention is None:
        return [""] * len(_ACTOR_FIELDS)
    code = mention.code or ((mention.country or "") + (mention.sector or ""))
    return [code, (mention.name or mention.text).upper(), mention.country or "", "", "", "", "",
            mention.sector or "", "", ""]


def _geo(event: Event) -> list[str]:
    loc = event.location
    if loc is None:
        return [""] * len(_GEO_FIELDS)
    kind = "1" if loc.country and loc.name and loc.lat is None else "4"
    return [kind, loc.name or "", loc.country or "", loc.country or "", "",
            "" if loc.lat is None else f"{loc.lat:.4f}", "" if loc.lon is None else f"{loc.lon:.4f}", ""]


def gdelt_row(item: ExportEvent) -> list[str]:
    """The 61 columns of GDELT 2.0's event table, as strings (CAMEO codes stay strings: "043")."""
    event, article = item.event, item.article
    day = _day(item).replace("-", "")
    fraction = ""
    if len(day) == 8:
        fraction = f"{int(day[:4]) + (int(day[4:6]) - 1) / 12 + (int(day[6:]) - 1) / 365:.4f}"
    code = event.cameo or ""
    quad, score = quad_class(event), goldstein(event)
    empty_geo = [""] * len(_GEO_FIELDS)
    row = (
        [str(numeric_id(event.id)), day, day[:6], day[:4], fraction]
        + _gdelt_actor(event.source) + _gdelt_actor(event.target)
        + ["1" if item.sentence_number == 1 else "0", code, code[:3], code[:2],
           "" if quad is None else str(quad), "" if score is None else f"{score:.1f}",
           str(item.copies), str(item.copies), str(item.copies), ""]
        + empty_geo + empty_geo + _geo(event)
        + [day, article.url or article.source]
    )
    assert len(row) == len(GDELT_COLUMNS)
    return row


def gdelt_mention(item: ExportEvent) -> list[str]:
    """One row of GDELT 2.0's mentions table: where in its article the event was read."""
    event, article = item.event, item.article
    day = _day(item).replace("-", "")
    offset = lambda m: "" if m is None else str(m.start)  # noqa: E731
    return [str(numeric_id(event.id)), day, day, "1", article.publisher or "", article.url or article.source,
            str(item.sentence_number), offset(event.source), offset(event.target),
            "" if event.trigger_start is None else str(event.trigger_start), "1",
            str(round(100 * event.confidence)), str(len(article.body)), "", "", ""]


def acled_row(item: ExportEvent) -> dict[str, Any]:
    """ACLED-style columns where they map (see data/export/crosswalks.yaml for the types)."""
    event, article = item.event, item.article
    day = _day(item)
    walks = crosswalks()
    place = event.location
    name = lambda m: "" if m is None else (m.name or m.text)  # noqa: E731
    return {
        "event_id_cnty": event.id,
        "event_date": day,
        "year": day[:4],
        "event_type": walks.acled_types.get(event.type, ""),
        "sub_event_type": event.mode or event.type,
        "actor1": name(event.source),
        "assoc_actor_1": "",
        "inter1": (event.source.sector if event.source else "") or "",
        "actor2": name(event.target),
        "assoc_actor_2": "",
        "inter2": (event.target.sector if event.target else "") or "",
        "interaction": "-".join(filter(None, [(event.source.sector if event.source else None),
                                              (event.target.sector if event.target else None)])),
        "country": (place.country if place else None) or (event.source.country if event.source else "") or "",
        "location": place.name if place else "",
        "latitude": "" if not place or place.lat is None else place.lat,
        "longitude": "" if not place or place.lon is None else place.lon,
        "source": article.publisher or article.source,
        "source_scale": "",
        "notes": event.sentence,
        "fatalities": event.dead if event.dead is not None else 0,
    }


def monadic_rows(item: ExportEvent) -> list[dict[str, Any]]:
    """One row per actor of the event: its role (source/target), the actor, and the event."""
    event = item.event
    rows = []
    for role, mention, other in (("source", event.source, event.target), ("target", event.target, event.source)):
        if mention is None:
            continue
        rows.append({
            "event_id": event.id, "article_id": item.article.id, "date": _day(item), "role": role,
            "actor": mention.name or mention.text, "actor_code": mention.code, "country": mention.country,
            "sector": mention.sector, "counterpart": None if other is None else (other.name or other.text),
            "type": event.type, "cameo": event.cameo, "quad_class": quad_class(event),
            "confidence": event.confidence, "sentence": event.sentence,
        })
    return rows


def dyadic_row(item: ExportEvent) -> dict[str, Any]:
    """One flat row per event (the jsonl/csv/parquet export)."""
    event = item.event
    m = lambda x, k: None if x is None else getattr(x, k)  # noqa: E731
    return {
        "event_id": event.id, "article_id": item.article.id, "date": _day(item), "type": event.type,
        "mode": event.mode, "cameo": event.cameo, "quad_class": quad_class(event), "goldstein": goldstein(event),
        "source": m(event.source, "name") or m(event.source, "text"), "source_code": m(event.source, "code"),
        "source_country": m(event.source, "country"), "source_sector": m(event.source, "sector"),
        "target": m(event.target, "name") or m(event.target, "text"), "target_code": m(event.target, "code"),
        "target_country": m(event.target, "country"), "target_sector": m(event.target, "sector"),
        "negated": event.negated, "hypothetical": event.hypothetical, "confidence": event.confidence,
        "place": event.location.name if event.location else None, "dead": event.dead, "injured": event.injured,
        "trigger": event.trigger, "sentence": event.sentence, "start": event.start, "end": event.end,
        "url": item.article.url, "publisher": item.article.publisher, "copies": item.copies,
    }


EVENT_FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt", "acled")


def sentence_number(body: str, start: int) -> int:
    """1 + the sentence ends (". ", "? ", "! " or a line break) before ``start``: the GDELT
    SentenceID and PLOVER text_info.sequence of an event (an approximation of the parser's split)."""
    head = body[:start]
    ends = sum(head.count(mark) for mark in (". ", "? ", "! ", ".\n", "?\n", "!\n"))
    return 1 + ends + head.count("\n\n")


def write_events(items: list[ExportEvent], fmt: str, out: str, monadic: bool = False,
                 partition_by: str | None = None) -> int:
    """Write ``items`` to the file ``out`` in ``fmt``; gdelt also writes ``<out>.mentions``
    (without a .csv/.tsv suffix rule: the mentions file sits beside the events file); parquet
    with ``partition_by`` (month or publisher) writes a dataset folder ``out``.
    Returns the number of rows written."""
    import csv
    import json

    from . import write_rows

    if fmt not in EVENT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(EVENT_FORMATS)}")
    if partition_by is not None and fmt != "parquet":
        raise ValueError("--partition-by writes a Parquet dataset: use --format parquet")
    if fmt == "gdelt":
        with open(out, "w", encoding="utf-8", newline="") as events_file, \
                open(out + ".mentions", "w", encoding="utf-8", newline="") as mentions_file:
            for item in items:  # GDELT's files: tab-separated, no header, no quoting
                events_file.write("\t".join(_tsv(v) for v in gdelt_row(item)) + "\n")
                mentions_file.write("\t".join(_tsv(v) for v in gdelt_mention(item)) + "\n")
        return len(items)
    if fmt == "plover":
        with open(out, "w", encoding="utf-8") as handle:
            for item in items:
                handle.write(json.dumps(plover_record(item), ensure_ascii=False) + "\n")
        return len(items)
    if fmt == "acled":
        rows = [acled_row(item) for item in items]
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        return len(rows)
    rows = [r for item in items for r in monadic_rows(item)] if monadic else [dyadic_row(item) for item in items]
    if fmt == "parquet" and partition_by is not None:
        from .dataset import write_partitioned

        return write_partitioned(rows, out, partition_by)
    if fmt == "parquet":
        return write_rows(rows, fmt, out)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        return write_rows(rows, fmt, handle)


def _tsv(value: str) -> str:
    # GDELT files are tab-separated with no quoting: tabs and line breaks in text become spaces
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
