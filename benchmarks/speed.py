"""Analysis speed on the PolNeAR dev articles: bare spaCy against the whole pipeline.

    python -m benchmarks.speed [--n-process N] [--limit N]

In one run, with the same articles, batch size and number of processes: words/s of the bare
spaCy pipeline (``nlp.pipe``), of articles -> actors -> events, and of articles -> actors ->
events -> quotes. Prints the pipeline's share of bare spaCy speed (the issue asks >= 0.75) and
the cost of quotes. Words are whitespace-separated words of the article bodies.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import deque

from chronicle.analysis import Analyzer
from chronicle.config import load_config, shared_dir
from chronicle.model import Article


def load_articles(limit: int | None) -> list[Article]:
    folder = shared_dir() / "bench" / "polnear" / "dev" / "text"
    paths = sorted(folder.glob("*.txt"))[:limit]
    return [
        Article(id=p.stem, source=str(p), body=p.read_text(encoding="utf-8"), language="en", published="2016-10-01")
        for p in paths
    ]


def _consume(items) -> None:
    deque(items, maxlen=0)


def _words_per_second(words: int, seconds: float) -> float:
    return round(words / seconds, 1) if seconds else 0.0


def _median_times(runs: dict, repeat: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of ``repeat`` timings of each run, taken in turns so that
    load from other processes on the machine falls on all of them alike. CPU time is this
    process's only: with n_process > 1 the wall time is the figure to read."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            samples[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    return {
        name: (statistics.median(w for w, _ in times), statistics.median(c for _, c in times))
        for name, times in samples.items()
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n-process", type=int, default=None, help="spaCy processes (default: config)")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=3, help="timings per run; the median counts")
    args = parser.parse_args(argv)
    config = load_config(n_process=args.n_process)
    articles = load_articles(args.limit)
    words = sum(len(a.body.split()) for a in articles)
    with_quotes, without_quotes = Analyzer(config, quotes=True), Analyzer(config, quotes=False)
    nlp = without_quotes.nlp
    list(nlp.pipe([a.body for a in articles[:4]]))  # warm up caches and lexicons in this process
    list(without_quotes.analyze(articles[:4]))
    list(with_quotes.analyze(articles[:4]))
    runs = {  # outputs are consumed, not kept: holding every Doc would slow the bare run
        "bare": lambda: _consume(nlp.pipe((a.body for a in articles), batch_size=config.batch_size, n_process=config.n_process)),
        "events": lambda: _consume(without_quotes.analyze(articles)),
        "full": lambda: _consume(with_quotes.analyze(articles)),
    }
    times = _median_times(runs, args.repeat)
    (bare, bare_cpu), (events, events_cpu), (full, full_cpu) = times["bare"], times["events"], times["full"]
    figures = {
        "articles": len(articles),
        "words": words,
        "n_process": config.n_process,
        "spacy_words_per_s": _words_per_second(words, bare),
        "events_words_per_s": _words_per_second(words, events),
        "events_quotes_words_per_s": _words_per_second(words, full),
        "repeat": args.repeat,
        "events_ratio_to_spacy": round(bare / events, 3),
        "events_quotes_ratio_to_spacy": round(bare / full, 3),
        "quotes_overhead": round(full / events - 1, 3),
        "cpu_events_ratio_to_spacy": round(bare_cpu / events_cpu, 3),
        "cpu_events_quotes_ratio_to_spacy": round(bare_cpu / full_cpu, 3),
    }
    for key, value in figures.items():
        print(f"{key}: {value}")
    return figures


if __name__ == "__main__":
    main()
