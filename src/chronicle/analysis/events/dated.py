"""Actors as they were when the event happened.

In: an article's events (with their ``date``), the knowledge base (``chronicle.kb``, or None) and
the article's publication date. Out: the same events, a side's sector (and code) changed where
the event happened at another time than the article's and the KB knows what that person was then.

The actors stage codes a person by the office held at the article's date: Hillary Clinton is
PTY in September 2016. An act the article dates years or months before ("Hillary Clinton visited
Burma in December 2011", "Suu Kyi invited McConnell in January 2012") is coded as PLOVER codes
actors, by what they were then: GOV for Clinton's visit, OPP for Suu Kyi's invitation. A person
the KB names several ways at that date, or not at all, keeps the article-date code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from chronicle.model import Event, Mention

# how far from the publication day an event must lie to be "another time" (days)
OTHER_TIME_DAYS = 45


def roles_at_event_dates(events: list[Event], kb: Any, published: str | None) -> None:
    """Recode, in place, the people of events dated at another time than ``published``."""
    if kb is None or not published:
        return
    pub = _day(published)
    if pub is None:
        return
    for event in events:
        when = _day(event.date) if event.date else None
        if when is None or abs((pub - when).days) < OTHER_TIME_DAYS:
            continue
        event.source = _as_then(event.source, kb, when.isoformat())
        event.target = _as_then(event.target, kb, when.isoformat())


def _as_then(mention: Mention | None, kb: Any, when: str) -> Mention | None:
    """The mention as its person was at ``when`` (a new Mention: others share the old one)."""
    if mention is None or mention.kind != "person" or not mention.name:
        return mention
    found = {(e.country, e.sector) for e in kb.lookup(mention.name, when)}
    if len(found) != 1:
        return mention
    country, sector = found.pop()
    if not country or not sector or country != (mention.country or country) or sector == mention.sector:
        return mention
    return replace(mention, sector=sector, code=country + sector)


def _day(value: str | None) -> date | None:
    """A day for an ISO date of any precision ("2011", "2011-12", "2011-12-05"): its middle."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else (15 if len(parts) > 1 else 1)
        return date(year, month, day)
    except (ValueError, IndexError):
        return None
