"""Actor coding on the PLOVER gold standard: `python -m benchmarks.run actors`.

For every gold source/target actor of ../shared/bench/plover-gsr (its ``actorText`` located in
the sentence), finds the mention ActorResolver gives for that text and reports: found (a
mention covers it), country (first three letters of the code agree with the gold code) and
sector (where the gold names one: its primary, first three letters, so "CVLalb" is CVL; "***"
names none). Actor coding alone: no events are involved.
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from chronicle.analysis.components import actor_resolver
from chronicle.config import load_config
from chronicle.analysis.nlp import load_nlp
from chronicle.config import shared_dir
from chronicle.model import Article


def main(argv: list[str] | None = None) -> dict:
    """Score actor codes over the PLOVER GSR sentences; prints and returns the figures."""
    argv = sys.argv[1:] if argv is None else argv
    limit = int(argv[0]) if argv else None
    records = _records()[:limit]
    nlp, resolver = load_nlp(), actor_resolver(load_config())
    counts: Counter[str] = Counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        actors = resolver.resolve(doc, Article(id=record["id"], source="plover-gsr", body=record["text"]))
        for gold in _gold_actors(record):
            _score(counts, actors, record["text"], gold)
    figures = _figures(counts)
    print(json.dumps(figures, indent=2))
    return figures


def _records() -> list[dict]:
    path = shared_dir() / "bench" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    return [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]


def _gold_actors(record: dict) -> list[dict]:
    actors = []
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            actors += [a for a in value if a.get("actorText") and a.get("code")]
    return actors


def _score(counts: Counter[str], actors, text: str, gold: dict) -> None:
    start = text.find(gold["actorText"])
    if start < 0:
        return
    counts["gold"] += 1
    mention = actors.mention_for_span(start, start + len(gold["actorText"]))
    if mention is None or not mention.code:
        return
    counts["found"] += 1
    counts["country"] += mention.code[:3] == gold["code"][:3]
    sector = (gold.get("sector") or "")[:3].upper()
    if sector and sector != "***":  # "***": the gold coder left the sector open
        counts["with_sector"] += 1
        counts["sector"] += (mention.sector or "")[:3] == sector  # the primary sector: "CVLalb" is CVL


def _figures(counts: Counter[str]) -> dict:
    gold, found = counts["gold"] or 1, counts["found"] or 1
    return {
        "gold_actors": counts["gold"],
        "found": round(counts["found"] / gold, 3),
        "country_of_found": round(counts["country"] / found, 3),
        "country_of_all": round(counts["country"] / gold, 3),
        "sector_where_gold_has_one": round(counts["sector"] / (counts["with_sector"] or 1), 3),
    }


if __name__ == "__main__":
    main()
