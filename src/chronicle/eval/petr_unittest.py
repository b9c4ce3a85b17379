"""PETRARCH unit-test records: 284 sentences about fictional countries, coded with the
``PETR.Validate.*`` dictionaries loaded as user dictionaries (actors, agents, verbs).

``evaluate(path, config)``: an expected event is found when an output event has its source
and target (first three letters, ``---`` matching any) and either the same CAMEO code (the
user verb file's codes, many outside CAMEO) or the same PLOVER type. In: the folder (or the
records file). Out: figures dict with ``found`` (share of expected events found).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from chronicle.config import Config, load_config
from chronicle.model import Event

from .petr2_gsr import shared_root
from .petr_records import GoldEvent, read_records
from .scoring import Counts, analyze_all, load_cameo2plover, plover_type, same_actor, sentence_article

RECORDS = "PETR.UnitTest.records.xml"
DICTIONARIES = ["PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt"]


def evaluate(path: str | Path, config: Config | None = None) -> dict:
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    table = load_cameo2plover(str(shared_root(folder.resolve()) / "ontology" / "CAMEO2PLOVER-2021.txt"))
    user = [str(folder / name) for name in DICTIONARIES]
    config = dataclasses.replace(config or load_config(), dictionaries=[*(config.dictionaries if config else []), *user])
    records = read_records(folder / RECORDS)
    # keyed by position: the file repeats some ids (AGENTS-18, AGENTS-19) for other sentences
    analyses = analyze_all((sentence_article(f"{n}-{r.id}", r.text, r.date) for n, r in enumerate(records)), config)
    counts = Counts()
    quiet = 0
    for n, record in enumerate(records):
        events = list(analyses[f"gold-{n}-{record.id}"].events)
        quiet += record.no_events and not events
        for gold in record.events:
            hit = next((e for e in events if _matches(gold, e, table)), None)
            if hit is None:
                counts.fn += 1
            else:
                counts.tp += 1
                events.remove(hit)
        counts.fp += len(events)
    expected = counts.tp + counts.fn
    return {
        "name": "petr-unittest",
        "sentences": len(records),
        "expected_events": expected,
        "found": round(counts.tp / expected, 3) if expected else 0.0,
        "no_event_sentences_kept_quiet": f"{quiet}/{sum(r.no_events for r in records)}",
        "overall": counts.figures(),
    }


def _matches(gold: GoldEvent, event: Event, table: dict[str, str]) -> bool:
    source = event.source.code if event.source else None
    target = event.target.code if event.target else None
    if not (same_actor(gold.source, source) and same_actor(gold.target, target)):
        return False
    return event.cameo == gold.code or (plover_type(gold.code, table) or "?") == event.type
