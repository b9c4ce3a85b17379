"""Judgements: a speaker's criticism or praise of another actor in their own words.

Much verbal conflict in the news carries no verb of accusing: '"He is becoming ISIS's best
recruiter," Clinton said of Trump', 'Flynn said Trump was "absolutely right"', '"NATO is
obsolete," Trump declared'. PLOVER codes such statements as ACCUSE (mode disapprove) or SUPPORT
from the speaker to the actor judged. This module codes them from the article's quotes:

``JudgementCoder(words, lexicon).code(doc, article, actors, quotes, events) -> list[Event]``.
In: the parse, the article, its resolved actors, its quotes (with speakers) and the events the
event coder found. Out: new events, one per speaker, actor judged, type and sentence, for a
quote whose speaker is a known actor and whose words hold a word of judgement
(``data/verbs/judgements.yaml``) in a clause about another actor: the clause subject ("he is a
liar"), the possessor of the judged noun ("Trump's lies") or of the subject ("his policy is a
disaster"), or whom the speech verb says the quote is about ('"an outrageous tweet," Axelrod said
of Dean'). It also codes stance adjectives outside quotes ("Clinton was critical of Trump").
A judging word that is negated, hedged ("whether it was a mistake") or asked in a question
codes nothing, nor does one about the speaker (or "I", "we", "you"), nor a pair the event coder
already linked in that sentence. Each event's ``rule`` names the word and the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from chronicle.data import load_yaml
from chronicle.model import Article, Event, Mention, Quote

from ..links import same_actor
from ..syntax import MAX_CLIMB, SUBJECTS, child_with, pobj_of
from .circumstances import add_circumstances, confidence_of
from .lexicon import Lexicon
from .roles import CodingView, actor_at
from .words import load_event_words

JUDGEMENT_RULE = "judgement"
TYPES = {"negative": "ACCUSE", "positive": "SUPPORT"}
CAMEO = {"ACCUSE": "111", "SUPPORT": "051", "REJECT": "120"}
MODES = {"ACCUSE": "disapprove", "SUPPORT": None, "REJECT": None}
# nouns of a claim: one called false or absurd is denied, its maker's claim rejected (REJECT)
CLAIM_NOUNS = load_event_words().claim_nouns
# subjects never judged: the speaker's own side, and words that name no one ("it's wonderful
# to see", "that was a mistake")
UNJUDGED_SUBJECTS = {"i", "me", "we", "us", "you", "myself", "ourselves", "yourself", "it", "this", "that", "there",
                 "what", "which"}
QUOTE_MARKS = re.compile("[\"“”«»]")
# subjects of a judgement about a situation, whomever the quote is said of ("It is wonderful to see")
SITUATION_SUBJECTS = frozenset({"it", "there", "what"})
# prepositions of a speech verb naming whom the quote is about ("said of Trump")
ABOUT_PREPOSITIONS = frozenset({"of", "about"})
# arcs of the name a labelling verb gives ("called him a liar": oprd; "dubbed it ...": xcomp)
LABEL_ARCS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
# arcs by which a judging word hangs on the clause whose subject it judges
PREDICATES = {"acomp", "attr", "oprd", "dobj", "advmod", "npadvmod"}


@dataclass(frozen=True)
class JudgementWords:
    """The words of ``data/verbs/judgements.yaml``: polarity by lemma (with the parts of speech
    it needs, empty for any), hedging marks, and stance adjectives with their prepositions."""

    polarity: dict[str, tuple[str, frozenset[str]]]
    hedges: frozenset[str]
    stance: dict[str, tuple[str, frozenset[str]]]
    labelling: frozenset[str] = frozenset()

    def judges(self, tok: Token) -> str | None:
        """The event type a token's word of judgement stands for, or None."""
        found = self.polarity.get(tok.lemma_.lower()) or self.polarity.get(tok.lower_)
        if found is None:
            return None
        kind, parts = found
        if parts and tok.pos_ not in parts:
            return None
        return TYPES[kind]


def parse_judgement_words(data: dict) -> JudgementWords:
    """The word lists of a parsed judgements file (see the file's header for its layout)."""
    polarity: dict[str, tuple[str, frozenset[str]]] = {}
    anywhere: set[str] = set()  # lemmas listed bare: they judge as any part of speech
    for kind in TYPES:
        for entry in data.get(kind) or []:
            lemma, _, part = str(entry).partition(":")
            _, parts = polarity.get(lemma, (kind, frozenset()))
            if not part:
                anywhere.add(lemma)
            polarity[lemma] = (kind, frozenset() if lemma in anywhere else parts | {part})
    stance = {str(word): (str(spec["type"]), frozenset(spec.get("prepositions") or []))
              for word, spec in (data.get("stance") or {}).items()}
    return JudgementWords(polarity, frozenset(data.get("hedges") or []), stance,
                          frozenset(data.get("labelling") or []))


@lru_cache(maxsize=1)
def load_judgement_words() -> JudgementWords:
    """The shipped words of judgement, read once."""
    return parse_judgement_words(load_yaml("verbs", "judgements.yaml"))


