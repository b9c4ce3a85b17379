"""What an event carries beside its actors: its date, place, casualties and confidence.

In: a built ``Event``, its trigger token, sentence and article (for the publication date).
Out: the event filled in place (``add_circumstances``: the date expression nearest the trigger,
the place named in its clause or sentence, and for violence the dead and injured counted in its
clause) and a rough 0-1 confidence (``confidence_of``). ``warm_up`` loads the gazetteer and word
lists these use once, before the first article.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .confidence import load_confidence_model
from chronicle.model import Article, Event

from ..circumstances import find_casualties
from ..circumstances import location_in, lookup
from ..circumstances import find_dates
from ..ontology import load_plover_rules

PLOVER_RULES = load_plover_rules()

# Violent types: their events carry casualty counts (and another side reporting them accuses).
ASSAULT_TYPES = PLOVER_RULES.violent_types


def warm_up() -> None:
    """Load the gazetteer and word lists now (seconds), not in the middle of the first article."""
    lookup("Kabul")
    find_dates("Tuesday", "2012-03-14")
    find_casualties("killing 2 people")


def add_circumstances(event: Event, tok: Token, sent: Span, article: Article) -> None:
    """Date, place and (for violence) casualties from the trigger's clause or sentence."""
    event.date = _nearest_date(sent, tok, article.published)
    event.location = location_in(tok.subtree) or location_in(sent)
    if event.type in ASSAULT_TYPES:
        clause = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
        counts = find_casualties(clause)
        event.dead, event.injured = counts.dead, counts.injured


def _nearest_date(sent: Span, tok: Token, published: str | None) -> str | None:
    """The date expression of the sentence nearest the trigger, else the publication date."""
    dates = find_dates(sent.text, published)
    if not dates:
        return published[:10] if published else None
    offset = tok.idx - sent.start_char
    return min(dates, key=lambda d: abs(d.start - offset)).value


def confidence_of(event: Event) -> float:
    """The chance that the event is fully right, from the shipped calibrated model (see
    ``confidence``): the event's own record says all it uses."""
    return load_confidence_model().probability(event)
