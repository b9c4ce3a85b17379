"""How an event is said: negated, future, hypothetical, conditional, historical or intended.

In: the trigger token and its lexicon entry. Out: whether the verb is negated or failed,
carries future or modal auxiliaries, sits in an "if/unless" clause or a historical frame,
and the entry an announced act codes as (AGREE or THREATEN with its CAMEO intent code).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..ontology import EventEntry
from ..ontology import load_plover_rules
from .words import load_event_words

PLOVER_RULES = load_plover_rules()
EVENT_WORDS = load_event_words()

FUTURE_AUX = EVENT_WORDS.future_aux
HYPOTHETICAL_AUX = EVENT_WORDS.hypothetical_aux
# Modals of possibility: on a verb of wishing they guess at a wish ("might want Y to go"),
# which nobody expressed, so it is no request.
SPECULATIVE_AUX = EVENT_WORDS.speculative_aux
# Modals that, with an "if/unless" clause, announce an act: "may halt aid if ..." is a threat.
CONDITIONAL_AUX = EVENT_WORDS.conditional_aux
HISTORICAL_ADVERBS = EVENT_WORDS.historical_adverbs
# Announced acts: cooperative ones are AGREE, hostile ones THREATEN, with the CAMEO intent code.
INTENT_AGREE = PLOVER_RULES.intent_agree
# Verbs whose infinitive did not happen: "failed to agree" is a refusal.
FAILURE_VERBS = EVENT_WORDS.failure_verbs
COOPERATIVE_TYPES = PLOVER_RULES.cooperative_types
INTENT_THREATEN = PLOVER_RULES.intent_threaten


def intent_entry(entry: EventEntry, conditional: bool = False) -> EventEntry:
    """An announced cooperative act is an AGREE (CAMEO 03, "express intent to ..."); an
    announced hostile one, or any announced act with an "unless" condition, a THREATEN
    (CAMEO 13); other types stay as they are."""
    if conditional and entry.type in INTENT_AGREE:
        ultimatum = PLOVER_RULES.recodings["ultimatum"]
        return EventEntry(ultimatum.type, ultimatum.cameo, entry.mode, entry.context)
    if entry.type in INTENT_AGREE:
        return EventEntry("AGREE", INTENT_AGREE[entry.type], entry.mode, entry.context)
    if entry.type in INTENT_THREATEN:
        return EventEntry("THREATEN", INTENT_THREATEN[entry.type], entry.mode, entry.context)
    return entry


def is_negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    # "did not agree to withdraw" / "failed to agree": the negation sits on the governing verb
    return tok.dep_ == "xcomp" and (
        any(c.dep_ == "neg" for c in tok.head.children) or tok.head.lemma_.lower() in FAILURE_VERBS
    )


def _aux_words(tok: Token) -> set[str]:
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.dep_ == "xcomp":
        words |= {c.lower_ for c in tok.head.children if c.dep_ == "aux"}
    return words


def has_aux(tok: Token, words: set[str]) -> bool:
    return bool(_aux_words(tok) & words)


def going_to(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and tok.head.lower_ == "going"


def is_conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in EVENT_WORDS.condition_marks for c in tok.children)


def negated_type(entry: EventEntry) -> str:
    """"would not provide support", "wouldn't agree": refusing a cooperative act is a REJECT
    (CAMEO 12); other negated acts keep their type, flagged ``negated``."""
    if entry.negated:
        return entry.negated
    return "REJECT" if entry.type in COOPERATIVE_TYPES else entry.type


def conditional_clause(tok: Token, marks: tuple[str, ...] = ("unless", "if")) -> bool:
    """An "unless ..." or "if ..." clause (or one of ``marks``) hangs on the act."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children) for c in tok.children)


def is_historical(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in HISTORICAL_ADVERBS for c in tok.children)
