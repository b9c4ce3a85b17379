"""Who did it and to whom: the source and target actors of a trigger, read off the parse.

In: a trigger token (or ``Trigger``) and the article's ``ActorLookup``. Out: the ``Mention``
of the source (subject, passive agent, possessor of an event noun, speaker of a request) or
target (object, prepositional phrase, addressee, next actor for a user pattern), the
coordinated actors of a list ("X and Y met"), and comparisons of two mentions.
"""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Doc, Token

from chronicle.model import Mention

from ..actors import capital_names
from ..syntax import CLAUSE_ARCS, MAX_CLIMB, SUBJECTS, child_with, pobj_of
from .triggers import Trigger, light_verb
from .lexicon import Lexicon
from .patterns import AFTER_WINDOW
from .words import load_event_words
from ..links import same_actor

EVENT_WORDS = load_event_words()

MODIFIER_ARCS = {"poss", "compound", "amod", "nmod"}
TARGET_PREPOSITIONS = EVENT_WORDS.target_prepositions
VERB_ONLY_PREPOSITIONS = EVENT_WORDS.verb_only_prepositions
# Arcs followed inside an object phrase when looking for its actor (not into clauses).
PHRASE_ARCS = {"prep", "pobj", "compound", "amod", "poss", "nmod", "appos"}
SOURCE_PREPOSITIONS = EVENT_WORDS.source_prepositions
# Passive verbs whose "from" phrase names the doer when no "by" agent does.
FROM_SOURCE_VERBS = EVENT_WORDS.from_source_verbs
# Passives whose subject holds the stance ("Israel is opposed to French mediation").
STATIVE_PASSIVES = EVENT_WORDS.stative_passives
# Verbs whose object event is done to their subject: "faces pressure from Congress",
# "received assurances from the government", "won support from X".
RECIPIENT_VERBS = EVENT_WORDS.recipient_verbs
FEELING_NOUNS = EVENT_WORDS.feeling_nouns
RELATIVE_PRONOUNS = EVENT_WORDS.relative_pronouns
# Heads that only count or group the actor in their "of" phrase.
PARTITIVES = EVENT_WORDS.partitives
# Arcs a user pattern's target search does not follow: clauses, subjects, verb modifiers.
PATTERN_FALLBACK_SKIP = CLAUSE_ARCS | SUBJECTS | {"xcomp", "conj", "punct", "mark", "aux", "auxpass", "neg", "advmod"}


class ActorLookup(Protocol):
    """What the coder needs from ``analysis.actors.ArticleActors``, plus its own event lexicon
    (the word classes: speech verbs, document nouns, light verbs): see ``CodingView``."""

    lexicon: Lexicon

    def mention_for_token(self, token: Token) -> Mention | None: ...

    def resolve_pronoun(self, target: Token) -> Mention | None: ...


class CodingView:
    """An article's actors seen by one coder: ``ArticleActors`` with the coder's lexicon beside
    it, so that role helpers read the word classes the coder was given, never a global."""

    def __init__(self, actors: Any, lexicon: Lexicon) -> None:
        self._actors = actors
        self.lexicon = lexicon

    def __getattr__(self, name: str) -> Any:
        return getattr(self._actors, name)


