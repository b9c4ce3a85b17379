"""Ingest by many processes and on a Dask cluster: the store one process makes, and no document
lost or stored twice when a worker dies mid-run."""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronicle.pipeline as pipeline
import chronicle.scale as scale
import chronicle.scale.engine as engine
from chronicle.cli import EXIT_SOME_FAILED, app
from chronicle.config import load_config
from chronicle.pipeline import ingest
from chronicle.store import open_store

NAMES = ["Russia", "Syria", "Iran", "France", "Germany", "China", "Turkey", "Egypt"]
VERBS = ["accused", "criticized", "praised", "met with", "threatened", "urged", "condemned", "supported"]
DOCUMENTS = 24  # good ones, in two publishers' folders


def make_corpus(root: Path) -> Path:
    """Two publishers' stories with their own chrome (one learnt later than the other), a
    near-copy (one story of two), an empty file, a binary file and nothing else."""
    rng = random.Random(5)
    corpus = root / "corpus"
    for folder in ("wire", "post"):
        (corpus / folder).mkdir(parents=True)
    for i in range(DOCUMENTS):
        folder = "post" if i % 3 == 0 else "wire"
        a, b = rng.sample(NAMES, 2)
        chrome = ["DAILY WIRE SERVICE", "Home | World | Politics"] if folder == "wire" else \
                 ["THE EVENING POST", "Subscribe today for full access"]
        if i > 10:
            chrome.append("Breaking news alerts by email")
        lines = chrome + [
            f"{a} {rng.choice(VERBS)} {b} on Tuesday, officials said.",
            f'"We will not accept this," said the foreign minister of {a}, according to reports.',
            f"The government of {b} {rng.choice(VERBS)} the {rng.choice(NAMES)} delegation in talks number {i}.",
            "Copyright 2012. All rights reserved.",
        ]
        (corpus / folder / f"story{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    first = (corpus / "wire" / "story001.txt").read_text(encoding="utf-8")
    (corpus / "post" / "copy.txt").write_text(first.replace("Tuesday", "Wednesday"), encoding="utf-8")
    (corpus / "wire" / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "wire" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    return corpus


def contents(target: str) -> dict:
    """Everything a user can read back: records (articles, actors, events, quotes), stories,
    failures, counts and the learnt boilerplate."""
    with open_store(target) as store:
        ids = [a.id for a in store.articles()]
        return {
            "records": {i: store.record(i).to_dict() for i in ids},
            "stories": [s.to_dict() for s in store.stories()],
            "failures": sorted((f.source, f.stage, f.reason) for f in store.failures()),
            "stats": store.stats().to_dict(),
            "boilerplate": store.boilerplate(),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("scale"))


@pytest.fixture
def small_windows(monkeypatch):
    """Windows of 5 documents and partitions of 3 files: the learner's state changes between
    windows, and a partition spans windows, as on a big corpus."""
    monkeypatch.setattr(pipeline, "WINDOW", 5)
    monkeypatch.setattr(engine, "FILES_PER_PARTITION", 3)


def ingest_into(target: str, corpus: Path, articles_only: bool = False, **how) -> pipeline.IngestSummary:
    config = load_config()
    with open_store(target) as store:
        if how:
            return scale.ingest([str(corpus), "no-such-input"], store, config, articles_only=articles_only, **how)
        return ingest([str(corpus), "no-such-input"], store, config, articles_only=articles_only)


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    """The store one process makes of the corpus (windows of 5, partitions of 3), and its summary."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "WINDOW", 5)
        target = str(tmp_path_factory.mktemp("one") / "one.db")
        summary = ingest_into(target, corpus)
    expected = contents(target)
    assert expected["stats"]["events"] and expected["stats"]["quotes"] and expected["stats"]["stories"] >= 1
    assert expected["boilerplate"] and len(expected["failures"]) == 3
    assert (summary.documents, summary.stored, summary.failed) == (DOCUMENTS + 4, DOCUMENTS + 1, 3)
    return expected, summary


@pytest.mark.slow
def test_two_workers_store_what_one_process_stores(tmp_path, corpus, small_windows, one_process):
    expected, one = one_process
    two = ingest_into(str(tmp_path / "two.db"), corpus, workers=2)
    assert contents(str(tmp_path / "two.db")) == expected
    assert (two.documents, two.stored, two.failed) == (one.documents, one.stored, one.failed)


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_stores_what_one_process_stores(tmp_path, corpus, small_windows, one_process):
    pytest.importorskip("distributed")
    expected, one = one_process
    on_dask = ingest_into(str(tmp_path / "dask.db"), corpus, dask="local:2")
    assert contents(str(tmp_path / "dask.db")) == expected
    assert (on_dask.documents, on_dask.stored, on_dask.failed) == (one.documents, one.stored, one.failed)


@pytest.mark.slow
def test_a_second_parallel_ingest_skips_what_the_first_stored(tmp_path, corpus, small_windows):
    target = str(tmp_path / "store.db")
    ingest_into(target, corpus, articles_only=True, workers=2)  # no analysis: quick, the same skipping
    before = contents(target)
    again = ingest_into(target, corpus, articles_only=True, workers=2)
    assert again.skipped == DOCUMENTS + 1 and again.stored == 0
    assert contents(target)["records"] == before["records"]


def _grandchildren() -> list[int]:
    """Worker processes: the pool's processes are forked by its server, a child of this one."""
    import psutil

    return [c.pid for p in psutil.Process().children() for c in p.children()]


def stored_once(target: str) -> None:
    with open_store(target) as store:
        stats = store.stats()
        sources = [a.source for a in store.articles()]
    assert stats.documents == stats.articles == DOCUMENTS + 1
    assert len(sources) == len(set(sources)) == DOCUMENTS + 1


@pytest.mark.slow
def test_a_killed_worker_process_loses_no_document_and_stores_none_twice(tmp_path, corpus, monkeypatch):
    pytest.importorskip("psutil")  # finds the worker processes (it comes with the `scale` extra)
    monkeypatch.setattr(engine, "FILES_PER_PARTITION", 2)
    killed = []

    def kill_one(summary, _item):
        if summary.documents >= 2 and not killed and (workers := _grandchildren()):
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    target = str(tmp_path / "store.db")
    with open_store(target) as store:
        summary = scale.ingest([str(corpus)], store, load_config(), workers=2, progress=kill_one)
    assert killed
    assert (summary.documents, summary.stored, summary.failed) == (DOCUMENTS + 3, DOCUMENTS + 1, 2)
    stored_once(target)


@pytest.mark.slow
def test_a_killed_dask_worker_loses_no_document_and_stores_none_twice(tmp_path, corpus, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(engine, "FILES_PER_PARTITION", 2)
    killed = []
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())

        def kill_one(summary, _item):
            if summary.documents >= 2 and not killed:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        target = str(tmp_path / "store.db")
        with open_store(target) as store:
            summary = scale.ingest([str(corpus)], store, load_config(), dask=cluster.scheduler_address,
                                   progress=kill_one)
    assert killed
    assert (summary.documents, summary.stored, summary.failed) == (DOCUMENTS + 3, DOCUMENTS + 1, 2)
    stored_once(target)


def test_ingest_with_workers_from_the_command_line(tmp_path, corpus):
    runner = CliRunner()
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(one), "--articles-only"]).exit_code == EXIT_SOME_FAILED
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(two), "--articles-only", "--workers", "2"])
    assert result.exit_code == EXIT_SOME_FAILED  # two documents failed, as in one process
    assert "stored" in result.output
    assert contents(str(two))["records"] == contents(str(one))["records"]


