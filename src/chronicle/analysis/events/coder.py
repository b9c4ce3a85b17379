"""PLOVER event coding from a parsed article: who did what to whom.

``EventCoder(lexicon).code(doc, article, actors) -> list[Event]``. In: the spaCy ``Doc`` of
``article.body``, the article (for its id and publication date) and the article's resolved
actors (``ArticleActors`` from ``analysis.actors``). Out: one Event per trigger (an event verb
or noun from ``data/verbs/events.yaml``) that has a source actor in its own sentence.

Reported speech codes what was reported ("the U.N. says Syrian forces killed ..." -> source
Syrian forces, reported_by the U.N.); speech acts that are events themselves (accuse, demand,
reject) are coded for the speaker; "X said Y must ..." is a REQUEST from X to Y.

This module decides which triggers code and builds the events; its helpers live beside it in
the events wing: ``lookup`` (the lexicon entry a word starts), ``triggers`` (what is a trigger,
how triggers nest), ``patterns`` (a user's whole PETRARCH verb patterns), ``stopping`` (what
"halted", "ended" code by what they stop), ``roles`` (source and target actors from the parse),
``modes`` (negated, future, hypothetical, intended), ``means`` (the attack, weapon or mishap a
killing happened in or by), ``accusations`` (another side's reported violence as an ACCUSE),
``requests`` ("X said Y must ..."), ``contests`` (sport and elections: no events),
``circumstances`` (date, place, casualties, confidence), ``restates`` (one sentence's events
said twice), ``clauses`` (codable sentences; questions, relative and passive clauses, settings,
suppositions), ``suspects`` (people arrested) and ``warnings`` (threat, criticism or forecast);
``analysis.syntax`` holds the dependency-tree lookups they share.
"""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Span, Token

from chronicle.errors import ConfigError
from chronicle.model import Article, Event, Mention

from .accusations import accusations_of
from .answers import answer_claims
from .contests import campaign_proposal, campaign_rally, contest, electoral, sporting, voters_choice
from .clauses import MAX_SENTENCE_TOKENS, asks_a_question, codable, passive_clause, polled, relative_subject, setting_noun, supposed
from .circumstances import ASSAULT_TYPES, add_circumstances, confidence_of, warm_up
from .lookup import trigger_at
from .means import answered_attack, crowd, means_of, means_source, mishap, quarrel, striving, verbal
from .modes import CONDITIONAL_AUX, FUTURE_AUX, HYPOTHETICAL_AUX, INTENT_THREATEN, SPECULATIVE_AUX, is_conditional, conditional_clause, going_to, has_aux, is_historical, intent_entry, is_negated, negated_type
from ..syntax import CLAUSE_ARCS, MAX_CLIMB, child_with, pobj_of
from ..links import same_actor
from .roles import TARGET_PREPOSITIONS, ActorLookup, actor_at, addressee_of, between_sides, clause_subject, coordinated_with, explicit_source, governing_verb, modifier_actors, mutual_pairs, noun_source, phrase_actor, noun_target, prep_actor, takes_recipient, is_reflexive, same_country, uncoded_doer, verb_source, verb_target
from .roles import CodingView
from .requests import clause_heads, deontic_requests
from .restates import unrestated
from .states import state_roles
from .stopping import idle, stopping_reading
from .suspects import suspects
from .warnings import warning_kind
from .triggers import PEOPLE_ENTITIES, WISH, Trigger, content_arc, light_verb, noun_keys, protest_aim, is_purpose, is_toll
from ..ontology import EventEntry
from .lexicon import Lexicon
from ..dictionaries import VerbPattern
from ..ontology import load_plover_rules
from .words import load_event_words

PLOVER_RULES = load_plover_rules()
EVENT_WORDS = load_event_words()

