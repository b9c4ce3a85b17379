"""The one place spaCy is loaded: ``load_nlp(name)`` returns a pipeline, cached per process.

In: a pipeline name (an installed spaCy package) or None for ``Config.spacy_model``.
Out: the loaded ``spacy.Language``; the same object on every later call with that name, with
Chronicle's ``chronicle_text_units`` component before its parser (``units``: headlines, list
items and captions start sentences of their own).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..config import load_config
from .units import COMPONENT


def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy pipeline ``name`` (default: the configured ``spacy_model``) once."""
    return _load(name or load_config().spacy_model)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    # cached: loading costs about a second and every stage shares one pipeline
    nlp = spacy.load(name)
    if COMPONENT not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(COMPONENT, **where)
    return nlp
