"""The event lexicon: which verbs and nouns start an event, and which PLOVER type, mode,
context and CAMEO code they carry.

``load_lexicon(user_files)`` reads ``data/verbs/events.yaml`` and adds user verb dictionaries
(PETRARCH ``CAMEO.2.0.txt`` format, read by ``verbdict``). ``cameo_to_plover(code)`` maps a
CAMEO code to (type, mode, context) with our table ``data/verbs/cameo_plover.yaml``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

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


@dataclass
class Lexicon:
    """Verb (lemma or "lemma particle") and noun triggers, plus the word classes the coder
    needs: light verbs, reporting verbs, no-comment complements, verbs of wishing that
    someone else act ("wants Putin to attack"), the sectors of speakers who report
    violence without accusing anyone (media, medics) and of the state, and documents that
    speak for their author ("a report issued by X said")."""

    verbs: dict[str, EventEntry] = field(default_factory=dict)
    nouns: dict[str, EventEntry] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    no_comment: frozenset[str] = frozenset()
    deontic: frozenset[str] = frozenset()
    intent_words: frozenset[str] = frozenset()
    stopping_verbs: frozenset[str] = frozenset()
    wish_verbs: frozenset[str] = frozenset()
    reporting_sectors: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    non_event_nouns: frozenset[str] = frozenset()
    dispersing_verbs: frozenset[str] = frozenset()
    handover_verbs: frozenset[str] = frozenset()
    material_goods: dict[str, EventEntry] = field(default_factory=dict)
    arriving_forces: frozenset[str] = frozenset()
    peacekeeping_words: frozenset[str] = frozenset()
    peacekeeping: EventEntry | None = None


def _read_yaml(name: str) -> dict:
    return load_yaml("verbs", name)


def _entry(raw: dict) -> EventEntry:
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
def _project_lexicon() -> Lexicon:
    data = _read_yaml("events.yaml")
    return Lexicon(
        verbs={k: _entry(v) for k, v in data["verbs"].items()},
        nouns={k: _entry(v) for k, v in data["nouns"].items()},
        light_verbs=frozenset(data["light_verbs"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        no_comment=frozenset(data["no_comment_complements"]),
        deontic=frozenset(data["deontic_modals"]),
        intent_words=frozenset(data["intent_words"]),
        stopping_verbs=frozenset(data["stopping_verbs"]),
        wish_verbs=frozenset(data.get("wish_verbs") or ()),
        reporting_sectors=frozenset(data.get("reporting_sectors") or ()),
        state_sectors=frozenset(data.get("state_sectors") or ()),
        document_nouns=frozenset(data.get("document_nouns") or ()),
        count_nouns=frozenset(data.get("count_nouns") or ()),
        non_event_nouns=frozenset(data.get("non_event_nouns") or ()),
        dispersing_verbs=frozenset(data.get("dispersing_verbs") or ()),
        handover_verbs=frozenset(data.get("handover_verbs") or ()),
        material_goods={k: _entry(v) for k, v in (data.get("material_goods") or {}).items()},
        arriving_forces=frozenset(data.get("arriving_forces") or ()),
        peacekeeping_words=frozenset(data.get("peacekeeping_words") or ()),
        peacekeeping=_entry(data["peacekeeping"]) if data.get("peacekeeping") else None,
    )


def load_lexicon(user_files: Iterable[str] = ()) -> Lexicon:
    """Our lexicon plus the verbs of each user verb dictionary (later files win)."""
    from .verbdict import read_verb_dictionary

    base = _project_lexicon()
    files = list(user_files)
    if not files:
        return base
    verbs = dict(base.verbs)
    for path in files:
        verbs.update(read_verb_dictionary(path))
    return dataclasses.replace(base, verbs=verbs)


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, dict]:
    return {str(k): v for k, v in _read_yaml("cameo_plover.yaml")["codes"].items()}


def cameo_to_plover(code: str) -> EventEntry | None:
    """PLOVER reading of a CAMEO code: the longest prefix in our table, or None for codes
    PLOVER leaves out (01 statements, 02 appeals)."""
    table = _cameo_table()
    for size in range(len(code), 1, -1):
        raw = table.get(code[:size])
        if raw is not None:
            return None if raw.get("type") is None else _entry({**raw, "cameo": code})
    return None
