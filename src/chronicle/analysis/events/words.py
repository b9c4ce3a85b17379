"""The closed-class words the event coder reads in a parse, from ``data/verbs/event_words.yaml``.

``load_event_words()`` -> ``EventWords`` (read once): modal auxiliaries, historical adverbs,
prepositions of targets, doers, settings and means, and a few verb classes; each field is
documented in the data file. Dependency-label sets stay in code, as spaCy keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_word_sets


@dataclass(frozen=True)
class EventWords:
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    speculative_aux: frozenset[str]
    conditional_aux: frozenset[str]
    historical_adverbs: frozenset[str]
    failure_verbs: frozenset[str]
    sequence_prepositions: frozenset[str]
    setting_prepositions: frozenset[str]
    means_prepositions: frozenset[str]
    when_words: frozenset[str]
    content_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    behalf_types: frozenset[str]
    behalf_prepositions: frozenset[str]
    verb_only_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    from_source_verbs: frozenset[str]
    stative_passives: frozenset[str]
    recipient_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    partitives: frozenset[str]
    obligation_aux: frozenset[str]
    condition_marks: frozenset[str]
    stance_prepositions: frozenset[str]
    agreement_prepositions: frozenset[str]
    member_prepositions: frozenset[str]
    issue_place_prepositions: frozenset[str]
    recipient_prepositions: frozenset[str]
    possessives: frozenset[str]
    question_verbs: frozenset[str]
    question_words: frozenset[str]
    quoting_question_verbs: frozenset[str]
    request_markers: frozenset[str]
    feeling_nouns: frozenset[str]
    answering_types: frozenset[str]
    claim_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    supposition_nouns: frozenset[str]
    poll_shares: frozenset[str]
    same_subject_prepositions: frozenset[str]
    suspect_nouns: frozenset[str]
    warning_verbs: frozenset[str]
    first_person_pronouns: frozenset[str]


@lru_cache(maxsize=1)
def load_event_words() -> EventWords:
    """``data/verbs/event_words.yaml``, read once."""
    return load_word_sets(EventWords, "verbs", "event_words.yaml")
