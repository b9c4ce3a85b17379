"""PETR2 GSR: 78 newswire sentences with expected CAMEO (source, target, code) triples.

``evaluate(path, config)``: gold codes become PLOVER types through the ontology's
``CAMEO2PLOVER-2021.txt`` (codes it gives no type, 01 and 02, are left out); actors agree on
their first three letters (``---`` matches any). Precision is over predicted triples, recall
over gold triples; events on sentences with no gold event are false positives, and one
predicted event on the actors of a left-out gold event is set aside (``excused_unmapped``).
Gold actors are Phoenix codes, so the Phoenix actor and agent dictionaries are loaded as user
dictionaries, as a user would; and the gold was coded by CAMEO conventions, so it is scored
with ``event_conventions = "cameo"`` (as a user continuing a CAMEO series would set it), with
the figures under the default PLOVER conventions beside them (``plover_conventions``).
In: the XML path (or its folder); the shared folder is found from it. Out: figures dict.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from chronicle.config import Config, load_config

from .petr_records import read_records
from .scoring import (
    Triple,
    TypeScores,
    analyze_all,
    event_triples,
    load_cameo2plover,
    match_triples,
    plover_type,
    same_actor,
    sentence_article,
)

FILE = "PETR2_GSR_validation.xml"
PHOENIX_ACTOR_FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
]


def shared_root(path: Path) -> Path:
    """The shared data folder above a benchmark file or folder (the one holding ontology/)."""
    for parent in [path, *path.parents]:
        if (parent / "ontology").is_dir():
            return parent
    raise FileNotFoundError(f"{path}: no ontology/ folder above it (is this the shared data folder?)")


def evaluate(path: str | Path, config: Config | None = None) -> dict:
    config = config or load_config()
    result = _evaluate(path, dataclasses.replace(config, event_conventions="cameo"))
    plover = _evaluate(path, dataclasses.replace(config, event_conventions="plover"))
    result["plover_conventions"] = plover["overall"]
    return result


def _evaluate(path: str | Path, config: Config) -> dict:
    path = Path(path)
    xml = path / FILE if path.is_dir() else path
    root = shared_root(xml.resolve())
    table = load_cameo2plover(str(root / "ontology" / "CAMEO2PLOVER-2021.txt"))
    phoenix = [str(root / "dictionaries" / "phoenix" / name) for name in PHOENIX_ACTOR_FILES]
    config = dataclasses.replace(config, dictionaries=[*config.dictionaries, *phoenix])
    records = read_records(xml)
    # the shipped Phoenix files hold a few malformed lines (bad dates): skip them, as PETRARCH does
    analyses = analyze_all((sentence_article(r.id, r.text, r.date) for r in records), config, strict=False)
    scores = TypeScores()
    excused = 0
    scored = [r for r in records if r.text]  # one record carries a parse but no text: nothing to code
    for record in scored:
        coded = [(e.source, e.target, plover_type(e.code, table)) for e in record.events]
        gold = [g for g in coded if g[2] is not None]
        unmapped = [g for g in coded if g[2] is None]
        predicted, spared = _spare_unmapped(gold, unmapped, event_triples(analyses[f"gold-{record.id}"]))
        excused += spared
        match_triples(gold, predicted, scores)
    return {
        "name": "petr2-gsr",
        "conventions": config.event_conventions,
        "sentences": len(scored),
        "skipped_no_text": len(records) - len(scored),
        "excused_unmapped": excused,
        **scores.figures(),
    }


def _spare_unmapped(gold: list[Triple], unmapped: list[Triple], predicted: list[Triple]) -> tuple[list[Triple], int]:
    """Predicted triples left to score, and how many were set aside: a gold event whose CAMEO
    code has no PLOVER type (01 statements, 02 appeals) is left out of the scoring, and so is
    one predicted event on its actors that no typed gold event claims (it is the coder's
    reading of that untyped event, neither right nor wrong by this gold)."""
    left = list(predicted)
    spared = 0
    for g_source, g_target, _ in unmapped:
        hit = next(
            (p for p in left if same_actor(g_source, p[0]) and same_actor(g_target, p[1]) and not _claimed(p, gold)),
            None,
        )
        if hit is not None:
            left.remove(hit)
            spared += 1
    return left, spared


def _claimed(triple: Triple, gold: list[Triple]) -> bool:
    return any(g[2] == triple[2] and same_actor(g[0], triple[0]) and same_actor(g[1], triple[1]) for g in gold)
