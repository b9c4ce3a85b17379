"""One sentence's events that say the same thing twice: the vaguer one is dropped.

In: the candidate events of one sentence, in text order. Out (``unrestated``): those no
other event of the sentence restates in more detail ("held talks with President S during a
visit to Beirut": the talks, USAMIL->LBNELI, and the visit, USAMIL->LBN, are one
consultation); a dropped event's casualty counts go to the event that restates it.
"""

from __future__ import annotations

from typing import Iterator

from chronicle.model import Event


def unrestated(events: list[Event]) -> Iterator[Event]:
    """``events`` less those another of them restates, in their order."""
    for event in events:
        fuller = next((other for other in events if _restates(other, event)), None)
        if fuller is None:
            yield event
        else:  # its casualty counts go to the event that restates it
            fuller.dead, fuller.injured = fuller.dead or event.dead, fuller.injured or event.injured


def _restates(specific: Event, general: Event) -> bool:
    """``general`` says again what ``specific`` (another trigger of the same sentence, on the
    same date) says: the same type between the same actors, with codes that leave out detail
    ("held talks with President S during a visit to Beirut": the talks, USAMIL->LBNELI, and
    the visit, USAMIL->LBN, are one consultation). Events with the very same codes are
    kept: "bombed X and attacked X again" may be two attacks."""
    if specific.type != general.type or specific.trigger_start == general.trigger_start or specific.date != general.date:
        return False
    if general.source is None and specific.source is not None and specific.source.code:
        # "eight people were killed in an air strike by government forces": who did it is known
        pairs = [(specific.target, general.target)]
        return all(a is not None and b is not None and a.code and b.code and a.code.startswith(b.code) for a, b in pairs)
    pairs = [(specific.source, general.source), (specific.target, general.target)]
    if any(a is None or b is None or not a.code or not b.code for a, b in pairs):
        return False
    if not all(a.code.startswith(b.code) for a, b in pairs):
        return False
    return any(len(a.code) > len(b.code) for a, b in pairs)