# The reason of an event a user's whole verb pattern coded: its codes are final.
PATTERN_RULE = "user verb pattern of"
# Modes of armed violence: demonstrators who use weapons attack (ASSAULT), they do not riot.
ARMED_MODES = PLOVER_RULES.armed_modes
# Types whose coordinated doers with no target act on each other ("X and Y met", "... agreed").
MUTUAL_TYPES = PLOVER_RULES.mutual_types
# Modes of nouns whose "from" phrase is the place left, their target ("withdrawal from Congo").
AWAY_MODES = PLOVER_RULES.away_modes
# Prepositions placing a protest before or after the clause's act: not done by its subject.
SEQUENCE_PREPOSITIONS = EVENT_WORDS.sequence_prepositions
# Noun events aimed at the place they happen in when nothing else is their target.
PLACE_TARGET_TYPES = PLOVER_RULES.place_target_types
# Noun events that need no target to be coded with the clause subject as doer: protests and
# shows of force ("youths threw stones during demonstrations", "troops remained on alert").
UNAIMED_TYPES = PLOVER_RULES.unaimed_types
ADDRESSED_TYPES = PLOVER_RULES.addressed_types
# PLOVER "Requires recipient: Yes": these are not coded without a target.
RECIPIENT_TYPES = PLOVER_RULES.requires_recipient
# Meetings and visits that name no one met are colour (plover_rules.yaml: needs_counterpart).
COUNTERPART_TYPES = PLOVER_RULES.needs_counterpart
UNCODED_NEEDS_TARGET = PLOVER_RULES.uncoded_needs_target
# Noun events that are relations to somebody: without a target ("China's assistance",
# "allegations by Rwanda") they are not coded.
AIMED_NOUN_TYPES = PLOVER_RULES.aimed_noun_types
# Coding conventions (config ``event_conventions``): "plover" follows the PLOVER manual (an
# announced cooperative act is an AGREE; reported violence is coded as the act, and as an
# accusation by a speaker of another side); "cameo" follows CAMEO coders such as PETRARCH for
# continuity with their data (tense does not change the code; another side's reported violence
# is the accusation only; a meeting is coded both ways, where PLOVER codes one event from the
# first named side).
CONVENTIONS = ("plover", "cameo")
# Events that judge another's deed (criticism, praise): the deed they name was done
JUDGING_TYPES = ("ACCUSE", "SUPPORT")
# At most this many events from one trigger with coordinated actors ("X and Y met Z").
MAX_PAIRS = 12


