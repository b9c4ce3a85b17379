"""What makes a word an event trigger, and how triggers nest.

In: spaCy tokens (and the ``Lexicon`` where a word list is needed). Out: ``Trigger`` (a
trigger token with its lexicon entry and pattern details), lexicon keys of event nouns,
checks that a verb's requirements are met or that it is a light or no-comment verb, the
words a verb pattern may match, and the arcs by which one trigger is the content, purpose
or toll of another. ``EventCoder`` (``analysis.events``) decides with these which words code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..syntax import child_with
from ..ontology import EventEntry
from .lexicon import Lexicon
from ..ontology import load_plover_rules
from .words import load_event_words

PLOVER_RULES = load_plover_rules()
EVENT_WORDS = load_event_words()

# Verb patterns ("restore ... ties") look this far into the verb's object and prepositions.
PATTERN_ARCS = {"prt", "prep", "dobj", "dative", "attr", "acomp", "oprd", "advmod", "npadvmod"}
PATTERN_WINDOW = 6
# Arcs by which a nested trigger is the content of its parent event ("urged X to withdraw").
CONTENT_ARCS = {"xcomp", "ccomp", "acl", "dobj", "attr", "oprd", "pcomp"}
CONTENT_PREPOSITIONS = EVENT_WORDS.content_prepositions
# Named-entity labels whose proper-noun words are names, never event nouns.
NAME_ENTITIES = {"ORG", "GPE", "NORP", "FAC", "LOC", "PERSON", "PRODUCT", "WORK_OF_ART"}
# Verbal acts a protest's participle states as its aim ("marched, demanding ..."): not coded apart.
PROTEST_AIMS = PLOVER_RULES.protest_aims
# What wishing that someone else act codes: a request to them.
WISH = PLOVER_RULES.recoding("wish")
# Placeholder entry of a stopping verb until its object shows what it stops.
STOP = EventEntry("STOP")


@dataclass
class Trigger:
    token: Token
    entry: EventEntry
    noun: bool
    particle: Token | None = None  # "for" of "call for": its object is the target
    reverse: EventEntry | None = None  # a user pattern's "[032:033]": the target does 033 back
    mutual: bool = False  # a user pattern's "- % * [...]": coordinated subjects act on each other
    pattern: bool = False  # matched a user verb pattern: its target may sit deeper in the object
    placed: bool = False  # the pattern writes its "+" target right after ``particle``


def following_words(tok: Token) -> list[Token]:
    """Words of the verb's own phrase after it (particle, object, prepositional phrases), nearest
    first: where "call for", "restore ... ties" patterns find their second word."""
    words = [w for c in tok.rights if c.dep_ in PATTERN_ARCS for w in c.subtree]
    return sorted((w for w in words if w.i > tok.i and w.i - tok.i <= PATTERN_WINDOW), key=lambda w: w.i)


def preceding_words(tok: Token) -> list[Token]:
    """The few words just before a verb, nearest first ("not" in "did not restore")."""
    words = []
    for i in range(tok.i - 1, max(-1, tok.i - 1 - PATTERN_WINDOW // 2), -1):
        words.append(tok.doc[i])
        if tok.doc[i].is_sent_start:
            break
    return [w for w in words if not w.is_punct]


def _noun_key(tok: Token) -> str:
    """Lexicon key of a noun: its lemma, or "cease-fire" when spaCy split the hyphen."""
    if tok.i >= 2 and tok.nbor(-1).text == "-":
        return f"{tok.nbor(-2).lower_}-{tok.lemma_.lower()}"
    return tok.lemma_.lower()


def noun_keys(tok: Token) -> list[str]:
    """Keys to try, most specific first: "hunger strike" (with its compound), then the noun."""
    keys = [f"{c.lower_} {tok.lemma_.lower()}" for c in tok.lefts if c.dep_ in ("compound", "amod")]
    return keys + [_noun_key(tok)]


def in_name(tok: Token) -> bool:
    """A word inside a proper name ("Asia-Pacific Economic Cooperation", "Hamas Movement")
    names an organisation, not an event."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTITIES


def is_participle(tok: Token) -> bool:
    """An adjectival participle used as a predicate: "Israel is opposed to ..."."""
    return tok.pos_ == "ADJ" and tok.tag_ == "VBN" and tok.dep_ in ("acomp", "ROOT")


# spaCy entity labels of people and places (the "people" an uncoded doer or an object may name)
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "GPE"})


