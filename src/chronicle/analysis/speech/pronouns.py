"""English pronouns, from ``data/actors/pronouns.yaml``: the one list every wing reads.

``load_pronouns()`` -> ``Pronouns`` (read once). Actors resolve pronouns to antecedents with
``person``/``group``/``plural`` and tell genders with ``male``/``female``/``voting``; quotes
take the last named speaker for ``speaker_person``/``speaker_group``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_word_sets


@dataclass(frozen=True)
class Pronouns:
    person: frozenset[str]
    group: frozenset[str]
    plural: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    voting: frozenset[str]
    speaker_person: frozenset[str]
    speaker_group: frozenset[str]


@lru_cache(maxsize=1)
def load_pronouns() -> Pronouns:
    """``data/actors/pronouns.yaml``, read once."""
    return load_word_sets(Pronouns, "actors", "pronouns.yaml")
