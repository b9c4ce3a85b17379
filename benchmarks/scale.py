"""Ingest end to end, from files to a committed store, in 1 and 2 processes and on Dask.

    python -m benchmarks.scale [--limit N] [--only NAME ...]

On the PolNeAR train articles (``$CHRONICLE_SHARED/bench/polnear/train/text``, 840 files):
documents/s and words/s of ``chronicle ingest`` (``pipeline.ingest``) in one process and of
``chronicle ingest --workers 2`` on SQLite and on PostgreSQL (``CHRONICLE_PG_DSN``, a fresh
schema per run; left out without it), and of ``--dask local:2`` on SQLite; the peak memory
(RSS) of each worker process; and, in the same run, bare spaCy (``nlp.pipe`` over the same
stored bodies) with 1 and 2 processes as the yardstick, measured right after each store's pair
of runs (``bare_spacy_N_words_per_s_sqlite`` / ``_postgres``: a slow spell of the host then
weighs on both sides of a ratio), and right after the Dask run bare spaCy on a
LocalCluster of 2 workers (``bare_spacy_dask2_words_per_s``: the same spawned worker processes,
started as ``--dask local:2`` starts them (``chronicle.scale.cluster.local_cluster``), each
loading the pipeline once; ``vs_bare_spacy_forked`` keeps the ratio to spaCy's own forked
processes). Each timing starts from files and
ends with the store committed, worker start-up and model loading included (after one untimed
warm-up, so imports and a cold disk cache fall on no run). A one-process run, and bare spaCy
in one process, run in a fresh process of their own (the model loaded in the timing, as the
multi-process runs load theirs), and a one-process run's ``peak_worker_mb`` is that process's peak.

The targets the scale-out issue sets: ``speedup_2_workers`` >= 1.8, ``ingest_vs_bare_spacy``
>= 0.75 with the same processes (each run's ``vs_bare_spacy``: against bare spaCy with as many
processes), ``peak_worker_mb`` <= 1024.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

from chronicle.config import load_config, shared_dir
from chronicle.pipeline import ingest
from chronicle.scale.engine import FILES_PER_PARTITION
from chronicle.store import open_store

RUNS = ("one_sqlite", "workers2_sqlite", "one_postgres", "workers2_postgres", "dask2_sqlite")
# runs in groups, each followed by its yardstick (bare spaCy with the same processes)
GROUPS = (("sqlite", ("one_sqlite", "workers2_sqlite")), ("postgres", ("one_postgres", "workers2_postgres")),
          ("dask", ("dask2_sqlite",)))


class PeakMemory:
    """Samples the RSS of this process's descendants (worker processes) every ``every`` seconds."""

    def __init__(self, every: float = 0.2) -> None:
        import psutil

        self._psutil, self.every = psutil, every
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = self._psutil.Process()
        while not self._stop.wait(self.every):
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except self._psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)

    def worker_peak_mb(self, minimum_mb: float = 150) -> float:
        """The largest peak of a process big enough to be a worker (not a fork server or tracker)."""
        sizes = [rss / 2**20 for rss in self.peaks.values() if rss / 2**20 >= minimum_mb]
        return round(max(sizes), 1) if sizes else 0.0


def _self_peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _fresh_pg_schema(dsn: str) -> tuple[str, str]:
    import psycopg
    from urllib.parse import quote

    schema = f"chronicle_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in dsn else "?"
    return schema, f"{dsn}{separator}options={quote(f'-csearch_path={schema}')}"


