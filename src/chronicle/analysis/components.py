"""The built-in components and the resources they share, loaded once per Analyzer.

``Resources(config)`` loads, the first time a component asks and never again: the speech cues
(``config.quote_lexicon`` or the packaged ones), the user's actor dictionaries and verb
dictionaries (``config.dictionaries``, one reader per kind), the event lexicon with the user's
verbs, the actor lexicon and the knowledge base (``config.actor_kb``). The factories below
take what they need from it and inject it into their wing; no wing reads a lexicon from a
global. ``actor_resolver``, ``event_coder`` and ``quote_extractor`` build one wing's worker
from a config (what the factories and the evaluations use).

Built-in components, in their default order (``config.components``):

| name    | requires        | assigns  | settings |
|---------|-----------------|----------|----------|
| actors  | doc, article    | actors   | - |
| events  | actors          | events   | conventions ("" = config.event_conventions) |
| quotes  | actors          | quotes   | - |
| judgements | events, quotes | judgements | - (adds ACCUSE/SUPPORT events: a speaker's criticism or praise) |
| links   | events, quotes  | links    | - (sets Quote.event_id) |
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from chronicle.config import Config
from chronicle.model import Actor, Mention

from .actors import ActorResolver, project_lexicon
from .circumstances import lookup as lookup_place
from .dictionaries import PhraseIndex, VerbPattern, dictionary_kind, load_dictionaries, load_verb_patterns, read_verb_dictionary
from .events import EventCoder, JudgementCoder, JudgementWords, Lexicon, load_judgement_words, load_lexicon, roles_at_event_dates
from .links import link_quotes
from .quotes import QuoteExtractor
from .registry import ArticleState, Stage, component
from .speech import QuoteLexicon, load_cues


class Resources:
    """Lexicons, dictionaries and the KB of one configuration, each loaded on first use, once.
    ``strict=False`` skips malformed user dictionary lines instead of raising."""

    def __init__(self, config: Config, strict: bool = True) -> None:
        self.config = config
        self.strict = strict

    def files(self, kind: str) -> list[str]:
        """The user's dictionary files of one kind (``dictionaries.dictionary_kind``)."""
        return [path for path in self.config.dictionaries if dictionary_kind(path) == kind]

    @cached_property
    def speech_cues(self) -> QuoteLexicon:
        return load_cues(self.config.quote_lexicon or None)

    @cached_property
    def actor_dictionaries(self) -> PhraseIndex:
        return load_dictionaries(self.config.dictionaries, strict=self.strict)

    @cached_property
    def actor_lexicon(self) -> PhraseIndex:
        return project_lexicon()

    @cached_property
    def event_lexicon(self) -> Lexicon:
        user_verbs: dict = {}
        for path in self.files("verbs"):
            user_verbs.update(read_verb_dictionary(path))  # later files win
        cues = self.speech_cues
        marks = {m for pair in cues.mark_pairs for m in pair} | cues.straight_marks
        return load_lexicon(user_verbs, cues.reporting_verbs, marks)

    @cached_property
    def judgement_words(self) -> JudgementWords:
        return load_judgement_words()

    @cached_property
    def verb_patterns(self) -> dict[str, list[VerbPattern]]:
        return load_verb_patterns(self.files("verbs"))

    @cached_property
    def shipped_kb(self) -> Any:
        """The shipped knowledge base (built into the cache on first use), for lookups by name."""
        from chronicle.kb import KnowledgeBase

        return KnowledgeBase.default()

    @cached_property
    def kb(self) -> Any:
        setting = self.config.actor_kb
        if not setting:
            return None
        from chronicle.kb import KnowledgeBase

        return KnowledgeBase.default() if setting == "shipped" else KnowledgeBase.open(setting)


