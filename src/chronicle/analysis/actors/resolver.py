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
Steps: dictionary phrases (here) -> candidate mentions (``slots``) -> countries from
context (``context``) -> mentions grouped into actors, pronouns attached (here).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import Any, Callable
from spacy.tokens import Doc, Span, Token

from ...model import Actor, Article, Mention
from .context import resolve_context
from ..dictionaries import PROPER_KINDS, Entry, PhraseIndex, is_iso, normalise, split_code
from .lexicon import genders, shared_names, titles
from .slots import PLACE_KINDS, Match, Slot, build_slots, is_country_code
from ..speech import subject_of
from ..speech import QuoteLexicon, load_pronouns
from ..parsed import text_of
from ..speech import QuotedSpan, find_quoted, in_open_quote
from .words import load_actor_words

ACTOR_WORDS = load_actor_words()
PRONOUN_LOOKBACK = 4  # sentences a pronoun may reach back over
GENDER_MARGIN = 2  # votes by which one gender must lead before he/she stop referring to a person
PERSON_PRONOUNS = load_pronouns().person
GROUP_PRONOUNS = load_pronouns().group
PLURAL_PRONOUNS = load_pronouns().plural
# a word before a country's name that makes it another place
PLACE_PREFIXES = ACTOR_WORDS.place_prefixes
AREA_KINDS = PLACE_KINDS | {"region"}  # places that make an article a country's (states, cities too)


# Words that join the items of a list of actors ("Mordor, the Shire, Fornost and Bree").
LIST_JOINERS = ACTOR_WORDS.list_joiners
# Words allowed before a list item ("the evil awful Gondor"), at most MAX_LIST_FILLERS of them.
LIST_FILLERS = frozenset({"DET", "ADJ", "NOUN", "ADV"})
# sectors a role noun with no country codes alone (institutions, armed groups; see _code)
SECTORS_CODED_ALONE = ACTOR_WORDS.sectors_coded_alone
MAX_LIST_FILLERS = 3


