"""Countries from context for mentions that name none ("the opposition", "President X").

``resolve_context(doc, slots, dominant)`` works through the slots in text order so earlier
mentions can lend theirs: a later mention of a person takes the full one's code ("Antonov"),
"the minister" refers back to a titled person, then the nearest country earlier in the
sentence, a place named later in it ("a curfew in Algiers"), or the article's dominant country.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from .lexicon import homes, titles
from ..dictionaries import is_iso
from .slots import Slot, is_place, names_a_base
from .words import load_actor_words

def resolve_context(doc: Doc, slots: list[Slot], dominant: str | None,
                    place_country: Callable[[str], str | None] | None = None) -> None:
    """Fill in countries from context, in text order so earlier mentions can lend theirs.
    ``place_country`` names the country of a city or region ("Columbus" -> USA), for a body
    named after its place ("the Columbus Police Department")."""
    people: dict[str, list[Slot]] = {}
    named = {s.country for s in slots if is_iso(s.country)}
    full_names = _full_names(slots)
    _appositive_roles(doc, slots, named)
    for slot in slots:  # bodies named after their town first: others may belong to them
        if slot.needs_country and not slot.country:
            slot.country = _place_in_name(doc, slot, place_country)
            slot.needs_country = slot.country is None
    for k, slot in enumerate(slots):
        if slot.kind == "person":
            _link_person(slot, people, full_names)
        elif slot.kind == "group" and slot.needs_country:
            _link_role(doc, slot, slots[:k])
        if slot.needs_country and not slot.country:
            slot.country = _home(doc, slot, named) or _led_by(slot, slots) or _member_of(doc, slot, slots, place_country) \
                or _story_police(slot, slots, k) \
                or _nearest_country(doc, slots, k) \
                or _later_place(doc, slots, k) or dominant


def _appositive_roles(doc: Doc, slots: list[Slot], named: set[str | None]) -> None:
    """A person described beside the name ("Keith Hutto, a plumbing contractor, ...", "John
    Roe, a Kenyan opposition lawmaker,") takes the role noun's sector, and its country when it
    or its owner names one ("the State Department's envoy"); a generic role ("a spokesperson
    for the U.S. military") takes the group it speaks for. Only what the name left open is
    filled. The person is the name right before the comma ("X and Y, the envoy": Y), wherever
    the parser hung the apposition."""
    people = {s.end_tok: s for s in slots if s.kind == "person"}
    by_token = {k: s for s in slots for k in range(s.start_tok, s.end_tok)}
    generic = titles()["generic"]
    for role in (s for s in slots if s.kind == "group" and s.agent is not None and doc[s.head].dep_ == "appos"):
        left = doc[role.head].left_edge.i  # "the State Department's climate envoy" from "the"
        comma = next((t.i for t in reversed(doc[max(0, left - 2):left]) if t.text == ","), None)
        slot = people.get(comma) if comma is not None else None
        if slot is None:
            slot = by_token.get(doc[role.head].head.i)
        if slot is None or slot.kind != "person" or (slot.sector is not None and slot.country is not None):
            continue
        sector, country = role.sector, role.country
        owner = next((by_token.get(c.i) for c in doc[role.head].children if c.dep_ == "poss"), None)
        if country is None and owner is not None and owner.kind != "person":
            country = owner.country if is_iso(owner.country) else _home(doc, owner, named)
        if doc[role.head].lemma_.lower() in generic:
            group = next((by_token.get(g.i) for c in doc[role.head].children
                          if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children if g.dep_ == "pobj"), None)
            if group is not None and group.kind != "person" and group.sector:
                sector, country = group.sector, group.country or country
        slot.sector = slot.sector or sector
        if slot.country is None and country:
            slot.country, slot.needs_country = country, False


def _led_by(slot: Slot, slots: list[Slot]) -> str | None:
    """A body named after the person who leads it is of that person's country: "the Obama
    administration", "the Netanyahu government" (the person's name inside the body's words)."""
    if slot.kind != "group":
        return None
    return next((s.country for s in slots if s.kind == "person" and is_iso(s.country)
                 and slot.start_tok <= s.start_tok and s.end_tok <= slot.head), None)


def _member_of(doc: Doc, slot: Slot, slots: list[Slot],
               place_country: Callable[[str], str | None] | None) -> str | None:
    """People of a body named in their "from"/"of" phrase are that body's: "officers from the
    Columbus Police Department" are its police (its country, and its sector when it has one)."""
    if slot.kind != "group":
        return None
    for prep in doc[slot.head].children:
        if prep.dep_ != "prep" or prep.lower_ not in load_actor_words().member_prepositions:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            inside = range(pobj.left_edge.i, pobj.i + 1)
            body = next((s for s in slots if s.kind != "person" and s.head in inside and is_iso(s.country)), None)
            if body is not None:
                slot.sector = body.sector or slot.sector
                return body.country
            if pobj.pos_ == "PROPN":
                country = _place_named(doc, pobj, place_country)
                if country:
                    return country
    return None


def _place_in_name(doc: Doc, slot: Slot, place_country: Callable[[str], str | None] | None) -> str | None:
    """Country of the town or region a body is named after: "the Columbus Police Department",
    "Bartholomew County Sheriff's Office"."""
    if slot.kind != "group" or slot.agent is None:
        return None
    return _place_named(doc, doc[slot.head], place_country)


def _place_named(doc: Doc, head, place_country: Callable[[str], str | None] | None) -> str | None:
    """The country of a place that starts the run of capitalised names before ``head`` ("Columbus"
    in "Columbus Police Department Intelligence Led Policing Unit"): the longest start of the
    run the gazetteer knows."""
    if place_country is None:
        return None
    first = head.left_edge.i
    while first < head.i and not (doc[first].pos_ == "PROPN" and doc[first].text[:1].isupper()):
        first += 1
    if first < head.i and doc[first].ent_type_ == "PERSON":
        return None  # "the Obama administration": a person's, not the Japanese town's
    run = first
    while run < head.i and doc[run].pos_ == "PROPN" and doc[run].text[:1].isupper():
        run += 1
    for end in range(run, first, -1):
        country = place_country(doc[first:end].text)
        if country:
            return country
    return None


def _story_police(slot: Slot, slots: list[Slot], k: int) -> str | None:
    """Police are the story's own: "officers" or "police" with no country of their own are the
    police the article names with one, the last before them ("the Columbus Police Department
    ... Officers"), else the first after ("Police arrested six people ... the Columbus Police
    Department")."""
    if slot.kind != "group" or slot.sector != "COP":
        return None
    others = [*reversed(slots[:k]), *slots[k + 1 :]]
    return next((s.country for s in others if s.sector == "COP" and s.kind != "person" and is_iso(s.country)), None)


def _home(doc: Doc, slot: Slot, named: set[str | None]) -> str | None:
    """Country of a capitalised institution ("the Kremlin"; "Congress" when the article
    names the US), from ``homes.yaml``."""
    if slot.agent is None or not slot.agent.name or not doc[slot.head].text[:1].isupper():
        return None
    table = homes()
    home = table["always"].get(slot.agent.name)
    mentioned = table["when_mentioned"].get(slot.agent.name)
    return home or (mentioned if mentioned in named else None)


def _later_place(doc: Doc, slots: list[Slot], k: int) -> str | None:
    """Country of a place named later in the sentence ("... a curfew in Algiers"): where an
    actor acts is its country more often than not; a target ("against Russia") is not used."""
    sent = doc[slots[k].start_tok].sent
    for slot in slots[k + 1 :]:
        if slot.start_tok >= sent.end:
            break
        if slot.kind == "country" and is_iso(slot.country) and is_place(doc[slot.head]) \
                and not names_a_base(doc, slot):
            return slot.country
    return None


def _link_role(doc: Doc, slot: Slot, earlier: list[Slot]) -> None:
    """"the minister", "the president": the last person whose title has that word."""
    word = doc[slot.head].lemma_.lower()
    if word not in titles()["head"]:
        return
    for other in reversed(earlier):
        if other.kind == "person" and other.role and word in other.role.lower().split():
            slot.kind, slot.name, slot.role = "person", other.name, other.role
            slot.country, slot.sector, slot.entry = other.country, other.sector, other.entry
            slot.needs_country = False
            return


def _full_names(slots: list[Slot]) -> dict[str, list[Slot]]:
    """Surname -> the first slot of each distinct full name (two words or more) of a person."""
    found: dict[str, list[Slot]] = {}
    for slot in slots:
        words = _name_key(slot.name or "").split() if slot.kind == "person" else []
        if len(words) > 1 and not any(_name_key(p.name or "") == " ".join(words) for p in found.get(words[-1], [])):
            found.setdefault(words[-1], []).append(slot)
    return found


def _link_person(slot: Slot, people: dict[str, list[Slot]], full_names: dict[str, list[Slot]]) -> None:
    """A later, shorter mention ("Antonov", "De Blasio") takes the country, sector, role and
    name of the full one ("Anatoly Antonov", "Bill de Blasio"); a bare surname before any full
    name (a headline's "Trump and Clinton ...") takes the one full name of that surname the
    article gives later, when it gives only one."""
    words = _name_key(slot.name or "").split()
    if not words:
        return
    earlier = next((p for p in people.get(words[-1], []) if set(words) <= set(_name_key(p.name or "").split())), None)
    if earlier is None and slot.end_tok - slot.start_tok == 1 and people.get(words[-1]):
        # a bare surname the dictionary took for someone famous ("Blair" -> Tony Blair) after the
        # article named its own person of that surname ("Jonathan P. Blair"): the article's person
        earlier = people[words[-1]][0]
        slot.entry, slot.country, slot.sector, slot.role = None, None, None, None
    later = full_names.get(words[-1], [])
    if earlier is None and len(words) == 1 and len(later) == 1 and later[0] is not slot:
        earlier = later[0]
    if earlier:
        slot.name = earlier.name
        slot.country = slot.country or earlier.country
        slot.sector = slot.sector or earlier.sector
        slot.role = slot.role or earlier.role
        slot.entry = slot.entry or earlier.entry
        slot.needs_country = slot.country is None and slot.entry is None
        return
    # earliest first: a bare surname means the article's main person of that name, not a relative
    people.setdefault(words[-1], []).append(slot)


def _name_key(name: str) -> str:
    """A person's name for comparison: lower case, one kind of apostrophe."""
    return name.lower().replace("\u2019", "'")


def _nearest_country(doc: Doc, slots: list[Slot], k: int) -> str | None:
    """Country of the nearest earlier mention in the same sentence (countries of IGOs excluded)."""
    sent = doc[slots[k].start_tok].sent
    for slot in reversed(slots[:k]):
        if slot.start_tok < sent.start:
            break
        if slot.kind != "pronoun" and is_iso(slot.country) and not names_a_base(doc, slot):
            return slot.country
    return None
