"""The actor knowledge base: build time of the shipped KB, lookup cost per mention, and the
actor-strings scores (study / held-out): `python -m benchmarks.run kb`."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from chronicle.kb import KnowledgeBase
from chronicle.kb.build import build_shipped
from chronicle.kb.evaluate import load_gold, score


def _pipeline_overhead(limit: int = 30, repeat: int = 3) -> dict:
    """Whole analysis of PolNeAR dev articles with the shipped KB consulted (``actor_kb =
    "shipped"``) against without, timed in turns in one run: the KB's cost to the pipeline."""
    from chronicle.analysis import Analyzer
    from chronicle.config import load_config

    from .speed import _consume, _median_times, load_articles

    articles = load_articles(limit)
    plain, with_kb = Analyzer(load_config(actor_kb="")), Analyzer(load_config(actor_kb="shipped"))
    _consume(plain.analyze(articles[:2]))
    _consume(with_kb.analyze(articles[:2]))
    times = _median_times({"plain": lambda: _consume(plain.analyze(articles)),
                           "kb": lambda: _consume(with_kb.analyze(articles))}, repeat)
    return {"pipeline_articles": len(articles), "pipeline_plain_s": round(times["plain"][0], 2),
            "pipeline_kb_s": round(times["kb"][0], 2), "kb_overhead": round(times["kb"][0] / times["plain"][0] - 1, 3)}


def main(argv: list[str] | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.sqlite"
        t0 = time.perf_counter()
        stats = build_shipped(path)
        build_s = time.perf_counter() - t0
        kb = KnowledgeBase.open(path)
        names = [row["text"] for row in load_gold()]
        t0 = time.perf_counter()
        for name in names:  # cold: one indexed query each
            kb.lookup(name, "2025-06-01")
        cold_us = (time.perf_counter() - t0) / len(names) * 1e6
        fresh = KnowledgeBase.open(path)
        t0 = time.perf_counter()
        for _ in range(10):
            for name in names:
                fresh.lookup(name, "2025-06-01")
        warm_us = (time.perf_counter() - t0) / (10 * len(names)) * 1e6
        splits = score(kb)["splits"]
        kb.conn.close()
        fresh.conn.close()
    wd = _wikidata_speed()
    overhead = _pipeline_overhead()
    figures = {**wd, **overhead, "build_s": round(build_s, 2), "entries": stats["entries"], "aliases": stats["aliases"],
               "lookup_cold_us": round(cold_us, 1), "lookup_warm_us": round(warm_us, 1),
               **{f"{k}_{m}": round(v[m], 3) for k, v in splits.items() for m in ("country", "sector")}}
    print(figures)
    return figures


def _wikidata_speed(copies: int = 400) -> dict:
    """MB/s of dump for `kb build --wikidata`: the test fixture's entities repeated under new ids."""
    import json
    import re

    from chronicle.kb.wikidata import build_wikidata

    fixture = Path(__file__).resolve().parent.parent / "tests" / "data" / "wikidata_fixture.json"
    lines = [ln.rstrip(",\n") for ln in fixture.read_text(encoding="utf-8").splitlines()
             if ln.startswith('{"id"')]
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.json"
        with dump.open("w", encoding="utf-8") as fh:
            fh.write("[\n")
            for k in range(copies):
                for ln in lines:
                    fh.write(re.sub(r'"Q9(\d{5})"', lambda m: f'"Q{k}9{m.group(1)}"', ln) + ",\n")
            fh.write("]\n")
        stats = build_wikidata(dump, Path(tmp) / "wd.sqlite", shipped=False)
        mb = dump.stat().st_size / 1e6
    return {"wikidata_dump_mb": round(mb, 1), "wikidata_mb_per_s": float(stats["dump_mb_per_s"]),
            "wikidata_entries": stats["entries"]}
