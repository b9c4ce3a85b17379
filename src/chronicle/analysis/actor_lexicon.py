"""Actor lexicon entries and the phrase index that finds them in a tokenised text.

``Entry`` is what a name means (a country, a capital, an IGO, a role noun, a person, a user
dictionary actor); ``PhraseIndex`` maps token sequences to entries, indexed by first word so
that dictionaries of many thousand phrases match in one pass. ``project_lexicon()`` loads our
own data files (``chronicle/data/actors/*.yaml``) into one index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from chronicle.data import load_yaml


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


@lru_cache(maxsize=1)
def project_lexicon() -> PhraseIndex:
    """Our own lexicon (countries, capitals, IGOs, role nouns, known people), loaded once."""
    index = PhraseIndex()
    index.extend(_country_entries(_load("countries.yaml")))
    index.extend(_igo_entries(_load("igos.yaml")))
    index.extend(_agent_entries(_load("agents.yaml")))
    index.extend(_people_entries(_load("people.yaml")))
    return index


@lru_cache(maxsize=1)
def capital_names() -> frozenset[str]:
    """Capital cities of ``countries.yaml``, lower case ("kigali")."""
    return frozenset(city.lower() for forms in _load("countries.yaml").values() for city in forms.get("capitals", []))


@dataclass(frozen=True)
class SharedName:
    """A name a country shares with a region of another country (shared_names.yaml)."""

    name: str
    country: str
    region_of: str
    region_clues: frozenset[str]
    country_clues: frozenset[str]


@lru_cache(maxsize=1)
def shared_names() -> dict[str, SharedName]:
    """shared_names.yaml, by the name's normalised form ("georgia")."""
    return {
        normalise(name): SharedName(name, item["country"], item["region_of"],
                                    frozenset(item["region_clues"]), frozenset(item["country_clues"]))
        for name, item in (_load("shared_names.yaml") or {}).items()
    }


def _load(name: str) -> object:
    return load_yaml("actors", name)


def _country_entries(data: dict) -> Iterable[tuple[str, Entry]]:
    for iso, forms in data.items():
        for name in forms.get("names", []):
            yield name, Entry("country", iso, iso, None, name)
        for adj in forms.get("adjectives", []):
            yield adj, Entry("country", iso, iso, None, None, adjective=True)
        for city in forms.get("capitals", []):
            yield city, Entry("capital", iso + "GOV", iso, "GOV", city)
        for town in forms.get("places", []):
            yield town, Entry("place", iso, iso, None, town)
        for region in forms.get("regions", []):
            yield region, Entry("region", iso, iso, None, region)


def _igo_entries(data: list) -> Iterable[tuple[str, Entry]]:
    for item in data:
        code, canonical = item["code"], item["names"][0]
        country, sector = item.get("country", code[:3]), item.get("sector")
        dated = _dated(item)
        for name in item["names"]:
            yield name, Entry("igo", code, country, sector, canonical, dated=dated)
        for adj in item.get("adjectives", []):
            yield adj, Entry("igo", code, country, sector, canonical, adjective=True, dated=dated)


def _dated(item: dict) -> tuple[tuple[str, str, str], ...]:
    """An entry's optional ``dates: [{code, from, to}]`` as (code, first day, last day)."""
    return tuple((d["code"], str(d.get("from") or ""), str(d.get("to") or "")) for d in item.get("dates") or [])


def _agent_entries(data: dict) -> Iterable[tuple[str, Entry]]:
    for sector, nouns in data.items():
        for noun in nouns:
            yield noun, Entry("agent", sector, None, sector, noun)


def _people_entries(data: list) -> Iterable[tuple[str, Entry]]:
    for item in data:
        code = item["code"]
        country, sector = split_code(code)
        entry = Entry("person", code, country, sector, item["names"][0], dated=_dated(item))
        for name in item["names"]:
            yield name, entry


