"""The means of a violent act: the attack, weapon or mishap a killing happened "in" or "by".

In: a violence trigger token, the sentence's triggers and the article's ``ActorLookup``. Out:
whether the harm came from an accident or a disaster (``mishap``: no attack at all), and the
doer of the attack or weapon it came from (``means_source``): "eight people were killed in an
air strike by government forces" -> government forces; "killed in Israeli tank shelling" -> Israel;
"downed by a missile fired by the rebels" -> the rebels; and whether the doer is a crowd of
protesters (``crowd``: their violence is a riot). Word lists: ``data/verbs/violence.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc, Token

from chronicle.data import load_yaml
from chronicle.model import Mention

from ..speech import load_pronouns
from ..syntax import pobj_of
from .roles import SOURCE_PREPOSITIONS, ActorLookup, actor_at, modifier_actors, prep_actor, verb_source
from .triggers import Trigger
from .words import load_event_words

EVENT_WORDS = load_event_words()
PRONOUNS = load_pronouns()

MEANS_PREPOSITIONS = EVENT_WORDS.means_prepositions
WHEN = EVENT_WORDS.when_words


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = load_yaml("verbs", "violence.yaml")
    keys = ("weapons", "mishaps", "crowds", "doing_verbs", "verbal_attack_verbs", "speech_media", "durations",
            "striving_verbs", "armed_sectors", "quarrel_words", "quarrel_sectors", "quarrel_titles",
            "harm_words", "answer_verbs")
    return {key: frozenset(data[key]) for key in keys}


def _means(tok: Token) -> Iterator[Token]:
    """Heads of the verb's "in"/"by" phrases: "killed in an air strike", "blown up by a missile"."""
    for child in tok.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in MEANS_PREPOSITIONS:
            node = pobj_of(child)
            if node is not None:
                yield node


def mishap(tok: Token) -> bool:
    """The harm came "in"/"by" an accident or a disaster: "killed in a plane crash"."""
    return any(node.lemma_.lower() in _words()["mishaps"] for node in _means(tok))


def means_source(
    tok: Token, triggers: dict[int, Trigger], actors: ActorLookup
) -> tuple[Mention, Trigger | None] | None:
    """The doer of the attack noun or weapon the act happened in or by, with the attack's own
    trigger (None for a weapon); None when neither names its doer."""
    for node in _means(tok):
        means = triggers.get(node.i)
        if means is not None and means.noun and means.entry.type == "ASSAULT":
            doer = _own_doer(node, actors) or _user(node, actors)
            if doer is not None:
                return doer, means
        elif node.lemma_.lower() in _words()["weapons"]:
            doer = _own_doer(node, actors) or _user(node, actors)
            if doer is not None:
                return doer, None
    for clause in _when(tok):
        attack = triggers.get(clause.i)
        doer = verb_source(clause, actors) if attack is not None and attack.entry.type == "ASSAULT" else None
        if doer is not None:
            return doer, attack  # "were killed when Israeli warplanes bombed Gaza"
    return None


def _when(tok: Token) -> Iterator[Token]:
    """Clauses saying when the act happened: "were killed when warplanes bombed the town"."""
    for clause in tok.children:
        if clause.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in WHEN for c in clause.children):
            yield clause


def _own_doer(node: Token, actors: ActorLookup) -> Mention | None:
    """Whose attack or weapon the noun phrase itself says: "Israeli", "by government forces"."""
    modifiers = modifier_actors(node, actors)
    return modifiers[0] if modifiers else prep_actor(node, SOURCE_PREPOSITIONS, actors)


def _user(weapon: Token, actors: ActorLookup) -> Mention | None:
    """Who fired the weapon or did the attack, by the clause on it: "a missile (believed to be)
    fired by X", "a bombing claimed by X"."""
    for clause in (c for c in weapon.children if c.dep_ == "acl"):
        for node in clause.subtree:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            if node.pos_ == "VERB" and agent is not None and node.lemma_.lower() in _words()["doing_verbs"]:
                mention = actor_at(pobj_of(agent), actors)
                if mention is not None:
                    return mention
    return None


