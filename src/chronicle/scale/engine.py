"""The parent of a parallel ingest: partitions out, learner state in between, one writer.

How results stay those of ``chronicle.pipeline.ingest`` (one process):

1. The inputs become partitions (a few plain files, or a slice of an archive or corpus), in
   input order; workers read them (``tasks.read_partition``) and send back only what the
   cross-document boilerplate learner counts of each document (``tasks.Seen``), not its text.
2. The parent feeds those counts, in input order, to the one learner (carried on from the
   store, as in one process), window by window (``pipeline.WINDOW`` documents, failures and
   all, skipped documents left out, or ``config.max_window_bytes`` of text), and after each window keeps what decides
   ``is_boilerplate`` for that window's publishers (``CrossDocumentBoilerplate.verdicts``).
3. Once every window a partition touches is closed, the worker that read it cleans each
   document with its window's verdicts and analyses them (``tasks.finish_partition``).
4. The parent writes the records in input order (stories depend on what was stored before),
   with the single-process accounting, from a writer thread (``pipeline.StoreWriter``) while
   its loop goes on handing out partitions.

So every document is cleaned with the learner state one process would have used, and stored
in the same order. A partition whose worker died is run again; writes are idempotent on the
article id, and the writer stores each partition once, so no document is lost or stored twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from chronicle.config import Config
from chronicle.model import Failure
from chronicle import pipeline
from chronicle.pipeline import IngestSummary, Item, StoreWriter, analyse_stored, report, stored_learner
from chronicle.sources import SourceOptions, input_files, is_single_document
from chronicle.store import Store

from .tasks import Seen, Slice

FILES_PER_PARTITION = 4  # plain files read by one task: small, so N workers share the work evenly
SLICE_DOCUMENTS = 256  # documents of an archive, crawl or corpus per task
AHEAD = 4  # partitions in flight per worker (read, waiting for their window, or analysed)
HELD = 3  # partitions held at most, finished ones waiting to be written in order included, per ``limit``


class Backend(Protocol):
    """Where partitions run: worker processes on this machine, or a Dask cluster."""

    workers: int

    def read(self, slices: list[Slice]) -> Any:
        """Start reading a partition; the handle is waited on with ``wait``."""

    def seen(self, handle: Any) -> list[Seen]:
        """The read partition's items (raises when its worker failed for good)."""

    def finish(self, handle: Any, kept: list[int], windows: list[int], verdicts: dict[int, Any]) -> Any:
        """Start cleaning and analysing the items ``kept`` of a read partition."""

    def items(self, handle: Any) -> list[Item]:
        """The finished partition's records and failures (raises when its worker failed for good)."""

    def done(self, handle: Any) -> bool: ...

    def wait(self, handles: list[Any]) -> None:
        """Return once one of ``handles`` is done (or at once when one already is)."""

    def release(self, handle: Any) -> None:
        """Forget a read partition (its raw text held by a worker)."""


@dataclass
class _Part:
    slices: list[Slice]
    container: str | None = None  # the archive or corpus this is a slice of
    read: Any = None  # handle
    seen: list[Seen] | None = None  # given for a partition of source failures found by name
    kept: list[int] = field(default_factory=list)
    windows: list[int] = field(default_factory=list)
    finish: Any = None
    items: list[Item] | None = None  # the records and failures to write, once known
    local: list[Item] | None = None  # items known without a worker (source failures found by name)


def run(inputs: list[str], store: Store, config: Config, options: SourceOptions, articles_only: bool,
        progress: Callable[[IngestSummary, Item | None], None] | None, backend: Backend) -> IngestSummary:
    """``pipeline.ingest`` with partitions run by ``backend``; the same store, the same summary."""
    summary = IngestSummary()
    started = time.perf_counter()
    done_before: list[str] = []
    loaded: list[Any] = []
    # the one writer stores from a thread of its own, as one process does, so this loop goes on
    # handing out partitions while records are written; every other use of the store takes its lock
    with StoreWriter(store, summary, lambda item: report(progress, summary, item, started)) as writer:
        _partition_loop(inputs, store, config, options, articles_only, progress, backend, writer, summary,
                        started, done_before, loaded)
    analyse_stored(store, config, done_before, summary, loaded)
    if summary.stored or summary.analysed:
        store.refresh_statistics()  # as one process does (pipeline.ingest)
    summary.seconds = time.perf_counter() - started
    return summary