@lru_cache(maxsize=1)
def participants() -> tuple[frozenset[str], frozenset[str]]:
    """participants.yaml: role nouns that can name the sides of a conflict, and the words that
    make them do so ("both parties")."""
    data = _load("participants.yaml")
    return frozenset(map(normalise, data["nouns"])), frozenset(map(normalise, data["qualifiers"]))


@lru_cache(maxsize=1)
def crowds() -> tuple[str, frozenset[str]]:
    """crowds.yaml: the sector of counted people of a country, and the counting nouns."""
    data = _load("crowds.yaml")
    return data["sector"], frozenset(map(normalise, data["counts"]))


@lru_cache(maxsize=1)
def homes() -> dict[str, dict[str, str]]:
    """homes.yaml: ``always`` and ``when_mentioned``, each role noun -> ISO-3 country."""
    data = _load("homes.yaml")
    groups = ("always", "when_mentioned")
    return {group: {normalise(k): v for k, v in (data.get(group) or {}).items()} for group in groups}


@lru_cache(maxsize=1)
def titles() -> dict[str, dict[str, str]]:
    """titles.yaml as word tables: modifier, portfolio, head (word -> sector), generic,
    sector_modifier (word -> sector)."""
    data = _load("titles.yaml")
    heads = {normalise(w): sector for sector, words in data["heads"].items() for w in words}
    return {
        "modifier": {normalise(w): "" for w in data["modifiers"]} | dict(data["sector_modifiers"]),
        "portfolio": {normalise(w): "" for w in data["portfolios"]},
        "head": heads,
        "generic": {normalise(w): "" for w in data["generic_heads"]},
        "sector_modifier": dict(data["sector_modifiers"]),
        "former": {normalise(w): "ELI" for w in data["former"]["words"]},
        "former_sectors": {s: "" for s in data["former"]["sectors"]},
        "country": {normalise(w): c for w, c in (data.get("countries") or {}).items()},
    }


@lru_cache(maxsize=1)
def genders() -> tuple[dict[str, str], dict[str, str], int, frozenset[str]]:
    """genders.yaml: pronoun -> gender, title word -> gender, a title's weight in pronouns, and
    the pronouns that count towards a person's gender."""
    data = _load("genders.yaml")
    pronouns = {w: g for g in ("male", "female") for w in data[g]["pronouns"]}
    words = {normalise(w): g for g in ("male", "female") for w in data[g]["titles"]}
    return pronouns, words, int(data["title_weight"]), frozenset(data["voting"])


@lru_cache(maxsize=1)
def party_tags() -> tuple[frozenset[str], str, str]:
    """titles.yaml ``party_tags``: party letters of a "(D-Ohio)" tag, its country and sector."""
    data = _load("titles.yaml")["party_tags"]
    return frozenset(data["parties"]), data["country"], data["sector"]


@lru_cache(maxsize=1)
def context_sectors() -> dict[str, tuple[str, frozenset[str], int]]:
    """context_sectors.yaml: role noun -> (sector, words that give it, sentences looked back)."""
    data = _load("context_sectors.yaml")
    return {normalise(noun): (item["sector"], frozenset(normalise(w) for w in item["words"]), int(item.get("before", 0)))
            for noun, item in data.items()}


def specific_sector(head: str, sector: str | None, modifiers: Iterable[str]) -> str | None:
    """Sector of a title or role noun: a generic head ("leader") takes the sector of a modifier
    naming a kind of group ("rebel"); any other head keeps its own; a state's title held no
    longer ("former president") is ELI."""
    words = titles()
    modifiers = list(modifiers)
    if head in words["generic"]:
        for word in modifiers:
            if word in words["sector_modifier"]:
                sector = words["sector_modifier"][word]
                break
    if sector in words["former_sectors"] and any(word in words["former"] for word in modifiers):
        return "ELI"  # "former president", "ousted leader": no longer of the state
    return sector
