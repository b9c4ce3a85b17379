"""The speech cues (cue and reporting verbs, content nouns, pronouns, quote marks) from data/quotes/cues.yaml.

In: optionally a path to another YAML file of the same shape. Out: a frozen ``QuoteLexicon``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from chronicle.data import read_text

from .pronouns import load_pronouns

PRONOUNS = load_pronouns()


@dataclass(frozen=True)
class QuoteLexicon:
    """The speech cues of Chronicle: ``speech_verbs`` ... ``quote_marks`` for quotes and actors;
    ``reporting_verbs`` for the event coder (reported acts are coded with their own source)."""

    speech_verbs: frozenset[str]
    cognition_verbs: frozenset[str]
    object_verbs: frozenset[str]
    content_nouns: frozenset[str]
    refusal_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    stance_preps: frozenset[str]
    prepositional_cues: tuple[tuple[str, ...], ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    mark_pairs: tuple[tuple[str, str], ...]
    straight_marks: frozenset[str]
    double_apostrophe: str
    reporting_verbs: frozenset[str] = frozenset()

    @property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb lemma that can introduce reported content."""
        return self.speech_verbs | self.cognition_verbs


def _from_data(data: dict, packaged: dict | None = None) -> QuoteLexicon:
    marks = data["quote_marks"]
    reporting = data.get("reporting_verbs")
    if reporting is None and packaged is not None:
        reporting = packaged["reporting_verbs"]
    return QuoteLexicon(
        speech_verbs=frozenset(data["speech_verbs"]),
        cognition_verbs=frozenset(data["cognition_verbs"]),
        object_verbs=frozenset(data["object_verbs"]),
        content_nouns=frozenset(data["content_nouns"]),
        refusal_verbs=frozenset(data["refusal_verbs"]),
        stance_verbs=frozenset(data["stance_verbs"]),
        stance_preps=frozenset(data["stance_preps"]),
        prepositional_cues=tuple(tuple(c) for c in data["prepositional_cues"]),
        person_pronouns=frozenset(data["pronouns"]["person"]) if "pronouns" in data else PRONOUNS.speaker_person,
        group_pronouns=frozenset(data["pronouns"]["group"]) if "pronouns" in data else PRONOUNS.speaker_group,
        mark_pairs=tuple((a, b) for a, b in marks["pairs"]),
        straight_marks=frozenset(marks["straight"]),
        double_apostrophe=marks["double_apostrophe"],
        reporting_verbs=frozenset(reporting or ()),
    )


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> QuoteLexicon:
    """Read the packaged lexicon, or the YAML file at ``path``."""
    packaged = yaml.safe_load(read_text("quotes", "cues.yaml"))
    if not path:
        return _from_data(packaged)
    return _from_data(yaml.safe_load(Path(path).read_text(encoding="utf-8")), packaged)
