"""Reported violence as an accusation: "the U.N. says Syrian forces killed ..." -> ACCUSE.

In: an event the coder built from a reported act, its trigger token, sentence, article, the
article's ``ActorLookup``, the ``Lexicon`` (speech verbs, reporting and state sectors) and the
coder's event builder. Out (``accusations_of``): one ACCUSE event (CAMEO 112) on the speech verb
for each named speaker of another side who states that the event's doer used force; none for
the speaker's own side, for those who only report, or for a denied, hedged or future act.
"""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Span, Token

from chronicle.model import Article, Event, Mention

from .circumstances import ASSAULT_TYPES
from .modes import is_negated
from ..syntax import MAX_CLIMB, child_with
from .roles import ActorLookup, coordinated_with, is_unnamed
from .triggers import Trigger
from ..ontology import EventEntry
from .lexicon import Lexicon

# Arcs from a reported act up to the head of the content clause that asserts it: its verbs
# ("attacked and seized", "tried to seize") and their subjects and objects ("Y's shelling killed").
ASSERTED_ARCS = {"conj", "xcomp", "nsubj", "nsubjpass", "dobj"}


def accusations_of(
    event: Event, tok: Token, sent: Span, article: Article, actors: ActorLookup, lexicon: Lexicon,
    build: Callable[..., Event],
) -> Iterator[Event]:
    """"The U.N. says Syrian forces killed ...": a named speaker stating that an actor of
    another side used force accuses it (ACCUSE, CAMEO 112), coded beside the reported
    event on the speech verb, once for each coordinated speaker. Not for the speaker's own
    side, not for those who only report (media, medics: ``reporting_sectors``; unnamed
    "officials said"), not for a denied, hedged or future act, nor for one the statement
    only mentions ("said ... after Y attacked"). ``build`` is the coder's ``_build``."""
    doer = event.source
    if event.type not in ASSAULT_TYPES or event.reported_by is None or doer is None or not doer.code:
        return
    verb = _speech_verb(tok, lexicon)
    if verb is None or is_negated(verb) or is_unnamed(child_with(verb, {"nsubj"}), lexicon):
        return
    if event.negated or event.hypothetical or event.future:
        return
    for speaker in coordinated_with(event.reported_by, sent.doc, actors):
        if not speaker.code or _same_side(speaker, doer, lexicon):
            continue
        codes = {speaker.sector} | {speaker.code[i : i + 3] for i in range(0, len(speaker.code), 3)}
        if codes & lexicon.reporting_sectors:
            continue
        # the accusation is about the reported act: its context ("military") is the act's
        trig = Trigger(verb, EventEntry("ACCUSE", "112", mode="allege", context=tuple(event.context)), noun=False)
        accusation = build(trig, sent, article, speaker, doer, actors)
        accusation.reported_by = None  # the speaker accuses; nobody reported it
        accusation.rule = f"violence by another side reported by the speaker ({event.type} '{event.trigger}'): an accusation"
        yield accusation


def _same_side(a: Mention, b: Mention, lexicon: Lexicon) -> bool:
    """One country's actors, unless one is of the state and the other of a known sector
    outside it (the opposition, rebels, a rights group: ``state_sectors``)."""
    if a.code[:3] != b.code[:3]:
        return False
    if a.sector is None or b.sector is None:
        return True
    return (a.sector in lexicon.state_sectors) == (b.sector in lexicon.state_sectors)


def _speech_verb(tok: Token, lexicon: Lexicon) -> Token | None:
    """The speech verb whose content clause asserts ``tok`` ("said" in "X said Y attacked",
    "said Y tried to seize", "said Y's shelling killed"), not one that only mentions it in
    a phrase or clause inside ("said ... despite Y's crackdown", "said ... after Y attacked")."""
    child = tok
    for _ in range(MAX_CLIMB):
        head = child.head
        if head is child:
            return None
        if child.dep_ == "ccomp" and head.lemma_.lower() in lexicon.speech_verbs:
            return head
        if _violence_means(child, lexicon):
            child = head.head  # "were killed in an air strike by X": the strike is how
            continue
        if child.dep_ not in ASSERTED_ARCS:
            return None
        child = head
    return None


def _violence_means(tok: Token, lexicon: Lexicon) -> bool:
    """``tok`` names how a violent verb's act was done: "killed in an air strike", "wounded
    by shelling"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "by") or prep.dep_ not in ("prep", "agent"):
        return False
    entry = lexicon.verbs.get(prep.head.lemma_.lower())
    return prep.head.pos_ == "VERB" and entry is not None and entry.type == "ASSAULT"
