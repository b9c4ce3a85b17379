"""A state named as a whole acts through one of its sectors.

``state_roles(event, rules)`` gives an event whose source or target is a bare country mention
("Russia", "the U.S.": kind ``country``, no sector) the sector the state acts through in that
role and event type (``state_sectors`` of ``data/verbs/plover_rules.yaml``): "Iran pressured the
U.S." is IRNGOV -> USAGOV, "Russia invaded Ukraine" RUSMIL -> UKR. The actor records of the
article keep the country alone; only the event's copy of the mention takes the sector.
"""

from __future__ import annotations

import dataclasses

from chronicle.model import Event, Mention

from ..ontology import PloverRules


def bare_state(mention: Mention | None) -> bool:
    """True for a mention of a country as a whole: no sector, no person or body behind it."""
    return mention is not None and mention.kind == "country" and not mention.sector and bool(mention.country)


def acting_state(mention: Mention, sector: str | None) -> Mention:
    """A copy of a bare country mention acting through ``sector`` (code RUS -> RUSGOV)."""
    if not sector:
        return mention
    code = mention.code or mention.country
    if code == mention.country:
        code = f"{code}{sector}"
    return dataclasses.replace(mention, sector=sector, code=code)


def state_roles(event: Event, rules: PloverRules) -> None:
    """Give the event's bare-state source and target the sector of their role (in place)."""
    if bare_state(event.source):
        event.source = acting_state(event.source, rules.state_sector("source", event.type))
    if bare_state(event.target):
        event.target = acting_state(event.target, rules.state_sector("target", event.type))
