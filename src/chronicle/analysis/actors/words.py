"""The closed-class words the actor resolver reads around names, from
``data/actors/grammar_words.yaml``: ``load_actor_words()`` -> ``ActorWords`` (read once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_word_sets


@dataclass(frozen=True)
class ActorWords:
    place_prefixes: frozenset[str]
    list_joiners: frozenset[str]
    title_joiners: frozenset[str]
    dateline_marks: frozenset[str]
    locative_prepositions: frozenset[str]
    sectors_coded_alone: frozenset[str]
    street_words: frozenset[str]
    member_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def load_actor_words() -> ActorWords:
    """``data/actors/grammar_words.yaml``, read once."""
    return load_word_sets(ActorWords, "actors", "grammar_words.yaml")