class JudgementCoder:
    """Codes the judgements of one parsed article (see the module docstring)."""

    def __init__(self, words: JudgementWords, lexicon: Lexicon) -> None:
        self.words = words
        self.lexicon = lexicon

    def code(self, doc: Doc, article: Article, actors, quotes: list[Quote], events: list[Event]) -> list[Event]:
        view = CodingView(actors, self.lexicon)
        # pairs the event coder linked in a sentence (any type), and those coded here (by type)
        linked = {(e.start, _key(e.source), _key(e.target)) for e in events if e.source and e.target}
        coded: set[tuple] = set()
        found: list[Event] = []

        def add(event_type: str, tok: Token, source: Mention, target: Mention, rule: str) -> None:
            pair = (tok.sent.start_char, _key(source), _key(target))
            if pair in linked or pair + (event_type,) in coded:
                return
            coded.add(pair + (event_type,))
            found.append(self._event(event_type, tok, source, target, article, rule))

        for quote, tok in self._quoted_words(doc, quotes):
            event_type = self.words.judges(tok)
            if event_type is None or self._withheld(tok) or _in_compound_word(tok):
                continue
            if event_type == "ACCUSE" and _judges_a_claim(tok):
                event_type = "REJECT"  # "the ministry's claim is patently false": a denial of it
            about = self._said_of(doc, quote, view) if _subject_word(tok) not in SITUATION_SUBJECTS else None
            target = about or self._judged(tok, view)
            if target is None or _same_side(target, quote.speaker):
                continue
            add(event_type, tok, quote.speaker, target,
                f"{JUDGEMENT_RULE}: '{tok.lemma_.lower()}' in {quote.speaker.text}'s words")
        for tok, event_type, source, target in self._stances(doc, view):
            add(event_type, tok, source, target, f"{JUDGEMENT_RULE}: stance '{tok.lemma_.lower()}'")
        for tok, event_type, source, target in self._labels(doc, view):
            add(event_type, tok, source, target, f"{JUDGEMENT_RULE}: '{tok.lemma_.lower()}' as the name given")
        base = len(events)
        for n, event in enumerate(found, start=1):
            event.id = f"{article.id[:16]}-e{base + n}"
        return found

    # ------------------------------------------------------------------ where judgements are

    def _quoted_words(self, doc: Doc, quotes: list[Quote]):
        """(quote, token) for each token inside a quote whose speaker is a coded actor."""
        for quote in quotes:
            speaker = quote.speaker
            if speaker is None or not speaker.country or QUOTE_MARKS.search(speaker.text):
                continue  # no known speaker, or a speaker span that runs into quoted words
            span = doc.char_span(quote.start, quote.end, alignment_mode="contract")
            if span is None:
                continue
            for tok in span:
                if tok.is_alpha and not tok.is_stop:
                    yield quote, tok

    def _stances(self, doc: Doc, view: CodingView):
        """(adjective, type, judge, judged) for "X was critical of Y" anywhere in the text."""
        for tok in doc:
            spec = self.words.stance.get(tok.lemma_.lower()) if tok.pos_ == "ADJ" else None
            if spec is None or tok.dep_ != "acomp" or self._withheld(tok):
                continue
            event_type, prepositions = spec
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
            judged = _actor(pobj_of(prep) if prep is not None else None, view)
            judge = _actor(child_with(tok.head, SUBJECTS), view)
            if judged is None or judge is None or _same_side(judged, judge):
                continue
            yield tok, event_type, judge, judged

    def _labels(self, doc: Doc, view: CodingView):
        """(judging word, type, judge, judged) for "X called Y a liar", "labeled Y a puppet",
        "described Y as a disgrace": the name given holds the word, the one named is an actor
        (or the possessor of what is named: "called Y's plan a disaster")."""
        for verb in doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.words.labelling or self._withheld(verb):
                continue
            names = [c for c in verb.children if c.dep_ in LABEL_ARCS]
            names += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                      if o.dep_ == "pobj"]
            # "called Clinton's plan a disaster": the name parsed as the object's apposition
            names += [a for c in verb.children if c.dep_ in ("dobj", "oprd") for a in c.children
                      if a.dep_ in ("appos", "npadvmod", "attr", "oprd")]
            named = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + names[:1]
            judged = next((m for m in (_named_actor(c, view) for c in named) if m is not None), None)
            judge = _actor(child_with(verb, {"nsubj"}), view)
            if judge is None and verb.dep_ == "acl":  # "Trump called Clinton a liar" parsed as a noun's clause
                judge = _actor(verb.head, view)
            if judged is None or judge is None or _same_side(judged, judge):
                continue
            for name in names:
                for tok in (name, *name.conjuncts, *(c for c in name.children if c.dep_ == "amod")):
                    event_type = self.words.judges(tok)
                    if event_type is not None and not _in_compound_word(tok) and tok.i != getattr(judged, "i", -1):
                        yield tok, event_type, judge, judged
                        break
                else:
                    continue
                break

    # ------------------------------------------------------------------ whom a word judges

    def _judged(self, tok: Token, view: CodingView) -> Mention | None:
        """The actor a judging word is about: the subject of its clause, else the possessor of the
        judged noun or of the subject ("Trump's lies", "his policy is a disaster")."""
        noun = tok.head if tok.dep_ == "amod" else tok  # "a vicious snake": the noun it qualifies
        owner = child_with(noun, {"poss"})
        if owner is not None and noun.dep_ not in SUBJECTS:
            return _actor(owner, view)
        clause = _clause_of(noun)
        if clause is None:
            return None
        subject = child_with(clause, SUBJECTS)
        if subject is None or subject.lower_ in UNJUDGED_SUBJECTS:
            return None
        judged = _actor(subject, view)
        if judged is None:
            owner = child_with(subject, {"poss"})
            judged = _actor(owner, view) if owner is not None else None
        return judged

    def _said_of(self, doc: Doc, quote: Quote, view: CodingView) -> Mention | None:
        """The actor a quote is said to be about: the "of"/"about" phrase of its speech verb
        ('"That was a really outrageous tweet," Axelrod said of Howard Dean')."""
        if quote.cue_start is None or quote.cue_end is None:
            return None
        cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
        if cue is None:
            return None
        prep = next((c for c in cue.root.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPOSITIONS), None)
        return _actor(pobj_of(prep), view) if prep is not None else None

    def _withheld(self, tok: Token) -> bool:
        """A judging word that judges nothing: negated ("not wrong"), hedged ("whether it was a
        mistake", "if he fails") or in a question."""
        node = tok
        for _ in range(MAX_CLIMB):
            if any(c.dep_ == "neg" or (c.dep_ in ("mark", "advmod") and c.lower_ in self.words.hedges)
                   for c in node.children):
                return True
            if node.dep_ in ("ROOT", "ccomp") or node.head is node:
                break
            node = node.head
        sent = tok.sent
        return sent.text.rstrip().rstrip("\"'”’»").endswith("?")

    def _event(self, event_type: str, tok: Token, source: Mention, target: Mention, article: Article,
               rule: str) -> Event:
        sent: Span = tok.sent
        event = Event(id="", type=event_type, trigger=tok.text, sentence=sent.text, start=sent.start_char,
                      end=sent.end_char, source=source, target=target, mode=MODES[event_type],
                      cameo=CAMEO[event_type], trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
                      rule=rule)
        add_circumstances(event, tok, sent, article)
        event.location = None  # a judgement is said, not done somewhere in its words
        event.confidence = confidence_of(event)
        return event


