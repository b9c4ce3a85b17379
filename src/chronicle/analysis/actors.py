"""Actors of an article: every mention of a country, government, group or person, with a code.

In: a spaCy ``Doc`` made from ``Article.body`` and the ``Article`` (for its date and title).
Out: ``ArticleActors`` - the article's ``Actor`` records with their ``Mention``s (character
offsets into the body) and look-ups for the events and quotes stages: the mention covering a
span or token, and the actor a pronoun refers to.

Codes are CAMEO-style: country + sector (``RUSGOV``), IGO codes (``IGOUNO``), ``WST`` for the
West, the country alone when no sector applies (``RUS``). Resolution order for one mention:
user dictionary > a country written beside it ("Turkish officials", "Russia's foreign
minister") > the same person seen earlier > the nearest country earlier in the sentence >
the article's dominant country. Our lexicons are data files in ``chronicle/data/actors``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from ..config import Config, load_config
from ..model import Actor, Article, Mention
from .actor_lexicon import (
    PROPER_KINDS,
    Entry,
    PhraseIndex,
    normalise,
    project_lexicon,
    specific_sector,
    split_code,
    titles,
)
from .dictionaries import load_dictionaries

PRONOUN_LOOKBACK = 4  # sentences a pronoun may reach back over
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
# country-bearing kinds that can lend their country to a role noun or a person
PLACE_KINDS = frozenset({"country", "capital"})
# kinds of names that can modify a role noun ("Turkish officials", "NATO troops")
MODIFIER_KINDS = PLACE_KINDS | {"igo", "actor"}
ISO_EXCLUDED = frozenset({"IGO", "NGO", "WST", "IMG"})
# dependency links by which a country name modifies a role noun ("Russian and Chinese diplomats")
ATTACHING_DEPS = frozenset({"amod", "compound", "poss", "nmod", "conj", "npadvmod", "nummod", "appos"})
# words joining title words: "Secretary of State", "Planning and Investment Minister", "Vice-President"
TITLE_JOINERS = frozenset({"of", "for", "and", "&", "-"})
# a word before a country's name that makes it another place
PLACE_PREFIXES = frozenset({"New", "Nova", "Little"})
# a capital after these is where something happened, not the government acting
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "throughout"})


@dataclass
class _Match:
    """A lexicon phrase found at tokens [i, j)."""

    i: int
    j: int
    entry: Entry


@dataclass
class _Slot:
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


class ArticleActors:
    """The actors of one article and look-ups over their mentions (not stored as such)."""

    def __init__(self, doc: Doc, actors: list[Actor], modifiers: set[tuple[int, int]] | None = None) -> None:
        """modifiers: (start, end) of country adjectives standing alone ("Soviet times"):
        mentions, but no antecedent for "it" or "they"."""
        self.doc = doc
        self.actors = actors
        self.modifiers = modifiers or set()
        self.mentions = sorted((m for a in actors for m in a.mentions), key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._by_id = {a.id: a for a in actors}
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []

    def sentences(self) -> list[Span]:
        """The doc's sentences, listed once."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start_char for s in self._sents]
        return self._sents

    def sentence_index(self, char: int) -> int:
        """Index in ``sentences()`` of the sentence holding character offset ``char``."""
        self.sentences()
        return bisect_right(self._sent_starts, char) - 1

    def actor(self, mention: Mention) -> Actor | None:
        """The Actor a mention belongs to."""
        return self._by_id.get(mention.actor_id or "")

    def mentions_in_span(self, start: int, end: int) -> list[Mention]:
        """Every mention lying inside [start, end), in text order ("Russian and Chinese
        diplomats" gives two: the RUSGOV one spans the phrase, the CHNGOV one its tail)."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def mention_for_span(self, start: int, end: int) -> Mention | None:
        """The best mention for a character span: one covering it, else the first inside it."""
        covering = [m for m in self.mentions if m.start <= start and end <= m.end]
        if covering:
            return min(covering, key=lambda m: m.end - m.start)
        inside = self.mentions_in_span(start, end)
        return inside[0] if inside else None

    def mention_for_token(self, token: Token) -> Mention | None:
        """The mention containing the token: the smallest, except that the shared head noun of
        coordinated actors ("diplomats" in "Russian and Chinese diplomats") gives the first."""
        start, end = token.idx, token.idx + len(token.text)
        containing = [m for m in self.mentions if m.start <= start and end <= m.end]
        if not containing:
            return None
        if len(containing) > 1 and all(m.end == end for m in containing):
            return min(containing, key=lambda m: m.start)
        return min(containing, key=lambda m: m.end - m.start)

    def resolve_pronoun(self, target: Token | Span) -> Mention | None:
        """The mention a pronoun refers to: he/she -> the last person, it/they -> the last group.

        Looks back in the sentence first, then sentence by sentence, preferring the subject
        of each earlier sentence (the person who "said" it) over other mentions in it.
        """
        token = target if isinstance(target, Token) else target.root
        word = token.lower_
        if word in PERSON_PRONOUNS:
            wanted = {"person"}
        elif word in GROUP_PRONOUNS:
            wanted = {"country", "organisation", "group"}
        else:
            return None
        return _antecedent(self, token, wanted)


def _antecedent(actors: ArticleActors, token: Token, wanted: set[str]) -> Mention | None:
    """Nearest wanted mention before ``token`` in its sentence, else in the previous
    ``PRONOUN_LOOKBACK`` sentences, preferring each sentence's main subject."""
    sents = actors.sentences()
    here = actors.sentence_index(token.idx)
    k = bisect_right(actors._starts, token.idx - 1)
    by_sent: dict[int, list[Mention]] = {}
    floor = sents[max(here - PRONOUN_LOOKBACK, 0)].start_char
    for idx in range(k - 1, -1, -1):
        m = actors.mentions[idx]
        if m.start < floor:
            break
        if m.kind in wanted and (m.start, m.end) not in actors.modifiers:
            which = actors.sentence_index(m.start)
            if which == here:
                return m
            by_sent.setdefault(which, []).append(m)
    for which in sorted(by_sent, reverse=True):
        inside = by_sent[which][::-1]
        subjects = [m for m in inside if _is_subject(actors.doc, m, sents[which])]
        return (subjects or inside)[-1]
    return None


