"""The analysis stage: Article -> Analysis (actors, events, quotes).

``Analyzer(config).analyze(articles)`` parses the article bodies with spaCy in batches (and
``config.n_process`` processes), then for each article resolves its actors
(``actors.ActorResolver``), codes its events (``events.EventCoder``), extracts its quotes
(``quotes.QuoteExtractor``) and ties each quote to the event its speaker states in it.
Articles in languages other than English come back with ``skipped`` saying so. A stage that
raises (actors, events or quotes) raises ``AnalysisError`` naming the stage and the reason.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, Iterable, Iterator, TypeVar

from chronicle.config import Config, load_config
from chronicle.errors import AnalysisError, ChronicleError
from chronicle.model import Analysis, Article, Event, Quote

SUPPORTED_LANGUAGES = ("en",)
T = TypeVar("T")


class Analyzer:
    """Runs spaCy once over many articles and codes each one. ``quotes=False`` leaves quote
    extraction out (the speed benchmark measures its cost that way); ``strict=False`` skips
    malformed user dictionary lines instead of raising ``DictionaryError``."""

    def __init__(self, config: Config | None = None, quotes: bool = True, strict: bool = True) -> None:
        from .actors import ActorResolver
        from .events import EventCoder
        from .nlp import load_nlp
        from .quotes import QuoteExtractor
        from .speech import load_cues

        self.config = config or load_config()
        self.nlp = load_nlp(self.config.spacy_model)
        # one quote lexicon (config.quote_lexicon, else the packaged cues) for actors and quotes
        self.quote_lexicon = load_cues(self.config.quote_lexicon or None)
        self.resolver = ActorResolver(self.config, strict=strict, quote_lexicon=self.quote_lexicon)
        self.coder = EventCoder(dictionaries=list(self.config.dictionaries), conventions=self.config.event_conventions)
        self.quotes = QuoteExtractor(self.config, lexicon=self.quote_lexicon) if quotes else None

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """One Analysis per article, in input order."""
        stream = ((_text_for(article), article) for article in articles)
        docs = self.nlp.pipe(
            stream, as_tuples=True, batch_size=self.config.batch_size, n_process=self.config.n_process
        )
        for doc, article in docs:
            reason = skip_reason(article)
            if reason is not None:
                yield Analysis(article_id=article.id, language=article.language, skipped=reason)
            else:
                yield self.analyze_doc(doc, article)

    def analyze_doc(self, doc: Any, article: Article) -> Analysis:
        """Actors, events and quotes of one parsed article (``doc`` is the parse of its body)."""
        actors = _stage("actors", article, self.resolver.resolve, doc, article)
        events = _stage("events", article, self.coder.code, doc, article, actors)
        quotes = _stage("quotes", article, self.quotes.extract, doc, article, actors) if self.quotes is not None else []
        link_quotes(quotes, events)
        return Analysis(
            article_id=article.id,
            language=article.language,
            actors=list(actors.actors),
            events=events,
            quotes=quotes,
        )


def _stage(name: str, article: Article, run: Callable[..., T], *args: Any) -> T:
    """Run one stage on one article; an error there becomes an ``AnalysisError`` naming the
    stage and the reason (the pipeline records it as the article's Failure)."""
    try:
        return run(*args)
    except ChronicleError:
        raise
    except Exception as exc:
        detail = "".join(traceback.format_exception(exc)[-3:])
        raise AnalysisError(article.source, f"{name} stage failed: {exc!r}", detail) from exc


def skip_reason(article: Article) -> str | None:
    """Why an article gets no analysis (its language, an empty body), or None."""
    language = (article.language or "en").lower()
    if not language.startswith(SUPPORTED_LANGUAGES):
        return f"language: {language} is not supported for event coding"
    if not article.body.strip():
        return "empty body"
    return None


def _text_for(article: Article) -> str:
    # skipped articles still go through the pipe (as "") so the output keeps input order
    return "" if skip_reason(article) else article.body


def link_quotes(quotes: list[Quote], events: list[Event]) -> None:
    """Set ``Quote.event_id`` for a quote whose speaker is an event's source and that states the
    event: its cue is the event's trigger ("Antonov dismissed allegations that ...") or its text
    holds the trigger ("we will block it")."""
    for quote in quotes:
        for event in events:
            if event.trigger_start is None:
                continue
            is_cue = quote.cue_start is not None and quote.cue_start == event.trigger_start
            if not is_cue and not quote.start <= event.trigger_start < quote.end:
                continue
            if quote.speaker is not None and event.source is not None and _same_actor(quote.speaker, event.source):
                quote.event_id = event.id
                break


def _same_actor(a: Any, b: Any) -> bool:
    if a.actor_id is not None and a.actor_id == b.actor_id:
        return True
    return (a.start, a.end) == (b.start, b.end)
