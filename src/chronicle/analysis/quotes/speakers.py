"""Speakers of quotes: the span as written, and the person or organisation it stands for.

In: the speaker token a frame found, the article's ``ArticleActors`` (may be None) and the
quotes seen so far. Out: a ``Mention`` whose ``text/start/end`` are the words in this sentence
and whose ``name/code/country/sector`` are those of the resolved speaker.
Rules, in order: a pronoun ("he said") goes to the last named speaker of a compatible kind
(else the actors stage's antecedent, else the last person named in the text);
a surname goes to the full name used earlier; a description ("a senior Russian government
official") waits for the next named speaker (``SpeakerTracker.fill_descriptions``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...model import Mention, Quote
from ..speech import QuoteLexicon

# dependency labels that belong to the speaker's name, not to what follows it
NAME_DEPS = ("compound", "flat", "amod", "det", "poss", "nmod", "nummod", "case", "punct")
PERSON_LABELS = ("PERSON",)
GROUP_LABELS = ("ORG", "GPE", "NORP")


def speaker_tokens(head: Token) -> list[Token]:
    """The speaker's words: the head noun and its left modifiers (no relative clause, no appositive)."""
    left = [t for t in head.subtree if t.i < head.i]
    start = head.i
    for tok in reversed(left):
        if tok.i != start - 1:
            break
        start = tok.i
    # names like "Gov. Mike Pence" sometimes hang a flat part to the right of the head
    end = head.i
    for child in head.rights:
        if child.dep_ in ("flat", "compound") and child.i == end + 1:
            end = child.i
    span = head.doc[start : end + 1]
    toks = [t for t in span if not ((t.is_punct or t.is_space) and t.i in (span.start, span.end - 1))]
    return toks or [head]


def _kind(head: Token, lex: QuoteLexicon) -> str:
    """person | group | pronoun-person | pronoun-group | description."""
    low = head.lower_
    if low in lex.person_pronouns:
        return "pronoun-person"
    if low in lex.group_pronouns:
        return "pronoun-group"
    if head.ent_type_ in PERSON_LABELS:
        return "person"
    if head.ent_type_ in GROUP_LABELS:
        return "group"
    if head.pos_ == "PROPN":
        return "person"  # an untagged name in speaker position is most often a person
    return "description"


class SpeakerTracker:
    """Resolves speakers in text order; remembers named speakers and full names of people."""

    def __init__(self, doc: Doc, text: str, actors: object | None, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.text = text
        self.actors = actors
        self.lex = lex
        self.last_person: Mention | None = None
        self.last_group: Mention | None = None
        self.full_names: dict[str, str] = {}
        self.last_named: Mention | None = None  # the last full name of a person in the text
        self._people = sorted(
            (e for e in doc.ents if e.label_ in PERSON_LABELS and len(e) > 1), key=lambda e: e.start
        )
        self._next_person = 0

    def _learn_names(self, upto: int) -> None:
        """Record full names of people that occur before character ``upto``."""
        while self._next_person < len(self._people) and self._people[self._next_person].start_char < upto:
            ent = self._people[self._next_person]
            self.full_names[ent[-1].text.lower()] = _clean_name(ent.text)
            self.last_named = Mention(text=ent.text, start=ent.start_char, end=ent.end_char,
                                      name=_clean_name(ent.text), kind="person")
            self._next_person += 1

    def resolve(self, head: Token | None) -> Mention | None:
        """The speaker mention of the token a frame found (None when there is none)."""
        if head is None:
            return None
        self._learn_names(head.idx)
        toks = speaker_tokens(head)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        mention = Mention(text=self.text[start:end], start=start, end=end)
        kind = _kind(head, self.lex)
        if kind == "group" and head.lower_ in self.full_names:
            kind = "person"  # a surname the parser did not tag as a person
        if kind.startswith("pronoun"):
            return self._resolve_pronoun(mention, kind, head)
        if kind == "person":
            mention.name = self.full_names.get(head.lower_, _name_of(head))
            mention.kind = "person"
        elif kind == "group":
            mention.name = _group_name(toks)
            mention.kind = "organisation"
        else:
            mention.kind = "description"
        self._enrich(mention)
        self.remember(mention)
        return mention

    def _resolve_pronoun(self, mention: Mention, kind: str, head: Token) -> Mention:
        """"he" -> the last named person who spoke; "it/they" -> the last group, else the person."""
        antecedent = self.last_person if kind == "pronoun-person" else (self.last_group or self.last_person)
        if antecedent is None and self.actors is not None:
            antecedent = _actors_call(self.actors, "resolve_pronoun", head)
        if antecedent is None and kind == "pronoun-person":
            antecedent = self.last_named  # no one spoke yet: the last person the text named
        if antecedent is not None:
            return _copy_identity(mention, antecedent, kind="pronoun")
        mention.kind = "pronoun"
        return mention

    def _enrich(self, mention: Mention) -> None:
        """Code, country and sector from the actors stage, when it knows this span."""
        if self.actors is None:
            return
        found = _actors_call(self.actors, "mention_for_span", mention.start, mention.end)
        if found is None:
            return
        for attr in ("code", "country", "sector", "actor_id"):
            setattr(mention, attr, getattr(found, attr, None))
        if found.name and mention.kind != "person":
            mention.name = found.name

    def remember(self, mention: Mention) -> None:
        """A named speaker becomes the antecedent of later pronouns."""
        if mention.kind == "person":
            self.last_person = mention
        elif mention.kind == "organisation":
            self.last_group = mention


def _actors_call(actors: object, method: str, *args: object) -> Mention | None:
    """Call an ArticleActors method (an error there fails the article's analysis, never hidden)."""
    return getattr(actors, method)(*args)


def _copy_identity(mention: Mention, antecedent: Mention, kind: str) -> Mention:
    """The pronoun's own span, with the antecedent's name and codes."""
    return replace(
        antecedent, text=mention.text, start=mention.start, end=mention.end, kind=kind
    )


def _name_of(head: Token) -> str:
    """The entity's text when the head is inside a named entity, else the head word."""
    if not head.ent_type_:
        return head.text
    doc, start, end = head.doc, head.i, head.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":  # walk to the entity's first token
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return _clean_name(doc[start:end].text)


def _group_name(toks: list[Token]) -> str:
    """"the U.N." -> "U.N.": drop leading determiners."""
    words = [t for t in toks if t.dep_ != "det" and not (t.pos_ == "DET")]
    return " ".join(t.text for t in words) if words else toks[-1].text


def _clean_name(text: str) -> str:
    return text.strip().removesuffix("'s").removesuffix("’s").strip()


def fill_descriptions(quotes: list[Quote], window: int = 400) -> None:
    """A description speaker ("a senior official") takes the next named person who speaks
    within ``window`` characters: news names the official in the sentence after the lead.
    ``quotes`` are in text order and are updated in place."""
    for i, quote in enumerate(quotes):
        speaker = quote.speaker
        if speaker is None or speaker.kind != "description" or speaker.name:
            continue
        if speaker.text.split(" ", 1)[0].lower() not in ("a", "an"):
            continue
        for later in quotes[i + 1 :]:
            if later.start - quote.end > window:
                break
            if later.speaker is not None and later.speaker.kind == "person":
                quote.speaker = _copy_identity(speaker, later.speaker, kind="description")
                break