def _is_subject(doc: Doc, mention: Mention, sent: Span) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head == sent.root


class ActorResolver:
    """Finds and codes the actors of articles; build once, call ``resolve`` per article.

    config: Chronicle settings (``dictionaries`` lists user dictionary files);
    dictionaries: extra user dictionary paths (YAML, PETRARCH ``.actors`` / ``.agents``),
    whose entries win over our lexicon; strict: malformed dictionary lines raise.
    """

    def __init__(self, config: Config | None = None, dictionaries: list[str] | None = None,
                 strict: bool = True) -> None:
        self.config = config or load_config()
        paths = list(self.config.dictionaries) + list(dictionaries or [])
        self.user: PhraseIndex = load_dictionaries(paths, strict=strict)
        self.lexicon: PhraseIndex = project_lexicon()

    def resolve(self, doc: Doc, article: Article) -> ArticleActors:
        """All actor mentions of ``doc`` (made from ``article.body``), grouped into actors."""
        keys = [_keys(t) for t in doc]
        matches = self._matches(doc, keys)
        dominant = self._dominant(matches, article)
        slots = _build_slots(doc, matches)
        _resolve_context(doc, slots, dominant)
        modifiers = {(doc[s.start_tok].idx, doc[s.end_tok - 1].idx + len(doc[s.end_tok - 1].text))
                     for s in slots if s.entry is not None and s.entry.adjective and s.kind == "country"}
        return ArticleActors(doc, _group(doc, slots, article.published, modifiers), modifiers)

    def _matches(self, doc: Doc, keys: list[frozenset[str]]) -> list[_Match]:
        """Longest dictionary phrases, left to right; user dictionary entries first."""
        found: list[_Match] = []
        covered = 0  # tokens before this are inside an earlier match
        for i in [i for i, k in enumerate(keys) if self.user.starts(k) or self.lexicon.starts(k)]:
            if i < covered:
                continue
            n, entries = self._match_at(doc, keys, i)
            if n:
                found.append(_Match(i, i + n, entries[-1]))
                covered = i + n
        return found

    def _match_at(self, doc: Doc, keys: list[frozenset[str]], i: int) -> tuple[int, list[Entry]]:
        for index in (self.user, self.lexicon):
            n, entries = index.match(keys, i)
            entries = [e for e in entries if _fits(doc, i, i + n, e)]
            if n and entries:
                return n, entries
        return 0, []

    def _dominant(self, matches: list[_Match], article: Article) -> str | None:
        """The article's main country: most mentioned, the first one (title or lead) counting extra."""
        counts: Counter[str] = Counter()
        for m in matches:
            if m.entry.kind in PLACE_KINDS | {"person", "actor"} and _iso(m.entry.country):
                counts[m.entry.country] += 1  # type: ignore[index]
        first = self._title_country(article)
        if first:
            counts[first] += 3
        ranked = counts.most_common(2) + [("", 0)]
        # one passing mention, or a tie, makes no main country: better no code than a wrong one
        if ranked[0][1] < 2 or ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def _title_country(self, article: Article) -> str | None:
        """The first country named in the title, if any."""
        words = [frozenset({normalise(w)}) for w in (article.title or "").replace("'s", " ").split()]
        for i in range(len(words)):
            for index in (self.user, self.lexicon):
                n, entries = index.match(words, i)
                for e in entries:
                    if e.kind in PLACE_KINDS and _iso(e.country):
                        return e.country
        return None


