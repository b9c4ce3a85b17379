"""Events: PLOVER (and CAMEO) event coding of a parsed article, who did what to whom.

``EventCoder(lexicon, patterns, conventions).code(doc, article, actors) -> list[Event]``;
``load_lexicon(user_verbs)`` -> the event ``Lexicon`` (``data/verbs/events.yaml`` plus a user's
PETRARCH verbs); ``best_pattern(token, patterns)`` matches whole PETRARCH verb patterns.
``MAX_SENTENCE_TOKENS``: longer "sentences" are flattened tables and are not coded.
"""

from .coder import CONVENTIONS, MAX_SENTENCE_TOKENS, EventCoder
from .lexicon import Lexicon, load_lexicon
from .patterns import best_pattern

__all__ = ["CONVENTIONS", "MAX_SENTENCE_TOKENS", "EventCoder", "Lexicon", "best_pattern", "load_lexicon"]
