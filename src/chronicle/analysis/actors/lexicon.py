"""Chronicle's own actor lexicon and word classes, from ``chronicle/data/actors/*.yaml``.

``project_lexicon()`` loads our data files into one ``PhraseIndex`` (the entry and index types
live in ``analysis.dictionaries``); the other loaders read the word classes the resolver needs
(titles, homes, genders, crowds, party tags, context sectors, names several places share).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from chronicle.data import load_yaml

from ..dictionaries import Entry, PhraseIndex, normalise, split_code
from ..speech import load_pronouns


@lru_cache(maxsize=1)
def project_lexicon() -> PhraseIndex:
    """Our own lexicon (countries, capitals, IGOs, role nouns, known people), loaded once."""
    index = PhraseIndex()
    index.extend(_country_entries(_load("countries.yaml")))
    index.extend(_igo_entries(_load("igos.yaml")))
    index.extend(_agent_entries(_load("agents.yaml")))
    index.extend(_people_entries(_load("people.yaml")))
    index.extend(_media_entries(_load("media.yaml")))
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


MEDIA_SECTOR = "JRN"


def _media_entries(data: dict) -> Iterable[tuple[str, Entry]]:
    """News outlets (media.yaml): each name form -> the outlet, of its country and sector JRN."""
    for country, outlets in data.items():
        for names in outlets:
            entry = Entry("actor", country + MEDIA_SECTOR, country, MEDIA_SECTOR, names[0])
            for name in names:
                yield name, entry


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
def crowds() -> tuple[str, frozenset[str], frozenset[str]]:
    """crowds.yaml: the sector of counted people of a country, the counting nouns, and the
    words that quantify a people ("most Americans")."""
    data = _load("crowds.yaml")
    return data["sector"], frozenset(map(normalise, data["counts"])), frozenset(map(normalise, data["quantifiers"]))


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
    """genders.yaml and pronouns.yaml: pronoun -> gender, title word -> gender, a title's weight in pronouns, and
    the pronouns that count towards a person's gender."""
    data = _load("genders.yaml")
    pronouns = load_pronouns()
    by_gender = {w: g for g in ("male", "female") for w in getattr(pronouns, g)}
    words = {normalise(w): g for g in ("male", "female") for w in data[g]["titles"]}
    return by_gender, words, int(data["title_weight"]), pronouns.voting


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
