"""Sport and elections: contests are not political events.

``campaign_rally(event, lexicon)``, ``campaign_proposal(event)`` and ``voters_choice(event, doc,
lexicon)``: in an election article, a party's or politician's rally is campaigning, not a
protest, a candidate's call or threat aimed at nobody ("called for eliminating the
carried-interest loophole", "warned that bad things are going to happen") is a policy position,
and the public's votes and support are the electorate's choices, not events.

``sporting(doc, lexicon)``: the article reports sport (at least ``lexicon.sport_signals`` sport
words and scores); the coder codes nothing in it. ``contest(token, lexicon)``: a contest verb
("beat", "rallied", "fired up") in a sentence with a sport word or a score.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from chronicle.model import Event

from ..parsed import count_lower, text_of
from .lexicon import Lexicon

# a result: "6-3", "7-6 (7)", "24-17", "3-0" (not "10-year", not a date or a range of years)
# who campaigns: parties and candidates, sitting politicians
CAMPAIGNERS = frozenset({"PTY", "GOV", "LEG"})
SCORE = re.compile(r"(?<![\w.,:/-])\d{1,2}-\d{1,2}(?![\w-])")


def _signals(span: Doc | Span, lexicon: Lexicon) -> int:
    if isinstance(span, Doc):  # the whole article: counted once, in spaCy's code
        return count_lower(span, lexicon.sport_words) + len(SCORE.findall(text_of(span)))
    words = sum(1 for t in span if t.lower_ in lexicon.sport_words)
    return words + len(SCORE.findall(span.text))


def sporting(doc: Doc, lexicon: Lexicon) -> bool:
    """Whether the article reports sport: enough sport words and scores in it."""
    return bool(lexicon.sport_words) and _signals(doc, lexicon) >= lexicon.sport_signals


def contest(tok: Token, lexicon: Lexicon) -> bool:
    """A contest verb in a sentence that speaks of sport ("Russia rallied to beat Spain 2-1") or
    of an election ("we have to beat Trump at the ballot box")."""
    lemma = tok.lemma_.lower()
    if lemma in lexicon.contest_verbs and _signals(tok.sent, lexicon) > 0:
        return True
    return lemma in lexicon.election_contest_verbs and any(t.lower_ in lexicon.election_words for t in tok.sent)


def electoral(doc: Doc, lexicon: Lexicon) -> bool:
    """Whether the article speaks of an election: enough election words in it."""
    return count_lower(doc, lexicon.election_words) >= lexicon.election_signals


# what a candidate proposes to nobody in particular: a policy position
PROPOSAL_TYPES = frozenset({"REQUEST", "THREATEN"})
CANDIDATES = frozenset({"PTY"})


def campaign_proposal(event: Event) -> bool:
    """A call or threat aimed at nobody by a party or candidate (in an election article)."""
    return (event.type in PROPOSAL_TYPES and event.target is None and event.source is not None
            and event.source.sector in CANDIDATES)


def campaign_rally(event: Event, lexicon: Lexicon) -> bool:
    """A rally of a party or a politician (in an election article): campaigning, not a protest."""
    return (event.type == "PROTEST" and event.source is not None and event.source.sector in CAMPAIGNERS
            and event.trigger.lower() in lexicon.rally_words | {"rallied", "rallying"})


def voters_choice(event: Event, doc: Doc, lexicon: Lexicon) -> bool:
    """The public's vote, support or rejection (in an election article): "naturalized citizens
    who have voted for both parties", "lots of Democrats supporting Trump" (see
    ``preference_verbs`` in the lexicon)."""
    source = event.source
    if source is None or event.trigger_start is None:
        return False
    trigger = doc.char_span(event.trigger_start, event.trigger_end or event.trigger_start + 1, alignment_mode="expand")
    if trigger is None or trigger.root.lemma_.lower() not in lexicon.preference_verbs:
        return False
    words = source.text.lower().split()
    before = text_of(doc)[max(event.start, source.start - 40) : source.start].lower().split()[-3:]
    return (source.sector == "CVL" or any(w in lexicon.public_words for w in words)
            or any(w in lexicon.crowd_quantifiers for w in before))
