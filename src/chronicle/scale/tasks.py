"""What a worker process does with one partition: read it, tell the parent what the boilerplate
learner counts of it, then clean and analyse it with the learner state the parent sends back.

Every step is a ``chronicle.pipeline`` step, so a worker's records are the single-process ones.
The functions take and return plain, picklable values (a worker may be on another machine);
each process keeps one Analyzer per configuration (spaCy is loaded once per worker).
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from chronicle.articles import CrossDocumentBoilerplate
from chronicle.config import Config
from chronicle.model import Failure, RawArticle, Record
from chronicle.pipeline import Item, analyse_items, build_item, load_analyzer, read_document, read_limits, window_size
from chronicle.sources import SourceOptions, iter_documents


@dataclass(frozen=True)
class Slice:
    """Documents ``start`` to ``stop`` (None: to the end) of the file at ``path``, in the order
    ``iter_documents`` yields them (a plain file is one document: 0 to None)."""

    path: str
    start: int = 0
    stop: int | None = None


@dataclass(frozen=True)
class Seen:
    """One item of a read partition as the parent needs it: its source, whether it is a
    document (a source failure is not; only documents can be skipped as done), and what the
    boilerplate learner counts of it (None when it could not be read)."""

    source: str
    document: bool
    observation: Any = None
    size: int = 0  # what it adds to its window's memory (``pipeline.window_size``)


_CACHE: dict[bytes, Any] = {}  # per process: pickled config -> Analyzer / learner profiles


def read_partition(slices: list[Slice], options: SourceOptions, config: Config) -> list[RawArticle | Failure]:
    """The raw articles (or Failures) of ``slices``, in order. Never raises for bad input."""
    limits = read_limits(config)
    items: list[RawArticle | Failure] = []
    for part in slices:
        for doc in _documents(part, options):
            items.append(read_document(doc, limits))
    return items


def _documents(part: Slice, options: SourceOptions) -> Iterator[Any]:
    try:
        yield from islice(iter_documents([part.path], options), part.start, part.stop)
    except Exception as exc:  # a source bug costs this slice, not the batch
        yield Failure(part.path, "source", f"unexpected error: {exc!r}")


def observe_partition(raws: list[RawArticle | Failure], config: Config) -> list[Seen]:
    """What the parent needs of each item of a read partition (see ``Seen``)."""
    learner = _learner(config)
    seen = []
    for raw in raws:
        if isinstance(raw, RawArticle):
            seen.append(Seen(raw.source, True, learner.observation(raw), window_size(raw)))
        else:
            seen.append(Seen(raw.source, raw.stage != "source", None))
    return seen


def read_and_observe(slices: list[Slice], options: SourceOptions,
                     config: Config) -> tuple[list[RawArticle | Failure], list[Seen]]:
    """``read_partition`` and ``observe_partition`` in one step (local worker processes)."""
    raws = read_partition(slices, options, config)
    return raws, observe_partition(raws, config)


def finish_partition(raws: list[RawArticle | Failure], kept: list[int], windows: list[int],
                     verdicts: dict[int, dict[str, Any]], config: Config, articles_only: bool) -> list[Item]:
    """Records (or Failures) of the items ``kept`` of ``raws``, in that order: each cleaned with
    the learner state of its window (``verdicts[window]``, from ``CrossDocumentBoilerplate.verdicts``)
    and, unless ``articles_only``, all analysed in one batch."""
    profiles = _learner(config).profiles
    learners = {w: CrossDocumentBoilerplate.from_dict(v, profiles) for w, v in verdicts.items()}
    built = [build_item(raws[i], learners[w]) for i, w in zip(kept, windows)]
    if articles_only:
        return [item if isinstance(item, Failure) else Record(article=item) for item in built]
    analyzer = analyzer_for(config) if any(not isinstance(b, Failure) for b in built) else None
    return list(analyse_items(built, analyzer, config.max_analysis_chars, config.max_analysed_chars))


def analyzer_for(config: Config) -> Any:
    """This process's Analyzer for ``config`` (one process, n_process=1), built once."""
    key = b"analyzer" + pickle.dumps(config)
    if key not in _CACHE:
        _CACHE[key] = load_analyzer(dataclasses.replace(config, n_process=1))
    return _CACHE[key]


def start_worker(config: Config, articles_only: bool) -> None:
    """A worker process's first step: load what every partition needs (the NLP pipeline once)."""
    _learner(config)
    if not articles_only:
        analyzer_for(config)


def _learner(config: Config) -> CrossDocumentBoilerplate:
    """An empty learner of ``config`` (its site profiles, loaded once per process)."""
    key = b"learner" + pickle.dumps(config)
    if key not in _CACHE:
        _CACHE[key] = CrossDocumentBoilerplate.from_config(config)
    return _CACHE[key]
