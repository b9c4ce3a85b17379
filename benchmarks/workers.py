"""The whole analysis (parse and every component) in 1 and in 2 processes, in one run.

    python -m benchmarks.workers [--limit N] [--repeat N]

On the PolNeAR dev articles, with the default components: words/s of ``Analyzer.analyze``
with ``n_process=1`` and with ``n_process=2`` (each article analysed wholly in a worker
process), timed in turns (median of ``repeat``), warm (pipeline loaded, workers started). The
figure the analysis-house issue asks for: ``speedup`` >= 1.7 on two cores.
"""

from __future__ import annotations

import argparse
import os

from chronicle.analysis import Analyzer
from chronicle.config import load_config

from .speed import _consume, _median_times, _words_per_second, load_articles


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=3, help="timings per run; the median counts")
    args = parser.parse_args(argv)
    articles = load_articles(args.limit)
    words = sum(len(a.body.split()) for a in articles)
    one = Analyzer(load_config(n_process=1))
    two = Analyzer(load_config(n_process=2))
    _consume(one.analyze(articles[:4]))
    _consume(two.analyze(articles[:8]))  # starts the workers
    times = _median_times({"one": lambda: _consume(one.analyze(articles)),
                           "two": lambda: _consume(two.analyze(articles))}, args.repeat)
    two.close()
    figures = {
        "articles": len(articles),
        "words": words,
        "cores": os.cpu_count(),
        "repeat": args.repeat,
        "one_process_words_per_s": _words_per_second(words, times["one"][0]),
        "two_processes_words_per_s": _words_per_second(words, times["two"][0]),
        "speedup": round(times["one"][0] / times["two"][0], 3),
    }
    for key, value in figures.items():
        print(f"{key}: {value}")
    return figures


if __name__ == "__main__":
    main()
