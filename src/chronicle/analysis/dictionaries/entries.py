"""Actor dictionary entries and the phrase index that finds them in a tokenised text.

``Entry`` is what a name means (a country, a capital, an IGO, a role noun, a person, a user
dictionary actor); ``PhraseIndex`` maps token sequences to entries, indexed by first word so
that dictionaries of many thousand phrases match in one pass. Our own lexicon
(``analysis.actors.lexicon``) and the user dictionaries (``analysis.dictionaries``) are both
made of these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence



# PLOVER/CAMEO sectors recognised when a user code is split into country + sector
SECTORS = frozenset(
    "GOV MIL COP REB OPP JUD LEG PTY BUS CVL MED REF REL NGO ELI SPY LAB EDU HLH CRM AGR ENV JRN SOC PRM PRE UNK "
    "IGO UAF INS MOD RAD HRI".split()
)

# country codes that name no country: IGOs, NGOs, the West, international militant groups
ISO_EXCLUDED = frozenset({"IGO", "NGO", "WST", "IMG"})

# kinds whose text must start with a capital letter ("Turkey", not "turkey")
PROPER_KINDS = frozenset({"country", "capital", "place", "region", "igo", "person", "actor"})

_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Entry:
    """What a dictionary phrase means.

    kind: country | capital | place (a town standing for its country) | region (a state or city that
    only lends its country) | igo | agent | person |
    actor (a user dictionary name).
    code: full CAMEO-style code (RUSGOV) or, for agents, the role code added to a country.
    dated: (code, first day, last day) triples; ISO dates, "" for open ends.
    """

    kind: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    adjective: bool = False
    prefix: bool = False  # agent code written before the country (NGO~)
    user: bool = False
    dated: tuple[tuple[str, str, str], ...] = ()

    def code_on(self, date: str | None) -> str | None:
        """The code valid on ``date`` (ISO, may be None): a matching dated code, else the default."""
        if date and self.dated:
            day = date[:10]
            for code, first, last in self.dated:
                if (not first or first <= day) and (not last or day <= last):
                    return code
        return self.code


def is_iso(country: str | None) -> bool:
    """Whether a country code names a country (not IGO, NGO, WST or ---, nor a role such as the
    MED of a user dictionary's news agency "AFP [MED]")."""
    return bool(country) and country not in ISO_EXCLUDED and country not in SECTORS and country.isalpha()  # type: ignore[union-attr]


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """``RUSGOV`` -> (RUS, GOV); ``IGONATMIL`` -> (IGO, MIL); ``AFG`` -> (AFG, None)."""
    if not code or code.startswith("-"):
        return None, None
    chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
    sector = next((c for c in chunks if c in SECTORS), None)
    return code[:3], sector


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Normalised words of a dictionary phrase, split the way spaCy splits text."""
    text = phrase.replace("_", " ")
    return tuple(normalise(w) for w in _WORD.findall(text) if normalise(w))


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Matching key of one token: lower case, dots dropped ("U.N." == "UN"), quotes unified."""
    key = word.lower().replace("\u2019", "'")
    stripped = key.replace(".", "")
    return stripped or key


class PhraseIndex:
    """Token-sequence dictionary: first word -> [(words, entry)], longest phrases first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self._sorted = True

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def starts(self, keys: frozenset[str]) -> bool:
        """Whether any phrase begins with one of a token's forms (a cheap pre-check)."""
        return not self._by_first.keys().isdisjoint(keys)

    def add(self, phrase: str | Sequence[str], entry: Entry) -> None:
        """Add one phrase (text, or already normalised words) meaning ``entry``."""
        words = phrase_words(phrase) if isinstance(phrase, str) else tuple(phrase)
        if words:
            self._by_first.setdefault(words[0], []).append((words, entry))
            self._sorted = False

    def extend(self, items: Iterable[tuple[str | Sequence[str], Entry]]) -> None:
        for phrase, entry in items:
            self.add(phrase, entry)

    def match(self, keys: Sequence[frozenset[str]], i: int) -> tuple[int, list[Entry]]:
        """Longest phrase starting at token ``i``; ``keys[j]`` holds token j's accepted forms.

        Returns (length, entries of that length), or (0, []) when nothing starts there.
        """
        self._sort()
        best, found = 0, []
        for first in keys[i]:
            for words, entry in self._by_first.get(first, ()):
                n = len(words)
                if n < best or i + n > len(keys):
                    continue
                if all(words[k] in keys[i + k] for k in range(1, n)):
                    if n > best:
                        best, found = n, []
                    found.append(entry)
        return best, found

    def _sort(self) -> None:
        if not self._sorted:
            for items in self._by_first.values():
                items.sort(key=lambda item: -len(item[0]))
            self._sorted = True