def _keys(token: Token) -> frozenset[str]:
    """Forms a token matches a dictionary word by: its text and its lemma, normalised."""
    text, lemma = token.text, token.lemma_
    return frozenset((normalise(text), normalise(lemma))) if text != lemma else frozenset((normalise(text),))


def _fits(doc: Doc, i: int, j: int, entry: Entry) -> bool:
    """Proper names must be capitalised and not be part of a longer person's name."""
    if entry.kind not in PROPER_KINDS:
        return True
    first = doc[i].text
    if first == "the" and j - i > 1:
        first = doc[i + 1].text  # "the Shire": the name proper must be capitalised
    if first.islower():
        return False  # "turkey", "chad", "us": common words, not names
    if entry.kind in PLACE_KINDS and i > 0 and doc[i - 1].text in PLACE_PREFIXES:
        return False  # "New Jersey", "New Mexico": another place than the country
    if entry.country == "WST" and j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        return False  # "West Darfur", "Western Cambodia" are places, not the West
    if entry.kind in PLACE_KINDS and doc[i].ent_type_ == "PERSON":
        ent = next((e for e in doc.ents if e.start <= i < e.end), None)
        return ent is None or (ent.start == i and ent.end == j)
    return True


def _iso(country: str | None) -> bool:
    return bool(country) and country not in ISO_EXCLUDED and country.isalpha()  # type: ignore[union-attr]


# --------------------------------------------------------------------------- slots


def _build_slots(doc: Doc, matches: list[_Match]) -> list[_Slot]:
    """Candidate mentions: titled/named people, role nouns with their countries, names."""
    by_token = {k: m for m in matches for k in range(m.i, m.j)}
    used: set[int] = set()
    slots = _people(doc, by_token, used)
    slots += _role_nouns(doc, matches, by_token, used)
    slots += _names(doc, matches, used)
    slots += _pronouns(doc, used)
    return sorted(slots, key=lambda s: (s.start_tok, -s.end_tok))