def clause_subject(doc: Doc, mention: Mention, anchor: Token) -> bool:
    """The mention is the subject of a verb other than the one ``anchor`` hangs on: a new
    clause, not a list item ("... in Syria, and Turkey said")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = next((t for t in anchor.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return span.root.head != verb


class ArticleActors:
    """The actors of one article and look-ups over their mentions (not stored as such)."""

    def __init__(self, doc: Doc, actors: list[Actor], modifiers: set[tuple[int, int]] | None = None,
                 quote_lexicon: QuoteLexicon | None = None) -> None:
        """modifiers: (start, end) of country adjectives standing alone ("Soviet times"):
        mentions, but no antecedent for "it" or "they". quote_lexicon: the quote marks and
        speech verbs that find quotations and their speakers (the packaged cues by default)."""
        self.doc = doc
        if quote_lexicon is None:
            raise TypeError("ArticleActors needs the speech cues (quote_lexicon)")
        self.quote_lexicon = quote_lexicon
        self.text = text_of(doc)  # once a doc: Doc.text joins every token on each access
        self._votes: dict[tuple[int, int, str], tuple[tuple[str, int], ...]] = {}
        self._tallies: dict[str, tuple[int, Counter[str]]] = {}  # actor id -> (mentions counted, votes)
        self.actors = actors
        self.modifiers = modifiers or set()
        self.mentions = sorted((m for a in actors for m in a.mentions), key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        # the longest mention: a mention holding a character starts at most this far before it
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._by_id = {a.id: a for a in actors}
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []
        self._quoted: list[QuotedSpan] | None = None
        self._quote_opens: list[int] = []

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
        return [m for m in self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)] if m.end <= end]

    def _starting_near(self, char: int) -> list[Mention]:
        """The mentions that start no further before ``char`` than the longest mention is long
        (the only ones that can hold it), found by bisection instead of a scan of the article."""
        return self.mentions[bisect_left(self._starts, char - self._longest) : bisect_right(self._starts, char)]

    def mention_for_span(self, start: int, end: int) -> Mention | None:
        """The best mention for a character span: one covering it, else the first inside it."""
        covering = [m for m in self._starting_near(start) if m.start <= start and end <= m.end]
        if covering:
            return min(covering, key=lambda m: m.end - m.start)
        inside = self.mentions_in_span(start, end)
        return inside[0] if inside else None

    def mention_for_token(self, token: Token) -> Mention | None:
        """The mention containing the token: the smallest, except that the shared head noun of
        coordinated actors ("diplomats" in "Russian and Chinese diplomats") gives the first."""
        start, end = token.idx, token.idx + len(token.text)
        containing = [m for m in self._starting_near(start) if m.start <= start and end <= m.end]
        if not containing:
            return None
        if len(containing) > 1 and all(m.end == end for m in containing):
            return min(containing, key=lambda m: m.start)
        return min(containing, key=lambda m: m.end - m.start)

    def conjoined(self, mention: Mention) -> list[Mention]:
        """The mention and those coordinated with it: for "The US, Russia and Switzerland
        met", each of the three gives all three (in text order); sources and targets that
        are lists of actors give one event each."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return [mention]
        found = [mention] + [m for tok in span.root.conjuncts if (m := self.mention_for_token(tok)) is not None]
        found += [m for m in self.mentions_in_span(mention.start, mention.end) if m.end == mention.end]
        found += self.listed(mention)
        return sorted({id(m): m for m in found}.values(), key=lambda m: m.start)

    def listed(self, mention: Mention) -> list[Mention]:
        """Coded mentions written in one list with ``mention``, read from the words, not the
        parse (which often misses it): "Mordor, the Shire, Fornost and Bree", "Fornost and
        the evil awful Gondor". Items are joined by commas and and/or/nor with only articles
        and adjectives between; a list needs an and/or/nor (commas alone are appositions),
        and a subject of another verb ends it ("... in Syria, and Turkey said")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return []
        left, joined_left = self._walk_list(span, -1)
        right, joined_right = self._walk_list(span, 1)
        if not (joined_left or joined_right):
            return []
        return [m for m in left + right if m.code and not clause_subject(self.doc, m, span.root)]

    def _walk_list(self, span: Span, step: int) -> tuple[list[Mention], bool]:
        """Mentions listed on one side of ``span`` (step -1: left, 1: right), and whether an
        and/or/nor joined them."""
        found: list[Mention] = []
        conjunction = False
        i = span.start - 1 if step < 0 else span.end
        sent = span.sent
        joiner = False
        fillers = 0
        while sent.start <= i < sent.end:
            tok = self.doc[i]
            word = tok.lower_
            fillers = 0 if word in LIST_JOINERS else fillers
            mention = self.mention_for_token(tok) if joiner and word not in LIST_JOINERS else None
            if word in LIST_JOINERS:
                joiner, conjunction = True, conjunction or word != ","
            elif mention is not None:
                # every mention of the span: a multi-code name ("the Shire") lists each code
                found += [m for m in self._starting_near(mention.start) if (m.start, m.end) == (mention.start, mention.end)]
                joiner = False
                edge = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                i = (edge.start if step < 0 else edge.end - 1) if edge is not None else i
            elif fillers < MAX_LIST_FILLERS and tok.is_lower and tok.pos_ in LIST_FILLERS:
                fillers += 1  # "the evil awful Gondor" (the parser may read "awful" as a noun)
            else:
                break
            i += step
        return found, conjunction

    def resolve_pronoun(self, target: Token | Span) -> Mention | None:
        """The mention a pronoun refers to: he/she -> the last person, it/they -> the last group.

        Looks back in the sentence first, then sentence by sentence, preferring the subject
        of each earlier sentence (the person who "said" it) over other mentions in it.
        """
        token = target if isinstance(target, Token) else target.root
        word = token.lower_
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return None
        # inside a quotation "he"/"they" is someone the speaker talks about, never the speaker
        speaker = self.quote_speaker(token.idx)
        if word in PERSON_PRONOUNS:
            # "he" never refers back to a known woman, nor "she" to a known man; an object is
            # never its own clause's subject ("She praised him": him is not she)
            want = genders()[0].get(word)
            subject = self._clause_subject(token)
            return _antecedent(self, token, {"person"},
                               lambda m: m.actor_id not in (speaker, subject) and self.gender(m.actor_id) in (None, want))
        groups = {"country", "organisation", "group"}
        # "they" prefers a plural noun ("the rebels"), "it" anything but one
        plural = word in PLURAL_PRONOUNS
        agreeing = _antecedent(self, token, groups, lambda m: m.actor_id != speaker and self._is_plural(m) == plural)
        if agreeing is not None and plural:
            return self.conjoined(agreeing)[0]  # "Russia and China ... they": the list, from its head
        return agreeing or _antecedent(self, token, groups, lambda m: m.actor_id != speaker)

    def _clause_subject(self, token: Token) -> str | None:
        """Actor id of the subject of the verb an object pronoun belongs to ("She praised him",
        "he asked her for help"): a person the object cannot be. None for subjects."""
        if token.dep_ not in ("dobj", "dative", "iobj", "pobj"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i), None)
        if subject is None:
            return None
        found = self.resolve_pronoun(subject) if subject.pos_ == "PRON" else self.mention_for_token(subject)
        return found.actor_id if found is not None else None

    def quote_speaker(self, char: int) -> str | None:
        """Actor id of the speaker of the quotation holding offset ``char``: the subject of a
        speech verb ("Roe said") right after its closing mark or right before its opening one,
        in the same paragraph; None outside quotations or when no attribution is found."""
        if self._quoted is None:
            self._quoted = find_quoted(self.text, self.quote_lexicon)
            self._quote_opens = [q.open_at for q in self._quoted]
        k = bisect_right(self._quote_opens, char) - 1
        if k < 0 or not (self._quoted[k].start <= char < self._quoted[k].end):
            return None
        quote = self._quoted[k]
        para_start = self.text.rfind("\n", 0, quote.open_at) + 1
        para_end = self.text.find("\n", quote.close_at)
        para_end = len(self.text) if para_end < 0 else para_end
        after_end = self._quoted[k + 1].open_at if k + 1 < len(self._quoted) else para_end
        before_start = self._quoted[k - 1].close_at if k > 0 else para_start
        after = self._speech_subject(quote.close_at, min(after_end, para_end), first=True)
        found = after or self._speech_subject(max(before_start, para_start), quote.open_at, first=False)
        return found.actor_id if found is not None else None

    def _speech_subject(self, start: int, end: int, first: bool) -> Mention | None:
        """The mention (or the resolved pronoun) that is subject of the first (or last) speech
        verb between ``start`` and ``end``."""
        span = self.doc.char_span(start, end, alignment_mode="contract") if end > start else None
        if span is None:
            return None
        verbs = [t for t in span if t.pos_ == "VERB" and t.lemma_.lower() in self.quote_lexicon.speech_verbs]
        for verb in verbs if first else verbs[::-1]:
            subject = subject_of(verb)
            if subject is None or not (start <= subject.idx < end):
                continue
            if subject.lower_ in PERSON_PRONOUNS or subject.lower_ in GROUP_PRONOUNS:
                return self.resolve_pronoun(subject)  # "..., she said": the speaker "she" refers to
            return self.mention_for_token(subject)
        return None

    def gender(self, actor_id: str | None) -> str | None:
        """A person's gender as far as the text tells (genders.yaml): from the pronouns already
        resolved to them (outside quotations, where "he" is often someone the speaker talks about) and the
        honorifics of their mentions ("Mrs. Roe"); None unless one gender leads
        by ``GENDER_MARGIN`` votes (one pronoun wrongly resolved early must not fix a person's gender)."""
        actor = self._by_id.get(actor_id or "")
        if actor is None or actor.kind != "person":
            return None
        seen, votes = self._tallies.get(actor.id, (0, Counter()))
        if seen > len(actor.mentions):
            seen, votes = 0, Counter()
        for m in actor.mentions[seen:]:  # mentions are only added, so earlier votes stand
            for g, n in self._vote(m):
                votes[g] += n
        self._tallies[actor.id] = (len(actor.mentions), votes)
        ranked = votes.most_common(2) + [("", 0), ("", 0)]
        return ranked[0][0] if ranked[0][1] >= ranked[1][1] + GENDER_MARGIN else None

    def _vote(self, m: Mention) -> tuple[tuple[str, int], ...]:
        """What one mention says of its person's gender, worked out once per mention (a long
        article asks again for every pronoun)."""
        key = (m.start, m.end, m.kind)
        found = self._votes.get(key)
        if found is None:
            pronouns, titled, weight, voting = genders()
            if m.kind == "pronoun":
                word = m.text.lower()
                found = ((pronouns[word], 1),) if word in voting and not in_open_quote(self.text, m.start) else ()
            else:
                words = self.text[max(m.start - 20, 0) : m.start].split()[-1:] + m.text.split()  # "Mrs." before it
                found = tuple((g, weight) for g in {titled[w] for w in map(normalise, words) if w in titled})
            self._votes[key] = found
        return found

    def _is_plural(self, mention: Mention) -> bool:
        """A plural noun ("the rebels") or one of coordinated actors ("Russia and China")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.tag_ in ("NNS", "NNPS"):
            return True
        return len(self.conjoined(mention)) > 1


def _antecedent(
    actors: ArticleActors, token: Token, wanted: set[str], agrees: Callable[[Mention], bool] = lambda m: True
) -> Mention | None:
    """Nearest wanted (and agreeing) mention before ``token`` in its sentence, else in the
    previous ``PRONOUN_LOOKBACK`` sentences, preferring each sentence's main subject."""
    sents = actors.sentences()
    here = actors.sentence_index(token.idx)
    k = bisect_right(actors._starts, token.idx - 1)
    by_sent: dict[int, list[Mention]] = {}
    floor = sents[max(here - PRONOUN_LOOKBACK, 0)].start_char
    for idx in range(k - 1, -1, -1):
        m = actors.mentions[idx]
        if m.start < floor:
            break
        if m.kind in wanted and (m.start, m.end) not in actors.modifiers and agrees(m):
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

    cues: the speech cues (quotation marks, speech verbs); user: the index of the user's actor
    dictionaries, whose entries win over ``lexicon``, ours; kb: a ``chronicle.kb.KnowledgeBase``
    or None. ``analysis.components.actor_resolver(config)`` builds one from settings.
    """

    def __init__(self, *, cues: QuoteLexicon, user: PhraseIndex, lexicon: PhraseIndex, kb: Any = None,
                 place_country: Callable[[str], str | None] | None = None) -> None:
        # the country of a town or region by its name ("Columbus" -> USA), for bodies named after one
        self.place_country = place_country
        # quote marks and speech verbs for "inside a quotation" and its speaker (config.quote_lexicon)
        self.quote_lexicon = cues
        self.kb = kb  # chronicle.kb.KnowledgeBase or None
        self.user = user
        self.lexicon = lexicon

    def resolve(self, doc: Doc, article: Article) -> ArticleActors:
        """All actor mentions of ``doc`` (made from ``article.body``), grouped into actors."""
        keys = [_keys(t) for t in doc]
        matches = _regions_sharing_a_name(doc, self._matches(doc, keys))
        dominant = self._dominant(matches, article)
        slots = build_slots(doc, matches, self._known_person if self.kb is not None else None)
        if self.kb is not None:
            slots = known_bodies(doc, slots, self.kb, article.published)
        _date_countries(slots, article.published)
        # --- KB hookup (issue 10): a person with no country from a title or the lexicon takes the
        # country and sector the KB gives the name at the article's date (one entry's country only)
        if self.kb is not None:
            for slot in slots:
                if slot.kind == "person" and slot.country is None and slot.entry is None:
                    hits = self.kb.lookup(slot.name or doc[slot.start_tok:slot.end_tok].text, article.published)
                    # a name several people of one country share: the country, not a sector
                    agreed = agreed_code(hits)
                    if agreed is not None:
                        slot.country, slot.sector = agreed[0], slot.sector or agreed[1]
        # --- end KB hookup
        resolve_context(doc, slots, dominant, self.place_country)
        modifiers = {(doc[s.start_tok].idx, doc[s.end_tok - 1].idx + len(doc[s.end_tok - 1].text))
                     for s in slots if s.entry is not None and s.entry.adjective and s.kind == "country"}
        actors = _group(doc, slots, article.published, modifiers, self.quote_lexicon)
        return ArticleActors(doc, actors, modifiers, self.quote_lexicon)

    def _known_person(self, name: str) -> bool:
        """The KB knows ``name`` as a person, and as nothing else."""
        hits = self.kb.lookup(name)
        return bool(hits) and all(e.kind == "person" for e in hits)

    def _matches(self, doc: Doc, keys: list[frozenset[str]]) -> list[Match]:
        """Longest dictionary phrases, left to right; user dictionary entries first."""
        found: list[Match] = []
        covered = 0  # tokens before this are inside an earlier match
        for i in [i for i, k in enumerate(keys) if self.user.starts(k) or self.lexicon.starts(k)]:
            if i < covered:
                continue
            n, entries = self._match_at(doc, keys, i)
            if n:
                found.append(Match(i, i + n, entries[-1]))
                covered = i + n
        return found

    def _match_at(self, doc: Doc, keys: list[frozenset[str]], i: int) -> tuple[int, list[Entry]]:
        for index in (self.user, self.lexicon):
            n, entries = index.match(keys, i)
            entries = [e for e in entries if _fits(doc, i, i + n, e, lambda j: self._role_at(keys, j))]
            if n and entries:
                return n, entries
        return 0, []

    def _role_at(self, keys: list[frozenset[str]], j: int) -> bool:
        """Whether a role noun of our lexicon starts at token ``j`` ("rioters", "officials")."""
        return j < len(keys) and any(e.kind == "agent" for e in self.lexicon.match(keys, j)[1])

    def _dominant(self, matches: list[Match], article: Article) -> str | None:
        """The article's main country: most mentioned, the first one (title or lead) counting extra."""
        counts: Counter[str] = Counter()
        for m in matches:
            if _names_country(m.entry):
                counts[split_code(m.entry.code_on(article.published))[0] or m.entry.country] += 1  # type: ignore[index]
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
                    if _names_country(e):
                        return e.country
        return None


def _names_country(entry: Entry) -> bool:
    """A country's name, adjective or capital (ours, or a user entry coded with a country alone)."""
    if entry.kind == "actor":
        return is_country_code(entry.code)
    return entry.kind in AREA_KINDS and is_iso(entry.country)


def _keys(token: Token) -> frozenset[str]:
    """Forms a token matches a dictionary word by: its text and its lemma, normalised."""
    return _forms(token.text, token.lemma_)


@lru_cache(maxsize=1 << 16)
def _forms(text: str, lemma: str) -> frozenset[str]:
    return frozenset((normalise(text), normalise(lemma))) if text != lemma else frozenset((normalise(text),))


def _fits(doc: Doc, i: int, j: int, entry: Entry, role_at: Callable[[int], bool]) -> bool:
    """Proper names must be capitalised and not be part of a longer person's name; a
    demonym may be written in lower case before a role noun ("tunisian rioters")."""
    if entry.kind not in PROPER_KINDS:
        return True
    first = doc[i].text
    if first == "the" and j - i > 1:
        first = doc[i + 1].text  # "the Shire": the name proper must be capitalised
    if first.islower():
        # "turkey", "chad", "us" are common words; "tunisian" before "rioters" is careless typing
        return entry.adjective and doc[i].pos_ == "ADJ" and role_at(j)
    if entry.sector == "JRN" and 0 < i and j < len(doc) and doc[i - 1].text == "(" and doc[j].text == ")":
        return False  # a wire credit, "KABUL (AFP) -": the source of the story, not an actor in it
    if j - i == 1 and _short_acronym_case(first, entry):
        return False  # "Kim Jong Un" names no UN, "Who" at a question's start no WHO
    if entry.kind in AREA_KINDS and i > 0 and doc[i - 1].text in PLACE_PREFIXES:
        return False  # "New Jersey", "New Mexico": another place than the country
    if entry.country == "WST" and j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        return False  # "West Darfur", "Western Cambodia" are places, not the West
    if (entry.kind in AREA_KINDS or entry.kind == "igo") and doc[i].ent_type_ == "PERSON":
        # a word of a person's name is no place and no international body ("Kim Jong Un")
        ent = next((e for e in doc.ents if e.start <= i < e.end), None)
        return ent is None or (ent.start == i and ent.end == j)
    return True


def _short_acronym_case(word: str, entry: Entry) -> bool:
    """A short word in mixed case ("Un", "Us", "Who") that matched an acronym of a country or
    international body ("UN", "US", "WHO"): acronyms that short are written in capitals, and
    the mixed-case word is another word. "Nato" (four letters) and "Iran" (its own name) pass."""
    letters = word.replace(".", "")
    return (entry.kind in ("igo", "country") and len(letters) <= 3 and not letters.isupper()
            and letters.lower() != (entry.name or "").replace(".", "").lower())


# --------------------------------------------------------------------------- actors


def _group(doc: Doc, slots: list[Slot], published: str | None, modifiers: set[tuple[int, int]],
           quote_lexicon: QuoteLexicon) -> list[Actor]:
    """Mentions grouped into actors: people by name, everything else by code."""
    actors: dict[str, Actor] = {}
    for slot in slots:
        if slot.kind == "pronoun":
            continue
        mention = _mention(doc, slot, published)
        key = f"person:{mention.name}" if slot.kind == "person" and mention.name else f"code:{mention.code}:{slot.kind}"
        if slot.kind == "group" and (office := _one_office(doc[slot.head])) is not None:
            key += f":{office}"  # "the mayor" and "the governor" are two people, however coded
        if slot.kind != "person" and mention.code is None:
            key = f"text:{mention.text.lower()}"
        actor = actors.get(key)
        if actor is None:
            actor = Actor(id=f"A{len(actors) + 1}", code=mention.code, name=mention.name or mention.text,
                          country=mention.country, sector=mention.sector, kind=slot.kind, role=slot.role)
            actors[key] = actor
        actor.role = actor.role or slot.role
        mention.actor_id = actor.id
        actor.mentions.append(mention)
    result = list(actors.values())
    for actor in result:
        if actor.kind == "person":
            _share_details(actor)
    _attach_pronouns(doc, slots, result, modifiers, quote_lexicon)
    return result


def _one_office(head: Token) -> str | None:
    """The office a singular role noun names ("mayor", "governor": titles.yaml heads), or None
    for a body or a plural ("the government", "officials"), which group by code alone."""
    word = normalise(head.lemma_)
    return word if head.tag_ == "NN" and word in titles()["head"] else None


def _share_details(actor: Actor) -> None:
    """Mentions of one person lend each other the sector one of them carries: a bare "Scott"
    is the "Scott (D-Va.)" of two paragraphs later (LEG). Countries are not lent: a bare
    surname's country may be a namesake's."""
    sector = next((m.sector for m in actor.mentions if m.sector), None)
    if sector is None:
        return
    for mention in actor.mentions:
        if mention.sector is None and mention.country and mention.code == mention.country:
            mention.sector, mention.code = sector, mention.country + sector
    first = actor.mentions[0]
    if actor.sector is None and first.sector:
        actor.sector, actor.code = first.sector, first.code


def _mention(doc: Doc, slot: Slot, published: str | None) -> Mention:
    span = doc[slot.start_tok : slot.end_tok]
    code = _code(slot, published)
    country, sector = slot.country, slot.sector
    if slot.entry is not None and code:
        # a dictionary code, perhaps dated ("Taliban" became the government in 2021), decides
        coded_country, coded_sector = split_code(code)
        country, sector = coded_country or country, coded_sector or sector
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                   country=country, sector=sector, name=slot.name, kind=slot.kind)


