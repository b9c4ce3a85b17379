"""The event lexicon: which verbs and nouns start an event, and which PLOVER type, mode,
context and CAMEO code they carry.

``load_lexicon(user_verbs)`` reads ``data/verbs/events.yaml`` and adds the verbs of a user's
PETRARCH verb dictionaries (read by ``analysis.dictionaries``; the component factories pass them
in). ``EventEntry`` and ``cameo_to_plover`` live in ``analysis.ontology``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping

from chronicle.data import load_yaml

from ..ontology import EventEntry, event_entry


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
    speech_verbs: frozenset[str] = frozenset()  # reporting verbs, from the speech cues
    quote_marks: frozenset[str] = frozenset()  # quotation marks, from the speech cues
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
    opinion_verbs: frozenset[str] = frozenset()  # "agreed that ...": a shared view, no act
    relatives: frozenset[str] = frozenset()  # "his wife": a relative speaks for herself
    sport_words: frozenset[str] = frozenset()  # a sporting article or sentence (see events.yaml)
    sport_signals: int = 3
    contest_verbs: frozenset[str] = frozenset()
    election_words: frozenset[str] = frozenset()  # an election article or sentence (see events.yaml)
    election_signals: int = 3
    election_contest_verbs: frozenset[str] = frozenset()
    rally_words: frozenset[str] = frozenset()
    preference_verbs: frozenset[str] = frozenset()
    public_words: frozenset[str] = frozenset()
    crowd_quantifiers: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _project_lexicon() -> Lexicon:
    data = load_yaml("verbs", "events.yaml")
    return Lexicon(
        verbs={k: event_entry(v) for k, v in data["verbs"].items()},
        nouns={k: event_entry(v) for k, v in data["nouns"].items()},
        light_verbs=frozenset(data["light_verbs"]),
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
        material_goods={k: event_entry(v) for k, v in (data.get("material_goods") or {}).items()},
        arriving_forces=frozenset(data.get("arriving_forces") or ()),
        peacekeeping_words=frozenset(data.get("peacekeeping_words") or ()),
        peacekeeping=event_entry(data["peacekeeping"]) if data.get("peacekeeping") else None,
        opinion_verbs=frozenset(data.get("opinion_verbs") or ()),
        relatives=frozenset(data.get("relatives") or ()),
        sport_words=frozenset(data.get("sport_words") or ()),
        sport_signals=int(data.get("sport_signals") or 3),
        contest_verbs=frozenset(data.get("contest_verbs") or ()),
        election_words=frozenset(data.get("election_words") or ()),
        election_signals=int(data.get("election_signals") or 3),
        election_contest_verbs=frozenset(data.get("election_contest_verbs") or ()),
        rally_words=frozenset(data.get("rally_words") or ()),
        preference_verbs=frozenset(data.get("preference_verbs") or ()),
        public_words=frozenset(data.get("public_words") or ()),
        crowd_quantifiers=frozenset(data.get("crowd_quantifiers") or ()),
    )


def load_lexicon(user_verbs: Mapping[str, EventEntry] | None = None,
                 reporting_verbs: Iterable[str] = (), quote_marks: Iterable[str] = ()) -> Lexicon:
    """Our lexicon plus a user's verbs (``{key: EventEntry}`` as ``dictionaries.read_verb_dictionary``
    reads them from PETRARCH verb files), which win over ours; ``reporting_verbs`` (from the
    speech cues, ``speech.load_cues().reporting_verbs``) are its ``speech_verbs``, and the cues'
    quotation marks its ``quote_marks``."""
    base = dataclasses.replace(_project_lexicon(), speech_verbs=frozenset(reporting_verbs),
                               quote_marks=frozenset(quote_marks))
    if not user_verbs:
        return base
    return dataclasses.replace(base, verbs={**base.verbs, **user_verbs})
