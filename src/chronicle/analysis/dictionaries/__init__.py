"""Dictionaries: the entry records of actor and verb dictionaries, and one reader per kind.

Actor entries (``Entry``) and the ``PhraseIndex`` that finds them in a tokenised text are the
stuff of both our own lexicon (``analysis.actors``) and the user's files. Readers:
``read_dictionary(path)`` / ``load_dictionaries(paths)`` for actor dictionaries (Chronicle YAML,
PETRARCH ``.actors`` and ``.agents``), ``read_verb_dictionary(path)`` /
``read_verb_patterns(path)`` / ``load_verb_patterns(paths)`` for PETRARCH verb dictionaries
(``CAMEO.2.0.txt`` format). ``dictionary_kind(path)`` tells which kind a file is, by name and
content: ``yaml``, ``actors``, ``agents`` or ``verbs``.
"""

from .actors import load_dictionaries, read_dictionary
from .kinds import KINDS, dictionary_kind
from .entries import (
    ISO_EXCLUDED, PROPER_KINDS, SECTORS, Entry, PhraseIndex, is_iso, normalise, phrase_words, split_code,
)
from .verbs import Element, VerbPattern, is_verb_dictionary, load_verb_patterns, pattern_lemma, read_verb_dictionary, read_verb_patterns

__all__ = [
    "ISO_EXCLUDED", "KINDS", "PROPER_KINDS", "SECTORS", "Element", "Entry", "PhraseIndex", "VerbPattern", "dictionary_kind",
    "is_iso", "is_verb_dictionary", "load_dictionaries", "load_verb_patterns", "normalise", "pattern_lemma",
    "phrase_words", "read_dictionary", "read_verb_dictionary", "read_verb_patterns", "split_code",
]