def _people(doc: Doc, by_token: dict[int, _Match], used: set[int]) -> list[_Slot]:
    """Persons: NER PERSON names and dictionary people, with a title and country before them."""
    slots = []
    spans = _person_spans(doc, by_token)
    for start, end in spans:
        if any(k in used for k in range(start, end)):
            continue
        slot = _person_slot(doc, start, end, by_token)
        used.update(range(slot.start_tok, slot.end_tok))
        slots.append(slot)
    return slots


def _person_spans(doc: Doc, by_token: dict[int, _Match]) -> list[tuple[int, int]]:
    """Token spans of people: NER PERSON names, names after a title, dictionary people."""
    user = {k for k, m in by_token.items() if m.entry.kind == "actor"}
    spans = {(_skip_titles(doc, e.start, e.end), _strip_possessive(doc, e.end)) for e in doc.ents if e.label_ == "PERSON"}
    # a user dictionary name beats the NER model's guess ("Evil Mordor" tagged PERSON)
    spans = {s for s in spans if not any(k in user for k in range(*s))}
    spans.update(_titled_names(doc, by_token))
    spans.update(_surnames(doc, spans))
    for m in {id(v): v for v in by_token.values()}.values():
        if m.entry.kind == "person" or (m.entry.kind == "actor" and doc[m.i].ent_type_ == "PERSON"):
            spans.add((m.i, m.j))
    # spans inside a longer one are dropped: one sweep, longest first at each start
    kept, reach = [], -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[1] > reach:
            kept.append(span)
            reach = span[1]
    return kept


def _skip_titles(doc: Doc, start: int, end: int) -> int:
    """First name token of an NER person span that took in its title ("Gen. Prosper Avril")."""
    words = titles()
    while start < end - 1 and _is_title_word(normalise(doc[start].text), words):
        start += 1
    return start


def _titled_names(doc: Doc, by_token: dict[int, _Match]) -> Iterable[tuple[int, int]]:
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
    surnames = {doc[end - 1].text for start, end in spans if end - start >= 2}
    covered = {k for start, end in spans for k in range(start, end)}
    for tok in doc:
        if tok.text in surnames and tok.i not in covered and tok.pos_ == "PROPN":
            yield tok.i, tok.i + 1


def _strip_possessive(doc: Doc, end: int) -> int:
    return end - 1 if end - 1 > 0 and doc[end - 1].text in ("'s", "'", "\u2019s") else end


def _person_slot(doc: Doc, start: int, end: int, by_token: dict[int, _Match]) -> _Slot:
    """A person, widened to the left over a title ("Foreign Minister") and a country
    ("Russian", "Lebanon's", "Arab League"): a country or IGO there decides the code."""
    match = by_token.get(start)
    entry = match.entry if match and match.i == start and match.j >= end else None
    title_start, sector = _title_before(doc, start)
    slot = _Slot(title_start, end, "person", head=end - 1, name=_name_text(doc, start, end))
    if title_start < start:
        slot.role = doc[title_start:start].text
        slot.sector = sector
    left = _name_before(doc, title_start, by_token) or _name_after_of(doc, end, by_token)
    if left is not None:
        slot.start_tok = min(left.i, slot.start_tok)
        slot.end_tok = max(left.j, slot.end_tok)
        slot.country = left.entry.country
        slot.entry = left.entry if left.entry.kind in ("igo", "actor") and not entry else None
    if entry:
        slot.entry = entry
        slot.country = slot.country or entry.country
        slot.sector = slot.sector or entry.sector
        slot.name = entry.name or slot.name
    slot.needs_country = slot.country is None and slot.entry is None
    return slot


def _name_before(doc: Doc, i: int, by_token: dict[int, _Match]) -> _Match | None:
    """A country or organisation name ending right before token ``i`` (skipping a possessive)."""
    if i > 0 and doc[i - 1].text in ("'s", "\u2019s"):
        i -= 1
    left = by_token.get(i - 1)
    return left if left is not None and left.j == i and left.entry.kind in MODIFIER_KINDS else None