def actor_at(tok: Token | None, actors: ActorLookup) -> Mention | None:
    """The actor a noun phrase headed by ``tok`` names: the head's own mention, else one in its
    possessor, compound or adjective ("Assad's regime", "Russian diplomats"), else the first
    conjunct that has one ("government forces and the opposition")."""
    if tok is None:
        return None
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ in SUBJECTS and tok.head.dep_ == "relcl":
        tok = _antecedent(tok)
    if tok.pos_ == "PRON":
        return _speakers(tok, actors) or actors.resolve_pronoun(tok)
    if tok.pos_ == "NUM" or tok.lemma_.lower() in PARTITIVES:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and pobj_of(of) is not None:
            return actor_at(pobj_of(of), actors)  # "hundreds of UN troops"
    mention = actors.mention_for_token(tok)
    if tok.pos_ == "NOUN" and (mention is None or not mention.country):
        # "two Arab states, Egypt and Jordan,", "its leader, Kim Jong Un,": the apposition names them
        named = next((m for m in (actors.mention_for_token(c) for c in tok.children
                                  if c.dep_ == "appos" and c.pos_ == "PROPN") if m is not None and m.code), None)
        if named is not None:
            return named
    if mention is not None and (mention.code or (mention.kind == "person" and tok.pos_ == "PROPN")):
        # a named person is an actor even when nothing says their country or sector ("called
        # on Howard Dean to apologize"): the event names them, with no guessed code
        return mention
    if tok.lemma_.lower() in actors.lexicon.relatives and any(c.dep_ == "poss" for c in tok.children):
        return None  # "Scott's wife": the wife, no actor, not Scott
    modifiers = modifier_actors(tok, actors)  # "Russian military personnel"
    if modifiers:
        return modifiers[0]
    for child in tok.children:
        if child.dep_ == "conj":
            return actor_at(child, actors)
    if tok.pos_ == "NOUN":
        # "doctors from two American aid groups", "leaders of the opposition": the group named
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in EVENT_WORDS.member_prepositions and pobj_of(child) is not None:
                return actor_at(pobj_of(child), actors)
    return None


def _speakers(pronoun: Token, actors: ActorLookup) -> Mention | None:
    """"Obama and Putin said they will attack Iraq": "they" (or "we") as the subject of what
    coordinated speakers say is the speakers (the first of them; the coder codes each)."""
    if pronoun.lower_ not in ("they", "we") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    for _ in range(MAX_CLIMB):
        if clause.dep_ not in ("xcomp", "conj"):
            break
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in actors.lexicon.speech_verbs:
        return None
    speaker = child_with(clause.head, {"nsubj"})
    return actor_at(speaker, actors) if speaker is not None and speaker.conjuncts else None


def _antecedent(relative: Token) -> Token:
    """The noun a relative pronoun stands for: the noun its clause hangs on, unless the verb
    agrees with a plural noun between them ("a reference to personnel in Syria that are
    training": the personnel, not the reference)."""
    verb, noun = relative.head, relative.head.head
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if noun.tag_ in ("NN", "NNP") and any(w.tag_ == "VBP" for w in words):
        for word in reversed(relative.doc[noun.i + 1 : relative.i]):
            if word.tag_ in ("NNS", "NNPS"):
                return word
    return noun


def verb_source(tok: Token, actors: ActorLookup) -> Mention | None:
    """The doer of a verb: its active subject, a passive's "by" agent, or the subject it shares
    with the verb it depends on ("agreed to withdraw", "was led by X and has supplied")."""
    agent = child_with(tok, {"agent"})
    if agent is not None:
        return actor_at(pobj_of(agent), actors)
    subject = _subject_child(tok, {"nsubj", "csubj"})
    if subject is not None:
        return actor_at(subject, actors) or _author(subject, actors)
    if _active_participle(tok):
        return actor_at(tok.head, actors)  # "demonstrators protesting the results": the demonstrators
    if child_with(tok, {"nsubjpass"}) is not None and _stative(tok):
        return actor_at(child_with(tok, {"nsubjpass"}), actors)  # "Israel is opposed to X": Israel opposes
    if child_with(tok, {"nsubjpass"}) is not None:
        shared = next((c for c in tok.children if _passive_conjunct(c) and child_with(c, {"agent"}) is not None), None)
        if shared is not None:
            return actor_at(pobj_of(child_with(shared, {"agent"})), actors)  # "were shot and wounded by X": X
        # a passive without agent does not say who did it, unless where it came from does
        # ("a mortar bomb was fired at it from the Gaza Strip")
        return prep_actor(tok, {"from"}, actors) if tok.lemma_.lower() in FROM_SOURCE_VERBS else None
    # "were killed or wounded": a participle sharing a passive's subject shares its victim
    passive = _passive_conjunct(tok)
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "xcomp" and child_with(tok.head, {"dobj"}) is not None:
            return actor_at(child_with(tok.head, {"dobj"}), actors)  # "urged X to withdraw": X
        if tok.dep_ == "pcomp" and tok.head.lower_ in EVENT_WORDS.same_subject_prepositions \
                and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head  # "set about persuading Xi": the setter persuades
        elif tok.dep_ not in ("xcomp", "conj", "advcl", "acomp") or tok.head is tok:
            return None
        if tok.dep_ == "conj" and tok.head.dep_ in ("relcl", "advcl") and _after_comma(tok):
            # "X has been an ally since the times when it was led by Y, and has supplied Z":
            # after the comma the main clause goes on, with the main clause's subject
            clause = tok.head
            main = governing_verb(clause.head) if clause.dep_ == "relcl" else clause.head
            if main is None:
                return None
            tok = main
            if child_with(tok, {"nsubj", "nsubjpass", "csubj"}) is not None:
                return actor_at(child_with(tok, {"nsubj", "nsubjpass", "csubj"}), actors)
            continue
        tok = tok.head
        shared = child_with(tok, {"nsubj", "nsubjpass", "csubj"})  # the grammatical subject is shared
        if shared is not None:
            return None if passive and shared.dep_ == "nsubjpass" else actor_at(shared, actors)
    return None


