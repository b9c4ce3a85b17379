"""The Analyzer: spaCy loaded once, then the configured components run on each parsed article.

``Analyzer(config).analyze(articles)`` yields, in input order, one ``Analysis`` per article, or
the article's ``Failure`` when one of its stages raised (``"<stage> stage failed: <reason>"``,
recorded by the pipeline and shown by ``chronicle errors``). Articles in languages other than
English, and empty ones, come back as an ``Analysis`` whose ``skipped`` says why.

With ``config.n_process > 1`` the whole analysis of an article (parse and every stage) runs in
one of ``n_process`` worker processes, each holding its own pipeline and components (forked
from this one where the platform allows, so they are loaded once); batches of
``config.batch_size`` articles go out and come back in order.
"""

from __future__ import annotations

import atexit
import multiprocessing
import traceback
from typing import Any, Iterable, Iterator

from chronicle.config import Config, load_config
from chronicle.errors import AnalysisError, ChronicleError
from chronicle.model import Analysis, Article, Failure

from .components import Resources, named_actors  # importing it registers the built-in components
from .nlp import load_nlp
from .registry import ArticleState, ComponentSpec, Stage, plan

SUPPORTED_LANGUAGES = ("en",)
# languages whose articles get their actors and places by name (KB and gazetteer labels in
# Persian script) though their events are not coded
NAMED_LANGUAGES = ("fa", "ps", "prs", "pbt")
# stages left out by Analyzer(quotes=False): quote extraction and what needs it
QUOTE_STAGES = ("quotes", "judgements", "links")


class Analyzer:
    """Runs spaCy once over many articles and the configured components on each one.

    ``components`` replaces ``config.components`` (the stage names, in order); ``quotes=False``
    leaves quote extraction out (the speed benchmark measures its cost that way);
    ``strict=False`` skips malformed user dictionary lines instead of raising."""

    def __init__(self, config: Config | None = None, quotes: bool = True, strict: bool = True,
                 components: Iterable[str] | None = None) -> None:
        self.config = config or load_config()
        names = list(components if components is not None else self.config.components)
        if not quotes:
            names = [n for n in names if n not in QUOTE_STAGES]
        self.specs: list[ComponentSpec] = plan(names)
        self.nlp = load_nlp(self.config.spacy_model)
        self.resources = Resources(self.config, strict=strict)
        settings = self.config.component_settings or {}
        self.stages: list[tuple[str, Stage]] = [(s.name, s.build(self.resources, settings.get(s.name))) for s in self.specs]
        self._pool: Any = None

    @property
    def component_names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def analyze(self, articles: Iterable[Article], raise_failures: bool = False) -> Iterator[Analysis | Failure]:
        """One Analysis (or Failure) per article, in input order; ``raise_failures``: a failed
        article raises ``AnalysisError`` instead (evaluations, which expect none)."""
        results = self._in_workers(articles) if self.config.n_process > 1 else self._here(articles)
        for result in results:
            if raise_failures and isinstance(result, Failure):
                raise AnalysisError(result.source, result.reason, result.detail)
            yield result

    def analyze_doc(self, doc: Any, article: Article) -> Analysis | Failure:
        """The stages' findings on one parsed article (``doc`` is the parse of its body)."""
        reason = skip_reason(article)
        if reason is not None:
            language = (article.language or "").lower()
            if article.body.strip() and language.startswith(NAMED_LANGUAGES):
                try:
                    actors = named_actors(article.body, article.published, self.resources)
                except Exception as exc:  # the KB is an extra here: say so, keep the article
                    return Analysis(article_id=article.id, language=article.language,
                                    skipped=f"{reason}; actors by name failed: {exc!r}")
                return Analysis(article_id=article.id, language=article.language, actors=actors,
                                skipped=f"{reason}; its actors and places were found by name")
            return Analysis(article_id=article.id, language=article.language, skipped=reason)
        state = ArticleState(doc=doc, article=article)
        for name, stage in self.stages:
            try:
                stage(state)
            except ChronicleError as exc:
                return Failure(article.source, "analysis", exc.reason, exc.detail)
            except Exception as exc:
                detail = "".join(traceback.format_exception(exc)[-3:])
                return Failure(article.source, "analysis", f"{name} stage failed: {exc!r}", detail)
        floor = self.config.min_confidence
        return Analysis(
            article_id=article.id,
            language=article.language,
            actors=list(state.actors.actors) if state.actors is not None else [],
            events=[e for e in state.events if e.confidence >= floor] if floor else state.events,
            quotes=state.quotes,
        )

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    # ------------------------------------------------------------------ running

    def _here(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        stream = ((text_for(article), article) for article in articles)
        docs = self.nlp.pipe(stream, as_tuples=True, batch_size=self.config.batch_size)
        for doc, article in docs:
            yield self.analyze_doc(doc, article)

    def _in_workers(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        if self._pool is None:
            self._pool = _start_pool(self)
        for results in self._pool.imap(_work, _batches(articles, self.config.batch_size)):
            yield from results


def skip_reason(article: Article) -> str | None:
    """Why an article gets no analysis (its language, an empty body), or None."""
    language = (article.language or "en").lower()
    if not language.startswith(SUPPORTED_LANGUAGES):
        return f"language: {language} is not supported for event coding"
    if not article.body.strip():
        return "empty body"
    return None


def text_for(article: Article) -> str:
    """What spaCy parses: the body, or "" for a skipped article (it keeps its place in order)."""
    return "" if skip_reason(article) else article.body


# ---------------------------------------------------------------------- worker processes

_WORKER: Analyzer | None = None  # the analyzer of a worker process


def _start_pool(parent: Analyzer) -> Any:
    global _WORKER
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # the children inherit this analyzer, its pipeline and its loaded components
        _WORKER = parent
        pool = multiprocessing.get_context("fork").Pool(parent.config.n_process, initializer=_forked)
    else:
        names = parent.component_names
        pool = multiprocessing.get_context("spawn").Pool(
            parent.config.n_process, initializer=_spawned, initargs=(parent.config, names, parent.resources.strict))
    atexit.register(_stop, pool)  # an analyzer never closed still leaves no workers behind
    return pool


def _stop(pool: Any) -> None:
    pool.terminate()
    pool.join()


def _forked() -> None:
    assert _WORKER is not None
    _WORKER.config = _single(_WORKER.config)
    _WORKER._pool = None


def _spawned(config: Config, names: list[str], strict: bool) -> None:
    global _WORKER
    _WORKER = Analyzer(_single(config), strict=strict, components=names)


def _single(config: Config) -> Config:
    import dataclasses

    return dataclasses.replace(config, n_process=1)


def _work(batch: list[Article]) -> list[Analysis | Failure]:
    assert _WORKER is not None
    return list(_WORKER.analyze(batch))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
