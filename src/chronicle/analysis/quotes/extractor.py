"""Quotes: who said what. Direct ("..." he said), indirect (X said that ...), mixed (both).

In: the article's parsed spaCy ``Doc`` (the one parse the analysis stage makes), the ``Article``
and its ``ArticleActors``. Out: ``Quote`` records in text order, offsets into ``Article.body``.

Steps, each linear in the article's length: quote marks (``speech.marks``), attribution frames from
the parse (``speech.frames``), pairing the two, then speakers in text order (``speakers``).
An error inside raises; the Analyzer records it as that article's Failure naming this stage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ...model import Article, Quote
from ..speech import Frame, find_frames, subject_of
from ..speech import QuoteLexicon
from ..parsed import text_of
from ..speech import QuotedSpan, find_quoted
from .speakers import SpeakerTracker, fill_descriptions

if TYPE_CHECKING:
    from ..actors import ArticleActors

# a quoted stretch counts as a sentence of its own (a direct quote without a cue) from this length
MIN_DIRECT_WORDS = 4
# a quote with no cue of its own continues the previous speaker's quote within this distance
CONTINUATION_CHARS = 1200
# how far past a closing mark (in tokens) a cue verb may stand: '"...," the senator said.'
CUE_WINDOW_TOKENS = 12
# at most this many tokens from a cue to the quote it introduces: 'said Tuesday, "'
INTRO_TOKENS = 5
WORD = re.compile(r"\w")
DASHES = "―—–"
NOUNISH = ("PROPN", "NOUN", "PRON")
TIME_LABELS = ("DATE", "TIME")


@dataclass
class _Candidate:
    """A quote before its speaker is resolved."""

    kind: str
    start: int
    end: int
    frame: Frame | None = None
    cue_token: Token | None = None
    speaker_token: Token | None = None
    inherit: bool = False  # no cue of its own: take the previous quote's speaker


class QuoteExtractor:
    """Finds the quotes of one article with the speech cues it is given
    (``analysis.components.quote_extractor(config)`` builds one from settings)."""

    def __init__(self, lexicon: QuoteLexicon) -> None:
        self.lexicon: QuoteLexicon = lexicon

    def extract(self, doc: Doc, article: Article, actors: ArticleActors | None = None) -> list[Quote]:
        """Quotes of ``article`` (parsed as ``doc``). An error inside raises: the Analyzer turns
        it into that article's Failure (stage "quotes"), never a silent empty list."""
        text = text_of(doc)  # built once a doc: spaCy rebuilds Doc.text on every access
        quoted = QuoteIndex(find_quoted(text, self.lexicon))
        frames = find_frames(doc, self.lexicon)
        candidates = _pair(doc, text, quoted, frames, self.lexicon)
        for cand in candidates:
            cand.speaker_token = _speaker_outside_quotes(doc, cand, quoted)
        return _to_quotes(candidates, doc, text, article, actors, self.lexicon)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _pair(doc: Doc, text: str, index: QuoteIndex, frames: list[Frame], lex: QuoteLexicon) -> list[_Candidate]:
    """Quoted stretches and frames -> candidates: direct, mixed and indirect."""
    quoted = index.spans
    used: set[int] = set()
    out: list[_Candidate] = []
    qi = 0
    clipped = (_clip_to_paragraph(text, f) for f in _outside_quotes(frames, index))
    for frame in (f for f in clipped if f is not None):
        while qi < len(quoted) and quoted[qi].close_at <= frame.start:
            qi += 1  # quotes are sorted; skip those that end before this frame
        inside = []
        for k in range(qi, len(quoted)):
            if quoted[k].open_at >= frame.end:
                break
            if _overlap(quoted[k].start, quoted[k].end, frame.start, frame.end) > 0:
                inside.append(k)
        out.extend(_frame_candidates(text, frame, quoted, inside, used))
    for k, q in enumerate(quoted):
        if k not in used:
            cand = _lone_quote(doc, text, q, lex)
            if cand is not None:
                out.append(cand)
    out.sort(key=lambda c: (c.start, -c.end))
    return _drop_nested(out)


def _outside_quotes(frames: list[Frame], quoted: QuoteIndex) -> list[Frame]:
    """Frames whose cue stands outside every quote: a "he said" inside a quote is the speaker's
    own report, not the attribution of the quote."""
    kept = []
    for frame in frames:
        if quoted.at(frame.cue_start) is None:
            kept.append(frame)
    return kept


class QuoteIndex:
    """The article's quoted stretches, with a look-up by character offset."""

    def __init__(self, spans: list[QuotedSpan]) -> None:
        self.spans = spans
        self._opens = [q.open_at for q in spans]

    def at(self, pos: int) -> QuotedSpan | None:
        """The quoted stretch holding character ``pos`` (marks included), if any."""
        k = bisect.bisect_right(self._opens, pos) - 1
        return self.spans[k] if k >= 0 and pos < self.spans[k].close_at else None


