"""Worker processes on this machine (``chronicle ingest --workers N``).

A pool of N processes, each loading the NLP pipeline once (``tasks.start_worker``). A worker
that dies (killed, out of memory) breaks the pool: a new pool is started and every task not
finished is run again, up to ``MAX_TRIES`` times each; the raw text of a read partition is kept
here, so only the lost steps are redone.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from chronicle.config import Config
from chronicle.sources import SourceOptions

from . import tasks
from .tasks import Slice

MAX_TRIES = 3  # runs of one task before its documents are recorded as failed


class _Job:
    def __init__(self, fn: Any, args: tuple) -> None:
        self.fn, self.args = fn, args
        self.tries = 0
        self.future: cf.Future | None = None


class LocalBackend:
    """``engine.Backend`` over a process pool that survives the death of its workers."""

    def __init__(self, workers: int, config: Config, options: SourceOptions, articles_only: bool) -> None:
        self.workers = workers
        self.config, self.options, self.articles_only = config, options, articles_only
        self._jobs: list[_Job] = []  # submitted and not yet collected
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        methods = multiprocessing.get_all_start_methods()
        # forkserver: workers fork from a clean process (never from this one's threads, such as
        # the progress bar's); with the tasks module preloaded, a replacement starts fast
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            context.set_forkserver_preload(["chronicle.scale.tasks"])
        return cf.ProcessPoolExecutor(self.workers, mp_context=context, initializer=tasks.start_worker,
                                      initargs=(self.config, self.articles_only))

    def _submit(self, job: _Job) -> _Job:
        job.tries += 1
        job.future = self._pool.submit(job.fn, *job.args)
        self._jobs.append(job)
        return job

    # ------------------------------------------------------------------ Backend

    def read(self, slices: list[Slice]) -> _Job:
        return self._submit(_Job(tasks.read_and_observe, (slices, self.options, self.config)))

    def seen(self, handle: _Job) -> list[tasks.Seen]:
        return self._result(handle)[1]

    def finish(self, handle: _Job, kept: list[int], windows: list[int], verdicts: dict[int, Any]) -> _Job:
        raws = self._result(handle)[0]
        return self._submit(_Job(tasks.finish_partition,
                                 (raws, kept, windows, verdicts, self.config, self.articles_only)))

    def items(self, handle: _Job) -> list[Any]:
        return self._result(handle)

    def done(self, handle: _Job) -> bool:
        self._recover()
        assert handle.future is not None
        return handle.future.done()

    def wait(self, handles: list[_Job]) -> None:
        self._recover()
        futures = [h.future for h in handles if h.future is not None]
        if futures and not any(f.done() for f in futures):
            cf.wait(futures, return_when=cf.FIRST_COMPLETED)
        self._recover()

    def release(self, handle: _Job) -> None:
        if handle in self._jobs:
            self._jobs.remove(handle)
        handle.future = None
        handle.args = ()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    # ------------------------------------------------------------------ dead workers

    def _result(self, handle: _Job) -> Any:
        self._recover()
        assert handle.future is not None
        return handle.future.result()

    def _recover(self) -> None:
        """When a worker died, start a new pool and run again every job not finished."""
        broken = [j for j in self._jobs if j.future is not None and j.future.done()
                  and isinstance(j.future.exception(), BrokenProcessPool)]
        if not broken:
            return
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        lost = [j for j in self._jobs if j.future is not None
                and (not j.future.done() or isinstance(j.future.exception(), BrokenProcessPool))]
        for job in lost:
            self._jobs.remove(job)
            if job.tries >= MAX_TRIES:
                continue  # its future keeps the BrokenProcessPool: the engine records its documents as failed
            self._submit(job)