def _in_compound_word(tok: Token) -> bool:
    """The word is the end of a hyphenated one ("low-lying" holds no "lie")."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_


def _judges_a_claim(tok: Token) -> bool:
    """The word judges a claim: the subject of its clause is a claim noun ("the allegations
    are false", "their claim is absurd")."""
    clause = _clause_of(tok.head if tok.dep_ == "amod" else tok)
    subject = child_with(clause, SUBJECTS) if clause is not None else None
    return subject is not None and subject.lemma_.lower() in CLAIM_NOUNS


def _subject_word(tok: Token) -> str | None:
    """The lower-case subject of the clause a judging word belongs to, if any."""
    clause = _clause_of(tok.head if tok.dep_ == "amod" else tok)
    subject = child_with(clause, SUBJECTS) if clause is not None else None
    return subject.lower_ if subject is not None else None


def _clause_of(tok: Token) -> Token | None:
    """The verb or copula whose clause a judging word belongs to (itself, if a verb)."""
    node = tok
    for _ in range(MAX_CLIMB):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.dep_ not in PREDICATES and node.dep_ not in ("amod", "compound", "pobj", "prep", "conj"):
            return None
        if node.head is node:
            return None
        node = node.head
    return None


def _actor(tok: Token | None, view: CodingView) -> Mention | None:
    """The coded actor a word names (a country at least; not a place), or None."""
    mention = actor_at(tok, view)
    if mention is None or not mention.country or mention.kind == "place":
        return None
    return mention


def _named_actor(tok: Token, view: CodingView) -> Mention | None:
    """The actor a name is given to: the word itself, a name compounded onto the complement
    ("called Trump dangerous" parsed as one phrase), or the possessor ("Y's plan")."""
    for node in (tok, *(c for c in tok.children if c.dep_ in ("compound", "poss"))):
        mention = _actor(node, view)
        if mention is not None:
            return mention
    return None


def _key(m: Mention | None) -> str | None:
    """Who a side is, as an event-data user counts it: its code ("Kiev" and "the Ukrainian
    government" are one UKRGOV), else its actor or its words."""
    return None if m is None else (m.code or m.actor_id or m.text)


def _same_side(a: Mention, b: Mention | None) -> bool:
    """One actor twice (the speaker judging themselves): the same actor, the same name, or the
    same last word of a person's name ("Flynn" and "Retired Lt. Gen. Michael Flynn")."""
    if b is None:
        return True
    if same_actor(a, b) or (a.name and a.name == b.name and a.code == b.code):
        return True
    last_a, last_b = a.text.split()[-1:], b.text.split()[-1:]
    return bool(last_a) and last_a == last_b and last_a[0][:1].isupper()