def _clip_to_paragraph(text: str, frame: Frame) -> Frame | None:
    """A frame's content stays in its cue's paragraph: parses run across blank lines."""
    p_start = text.rfind("\n", 0, frame.cue_start) + 1
    p_end = text.find("\n", frame.cue_end)
    p_end = len(text) if p_end < 0 else p_end
    start, end = max(frame.start, p_start), min(frame.end, p_end)
    if end - start < 2:
        return None
    return replace(frame, start=start, end=end)


def _frame_candidates(
    text: str, frame: Frame, quoted: list[QuotedSpan], inside: list[int], used: set[int]
) -> list[_Candidate]:
    """One frame: its quoted parts become direct quotes when they fill most of it, else it is mixed."""
    if not inside:
        return [_Candidate("indirect", frame.start, frame.end, frame)]
    covered = sum(_overlap(quoted[k].start, quoted[k].end, frame.start, frame.end) for k in inside)
    # words before the first mark ('said Putin has "been a leader"') make the report mixed
    lead = WORD.search(text, frame.start, max(frame.start, quoted[inside[0]].open_at))
    if covered * 2 >= frame.end - frame.start and frame.speech and not lead:
        used.update(inside)
        cands = [_Candidate("direct", quoted[k].start, quoted[k].end, frame) for k in inside]
        last = quoted[inside[-1]]
        if frame.end > last.close_at + 1:
            # the quote runs on outside its marks: '"... for the government" to do the same'
            cands[-1].end = frame.end
        return cands
    used.update(inside)
    start = min(frame.start, quoted[inside[0]].start)
    end = max(frame.end, quoted[inside[-1]].end)
    return [_Candidate("mixed", start, end, frame)]


def _starts_sentence(text: str, open_at: int) -> bool:
    """True when only spaces lie between the opening mark and the previous sentence end."""
    i = open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.?!:;”\"'—"


def _introduced(text: str, q: QuotedSpan, span: Span, cue: Token | None) -> bool:
    """'Trump boasted, "That makes me smart."': a cue, a comma and the opening mark."""
    i = q.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return cue is not None and i >= 0 and text[i] == "," and 0 < span[0].i - cue.i <= INTRO_TOKENS


def _colon_lead(doc: Doc, text: str, q: QuotedSpan) -> Token | None:
    """'He then listed the qualities:\n\n"Has the candidate ..."': the verb of the sentence
    that ends with the colon introduces the quote (any verb: listed, wrote, put it)."""
    i = q.open_at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":":
        return None
    colon = doc.char_span(i, i + 1, alignment_mode="expand")
    if colon is None or len(colon) == 0:
        return None
    root = colon[0].sent.root
    return root if root.pos_ in ("VERB", "AUX") and subject_of(root) is not None else None


def _lone_quote(doc: Doc, text: str, q: QuotedSpan, lex: QuoteLexicon) -> _Candidate | None:
    """A quoted stretch no frame claimed: direct with a nearby cue, a continuation, or a phrase."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    cue = _cue_after(doc, text, q, lex) or _cue_before(doc, q, span, lex)
    words = sum(1 for t in span if t.is_alpha)
    signed = _dash_signature(doc, text, q)
    if signed is not None:
        return _Candidate("direct", q.start, q.end, speaker_token=signed)
    if _starts_sentence(text, q.open_at) or _introduced(text, q, span, cue):
        if cue is not None:
            return _Candidate("direct", q.start, q.end, cue_token=cue, speaker_token=subject_of(cue))
        lead = _colon_lead(doc, text, q)
        if lead is not None:
            return _Candidate("direct", q.start, q.end, cue_token=lead, speaker_token=subject_of(lead))
        if words >= MIN_DIRECT_WORDS:
            return _Candidate("direct", q.start, q.end, inherit=True)
        return None
    governor = _governing_cue(span, lex)
    if governor is not None:
        # a short quoted phrase inside reported speech: 'dismissed ... as "wishful thinking."'
        return _Candidate("mixed", q.start, q.end, cue_token=governor, speaker_token=subject_of(governor))
    return None


def _dash_signature(doc: Doc, text: str, q: QuotedSpan) -> Token | None:
    """'"..." ― Carla Sanchez': a name after a dash that follows the closing mark signs the quote."""
    i = q.close_at
    while i < len(text) and text[i] in " \xa0\t":
        i += 1
    if not q.closed or i >= len(text) or text[i] not in DASHES:
        return None
    span = doc.char_span(i, min(len(text), i + 1), alignment_mode="expand")
    if span is None:
        return None
    name = None
    for t in doc[span.end : min(len(doc), span.end + 6)]:
        if t.pos_ != "PROPN" and not (t.is_space and name is None):
            break
        if t.pos_ == "PROPN":
            name = t
    return name


def _cue_after(doc: Doc, text: str, q: QuotedSpan, lex: QuoteLexicon) -> Token | None:
    """A speech verb just after the closing mark, before the sentence ends: '"...," he said.'"""
    tok = doc.char_span(q.close_at, min(len(text), q.close_at + 1), alignment_mode="expand")
    if tok is None or not q.closed:
        return None
    for t in doc[tok.start : min(len(doc), tok.start + CUE_WINDOW_TOKENS)]:
        if t.idx < q.close_at:
            continue  # the closing mark itself
        if "\n" in t.text or t.text in (".", "?", "!") or t.is_quote:
            break
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.speech_verbs:
            return t
    return None


def _cue_before(doc: Doc, q: QuotedSpan, span: Span, lex: QuoteLexicon) -> Token | None:
    """A speech verb in the words that lead into the quote: 'He told the crowd: "..."'."""
    sent_start = span[0].sent.start
    first = span[0].i
    for t in reversed(doc[max(sent_start, first - CUE_WINDOW_TOKENS) : first]):
        if t.pos_ == "VERB" and t.lemma_.lower() in lex.speech_verbs:
            return t
    return None


def _governing_cue(span: Span, lex: QuoteLexicon) -> Token | None:
    """The nearest speech or object verb above the quoted phrase in the parse."""
    for anc in span.root.ancestors:
        lemma = anc.lemma_.lower()
        if anc.pos_ == "VERB" and (lemma in lex.speech_verbs or lemma in lex.object_verbs):
            return anc
    return None


def _speaker_outside_quotes(doc: Doc, cand: _Candidate, quoted: QuoteIndex) -> Token | None:
    """The parser's subject, unless it lies inside a quote (then the noun beside the cue)."""
    tok = cand.frame.speaker if cand.frame else cand.speaker_token
    if tok is not None and quoted.at(tok.idx) is None:
        return tok
    if tok is None and cand.kind == "indirect":
        return None  # no subject ("after telling officials that ..."): better none than a guess
    if cand.frame is not None:
        cue = doc.char_span(cand.frame.cue_start, cand.frame.cue_end, alignment_mode="expand")
        verb = cue[0] if cue is not None and len(cue) else None
    else:
        verb = cand.cue_token
    if verb is None:
        return None
    return _noun_beside(doc, verb, quoted)


