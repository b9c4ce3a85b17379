"""Typed sentences: our own news-style sentences with one PLOVER type each
(``benchmarks/data/typed_sentences.yaml``), scored as the issue's held-out measure: the share
of sentences whose type is among the events coded for them, and the share coded with nothing.

    python -m benchmarks.typed [--show]

Needs no shared data. ``--show`` prints each miss with the events that were coded instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from chronicle.config import load_config
from chronicle.eval.scoring import analyze_all, sentence_article

DATA = Path(__file__).parent / "data" / "typed_sentences.yaml"


def load(path: Path = DATA) -> tuple[str, list[tuple[str, str]]]:
    """Publication date and (type, sentence) pairs."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return raw["date"], [(t, s) for t, sentences in raw["sentences"].items() for s in sentences]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print the misses")
    args = parser.parse_args(argv)
    date, items = load()
    articles = [sentence_article(str(i), text, date) for i, (_, text) in enumerate(items)]
    analyses = analyze_all(articles, load_config())
    right = silent = 0
    per_type: dict[str, list[int]] = {}
    for i, (gold, text) in enumerate(items):
        events = analyses[f"gold-{i}"].events
        hit = any(e.type == gold for e in events)
        right += hit
        silent += not events
        per_type.setdefault(gold, []).append(hit)
        if args.show and not hit:
            coded = [f"{e.type} {e.source.code if e.source else '-'}->{e.target.code if e.target else '-'} [{e.trigger}]" for e in events]
            print(f"MISS {gold}: {text}\n     coded: {coded}")
    figures = {
        "sentences": len(items),
        "right_type_share": round(right / len(items), 3),
        "no_event_share": round(silent / len(items), 3),
        "per_type": {t: f"{sum(h)}/{len(h)}" for t, h in per_type.items()},
    }
    print(f"typed sentences: {len(items)}  right type {figures['right_type_share']}  nothing coded {figures['no_event_share']}")
    print("  " + "  ".join(f"{t} {v}" for t, v in figures["per_type"].items()))
    return figures


if __name__ == "__main__":
    main()
