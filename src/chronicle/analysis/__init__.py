"""The analysis stage: Article -> Analysis (actors, events, quotes), in wings.

The face: ``Analyzer(config).analyze(articles)`` (see ``analyzer``) and ``component`` (see
``registry``), with which a user registers a stage of their own. The house:

- ``analyzer.py``: spaCy loaded once, then the configured components per article, in the
  worker processes when ``n_process > 1``;
- ``registry.py``: components by name, with what they require and assign; ``components.py``:
  the built-in ones (actors, events, quotes, links) and the resources they share;
- wings, each with a public ``__init__``: ``actors/`` (who), ``events/`` (did what to whom),
  ``quotes/`` (said what), ``speech/`` (speech cues and quotation marks for all three),
  ``dictionaries/`` (entry records and one reader per user dictionary kind),
  ``circumstances/`` (dates, places, casualties);
- shared below the wings: ``syntax.py`` (dependency-tree helpers), ``ontology.py`` (PLOVER and
  CAMEO facts), ``nlp.py`` (load_nlp), ``links.py`` (quote <-> event links).
"""

from .analyzer import SUPPORTED_LANGUAGES, Analyzer, skip_reason
from .links import link_quotes
from .registry import ArticleState, component, get_component, registered

__all__ = ["SUPPORTED_LANGUAGES", "Analyzer", "ArticleState", "component", "get_component", "link_quotes",
           "registered", "skip_reason"]
