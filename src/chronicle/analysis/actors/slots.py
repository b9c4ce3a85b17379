"""Candidate actor mentions of one parsed text, before context fills in missing countries.

In: the spaCy ``Doc`` and the dictionary phrases found in it (``Match``). Out: ``Slot``s in
text order - people with their titles ("Deputy Defense Minister Anatoly Antonov"), role nouns
with the countries written beside them ("Russian and Chinese diplomats" gives two), country
names, capitals, IGOs, and he/she pronouns (resolved later). ``actors.ActorResolver`` turns
them into mentions; ``context`` gives countries to those that lack one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..dictionaries import Entry, normalise, split_code
from .lexicon import context_sectors, crowds, participants, party_tags, specific_sector, titles
from .words import load_actor_words

ACTOR_WORDS = load_actor_words()

# country-bearing kinds that can lend their country to a role noun or a person
PLACE_KINDS = frozenset({"country", "capital", "place"})
# kinds of names that can modify a role noun ("Turkish officials", "NATO troops")
MODIFIER_KINDS = PLACE_KINDS | {"igo", "actor", "region"}
# dependency links by which a country name modifies a role noun ("Russian and Chinese diplomats")
ATTACHING_DEPS = frozenset({"amod", "compound", "poss", "nmod", "conj", "npadvmod", "nummod", "appos"})
# words joining title words: "Secretary of State", "Planning and Investment Minister", "Vice-President"
TITLE_JOINERS = ACTOR_WORDS.title_joiners
# what follows a dateline's place name
DATELINE_MARKS = ACTOR_WORDS.dateline_marks
# a capital after these is where something happened, not the government acting
LOCATIVE_PREPOSITIONS = ACTOR_WORDS.locative_prepositions


@dataclass
class Match:
    """A lexicon phrase found at tokens [i, j)."""

    i: int
    j: int
    entry: Entry


@dataclass
class Slot:
    """A mention under construction; ``country``/``sector`` may still come from context."""

    start_tok: int
    end_tok: int
    kind: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    head: int = -1  # token index the mention is about (the name, the role noun)
    needs_country: bool = False
    entry: Entry | None = None  # the dictionary name it matched (dated codes live there)
    agent: Entry | None = None  # the role noun it matched


def build_slots(doc: Doc, matches: list[Match], known_person: Callable[[str], bool] | None = None) -> list[Slot]:
    """Candidate mentions: titled/named people, role nouns with their countries, names.
    known_person: whether a full name is a person the knowledge base knows (a name the NER
    model tagged otherwise, "Carly Fiorina" as ORG, is a person then)."""
    by_token = {k: m for m in matches for k in range(m.i, m.j)}
    used: set[int] = set()
    slots = _people(doc, by_token, used, known_person)
    slots += _role_nouns(doc, matches, by_token, used)
    slots += _names(doc, matches, used)
    slots += _pronouns(doc, used)
    return sorted(slots, key=lambda s: (s.start_tok, -s.end_tok))


def _people(doc: Doc, by_token: dict[int, Match], used: set[int],
            known_person: Callable[[str], bool] | None = None) -> list[Slot]:
    """Persons: NER PERSON names and dictionary people, with a title and country before them."""
    slots = []
    spans = _person_spans(doc, by_token, known_person)
    for start, end in spans:
        if any(k in used for k in range(start, end)):
            continue
        slot = _person_slot(doc, start, end, by_token)
        used.update(range(slot.start_tok, slot.end_tok))
        slots.append(slot)
    return slots


def _person_spans(doc: Doc, by_token: dict[int, Match],
                  known_person: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """Token spans of people: NER PERSON names, names after a title, dictionary people, and
    full names the knowledge base knows as people whatever the NER label."""
    named = {k for k, m in by_token.items() if m.entry.kind in MODIFIER_KINDS}
    persons = [e for e in doc.ents if e.label_ == "PERSON"
               or (known_person is not None and _full_name(e) and known_person(e.text))]
    spans = {(_skip_titles(doc, e.start, e.end), _strip_possessive(doc, e.end)) for e in persons}
    spans = {s for s in (_name_part(doc, *s) for s in spans) if s is not None}
    # a dictionary name beats the NER model's guess ("Evil Mordor", "Kabul" tagged PERSON)
    spans = {s for s in spans if not any(k in named for k in range(*s))}
    spans.update(_titled_names(doc, by_token))
    spans.update(_surnames(doc, spans))
    for m in {id(v): v for v in by_token.values()}.values():
        tagged_person = any(t.ent_type_ == "PERSON" for t in doc[m.i : m.j])
        several = "/" in (m.entry.code or "")  # "[FRO/BIL/SAM]" names a group of actors
        if m.entry.kind == "person" or (m.entry.kind == "actor" and tagged_person and not several):
            spans.add((m.i, m.j))
    # spans inside a longer one are dropped: one sweep, longest first at each start
    kept, reach = [], -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[1] > reach:
            kept.append(span)
            reach = span[1]
    return kept


def _name_part(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The part of an NER person span that can be a name: up to a colon or dash that ends a
    headline's name ("John Doe: Dealing"), none when no word is capitalised ("marijuana") or
    the last word names a street ("Jolinda Drive")."""
    cut = next((t.i for t in doc[start:end] if t.text in (":", "|", "—", "–")), end)
    if cut <= start or not any(t.text[:1].isupper() for t in doc[start:cut]):
        return None
    if cut - start > 1 and doc[cut - 1].lower_.rstrip(".") in ACTOR_WORDS.street_words:
        return None
    return start, cut


