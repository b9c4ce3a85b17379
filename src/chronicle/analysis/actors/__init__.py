"""Actors: who the people, organisations and countries of an article are.

``ActorResolver(config, ...)`` finds and codes the actor mentions of a parsed article and groups
them into actors (``resolve(doc, article) -> ArticleActors``); ``ArticleActors`` answers the
other wings' questions about them (the actor at a token, who "he" is, inside a quotation).
Chronicle's own lexicon is ``project_lexicon()``; ``capital_names()`` the capitals it knows.
"""

from .lexicon import capital_names, project_lexicon
from .resolver import ActorResolver, ArticleActors

__all__ = ["ActorResolver", "ArticleActors", "capital_names", "project_lexicon"]
