"""Long articles: does analysis time grow with the article, not with its square?

    python -m benchmarks.long [--sizes 1000 4000 16000]

Builds articles of about N words from our own typed sentences (``benchmarks/data``), repeated
in order (so a few people and countries recur thousands of times, the hard case for pronoun
and mention lookups), and times the whole analysis (actors, events, quotes) against bare spaCy
on the same text in the same run. Needs no shared data. Prints words/s per size and the ratio
of the largest size's words/s to the smallest's (1.0 = linear).
"""

from __future__ import annotations

import argparse
import time

from chronicle.analysis import Analyzer
from chronicle.model import Article

from .typed import BATCHES, load


def article(words: int) -> Article:
    _, items = load(BATCHES["1"])
    text, parts = 0, []
    while text < words:
        for _, sentence in items:
            parts.append(sentence)
            text += len(sentence.split())
            if text >= words:
                break
    body = "\n\n".join(" ".join(parts[i : i + 4]) for i in range(0, len(parts), 4))  # paragraphs of 4
    return Article(id=f"long-{words}", source="benchmarks.long", body=body, language="en", published="2024-05-14")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    args = parser.parse_args(argv)
    analyzer = Analyzer()
    next(analyzer.analyze([article(200)]))  # warm up: model and lexicons loaded
    rows = {}
    for size in args.sizes:
        art = article(size)
        words = len(art.body.split())
        started = time.perf_counter()
        analyzer.nlp(art.body)
        bare = time.perf_counter() - started
        started = time.perf_counter()
        result = next(analyzer.analyze([art], raise_failures=True))
        whole = time.perf_counter() - started
        rows[size] = {"words": words, "spacy_words_per_s": round(words / bare), "pipeline_words_per_s": round(words / whole),
                      "ratio_to_spacy": round(bare / whole, 3), "events": len(result.events)}
        print(f"{words:>6} words: spaCy {rows[size]['spacy_words_per_s']:>6} w/s, pipeline {rows[size]['pipeline_words_per_s']:>6} w/s"
              f" ({rows[size]['ratio_to_spacy']}x), {len(result.events)} events", flush=True)
    first, last = rows[args.sizes[0]], rows[args.sizes[-1]]
    growth = round(last["pipeline_words_per_s"] / first["pipeline_words_per_s"], 3)
    print(f"pipeline words/s at {args.sizes[-1]} words vs {args.sizes[0]}: {growth} (1.0 = linear)")
    return {"sizes": rows, "words_per_s_largest_vs_smallest": growth}


if __name__ == "__main__":
    main()
