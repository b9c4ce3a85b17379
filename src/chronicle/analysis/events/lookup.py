"""Which lexicon entry a word starts: the lookup of event verbs and nouns.

In: a spaCy token, the ``Lexicon`` and the user's whole PETRARCH verb patterns (empty without
a user verb dictionary). Out (``trigger_at``): the ``Trigger`` the token starts, or None: a
user pattern first, then (for verbs) a wish that someone else act, a stopping verb to be
settled by its object, a two-word entry ("call for", "^not restore"), the verb itself; event
nouns by their lexicon keys. Speech verbs and no-comment verbs start none.
"""

from __future__ import annotations


from spacy.tokens import Token


from .triggers import STOP, WISH, Trigger, following_words, in_name, is_no_comment, named_object, noun_keys, is_participle, preceding_words, requirements_met, stop_key, wished_act
from ..ontology import EventEntry
from .lexicon import Lexicon
from ..dictionaries import VerbPattern
from .patterns import best_pattern
from .words import load_event_words

EVENT_WORDS = load_event_words()

# The type of lexicon entries that start no event: idioms and other senses of an event verb
# ("seized on a remark", "released a letter", "met the deadline").
NO_EVENT = "none"
# The user's whole verb patterns by verb word (``dictionaries.load_verb_patterns``).
Patterns = dict[str, list[VerbPattern]]


def trigger_at(tok: Token, lexicon: Lexicon, patterns: Patterns) -> Trigger | None:
    """The lexicon entry ``tok`` starts, if any."""
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT") or is_participle(tok):
        return _verb_trigger(tok, lexicon, patterns)
    if tok.pos_ in ("NOUN", "PROPN") and not in_name(tok):
        if any(k in lexicon.non_event_nouns for k in noun_keys(tok)):
            return None  # "a press release": a document
        entry = next((lexicon.nouns[k] for k in noun_keys(tok) if k in lexicon.nouns), None)
        if entry is not None and requirements_met(tok, entry) and not _idle_object(tok, lexicon):
            return Trigger(tok, entry, noun=True)
    return None


