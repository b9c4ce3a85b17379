"""Obligations in reported speech as requests: "X said Y must withdraw" -> X REQUEST Y.

In: a parsed sentence, its article, the article's ``ActorLookup``, the ``Lexicon`` (speech
verbs, deontic verbs, the acts a demand asks to yield) and the coder's event builder. Out
(``deontic_requests``): one REQUEST event from the speaker to the obliged actor for each
clause of obligation ("must", "should", "ought", "have/need to") under a speech verb; and
(``clause_heads``) the tokens such a demand asks for, which the coder does not code alone.
"""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from chronicle.model import Article, Event

from ..syntax import MAX_CLIMB
from ..links import same_actor
from .clauses import polled
from .roles import ActorLookup, obliged_actor, verb_source
from .triggers import Trigger, yield_request
from .lexicon import Lexicon
from .words import load_event_words

EVENT_WORDS = load_event_words()


def deontic_requests(
    sent: Span, article: Article, actors: ActorLookup, lexicon: Lexicon, build: Callable[..., Event]
) -> Iterator[Event]:
    """The requests "X said Y must ..." of ``sent``; ``build`` is the coder's ``_build``."""
    for tok in sent:
        if not _deontic(tok, lexicon):
            continue
        speech = _speech_ancestor(tok, lexicon)
        if speech is None or polled(speech):
            continue  # none, or "74 percent of voters said X should ...": a poll's finding
        source = verb_source(speech, actors)
        target = obliged_actor(tok, actors)
        if source is None or target is None or same_actor(source, target):
            continue
        entry = yield_request(tok, lexicon)
        event = build(Trigger(tok, entry, noun=False), sent, article, source, target, actors)
        event.reported_by = None  # the speaker made the demand; nobody reported it
        event.rule = f"'{speech.lemma_.lower()} ... {tok.lemma_.lower()}': the speaker's demand"
        event.hypothetical = False  # "must" is the demand itself, not a condition on it
        yield event


def _deontic(tok: Token, lexicon: Lexicon) -> bool:
    """A clause head of obligation: "must go", "should go", "would have to be observed"."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("ccomp", "conj"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in EVENT_WORDS.obligation_aux for c in tok.children):
        return True
    if tok.lemma_.lower() in ("have", "need") and tok.lemma_.lower() in lexicon.deontic:
        return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children)
    return False


def _speech_ancestor(tok: Token, lexicon: Lexicon) -> Token | None:
    for head in list(tok.ancestors)[:MAX_CLIMB]:
        if head.lemma_.lower() in lexicon.speech_verbs and head.pos_ == "VERB":
            return head
    return None


def clause_heads(doc: Doc, char: int | None) -> set[int]:
    """Token indices of an obligation clause head and its complements ("must withdraw", "must be
    ready to mediate")."""
    tok = next((t for t in doc if t.idx == char), None)
    if tok is None:
        return set()
    ready = [g for c in tok.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"]
    return {tok.i} | {c.i for c in tok.children if c.dep_ == "xcomp"} | {g.i for g in ready}
