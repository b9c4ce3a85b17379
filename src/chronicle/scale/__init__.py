"""Ingest with many processes or a Dask cluster: ``chronicle ingest --workers N`` / ``--dask ADDRESS``.

``ingest(inputs, store, config, ..., workers=N)`` or ``(..., dask="tcp://host:8786" | "local:N")``
stores exactly what ``chronicle.pipeline.ingest`` stores in one process (the same articles,
boilerplate, analyses and stories), with the same ``IngestSummary``; see engine.py for how.
This package calls ``chronicle.pipeline`` and knows nothing of readers.
"""

from __future__ import annotations

from collections.abc import Callable

from chronicle.config import Config
from chronicle.pipeline import IngestSummary, Item
from chronicle.sources import SourceOptions
from chronicle.store import Store

from .cluster import DaskBackend, parse_address
from .engine import run
from .local import LocalBackend

__all__ = ["ingest", "parse_address"]


def ingest(
    inputs: list[str],
    store: Store,
    config: Config,
    source_options: SourceOptions | None = None,
    articles_only: bool = False,
    progress: Callable[[IngestSummary, Item | None], None] | None = None,
    *,
    workers: int | None = None,
    dask: str | None = None,
) -> IngestSummary:
    """``pipeline.ingest`` run by ``workers`` local processes or on the Dask cluster at ``dask``."""
    options = source_options or SourceOptions.from_config(config)
    if dask is not None:
        backend: LocalBackend | DaskBackend = DaskBackend(dask, config, options, articles_only)
    else:
        backend = LocalBackend(max(1, workers or 1), config, options, articles_only)
    try:
        return run(inputs, store, config, options, articles_only, progress, backend)
    finally:
        backend.close()
