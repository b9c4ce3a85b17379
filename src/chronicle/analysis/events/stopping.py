"""Stopping verbs: what "halted", "ended", "cancelled" code depends on what they stop.

In: a trigger, the sentence's triggers and the ``Lexicon`` (its stopping verbs). Out
(``stopping_reading``): the trigger recoded by the act it stops: a cooperative act stopped ("halted
aid", "cancelled a visit") is a SANCTION (CAMEO 16); pressure stopped ("ended the blockade",
"called off the strike") an easing (CAMEO 08); ``idle``: a stopping verb that stops neither
("stopped the car") is no event.
"""

from __future__ import annotations

from .modes import COOPERATIVE_TYPES
from .triggers import STOP, Trigger, stop_key
from ..ontology import EventEntry
from .lexicon import Lexicon
from ..ontology import load_plover_rules

PLOVER_RULES = load_plover_rules()

# Stopping pressure: type of the stopped event -> (type, CAMEO) of the easing (CAMEO 08).
EASED = PLOVER_RULES.eased
# A protest dispersed by force: repression (CAMEO 175), as "suppress" in the lexicon.
DISPERSED = PLOVER_RULES.recoding("dispersed")


def stopping_reading(trig: Trigger, triggers: dict[int, Trigger], lexicon: Lexicon) -> Trigger:
    """"halted aid", "ended mediation efforts", "cancelled a visit": stopping a cooperative
    act is a SANCTION (CAMEO 16, reduce relations); stopping pressure ("ended the
    blockade", "cancelled restrictions", "halted the offensive") is an easing (CAMEO 08)."""
    if trig.noun or stop_key(trig.token, lexicon.stopping_verbs) not in lexicon.stopping_verbs:
        return trig
    for child in trig.token.children:
        if child.dep_ != "dobj":
            continue
        inner = triggers.get(child.i) or next(
            (triggers[c.i] for c in child.lefts if c.i in triggers and c.dep_ == "compound"), None
        )
        if inner is not None and inner.entry.type in COOPERATIVE_TYPES:
            entry = EventEntry("SANCTION", "160", inner.entry.mode, inner.entry.context)
            return Trigger(trig.token, entry, noun=False, particle=trig.particle)
        if inner is not None and inner.entry.type == "PROTEST" and stop_key(trig.token, lexicon.stopping_verbs) in lexicon.dispersing_verbs:
            # "police broke up the demonstration": somebody else's protest stopped by force
            return Trigger(trig.token, DISPERSED, noun=False, particle=trig.particle)
        if inner is not None and inner.entry.type in EASED:
            # "cancelled restrictions", "called off the strike": stopping pressure yields
            entry = EventEntry(*EASED[inner.entry.type], mode="ease", context=inner.entry.context)
            return Trigger(trig.token, entry, noun=False, particle=trig.particle)
    return trig


def idle(trig: Trigger) -> bool:
    """A stopping verb that stops no cooperative act ("stopped the car") is no event."""
    return trig.entry is STOP
