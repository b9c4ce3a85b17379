"""What a warning is: a threat, a criticism, or a forecast.

In: a warning verb's token ("warned", lemmas ``warning_verbs`` in ``data/verbs/event_words.yaml``)
whose entry is THREATEN, the event's doer and target. Out (``warning_kind``): ``"threat"``,
``"criticism"`` or ``"forecast"``.

"Iran warned that it would retaliate", "warned the US of consequences": the warner's own act to
come, a threat (THREATEN, CAMEO 13). "Rights groups warned that the administration was
relinquishing its leverage": another actor's deed, told as it happens or happened, is the
warner's criticism of that actor (ACCUSE, CAMEO 111), also when told as what it could do ("warned
that the committee's move could damage the party"). "The IMF warned that the economy could
collapse": a clause that names no actor is a forecast, no event, and so is one about a third
party ("warned followers that the Islamic State could penetrate the country").
"""

from __future__ import annotations

from spacy.tokens import Token

from chronicle.model import Mention

from ..syntax import child_with
from .words import load_event_words

MODAL_TAG = "MD"


def warning_kind(tok: Token, source: Mention | None, target: Mention | None) -> str:
    """``"threat"``, ``"criticism"`` or ``"forecast"`` (see the module docstring)."""
    words = load_event_words()
    if tok.lemma_.lower() not in words.warning_verbs:
        return "threat"
    clause = child_with(tok, {"ccomp"})
    if clause is None:
        return "threat"  # "warned of retaliation", "warned the US": the warner's own threat
    subject = child_with(clause, {"nsubj", "nsubjpass"})
    modal = any(c.dep_ == "aux" and (c.tag_ == MODAL_TAG or c.lower_ in words.future_aux) for c in clause.children)
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ in words.first_person_pronouns:
        return "threat"  # "warned that we will respond"
    if target is None:
        return "threat" if modal and subject is not None and subject.pos_ == "PRON" else "forecast"
    owner = child_with(subject, {"poss"}) if subject is not None else None
    if modal and subject is not None and subject.pos_ == "NOUN" and owner is not None and owner.pos_ != "PRON":
        return "criticism"  # "warned that the DNC's move could damage the party": another's deed
    if modal and subject is not None and subject.pos_ == "PROPN" and not _names(target, subject):
        return "forecast"  # "warned followers that the Islamic State could penetrate the country"
    if modal:
        return "threat"  # "warned X that it would face consequences"
    return "criticism"


def _names(mention: Mention | None, tok: Token) -> bool:
    """The mention covers the word."""
    return mention is not None and mention.start <= tok.idx < mention.end
