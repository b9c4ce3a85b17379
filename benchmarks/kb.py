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
    wd.update(_wikidata_memory())
    overhead = _pipeline_overhead()
    figures = {**wd, **overhead, "build_s": round(build_s, 2), "entries": stats["entries"], "aliases": stats["aliases"],
               "lookup_cold_us": round(cold_us, 1), "lookup_warm_us": round(warm_us, 1),
               **{f"{k}_{m}": round(v[m], 3) for k, v in splits.items() for m in ("country", "sector")}}
    print(figures)
    return figures


def _wikidata_speed(entities: int = 40_000, repeat: int = 3) -> dict:
    """`kb build --wikidata` on a generated dump in the real dump's layout and mix
    (benchmarks/wikidata_dump.py), gzip-compressed, timed in turns against bare ``gzip -dc`` of the
    same file (the floor: a build reads the dump twice). MB/s are of the uncompressed JSON and of the
    .gz file; ``full_dump_hours`` projects both passes onto a full dump of FULL_DUMP_GB uncompressed
    at the measured rate."""
    import shutil
    import subprocess

    from chronicle.kb.wikidata import build_wikidata

    from .speed import _median_times
    from .wikidata_dump import write

    with tempfile.TemporaryDirectory() as tmp:
        dump = write(Path(tmp) / "dump.json.gz", entities)
        raw_mb = sum(len(line) for line in _gunzip_lines(dump)) / 1e6
        gz_mb = dump.stat().st_size / 1e6
        kb_path = Path(tmp) / "wd.sqlite"
        stats: dict = {}

        def build() -> None:
            kb_path.unlink(missing_ok=True)
            stats.update(build_wikidata(dump, kb_path, shipped=False))

        def gunzip() -> None:
            subprocess.run([shutil.which("gzip") or "gzip", "-dc", str(dump)], stdout=subprocess.DEVNULL, check=True)

        times = _median_times({"build": build, "gunzip": gunzip}, repeat)
    build_s, gunzip_s = times["build"][0], times["gunzip"][0]
    rate = raw_mb / build_s
    return {"wikidata_dump_entities": entities, "wikidata_dump_mb": round(raw_mb, 1), "wikidata_dump_gz_mb": round(gz_mb, 1),
            "wikidata_build_s": round(build_s, 2), "wikidata_gunzip_s": round(gunzip_s, 2),
            "wikidata_mb_per_s": round(rate, 1), "wikidata_gz_mb_per_s": round(gz_mb / build_s, 1),
            "wikidata_build_vs_two_gunzips": round(build_s / (2 * gunzip_s), 2),
            "wikidata_full_dump_hours": round(FULL_DUMP_GB * 1e3 / rate / 3600, 1),
            "wikidata_people": int(stats["wikidata_people"]), "wikidata_orgs": int(stats["wikidata_orgs"])}


def _wikidata_memory(sizes: tuple[int, ...] = (10_000, 40_000)) -> dict:
    """Peak memory (RSS) of `kb build --wikidata` in a process of its own on generated dumps of
    ``sizes`` entities: a build that streams keeps about the same peak on a dump four times larger."""
    import subprocess
    import sys

    from .scale import PeakMemory
    from .wikidata_dump import write

    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            dump = write(Path(tmp) / f"dump{n}.json.gz", n)
            script = ("import sys; from pathlib import Path; from chronicle.kb.wikidata import build_wikidata; "
                      "build_wikidata(Path(sys.argv[1]), Path(sys.argv[2]), shipped=False)")
            # sampled: a child's ru_maxrss starts from this (large) process's size
            with PeakMemory(every=0.05) as memory:
                subprocess.run([sys.executable, "-c", script, str(dump), str(Path(tmp) / f"wd{n}.sqlite")],
                               capture_output=True, check=True)
            peaks[n] = memory.worker_peak_mb(minimum_mb=0)
    return {f"wikidata_peak_mb_{n}": mb for n, mb in peaks.items()}


FULL_DUMP_GB = 1_400  # latest-all.json uncompressed, about 1.4 TB (2022-2023 dumps; 115 GiB as .gz)


def _gunzip_lines(path: Path):
    import gzip

    with gzip.open(path, "rb") as fh:
        yield from fh
