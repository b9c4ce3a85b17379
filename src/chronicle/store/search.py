"""Turn what a user types into a safe full-text query, normalised like the articles it searches.

Articles in Persian script had Arabic yeh/kaf turned into Persian letters by the articles stage,
so a query gets the same treatment before it reaches FTS5 (SQLite) or tsquery (PostgreSQL).
"""

from __future__ import annotations

import re
import unicodedata

from ..articles.normalize import is_persian_script, normalize_line, normalize_persian

# "a phrase" or a bare word, optionally ending in * for a prefix search.
_TERM = re.compile(r'"([^"]+)"|(\S+)')
# The same token characters as the FTS5 tokenizer in data/sql/sqlite.sql: letters, digits,
# private use and combining marks (so Persian vowel marks stay inside their word).
_TOKEN_CATEGORIES = ("L", "N", "Co", "Mn", "Mc")


def normalise_query(query: str) -> str:
    """Whitespace collapsed, and Persian letters unified when the query is in Persian script."""
    query = normalize_line(query)
    return normalize_persian(query) if is_persian_script(query) else query


def words_of(text: str) -> list[str]:
    """Split ``text`` into tokens exactly where the SQLite tokenizer does."""
    marked = "".join(ch if _is_token_char(ch) else " " for ch in text)
    return marked.split()


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LN" or category in _TOKEN_CATEGORIES


def terms(query: str) -> list[tuple[list[str], bool]]:
    """The query as (words of one term or phrase, is_prefix) pairs; punctuation is dropped."""
    found = []
    for phrase, bare in _TERM.findall(normalise_query(query)):
        text = phrase or bare
        words = words_of(text)
        if words:
            found.append((words, bool(bare) and bare.endswith("*")))
    return found


def fts5_query(query: str) -> str:
    """An FTS5 MATCH expression: every term must occur; phrases stay phrases; no syntax errors."""
    parts = []
    for words, prefix in terms(query):
        parts.append('"' + " ".join(words) + '"' + ("*" if prefix else ""))
    return " AND ".join(parts)


def tsquery(query: str) -> str:
    """A PostgreSQL to_tsquery('simple', ...) expression with the same meaning as ``fts5_query``."""
    parts = []
    for words, prefix in terms(query):
        tokens = [w.lower() for w in words]
        if prefix:
            tokens[-1] += ":*"
        parts.append("(" + " <-> ".join(tokens) + ")")
    return " & ".join(parts)
