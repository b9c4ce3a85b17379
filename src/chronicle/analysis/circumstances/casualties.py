"""Casualty counts in a sentence: "killing at least 156 people" -> dead 156, "wounded 12" ->
injured 12. Patterns and number words come from ``data/casualties.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_yaml


@dataclass(frozen=True)
class Casualties:
    """Dead and injured counts found in a text; None where it names none."""

    dead: int | None = None
    injured: int | None = None


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_yaml("casualties.yaml")


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    lex = _lexicon()
    fill = {
        "NUM": rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_alternatives(list(lex['numbers']))})",
        "QUANT": rf"(?:(?:{_alternatives(lex['hedges'])})\s+)?",
        "WHO": rf"(?:(?:[a-z]+\s+)?(?:{_alternatives(lex['people'])})\s+)?",
    }
    return {kind: [re.compile(_fill(p, fill), re.I) for p in lex[kind]] for kind in ("dead", "injured")}


def _fill(pattern: str, fill: dict[str, str]) -> str:
    # plain replace, not str.format: the patterns hold regex braces such as {0,3}
    for name, regex in fill.items():
        pattern = pattern.replace("{" + name + "}", regex)
    return pattern


def _number(text: str) -> int:
    words = _lexicon()["numbers"]
    key = " ".join(text.lower().split())
    return words[key] if key in words else int(text.replace(",", ""))


def find_casualties(text: str) -> Casualties:
    """The largest dead and injured counts stated in ``text`` (one sentence, typically)."""
    counts: dict[str, int | None] = {"dead": None, "injured": None}
    for kind, patterns in _patterns().items():
        numbers = [_number(m.group("num")) for p in patterns for m in p.finditer(text)]
        counts[kind] = max(numbers) if numbers else None
    return Casualties(**counts)