def _name_after_of(doc: Doc, end: int, by_token: dict[int, _Match]) -> _Match | None:
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
        elif not (_is_title_word(key, words) or (key in TITLE_JOINERS and i > 1 and _is_title_word(normalise(doc[i - 2].text), words))):
            break
        i -= 1
    if not heads:
        return start, None
    last = heads[1] if heads[0] == "general" and len(heads) > 1 else heads[0]
    title_words = [normalise(t.text) for t in doc[i:start]]
    return i, specific_sector(last, words["head"][last], title_words)


def _is_title_word(key: str, words: dict[str, dict[str, str]]) -> bool:
    return key in words["head"] or key in words["modifier"] or key in words["portfolio"]


def _role_nouns(doc: Doc, matches: list[_Match], by_token: dict[int, _Match], used: set[int]) -> list[_Slot]:
    """Role nouns ("officials", "the opposition"), one slot per country written beside them."""
    slots = []
    for m in matches:
        if m.entry.kind != "agent" or any(k in used for k in range(m.i, m.j)):
            continue
        head = doc[m.j - 1]
        if not _is_role_noun(head, by_token):
            continue  # "military" in "military cooperation" names no actor
        if _is_inner_compound(doc, m, by_token):
            continue  # "government" in "government official": the outer noun decides
        countries = _modifier_countries(doc, head, by_token)
        span_start = min([_modifiers_start(doc, m.i, head)] + [c[0].i for c in countries if c[0].i < head.i])
        sector = specific_sector(normalise(head.lemma_), m.entry.sector,
                                 [normalise(t.text) for t in doc[span_start : head.i]])
        for k, (tok, cmatch) in enumerate(countries or [(None, None)]):
            start = span_start if k == 0 or cmatch.i > head.i else cmatch.i
            slot = _Slot(start, m.j, "group", head=head.i, sector=sector, agent=m.entry)
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


def _modifiers_start(doc: Doc, i: int, head: Token) -> int:
    """First token of the adjectives and nouns right before a role noun ("armed rebel")."""
    while i > 0 and doc[i - 1].dep_ in ("amod", "compound", "nmod") and doc[i - 1].head.i >= i - 1 \
            and doc[i - 1].head.i <= head.i:
        i -= 1
    return i