def _author(tok: Token, actors: ActorLookup) -> Mention | None:
    """Who speaks through a document (``document_nouns`` in the lexicon): "a report by X", "a
    statement issued by X", "a report released in the Rwandan capital" (a capital stands for its
    country's government; another place where a document appears does not speak)."""
    if tok.lemma_.lower() not in actors.lexicon.document_nouns:
        return None
    found = prep_actor(tok, {"by"}, actors)
    for verb in [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]:
        found = found or prep_actor(verb, {"by"}, actors)
        for prep in [c for c in verb.children if c.dep_ == "prep" and c.lower_ in EVENT_WORDS.issue_place_prepositions]:
            place = pobj_of(prep)
            if found is None and place is not None and _capital(place):
                found = actor_at(place, actors)
    return found


def _capital(tok: Token) -> bool:
    """"the Rwandan capital", "Kigali": a country's capital city."""
    name = " ".join(t.text for t in tok.subtree if t.pos_ == "PROPN").lower()
    return tok.lemma_.lower() == "capital" or name in capital_names()


def _passive_conjunct(tok: Token) -> bool:
    """A participle joined to a passive and sharing its auxiliary: "were killed or wounded"."""
    return tok.tag_ == "VBN" and tok.dep_ == "conj" and child_with(tok, {"aux"}) is None and (
        child_with(tok.head, {"auxpass"}) is not None)


def _subject_child(tok: Token, deps: set[str]) -> Token | None:
    """The verb's child by ``deps``, leaving out one before a colon that precedes the verb: a
    dateline the parser took for a subject ("GAZA CITY, ...: Four children were killed")."""
    colons = [t.i for t in tok.doc[tok.sent.start : tok.i] if t.text == ":"]
    found = [c for c in tok.children if c.dep_ in deps]
    if colons:
        found = [c for c in found if c.i > colons[-1]] or found
    return found[0] if found else None


def _after_comma(conjunct: Token) -> bool:
    """The conjunct's "and" follows a comma: "..., and has supplied"."""
    cc = next((c for c in conjunct.head.children if c.dep_ == "cc" and c.i < conjunct.i), None)
    return cc is not None and cc.i > 0 and conjunct.doc[cc.i - 1].text == ","


def _active_participle(tok: Token) -> bool:
    """An "-ing" verb modifying a noun that does it: "rebels fighting the army"; or the main
    verb the parser hung on a sentence's subject after an aside ("The Authority - which ... -
    called for a meeting": the subject the root, the verb a modifier of it)."""
    if tok.dep_ != "acl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return tok.tag_ == "VBG" or _main_verb_after_aside(tok)


