"""Quotes: who said what, direct and indirect, with the speaker resolved to an actor.

``QuoteExtractor(config, lexicon).extract(doc, article, actors) -> list[Quote]``.
"""

from .extractor import QuoteExtractor

__all__ = ["QuoteExtractor"]