def test_workers_refuse_stdin_and_a_bad_dask_address(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "s.db"), "--workers", "2"])
    assert result.exit_code == 2 and "stdin" in result.output
    result = runner.invoke(app, ["ingest", "x", "--db", str(tmp_path / "s.db"), "--dask", "local:none"])
    assert result.exit_code == 2 and "local:N" in result.output


def test_a_dask_result_lost_while_fetched_is_waited_for_again_and_a_task_error_is_not():
    pytest.importorskip("distributed")
    from chronicle.scale.cluster import DaskBackend

    class Future:  # as distributed's: a fetch that loses its worker leaves the key to be recomputed
        def __init__(self, outcomes, status):
            self.outcomes, self.status = list(outcomes), status

        def result(self):
            outcome = self.outcomes.pop(0)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

    backend = DaskBackend.__new__(DaskBackend)  # no cluster needed to read a future
    assert backend.items(Future([OSError("Couldn't gather keys"), ["record"]], "pending")) == ["record"]
    with pytest.raises(ValueError):
        backend.items(Future([ValueError("the task itself raised"), ["record"]], "error"))


@pytest.mark.slow
def test_a_local_dask_cluster_leaves_the_allocator_of_its_workers_alone(monkeypatch):
    # Dask sets MALLOC_TRIM_THRESHOLD_ in every worker it spawns, which cost a quarter more CPU
    distributed = pytest.importorskip("distributed")
    from chronicle.scale.cluster import local_cluster

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with local_cluster(1) as cluster, distributed.Client(cluster) as client:
        assert list(client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()) == [None]
        assert list(client.run(lambda: __import__("os").environ.get("OMP_NUM_THREADS")).values()) == ["1"]
