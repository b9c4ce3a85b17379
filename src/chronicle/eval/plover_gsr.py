"""PLOVER gold standard records: 322 sentences, each with one PLOVER event type and its
source/target actors (ISO-3 code + sector).

``evaluate(path, config)``: per sentence, the gold type is found when one of the sentence's
output events has it (old PLOVER 0.5 names mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE,
INVESTIGATE->ACCUSE, FIGHT->ASSAULT); every other type output counts as a false positive.
``source_right``: share of found events whose source agrees with a gold source on its first
three letters. ``right_type_share`` is the share of sentences whose gold type is among their
events (the issue's held-out measure, here on this set) and ``no_event_share`` the share where
nothing was coded. In: the file (or its folder). Out: figures dict.
"""

from __future__ import annotations

import json
from pathlib import Path

from chronicle.config import Config, load_config

from .scoring import TypeScores, analyze_all, same_actor, sentence_article

FILE = "PLOVER_GSR_CAMEO.txt"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def read_records(path: Path) -> list[dict]:
    """The event records (the DOCUMENT note left out), with ``type`` in current PLOVER names
    and ``sources`` as a list of codes."""
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        if raw.get("event") in (None, "DOCUMENT") or not raw.get("text"):
            continue
        sources = raw.get("source") or []
        records.append(
            {
                "id": raw["id"],
                "text": raw["text"],
                "date": raw.get("date"),
                "type": OLD_NAMES.get(raw["event"], raw["event"]),
                "sources": [s.get("code") for s in sources if isinstance(s, dict)],
            }
        )
    return records


def evaluate(path: str | Path, config: Config | None = None) -> dict:
    path = Path(path)
    records = read_records(path / FILE if path.is_dir() else path)
    analyses = analyze_all((sentence_article(r["id"], r["text"], r["date"]) for r in records), config or load_config())
    scores = TypeScores()
    found = source_right = silent = 0
    for record in records:
        events = analyses[f"gold-{record['id']}"].events
        hits = [e for e in events if e.type == record["type"]]
        silent += not events
        scores.add(record["type"], "tp" if hits else "fn")
        for other in {e.type for e in events} - {record["type"]}:
            scores.add(other, "fp")
        if hits:
            found += 1
            source_right += any(_source_ok(record["sources"], e.source.code if e.source else None) for e in hits)
    return {
        "name": "plover-gsr",
        "sentences": len(records),
        **scores.figures(),
        "source_right": round(source_right / found, 3) if found else 0.0,
        "right_type_share": round(found / len(records), 3) if records else 0.0,
        "no_event_share": round(silent / len(records), 3) if records else 0.0,
    }


def _source_ok(gold_sources: list[str | None], predicted: str | None) -> bool:
    codes = [c for c in gold_sources if c]
    return not codes or any(same_actor(c, predicted) for c in codes)
