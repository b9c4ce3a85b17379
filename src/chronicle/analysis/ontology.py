"""PLOVER and CAMEO facts the wings share: what a trigger word means (``EventEntry``) and the
PLOVER reading of a CAMEO code (``cameo_to_plover``, from ``data/verbs/cameo_plover.yaml``).

Both the event lexicon (``analysis.events``) and the PETRARCH verb dictionary reader
(``analysis.dictionaries``) build ``EventEntry`` records; this module is below both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_yaml


@dataclass(frozen=True)
class EventEntry:
    """What a trigger word means. ``requires``: the noun only counts with one of these
    prepositions or an infinitive ("to") beside it. ``negated``: type when negated
    ("wouldn't agree" is a refusal). ``received``: the verb's subject is on the receiving end
    ("X received ministers from Y", "X hosted Y"): the doer is the giver or visitor."""

    type: str
    cameo: str | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    negated: str | None = None
    received: bool = False


def event_entry(raw: dict) -> EventEntry:
    """An ``EventEntry`` from its YAML mapping (type, cameo, mode, context, requires, negated, received)."""
    return EventEntry(
        type=raw["type"],
        cameo=str(raw["cameo"]) if raw.get("cameo") is not None else None,
        mode=raw.get("mode"),
        context=tuple(raw.get("context") or ()),
        requires=tuple(raw.get("requires") or ()),
        negated=raw.get("negated"),
        received=bool(raw.get("received")),
    )


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, dict]:
    return {str(k): v for k, v in load_yaml("verbs", "cameo_plover.yaml")["codes"].items()}


def cameo_to_plover(code: str) -> EventEntry | None:
    """PLOVER reading of a CAMEO code: the longest prefix in our table, or None for codes
    PLOVER leaves out (01 statements, 02 appeals)."""
    table = _cameo_table()
    for size in range(len(code), 1, -1):
        raw = table.get(code[:size])
        if raw is not None:
            return None if raw.get("type") is None else event_entry({**raw, "cameo": code})
    return None


@dataclass(frozen=True)
class PloverRules:
    """The PLOVER/CAMEO facts of ``data/verbs/plover_rules.yaml`` (each field documented there)."""

    requires_recipient: frozenset[str]
    needs_counterpart: frozenset[str]
    uncoded_needs_target: frozenset[str]
    aimed_noun_types: frozenset[str]
    mutual_types: frozenset[str]
    place_target_types: frozenset[str]
    unaimed_types: frozenset[str]
    addressed_types: frozenset[str]
    violent_types: frozenset[str]
    cooperative_types: frozenset[str]
    protest_aims: frozenset[str]
    armed_modes: frozenset[str]
    away_modes: frozenset[str]
    intent_agree: dict[str, str]
    intent_threaten: dict[str, str]
    eased: dict[str, tuple[str, str]]
    recodings: dict[str, EventEntry]
    negated_cameo: str
    state_sectors: dict[str, dict[str, str | None]]

    def state_sector(self, role: str, event_type: str) -> str | None:
        """The sector through which a state named as a whole acts as ``role`` (source or target)
        of an event of ``event_type``."""
        table = self.state_sectors.get(role, {})
        return table.get(event_type, table.get("default"))

    def recoding(self, reason: str, context: tuple[str, ...] | None = None) -> EventEntry:
        """The entry an act is recoded to for ``reason`` (riot, criticism, wish, dispersed);
        ``context`` replaces the recoding's own (a riot keeps the context of the act)."""
        entry = self.recodings[reason]
        return entry if context is None else EventEntry(entry.type, entry.cameo, entry.mode, context)


@lru_cache(maxsize=1)
def load_plover_rules() -> PloverRules:
    """``data/verbs/plover_rules.yaml``, read once."""
    data = load_yaml("verbs", "plover_rules.yaml")
    sets = {name: frozenset(data[name]) for name in (
        "requires_recipient", "needs_counterpart", "uncoded_needs_target", "aimed_noun_types", "mutual_types", "place_target_types", "unaimed_types",
        "addressed_types", "violent_types", "cooperative_types", "protest_aims", "armed_modes", "away_modes")}
    return PloverRules(
        **sets,
        intent_agree={str(k): str(v) for k, v in data["intent_agree"].items()},
        intent_threaten={str(k): str(v) for k, v in data["intent_threaten"].items()},
        eased={str(k): (str(v[0]), str(v[1])) for k, v in data["eased"].items()},
        recodings={str(k): event_entry(v) for k, v in data["recodings"].items()},
        negated_cameo=str(data["negated_cameo"]),
        state_sectors={str(role): {str(k): (str(v) if v else None) for k, v in table.items()}
                       for role, table in data["state_sectors"].items()},
    )