def _is_role_noun(head: Token, by_token: dict[int, _Match]) -> bool:
    """A noun heading its own phrase, or modifying another role noun ("government official")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        outer = by_token.get(head.head.i)
        return outer is not None and outer.entry.kind == "agent"
    return True


def _is_inner_compound(doc: Doc, m: _Match, by_token: dict[int, _Match]) -> bool:
    head = doc[m.j - 1]
    outer = by_token.get(head.head.i)
    return head.dep_ in ("compound", "amod", "nmod") and outer is not None and outer.entry.kind == "agent" \
        and outer is not m and head.head.i > head.i


def _modifier_countries(doc: Doc, head: Token, by_token: dict[int, _Match]) -> list[tuple[Token, _Match]]:
    """Countries modifying a role noun: adjectives and possessives on its left (with their
    coordinated ones: "Russian and Chinese diplomats"), or "of/in/from <country>" after it."""
    found: list[tuple[Token, _Match]] = []
    for tok in doc[head.left_edge.i : head.i]:
        m = by_token.get(tok.i)
        if m and m.i == tok.i and m.entry.kind in MODIFIER_KINDS and m.entry.country:
            if not any(f[1] is m for f in found) and _modifies(doc[m.j - 1], head):
                found.append((tok, m))
    if found:
        return found
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
            for obj in prep.rights:
                m = by_token.get(obj.i)
                if m and m.entry.kind in MODIFIER_KINDS and m.entry.country:
                    return [(obj, m)]
    return found


def _modifies(tok: Token, head: Token) -> bool:
    """Whether ``tok`` hangs on ``head`` through modifiers only (amod, compound, poss, conj)."""
    for _ in range(6):
        if tok.i == head.i:
            return True
        if tok.dep_ not in ATTACHING_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i == head.i


def _names(doc: Doc, matches: list[_Match], used: set[int]) -> list[_Slot]:
    """Country names, adjectives, capitals and IGOs not already part of a larger mention."""
    slots = []
    for m in matches:
        e = m.entry
        if e.kind in ("agent", "person") or any(k in used for k in range(m.i, m.j)):
            continue
        kind = "country" if e.kind == "country" or (e.kind == "actor" and _is_country_code(e.code)) else "organisation"
        for entry in _split_codes(e):
            slot = _Slot(m.i, m.j, kind, country=entry.country, sector=entry.sector, name=e.name, head=m.j - 1,
                         entry=entry)
            if e.kind == "capital" and _is_place(doc[m.j - 1]):
                slot.kind, slot.sector, slot.entry = "country", None, None  # "talks in Moscow": a place
            slots.append(slot)
        used.update(range(m.i, m.j))
    return slots


def _split_codes(entry: Entry) -> list[Entry]:
    """PETRARCH's ``[FRO/BIL/SAM]`` names several actors at once: one entry per code."""
    if not entry.code or "/" not in entry.code:
        return [entry]
    return [replace(entry, code=code, country=split_code(code)[0], sector=split_code(code)[1])
            for code in entry.code.split("/") if code]


