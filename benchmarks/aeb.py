"""Article-extraction benchmark (Zyte AEB, 181 news pages): body quality and speed.

Runs, on the same pages in one run (each page through every system in turn), trafilatura alone
(default settings, and favor_precision) and Chronicle's HTML reader (chronicle.eval.aeb.read_body).
Quality is the benchmark's metric (chronicle.eval.aeb): F1 of the page-averaged precision and
recall over word 4-gram shingles, and beside it the mean of per-page F1 (the form of the shared
README's trafilatura figures). Speed is the median time per page from the same HTML bytes: CPU
time of this process (steady on a busy machine; the ratio to trafilatura default is taken on it)
and wall-clock time.

    python -m benchmarks.aeb [--limit N] [--root PATH]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from chronicle.config import shared_dir
from chronicle.eval.aeb import PageScore, aggregate, iter_pages, load_gold, read_body, score_page

Extractor = Callable[[bytes], str | None]


def _trafilatura(**mode: bool) -> Extractor:
    def run(html: bytes) -> str | None:
        return trafilatura.extract(html, include_comments=False, **mode)

    return run


SYSTEMS: dict[str, Extractor] = {
    "trafilatura": _trafilatura(),
    "trafilatura favor_precision": _trafilatura(favor_precision=True),
    "chronicle": read_body,
}


def run(root: Path, limit: int | None = None) -> dict[str, dict[str, float]]:
    """Run every system on every page (interleaved, so machine load hits all alike); return figures."""
    gold = load_gold(root)
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    scores: dict[str, list[PageScore]] = {name: [] for name in SYSTEMS}
    times: dict[str, list[float]] = {name: [] for name in SYSTEMS}
    wall: dict[str, list[float]] = {name: [] for name in SYSTEMS}
    for key, html in iter_pages(root, ids):
        for name, extract in SYSTEMS.items():
            started, wall_started = time.process_time(), time.perf_counter()
            body = extract(html)
            times[name].append(time.process_time() - started)  # CPU: other processes do not count
            wall[name].append(time.perf_counter() - wall_started)
            scores[name].append(score_page(gold[key], body))
    figures = {}
    for name in SYSTEMS:
        figures[name] = aggregate(scores[name])
        figures[name]["median_ms"] = 1000 * statistics.median(times[name])
        figures[name]["median_wall_ms"] = 1000 * statistics.median(wall[name])
        figures[name]["total_s"] = sum(times[name])
    figures["chronicle"]["speed_ratio"] = figures["chronicle"]["median_ms"] / figures["trafilatura"]["median_ms"]
    return figures


def print_table(figures: dict[str, dict[str, float]]) -> None:
    print(f"{'system':<30}{'F1':>7}{'P':>7}{'R':>7}{'pageF1':>8}{'CPU ms/page':>12}{'ratio':>7}{'wall ms':>9}")
    base = figures["trafilatura"]["median_ms"]
    for name, f in figures.items():
        ratio = f["median_ms"] / base
        print(
            f"{name:<30}{f['f1']:>7.3f}{f['precision']:>7.3f}{f['recall']:>7.3f}"
            f"{f['f1_page_mean']:>8.3f}{f['median_ms']:>12.1f}{ratio:>7.2f}{f['median_wall_ms']:>9.1f}"
        )
    print(
        f"pages: {int(figures['chronicle']['pages'])}  (F1 of page-mean P and R, as the AEB's evaluate.py;"
        " pageF1: mean of per-page F1, as the shared README's trafilatura figures)"
    )


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Parse arguments, run the benchmark, print the table, return the figures."""
    parser = argparse.ArgumentParser(prog="benchmarks.aeb", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=shared_dir() / "bench" / "aeb")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only (quick checks)")
    args = parser.parse_args(argv)
    figures = run(args.root, args.limit)
    print_table(figures)
    return figures


if __name__ == "__main__":
    main()
