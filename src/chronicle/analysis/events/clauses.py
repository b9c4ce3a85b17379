"""Clauses and sentences the event coder reads before it codes: which sentences are codable
prose, and what a clause says of its verb (a question asked, a relative or passive clause, a
noun that is only the setting of another act, an act that is only supposed).

Functions of a spaCy token or sentence; the word lists live in ``data/verbs/event_words.yaml``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..parsed import text_of
from ..syntax import MAX_CLIMB
from .words import load_event_words

EVENT_WORDS = load_event_words()
RELATIVE_PRONOUNS = EVENT_WORDS.relative_pronouns
SETTING_PREPOSITIONS = EVENT_WORDS.setting_prepositions
# Longer "sentences" are flattened tables or lists: not coded.
MAX_SENTENCE_TOKENS = 150
# A sentence with letters outside the Latin script is codable only when most of them are Latin.
MIN_LATIN_SHARE = 0.8
ASCII_LETTER = re.compile(r"[A-Za-z]")


def asks_a_question(tok: Token, quote_marks: frozenset[str] = frozenset()) -> bool:
    """A verb of asking whose clause starts with a question word: "asked X why ...", "demanded
    how ..." (the question word may sit inside the clause's first phrase: "asked what kind of"),
    or one that attributes a quotation (one of ``quote_marks`` in its sentence) or names a topic."""
    if tok.lemma_.lower() not in EVENT_WORDS.question_verbs:
        return False
    for child in tok.children:
        if child.dep_ in ("ccomp", "xcomp", "advcl") and child.i > tok.i:
            first = child.left_edge
            if first.lower_ in EVENT_WORDS.question_words and not (first.lower_ == "if" and child.dep_ == "advcl"):
                return True
    return _quotes_or_topic(tok, quote_marks)


PERSON_LIKE = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # spaCy's entity labels of who can be asked


def _quotes_or_topic(tok: Token, quote_marks: frozenset[str]) -> bool:
    """Asking that attributes a quotation or names a topic and requests nothing: "“What is
    left?” Ms. Doe asks", "she asked reporters, “Who paid?”", "he asked about the emails"; not
    "asked him to leave", "asked for help", "asked that the court wait", "asked permission"."""
    if tok.lemma_.lower() not in EVENT_WORDS.quoting_question_verbs:
        return False
    about = False
    for child in tok.children:
        if child.dep_ == "xcomp" or (child.dep_ in ("prep", "mark") and child.lower_ in EVENT_WORDS.request_markers):
            return False
        if child.dep_ == "ccomp" and child.left_edge.lower_ in EVENT_WORDS.request_markers:
            return False
        if child.dep_ == "dobj" and child.lemma_.lower() != "question" and child.pos_ != "PRON" \
                and child.ent_type_ not in PERSON_LIKE:
            return False  # "asked permission", "asked a favour"
        about = about or (child.dep_ == "prep" and child.lower_ == "about")
    return about or any(t.text in quote_marks for t in tok.sent)


def relative_subject(tok: Token) -> bool:
    """The verb's subject is a relative pronoun ("the militant group that has seized ..."): its
    doer is the noun the clause describes, so with that noun no actor there is no event."""
    return any(c.dep_ in ("nsubj", "csubj") and c.lower_ in RELATIVE_PRONOUNS for c in tok.children)


def passive_clause(tok: Token) -> bool:
    """A past participle opening a clause of its own with no subject: "Asked about X, ...",
    "Attacked by rebels, the troops retreated"."""
    return tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children
    )


def setting_noun(tok: Token) -> bool:
    """The noun is where or when the clause's act happened: "spoke at a rally", "said during a march"."""
    return tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPOSITIONS and tok.head.head.pos_ in ("VERB", "AUX")


def supposed(tok: Token) -> bool:
    """The act is what a supposition is about: in a clause or an "of" phrase on a noun such as
    "idea", "possibility" or "concern" (``supposition_nouns``), however deep in that clause."""
    node = tok
    for _ in range(MAX_CLIMB):
        head = node.head
        if head is node:
            return False
        if head.pos_ == "NOUN" and head.lemma_.lower() in EVENT_WORDS.supposition_nouns and (
                node.dep_ in ("acl", "ccomp", "relcl") or node.lower_ == "of"):
            return True
        if node.dep_ == "ROOT" or (head.pos_ in ("VERB", "AUX") and node.dep_ in ("nsubj", "nsubjpass")):
            return False
        node = head
    return False


def polled(tok: Token) -> bool:
    """The act is a survey's finding: the verb's subject is a share of people ("65 percent of
    Republicans supported his call", "40% of voters backed Clinton": ``poll_shares``), also
    when the share said it ("74 percent of voters said Trump should release ...") or the act
    describes the people shared ("the percentage of voters who accepted ...")."""
    shares = EVENT_WORDS.poll_shares
    for node in (tok, *tok.ancestors):
        if node.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in shares for c in node.children):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in shares:
            return True
    return False


def codable(sent: Span) -> bool:
    """English prose of a sane length: mastheads, couplets and flattened tables are left out."""
    if len(sent) > MAX_SENTENCE_TOKENS:
        return False
    text = text_of(sent.doc)[sent.start_char : sent.end_char]  # sent.text, without joining its tokens
    if text.isascii():  # every letter Latin: codable when it has one
        return ASCII_LETTER.search(text) is not None
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) >= MIN_LATIN_SHARE