def _partition_loop(inputs: list[str], store: Store, config: Config, options: SourceOptions, articles_only: bool,
                    progress: Callable[[IngestSummary, Item | None], None] | None, backend: Backend,
                    writer: StoreWriter, summary: IngestSummary, started: float, done_before: list[str],
                    loaded: list[Any]) -> None:
    """The partitions of ``run``: out to the backend, counted by the learner, back to the writer."""
    with writer.turn():
        learner = stored_learner(store, config)
    window = pipeline.WINDOW  # read when called, as ``pipeline.ingest`` does
    ended: set[str] = set()  # containers whose last slice came back
    parts = _partitions(inputs, options, ended)
    active: list[_Part] = []  # in input order
    observed = 0  # parts of ``active`` whose items were counted
    window_groups: set[str] = set()  # publishers of the window being counted
    in_window = held = 0  # items and text memory of the window being counted
    closed = 0  # windows whose counts are complete: their verdicts are in ``verdicts``
    verdicts: dict[int, Any] = {}
    exhausted = False
    limit = max(AHEAD * backend.workers, window // FILES_PER_PARTITION + 2 * backend.workers)

    def close_window() -> None:
        nonlocal closed, in_window, held
        verdicts[closed] = learner.verdicts(window_groups)
        window_groups.clear()
        closed += 1
        in_window = held = 0
        with writer.turn():
            store.save_boilerplate(learner.to_dict()["groups"])  # as one process does after each window

    while True:
        # 1. partitions out: ``limit`` of them at work (reading, waiting for their window, finishing);
        # finished ones waiting to be written in order count only against a wider bound, so that
        # one slow partition at the head does not stop the reading of the next window
        while not exhausted and ((len(active) < HELD * limit and _at_work(active, backend) < limit)
                                 or _starved(active, observed)):
            part = next(parts, None)
            if part is None:
                exhausted = True
                break
            if part.seen is None:
                part.read = backend.read(part.slices)
            active.append(part)
        while observed < len(active):  # 2. learner counts in, in input order
            part = active[observed]
            if part.seen is None:
                if not backend.done(part.read):
                    break
                part.seen = _seen(backend, part)
            if part.container and len(part.seen) < SLICE_DOCUMENTS:
                ended.add(part.container)
            for index, item in enumerate(part.seen):
                with writer.turn():
                    done = item.document and store.has_source(item.source)
                    if done:
                        summary.documents += 1
                        summary.skipped += 1
                        if not articles_only:
                            done_before.append(item.source)
                        report(progress, summary, None, started)
                if done:
                    continue
                if item.observation is not None:
                    learner.add(item.observation)
                    window_groups.add(item.observation.group)
                part.kept.append(index)
                part.windows.append(closed)
                in_window += 1
                held += item.size
                if in_window >= window or held >= config.max_window_bytes:  # as one process closes its windows
                    close_window()
            observed += 1
        if exhausted and observed == len(active) and in_window:
            close_window()  # the last window
        for part in active[:observed]:  # 3. partitions whose windows are all closed: cleaned, analysed
            if part.finish is None and part.items is None:
                if part.local is not None or not part.kept:
                    part.items = [part.local[i] for i in part.kept] if part.local is not None else []
                    _release(backend, part)
                elif part.windows[-1] < closed:
                    needed = {w: verdicts[w] for w in set(part.windows)}
                    part.finish = backend.finish(part.read, part.kept, part.windows, needed)
        _forget(verdicts, active, observed, closed)
        while active and (active[0].items is not None or (active[0].finish is not None
                                                          and backend.done(active[0].finish))):
            part = active.pop(0)  # 4. the one writer, in input order
            observed -= 1
            items = part.items if part.items is not None else _items(backend, part)
            _release(backend, part)
            if part.finish is not None:
                backend.release(part.finish)
            for item in items:
                writer.put(item)
            if len(done_before) >= window:
                with writer.turn():
                    analyse_stored(store, config, done_before, summary, loaded)
        if exhausted and not active:
            break
        # wait for a step not done yet (a read partition waiting for its window is done: waiting
        # on it would spin and take a core from the workers)
        pending = [h for p in active for h in (p.read, p.finish) if h is not None and not backend.done(h)]
        if pending:
            backend.wait(pending)


def _at_work(active: list[_Part], backend: Backend) -> int:
    """Partitions in flight whose records are not known yet (read, waiting or being finished)."""
    return sum(1 for p in active if p.items is None and (p.finish is None or not backend.done(p.finish)))


def _starved(active: list[_Part], observed: int) -> bool:
    """True when every partition in flight is counted and the first still waits for its window
    to close: only more documents can close it (small archives of one document each, say)."""
    head = active[0] if active else None
    return head is not None and observed == len(active) and head.finish is None and head.items is None


def _seen(backend: Backend, part: _Part) -> list[Seen]:
    try:
        return backend.seen(part.read)
    except Exception as exc:  # its workers died too often: its files fail, the batch goes on
        part.items = [Failure(s.path, "source", f"worker failed on this partition: {exc!r}") for s in part.slices]
        return []


def _items(backend: Backend, part: _Part) -> list[Item]:
    try:
        return backend.items(part.finish)
    except Exception as exc:
        assert part.seen is not None
        return [Failure(part.seen[i].source, "analysis", f"worker failed on this partition: {exc!r}")
                for i in part.kept]


def _release(backend: Backend, part: _Part) -> None:
    if part.read is not None:
        backend.release(part.read)
        part.read = None


def _forget(verdicts: dict[int, Any], active: list[_Part], observed: int, closed: int) -> None:
    """Drop learner verdicts no partition waiting to be finished still needs."""
    waiting = [p.windows[0] for p in active[:observed] if p.finish is None and p.items is None and p.windows]
    oldest = min(waiting) if waiting else closed - 1
    for w in [w for w in verdicts if w < oldest]:
        del verdicts[w]


def _partitions(inputs: list[str], options: SourceOptions, ended: set[str]) -> Iterator[_Part]:
    """Partitions in input order: up to FILES_PER_PARTITION plain files each, and an archive or
    corpus in slices of SLICE_DOCUMENTS documents until one comes back short (``ended``)."""
    files: list[Slice] = []
    for item in input_files(inputs):
        if isinstance(item, Failure) or item == "-" or not is_single_document(item, options):
            if files:
                yield _Part(files)
                files = []
        if isinstance(item, Failure):  # an input that is not there: in its place, no worker needed
            yield _Part([], seen=[Seen(item.source, False)], local=[item])
        elif item == "-":
            raise ValueError("stdin cannot be split among workers: ingest it in one process")
        elif is_single_document(item, options):
            files.append(Slice(item))
            if len(files) >= FILES_PER_PARTITION:
                yield _Part(files)
                files = []
        else:
            start = 0
            while item not in ended:
                yield _Part([Slice(item, start, start + SLICE_DOCUMENTS)], container=item)
                start += SLICE_DOCUMENTS
    if files:
        yield _Part(files)