def _drop_pg_schema(dsn: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _ingest(name: str, paths: list[str], target: str) -> dict:
    import chronicle.scale as scale

    config = load_config(n_process=1)
    started = time.perf_counter()
    with PeakMemory() as memory, open_store(target) as store:
        if name.startswith("one"):
            summary = ingest(paths, store, config)
        elif name.startswith("workers2"):
            summary = scale.ingest(paths, store, config, workers=2)
        else:
            summary = scale.ingest(paths, store, config, dask="local:2")
    seconds = time.perf_counter() - started
    with open_store(target) as store:
        words = sum(len(a.body.split()) for a in store.articles())
        stats = store.stats()
    peak = memory.worker_peak_mb() if not name.startswith("one") else _self_peak_mb()
    return {"seconds": round(seconds, 2), "documents": summary.documents, "stored": summary.stored,
            "failed": summary.failed, "events": stats.events, "words": words,
            "docs_per_s": round(summary.documents / seconds, 2), "words_per_s": round(words / seconds, 1),
            "peak_worker_mb": peak}


def _alone(fn, *args):
    """``fn(*args)`` in a fresh process of its own: a one-process run's peak memory is then its
    own (this process's holds every run before it), and it loads the model as a user's command
    does, in the timing (this process has it cached since the warm-up)."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def _bare_spacy(bodies: list[str], n_process: int) -> float:
    """Words/s of the bare spaCy pipeline over ``bodies`` with ``n_process`` processes, model load
    and process start included (as the ingests include theirs)."""
    from chronicle.analysis.nlp import load_nlp

    config = load_config()
    words = sum(len(b.split()) for b in bodies)
    started = time.perf_counter()
    nlp = load_nlp(config.spacy_model)
    for _ in nlp.pipe(bodies, batch_size=config.batch_size, n_process=n_process):
        pass
    return round(words / (time.perf_counter() - started), 1)


_PIPELINE = {}  # per Dask worker process: the spaCy pipeline, loaded by the first partition


def _pipe_partition(bodies: list[str], model: str, batch_size: int) -> int:
    """One partition of the Dask yardstick, on a worker: bare ``nlp.pipe`` (the pipeline loaded
    once per worker, as ``chronicle.scale.tasks.analyzer_for`` loads Chronicle's)."""
    from chronicle.analysis.nlp import load_nlp

    nlp = _PIPELINE.get(model) or _PIPELINE.setdefault(model, load_nlp(model))
    for _ in nlp.pipe(bodies, batch_size=batch_size):
        pass
    return len(bodies)


def _bare_spacy_dask(bodies: list[str], workers: int, partition: int = FILES_PER_PARTITION) -> float:
    """Words/s of bare spaCy on the processes a ``--dask local:N`` ingest uses: a LocalCluster of
    ``workers`` one-thread worker processes started, the pipeline loaded in each, the bodies
    sent out in partitions of as many documents as the ingest's (a partition of files each);
    cluster start and model loading included, as the Dask ingest includes its own."""
    from distributed import Client

    from chronicle.scale.cluster import local_cluster

    config = load_config()
    words = sum(len(b.split()) for b in bodies)
    started = time.perf_counter()
    with local_cluster(workers) as cluster, Client(cluster) as client:
        parts = [bodies[i : i + partition] for i in range(0, len(bodies), partition)]
        futures = [client.submit(_pipe_partition, part, config.spacy_model, config.batch_size, pure=False) for part in parts]
        done = sum(client.gather(futures))
    seconds = time.perf_counter() - started
    assert done == len(bodies)
    return round(words / seconds, 1)


def _warm_up(paths: list[str]) -> None:
    """Import everything and load the model once, untimed, so the first run timed is not the
    only one to pay for a cold start (each run still loads its own pipeline)."""
    from chronicle.pipeline import extract_records

    for _ in extract_records(paths[:2], load_config(n_process=1)):
        pass


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--only", nargs="*", choices=RUNS, default=None, help="these runs only")
    args = parser.parse_args(argv)
    folder = shared_dir() / "bench" / "polnear" / "train" / "text"
    paths = [str(p) for p in sorted(folder.glob("*.txt"))[: args.limit]]
    if not paths:
        raise SystemExit(f"no articles in {folder} (set CHRONICLE_SHARED)")
    dsn = os.environ.get("CHRONICLE_PG_DSN")
    runs = [r for r in (args.only or RUNS) if dsn or "postgres" not in r]
    figures: dict = {"articles": len(paths), "cores": os.cpu_count(), "postgres": bool(dsn)}
    work = Path(tempfile.mkdtemp(prefix="chronicle-scale-"))
    bodies: list[str] = []
    _warm_up(paths)
    try:
        for backend, members in GROUPS:
            group = [r for r in members if r in runs]
            for name in group:
                schema = None
                if name.endswith("postgres"):
                    schema, target = _fresh_pg_schema(dsn)
                else:
                    target = str(work / f"{name}.db")
                try:
                    figures[name] = _alone(_ingest, name, paths, target) if name.startswith("one") else _ingest(name, paths, target)
                    if not bodies:
                        with open_store(target) as store:
                            bodies = [a.body for a in store.articles()]
                finally:
                    if schema:
                        _drop_pg_schema(dsn, schema)
                print(f"{name}: {figures[name]}", flush=True)
            # the yardstick right after the runs it judges, so that the host's drift over the
            # half hour of the benchmark falls on both sides of each ratio alike
            if group and backend == "dask":
                figures["bare_spacy_dask2_words_per_s"] = _bare_spacy_dask(bodies, 2)
            elif group:
                for processes in (1, 2):
                    figures[f"bare_spacy_{processes}_words_per_s_{backend}"] = (
                        _alone(_bare_spacy, bodies, 1) if processes == 1 else _bare_spacy(bodies, 2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for processes in (1, 2):  # the first store's yardstick, under the names earlier runs used
        found = [figures[k] for k in (f"bare_spacy_{processes}_words_per_s_{b}" for b, _ in GROUPS) if k in figures]
        if found:
            figures[f"bare_spacy_{processes}_words_per_s"] = found[0]
    if "one_sqlite" in figures and "workers2_sqlite" in figures:
        figures["speedup_2_workers"] = round(figures["workers2_sqlite"]["docs_per_s"] / figures["one_sqlite"]["docs_per_s"], 3)
        figures["ingest_vs_bare_spacy_1"] = round(
            figures["one_sqlite"]["words_per_s"] / figures["bare_spacy_1_words_per_s_sqlite"], 3)
        figures["ingest_vs_bare_spacy_2"] = round(
            figures["workers2_sqlite"]["words_per_s"] / figures["bare_spacy_2_words_per_s_sqlite"], 3)
    if "one_postgres" in figures and "workers2_postgres" in figures:
        figures["speedup_2_workers_postgres"] = round(
            figures["workers2_postgres"]["docs_per_s"] / figures["one_postgres"]["docs_per_s"], 3)
    for name in runs:  # every run against bare spaCy with as many processes, measured right after it
        processes = 1 if name.startswith("one") else 2
        yardstick = figures.get(f"bare_spacy_{processes}_words_per_s_{name.rsplit('_', 1)[1]}") \
            or figures.get(f"bare_spacy_{processes}_words_per_s")
        if yardstick is None:  # a Dask run alone: only its own yardstick was measured
            yardstick = _bare_spacy(bodies, processes)
            figures[f"bare_spacy_{processes}_words_per_s"] = yardstick
        figures[name]["vs_bare_spacy"] = round(figures[name]["words_per_s"] / yardstick, 3)
    if "dask2_sqlite" in runs:  # the same processes: spawned Dask workers, not spaCy's forked ones
        figures["dask2_sqlite"]["vs_bare_spacy_forked"] = figures["dask2_sqlite"]["vs_bare_spacy"]
        figures["dask2_sqlite"]["vs_bare_spacy"] = round(
            figures["dask2_sqlite"]["words_per_s"] / figures["bare_spacy_dask2_words_per_s"], 3)
    figures["peak_worker_mb"] = max((v["peak_worker_mb"] for v in figures.values() if isinstance(v, dict)), default=0)
    for key, value in figures.items():
        if not isinstance(value, dict):
            print(f"{key}: {value}")
    return figures


if __name__ == "__main__":
    main()