def _main_verb_after_aside(tok: Token) -> bool:
    """A past verb modifying the sentence's root noun right after a dash or comma that closes
    an aside (a relative clause or apposition of that noun), with no subject or passive of its
    own: the sentence's real main verb."""
    head = tok.head
    if tok.tag_ not in ("VBD", "VBN") or head.dep_ != "ROOT" or tok.i < 2 or tok.i < head.i:
        return False
    if child_with(tok, {"nsubj", "nsubjpass", "auxpass", "agent"}) is not None:
        return False
    closed = tok.doc[tok.i - 1].text in ("-", "\u2013", "\u2014", ",")
    aside = any(c.dep_ in ("relcl", "appos") and head.i < c.i < tok.i for c in head.children)
    return closed and aside


def _stative(tok: Token) -> bool:
    """A passive form that states the subject's stance: "is opposed to", "is committed to"."""
    return tok.lemma_.lower() in STATIVE_PASSIVES and child_with(tok, {"agent"}) is None


def verb_target(trig: Trigger, actors: ActorLookup) -> Mention | None:
    """Whom a verb acts on: its object (or the passive subject), else the object of the
    phrasal particle ("call for"), a dative or a targeting preposition; for a user pattern,
    else the first actor after the verb."""
    tok = trig.token
    slot = pobj_of(trig.particle) if trig.placed and trig.particle is not None else None
    placed = phrase_actor(slot, actors) if slot is not None else None
    if placed is not None:
        return placed  # "warned their populations about +": the pattern says where the target is
    for dep in ("dobj", "dative", "iobj") if _stative(tok) else ("dobj", "nsubjpass", "dative", "iobj"):
        child = _subject_child(tok, {dep})
        if child is not None:
            node = pobj_of(child) if child.pos_ == "ADP" else child
            mention = actor_at(node, actors)
            if mention is not None and trig.entry.type == "MOBILIZE" and _own_forces(tok, mention, actors):
                continue  # "Greece sent warships to the Aegean": its own forces are moved, not aimed at
            if mention is not None:
                return mention
    if _passive_conjunct(tok) and child_with(tok.head, {"nsubjpass"}) is not None:
        mention = actor_at(child_with(tok.head, {"nsubjpass"}), actors)
        if mention is not None:
            return mention  # "were captured and executed": the same victims
    if trig.particle is not None and trig.particle.dep_ == "prep":
        asked = pobj_of(trig.particle)
        # "called for talks with X", "advised against travel to X": the actor inside the phrase
        found = actor_at(asked, actors) or (phrase_actor(asked, actors) if asked is not None else None)
        return found if found is not None or not trig.pattern else _right_actor(tok, actors)
    aiming = TARGET_PREPOSITIONS | VERB_ONLY_PREPOSITIONS
    if trig.entry.type in EVENT_WORDS.behalf_types:
        aiming = aiming - EVENT_WORDS.behalf_prepositions  # "fought for the government": its side
    direct = prep_actor(tok, aiming, actors)
    obj = child_with(tok, {"dobj"})
    # "welcomed a resumption of ties with Osgiliath": the first actor inside the object phrase
    found = direct or (phrase_actor(obj, actors) if obj is not None else None)
    if found is None and obj is not None and trig.entry.type in EVENT_WORDS.answering_types:
        found = author_of(obj, actors)  # "rejected the proposal made by Uganda": Uganda
    if found is None and obj is not None and obj.pos_ == "NOUN":
        # "attacked a factory in Syria" (the parser hung "in Syria" on the verb): a thing
        # done to in a country is done to that country
        placed = prep_actor(tok, {"in", "inside"}, actors)
        found = placed if placed is not None and placed.kind == "country" else None
    if found is None:
        # "donated supplies to hospitals in Gaza": a recipient inside a country is that country
        for prep in [c for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in EVENT_WORDS.recipient_prepositions]:
            recipient = pobj_of(prep)
            placed = prep_actor(recipient, {"in", "inside"}, actors) if recipient is not None else None
            found = found or (placed if placed is not None and placed.kind == "country" else None)
    clause = child_with(tok, {"ccomp"})
    # "warned that Iran would face sanctions": the subject of the clause it is about
    subject = actor_at(child_with(clause, {"nsubj", "nsubjpass"}), actors) if found is None and clause is not None else None
    own = verb_source(tok, actors) if subject is not None else None
    if own is not None and same_actor(subject, own):
        # "X warned that it would use force against Y": the doer's own act, aimed at Y (or at
        # nobody named: "Iran warned that it would retaliate" is still its threat)
        obj = child_with(clause, {"dobj"})
        aimed = (phrase_actor(obj, actors) if obj is not None else None, prep_actor(clause, TARGET_PREPOSITIONS, actors))
        subject = next((m for m in aimed if m is not None and not same_actor(m, own)), None)
    found = found or subject
    if found is not None and trig.entry.type == "MOBILIZE" and _own_forces(tok, found, actors):
        found = None  # the troops or ships it moved (inside the object phrase too)
    return found if found is not None or not trig.pattern else _right_actor(tok, actors)