def named_actors(text: str, published: str | None, resources: Resources) -> list[Actor]:
    """Actors and places a text names, found by the labels of the shipped KB and gazetteer in any
    script (Dari, Pashto): one Actor per name, with every mention's offsets. For articles whose
    language the event coder does not read."""
    from chronicle.kb.places import find_in_text

    actors: dict[tuple, Actor] = {}
    for found in find_in_text(text, resources.shipped_kb, date=published):
        kind = "place" if found.kind == "place" else "named"
        code = (found.country or "") + (found.sector or "") or None
        key = (kind, found.name, found.country, found.sector)
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(id=f"A{len(actors) + 1}", code=code, name=found.name, country=found.country,
                                        sector=found.sector, kind=kind)
        actor.mentions.append(Mention(text=found.text, start=found.start, end=found.end, code=code,
                                      country=found.country, sector=found.sector, name=found.name, kind=kind,
                                      actor_id=actor.id))
    return list(actors.values())


def actor_resolver(config: Config, resources: Resources | None = None, dictionaries: list[str] | None = None,
                   kb: Any = None) -> ActorResolver:
    """The actor resolver of ``config``; ``dictionaries`` adds user files to ``config.dictionaries``,
    ``kb`` replaces the configured knowledge base."""
    res = resources or Resources(config)
    user = res.actor_dictionaries
    if dictionaries:
        user = load_dictionaries(list(config.dictionaries) + list(dictionaries), strict=res.strict)
    return ActorResolver(cues=res.speech_cues, user=user, lexicon=res.actor_lexicon, kb=kb if kb is not None else res.kb,
                         place_country=place_country)


def place_country(name: str) -> str | None:
    """The country of a town or region (the gazetteer's most populous place of that name)."""
    place = lookup_place(name)
    return place.country if place is not None else None


def event_coder(config: Config, resources: Resources | None = None, conventions: str = "") -> EventCoder:
    """The event coder of ``config`` (its lexicon with the user's verbs, their whole patterns)."""
    res = resources or Resources(config)
    return EventCoder(res.event_lexicon, res.verb_patterns, conventions or config.event_conventions)


def quote_extractor(config: Config, resources: Resources | None = None) -> QuoteExtractor:
    """The quote extractor of ``config`` (its speech cues)."""
    res = resources or Resources(config)
    return QuoteExtractor(res.speech_cues)


@component("actors", requires=("doc", "article"), assigns=("actors",))
def make_actors(resources: Resources, settings: dict) -> Stage:
    resolver = actor_resolver(resources.config, resources)

    def actors(state: ArticleState) -> None:
        state.actors = resolver.resolve(state.doc, state.article)

    return actors


@component("events", requires=("actors",), assigns=("events",), default_config={"conventions": ""})
def make_events(resources: Resources, settings: dict) -> Stage:
    coder = event_coder(resources.config, resources, settings["conventions"])

    kb = resources.kb

    def events(state: ArticleState) -> None:
        state.events = coder.code(state.doc, state.article, state.actors)
        roles_at_event_dates(state.events, kb, state.article.published)  # "visited Burma in 2011": as then

    return events


@component("quotes", requires=("actors",), assigns=("quotes",))
def make_quotes(resources: Resources, settings: dict) -> Stage:
    extractor = quote_extractor(resources.config, resources)

    def quotes(state: ArticleState) -> None:
        state.quotes = extractor.extract(state.doc, state.article, state.actors)

    return quotes


@component("judgements", requires=("events", "quotes"), assigns=("judgements",))
def make_judgements(resources: Resources, settings: dict) -> Stage:
    coder = JudgementCoder(resources.judgement_words, resources.event_lexicon)

    kb = resources.kb

    def judgements(state: ArticleState) -> None:
        found = coder.code(state.doc, state.article, state.actors, state.quotes, state.events)
        roles_at_event_dates(found, kb, state.article.published)
        state.events = state.events + found

    return judgements


@component("links", requires=("events", "quotes"), assigns=("links",))
def make_links(resources: Resources, settings: dict) -> Stage:
    def links(state: ArticleState) -> None:
        link_quotes(state.quotes, state.events)

    return links