class EventCoder:
    """Codes the events of one parsed article; the lexicon is loaded once per coder."""

    def __init__(self, lexicon: Lexicon, patterns: dict[str, list[VerbPattern]] | None = None,
                 conventions: str = "plover") -> None:
        """lexicon: the event lexicon (``events.load_lexicon``); patterns: the whole PETRARCH
        patterns of the user's verb files by verb word (none: no effect); conventions: "plover"
        or "cameo". ``analysis.components.event_coder(config)`` builds one from settings."""
        if conventions not in CONVENTIONS:
            raise ConfigError(f"event_conventions: {conventions!r} is not one of {', '.join(CONVENTIONS)}")
        self.conventions = conventions
        self.lexicon = lexicon
        self.patterns = patterns or {}
        warm_up()

    def code(self, doc: Doc, article: Article, actors: ActorLookup) -> list[Event]:
        """Events of ``doc`` (the parse of ``article.body``), numbered in text order."""
        actors = CodingView(actors, self.lexicon)
        events: list[Event] = []
        if sporting(doc, self.lexicon):
            return events  # a sports report: contests, not political events
        election = electoral(doc, self.lexicon)
        for sent in doc.sents:
            if not codable(sent):
                continue
            for event in self._sentence_events(sent, article, actors):
                if election and (campaign_rally(event, self.lexicon) or campaign_proposal(event)
                                 or voters_choice(event, doc, self.lexicon)):
                    continue
                event.id = f"{article.id[:16]}-e{len(events) + 1}"
                events.append(event)
        answer_claims(events, doc, EVENT_WORDS)  # "rejected these accusations": their maker
        return events

    # ------------------------------------------------------------------ triggers

    def _sentence_events(self, sent: Span, article: Article, actors: ActorLookup) -> Iterator[Event]:
        """The events of one sentence, less those another of them restates in more detail."""
        # the whole sentence is compared before any event takes its state sectors
        for event in list(unrestated(list(self._sentence_candidates(sent, article, actors)))):
            if self.conventions == "plover" and not event.rule.startswith(PATTERN_RULE):
                state_roles(event, PLOVER_RULES)  # "Iran pressured the U.S.": IRNGOV -> USAGOV
            event.confidence = confidence_of(event)
            yield event

    def _sentence_candidates(self, sent: Span, article: Article, actors: ActorLookup) -> Iterator[Event]:
        requests = list(deontic_requests(sent, article, actors, self.lexicon, self._build))
        demanded = {i for event in requests for i in clause_heads(sent.doc, event.trigger_start)}
        # "must reach an agreement": the noun a demanded light verb carries is demanded too
        demanded |= {t.i for t in sent if t.dep_ == "dobj" and t.head.i in demanded and light_verb(t.head, self.lexicon)}
        triggers = {t.token.i: t for t in (trigger_at(tok, self.lexicon, self.patterns) for tok in sent)
                    if t is not None and not contest(t.token, self.lexicon)}
        triggers = {i: stopping_reading(t, triggers, self.lexicon) for i, t in triggers.items()}
        triggers = {i: t for i, t in triggers.items() if not self._carried_by_noun(t, triggers) and not idle(t)}
        accused: set[tuple] = set()
        for trig in triggers.values():
            if trig.token.i in demanded or self._nested(trig.token, triggers):
                continue  # what a demand asks for, or the content of another event, is not coded alone
            if self._means(trig, triggers, actors):
                continue  # "killed in an air strike by X": the strike is the killing's means, one act
            if self._vowed_harm(trig, triggers) is not None:
                continue  # "vowed to attack X": the attack codes, as a threat
            if trig.entry.type == "REQUEST" and not trig.noun and asks_a_question(trig.token, self.lexicon.quote_marks):
                continue  # "asked the governor whether he would resign": a question, no request
            if trig.entry is WISH and has_aux(trig.token, SPECULATIVE_AUX):
                continue  # "X might want Y to leave": a guess at a wish, not a request (nor the leaving)
            if supposed(trig.token):
                continue  # "the idea that the U.S. is training IS", "the possibility of another attack"
            if polled(trig.token):
                continue  # "65 percent of Republicans supported his call": a poll's finding
            for event in self._events(trig, sent, article, actors, triggers):
                if idle_refusal(event, trig):
                    continue  # "does not support forced relocations", "if they did not vote for X"
                accusations = list(accusations_of(event, trig.token, sent, article, actors, self.lexicon, self._build))
                if not (accusations and self.conventions == "cameo"):
                    yield event  # CAMEO codes another side's reported violence as the accusation only
                for accusation in accusations:
                    key = (accusation.trigger_start, accusation.source.code, accusation.target.code)
                    if key not in accused:  # one per speaker, verb and accused
                        accused.add(key)
                        yield accusation
        yield from requests

    def _nested(self, tok: Token, triggers: dict[int, Trigger]) -> bool:
        """True when ``tok`` is the content of another event ("urged X to withdraw": withdraw)."""
        trig = triggers.get(tok.i)
        if trig is not None and trig.noun and trig.entry.type == "ASSAULT" and answered_attack(tok) is not None:
            return False  # "rejected attacks from X": the attacks came first, and are X's own act
        child = tok
        for _ in range(MAX_CLIMB):
            head = child.head
            if head is child:
                return False
            if head.i in triggers:
                if self._vowed_harm(triggers[head.i], triggers) is tok:
                    return False  # "vowed to attack": the promise only announces the attack
                if self._judged_deed(trig, triggers[head.i]):
                    return False  # "condemned Russia's invasion of Ukraine": the invasion happened too
                return (
                    content_arc(child)
                    or (head.pos_ == "NOUN" and child.dep_ in CLAUSE_ARCS)
                    or is_toll(child, tok, triggers[head.i], triggers)
                    or protest_aim(child, tok, triggers[head.i], triggers)
                )
            if self._carrier(head, triggers) and is_purpose(child):
                return True  # "staged a protest ... to demand": the protest's aim
            carried = [t for t in triggers.values() if t.noun and self._light_carrier(t.token) == head]
            if any(protest_aim(child, tok, t, triggers) for t in carried):
                return True  # "staged a protest, demanding ...": likewise
            if head.lemma_.lower() in self.lexicon.speech_verbs:
                return False
            child = head
        return False

    @staticmethod
    def _judged_deed(trig: Trigger | None, outer: Trigger) -> bool:
        """A deed with its doer named as possessor that another's criticism or praise is about
        ("condemned Russia's invasion of Ukraine", "praised Kenya's aid to Somalia"): judging a
        deed says it was done, so it is coded beside the judgement."""
        return (trig is not None and trig.noun and outer.entry.type in JUDGING_TYPES
                and any(c.dep_ == "poss" for c in trig.token.children))

    def _vowed_harm(self, trig: Trigger, triggers: dict[int, Trigger]) -> Token | None:
        """The hostile act a promise verb announces ("vowed to attack", "pledged to retaliate"):
        a threat (CAMEO 13), coded on that act, not an AGREE."""
        if trig.noun or trig.entry.type != "AGREE" or trig.token.lemma_.lower() not in self.lexicon.intent_words:
            return None
        act = next((triggers[c.i] for c in trig.token.children if c.dep_ == "xcomp" and c.i in triggers), None)
        return act.token if act is not None and act.entry.type in INTENT_THREATEN else None

    def _means(self, trig: Trigger, triggers: dict[int, Trigger], actors: ActorLookup) -> bool:
        """``trig`` is the attack, or the firing of the weapon, that a killing above it
        happened in or by ("killed in an air strike by X", "downed by a missile fired by X"),
        and that killing has a doer: it is coded once, as the killing."""
        child = trig.token
        for _ in range(MAX_CLIMB):
            head = child.head
            if head is child:
                return False
            if head.i in triggers:
                outer = triggers[head.i]
                if outer.noun:
                    return False
                found = verb_source(head, actors) or (means_source(head, triggers, actors) or (None,))[0]
                return means_of(child, trig.token, outer, trig, found)
            child = head
        return False

    def _carrier(self, tok: Token, triggers: dict[int, Trigger]) -> bool:
        """``tok`` is a light verb carrying an event noun ("staged a protest ... to demand")."""
        return light_verb(tok, self.lexicon) and any(self._light_carrier(t.token) == tok for t in triggers.values())

    def _carried_by_noun(self, trig: Trigger, triggers: dict[int, Trigger]) -> bool:
        """A light verb whose object is an event noun ("launched an attack") gives way to it."""
        if trig.noun or not (light_verb(trig.token, self.lexicon) or takes_recipient(trig.token)):
            return False
        return any(c.dep_ == "dobj" and c.i in triggers for c in trig.token.children) or any(
            t.noun and self._light_carrier(t.token) == trig.token for t in triggers.values())

    # ------------------------------------------------------------------ one event

    def _events(
        self, trig: Trigger, sent: Span, article: Article, actors: ActorLookup, triggers: dict[int, Trigger]
    ) -> Iterator[Event]:
        """The trigger's event, one per pair of coordinated actors ("X and Y met Z")."""
        tok = trig.token
        if not trig.noun and trig.entry.type == "ASSAULT" and mishap(tok):
            return  # "killed in a plane crash": an accident or a disaster, not an attack
        if trig.mutual:
            doer = verb_source(tok, actors)
            doers = coordinated_with(doer, tok.doc, actors) if doer is not None else []
            if len(doers) > 1:  # "X and Y fought": each acts on the other
                for src, tgt in [(a, b) for a in doers for b in doers if a is not b][:MAX_PAIRS]:
                    yield self._build(trig, sent, article, src, tgt, actors)
                return
        source = noun_source(tok, actors) if trig.noun else verb_source(tok, actors)
        if trig.noun and trig.entry.type == "PROTEST" and tok.dep_ == "pobj" and tok.head.lower_ in SEQUENCE_PREPOSITIONS:
            # "imposed a curfew after a demonstration": the protest of others, before or after the act
            source = source if source is not None and explicit_source(tok, source) else None
        if trig.noun and trig.entry.mode in AWAY_MODES and prep_actor(tok, {"from"}, actors) is not None:
            # "began the withdrawal from Congo": the place withdrawn from is no doer
            source = self._withdrawer(tok, actors)
        if source is None and not trig.noun and trig.entry.type == "ASSAULT":
            # "were killed in an air strike by X": the doer of the attack or weapon it happened in
            source, means = means_source(tok, triggers, actors) or (None, None)
            if means is not None and trig.entry.cameo == "190":
                trig = Trigger(tok, means.entry, noun=False, particle=trig.particle)  # the attack says how
        target = noun_target(tok, actors) if trig.noun else verb_target(trig, actors)
        if not trig.noun and trig.entry.mode == "visit" and not trig.entry.received:
            trig, target = self._arriving_forces(trig, target, actors)
        if trig.entry.mode in AWAY_MODES and (trig.noun or target is None):
            # "the pullout of X's troops from Y", "X withdrew from Y": Y
            target = prep_actor(tok, {"from"}, actors) or target
        if target is None and not trig.noun and child_with(tok, {"xcomp"}) is not None:
            # "agreed to lift the sanctions on Iran": the agreed act's target (not the doer itself)
            aimed = verb_target(Trigger(child_with(tok, {"xcomp"}), trig.entry, noun=False), actors)
            target = aimed if aimed is not None and (source is None or not same_actor(source, aimed)) else None
        if target is None and trig.noun and tok.dep_ == "compound" and self._light_object(tok.head):
            # "began a bombing campaign against X", "launched a mediation effort between X and Y"
            target = noun_target(tok.head, actors)
        if target is None and trig.noun and self._light_object(tok):
            # "gave permission to Russia": the light verb's "to" phrase or indirect object
            verb = self._light_carrier(tok)
            target = prep_actor(verb, TARGET_PREPOSITIONS, actors) or actor_at(child_with(verb, {"dative"}), actors)
        if not trig.noun and passive_clause(tok):
            # "Asked about X, the minister said ...": the main clause's subject was asked, by whoever
            # the "by" phrase names
            agent = child_with(tok, {"agent"})
            source = actor_at(pobj_of(agent), actors) if agent is not None else None
            subject = verb_source(tok.head, actors)
            if target is None and subject is not None and (source is None or not same_actor(source, subject)):
                target = subject
        answer = answered_attack(tok) if trig.noun and trig.entry.type == "ASSAULT" and target is None else None
        if answer is not None:
            # "rejected attacks from Jeb Bush": the attacks were aimed at the one who answers them,
            # and were not his own
            target = verb_source(answer, actors)
            source = source if source is not None and explicit_source(tok, source) else None
        if source is None:
            if not any(a.i in triggers for a in trig.token.ancestors):  # else: a consequence of that event
                yield from self._sourceless(trig, sent, article, actors, target)
            return
        if not trig.noun and trig.entry.type == "ASSAULT" and striving(tok, source):
            return  # "the union fought to protect its pensions": striving for something, not an attack
        if trig.noun and trig.entry.type == "PROTEST" and setting_noun(tok) and not explicit_source(tok, source) and (
            source.kind in ("person", "pronoun") or source.sector in self.lexicon.state_sectors
        ):
            return  # "at a rally, the senator said ...": where another act happened, not the senator's protest
        if target is None and trig.noun:
            target = self._noun_fallback_target(tok, trig.entry, actors, source)
        if target is None and not trig.noun:
            # "police arrested six people": the people held are suspects (CRM)
            target = suspects(tok, trig.entry.mode, source, None)
        if trig.noun and trig.entry.type == "MOBILIZE":
            trig, target = self._joint_exercise(trig, source, target, actors)
        if target is not None and not trig.noun and target.kind != "person" and same_country(source, target):
            # "withdraw its forces from Chad": the own forces are the means, Chad the target
            target = prep_actor(tok, TARGET_PREPOSITIONS | {"from"}, actors) or target
        if trig.entry.received and not trig.noun and not self._intended(tok):
            # "X received weapons from Y", "X hosted Y": the giver or visitor did it, to X
            # (an announced "will host" stays the host's intention)
            giver = prep_actor(tok, {"from"}, actors) or target
            if giver is None:
                return
            source, target = giver, source
        if target is None and trig.noun and not explicit_source(tok, source) and not self._light_object(tok):
            if trig.entry.type not in UNAIMED_TYPES:
                return  # "oversees cooperation": a noun with neither its own doer nor a target
        if target is None and trig.noun and not self._unaimed(trig, source, actors):
            return  # "enjoyed support from Moscow", "China's assistance": a noun event aimed at nobody
        if target is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and any(a.i in triggers for a in tok.ancestors):
            return  # "trained them to use weapons supplied by Russia": it describes the weapons
        if target is None and trig.entry.type in RECIPIENT_TYPES and not _joint(trig, source, actors):
            return  # PLOVER: cooperation, aid and sanctions require a recipient
        if target is None and trig.entry.type in COUNTERPART_TYPES and not _joint(trig, source, actors):
            target = _host(trig, source, actors)  # "the Ghanaian minister arrived in Liberia": its host
            if target is None:
                return  # "attended a rally", "discussed strategies": nobody met, no consultation
        if target is None and "recipient" in trig.entry.requires:
            return  # "admired the view": praise of no one is no event
        if trig.entry.type == "THREATEN" and not trig.noun and not trig.pattern \
                and warning_kind(tok, source, target) == "forecast":
            return  # "the IMF warned that the economy could collapse": a forecast, no threat
        sources = coordinated_with(source, tok.doc, actors)
        targets = coordinated_with(target, tok.doc, actors) if target is not None else [None]
        if not trig.noun and trig.entry.mode == "arrest":
            targets = [suspects(tok, trig.entry.mode, source, t) or t for t in targets]
        pairs = [(s, t) for s in sources for t in targets if t is None or not same_actor(s, t)]
        if not trig.noun and is_reflexive(tok):
            pairs = [(s, s) for s in sources]  # "Iraq had attacked themselves": the doer is its own target
        elif trig.entry.type in MUTUAL_TYPES:
            # CAMEO codes a meeting both ways; PLOVER one event (its actor lists both sides)
            cameo = self.conventions == "cameo"
            pairs = mutual_pairs(pairs, sources, reverse=cameo and trig.noun and trig.entry.mode == "meet", each_way=cameo)
        # "talks between X and Y": one event from the first side to each other one (as "X held
        # talks with Y"; PLOVER would list both as actors of one event), each pair once
        sides = between_sides(tok, actors) if trig.noun and self.conventions == "plover" else []
        if sides:
            pairs = [(s, t) for s, t in pairs if s is not None and _span(s) == _span(sides[0])] or pairs
        # (a span and its code: one name a user dictionary gives several codes is one event each)
        pairs = list({(_span(s), _code(s), _span(t), _code(t)): (s, t) for s, t in pairs}.values())
        for src, tgt in pairs[:MAX_PAIRS]:
            yield self._build(trig, sent, article, src, tgt, actors)
            if trig.reverse is not None and tgt is not None:
                # "[032:033]": what the target does back to the source, coded beside it
                yield self._build(Trigger(tok, trig.reverse, noun=False, pattern=True), sent, article, tgt, src, actors)

    def _joint_exercise(
        self, trig: Trigger, source: Mention, target: Mention | None, actors: ActorLookup
    ) -> tuple[Trigger, Mention | None]:
        """Exercises held with a partner ("held military exercises with X", "Chile and Peru held
        naval drills") are joint operations, coded as the lexicon's "joint" form of the noun
        (PLOVER COOPERATE); one side's exercises alone stay a show of force."""
        tok = trig.token
        key = next((k for k in noun_keys(tok) if k in self.lexicon.nouns), tok.lemma_.lower())
        joint = self.lexicon.nouns.get(f"joint {key}") or self.lexicon.nouns.get(f"joint {tok.lemma_.lower()}")
        if joint is None:
            return trig, target
        verb = self._light_carrier(tok)
        partner = prep_actor(tok, {"with"}, actors) or (prep_actor(verb, {"with"}, actors) if verb is not None else None)
        if partner is None and len(coordinated_with(source, tok.doc, actors)) < 2:
            return trig, target
        return Trigger(tok, joint, noun=True, particle=trig.particle), partner

    def _arriving_forces(self, trig: Trigger, target: Mention | None, actors: ActorLookup) -> tuple[Trigger, Mention | None]:
        """Armed forces do not visit: "Ethiopian troops arrived in X" is their deployment to X,
        peacekeepers' arrival is peacekeeping provided to X (CAMEO 074, PLOVER AID)."""
        tok = trig.token
        subject = child_with(tok, {"nsubj"})
        if subject is not None and subject.lemma_.lower() not in self.lexicon.arriving_forces:
            # "hundreds of troops", "the first batch of peacekeepers": the forces in the "of" phrase
            subject = next((g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if subject is None or subject.lemma_.lower() not in self.lexicon.arriving_forces:
            return trig, target
        words = {w.lemma_.lower() for w in subject.subtree}
        entry = self.lexicon.peacekeeping if words & self.lexicon.peacekeeping_words else self.lexicon.nouns.get("deployment")
        if entry is None:
            return trig, target
        return Trigger(tok, entry, noun=False), target or prep_actor(tok, {"in", "at"}, actors)

    def _withdrawer(self, tok: Token, actors: ActorLookup) -> Mention | None:
        """Who withdraws from the place in a withdrawal noun's "from" phrase: its actor adjective
        or "by" phrase ("the Rwandan pullout"), its light verb's subject ("Rwanda began the
        withdrawal of its troops"), the forces in its "of" phrase ("the withdrawal of Rwandan
        troops"), else the subject of the verb it hangs on."""
        modifiers = modifier_actors(tok, actors)
        carrier = self._light_carrier(tok)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        found = modifiers[0] if modifiers else prep_actor(tok, {"by"}, actors) or (
            verb_source(carrier, actors) if carrier is not None else None) or (
            phrase_actor(of, actors) if of is not None else None)
        verb = governing_verb(tok)
        return found or (verb_source(verb, actors) if verb is not None else None)

    def _unaimed(self, trig: Trigger, source: Mention, actors: ActorLookup) -> bool:
        """A noun event with no target still counts unless it is a relation aimed at somebody
        (support, aid, an allegation, cooperation: "enjoyed support from Moscow", "China's
        assistance"); joint acts of coordinated doers ("X and Y held talks") are aimed at
        each other, and investigations at what they look into."""
        if trig.entry.type not in AIMED_NOUN_TYPES or trig.entry.mode == "investigate":
            return True
        return _joint(trig, source, actors)

    def _sourceless(
        self, trig: Trigger, sent: Span, article: Article, actors: ActorLookup, target: Mention | None
    ) -> Iterator[Event]:
        """Violence with a victim but no named doer ("three soldiers were killed by a roadside
        bomb") is still an event; anything else nobody did is not coded."""
        tok = trig.token
        # a noun's doer is its light verb's subject ("fundamentalists continued their strike")
        doer = uncoded_doer(self._light_carrier(tok) or tok) if not trig.noun or self._light_object(tok) else None
        if trig.entry.received:
            # "villagers received weapons from X": the uncoded subject is the recipient
            giver = prep_actor(tok, {"from"}, actors) or target
            if giver is not None and doer is not None:
                yield self._build(trig, sent, article, giver, doer, actors)
            return
        if doer is not None:
            if target is None and trig.entry.type in ASSAULT_TYPES:
                return  # "the civilians imprisoned for ...": violence by no actor on no actor is noise
            if target is None and (trig.entry.type in RECIPIENT_TYPES or (
                    trig.entry.type in UNCODED_NEEDS_TARGET and not _names_people(doer, tok.doc))):
                # as with a coded doer, aid, cooperation and sanctions need a recipient; offers and
                # permissions by things are trade ("the car would offer 335 horsepower", "those
                # lights allow VW to ...", "Sony has offered its service"): no actor on either
                # side ("Ousted President Akayev has agreed to resign" is still an agreement)
                return
            # a named doer the actors stage could not code ("Islamic fundamentalists"): kept as
            # an uncoded mention, so the event says who without guessing a code
            yield from self._each_target(trig, sent, article, doer, target, actors)
            return
        if (self.conventions == "plover" and trig.entry.type == "ACCUSE" and not trig.noun and target is not None
                and any(c.dep_ == "nsubjpass" for c in tok.children) and not is_conditional(tok)):
            # "Russia has been accused of ...", "he was harshly criticized for ...": an accusation
            # by people the sentence does not name (its source left empty, as PLOVER allows; CAMEO
            # coders code no event without a source)
            yield from self._each_target(trig, sent, article, None, target, actors)
            return
        if trig.entry.type not in ASSAULT_TYPES or relative_subject(tok):
            return  # "the group that has seized ...": the doer is named, only not an actor
        if is_conditional(tok):
            return  # "to defend X if it is attacked": nobody did it, and it has not happened
        if target is None and trig.noun:
            target = self._noun_fallback_target(tok, trig.entry, actors, None)
        if target is not None:
            yield from self._each_target(trig, sent, article, None, target, actors)

    def _each_target(self, trig: Trigger, sent: Span, article: Article, source: Mention | None,
                     target: Mention | None, actors: ActorLookup) -> Iterator[Event]:
        """One event per coordinated target ("Russia and the Syrian government have been
        accused", "rebels attacked Russia and Syria"), as with a coded doer."""
        targets = coordinated_with(target, trig.token.doc, actors)[:MAX_PAIRS] if target is not None else [None]
        for tgt in targets:
            yield self._build(trig, sent, article, source, tgt, actors)

    def _noun_fallback_target(self, tok: Token, entry: EventEntry, actors: ActorLookup, source: Mention | None) -> Mention | None:
        """Target of an event noun from the clause around it: requests and threats go to the
        clause subject ("despite calls from the West" -> Russia); other nouns to the verb's
        object ("engaged X in a firefight", "X were killed in shelling"); protests to where
        they happen ("a protest in Beijing"), and so do shows of force ("exercises in Alaska")."""
        if entry.type in ADDRESSED_TYPES:
            return clause_subject(tok, actors, source) or addressee_of(tok, actors, source)
        verb = governing_verb(tok)
        if verb is not None and tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            for dep in ("dobj", "nsubjpass"):
                mention = actor_at(child_with(verb, {dep}), actors)
                if mention is not None and (source is None or not same_actor(mention, source)):
                    return mention
        if entry.type in PLACE_TARGET_TYPES:
            return prep_actor(tok, {"in", "at", "outside"}, actors) or (
                prep_actor(verb, {"in", "at", "outside"}, actors) if verb is not None else None
            )
        return None

    def _light_object(self, tok: Token) -> bool:
        """The noun is the object of a light verb: "staged a protest", "launched an attack"."""
        return self._light_carrier(tok) is not None

    def _light_carrier(self, tok: Token) -> Token | None:
        """The light verb whose object the noun is, also through a count noun ("held a second
        day of negotiations", "began a round of talks")."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in self.lexicon.count_nouns:
            tok = tok.head.head
        return tok.head if tok.dep_ == "dobj" and light_verb(tok.head, self.lexicon) else None

    def _build(
        self, trig: Trigger, sent: Span, article: Article, source: Mention | None, target: Mention | None, actors: ActorLookup
    ) -> Event:
        tok, entry = trig.token, trig.entry
        rule = _rule(trig)
        if entry.type == "ASSAULT" and entry.mode not in ARMED_MODES and crowd(source, tok.doc):
            # PLOVER: unarmed violence by demonstrators ("torched by protesters") is a riot
            entry = PLOVER_RULES.recoding("riot", entry.context)
            rule += "; unarmed violence by a crowd: a riot"
        if entry.type == "ASSAULT" and entry.mode not in ARMED_MODES and source is not None and source.sector == "JUD":
            entry = PLOVER_RULES.recoding("ruling")  # "the court struck down the law": a ruling, no blow
            rule += "; a court's blow: a ruling"
        elif entry.type == "THREATEN" and not trig.noun and not trig.pattern and warning_kind(tok, source, target) == "criticism":
            entry = PLOVER_RULES.recoding("criticism")  # "warned that the administration was relinquishing ..."
            rule += "; a warning about another's deed: criticism"
        elif entry.type == "ASSAULT" and not trig.noun and verbal(tok):
            entry = PLOVER_RULES.recoding("criticism")  # "attacked the senator for his vote": criticism
            rule += "; an attack for a stance: criticism"
        elif entry.type == "ASSAULT" and entry.mode not in ARMED_MODES and quarrel(tok, source, target):
            entry = PLOVER_RULES.recoding("criticism")  # "Mr. Trump's attacks on Bill Clinton"
            rule += "; an attack between unarmed people: criticism"
        # "would not give permission": a light verb's negation is its noun's
        negated = is_negated(tok) or (self._light_object(tok) and is_negated(self._light_carrier(tok)))
        event_type = negated_type(entry) if negated else entry.type
        # a user pattern's code is final: its dictionary codes "will break ties" as it wrote it
        intended = not negated and event_type == entry.type and not trig.pattern and self._intended(tok)
        if intended:
            verb = self._light_carrier(tok) or tok
            # "unless" makes an ultimatum; "if" only a conditional offer ("would meet if ...")
            entry = intent_entry(entry, conditional=conditional_clause(verb, ("unless",)))
            event_type = entry.type
            rule += "; announced, not done: an intent"
        if negated and event_type != entry.type:
            rule += f"; negated {entry.type}: {event_type}"
        event = Event(
            id="",
            type=event_type,
            trigger=tok.text,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            source=source,
            target=target,
            mode=entry.mode,
            context=list(entry.context),
            cameo=entry.cameo if event_type == entry.type else PLOVER_RULES.negated_cameo,
            negated=negated and event_type == entry.type,
            future=has_aux(tok, FUTURE_AUX) or going_to(tok),
            hypothetical=has_aux(tok, HYPOTHETICAL_AUX) or is_conditional(tok),
            historical=is_historical(tok),
            trigger_start=tok.idx,
            trigger_end=tok.idx + len(tok.text),
            reported_by=self._reporter(tok, actors),
            rule=rule,
        )
        add_circumstances(event, tok, sent, article)
        return event

    def _intended(self, tok: Token) -> bool:
        """The act is announced, not done: "will support", "is ready to withdraw",
        "plans to visit", "may halt aid if ..." (the trigger's own "will", an intent word
        above it, or a modal with a condition); a noun asks its light verb ("will extend the
        curfew")."""
        if self._light_object(tok):
            tok = self._light_carrier(tok)
        tense_only = self.conventions == "cameo"  # CAMEO codes "will supply arms" as the supply
        if not tense_only and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return True
        if has_aux(tok, CONDITIONAL_AUX) and conditional_clause(tok):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and tok.dep_ == "ccomp":
            return tok.head.lemma_.lower() in self.lexicon.speech_verbs  # "said they would boycott"
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_.lower() in self.lexicon.intent_words:
            return True
        if is_purpose(tok) and head.lemma_.lower() in self.lexicon.intent_words:
            return True  # "have sworn to fight", the infinitive parsed as an adverbial clause
        if is_purpose(tok) and head.pos_ == "VERB" and self._intended(head):
            return True  # "is willing to send troops to help X": the aim of an announced act
        return tok.dep_ == "xcomp" and head.dep_ == "acomp" and head.lemma_.lower() in self.lexicon.intent_words

    def _reporter(self, tok: Token, actors: ActorLookup) -> Mention | None:
        """Who reported the event: the subject of the speech verb it is the content of."""
        child = tok
        for _ in range(MAX_CLIMB):
            head = child.head
            if head is child:
                return None
            if head.lemma_.lower() in self.lexicon.speech_verbs and child.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                return verb_source(head, actors)
            if head.lower_ == "to" and head.head.lower_ == "according":
                return actor_at(child, actors)
            child = head
        return None


def _host(trig: Trigger, source: Mention | None, actors: ActorLookup) -> Mention | None:
    """The country a visitor arrives in or travels to, when it is not the visitor's own."""
    if trig.entry.mode != "visit" or source is None or not source.country:
        return None
    place = prep_actor(trig.token, {"in", "to"}, actors)
    return place if place is not None and place.kind == "country" and place.country not in (None, source.country) else None


def _span(mention: Mention | None) -> tuple[int, int] | None:
    return (mention.start, mention.end) if mention is not None else None


def _code(mention: Mention | None) -> str | None:
    return mention.code if mention is not None else None


def _names_people(mention: Mention, doc: Doc) -> bool:
    """An uncoded doer that is or names a person, a people or a place ("Akayev", "Ethiopians",
    "the Minister for Interior Aftab Sherpao"), not a company or a thing."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in PEOPLE_ENTITIES for t in span.root.subtree)


def _joint(trig: Trigger, source: Mention, actors: ActorLookup) -> bool:
    """A joint act of coordinated doers, aimed at each other: "X and Y held talks"."""
    return trig.entry.type in MUTUAL_TYPES and len(coordinated_with(source, trig.token.doc, actors)) > 1


def idle_refusal(event: Event, trig: Trigger) -> bool:
    """A refusal read only from a negated act ("does not support forced relocations", "had
    not accepted money", "if they did not vote for X") that refuses no actor, or only in a
    condition: a stance, not an event ("said he would not provide support to Israel" is one)."""
    entry = trig.entry
    derived = event.type != entry.type and event.type == negated_type(entry)
    return derived and (event.target is None or not event.target.code or is_conditional(trig.token))


def _rule(trig: Trigger) -> str:
    """Why a trigger codes: the kind of word and its lemma, or the user's whole verb pattern."""
    lemma = trig.token.lemma_.lower()
    if trig.pattern:
        return f"{PATTERN_RULE} '{lemma}'"
    if trig.entry.type == "REQUEST" and trig.entry.cameo == PLOVER_RULES.recodings["wish"].cameo and not trig.noun:
        return f"verb of wishing '{lemma}': a request"
    return f"{'noun' if trig.noun else 'verb'} '{lemma}' of the event lexicon"