def _regions_sharing_a_name(doc: Doc, matches: list[Match]) -> list[Match]:
    """A country's name or capital that is also a region or city elsewhere ("Georgia", "San Jose")
    becomes that place where the article holds more of its clues (its country, states, offices)
    than the country's."""
    shared = shared_names()
    found = [m for m in matches if m.entry.kind in ("country", "capital") and not m.entry.adjective
             and normalise(doc[m.i:m.j].text) in shared]
    if not found:
        return matches
    words = Counter(t.text for t in doc)
    out = list(matches)
    for name in {normalise(doc[m.i:m.j].text) for m in found}:
        fact = shared[name]
        near = sum(1 for m in matches if m.entry.country == fact.region_of)
        region = near + sum(words[w] for w in fact.region_clues)
        country = sum(1 for m in matches if m.entry.country == fact.country and normalise(doc[m.i:m.j].text) != name)
        country += sum(words[w] for w in fact.country_clues)
        if region > country:
            entry = Entry("region", fact.region_of, fact.region_of, None, fact.name)
            out = [Match(m.i, m.j, entry) if m in found and normalise(doc[m.i:m.j].text) == name else m for m in out]
    return out


# NER labels of names that may be a body the knowledge base knows ("Republicans" is NORP,
# "Silicon Valley", the industry, LOC)
BODY_LABELS = ("ORG", "NORP", "LOC")
# the KB's own entries (data/kb/*.yaml): where a name is shared, the body the news means by default
OWN_KB_SOURCES = "chronicle:"


