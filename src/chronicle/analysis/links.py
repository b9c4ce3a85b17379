"""Quote <-> event links: a quote whose speaker states an event points to it (``Quote.event_id``)."""

from __future__ import annotations

from typing import Any

from chronicle.model import Event, Quote


def link_quotes(quotes: list[Quote], events: list[Event]) -> None:
    """Set ``Quote.event_id`` for a quote whose speaker is an event's source and that states the
    event: its cue is the event's trigger ("Antonov dismissed allegations that ...") or its text
    holds the trigger ("we will block it")."""
    for quote in quotes:
        for event in events:
            if event.trigger_start is None:
                continue
            is_cue = quote.cue_start is not None and quote.cue_start == event.trigger_start
            if not is_cue and not quote.start <= event.trigger_start < quote.end:
                continue
            if quote.speaker is not None and event.source is not None and same_actor(quote.speaker, event.source):
                quote.event_id = event.id
                break


def same_actor(a: Any, b: Any) -> bool:
    """Two mentions of one actor: the same actor id, or the same words."""
    if a.actor_id is not None and a.actor_id == b.actor_id:
        return True
    return (a.start, a.end) == (b.start, b.end)
