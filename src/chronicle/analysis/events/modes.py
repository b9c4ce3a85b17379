"""How an event is said: negated, future, hypothetical, conditional, historical or intended.

In: the trigger token and its lexicon entry. Out: whether the verb is negated or failed,
carries future or modal auxiliaries, sits in an "if/unless" clause or a historical frame,
and the entry an announced act codes as (AGREE or THREATEN with its CAMEO intent code).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..ontology import EventEntry

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "can", "should", "must", "ca", "'d"}
# Modals of possibility: on a verb of wishing they guess at a wish ("might want Y to go"),
# which nobody expressed, so it is no request.
SPECULATIVE_AUX = {"might", "may", "could"}
# Modals that, with an "if/unless" clause, announce an act: "may halt aid if ..." is a threat.
CONDITIONAL_AUX = {"would", "could", "might", "may"}
HISTORICAL_ADVERBS = {"long", "once", "formerly", "previously", "earlier", "historically"}
# Announced acts: cooperative ones are AGREE, hostile ones THREATEN, with the CAMEO intent code.
INTENT_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035",
                "RETREAT": "035"}
# Verbs whose infinitive did not happen: "failed to agree" is a refusal.
FAILURE_VERBS = {"fail", "neglect"}
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
INTENT_THREATEN = {"PROTEST": "130", "ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "MOBILIZE": "138"}


def intent_entry(entry: EventEntry, conditional: bool = False) -> EventEntry:
    """An announced cooperative act is an AGREE (CAMEO 03, "express intent to ..."); an
    announced hostile one, or any announced act with an "unless" condition, a THREATEN
    (CAMEO 13); other types stay as they are."""
    if conditional and entry.type in INTENT_AGREE:
        return EventEntry("THREATEN", "130", entry.mode, entry.context)
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
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


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