def _idle_object(noun: Token, lexicon: Lexicon) -> bool:
    """The noun's "of" phrase is what the verb of the same word does no event to ("the release
    of a new video", as "released a video": ``type: none`` verb entries)."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return False
    entry = lexicon.verbs.get(f"{noun.lemma_.lower()} {obj.lemma_.lower()}")
    return getattr(entry, "type", None) == NO_EVENT


def _verb_trigger(tok: Token, lexicon: Lexicon, patterns: Patterns) -> Trigger | None:
    lemma = tok.lemma_.lower()
    if lemma in lexicon.speech_verbs:
        return None
    patterned = _pattern_trigger(tok, patterns)
    if patterned is not None:
        return patterned  # the user's own pattern outranks the built-in rules
    if is_no_comment(tok, lexicon):
        return None
    following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if following is not None and getattr(lexicon.verbs.get(f"{lemma} {following.lower_}"), "type", None) == NO_EVENT:
        return None  # "pleaded guilty": an idiom or other sense, whatever reading would come next
    if lemma in lexicon.wish_verbs and wished_act(tok) is not None:
        return Trigger(tok, WISH, noun=False)  # "wants Putin to attack": asks Putin to
    stop = stop_key(tok, lexicon.stopping_verbs)
    if stop in lexicon.stopping_verbs and stop not in lexicon.verbs:
        return Trigger(tok, STOP, noun=False)  # an event only if it stops a cooperative act
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        obj = tok.head  # "the video that police released", "the footage released by police"
    if obj is not None and getattr(lexicon.verbs.get(f"{lemma} {obj.lemma_.lower()}"), "type", None) == NO_EVENT:
        return None  # "did not meet the commission's 15 percent threshold": however far the object's head
    # "called Clinton a champion for ...": a verb with an object predicate names, no "call for"
    named = any(c.dep_ == "oprd" for c in tok.children)
    for word in [] if named else following_words(tok):
        entry = lexicon.verbs.get(f"{lemma} {word.lower_}") or lexicon.verbs.get(f"{lemma} {word.lemma_.lower()}")
        if entry is not None and f"{lemma} {word.lower_}" in lexicon.handover_verbs:
            entry = _handed_goods(tok, lexicon) or entry  # "handed over medicine to X": aid
        if entry is not None and "named" in entry.requires and not named_object(tok):
            continue  # "dismissed the criticism as ...": that sense needs a named object
        if entry is not None and word.dep_ == "prep" and word.lower_ in DAY_PREPOSITIONS and _object_before(tok, word):
            continue  # "called Merkel on Tuesday" is no "call on": the object came between
        if entry is not None:
            if entry.type == NO_EVENT:
                if word.dep_ in ("prep", "prt") and word.i != tok.i + 1:
                    continue  # "seized the town on Monday" is no "seized on"
                return None  # an idiom or another sense of the verb: "seized on his remarks"
            # "dismissed him as a puppet of X": an "as" phrase describes the object, aims at nobody
            particle = word if word.dep_ in ("prt", "prep") and word.head.i == tok.i and word.lower_ != "as" else None
            if word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head.i == tok.i:
                particle = word.head  # "advised against travel": the target is inside "against travel"
            return Trigger(tok, entry, noun=False, particle=particle)
    for word in preceding_words(tok):
        entry = lexicon.verbs.get(f"^{word.lower_} {lemma}") or lexicon.verbs.get(f"^{word.lemma_.lower()} {lemma}")
        if entry is not None:
            return Trigger(tok, entry, noun=False)
    if _opinion(tok, lexicon):
        return None
    entry = lexicon.verbs.get(lemma)
    return Trigger(tok, entry, noun=False) if entry is not None and requirements_met(tok, entry) else None


# prepositions of a phrasal verb ("call on X") that also open a time ("called X on Tuesday")
DAY_PREPOSITIONS = frozenset({"on", "upon"})


def _object_before(verb: Token, word: Token) -> bool:
    """The verb's direct object stands between it and ``word``: "called Merkel on Tuesday"."""
    return any(c.dep_ == "dobj" and verb.i < c.i < word.i for c in verb.children)


def _opinion(tok: Token, lexicon: Lexicon) -> bool:
    """"agreed that the rules should change", "agreed it was a bad plan", "agreed with Y about
    the winner": sharing a view, not an agreement to act (which has "to", "on" or an object)."""
    if tok.lemma_.lower() not in lexicon.opinion_verbs or any(c.dep_ in ("xcomp", "dobj") for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in EVENT_WORDS.agreement_prepositions for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in tok.children):
        return True
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    modals = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return clause.lemma_.lower() == "be" or bool(modals & lexicon.deontic)


def _handed_goods(tok: Token, lexicon: Lexicon) -> EventEntry | None:
    """The AID entry of the material goods a verb hands over ("handed over food", "turned over
    200 tonnes of medicine"), None when it hands over anything else (suspects, prisoners)."""
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        words = [obj] + [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for word in words + [c for w in words for c in w.children if c.dep_ == "conj"]:
            entry = lexicon.material_goods.get(word.lemma_.lower())
            if entry is not None:
                return entry
    return None


def _pattern_trigger(tok: Token, patterns: Patterns) -> Trigger | None:
    """The trigger of the most specific user verb pattern around ``tok`` (None without a
    user verb dictionary or a block for its word). A block's bare verb line counts too: the
    user's "break [1717]" outranks a built-in "break ties"."""
    found = best_pattern(tok, patterns) if patterns else None
    if found is None:
        return None
    pattern, anchor = found
    particle = anchor if anchor is not None and anchor.dep_ == "prep" else None
    return Trigger(tok, pattern.entry, noun=False, particle=particle, reverse=pattern.reverse,
                    mutual=pattern.mutual, pattern=True, placed=pattern.target_after is not None)
