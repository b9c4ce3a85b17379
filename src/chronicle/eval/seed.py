"""The seed document against its hand-made gold (``gold/seed.json``): metadata, actors, events
(and quotes, through ``seed_quotes.score`` when the quotes engineer's module is present).

Events: a ``required`` item is found when an output event from its evidence sentence has the
gold type (or an acceptable one) and source/target on the first three letters. Precision: the
share of output events that match a required or acceptable item. ``wrong``: events from
outside English prose (the masthead), Antonov coded as police, an actor as its own target.
In: the seed document path (or shared folder). Out: figures dict.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from chronicle.config import Config, load_config
from chronicle.model import Actor, Analysis, Article, Document, Event

from .scoring import same_actor

DOCUMENT = "corpus/afgazad-2012-03-14-russia-syria.md"
GOLD = "gold/seed.json"
METADATA_FIELDS = ("publisher", "section", "agency", "title", "published", "language")


def evaluate(path: str | Path, config: Config | None = None) -> dict:
    doc_path, gold = _locate(Path(path))
    article = build_seed_article(doc_path)
    analysis = analyze_seed(article, config or load_config())
    result = {
        "name": "seed",
        "metadata": score_metadata(article, gold["metadata"]),
        "actors": score_actors(analysis.actors, gold["actors"]),
        "events": score_events(analysis.events, gold["events"]),
    }
    quotes = _score_quotes(analysis, article, gold)
    if quotes is not None:
        result["quotes"] = quotes
    return result


def _locate(path: Path) -> tuple[Path, dict]:
    """The seed document and its gold from a document path or the shared folder."""
    if path.is_dir():
        root, document = path, path / DOCUMENT
    else:
        root, document = path.resolve().parents[1], path
    return document, json.loads((root / GOLD).read_text(encoding="utf-8"))


def build_seed_article(path: Path) -> Article:
    """The seed document through the readers and articles stages."""
    from chronicle.articles import build_article
    from chronicle.readers import read

    return build_article(read(Document(source=str(path), content=path.read_bytes())))


def analyze_seed(article: Article, config: Config) -> Analysis:
    from chronicle.analysis import Analyzer

    return next(Analyzer(config).analyze([article], raise_failures=True))


# ---------------------------------------------------------------------- metadata


def score_metadata(article: Article, gold: dict) -> dict:
    checks = {name: getattr(article, name) == gold[name] for name in METADATA_FIELDS if name in gold}
    checks["body_starts_with"] = article.body.startswith(gold["body_starts_with"])
    checks["body_ends_with"] = article.body.rstrip().endswith(gold["body_ends_with"])
    checks["not_in_body"] = not any(s in article.body for s in gold.get("not_in_body", []))
    checks["body_contains"] = all(s in article.body for s in gold.get("body_contains", []))
    return {"right": sum(checks.values()), "of": len(checks), "wrong": [k for k, ok in checks.items() if not ok]}


# ---------------------------------------------------------------------- actors


def score_actors(actors: list[Actor], gold: list[dict]) -> dict:
    """Each gold actor: found among the output actors by name (or a mention's text), with the
    gold country and sector (or an acceptable sector)."""
    wrong = []
    for item in gold:
        found = _find_actors(actors, [item["name"], *item.get("aliases", [])])
        if not found:
            wrong.append(f"{item['name']}: not found")
            continue
        # a name can be several actors ("Moscow" the government, "in Moscow" the place)
        codes = [_country_sector(actor) for actor in found]
        sectors = [item.get("sector"), *item.get("acceptable_sectors", [])]
        if not any(c == item["country"] and (item.get("sector") is None or s in sectors) for c, s in codes):
            wrong.append(f"{item['name']}: " + ", ".join(f"{c} {s}" for c, s in codes))
    return {"right": len(gold) - len(wrong), "of": len(gold), "wrong": wrong}


def _find_actors(actors: list[Actor], names: list[str]) -> list[Actor]:
    keys = {_key(n) for n in names}
    return [a for a in actors if any(_key(t) in keys for t in [a.name or "", *(m.text for m in a.mentions)])]


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).removeprefix("the ").strip()


def _country_sector(actor: Actor) -> tuple[str | None, str | None]:
    country = actor.country or (actor.code[:3] if actor.code else None)
    return country, actor.sector


# ---------------------------------------------------------------------- events


def score_events(events: list[Event], gold: dict) -> dict:
    required = gold["required"]
    found = {item["id"]: any(_matches(e, item, True) for e in events) for item in required}
    items = required + gold.get("acceptable", [])
    # an article repeats its events: any sentence coding a gold (type, source, target) counts
    matched = [e for e in events if any(_matches(e, item, False) for item in items)]
    in_evidence = [e for e in events if any(_matches(e, item, True) for item in items)]
    wrong = [_describe(e) for e in events if _wrong(e)]
    return {
        "required_found": sum(found.values()),
        "required": len(required),
        "missing": [k for k, ok in found.items() if not ok],
        "output": len(events),
        "precision": _share(matched, events),
        "precision_evidence_sentence": _share(in_evidence, events),
        "unmatched": [_describe(e) for e in events if e not in matched],
        "wrong": wrong,
    }


def _share(part: list, whole: list) -> float:
    return round(len(part) / len(whole), 3) if whole else 0.0


def _matches(event: Event, item: dict, same_sentence: bool) -> bool:
    """Type (or an acceptable type) and actors agree; with ``same_sentence``, the event also
    comes from the item's evidence sentence."""
    types = [item["type"], *item.get("acceptable_types", [])]
    if event.type not in types or (same_sentence and not _in_evidence(event, item["evidence"])):
        return False
    source = event.source.code if event.source else None
    target = event.target.code if event.target else None
    if not _actor_ok(item.get("source"), item.get("acceptable_sources", []), source):
        return False
    return _actor_ok(item.get("target"), item.get("acceptable_targets", []), target)


def _actor_ok(gold: str | None, acceptable: list[str], predicted: str | None) -> bool:
    if gold is None:
        return True
    return same_actor(gold, predicted) or (predicted is not None and predicted in acceptable)


def _in_evidence(event: Event, evidence: str) -> bool:
    """The event's sentence holds a fragment (three words or more) of the gold evidence."""
    sentence = _norm(event.sentence)
    fragments = [f for f in re.split(r"\s*(?:\.\.\.|/)\s*", evidence) if len(f.split()) >= 3]
    return any(_norm(f) in sentence for f in fragments)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\"'“”’]", "", text).lower().split())


def _wrong(event: Event) -> bool:
    """Coded from non-English lines, Antonov as police, or a source that is its own target."""
    if any(ord(c) > 0x024F for c in event.sentence if c.isalpha()):
        return True
    if event.source and event.target and event.source.actor_id and event.source.actor_id == event.target.actor_id:
        return True
    return any(m is not None and "antonov" in (m.text + (m.name or "")).lower() and m.sector == "COP" for m in (event.source, event.target))


def _describe(event: Event) -> str:
    source = event.source.code if event.source else "-"
    target = event.target.code if event.target else "-"
    return f"{event.type} {source}->{target} [{event.trigger}] {event.sentence[:70]}"


def _score_quotes(analysis: Analysis, article: Article, gold: dict) -> Any:
    """Quotes figures from the quotes engineer's scorer, or None while it is absent."""
    try:
        from .seed_quotes import score
    except ImportError:
        return None
    return score(analysis.quotes, article, gold["quotes"])
