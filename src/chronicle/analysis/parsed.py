"""What several stages read off one parsed article, computed once per ``Doc``.

``text_of(doc)`` is ``doc.text`` (spaCy joins every token on each access: milliseconds an
article); ``count_lower(doc, words)`` is how many tokens' lower-case form is one of ``words``
(one counting pass in spaCy's own code, shared by every word list). Both keep their result in
``doc.user_data``, so a stage that asks again pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc

TEXT_KEY = "chronicle.text"
LOWER_KEY = "chronicle.lower_counts"


def text_of(doc: Doc) -> str:
    """``doc.text``, built on the first call for this doc only."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def count_lower(doc: Doc, words: Iterable[str]) -> int:
    """The tokens of ``doc`` whose ``lower_`` is in ``words`` (as ``sum(t.lower_ in words for t in doc)``)."""
    counts = doc.user_data.get(LOWER_KEY)
    if counts is None:
        counts = doc.user_data[LOWER_KEY] = doc.count_by(LOWER)
    return sum(counts.get(hash_string(word), 0) for word in set(words))
