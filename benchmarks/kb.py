"""The actor knowledge base: build time of the shipped KB, lookup cost per mention, and the
actor-strings scores (study / held-out): `python -m benchmarks.run kb`."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from chronicle.kb import KnowledgeBase
from chronicle.kb.build import build_shipped
from chronicle.kb.evaluate import load_gold, score


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
    figures = {"build_s": round(build_s, 2), "entries": stats["entries"], "aliases": stats["aliases"],
               "lookup_cold_us": round(cold_us, 1), "lookup_warm_us": round(warm_us, 1),
               **{f"{k}_{m}": round(v[m], 3) for k, v in splits.items() for m in ("country", "sector")}}
    print(figures)
    return figures