def crowd(doer: Mention | None, doc: Doc) -> bool:
    """The doer is protesters, rioters or a mob ("a Ukrainian protestor"): their violence is a riot."""
    span = doc.char_span(doer.start, doer.end, alignment_mode="expand") if doer is not None else None
    return span is not None and span.root.lemma_.lower() in _words()["crowds"]


def verbal(tok: Token) -> bool:
    """An attack verb that criticizes: with a reason ("attacked Y for its vote"), a "saying"
    clause ("attacked Y, saying ...") or a speech medium ("attacked Y in a tweet")."""
    words = _words()
    if tok.lemma_.lower() not in words["verbal_attack_verbs"]:
        return False
    for child in tok.children:
        if child.dep_ == "advcl" and child.lemma_.lower() == "say":
            return True
        if child.dep_ == "prep" and child.lower_ == "for":
            node = pobj_of(child)
            if node is not None and node.lemma_.lower() not in words["durations"] and node.ent_type_ not in ("DATE", "TIME"):
                return True  # a reason, not "for the third time"
        if child.dep_ == "prep" and child.lower_ in EVENT_WORDS.stance_prepositions:
            node = pobj_of(child)
            if node is not None and node.lemma_.lower() in words["speech_media"]:
                return True
    return False


def striving(tok: Token, doer: Mention) -> bool:
    """"the union fought to protect its pensions": a fighting verb with an infinitive, done by
    no armed actor, strives for something; "rebels fought to take the town" is fighting. A person
    who fights "for" something ("fought for our right to bear arms") strives too."""
    words = _words()
    if tok.lemma_.lower() not in words["striving_verbs"] or doer.sector in words["armed_sectors"]:
        return False
    one = doer.kind == "person" or (doer.kind == "pronoun" and doer.text.lower() in PRONOUNS.speaker_person)
    if one and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return True
    return any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in tok.children)


def _quarrel_side(mention: Mention, doc: Doc) -> bool:
    words = _words()
    if mention.sector in words["armed_sectors"]:
        return False
    if mention.kind == "person" or mention.sector in words["quarrel_sectors"]:
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NN" and span.root.lemma_.lower() in words["quarrel_titles"]


def answered_attack(tok: Token) -> Token | None:
    """"rejected attacks from X", "dismissed the attacks": the verb that answers an attack noun,
    whose subject the attacks were aimed at; None when the noun answers nothing."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "against", "off"):
        head = head.head  # "responded to the attacks", "fended off attacks"
    elif tok.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" and head.lemma_.lower() in _words()["answer_verbs"] else None


def quarrel(tok: Token, source: Mention | None, target: Mention | None) -> bool:
    """An attack or clash between people or political bodies, none of them armed, with no weapon
    or harm in its sentence, is criticism: "Mr. Trump's attacks on Bill Clinton", "attacking the
    former president", "clashed with party leaders". A country or an armed group on either side,
    or a missing target, keeps it violence ("attacked Ukraine", "attacked the rebels")."""
    words = _words()
    if tok.lemma_.lower() not in words["quarrel_words"] or target is None:
        return False
    if not _quarrel_side(target, tok.doc) or (source is not None and not _quarrel_side(source, tok.doc)):
        return False
    harm = words["weapons"] | words["harm_words"]
    return not any(t.lemma_.lower() in harm for t in tok.sent)


def means_of(child: Token, tok: Token, head: Trigger, own: Trigger | None, source: Mention | None) -> bool:
    """``tok`` (reached from ``head`` through ``child``) is the attack or the firing of the weapon
    a violent ``head`` act happened in or by, and that act has a doer (``source``): one act, not two."""
    when = child.i == tok.i and child.dep_ == "advcl" and child in _when(head.token)
    return (
        source is not None
        and own is not None
        and (when or (child.dep_ in ("prep", "agent") and child.lower_ in MEANS_PREPOSITIONS))
        and child.head.i == head.token.i
        and head.entry.type == "ASSAULT"
        and own.entry.type == "ASSAULT"
    )
