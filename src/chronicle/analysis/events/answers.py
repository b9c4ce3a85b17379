"""Answered claims: "X rejected these accusations" answers the accusation reported just before,
so its maker is the target.

``answer_claims(events, doc, words)`` fills in place the target of an answering event (REJECT,
ACCUSE, ...: ``answering_types``) that has none and whose object is a claim noun pointing back
("these accusations", "the charges": ``claim_nouns`` with an ``anaphoric_determiners`` word): the
source of the latest accusation (ACCUSE) coded before it, in its own sentence or the two before,
that is not its own source. The rule says so ("; answers the claim of X").
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronicle.model import Event

from ..links import same_actor
from ..syntax import child_with
from .circumstances import confidence_of
from .words import EventWords

# how many sentences back an answered claim may have been reported
LOOKBACK_SENTENCES = 2


def answer_claims(events: list[Event], doc: Doc, words: EventWords) -> None:
    """Give answering events with no target the maker of the claim they answer (see above)."""
    claims = [e for e in events if e.type == "ACCUSE" and e.source is not None and e.trigger_start is not None]
    if not claims:
        return
    sentence_of = {s.start_char: k for k, s in enumerate(doc.sents)}
    for event in events:
        if event.target is not None or event.source is None or event.type not in words.answering_types:
            continue
        if event.trigger_start is None or not _answers_a_claim(doc, event, words):
            continue
        here = sentence_of.get(event.start)
        earlier = [c for c in claims if c.trigger_start < event.trigger_start and not same_actor(c.source, event.source)
                   and here is not None and 0 <= here - sentence_of.get(c.start, -99) <= LOOKBACK_SENTENCES]
        if earlier:
            claim = max(earlier, key=lambda c: c.trigger_start)
            event.target = claim.source
            event.rule = f"{event.rule}; answers the claim of {claim.source.text}"
            event.confidence = confidence_of(event)


def _answers_a_claim(doc: Doc, event: Event, words: EventWords) -> bool:
    """The trigger's object is a claim noun pointing back: "rejected these accusations"."""
    trigger = doc.char_span(event.trigger_start, event.trigger_end or event.trigger_start + 1, alignment_mode="expand")
    obj = child_with(trigger[0], {"dobj"}) if trigger is not None and len(trigger) else None
    if obj is None or obj.lemma_.lower() not in words.claim_nouns:
        return False
    return any(c.dep_ == "det" and c.lower_ in words.anaphoric_determiners for c in obj.children)
