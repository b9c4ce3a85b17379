"""The stages joined: sources -> readers -> articles -> analysis, and ingest into a store.

``extract_records`` is stateless: one Record (or Failure) per document, in input order.
``ingest`` writes them to a store, one transaction per document, from a writer thread so that
store round trips overlap the analysis, skipping documents an earlier run completed; killed at
any moment and run again, it stores every document exactly once.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .articles import CrossDocumentBoilerplate, build_article
from .config import Config
from .errors import ChronicleError
from .model import Analysis, Article, Document, Failure, RawArticle, Record, Serializable
from .parts import NOTE as PARTS_NOTE
from .parts import analysed_head, join_analyses, part_articles
from .sources import SourceOptions, expected_documents, iter_documents
from .store import BY_OTHER_WRITER, DUPLICATE, STORED, Store

if TYPE_CHECKING:
    from .analysis import Analyzer
    from .readers import ReadLimits

WINDOW = 128  # documents read before any is cleaned: repeated lines are learnt across this many
KEPT_FAILURES = 100  # failures an IngestSummary lists; the store keeps them all

Item = Record | Failure


@dataclass
class IngestSummary(Serializable):
    """What one ingest did. Every document met is counted once:
    ``documents == stored + duplicates + skipped + failed``."""

    documents: int = 0
    stored: int = 0  # new articles
    duplicates: int = 0  # articles whose id (content hash) was already stored from another source
    skipped: int = 0  # documents completed by an earlier run or by a concurrent writer
    failed: int = 0
    by_other_writer: int = 0  # of ``skipped``: completed by a concurrent ingest while this one read them
    analysed: int = 0  # articles stored earlier without analysis (--articles-only) analysed now
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)  # the first KEPT_FAILURES of them

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def extract_records(
    inputs: list[str],
    config: Config,
    source_options: SourceOptions | None = None,
    articles_only: bool = False,
    *,
    skip: Callable[[str], bool] | None = None,
    learner: CrossDocumentBoilerplate | None = None,
    on_learnt: Callable[[CrossDocumentBoilerplate], None] | None = None,
    analyzer: Analyzer | None = None,
) -> Iterator[Item]:
    """One Record (article + analysis) or Failure per document of ``inputs``, in order.

    ``skip(source)`` drops documents before they are read; ``learner`` carries cross-document
    boilerplate counts in (a fresh one by default) and ``on_learnt`` sees it after each window;
    ``analyzer`` replaces the ``Analyzer(config)`` built with the first article to analyse.
    """
    options = source_options or SourceOptions.from_config(config)
    learner = learner or CrossDocumentBoilerplate.from_config(config)
    # analyzer: loaded with the first article to analyse (spaCy takes seconds) unless given
    documents = iter_documents(inputs, options)
    if skip is not None:
        documents = (d for d in documents if isinstance(d, Failure) or not skip(d.source))
    limits = read_limits(config)
    # Each document is read as it comes, so a window holds text, never its documents' bytes;
    # it closes at WINDOW documents or config.max_window_bytes of text, whichever comes first.
    read = (read_document(document, limits) for document in documents)
    for raws in _windows(read, WINDOW, config.max_window_bytes):
        for raw in raws:
            if isinstance(raw, RawArticle):
                learner.observe(raw)
        if on_learnt is not None:
            on_learnt(learner)
        built = [build_item(raw, learner) for raw in raws]
        if articles_only:
            yield from (item if isinstance(item, Failure) else Record(article=item) for item in built)
            continue
        if analyzer is None and any(isinstance(item, Article) for item in built):
            analyzer = load_analyzer(config)
        yield from analyse_items(built, analyzer, config.max_analysis_chars, config.max_analysed_chars)


def ingest(
    inputs: list[str],
    store: Store,
    config: Config,
    source_options: SourceOptions | None = None,
    articles_only: bool = False,
    progress: Callable[[IngestSummary, Item | None], None] | None = None,
    analyzer: Analyzer | None = None,
) -> IngestSummary:
    """Extract every document of ``inputs`` into ``store``; failures are recorded, never raised.

    ``progress(summary, item)`` is called after each document (item None for a skipped one);
    ``analyzer`` as in ``extract_records``.
    """
    summary = IngestSummary()
    started = time.perf_counter()

    done_before: list[str] = []  # skipped sources, whose articles may lack an analysis (--articles-only)
    loaded: list["Analyzer"] = []  # the analyzer, once one is needed for them
    writer = StoreWriter(store, summary, lambda item: report(progress, summary, item, started))

    def skip(source: str) -> bool:
        with writer.turn():
            done = store.has_source(source)
            if done:
                summary.documents += 1
                summary.skipped += 1
                if not articles_only:
                    done_before.append(source)
                report(progress, summary, None, started)
        return done

    def learnt(learner: CrossDocumentBoilerplate) -> None:
        with writer.turn():
            store.save_boilerplate(learner.to_dict()["groups"])

    with writer.turn():
        learner = stored_learner(store, config)
    records = extract_records(inputs, config, source_options, articles_only, skip=skip, learner=learner,
                              on_learnt=learnt, analyzer=analyzer)
    with writer:  # stores what is queued; on an error, abandons it (not marked done: a rerun redoes it)
        for item in records:
            writer.put(item)
            if len(done_before) >= WINDOW:
                with writer.turn():
                    analyse_stored(store, config, done_before, summary, loaded)
    analyse_stored(store, config, done_before, summary, loaded)
    if summary.stored or summary.analysed:
        store.refresh_statistics()  # a large ingest leaves the planner's statistics stale
    summary.seconds = time.perf_counter() - started
    return summary


class StoreWriter:
    """Stores ingested items in order from a thread of its own, so that waiting on the store
    (PostgreSQL round trips, SQLite commits) overlaps the analysis of the next documents in the
    same process. ``lock`` guards every use of the store (the reading side's checks too). Used
    as a context manager: leaving it stores what is queued and raises the thread's error, if
    any; leaving it on an exception stops without storing what is still queued, which is then
    not marked done, so running the ingest again stores it."""

    def __init__(self, store: Store, summary: IngestSummary, stored: Callable[[Item], None]) -> None:
        self.store, self.summary, self.stored = store, summary, stored
        self.lock = threading.RLock()
        # the reading side's turn: held while it waits for ``lock``, so the thread stores one
        # item more at most before a check, not every item still queued (see ``turn``)
        self.reader = threading.Lock()
        self.recent: dict[str, None] = {}  # sources this run stored lately: a repeat is no other writer's
        self.error: BaseException | None = None
        self.abandoned = False
        self.queue: queue.Queue = queue.Queue(maxsize=WINDOW)
        self.thread = threading.Thread(target=self._run, name="chronicle-store-writer", daemon=True)
        self.thread.start()

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, kind: type | None, *rest: object) -> None:
        self.abandoned = kind is not None
        self.queue.put(_STOP)
        self.thread.join()
        if kind is None and self.error is not None:
            raise self.error

    @contextmanager
    def turn(self) -> Iterator[None]:
        """The store, for the reading side (a source done before? the boilerplate learnt),
        next after the item being stored: without it the thread, taking ``lock`` again item
        after item, made each check wait until the queue was empty."""
        with self.reader, self.lock:
            yield

    def put(self, item: Item) -> None:
        """Queue one item; raises the thread's error when storing has failed."""
        if self.error is not None:
            raise self.error
        self.queue.put(item)

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is _STOP:
                return
            if self.error is not None or self.abandoned:
                continue  # nothing more is stored; the reader learns of an error at its next put
            try:
                with self.reader:
                    pass  # a check waiting for the store goes first
                with self.lock:
                    store_item(self.store, item, self.summary, self.recent)
                    self.stored(item)
            except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
                self.error = exc


_STOP = object()


def count_documents(inputs: list[str], config: Config, source_options: SourceOptions | None = None) -> int | None:
    """How many documents (and source failures) ``inputs`` hold when their names tell (one per
    plain file), else None: no byte is read, so the ETA of an ingest costs no second read."""
    return expected_documents(inputs, source_options or SourceOptions.from_config(config))


# --------------------------------------------------------------------------- steps
# Public: chronicle.scale runs the same steps in worker processes, so its records are these.


def read_limits(config: Config) -> "ReadLimits":
    """The readers' limits of ``config`` (what ``read_document`` is given)."""
    from .readers.limits import ReadLimits  # not .readers: that loads the PDF reader

    return ReadLimits.from_config(config)


def window_size(raw: RawArticle | Failure) -> int:
    """What one item adds to a window's memory (a window closes at ``config.max_window_bytes``)."""
    return sys.getsizeof(raw.text) if isinstance(raw, RawArticle) else 0


def _windows(items: Iterable[RawArticle | Failure], size: int, max_bytes: int) -> Iterator[list[RawArticle | Failure]]:
    """Lists of at most ``size`` items whose texts hold about ``max_bytes`` of memory at most
    (a window closes after the text that reaches it)."""
    window: list[RawArticle | Failure] = []
    held = 0
    for item in items:
        window.append(item)
        held += window_size(item)
        if len(window) >= size or held >= max_bytes:
            yield window
            window, held = [], 0
    if window:
        yield window


def read_document(doc: Document | Failure, limits: "ReadLimits | None" = None) -> RawArticle | Failure:
    """Document -> RawArticle, or the Failure that explains why not."""
    if isinstance(doc, Failure):
        return doc
    from .readers import read  # readers load trafilatura; imported when the first document comes

    try:
        return read(doc, limits)
    except ChronicleError as exc:
        return exc.to_failure()
    except Exception as exc:  # a reader bug must cost one document, not the batch
        return Failure(doc.source, "reader", f"unexpected error: {exc!r}")


def build_item(raw: RawArticle | Failure, learner: CrossDocumentBoilerplate) -> Article | Failure:
    if isinstance(raw, Failure):
        return raw
    try:
        return build_article(raw, learner, learner.profiles)
    except ChronicleError as exc:
        return exc.to_failure()
    except Exception as exc:  # same reason as in read_document
        return Failure(raw.source, "article", f"unexpected error: {exc!r}")


def load_analyzer(config: Config) -> "Analyzer":
    from .analysis import Analyzer  # loads spaCy: only when analysis is wanted

    return Analyzer(config)


def analyse_items(items: list[Article | Failure], analyzer: "Analyzer | None", max_chars: int,
                  max_total: int = 0) -> Iterator[Item]:
    """Records in the order of ``items``; articles analysed in one batch, failures passed on."""
    articles = [a for a in items if isinstance(a, Article)]
    analyses = analyse_batch(articles, analyzer, max_chars, max_total) if articles and analyzer is not None else {}
    for item in items:
        if isinstance(item, Failure):
            yield item
        elif isinstance(analyses.get(item.id), Failure):
            yield analyses[item.id]
        else:
            yield Record(article=item, analysis=analyses.get(item.id))


def analyse_batch(articles: list[Article], analyzer: "Analyzer", max_chars: int,
                  max_total: int = 0) -> dict[str, Analysis | Failure]:
    """Analysis (or the Failure of a stage) per article id; when the batch itself breaks (the
    parser, not a stage), each article alone, so one bad one fails alone.

    A body over ``max_chars`` (or spaCy's ``max_length``) is analysed in parts (chronicle/parts.py);
    its article's meta notes how many. Of a body over ``max_total`` characters (when set) only the
    head is analysed, and the article's meta says how much (``analysed_chars``).
    """
    nlp_max = getattr(getattr(analyzer, "nlp", None), "max_length", None)
    limit = min(max_chars, nlp_max) if isinstance(nlp_max, int) else max_chars
    try:
        return _analyse_in_parts(articles, analyzer, limit, max_total)
    except Exception:  # find which article broke the batch
        found: dict[str, Analysis | Failure] = {}
        for article in articles:
            try:
                found.update(_analyse_in_parts([article], analyzer, limit, max_total))
            except Exception as exc:
                if isinstance(exc, ChronicleError):
                    found[article.id] = Failure(article.source, "analysis", exc.reason, exc.detail)
                else:
                    found[article.id] = Failure(article.source, "analysis", f"unexpected error: {exc!r}")
        return found


def _analyse_in_parts(articles: list[Article], analyzer: "Analyzer", limit: int,
                      max_total: int = 0) -> dict[str, Analysis | Failure]:
    """Analysis (or a stage's Failure) per article id, each body analysed in parts of at most
    ``limit`` characters; a part that fails fails its article."""
    parts = [(index, offset, part) for index, article in enumerate(articles)
             for offset, part in part_articles(analysed_head(article, max_total), limit)]
    pieces: list[list[tuple[int, Analysis | Failure]]] = [[] for _ in articles]
    for group in _by_size(parts, limit):  # spaCy holds a whole batch: at most ``limit`` characters of it
        for (index, offset, _), analysis in zip(group, analyzer.analyze([part for _, _, part in group]), strict=True):
            pieces[index].append((offset, analysis))
    found: dict[str, Analysis | Failure] = {}
    for article, done in zip(articles, pieces):
        failed = next((a for _, a in done if isinstance(a, Failure)), None)
        if failed is not None:
            found[article.id] = failed
            continue
        found[article.id] = join_analyses(article, [(o, a) for o, a in done if isinstance(a, Analysis)])
        if len(done) > 1:
            article.meta[PARTS_NOTE] = len(done)
    return found


def _by_size(parts: list[tuple[int, int, Article]], limit: int) -> Iterator[list[tuple[int, int, Article]]]:
    """``parts`` in order, in groups of at most ``limit`` characters of body (or one part)."""
    group: list[tuple[int, int, Article]] = []
    held = 0
    for part in parts:
        size = len(part[2].body)
        if group and held + size > limit:
            yield group
            group, held = [], 0
        group.append(part)
        held += size
    if group:
        yield group


def analyse_stored(store: Store, config: Config, sources: list[str], summary: IngestSummary,
                    loaded: list["Analyzer"]) -> None:
    """Analyse the articles of ``sources`` (done by an earlier run) that were stored without an
    analysis (``--articles-only``); a failed analysis is recorded like any other. Empties ``sources``."""
    articles = store.unanalysed(sources=list(sources))
    sources.clear()
    if not articles:
        return
    if not loaded:
        loaded.append(load_analyzer(config))
    found = analyse_batch(articles, loaded[0], config.max_analysis_chars, config.max_analysed_chars)
    for article in articles:
        result = found.get(article.id)
        if isinstance(result, Failure):
            store.add_failure(result)
            if len(summary.failures) < KEPT_FAILURES:
                summary.failures.append(result)
        elif result is not None and store.add_analysis(result, article.published):
            summary.analysed += 1


def stored_learner(store: Store, config: Config) -> CrossDocumentBoilerplate:
    """A boilerplate learner that goes on from the counts the store kept."""
    fresh = CrossDocumentBoilerplate.from_config(config)
    data = {"min_docs": fresh.min_docs, "min_share": fresh.min_share, "groups": store.boilerplate()}
    return CrossDocumentBoilerplate.from_dict(data, fresh.profiles)


def store_item(store: Store, item: Item, summary: IngestSummary, recent: dict[str, None]) -> None:
    summary.documents += 1
    if isinstance(item, Failure):
        store.add_failure(item)
        summary.failed += 1
        if len(summary.failures) < KEPT_FAILURES:
            summary.failures.append(item)
    else:
        outcome = store.put_record(item)
        source = item.article.source
        if outcome == BY_OTHER_WRITER and source in recent:
            outcome = DUPLICATE  # the same input given twice in this run
        recent[source] = None
        if len(recent) > 4 * WINDOW:  # a repeat is read within a window of its first
            del recent[next(iter(recent))]
        if outcome == STORED:
            summary.stored += 1
        elif outcome == BY_OTHER_WRITER:
            summary.skipped += 1
            summary.by_other_writer += 1
        else:
            summary.duplicates += 1


def report(progress: Callable[[IngestSummary, Item | None], None] | None, summary: IngestSummary, item: Item | None, started: float) -> None:
    summary.seconds = time.perf_counter() - started
    if progress is not None:
        progress(summary, item)