def named_object(tok: Token) -> bool:
    """The verb's object names somebody: a proper name or a personal pronoun ("dismissed
    Estonia as ...", "dismissed him as ..."), not a thing ("dismissed the criticism as ...")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in PEOPLE_ENTITIES | {"ORG"}
                                or obj.lower_ in ("him", "her", "them", "us", "me"))


def requirements_met(tok: Token, entry: EventEntry) -> bool:
    """The words beside ``tok`` that its entry requires are there ("recipient", a target actor,
    is checked once the actors are known)."""
    if not [r for r in entry.requires if r not in ("recipient", "named")]:
        return True
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and "object" in entry.requires:
            return True  # "returned the prisoners", not "returned to Geneva"
        if child.dep_ == "prep" and child.lower_ in entry.requires:
            return True
        if child.dep_ == "xcomp" and "infinitive" in entry.requires:
            return True  # "declined to attend", not "the rating declined to 52 percent"
        if child.dep_ in ("acl", "relcl") and "to" in entry.requires and any(a.lower_ == "to" for a in child.children):
            return True
    if "bare" in entry.requires:
        return not any(c.dep_ in ("prep", "dobj", "npadvmod") for c in tok.children)  # "..., but Y declined."
    return False


def is_no_comment(tok: Token, lexicon: Lexicon) -> bool:
    """"declined to say" / "refused to comment": no event."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.no_comment for c in tok.children)


def light_verb(tok: Token, lexicon: Lexicon) -> bool:
    """``tok`` is a light verb; regular inflections count too, since the lemmatizer sometimes
    misses them ("staged" -> "stag")."""
    word = tok.lower_
    forms = {tok.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return tok.pos_ in ("VERB", "AUX") and bool(forms & lexicon.light_verbs)


def is_toll(child: Token, tok: Token, head: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"bombarded the city, killing eight": the killing is the attack's toll, not a second
    attack (its dead are counted on the attack); "rioted, setting fire to mattresses": the
    riot's own violence, not an attack."""
    own = triggers.get(tok.i)
    return (
        child is tok
        and child.dep_ == "advcl"
        and child.tag_ == "VBG"
        and (head.entry.type == "ASSAULT" or head.entry.mode == "riot")
        and own is not None
        and own.entry.type == "ASSAULT"
        and child_with(child, {"nsubj"}) is None
    )


def protest_aim(child: Token, tok: Token, head: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"demonstrated in the capital, calling for independence": the demand is what the protest
    is for, not a second, verbal act (PLOVER: demands in the form of demonstrations are PROTEST)."""
    own = triggers.get(tok.i)
    return (
        child is tok
        and child.dep_ == "advcl"
        and child.tag_ == "VBG"
        and head.entry.type == "PROTEST"
        and own is not None
        and own.entry.type in PROTEST_AIMS
        and child_with(child, {"nsubj"}) is None
    )


def wished_act(tok: Token) -> Token | None:
    """The infinitive someone else is wished to do: "wants Putin to attack" (Putin the object
    of "wants", or the subject of "to attack")."""
    for child in tok.children:
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        if child.dep_ == "xcomp" and infinitive and child_with(tok, {"dobj"}) is not None:
            return child
        if child.dep_ == "ccomp" and infinitive and child_with(child, {"nsubj"}) is not None:
            return child
    return None


def is_purpose(child: Token) -> bool:
    """A purpose infinitive: "met to discuss", "blocked roads to press their demands"."""
    return child.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)


def content_arc(child: Token) -> bool:
    """The arc makes ``child`` what its head event is about, or what it is for: "met to
    discuss", "staged a strike to demand" (a purpose infinitive is the aim, not a second act)."""
    if child.dep_ in CONTENT_ARCS:
        return True
    if is_purpose(child):
        return True
    return child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS


def stop_key(tok: Token, stopping: frozenset[str]) -> str:
    """A verb's key among the stopping verbs: "call off" with its particle when listed so,
    else the lemma ("cut off aid" is "cut")."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    phrase = f"{tok.lemma_.lower()} {particle}"
    return phrase if particle and phrase in stopping else tok.lemma_.lower()


def yield_request(tok: Token, lexicon: Lexicon) -> EventEntry:
    """A demand; a demand to yield (CAMEO 105x) when the clause names a retreat or ceasefire."""
    for node in tok.subtree:
        entry = lexicon.nouns.get(_noun_key(node)) or lexicon.verbs.get(node.lemma_.lower())
        if entry is not None and entry.type in ("RETREAT", "CONCEDE"):
            return EventEntry("REQUEST", "1056" if "military" in entry.context else "105", "yield", entry.context)
    return EventEntry("REQUEST", "100")