def author_of(thing: Token, actors: ActorLookup) -> Mention | None:
    """Who made a thing named by a noun: the "by" agent of a participle hanging on it ("the move
    announced on Monday by Pompeo", "the proposal made by Uganda")."""
    for clause in thing.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            agent = child_with(clause, {"agent"})
            if agent is not None and pobj_of(agent) is not None:
                return actor_at(pobj_of(agent), actors)
    return None


def _own_forces(tok: Token, mention: Mention, actors: ActorLookup) -> bool:
    """``mention`` is named in the verb's object and belongs to the country of its own doer
    ("sent warships", "deployed its troops"), not an actor it moves against."""
    obj = child_with(tok, {"dobj"})
    if obj is None or not (obj.left_edge.idx <= mention.start < obj.right_edge.idx + len(obj.right_edge.text)):
        return False
    source = verb_source(tok, actors)
    return source is not None and same_country(source, mention)


def _right_actor(tok: Token, actors: ActorLookup) -> Mention | None:
    """The first actor breadth-first among the words after a verb, not entering clauses,
    subjects or modifiers of the verb: a user pattern has matched its words, so an actor the
    parser hung elsewhere ("sent aid worth millions to the people of X") is still its target."""
    queue = [c for c in tok.rights if c.dep_ not in PATTERN_FALLBACK_SKIP]
    while queue:
        node = queue.pop(0)
        mention = actor_at(node, actors) if node.pos_ != "PRON" else None
        if mention is not None:
            return mention
        queue += [c for c in node.children if c.dep_ not in PATTERN_FALLBACK_SKIP]
    return _next_actor(tok, actors)


def _next_actor(tok: Token, actors: ActorLookup) -> Mention | None:
    """The first actor in the words after a verb (as far as a pattern's words may lie), read
    in order up to a punctuation mark or another verb: for parses that broke the phrase
    ("abandoned an anti- X parade", "marched very close to the border with X")."""
    for node in tok.doc[tok.i + 1 : min(tok.i + 1 + AFTER_WINDOW, tok.sent.end)]:
        if node.is_punct or node.pos_ in ("VERB", "AUX"):
            return None
        mention = actors.mention_for_token(node) if node.pos_ != "PRON" else None
        if mention is not None and mention.code:
            return mention
    return None


def phrase_actor(head: Token, actors: ActorLookup) -> Mention | None:
    """The first actor named inside a noun phrase, through its prepositions but not into
    clauses hanging on it ("an agreement with the EU", "ties between X and Y")."""
    queue = [head]
    while queue:
        node = queue.pop(0)
        # a possessive pronoun ("their resumption") points back at the doer, not a target
        mention = actor_at(node, actors) if node.pos_ != "PRON" else None
        if mention is not None:
            return mention
        queue += [c for c in node.children if c.dep_ in PHRASE_ARCS]
    return None


def prep_actor(tok: Token, prepositions: set[str], actors: ActorLookup) -> Mention | None:
    """The first actor in one of ``prepositions``' phrases on ``tok``, also in a phrase joined
    to one ("apologized to his supporters and to Hillary Clinton": Clinton)."""
    for child in tok.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in prepositions:
            for prep in (child, *(c for c in child.conjuncts if c.lower_ == child.lower_)):
                mention = actor_at(pobj_of(prep), actors)
                if mention is not None:
                    return mention
    return None