def agreed_code(entries: list[Any]) -> tuple[str | None, str | None] | None:
    """(country, sector) of KB entries that agree on one country (the sector only when they
    agree on it too); None when there are none or their countries differ."""
    countries = {e.country for e in entries}
    if len(countries) != 1:
        return None
    sectors = {e.sector for e in entries}
    return countries.pop(), sectors.pop() if len(sectors) == 1 else None


def known_bodies(doc: Doc, slots: list[Slot], kb: Any, published: str | None) -> list[Slot]:
    """``slots`` with the organisations the KB knows by name: an ORG or NORP name that no
    person or dictionary phrase covers ("Republicans", "the Bundestag", "the GOP"), or whose
    several words only a role noun of no country covers ("the Velmar Assembly": "assembly"),
    takes its country and sector from the knowledge base: from the team's own entry when there
    is one (``data/kb/orgs.yaml`` lists the body a shared name means by default), else from
    the entries when they agree on one country, for a name of two words or more (a one-word name
    or acronym only another list knows may be another body: "ABC"). A name the KB also knows as
    a person is left alone."""
    found: list[Slot] = []
    replaced: set[int] = set()
    for ent in doc.ents:
        start = ent.start + (doc[ent.start].lower_ == "the")
        if ent.label_ not in BODY_LABELS or start >= ent.end:
            continue
        inside = [k for k, s in enumerate(slots) if s.start_tok < ent.end and s.end_tok > start]
        generic = all(slots[k].kind == "group" and slots[k].country is None and slots[k].start_tok >= start
                      and slots[k].end_tok <= ent.end for k in inside)
        if inside and not (generic and ent.end - start > 1):
            continue
        hits = kb.lookup(doc[start:ent.end].text, published)
        if not hits or any(e.kind == "person" for e in hits):
            continue
        own = [e for e in hits if e.source.startswith(OWN_KB_SOURCES)]
        if not own and ent.end - start < 2:
            continue  # one word only other lists know ("ABC": Lesotho's party, or a US network)
        agreed = agreed_code(own or hits)
        if agreed is None or not agreed[0]:
            continue
        replaced.update(inside)
        found.append(Slot(start, ent.end, "organisation", country=agreed[0], sector=agreed[1],
                          name=doc[start:ent.end].text, head=ent.end - 1))
    if not found:
        return slots
    kept = [s for k, s in enumerate(slots) if k not in replaced]
    return sorted(kept + found, key=lambda s: (s.start_tok, -s.end_tok))


