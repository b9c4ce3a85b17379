"""Typed sentences: our own news-style sentences with one PLOVER type each, scored as the
issue's held-out measure: the share of sentences whose type is among the events coded for
them, and the share coded with nothing. Two batches: ``typed_sentences.yaml`` (studied: its
misses guided fixes) and ``typed_sentences_2.yaml`` (written before those fixes, never studied:
the out-of-sample figure).

    python -m benchmarks.typed [--show] [--batch 1|2]

Needs no shared data. ``--show`` prints each miss with the events that were coded instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from chronicle.config import load_config
from chronicle.eval.scoring import analyze_all, sentence_article

BATCHES = {"1": Path(__file__).parent / "data" / "typed_sentences.yaml",
           "2": Path(__file__).parent / "data" / "typed_sentences_2.yaml"}


def load(path: Path = BATCHES["1"]) -> tuple[str, list[tuple[str, str]]]:
    """Publication date and (type, sentence) pairs."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return raw["date"], [(t, s) for t, sentences in raw["sentences"].items() for s in sentences]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print the misses")
    parser.add_argument("--batch", choices=sorted(BATCHES), action="append", help="batch to score (default: each)")
    args = parser.parse_args(argv)
    config = load_config()
    return {f"batch{b}": _score(BATCHES[b], config, args.show) for b in args.batch or sorted(BATCHES)}


def _score(path: Path, config, show: bool) -> dict:
    date, items = load(path)
    articles = [sentence_article(str(i), text, date) for i, (_, text) in enumerate(items)]
    analyses = analyze_all(articles, config)
    right = silent = 0
    per_type: dict[str, list[int]] = {}
    for i, (gold, text) in enumerate(items):
        events = analyses[f"gold-{i}"].events
        hit = any(e.type == gold for e in events)
        right += hit
        silent += not events
        per_type.setdefault(gold, []).append(hit)
        if show and not hit:
            coded = [f"{e.type} {e.source.code if e.source else '-'}->{e.target.code if e.target else '-'} [{e.trigger}]" for e in events]
            print(f"MISS {gold}: {text}\n     coded: {coded}")
    figures = {
        "sentences": len(items),
        "right_type_share": round(right / len(items), 3),
        "no_event_share": round(silent / len(items), 3),
        "per_type": {t: f"{sum(h)}/{len(h)}" for t, h in per_type.items()},
    }
    print(f"{path.name}: {len(items)} sentences  right type {figures['right_type_share']}  nothing coded {figures['no_event_share']}")
    print("  " + "  ".join(f"{t} {v}" for t, v in figures["per_type"].items()))
    return figures


if __name__ == "__main__":
    main()
