"""Speech: the one lexicon of speech cues and quotation marks, shared by actors, events and quotes.

``load_cues(path=None)`` -> ``QuoteLexicon`` (speech verbs, nouns, marks; ``config.quote_lexicon``
replaces the packaged ``data/quotes/cues.yaml``); ``find_quoted(text, cues)`` -> the quoted
spans of a text (``QuotedSpan``); ``find_frames(doc, cues)`` -> the speech frames of a parse
("X said", "according to X"); ``subject_of(verb)`` -> the speaker token of a speech verb;
``load_pronouns()`` -> the English pronouns every wing reads (``data/actors/pronouns.yaml``).
"""

from .cues import QuoteLexicon, load_cues
from .frames import Frame, find_frames, subject_of
from .marks import QuotedSpan, find_quoted, in_open_quote
from .pronouns import Pronouns, load_pronouns

__all__ = ["Frame", "Pronouns", "QuoteLexicon", "QuotedSpan", "find_frames", "find_quoted", "in_open_quote", "load_cues", "load_pronouns",
           "subject_of"]