def _date_countries(slots: list[Slot], published: str | None) -> None:
    """Countries of dated dictionary names as of the article's date ("Georgian": USR before
    1991, GEO after), so that context lends the right one."""
    for slot in slots:
        if slot.entry is not None and slot.entry.dated:
            country = split_code(slot.entry.code_on(published))[0]
            slot.country = country or slot.country


def _code(slot: Slot, published: str | None) -> str | None:
    """A dictionary code (dated ones by the publication date), else country + sector."""
    base = slot.entry.code_on(published) if slot.entry is not None else None
    base = base.split("/")[0] if base else base  # a multi-actor code in a compound: its first actor
    if slot.agent is not None and slot.agent.user and slot.agent.code:
        country = base or slot.country
        if not country:
            return None  # a role without a country codes nobody ("the government" alone)
        if slot.agent.code in country[3:] or slot.agent.code == country[:3]:
            return country  # "Assad's regime": SYRGOV already says GOV; "AFP [MED]" correspondent: MED
        return slot.agent.code + country if slot.agent.prefix else country + slot.agent.code
    if base:
        # a bare country code takes the role's sector: "Arnorian rangers" -> ARN + MIL
        return base + slot.sector if len(base) == 3 and slot.sector and base.isalpha() else base
    if slot.country:
        return slot.country + (slot.sector or "")
    # a role noun of an institution with no country known codes its sector alone, as CAMEO and
    # GDELT do ("Police arrested six people": COP); people at large code nobody
    return slot.sector if slot.kind == "group" and slot.sector in SECTORS_CODED_ALONE else None


def _attach_pronouns(doc: Doc, slots: list[Slot], actors: list[Actor], modifiers: set[tuple[int, int]],
                     quote_lexicon: QuoteLexicon) -> None:
    """he/she mentions join the person they refer to."""
    view = ArticleActors(doc, actors, modifiers, quote_lexicon)
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
