"""A Dask cluster (``chronicle ingest --dask tcp://HOST:8786`` or ``--dask local:N``).

Each partition is two tasks: ``read_partition`` (its result, the raw text, stays in the worker's
memory) and ``finish_partition`` on that result (Dask runs it where the text is). Only file
names and slice bounds go out, only the learner's small counts and the finished records come
back: no document's bytes pass through the scheduler or the client. Each worker process keeps
one Analyzer (``tasks.analyzer_for``), so the NLP pipeline is loaded once per worker.

``--dask local:N`` starts its workers (``local_cluster``) without the allocator setting Dask
gives every worker it spawns (``MALLOC_TRIM_THRESHOLD_=65536``, which turns off glibc's
adaptive thresholds): with it, a worker spent about a quarter more CPU on the same
partitions (benchmarks.scale). Workers of a cluster of your own are started by you (README).

A worker that dies loses its tasks and the text it held: the scheduler runs them again on
another worker (its own retries, up to ``distributed.scheduler.allowed-failures``); the one
writer here stores each partition once.
"""

from __future__ import annotations

from typing import Any

from chronicle.config import Config
from chronicle.sources import SourceOptions

from . import tasks
from .tasks import Slice

RETRIES = 2  # reruns of a task that raised (a worker's death is retried by the scheduler itself)
GATHERS = 3  # tries to fetch a finished task's result whose worker died while it was being fetched


WORKER_ENVIRON = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}  # None: not set


def local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` one-thread worker processes, as ``--dask local:N`` starts it
    (also the benchmark's yardstick: bare spaCy on the same processes)."""
    import dask
    from distributed import LocalCluster  # the `scale` extra

    with dask.config.set(WORKER_ENVIRON):  # read by each Nanny as it is made, kept for restarts
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


def parse_address(address: str) -> tuple[str, int | None]:
    """``local:N`` -> ("local", N); a scheduler address -> (address, None)."""
    if address.startswith("local"):
        count = address.partition(":")[2] or "2"
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"--dask local:N needs a number of workers, not {address!r}")
        return "local", int(count)
    return address, None


class DaskBackend:
    """``engine.Backend`` over a ``distributed.Client``."""

    def __init__(self, address: str, config: Config, options: SourceOptions, articles_only: bool) -> None:
        from distributed import Client  # the `scale` extra

        where, count = parse_address(address)
        self.cluster = None
        if where == "local":
            self.cluster = local_cluster(count)
            self.client = Client(self.cluster)
        else:
            self.client = Client(where, timeout=30)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or (count or 1))
        self.config, self.options, self.articles_only = config, options, articles_only

    def read(self, slices: list[Slice]) -> tuple[Any, Any]:
        raws = self.client.submit(tasks.read_partition, slices, self.options, self.config, pure=False, retries=RETRIES)
        seen = self.client.submit(tasks.observe_partition, raws, self.config, pure=False, retries=RETRIES)
        return raws, seen

    def seen(self, handle: tuple[Any, Any]) -> list[tasks.Seen]:
        return _result(handle[1])

    def finish(self, handle: tuple[Any, Any], kept: list[int], windows: list[int], verdicts: dict[int, Any]) -> Any:
        return self.client.submit(tasks.finish_partition, handle[0], kept, windows, verdicts, self.config,
                                  self.articles_only, pure=False, retries=RETRIES)

    def items(self, handle: Any) -> list[Any]:
        return _result(handle)

    def done(self, handle: Any) -> bool:
        future = handle[1] if isinstance(handle, tuple) else handle
        return future.done()

    def wait(self, handles: list[Any]) -> None:
        from distributed import wait

        futures = [h[1] if isinstance(h, tuple) else h for h in handles]
        if futures and not any(f.done() for f in futures):
            wait(futures, return_when="FIRST_COMPLETED")

    def release(self, handle: Any) -> None:
        for future in handle if isinstance(handle, tuple) else (handle,):
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _result(future: Any) -> Any:
    """A future's result. A task that raised raises here; a result lost because its worker died
    while the client was fetching it ("Couldn't gather keys, rescheduling") is computed again by
    the scheduler, so it is waited for again, up to GATHERS times, instead of failing the
    partition's documents."""
    for attempt in range(GATHERS):
        try:
            return future.result()
        except Exception:
            if future.status == "error" or attempt == GATHERS - 1:
                raise
    raise AssertionError("unreachable")