def _is_place(token: Token) -> bool:
    """A name used as a location: the object of "in", "at", "near" and the like."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _is_country_code(code: str | None) -> bool:
    """A user dictionary code naming a country alone (ARN, USA)."""
    return bool(code) and len(code) == 3 and code.isalpha()  # type: ignore[arg-type]


def _pronouns(doc: Doc, used: set[int]) -> list[_Slot]:
    """he/she subjects and objects become mentions of the person they refer to (filled later)."""
    return [_Slot(t.i, t.i + 1, "pronoun", head=t.i) for t in doc
            if t.norm_ in ("he", "she", "him") and t.i not in used]


# --------------------------------------------------------------------------- context


def _resolve_context(doc: Doc, slots: list[_Slot], dominant: str | None) -> None:
    """Fill in countries from context, in text order so earlier mentions can lend theirs."""
    people: dict[str, list[_Slot]] = {}
    for k, slot in enumerate(slots):
        if slot.kind == "person":
            _link_person(slot, people)
        elif slot.kind == "group" and slot.needs_country:
            _link_role(doc, slot, slots[:k])
        if slot.needs_country and not slot.country:
            slot.country = _nearest_country(doc, slots, k) or _later_place(doc, slots, k) or dominant


def _later_place(doc: Doc, slots: list[_Slot], k: int) -> str | None:
    """Country of a place named later in the sentence ("... a curfew in Algiers"): where an
    actor acts is its country more often than not; a target ("against Russia") is not used."""
    sent = doc[slots[k].start_tok].sent
    for slot in slots[k + 1 :]:
        if slot.start_tok >= sent.end:
            break
        if slot.kind == "country" and _iso(slot.country) and _is_place(doc[slot.head]):
            return slot.country
    return None


def _link_role(doc: Doc, slot: _Slot, earlier: list[_Slot]) -> None:
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


def _link_person(slot: _Slot, people: dict[str, list[_Slot]]) -> None:
    """A later, shorter mention ("Antonov", "De Blasio") takes the country, sector, role and
    name of the full one ("Anatoly Antonov", "Bill de Blasio")."""
    words = _name_key(slot.name or "").split()
    if not words:
        return
    earlier = next((p for p in people.get(words[-1], []) if set(words) <= set(_name_key(p.name or "").split())), None)
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


def _nearest_country(doc: Doc, slots: list[_Slot], k: int) -> str | None:
    """Country of the nearest earlier mention in the same sentence (countries of IGOs excluded)."""
    sent = doc[slots[k].start_tok].sent
    for slot in reversed(slots[:k]):
        if slot.start_tok < sent.start:
            break
        if slot.kind != "pronoun" and _iso(slot.country):
            return slot.country
    return None


# --------------------------------------------------------------------------- actors


def _group(doc: Doc, slots: list[_Slot], published: str | None, modifiers: set[tuple[int, int]]) -> list[Actor]:
    """Mentions grouped into actors: people by name, everything else by code."""
    actors: dict[str, Actor] = {}
    persons: list[Actor] = []
    for slot in slots:
        if slot.kind == "pronoun":
            continue
        mention = _mention(doc, slot, published)
        key = f"person:{mention.name}" if slot.kind == "person" and mention.name else f"code:{mention.code}:{slot.kind}"
        if slot.kind != "person" and mention.code is None:
            key = f"text:{mention.text.lower()}"
        actor = actors.get(key)
        if actor is None:
            actor = Actor(id=f"A{len(actors) + 1}", code=mention.code, name=mention.name or _group_name(slot, mention),
                          country=mention.country, sector=mention.sector, kind=slot.kind, role=slot.role)
            actors[key] = actor
            if slot.kind == "person":
                persons.append(actor)
        actor.role = actor.role or slot.role
        mention.actor_id = actor.id
        actor.mentions.append(mention)
    result = list(actors.values())
    _attach_pronouns(doc, slots, result, modifiers)
    return result


def _group_name(slot: _Slot, mention: Mention) -> str:
    return mention.text


def _mention(doc: Doc, slot: _Slot, published: str | None) -> Mention:
    span = doc[slot.start_tok : slot.end_tok]
    code = _code(slot, published)
    country, sector = slot.country, slot.sector
    if slot.entry is not None and code:
        # a dictionary code, perhaps dated ("Taliban" became the government in 2021), decides
        coded_country, coded_sector = split_code(code)
        country, sector = coded_country or country, coded_sector or sector
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                   country=country, sector=sector, name=slot.name, kind=slot.kind)


def _code(slot: _Slot, published: str | None) -> str | None:
    """A dictionary code (dated ones by the publication date), else country + sector."""
    base = slot.entry.code_on(published) if slot.entry is not None else None
    if slot.agent is not None and slot.agent.user and slot.agent.code:
        country = base or slot.country
        if not country:
            return None  # a role without a country codes nobody ("the government" alone)
        return slot.agent.code + country if slot.agent.prefix else country + slot.agent.code
    if base:
        # a bare country code takes the role's sector: "Arnorian rangers" -> ARN + MIL
        return base + slot.sector if len(base) == 3 and slot.sector and base.isalpha() else base
    return (slot.country + (slot.sector or "")) if slot.country else None


def _code_country(code: str | None) -> str | None:
    return code[:3] if code and code[:3].isalpha() else None


def _attach_pronouns(doc: Doc, slots: list[_Slot], actors: list[Actor], modifiers: set[tuple[int, int]]) -> None:
    """he/she mentions join the person they refer to."""
    view = ArticleActors(doc, actors, modifiers)
    by_id = {a.id: a for a in actors}
    for slot in slots:
        if slot.kind != "pronoun":
            continue
        target = view.resolve_pronoun(doc[slot.head])
        if target is None or target.actor_id not in by_id:
            continue
        tok = doc[slot.head]
        mention = Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), code=target.code,
                          country=target.country, sector=target.sector, name=target.name, kind="pronoun",
                          actor_id=target.actor_id)
        by_id[target.actor_id].mentions.append(mention)


def unique_codes(mentions: Iterable[Mention]) -> list[str]:
    """Distinct codes of some mentions, in order (for summaries and tests)."""
    return list(dict.fromkeys(m.code for m in mentions if m.code))