def _noun_beside(doc: Doc, verb: Token, quoted: QuoteIndex) -> Token | None:
    """'...," Flynn, a surrogate, said' -> Flynn; 'said Obama' -> Obama.

    Left of the cue back to the closing mark: the first proper name, else the nearest noun.
    Otherwise the name right after the cue, skipping dates ("said Thursday")."""
    left: list[Token] = []
    i = verb.i - 1
    floor = max(verb.sent.start, verb.i - CUE_WINDOW_TOKENS)
    while i >= floor and doc[i].is_quote is False and quoted.at(doc[i].idx) is None:
        left.append(doc[i])
        i -= 1
    names = [t for t in left if t.pos_ == "PROPN" and t.ent_type_ not in TIME_LABELS]
    if names:
        first = names[-1]  # left is reversed: the last item is the leftmost name
        while first.i + 1 < verb.i and doc[first.i + 1].pos_ == "PROPN":
            first = doc[first.i + 1]
        return first
    nouns = [t for t in left if t.pos_ in NOUNISH]
    if nouns:
        return nouns[0]
    found = None
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 6)]:
        if t.ent_type_ in TIME_LABELS or (t.pos_ not in NOUNISH and t.dep_ not in ("det", "compound", "amod")):
            break
        if t.pos_ in NOUNISH:
            found = t
    return found


def _drop_nested(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop a quote found twice (two cues governing one clause); keep nested reports ("X said the
    U.N. says C") since each has its own speaker. ``cands`` are sorted by start, longest first."""
    out: list[_Candidate] = []
    for cand in cands:
        if out and (cand.start, cand.end) == (out[-1].start, out[-1].end):
            continue
        out.append(cand)
    return out


def _to_quotes(
    cands: list[_Candidate], doc: Doc, text: str, article: Article, actors: ArticleActors | None, lex: QuoteLexicon
) -> list[Quote]:
    """Candidates -> Quote records, resolving speakers in text order."""
    tracker = SpeakerTracker(doc, text, actors, lex)
    quotes: list[Quote] = []
    previous: Quote | None = None
    for n, cand in enumerate(cands):
        quote = Quote(id=f"{article.id}:q{n + 1}", kind=cand.kind, text=text[cand.start : cand.end],
                      start=cand.start, end=cand.end)
        if cand.inherit:
            _inherit(quote, previous)
        else:
            _set_cue(quote, cand)
            quote.speaker = tracker.resolve(cand.speaker_token)
        quotes.append(quote)
        previous = quote
    fill_descriptions(quotes)
    return quotes


def _set_cue(quote: Quote, cand: _Candidate) -> None:
    if cand.frame is not None:
        quote.cue, quote.cue_start, quote.cue_end = cand.frame.cue, cand.frame.cue_start, cand.frame.cue_end
    elif cand.cue_token is not None:
        t = cand.cue_token
        quote.cue, quote.cue_start, quote.cue_end = t.text, t.idx, t.idx + len(t.text)


def _inherit(quote: Quote, previous: Quote | None) -> None:
    """A quote with no cue of its own continues the previous quote's speaker when it is close."""
    if previous is None or quote.start - previous.end > CONTINUATION_CHARS:
        return
    quote.cue, quote.cue_start, quote.cue_end = previous.cue, previous.cue_start, previous.cue_end
    quote.speaker = previous.speaker
