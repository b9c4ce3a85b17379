"""PETR2 GSR: 78 newswire sentences with expected CAMEO (source, target, code) triples.

``evaluate(path, config)``: gold codes become PLOVER types through the ontology's
``CAMEO2PLOVER-2021.txt`` (codes it gives no type, 01 and 02, are left out); actors agree on
their first three letters (``---`` matches any). Gold actors are Phoenix codes, so the Phoenix
actor and agent dictionaries are loaded as user dictionaries, as a user would.
In: the XML path (or its folder); the shared folder is found from it. Out: figures dict.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from chronicle.config import Config, load_config

from .petr_records import read_records
from .scoring import TypeScores, analyze_all, event_triples, load_cameo2plover, match_triples, plover_type, sentence_article

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
    path = Path(path)
    xml = path / FILE if path.is_dir() else path
    root = shared_root(xml.resolve())
    table = load_cameo2plover(str(root / "ontology" / "CAMEO2PLOVER-2021.txt"))
    phoenix = [str(root / "dictionaries" / "phoenix" / name) for name in PHOENIX_ACTOR_FILES]
    config = dataclasses.replace(config or load_config(), dictionaries=[*(config.dictionaries if config else []), *phoenix])
    records = read_records(xml)
    # the shipped Phoenix files hold a few malformed lines (bad dates): skip them, as PETRARCH does
    analyses = analyze_all((sentence_article(r.id, r.text, r.date) for r in records), config, strict=False)
    scores = TypeScores()
    for record in records:
        gold = [(e.source, e.target, plover_type(e.code, table)) for e in record.events]
        gold = [g for g in gold if g[2] is not None]
        match_triples(gold, event_triples(analyses[f"gold-{record.id}"]), scores)
    return {"name": "petr2-gsr", "sentences": len(records), **scores.figures()}
