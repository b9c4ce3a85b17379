"""Attribution frames from the dependency parse: a cue, its speaker token and the content it governs.

In: a parsed spaCy ``Doc`` and a ``QuoteLexicon``. Out: ``Frame`` list in text order. Patterns:
``X said (that) C`` / ``C, X said`` (cue verb with a ccomp), ``X dismissed allegations that C``
(object verb with a content noun), ``according to X, C`` (prepositional cue).
One pass over the tokens; each frame looks only at its own subtree.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import QuoteLexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# dependency labels that spaCy uses for a reported clause under the cue verb
CLAUSES = ("ccomp", "parataxis")


@dataclass
class Frame:
    """A cue and what it governs. Offsets are characters into the body."""

    cue_start: int
    cue_end: int
    cue: str
    start: int
    end: int
    speaker: Token | None
    speech: bool  # a speech verb (direct quotes need one); False for believe/think...


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _clause_chars(head: Token) -> tuple[int, int]:
    """Character extent of a clause subtree, without edge punctuation and quote marks."""
    toks = [t for t in head.subtree]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    return _span_chars(toks) if toks else (head.idx, head.idx + len(head.text))


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, looking through ``xcomp``/``conj`` chains ("wants to say", "and said")."""
    for tok in (verb, verb.head):
        for child in tok.children:
            if child.dep_ in SUBJECTS:
                return child
        if verb.dep_ not in ("xcomp", "conj", "advcl"):
            break
    return None


def _cue_text(verb: Token) -> tuple[str, int, int]:
    """The cue as written, with a particle ("pointed out") when there is one."""
    parts = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    start, end = _span_chars(parts)
    first, last = min(p.i for p in parts), max(p.i for p in parts)
    return verb.doc[first : last + 1].text, start, end


def _verb_frames(verb: Token, lex: QuoteLexicon) -> list[Frame]:
    """Frames of one cue verb: its clausal complements, or an object with a that-clause."""
    lemma = verb.lemma_.lower()
    clauses = [c for c in verb.children if c.dep_ in CLAUSES]
    if lemma in lex.cue_verbs and not clauses and verb.dep_ == "ROOT":
        # "C, X said." with C parsed as the root's sibling: the clause before the comma
        clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i]
    if lemma in lex.cue_verbs and not clauses:
        clauses = _that_clause_below(verb)
    if lemma not in lex.cue_verbs or _refused(verb, lex):
        clauses = []
    if lemma in lex.object_verbs and not clauses:
        clauses = [c for c in verb.children if c.dep_ == "dobj" and _has_that_clause(c, lex)]
    speech = lemma in lex.speech_verbs
    if not clauses and lemma in lex.stance_verbs:
        clauses, speech = _stance_objects(verb, lex), False
    if not clauses:
        return []
    cue, cs, ce = _cue_text(verb)
    frames = []
    for clause in clauses:
        start, end = _clause_chars(clause)
        frames.append(Frame(cs, ce, cue, start, end, subject_of(verb), speech))
    return frames


def _stance_objects(verb: Token, lex: QuoteLexicon) -> list[Token]:
    """'called for a ban' / 'wants to build' / 'criticized the deal': the object is the content."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in lex.stance_preps):
        out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out[:1]


def _that_clause_below(verb: Token) -> list[Token]:
    """'said after discussing X that C': a that-clause the parser hung under a prepositional phrase."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for tok in prep.subtree:
            if tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
                return [tok]
    return []


def _refused(verb: Token, lex: QuoteLexicon) -> bool:
    """'declined to say how many': nothing was said."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.refusal_verbs


def _has_that_clause(noun: Token, lex: QuoteLexicon) -> bool:
    if noun.lemma_.lower() not in lex.content_nouns:
        return False
    return any(c.dep_ in ("acl", "ccomp", "relcl") for c in noun.children)


def _prepositional_frames(tok: Token, lex: QuoteLexicon) -> list[Frame]:
    """``according to X, C``: the speaker is the object of ``to``; content is the rest of the clause."""
    for words in lex.prepositional_cues:
        doc = tok.doc
        if tok.i + len(words) > len(doc):
            continue
        if tuple(t.lower_ for t in doc[tok.i : tok.i + len(words)]) != words:
            continue
        last = doc[tok.i + len(words) - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"]
        speaker = objects[0] if objects else None
        phrase_end = max(t.i for t in (speaker.subtree if speaker else [last])) + 1
        head = tok.head
        rest = [t for t in head.subtree if not (tok.i <= t.i < phrase_end) and not t.is_punct]
        if not rest or speaker is None:
            return []
        start, end = _span_chars(rest)
        cs, ce = _span_chars(list(doc[tok.i : tok.i + len(words)]))
        cue_span = doc[tok.i : tok.i + len(words)]
        return [Frame(cs, ce, cue_span.text, start, end, speaker, True)]
    return []


def find_frames(doc: Doc, lex: QuoteLexicon) -> list[Frame]:
    """Every attribution frame in the doc, in text order of their content."""
    frames: list[Frame] = []
    first_words = {words[0] for words in lex.prepositional_cues}
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX"):
            frames.extend(_verb_frames(tok, lex))
        if tok.lower_ in first_words:
            frames.extend(_prepositional_frames(tok, lex))
    frames.sort(key=lambda f: f.start)
    return frames