def modifier_actors(tok: Token, actors: ActorLookup) -> list[Mention]:
    """Actors written before a noun: "Assad's", "Israeli", "Russian-Syrian" (two); a mention
    inside another one ("Assad" in "the Assad regime's") is the same actor, not a second."""
    found: list[Mention] = []
    modifiers = [c for c in tok.lefts if c.dep_ in MODIFIER_ARCS]
    modifiers += [g for c in modifiers for g in c.lefts if g.dep_ in MODIFIER_ARCS]  # "Russian-Syrian"
    for child in sorted(modifiers, key=lambda t: t.i):
        if child.dep_ in MODIFIER_ARCS:
            mention = actors.mention_for_token(child)
            if mention is not None and mention.code and not any(same_actor(mention, m) or _overlap(mention, m) for m in found):
                found.append(mention)
    if not found:  # "stiff international and Palestinian criticism": an actor among coordinated adjectives
        for child in (g for c in modifiers if c.dep_ == "amod" for g in c.conjuncts):
            mention = actors.mention_for_token(child)
            if mention is not None and mention.code:
                return [mention]  # co-doers, never a doer and its target
    return found


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def explicit_source(tok: Token, source: Mention) -> bool:
    """The source is written on the noun itself, not borrowed from the verb above it."""
    return tok.left_edge.idx <= source.start and source.end <= tok.right_edge.idx + len(tok.right_edge.text)


def noun_source(tok: Token, actors: ActorLookup) -> Mention | None:
    """The doer of an event noun: possessor ("Assad's crackdown"), "by"/"from" phrase,
    an actor adjective ("Israeli airstrikes"), else the subject of the verb it hangs on."""
    sides = between_sides(tok, actors)
    if sides:
        return sides[0]  # "talks between Russia and Ukraine": each side, the first as doer
    mention = prep_actor(tok, SOURCE_PREPOSITIONS, actors)
    owner = child_with(tok, {"poss"})
    if mention is not None and owner is not None:
        return mention  # "his endorsements from 88 generals": the generals; the owner received them
    modifiers = modifier_actors(tok, actors)
    if modifiers:
        return modifiers[0]
    if mention is not None:
        return mention
    if tok.lemma_.lower() in FEELING_NOUNS and (mention := prep_actor(tok, {"of"}, actors)) is not None:
        return mention  # "the ire of Somali officials": they feel it
    for carrier in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and light_verb(c, actors.lexicon)):
        mention = actor_at(pobj_of(child_with(carrier, {"agent"})), actors) if child_with(carrier, {"agent"}) is not None else None
        if mention is not None:
            return mention  # "the demonstration staged by students": the students
    if tok.dep_ == "dobj" and takes_recipient(tok.head):
        return prep_actor(tok.head, SOURCE_PREPOSITIONS, actors)  # the subject received it
    reason_of = _reason_object(tok, actors)
    if reason_of is not None:
        return reason_of
    verb = governing_verb(tok)
    return verb_source(verb, actors) if verb is not None else None


def between_sides(tok: Token, actors: ActorLookup) -> list[Mention]:
    """The two sides of a noun event written "between X and Y" (or "among X, Y and Z"), when
    the phrase names two actors or more; else nothing."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "among")):
        head = pobj_of(prep)
        if head is None:
            continue
        sides: list[Mention] = []
        for node in (head, *head.conjuncts):
            mention = actor_at(node, actors)
            if mention is not None and not any(same_actor(mention, m) for m in sides):
                sides.append(mention)
        if len(sides) > 1:
            return sides
    return []


def _reason_object(tok: Token, actors: ActorLookup) -> Mention | None:
    """"criticized X over his support for ...", "praised X for her help": a noun with a
    possessive pronoun in the reason phrase after an object is the object's own act."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children):
        return None
    above = tok.head.head
    if above.pos_ in ("NOUN", "PROPN"):
        return actor_at(above, actors) if above.dep_ == "dobj" else None
    obj = child_with(above, {"dobj"}) if above.pos_ == "VERB" else None
    return actor_at(obj, actors) if obj is not None else None


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a noun that has a subject: "has no intention of curtailing
    cooperation" -> has."""
    node = tok
    for _ in range(MAX_CLIMB):
        head = node.head
        if head is node:
            return None
        if head.pos_ in ("VERB", "AUX") and child_with(head, {"nsubj", "nsubjpass", "agent"}) is not None:
            return head
        if head.dep_ in ("nsubj", "nsubjpass") or head.dep_ in CLAUSE_ARCS:
            return None  # inside a subject or another clause: that verb says nothing of the doer
        node = head
    return None


