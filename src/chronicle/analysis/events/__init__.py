"""Events: PLOVER (and CAMEO) event coding of a parsed article, who did what to whom.

``EventCoder(lexicon, patterns, conventions).code(doc, article, actors) -> list[Event]``;
``load_lexicon(user_verbs)`` -> the event ``Lexicon`` (``data/verbs/events.yaml`` plus a user's
PETRARCH verbs); ``best_pattern(token, patterns)`` matches whole PETRARCH verb patterns.
``JudgementCoder(words, lexicon).code(doc, article, actors, quotes, events)``: a speaker's
criticism or praise of another actor in their own words (ACCUSE / SUPPORT).
``MAX_SENTENCE_TOKENS``: longer "sentences" are flattened tables and are not coded.
``roles_at_event_dates(events, kb, published)``: people of events dated at another time than the
article are coded as they were then (the knowledge base's dated roles).
"""

from .clauses import MAX_SENTENCE_TOKENS
from .coder import CONVENTIONS, EventCoder
from .dated import roles_at_event_dates
from .judgements import JudgementCoder, JudgementWords, load_judgement_words, parse_judgement_words
from .lexicon import Lexicon, load_lexicon
from .patterns import best_pattern

__all__ = ["CONVENTIONS", "MAX_SENTENCE_TOKENS", "EventCoder", "JudgementCoder", "JudgementWords", "Lexicon", "best_pattern",
           "load_judgement_words", "load_lexicon", "parse_judgement_words", "roles_at_event_dates"]
