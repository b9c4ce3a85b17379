"""Speech: the one lexicon of speech cues and quotation marks, shared by actors, events and quotes.

``load_cues(path=None)`` -> ``QuoteLexicon`` (speech verbs, nouns, marks; ``config.quote_lexicon``
replaces the packaged ``data/quotes/cues.yaml``); ``find_quoted(text, cues)`` -> the quoted
spans of a text (``QuotedSpan``); ``find_frames(doc, cues)`` -> the speech frames of a parse
("X said", "according to X"); ``subject_of(verb)`` -> the speaker token of a speech verb.
"""

from .cues import QuoteLexicon, load_cues
from .frames import Frame, find_frames, subject_of
from .marks import QuotedSpan, find_quoted

__all__ = ["Frame", "QuoteLexicon", "QuotedSpan", "find_frames", "find_quoted", "load_cues", "subject_of"]