def _full_name(span: Span) -> bool:
    """Two or more capitalised proper nouns and nothing else ("Carly Fiorina")."""
    return len(span) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)


def _skip_titles(doc: Doc, start: int, end: int) -> int:
    """First name token of an NER person span that took in its title ("Gen. Prosper Avril")."""
    words = titles()
    while start < end - 1 and _is_title_word(normalise(doc[start].text), words):
        start += 1
    return start


def _titled_names(doc: Doc, by_token: dict[int, Match]) -> Iterable[tuple[int, int]]:
    """Capitalised proper nouns right after a title head ("President Abdelaziz Bouteflika"),
    for names the NER model missed; words the lexicon knows end the name."""
    heads = titles()["head"]
    for tok in doc[:-1]:
        if not tok.text[:1].isupper() or normalise(tok.text) not in heads:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end not in by_token:
            end += 1
        if end > tok.i + 1:
            yield tok.i + 1, end


def _surnames(doc: Doc, spans: set[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Later mentions by surname that NER labelled otherwise ("Antonov" tagged ORG)."""
    surnames = {doc[end - 1].orth for start, end in spans if end - start >= 2}
    if not surnames:
        return
    covered = {k for start, end in spans for k in range(start, end)}
    # the words' ids in one array: no Token object is made for the words that are no surname
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if orth in surnames and i not in covered and doc[i].pos_ == "PROPN":
            yield i, i + 1


def _strip_possessive(doc: Doc, end: int) -> int:
    return end - 1 if end - 1 > 0 and doc[end - 1].text in ("'s", "'", "\u2019s") else end


def _person_slot(doc: Doc, start: int, end: int, by_token: dict[int, Match]) -> Slot:
    """A person, widened to the left over a title ("Foreign Minister") and a country
    ("Russian", "Lebanon's", "Arab League"): a country or IGO there decides the code."""
    match = by_token.get(start)
    entry = match.entry if match and match.i == start and match.j >= end else None
    if entry is not None and entry.kind == "agent":
        entry = None  # a surname that is also a role noun ("Kevin King ... King"): no king, no code "GOV"
    title_start, sector = _title_before(doc, start)
    slot = Slot(title_start, end, "person", head=end - 1, name=_name_text(doc, start, end))
    if title_start < start:
        slot.role = doc[title_start:start].text
        slot.sector = sector
    left = _name_before(doc, title_start, by_token) or _name_after_of(doc, end, by_token)
    if left is not None:
        slot.start_tok = min(left.i, slot.start_tok)
        slot.end_tok = max(left.j, slot.end_tok)
        slot.country = left.entry.country
        slot.entry = left.entry if left.entry.kind in ("igo", "actor") and not entry else None
        former = specific_sector("", slot.sector, [normalise(doc[left.i - 1].text)]) if 0 < left.i < title_start else None
        if slot.sector and former and former != slot.sector:
            slot.sector, slot.start_tok = former, left.i - 1  # "Former Kenyan President X": ELI
    if entry:
        slot.entry = entry
        slot.country = slot.country or entry.country
        slot.sector = slot.sector or entry.sector
        slot.name = entry.name or slot.name
    if slot.country is None and slot.entry is None:
        slot.country = _title_country(doc, title_start, start) or _party_tag_country(doc, end, slot)
    slot.needs_country = slot.country is None and slot.entry is None
    return slot


def _title_country(doc: Doc, start: int, end: int) -> str | None:
    """The country a title word names alone ("Sen.", "Rep.", "Congressman": the US)."""
    table = titles()["country"]
    return next((table[k] for k in (normalise(t.text) for t in doc[start:end]) if k in table), None)


def _party_tag_country(doc: Doc, end: int, slot: Slot) -> str | None:
    """A party-state tag after the name, "(D-Ohio)" or ", R-Texas,": its country; a legislator
    unless a title said otherwise."""
    parties, country, sector = party_tags()
    if end + 3 < len(doc) and doc[end].text in ("(", ",") and doc[end + 1].text in parties \
            and doc[end + 2].text == "-" and doc[end + 3].text[:1].isupper():
        slot.sector = slot.sector or sector
        return country
    return None


def _name_before(doc: Doc, i: int, by_token: dict[int, Match]) -> Match | None:
    """A country or organisation name ending right before token ``i`` (skipping a possessive)."""
    if i > 0 and doc[i - 1].text in ("'s", "\u2019s"):
        i -= 1
    left = by_token.get(i - 1)
    return left if left is not None and left.j == i and left.entry.kind in MODIFIER_KINDS else None


def _name_after_of(doc: Doc, end: int, by_token: dict[int, Match]) -> Match | None:
    """A country right after a name and "of": "King Hassan of Morocco"."""
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        right = by_token.get(end + 1)
        if right is not None and right.i == end + 1 and right.entry.kind in MODIFIER_KINDS:
            return right
    return None


def _name_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text.strip()


def _title_before(doc: Doc, start: int) -> tuple[int, str | None]:
    """Start token and sector of the title right before a name ("Deputy Defense Minister",
    "Secretary of State", "Libyan leader"): a run of title words holding a head word.
    The last head decides the sector, except "General" after another head ("Secretary General")."""
    words = titles()
    i, heads = start, []
    while i > 0:
        key = normalise(doc[i - 1].text)
        if key in words["head"]:
            heads.append(key)
        elif doc[i - 1].text == "." and i > 1 and _abbreviation(doc[i - 2]) and _is_title_word(normalise(doc[i - 2].text), words):
            pass  # the tokenizer's split of an abbreviation: "Lt" "." in "Retired Lt. Gen. X"
        elif not (_is_title_word(key, words) or _joins_title(doc, i - 1, words)):
            break
        i -= 1
    if not heads:
        return start, None
    last = heads[1] if heads[0] == "general" and len(heads) > 1 else heads[0]
    title_words = [normalise(t.text) for t in doc[i:start]]
    return i, specific_sector(last, words["head"][last], title_words)


def _joins_title(doc: Doc, i: int, words: dict[str, dict[str, str]]) -> bool:
    """Token ``i`` is "of", "and", "-" ... with a title word before it ("Secretary of State")."""
    return normalise(doc[i].text) in TITLE_JOINERS and i > 0 and _is_title_word(normalise(doc[i - 1].text), words)


def _abbreviation(tok) -> bool:
    """A short capitalised word written against the dot after it ("Lt" in "Lt."), not a
    sentence's last word ("... met the minister. Putin said")."""
    return not tok.whitespace_ and len(tok.text) <= 4 and tok.text[:1].isupper()


def _is_title_word(key: str, words: dict[str, dict[str, str]]) -> bool:
    return key in words["head"] or key in words["modifier"] or key in words["portfolio"]


def _role_nouns(doc: Doc, matches: list[Match], by_token: dict[int, Match], used: set[int]) -> list[Slot]:
    """Role nouns ("officials", "the opposition"), one slot per country written beside them."""
    slots = []
    for m in matches:
        if m.entry.kind != "agent" or any(k in used for k in range(m.i, m.j)):
            continue
        head = doc[m.j - 1]
        if not _is_role_noun(head, by_token):
            continue  # "military" in "military cooperation" names no actor
        if _names_participants(head):
            continue  # "both parties", "parties to the conflict": sides, not a political party
        if _is_inner_compound(doc, m, by_token):
            continue  # "government" in "government official": the outer noun decides
        countries = _modifier_countries(doc, head, by_token)
        if not countries and (before := _country_before(head, by_token)) is not None:
            countries = [(doc[before.i], before)]
        span_start = min([_modifiers_start(doc, m.i, head)] + [c[0].i for c in countries if c[0].i < head.i])
        # a common noun owning the role names its kind of group too ("the campaign's leadership")
        owners = [normalise(c.text) for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"]
        sector = specific_sector(normalise(head.lemma_), m.entry.sector,
                                 [normalise(t.text) for t in doc[span_start : head.i]] + owners)
        if m.j - m.i == 1 and not any(normalise(t.text) in titles()["sector_modifier"] for t in doc[span_start : head.i]):
            sector = _context_sector(doc, head, sector)  # "military officers" keep their own
        for k, (tok, cmatch) in enumerate(countries or [(None, None)]):
            start = span_start if k == 0 or cmatch.i > head.i else cmatch.i
            slot = Slot(start, m.j, "group", head=head.i, sector=sector, agent=m.entry)
            if cmatch is not None:
                slot.country = cmatch.entry.country
                if cmatch.entry.kind in ("igo", "actor"):
                    slot.entry = cmatch.entry
            else:
                slot.needs_country = True
            slots.append(slot)
            if cmatch is not None and cmatch.i < head.i:
                used.update(range(cmatch.i, cmatch.j))  # "in Liberia" after the noun stays a mention too
        used.update(range(m.i, m.j))
    return slots


def _context_sector(doc: Doc, head: Token, sector: str | None) -> str | None:
    """A bare role noun whose sector the nearby words decide (context_sectors.yaml): "officer"
    is COP in a sentence, or just after one, about the police."""
    rule = context_sectors().get(normalise(head.lemma_))
    if rule is None:
        return sector
    new, words, before = rule
    sents = list(doc.sents)
    k = next(n for n, s in enumerate(sents) if s.start <= head.i < s.end)
    for sent in sents[max(k - before, 0) : k + 1]:
        if any(t.i != head.i and (normalise(t.lemma_) in words or normalise(t.text) in words) for t in sent):
            return new
    return sector


def _modifiers_start(doc: Doc, i: int, head: Token) -> int:
    """First token of the adjectives and nouns right before a role noun ("armed rebel")."""
    while i > 0 and doc[i - 1].dep_ in ("amod", "compound", "nmod") and doc[i - 1].head.i >= i - 1 \
            and doc[i - 1].head.i <= head.i:
        i -= 1
    return i


def _is_role_noun(head: Token, by_token: dict[int, Match]) -> bool:
    """A noun heading its own phrase, or modifying another role noun ("government official")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        outer = by_token.get(head.head.i)
        if outer is None and _country_before(head, by_token) is not None:
            return True  # "Israeli army bulldozers", "Kenyan police custody": the army's, the police's
        return outer is not None and outer.entry.kind == "agent"
    return True


def _country_before(head: Token, by_token: dict[int, Match]) -> Match | None:
    """A country name right before a noun compound that it modifies along with it
    ("Israeli" in "Israeli army bulldozers")."""
    m = by_token.get(head.i - 1)
    if head.pos_ != "NOUN" or head.dep_ != "compound" or m is None or m.j != head.i:
        return None
    if m.entry.kind not in MODIFIER_KINDS or not m.entry.country or not _modifies(head.doc[m.j - 1], head.head):
        return None
    return m


def _names_participants(head: Token) -> bool:
    """A noun like "party" qualified as one of the sides of a conflict or talks."""
    nouns, qualifiers = participants()
    if normalise(head.lemma_) not in nouns:
        return False
    return any(normalise(c.text) in qualifiers or (c.dep_ == "prep" and c.lower_ == "to") for c in head.children)


def _is_inner_compound(doc: Doc, m: Match, by_token: dict[int, Match]) -> bool:
    head = doc[m.j - 1]
    outer = by_token.get(head.head.i)
    return head.dep_ in ("compound", "amod", "nmod") and outer is not None and outer.entry.kind == "agent" \
        and outer is not m and head.head.i > head.i


def _modifier_countries(doc: Doc, head: Token, by_token: dict[int, Match]) -> list[tuple[Token, Match]]:
    """Countries modifying a role noun: adjectives and possessives on its left (with their
    coordinated ones: "Russian and Chinese diplomats"), or "of/in/from <country>" after it."""
    found: list[tuple[Token, Match]] = []
    for tok in doc[head.left_edge.i : head.i]:
        m = by_token.get(tok.i)
        if m and m.i == tok.i and m.entry.kind in MODIFIER_KINDS and m.entry.country:
            if not any(f[1] is m for f in found) and _modifies(doc[m.j - 1], head):
                found.append((tok, m))
    return found or _countries_after(doc, head, by_token)


def _countries_after(doc: Doc, head: Token, by_token: dict[int, Match], depth: int = 2) -> list[tuple[Token, Match]]:
    """Countries in "of/in/from <country>" after a noun: one per listed country ("the
    ambassadors of Arnor, Osgiliath and Gondor"); for a place noun, the names modifying it or
    its own "of" ("the mayor of the West Bank city of Nablus")."""
    # a generic role speaks for a group: "a spokesperson for the British Foreign Office"
    prepositions = ("of", "in", "from", "for") if normalise(head.lemma_) in titles()["generic"] else ("of", "in", "from")
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        for obj in prep.rights:
            found = [(tok, m) for tok in [obj, *obj.conjuncts] if (m := _country_match(by_token, tok.i))]
            if not found and depth > 1:
                found = _countries_after(doc, obj, by_token, depth - 1)
            if not found:
                found = [(t, m) for t in doc[obj.left_edge.i : obj.i] if (m := _country_match(by_token, t.i))
                         and m.i == t.i and _modifies(doc[m.j - 1], obj)]
            if found:
                return found
    return []


def _country_match(by_token: dict[int, Match], i: int) -> Match | None:
    """The name at token ``i`` if it can lend a country (a country, capital, town, IGO)."""
    m = by_token.get(i)
    return m if m is not None and m.entry.kind in MODIFIER_KINDS and m.entry.country else None


def _modifies(tok: Token, head: Token) -> bool:
    """Whether ``tok`` hangs on ``head`` through modifiers only (amod, compound, poss, conj)."""
    for _ in range(6):
        if tok.i == head.i:
            return True
        if tok.dep_ not in ATTACHING_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i == head.i


def _names(doc: Doc, matches: list[Match], used: set[int]) -> list[Slot]:
    """Country names, adjectives, capitals and IGOs not already part of a larger mention."""
    slots = []
    for m in matches:
        e = m.entry
        if e.kind in ("agent", "person", "region") or any(k in used for k in range(m.i, m.j)):
            continue  # a region ("Ohio") only lends its country to the words beside it and the article
        if e.kind in PLACE_KINDS and _in_caps_dateline(doc, m):
            continue  # "GAZA CITY, Jan 5 (AFP) -": where the story was filed, no actor
        kind = "country" if e.kind in ("country", "place") or (e.kind == "actor" and is_country_code(e.code)) \
            else "organisation"
        for entry in _split_codes(e):
            slot = Slot(m.i, m.j, kind, country=entry.country, sector=entry.sector, name=e.name, head=m.j - 1,
                         entry=entry)
            if e.kind == "capital" and (is_place(doc[m.j - 1]) or _is_dateline(doc, m)):
                slot.kind, slot.sector, slot.entry = "country", None, None  # "talks in Moscow": a place
                if not _is_dateline(doc, m):
                    slot.sector = crowds()[0]  # a city, not its government: its people (CVL)
            elif e.kind == "country" and not entry.sector and _counted_people(doc[m.j - 1]):
                slot.sector = crowds()[0]  # "thousands of Nigerians": civilians
            elif e.kind == "country" and not entry.sector and _counted_people(people := doc[m.j - 1].head) \
                    and doc[m.j - 1].dep_ == "amod" and people.i == m.j and people.pos_ == "PROPN":
                slot.sector, slot.end_tok, slot.head = crowds()[0], people.i + 1, people.i  # "thousands of Iraqi Kurds"
            slots.append(slot)
        used.update(range(m.i, m.j))
    return slots


def _counted_people(tok: Token) -> bool:
    """A plural demonym that is counted or quantified: "800,000 Algerians", "thousands of
    Nigerians", "most Americans", "many Kenyans"."""
    if tok.tag_ not in ("NNS", "NNPS") or not tok.text.endswith("s"):
        return False
    _, counts, quantifiers = crowds()
    if any(c.dep_ == "nummod" or normalise(c.text) in counts for c in tok.children):
        return True
    if any(c.i < tok.i and c.dep_ in ("amod", "det", "predet") and normalise(c.text) in quantifiers for c in tok.children):
        return True
    up = tok.head
    return tok.dep_ == "pobj" and up.lower_ == "of" and normalise(up.head.text) in counts


def _split_codes(entry: Entry) -> list[Entry]:
    """PETRARCH's ``[FRO/BIL/SAM]`` names several actors at once: one entry per code."""
    if not entry.code or "/" not in entry.code:
        return [entry]
    return [replace(entry, code=code, country=split_code(code)[0], sector=split_code(code)[1])
            for code in entry.code.split("/") if code]


def _is_dateline(doc: Doc, m: Match) -> bool:
    """A place opening a sentence as a dateline: "KABUL (Reuters) -", "MOSCOW -", "TEHRAN, Iran:"."""
    if m.i != doc[m.i].sent.start or m.j >= len(doc):
        return False
    after = doc[m.j].text
    return after in DATELINE_MARKS or (after == "," and doc[m.i].text.isupper())


def _in_caps_dateline(doc: Doc, m: Match) -> bool:
    """A place inside an all-capitals run opening a sentence and ending in a dateline mark or
    comma: "GAZA CITY, Jan 5 (AFP) -", "KABUL (Reuters) -" (a one-word run must be a capital)."""
    start = doc[m.i].sent.start
    end = start
    while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
        end += 1
    if not start <= m.i < m.j <= end or end >= len(doc):
        return False
    marked = doc[end].text in DATELINE_MARKS or doc[end].text == ","
    return marked and (end - start > 1 or m.entry.kind == "capital" or doc[end].text == "(")


def names_a_base(doc: Doc, slot: Slot) -> bool:
    """The name says where something is based ("a UK-based group", "Qatar-based"): the
    country of that group's seat, no country for the actors around it."""
    return any(t.lower_ == "based" for t in doc[slot.start_tok + 1 : slot.end_tok + 2])


def is_place(token: Token) -> bool:
    """A name used as a location: the object of "in", "at", "near" and the like."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def is_country_code(code: str | None) -> bool:
    """A user dictionary code naming a country alone (ARN, USA)."""
    return bool(code) and len(code) == 3 and code.isalpha()  # type: ignore[arg-type]


def _pronouns(doc: Doc, used: set[int]) -> list[Slot]:
    """he/she subjects and objects become mentions of the person they refer to (filled later)."""
    return [Slot(t.i, t.i + 1, "pronoun", head=t.i) for t in doc
            if t.norm_ in ("he", "she", "him") and t.i not in used]