def noun_target(tok: Token, actors: ActorLookup) -> Mention | None:
    """Whom an event noun is aimed at: "crackdown on X", "talks with X", or the second of two
    actor modifiers ("Russian-Syrian cooperation")."""
    sides = between_sides(tok, actors)
    if sides:
        return sides[1]  # "talks between Russia and Ukraine": the other side
    modifiers = modifier_actors(tok, actors)
    if len(modifiers) > 1:
        return modifiers[1]
    feeling = tok.lemma_.lower() in FEELING_NOUNS  # "the ire of X": X feels it, no target
    mention = prep_actor(tok, TARGET_PREPOSITIONS if feeling else TARGET_PREPOSITIONS | {"of"}, actors)
    owner = child_with(tok, {"poss"})
    if mention is None and owner is not None and prep_actor(tok, SOURCE_PREPOSITIONS, actors) is not None:
        return actor_at(owner, actors)  # "his endorsements from 88 generals": his
    if mention is None and tok.dep_ == "dobj" and takes_recipient(tok.head):
        return verb_source(tok.head, actors)  # "Obama faces pressure": aimed at Obama
    of = next((pobj_of(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if mention is None and of is not None and not feeling:
        return phrase_actor(of, actors)  # "a suspension of air links with Serbia": inside the "of" phrase
    return mention


def takes_recipient(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in RECIPIENT_VERBS


def addressee_of(tok: Token, actors: ActorLookup, source: Mention) -> Mention | None:
    """Requests and threats hanging on a clause are addressed to its subject: "Russia has no
    intention ... despite calls from the West" -> the calls target Russia."""
    verb = governing_verb(tok)
    if verb is None or tok.dep_ in ("dobj", "nsubj"):
        return None
    subject = actor_at(child_with(verb, {"nsubj"}), actors)
    return subject if subject is not None and not same_actor(subject, source) else None


def clause_subject(tok: Token, actors: ActorLookup, source: Mention | None) -> Mention | None:
    """The subject of a clause spelling out a demand or threat: "its demand that Israel ease
    restrictions" -> Israel."""
    clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp")]
    if tok.dep_ == "dobj":  # "reiterated its demand that X ...": the clause hangs on the verb
        clauses += [c for c in tok.head.children if c.dep_ == "ccomp"]
    for clause in clauses:
        subject = actor_at(child_with(clause, {"nsubj", "nsubjpass"}), actors)
        if subject is not None and (source is None or not same_actor(subject, source)):
            return subject
    return None


def obliged_actor(tok: Token, actors: ActorLookup) -> Mention | None:
    """Who must act in an obligation clause: the subject, or the "by" agent of a passive."""
    for node in [tok] + [c for c in tok.children if c.dep_ == "xcomp"]:
        agent = child_with(node, {"agent"})
        if agent is not None:
            mention = actor_at(pobj_of(agent), actors)
            if mention is not None:
                return mention
    return actor_at(child_with(tok, {"nsubj"}), actors)


def coordinated_with(mention: Mention, doc: Doc, actors: ActorLookup) -> list[Mention]:
    """The mention and its coordinated partners: "Brazil and the United States", "US and
    British activists" (a nested mention of another country)."""
    found = [mention]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return found
    inside = getattr(actors, "mentions_in_span", None)
    nested = inside(mention.start, mention.end) if inside is not None else []
    partners = [actor_at(c, actors) for c in [*span.root.conjuncts, *_listed(span.root)]] + nested
    for other in partners:
        if other is None or not other.code or (other in nested and other.code[:3] == (mention.code or "")[:3]):
            continue  # a nested mention of the same country adds nothing ("Russian" in "Russian diplomats")
        # one name can carry several codes (a user dictionary's multi-code actor): one event each
        if not any(other is m or other.code == m.code for m in found):
            found.append(other)
    # list items the parser missed ("Mordor, the Shire, Fornost and Bree"), read from the words
    conjoined = getattr(actors, "conjoined", None)
    for other in conjoined(mention) if conjoined is not None else []:
        known = any(other is m or other.code == m.code for m in found)
        if other.code and not known and not _own_subject(other, span.root):
            found.append(other)
    return found


def _own_subject(other: Mention, root: Token) -> bool:
    """``other`` is the subject of a verb ``root`` does not hang on: "fighting between X and
    Armenians, an editor at Y said" lists no editor."""
    span = root.doc.char_span(other.start, other.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECTS and span.root.head not in (root, root.head)


def _listed(root: Token) -> list[Token]:
    """Items of a list the parser read as an apposition: "The US, Russia, and Switzerland"
    (Russia an appos of US, Switzerland its conjunct); places only, and only with a conjunct, so
    "Kabul, Afghanistan" stays one place."""
    items = [c for c in root.children if c.dep_ == "appos" and c.conjuncts and {c.ent_type_, root.ent_type_} == {"GPE"}]
    return [t for c in items for t in (c, *c.conjuncts)]


def mutual_pairs(pairs: list, sources: list[Mention], reverse: bool, each_way: bool = False) -> list:
    """Joint acts are mutual: "X, Y and Z met" or "X and Y deepened their partnership" is one
    event from the first named to each other one (PLOVER lists them all as the actor of one
    event; a dyad has room for two), or with ``each_way`` every ordered pair (CAMEO); with
    ``reverse``, "X held talks with Y" is also Y with X ("X met Y" stays X->Y)."""
    if all(t is None for _, t in pairs) and len(sources) > 1:
        if each_way:
            return [(a, b) for a in sources for b in sources if a is not b]
        return [(sources[0], b) for b in sources[1:]]
    return pairs + [(t, s) for s, t in pairs if t is not None] if reverse else pairs


def uncoded_doer(tok: Token) -> Mention | None:
    """The verb's own noun subject as a Mention without code, when it names someone: a
    proper name or a plural noun of people ("fundamentalists", "Judge Rivera")."""
    subject = child_with(tok, {"nsubj"}) or (tok.head if _active_participle(tok) else None)
    if subject is not None and subject.lemma_.lower() in PARTITIVES:
        # "hundreds of students", "a group of refugees": the people in the "of" phrase
        counted = next((pobj_of(c) for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        # "human rights groups" (no "of" phrase, a named kind of group): the groups themselves
        subject = counted or (subject if any(c.dep_ in ("compound", "amod") for c in subject.children) else None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.tag_ == "NNS"):
        return None
    span = tok.doc[subject.left_edge.i : subject.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, kind="group")


def is_reflexive(tok: Token) -> bool:
    """The verb's object is a reflexive pronoun: "attacked themselves", "armed itself"."""
    return any(c.dep_ == "dobj" and c.pos_ == "PRON" and c.lower_.endswith(("self", "selves")) for c in tok.children)


def is_unnamed(tok: Token | None, lexicon: Lexicon) -> bool:
    """A speaker (the subject ``tok``) who names nobody in particular: a plural role noun
    without determiner ("officials said", "Thai military sources said"), an indefinite one
    ("a port official said"), or someone known only by whose they are ("his lawyer said");
    not "the Israeli army" or "Human Rights Watch", nor a document, named by its author ("a
    statement issued by X said")."""
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() in lexicon.document_nouns:
        return False
    determiners = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if any(c.dep_ == "poss" and c.lower_ in EVENT_WORDS.possessives for c in tok.children):
        return True
    return bool(determiners & {"a", "an", "some"}) or (tok.tag_ == "NNS" and not determiners)


def same_country(a: Mention, b: Mention) -> bool:
    return bool(a.code and b.code) and a.code[:3] == b.code[:3]


