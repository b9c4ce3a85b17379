"""PLOVER event coding from a parsed article: who did what to whom.

``EventCoder(lexicon).code(doc, article, actors) -> list[Event]``. In: the spaCy ``Doc`` of
``article.body``, the article (for its id and publication date) and the article's resolved
actors (``ArticleActors`` from ``analysis.actors``). Out: one Event per trigger (an event verb
or noun from ``data/verbs/events.yaml``) that has a source actor in its own sentence.

Reported speech codes what was reported ("the U.N. says Syrian forces killed ..." -> source
Syrian forces, reported_by the U.N.); speech acts that are events themselves (accuse, demand,
reject) are coded for the speaker; "X said Y must ..." is a REQUEST from X to Y.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol

from spacy.tokens import Doc, Span, Token

from chronicle.model import Article, Event, Mention

from .casualties import find_casualties
from .lexicon import EventEntry, Lexicon, load_lexicon
from .places import location_in, lookup
from .timex import find_dates
from .verbdict import AFTER_WINDOW, best_pattern, load_verb_patterns

# Longer sentences are flattened tables or lists: their parses join unrelated words.
MAX_SENTENCE_TOKENS = 150
# A sentence with fewer Latin letters than this share is not English (mastheads, couplets).
MIN_LATIN_SHARE = 0.8
# Climbing from an event noun to the verb whose subject did it stops after this many arcs.
MAX_CLIMB = 6

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Verb patterns ("restore ... ties") look this far into the verb's object and prepositions.
PATTERN_ARCS = {"prt", "prep", "dobj", "dative", "attr", "acomp", "oprd", "advmod", "npadvmod"}
PATTERN_WINDOW = 6
MODIFIER_ARCS = {"poss", "compound", "amod", "nmod"}
CLAUSE_ARCS = {"ccomp", "relcl", "advcl", "parataxis", "acl"}
# Arcs by which a nested trigger is the content of its parent event ("urged X to withdraw").
CONTENT_ARCS = {"xcomp", "ccomp", "acl", "dobj", "attr", "oprd", "pcomp"}
CONTENT_PREPOSITIONS = {"of", "for", "to", "from", "on", "upon"}
TARGET_PREPOSITIONS = {"to", "with", "against", "on", "upon", "at", "for", "into", "toward", "towards", "between"}
VERB_ONLY_PREPOSITIONS = {"of", "about"}  # "warned of X", "complained about X"
# Arcs followed inside an object phrase when looking for its actor (not into clauses).
PHRASE_ARCS = {"prep", "pobj", "compound", "amod", "poss", "nmod", "appos"}
SOURCE_PREPOSITIONS = {"by", "from"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "can", "should", "must", "ca", "'d"}
# Modals that, with an "if/unless" clause, announce an act: "may halt aid if ..." is a threat.
CONDITIONAL_AUX = {"would", "could", "might", "may"}
HISTORICAL_ADVERBS = {"long", "once", "formerly", "previously", "earlier", "historically"}
ASSAULT_TYPES = {"ASSAULT", "COERCE"}
# Named-entity labels whose proper-noun words are names, never event nouns.
NAME_ENTITIES = {"ORG", "GPE", "NORP", "FAC", "LOC", "PERSON", "PRODUCT", "WORK_OF_ART"}
# Announced acts: cooperative ones are AGREE, hostile ones THREATEN, with the CAMEO intent code.
INTENT_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035",
                "RETREAT": "035"}
# Verbs whose infinitive did not happen: "failed to agree" is a refusal.
FAILURE_VERBS = {"fail", "neglect"}
# Passive verbs whose "from" phrase names the doer when no "by" agent does.
FROM_SOURCE_VERBS = {"fire", "launch", "shell", "attack", "bomb", "shoot", "strike", "target"}
# What wishing that someone else act codes: a request to them.
WISH = EventEntry("REQUEST", "100")
# Placeholder entry of a stopping verb until its object shows what it stops.
STOP = EventEntry("STOP")
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"}
# Stopping pressure: type of the stopped event -> (type, CAMEO) of the easing (CAMEO 08).
EASED = {"SANCTION": ("RETREAT", "085"), "COERCE": ("CONCEDE", "081"), "PROTEST": ("CONCEDE", "080"),
         "ASSAULT": ("RETREAT", "087")}
# Types whose coordinated doers with no target act on each other ("X and Y met", "... agreed").
MUTUAL_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# Noun events aimed at the place they happen in when nothing else is their target.
PLACE_TARGET_TYPES = {"PROTEST", "MOBILIZE"}
# Noun events that need no target to be coded with the clause subject as doer: protests and
# shows of force ("youths threw stones during demonstrations", "troops remained on alert").
UNAIMED_TYPES = {"PROTEST", "MOBILIZE"}
# Passives whose subject holds the stance ("Israel is opposed to French mediation").
STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "determine"}
# Verbs whose object event is done to their subject: "faces pressure from Congress",
# "received assurances from the government", "won support from X".
RECIPIENT_VERBS = {"face", "receive", "get", "draw", "win", "gain", "earn"}
INTENT_THREATEN = {"PROTEST": "130", "ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "MOBILIZE": "138"}
ADDRESSED_TYPES = {"REQUEST", "THREATEN"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Heads that only count or group the actor in their "of" phrase.
PARTITIVES = {"tens", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
              "group", "member", "some", "many", "most", "all", "part", "team", "unit", "contingent",
              "delegation", "number", "couple", "several", "one", "two", "three"}
# Arcs a user pattern's target search does not follow: clauses, subjects, verb modifiers.
PATTERN_FALLBACK_SKIP = CLAUSE_ARCS | SUBJECTS | {"xcomp", "conj", "punct", "mark", "aux", "auxpass", "neg", "advmod"}
# At most this many events from one trigger with coordinated actors ("X and Y met Z").
MAX_PAIRS = 12


class ActorLookup(Protocol):
    """What the coder needs from ``analysis.actors.ArticleActors``."""

    def mention_for_token(self, token: Token) -> Mention | None: ...

    def resolve_pronoun(self, target: Token) -> Mention | None: ...


@dataclass
class _Trigger:
    token: Token
    entry: EventEntry
    noun: bool
    particle: Token | None = None  # "for" of "call for": its object is the target
    reverse: EventEntry | None = None  # a user pattern's "[032:033]": the target does 033 back
    mutual: bool = False  # a user pattern's "- % * [...]": coordinated subjects act on each other
    pattern: bool = False  # matched a user verb pattern: its target may sit deeper in the object
    placed: bool = False  # the pattern writes its "+" target right after ``particle``


class EventCoder:
    """Codes the events of one parsed article; the lexicon is loaded once per coder."""

    def __init__(self, lexicon: Lexicon | None = None, dictionaries: list[str] | None = None) -> None:
        self.lexicon = lexicon or load_lexicon(_verb_files(dictionaries or []))
        # whole PETRARCH patterns of the user's verb files; empty (no effect) without them
        self.patterns = load_verb_patterns(_verb_files(dictionaries or []))
        warm_up()

    def code(self, doc: Doc, article: Article, actors: ActorLookup) -> list[Event]:
        """Events of ``doc`` (the parse of ``article.body``), numbered in text order."""
        events: list[Event] = []
        for sent in doc.sents:
            if not _codable(sent):
                continue
            for event in self._sentence_events(sent, article, actors):
                event.id = f"{article.id[:16]}-e{len(events) + 1}"
                events.append(event)
        return events

    # ------------------------------------------------------------------ triggers

    def _sentence_events(self, sent: Span, article: Article, actors: ActorLookup) -> Iterator[Event]:
        requests = list(self._deontic_requests(sent, article, actors))
        demanded = {i for event in requests for i in _clause_heads(sent.doc, event.trigger_start)}
        triggers = {t.token.i: t for t in (self._trigger(tok) for tok in sent) if t is not None}
        triggers = {i: self._stopping(t, triggers) for i, t in triggers.items()}
        triggers = {i: t for i, t in triggers.items() if not self._carried_by_noun(t, triggers) and not self._idle(t)}
        for trig in triggers.values():
            if trig.token.i in demanded or self._nested(trig.token, triggers):
                continue  # what a demand asks for, or the content of another event, is not coded alone
            yield from self._events(trig, sent, article, actors, triggers)
        yield from requests

    def _trigger(self, tok: Token) -> _Trigger | None:
        """The lexicon entry ``tok`` starts, if any."""
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT") or _participle(tok):
            return self._verb_trigger(tok)
        if tok.pos_ in ("NOUN", "PROPN") and not _in_name(tok):
            entry = next((self.lexicon.nouns[k] for k in _noun_keys(tok) if k in self.lexicon.nouns), None)
            if entry is not None and _requirements_met(tok, entry):
                return _Trigger(tok, entry, noun=True)
        return None

    def _verb_trigger(self, tok: Token) -> _Trigger | None:
        lemma = tok.lemma_.lower()
        if lemma in self.lexicon.speech_verbs:
            return None
        patterned = self._pattern_trigger(tok)
        if patterned is not None:
            return patterned  # the user's own pattern outranks the built-in rules
        if _no_comment(tok, self.lexicon):
            return None
        if lemma in self.lexicon.wish_verbs and _wished_act(tok) is not None:
            return _Trigger(tok, WISH, noun=False)  # "wants Putin to attack": asks Putin to
        stop = _stop_key(tok, self.lexicon.stopping_verbs)
        if stop in self.lexicon.stopping_verbs and stop not in self.lexicon.verbs:
            return _Trigger(tok, STOP, noun=False)  # an event only if it stops a cooperative act
        for word in _following_words(tok):
            entry = self.lexicon.verbs.get(f"{lemma} {word.lower_}") or self.lexicon.verbs.get(f"{lemma} {word.lemma_.lower()}")
            if entry is not None:
                particle = word if word.dep_ in ("prt", "prep") and word.head is tok else None
                return _Trigger(tok, entry, noun=False, particle=particle)
        for word in _preceding_words(tok):
            entry = self.lexicon.verbs.get(f"^{word.lower_} {lemma}") or self.lexicon.verbs.get(f"^{word.lemma_.lower()} {lemma}")
            if entry is not None:
                return _Trigger(tok, entry, noun=False)
        entry = self.lexicon.verbs.get(lemma)
        return _Trigger(tok, entry, noun=False) if entry is not None and _requirements_met(tok, entry) else None

    def _pattern_trigger(self, tok: Token) -> _Trigger | None:
        """The trigger of the most specific user verb pattern around ``tok`` (None without a
        user verb dictionary or a block for its word). A block's bare verb line counts too: the
        user's "break [1717]" outranks a built-in "break ties"."""
        found = best_pattern(tok, self.patterns) if self.patterns else None
        if found is None:
            return None
        pattern, anchor = found
        particle = anchor if anchor is not None and anchor.dep_ == "prep" else None
        return _Trigger(tok, pattern.entry, noun=False, particle=particle, reverse=pattern.reverse,
                        mutual=pattern.mutual, pattern=True, placed=pattern.target_after is not None)

    def _nested(self, tok: Token, triggers: dict[int, _Trigger]) -> bool:
        """True when ``tok`` is the content of another event ("urged X to withdraw": withdraw)."""
        child = tok
        for _ in range(MAX_CLIMB):
            head = child.head
            if head is child:
                return False
            if head.i in triggers:
                return (
                    _content_arc(child)
                    or (head.pos_ == "NOUN" and child.dep_ in CLAUSE_ARCS)
                    or _toll(child, tok, triggers[head.i], triggers)
                )
            if self._carrier(head, triggers) and _purpose(child):
                return True  # "staged a protest ... to demand": the protest's aim
            if head.lemma_.lower() in self.lexicon.speech_verbs:
                return False
            child = head
        return False

    def _stopping(self, trig: _Trigger, triggers: dict[int, _Trigger]) -> _Trigger:
        """"halted aid", "ended mediation efforts", "cancelled a visit": stopping a cooperative
        act is a SANCTION (CAMEO 16, reduce relations); stopping pressure ("ended the
        blockade", "cancelled restrictions", "halted the offensive") is an easing (CAMEO 08)."""
        if trig.noun or _stop_key(trig.token, self.lexicon.stopping_verbs) not in self.lexicon.stopping_verbs:
            return trig
        for child in trig.token.children:
            if child.dep_ != "dobj":
                continue
            inner = triggers.get(child.i) or next(
                (triggers[c.i] for c in child.lefts if c.i in triggers and c.dep_ == "compound"), None
            )
            if inner is not None and inner.entry.type in COOPERATIVE_TYPES:
                entry = EventEntry("SANCTION", "160", inner.entry.mode, inner.entry.context)
                return _Trigger(trig.token, entry, noun=False, particle=trig.particle)
            if inner is not None and inner.entry.type in EASED:
                # "cancelled restrictions", "called off the strike": stopping pressure yields
                entry = EventEntry(*EASED[inner.entry.type], mode="ease", context=inner.entry.context)
                return _Trigger(trig.token, entry, noun=False, particle=trig.particle)
        return trig

    @staticmethod
    def _idle(trig: _Trigger) -> bool:
        """A stopping verb that stops no cooperative act ("stopped the car") is no event."""
        return trig.entry is STOP

    def _carrier(self, tok: Token, triggers: dict[int, _Trigger]) -> bool:
        """``tok`` is a light verb carrying an event noun ("staged a protest ... to demand")."""
        return _light_verb(tok, self.lexicon) and any(c.dep_ == "dobj" and c.i in triggers for c in tok.children)

    def _carried_by_noun(self, trig: _Trigger, triggers: dict[int, _Trigger]) -> bool:
        """A light verb whose object is an event noun ("launched an attack") gives way to it."""
        if trig.noun or not (_light_verb(trig.token, self.lexicon) or _recipient(trig.token)):
            return False
        return any(c.dep_ == "dobj" and c.i in triggers for c in trig.token.children)

    # ------------------------------------------------------------------ one event

    def _events(
        self, trig: _Trigger, sent: Span, article: Article, actors: ActorLookup, triggers: dict[int, _Trigger]
    ) -> Iterator[Event]:
        """The trigger's event, one per pair of coordinated actors ("X and Y met Z")."""
        tok = trig.token
        if trig.mutual:
            doer = _verb_source(tok, actors)
            doers = _coordinated(doer, tok.doc, actors) if doer is not None else []
            if len(doers) > 1:  # "X and Y fought": each acts on the other
                for src, tgt in [(a, b) for a in doers for b in doers if a is not b][:MAX_PAIRS]:
                    yield self._build(trig, sent, article, src, tgt, actors)
                return
        source = _noun_source(tok, actors) if trig.noun else _verb_source(tok, actors)
        target = _noun_target(tok, actors) if trig.noun else _verb_target(trig, actors)
        if target is None and not trig.noun and _child(tok, {"xcomp"}) is not None:
            # "agreed to lift the sanctions on Iran": the agreed act's target (not the doer itself)
            aimed = _verb_target(_Trigger(_child(tok, {"xcomp"}), trig.entry, noun=False), actors)
            target = aimed if aimed is not None and (source is None or not _same(source, aimed)) else None
        if target is None and trig.noun and self._light_object(tok):
            # "gave permission to Russia": the light verb's "to" phrase or indirect object
            target = _prep_actor(tok.head, TARGET_PREPOSITIONS, actors) or _actor(_child(tok.head, {"dative"}), actors)
        if source is None:
            if not any(a.i in triggers for a in trig.token.ancestors):  # else: a consequence of that event
                yield from self._sourceless(trig, sent, article, actors, target)
            return
        if target is None and trig.noun:
            target = self._noun_fallback_target(tok, trig.entry, actors, source)
        if target is not None and not trig.noun and _same_country(source, target):
            # "withdraw its forces from Chad": the own forces are the means, Chad the target
            target = _prep_actor(tok, TARGET_PREPOSITIONS | {"from"}, actors) or target
        if target is None and trig.noun and not _explicit_source(tok, source) and not self._light_object(tok):
            if trig.entry.type not in UNAIMED_TYPES:
                return  # "oversees cooperation": a noun with neither its own doer nor a target
        sources = _coordinated(source, tok.doc, actors)
        targets = _coordinated(target, tok.doc, actors) if target is not None else [None]
        pairs = [(s, t) for s in sources for t in targets if t is None or not _same(s, t)]
        if trig.entry.type in MUTUAL_TYPES:
            pairs = _mutual(pairs, sources, reverse=trig.noun and trig.entry.mode == "meet")
        for src, tgt in pairs[:MAX_PAIRS]:
            yield self._build(trig, sent, article, src, tgt, actors)
            if trig.reverse is not None and tgt is not None:
                # "[032:033]": what the target does back to the source, coded beside it
                yield self._build(_Trigger(tok, trig.reverse, noun=False), sent, article, tgt, src, actors)

    def _sourceless(
        self, trig: _Trigger, sent: Span, article: Article, actors: ActorLookup, target: Mention | None
    ) -> Iterator[Event]:
        """Violence with a victim but no named doer ("three soldiers were killed by a roadside
        bomb") is still an event; anything else nobody did is not coded."""
        tok = trig.token
        # a noun's doer is its light verb's subject ("fundamentalists continued their strike")
        doer = _uncoded_doer(tok.head if self._light_object(tok) else tok) if not trig.noun or self._light_object(tok) else None
        if doer is not None:
            # a named doer the actors stage could not code ("Islamic fundamentalists"): kept as
            # an uncoded mention, so the event says who without guessing a code
            yield self._build(trig, sent, article, doer, target, actors)
            return
        if trig.entry.type not in ASSAULT_TYPES:
            return
        if target is None and trig.noun:
            target = self._noun_fallback_target(tok, trig.entry, actors, None)
        if target is not None:
            yield self._build(trig, sent, article, None, target, actors)

    def _noun_fallback_target(self, tok: Token, entry: EventEntry, actors: ActorLookup, source: Mention | None) -> Mention | None:
        """Target of an event noun from the clause around it: requests and threats go to the
        clause subject ("despite calls from the West" -> Russia); other nouns to the verb's
        object ("engaged X in a firefight", "X were killed in shelling"); protests to where
        they happen ("a protest in Beijing"), and so do shows of force ("exercises in Alaska")."""
        if entry.type in ADDRESSED_TYPES:
            return _clause_subject(tok, actors, source) or _addressee(tok, actors, source)
        verb = _governing_verb(tok)
        if verb is not None and tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            for dep in ("dobj", "nsubjpass"):
                mention = _actor(_child(verb, {dep}), actors)
                if mention is not None and (source is None or not _same(mention, source)):
                    return mention
        if entry.type in PLACE_TARGET_TYPES:
            return _prep_actor(tok, {"in", "at", "outside"}, actors) or (
                _prep_actor(verb, {"in", "at", "outside"}, actors) if verb is not None else None
            )
        return None

    def _light_object(self, tok: Token) -> bool:
        """The noun is the object of a light verb: "staged a protest", "launched an attack"."""
        return tok.dep_ == "dobj" and _light_verb(tok.head, self.lexicon)

    def _build(
        self, trig: _Trigger, sent: Span, article: Article, source: Mention | None, target: Mention | None, actors: ActorLookup
    ) -> Event:
        tok, entry = trig.token, trig.entry
        # "would not give permission": a light verb's negation is its noun's
        negated = _negated(tok) or (self._light_object(tok) and _negated(tok.head))
        event_type = _negated_type(entry) if negated else entry.type
        # a user pattern's code is final: its dictionary codes "will break ties" as it wrote it
        intended = not negated and event_type == entry.type and not trig.pattern and self._intended(tok)
        if intended:
            verb = tok.head if self._light_object(tok) else tok
            # "unless" makes an ultimatum; "if" only a conditional offer ("would meet if ...")
            entry = _intent_entry(entry, conditional=_conditional_clause(verb, ("unless",)))
            event_type = entry.type
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
            cameo=entry.cameo if event_type == entry.type else "120",
            negated=negated and event_type == entry.type,
            future=_has_aux(tok, FUTURE_AUX) or _going_to(tok),
            hypothetical=_has_aux(tok, HYPOTHETICAL_AUX) or _conditional(tok),
            historical=_historical(tok),
            trigger_start=tok.idx,
            trigger_end=tok.idx + len(tok.text),
            reported_by=self._reporter(tok, actors),
        )
        _add_circumstances(event, tok, sent, article)
        event.confidence = _confidence(event, trig)
        return event

    def _intended(self, tok: Token) -> bool:
        """The act is announced, not done: "will support", "is ready to withdraw",
        "plans to visit", "may halt aid if ..." (the trigger's own "will", an intent word
        above it, or a modal with a condition); a noun asks its light verb ("will extend the
        curfew")."""
        if self._light_object(tok):
            tok = tok.head
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return True
        if _has_aux(tok, CONDITIONAL_AUX) and _conditional_clause(tok):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and tok.dep_ == "ccomp":
            return tok.head.lemma_.lower() in self.lexicon.speech_verbs  # "said they would boycott"
        head = tok.head
        if tok.dep_ == "xcomp" and head.lemma_.lower() in self.lexicon.intent_words:
            return True
        return tok.dep_ == "xcomp" and head.dep_ == "acomp" and head.lemma_.lower() in self.lexicon.intent_words

    def _reporter(self, tok: Token, actors: ActorLookup) -> Mention | None:
        """Who reported the event: the subject of the speech verb it is the content of."""
        child = tok
        for _ in range(MAX_CLIMB):
            head = child.head
            if head is child:
                return None
            if head.lemma_.lower() in self.lexicon.speech_verbs and child.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                return _verb_source(head, actors)
            if head.lower_ == "to" and head.head.lower_ == "according":
                return _actor(child, actors)
            child = head
        return None

    # ------------------------------------------------------------------ "X said Y must ..."

    def _deontic_requests(self, sent: Span, article: Article, actors: ActorLookup) -> Iterator[Event]:
        for tok in sent:
            if not self._deontic(tok):
                continue
            speech = self._speech_ancestor(tok)
            if speech is None:
                continue
            source = _verb_source(speech, actors)
            target = _obliged(tok, actors)
            if source is None or target is None or _same(source, target):
                continue
            entry = _yield_request(tok, self.lexicon)
            event = self._build(_Trigger(tok, entry, noun=False), sent, article, source, target, actors)
            event.reported_by = None  # the speaker made the demand; nobody reported it
            event.hypothetical = False  # "must" is the demand itself, not a condition on it
            yield event

    def _deontic(self, tok: Token) -> bool:
        """A clause head of obligation: "must go", "should go", "would have to be observed"."""
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("ccomp", "conj"):
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in tok.children):
            return True
        if tok.lemma_.lower() in ("have", "need") and tok.lemma_.lower() in self.lexicon.deontic:
            return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children)
        return False

    def _speech_ancestor(self, tok: Token) -> Token | None:
        for head in list(tok.ancestors)[:MAX_CLIMB]:
            if head.lemma_.lower() in self.lexicon.speech_verbs and head.pos_ == "VERB":
                return head
        return None


# ---------------------------------------------------------------------- helpers


def warm_up() -> None:
    """Load the gazetteer and word lists now (seconds), not in the middle of the first article."""
    lookup("Kabul")
    find_dates("Tuesday", "2012-03-14")
    find_casualties("killing 2 people")



def _verb_files(dictionaries: list[str]) -> list[str]:
    """The verb dictionaries among the user's dictionary files (PETRARCH: *verbs*, CAMEO*)."""
    from .verbdict import is_verb_dictionary

    return [path for path in dictionaries if is_verb_dictionary(path)]


def _clause_heads(doc: Doc, char: int | None) -> set[int]:
    """Token indices of an obligation clause head and its complements ("must withdraw")."""
    tok = next((t for t in doc if t.idx == char), None)
    if tok is None:
        return set()
    return {tok.i} | {c.i for c in tok.children if c.dep_ == "xcomp"}


def _following_words(tok: Token) -> list[Token]:
    """Words of the verb's own phrase after it (particle, object, prepositional phrases), nearest
    first: where "call for", "restore ... ties" patterns find their second word."""
    words = [w for c in tok.rights if c.dep_ in PATTERN_ARCS for w in c.subtree]
    return sorted((w for w in words if w.i > tok.i and w.i - tok.i <= PATTERN_WINDOW), key=lambda w: w.i)


def _preceding_words(tok: Token) -> list[Token]:
    """The few words just before a verb, nearest first ("not" in "did not restore")."""
    words = []
    for i in range(tok.i - 1, max(-1, tok.i - 1 - PATTERN_WINDOW // 2), -1):
        words.append(tok.doc[i])
        if tok.doc[i].is_sent_start:
            break
    return [w for w in words if not w.is_punct]


def _codable(sent: Span) -> bool:
    """English prose of a sane length: mastheads, couplets and flattened tables are left out."""
    if len(sent) > MAX_SENTENCE_TOKENS:
        return False
    letters = [c for c in sent.text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) >= MIN_LATIN_SHARE


def _noun_key(tok: Token) -> str:
    """Lexicon key of a noun: its lemma, or "cease-fire" when spaCy split the hyphen."""
    if tok.i >= 2 and tok.nbor(-1).text == "-":
        return f"{tok.nbor(-2).lower_}-{tok.lemma_.lower()}"
    return tok.lemma_.lower()


def _noun_keys(tok: Token) -> list[str]:
    """Keys to try, most specific first: "hunger strike" (with its compound), then the noun."""
    keys = [f"{c.lower_} {tok.lemma_.lower()}" for c in tok.lefts if c.dep_ in ("compound", "amod")]
    return keys + [_noun_key(tok)]


def _in_name(tok: Token) -> bool:
    """A word inside a proper name ("Asia-Pacific Economic Cooperation", "Hamas Movement")
    names an organisation, not an event."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTITIES


def _participle(tok: Token) -> bool:
    """An adjectival participle used as a predicate: "Israel is opposed to ..."."""
    return tok.pos_ == "ADJ" and tok.tag_ == "VBN" and tok.dep_ in ("acomp", "ROOT")


def _requirements_met(tok: Token, entry: EventEntry) -> bool:
    if not entry.requires:
        return True
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass") and "object" in entry.requires:
            return True  # "returned the prisoners", not "returned to Geneva"
        if child.dep_ == "prep" and child.lower_ in entry.requires:
            return True
        if child.dep_ in ("acl", "relcl") and "to" in entry.requires and any(a.lower_ == "to" for a in child.children):
            return True
    return False


def _no_comment(tok: Token, lexicon: Lexicon) -> bool:
    """"declined to say" / "refused to comment": no event."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.no_comment for c in tok.children)


def _light_verb(tok: Token, lexicon: Lexicon) -> bool:
    """``tok`` is a light verb; regular inflections count too, since the lemmatizer sometimes
    misses them ("staged" -> "stag")."""
    word = tok.lower_
    forms = {tok.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return tok.pos_ in ("VERB", "AUX") and bool(forms & lexicon.light_verbs)


def _toll(child: Token, tok: Token, head: _Trigger, triggers: dict[int, _Trigger]) -> bool:
    """"bombarded the city, killing eight": the killing is the attack's toll, not a second
    attack (its dead are counted on the attack)."""
    own = triggers.get(tok.i)
    return (
        child is tok
        and child.dep_ == "advcl"
        and child.tag_ == "VBG"
        and head.entry.type == "ASSAULT"
        and own is not None
        and own.entry.type == "ASSAULT"
        and _child(child, {"nsubj"}) is None
    )


def _wished_act(tok: Token) -> Token | None:
    """The infinitive someone else is wished to do: "wants Putin to attack" (Putin the object
    of "wants", or the subject of "to attack")."""
    for child in tok.children:
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
        if child.dep_ == "xcomp" and infinitive and _child(tok, {"dobj"}) is not None:
            return child
        if child.dep_ == "ccomp" and infinitive and _child(child, {"nsubj"}) is not None:
            return child
    return None


def _purpose(child: Token) -> bool:
    """A purpose infinitive: "met to discuss", "blocked roads to press their demands"."""
    return child.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)


def _content_arc(child: Token) -> bool:
    """The arc makes ``child`` what its head event is about, or what it is for: "met to
    discuss", "staged a strike to demand" (a purpose infinitive is the aim, not a second act)."""
    if child.dep_ in CONTENT_ARCS:
        return True
    if _purpose(child):
        return True
    return child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS


def _actor(tok: Token | None, actors: ActorLookup) -> Mention | None:
    """The actor a noun phrase headed by ``tok`` names: the head's own mention, else one in its
    possessor, compound or adjective ("Assad's regime", "Russian diplomats"), else the first
    conjunct that has one ("government forces and the opposition")."""
    if tok is None:
        return None
    if tok.lower_ in RELATIVE_PRONOUNS and tok.dep_ in SUBJECTS and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.pos_ == "PRON":
        return actors.resolve_pronoun(tok)
    if tok.pos_ == "NUM" or tok.lemma_.lower() in PARTITIVES:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and _pobj(of) is not None:
            return _actor(_pobj(of), actors)  # "hundreds of UN troops"
    mention = actors.mention_for_token(tok)
    if mention is not None and mention.code:
        return mention
    modifiers = _modifier_actors(tok, actors)  # "Russian military personnel"
    if modifiers:
        return modifiers[0]
    for child in tok.children:
        if child.dep_ == "conj":
            return _actor(child, actors)
    if tok.pos_ == "NOUN":
        # "doctors from two American aid groups", "leaders of the opposition": the group named
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of") and _pobj(child) is not None:
                return _actor(_pobj(child), actors)
    return None


def _child(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, {"pobj", "pcomp"})


def _verb_source(tok: Token, actors: ActorLookup) -> Mention | None:
    """The doer of a verb: its active subject, a passive's "by" agent, or the subject it shares
    with the verb it depends on ("agreed to withdraw", "was led by X and has supplied")."""
    agent = _child(tok, {"agent"})
    if agent is not None:
        return _actor(_pobj(agent), actors)
    subject = _child(tok, {"nsubj", "csubj"})
    if subject is not None:
        return _actor(subject, actors)
    if _active_participle(tok):
        return _actor(tok.head, actors)  # "demonstrators protesting the results": the demonstrators
    if _child(tok, {"nsubjpass"}) is not None and _stative(tok):
        return _actor(_child(tok, {"nsubjpass"}), actors)  # "Israel is opposed to X": Israel opposes
    if _child(tok, {"nsubjpass"}) is not None:
        # a passive without agent does not say who did it, unless where it came from does
        # ("a mortar bomb was fired at it from the Gaza Strip")
        return _prep_actor(tok, {"from"}, actors) if tok.lemma_.lower() in FROM_SOURCE_VERBS else None
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "xcomp" and _child(tok.head, {"dobj"}) is not None:
            return _actor(_child(tok.head, {"dobj"}), actors)  # "urged X to withdraw": X
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acomp") or tok.head is tok:
            return None
        tok = tok.head
        shared = _child(tok, {"nsubj", "nsubjpass", "csubj"})  # the grammatical subject is shared
        if shared is not None:
            return _actor(shared, actors)
    return None


def _stop_key(tok: Token, stopping: frozenset[str]) -> str:
    """A verb's key among the stopping verbs: "call off" with its particle when listed so,
    else the lemma ("cut off aid" is "cut")."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    phrase = f"{tok.lemma_.lower()} {particle}"
    return phrase if particle and phrase in stopping else tok.lemma_.lower()


def _active_participle(tok: Token) -> bool:
    """An "-ing" verb modifying a noun that does it: "rebels fighting the army"."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN")


def _stative(tok: Token) -> bool:
    """A passive form that states the subject's stance: "is opposed to", "is committed to"."""
    return tok.lemma_.lower() in STATIVE_PASSIVES and _child(tok, {"agent"}) is None


def _verb_target(trig: _Trigger, actors: ActorLookup) -> Mention | None:
    """Whom a verb acts on: its object (or the passive subject), else the object of the
    phrasal particle ("call for"), a dative or a targeting preposition; for a user pattern,
    else the first actor after the verb."""
    tok = trig.token
    slot = _pobj(trig.particle) if trig.placed and trig.particle is not None else None
    placed = _phrase_actor(slot, actors) if slot is not None else None
    if placed is not None:
        return placed  # "warned their populations about +": the pattern says where the target is
    for dep in ("dobj", "dative", "iobj") if _stative(tok) else ("dobj", "nsubjpass", "dative", "iobj"):
        child = _child(tok, {dep})
        if child is not None:
            node = _pobj(child) if child.pos_ == "ADP" else child
            mention = _actor(node, actors)
            if mention is not None:
                return mention
    if trig.particle is not None and trig.particle.dep_ == "prep":
        found = _actor(_pobj(trig.particle), actors)
        return found if found is not None or not trig.pattern else _right_actor(tok, actors)
    direct = _prep_actor(tok, TARGET_PREPOSITIONS | VERB_ONLY_PREPOSITIONS, actors)
    obj = _child(tok, {"dobj"})
    # "welcomed a resumption of ties with Osgiliath": the first actor inside the object phrase
    found = direct or (_phrase_actor(obj, actors) if obj is not None else None)
    clause = _child(tok, {"ccomp"})
    # "warned that Iran would face sanctions": the subject of the clause it is about
    found = found or (_actor(_child(clause, {"nsubj", "nsubjpass"}), actors) if clause is not None else None)
    return found if found is not None or not trig.pattern else _right_actor(tok, actors)


def _right_actor(tok: Token, actors: ActorLookup) -> Mention | None:
    """The first actor breadth-first among the words after a verb, not entering clauses,
    subjects or modifiers of the verb: a user pattern has matched its words, so an actor the
    parser hung elsewhere ("sent aid worth millions to the people of X") is still its target."""
    queue = [c for c in tok.rights if c.dep_ not in PATTERN_FALLBACK_SKIP]
    while queue:
        node = queue.pop(0)
        mention = _actor(node, actors) if node.pos_ != "PRON" else None
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


def _phrase_actor(head: Token, actors: ActorLookup) -> Mention | None:
    """The first actor named inside a noun phrase, through its prepositions but not into
    clauses hanging on it ("an agreement with the EU", "ties between X and Y")."""
    queue = [head]
    while queue:
        node = queue.pop(0)
        # a possessive pronoun ("their resumption") points back at the doer, not a target
        mention = _actor(node, actors) if node.pos_ != "PRON" else None
        if mention is not None:
            return mention
        queue += [c for c in node.children if c.dep_ in PHRASE_ARCS]
    return None


def _prep_actor(tok: Token, prepositions: set[str], actors: ActorLookup) -> Mention | None:
    for child in tok.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in prepositions:
            mention = _actor(_pobj(child), actors)
            if mention is not None:
                return mention
    return None


def _modifier_actors(tok: Token, actors: ActorLookup) -> list[Mention]:
    """Actors written before a noun: "Assad's", "Israeli", "Russian-Syrian" (two)."""
    found: list[Mention] = []
    modifiers = [c for c in tok.lefts if c.dep_ in MODIFIER_ARCS]
    modifiers += [g for c in modifiers for g in c.lefts if g.dep_ in MODIFIER_ARCS]  # "Russian-Syrian"
    for child in sorted(modifiers, key=lambda t: t.i):
        if child.dep_ in MODIFIER_ARCS:
            mention = actors.mention_for_token(child)
            if mention is not None and mention.code and not any(_same(mention, m) for m in found):
                found.append(mention)
    return found


def _explicit_source(tok: Token, source: Mention) -> bool:
    """The source is written on the noun itself, not borrowed from the verb above it."""
    return tok.left_edge.idx <= source.start and source.end <= tok.right_edge.idx + len(tok.right_edge.text)


def _noun_source(tok: Token, actors: ActorLookup) -> Mention | None:
    """The doer of an event noun: possessor ("Assad's crackdown"), "by"/"from" phrase,
    an actor adjective ("Israeli airstrikes"), else the subject of the verb it hangs on."""
    modifiers = _modifier_actors(tok, actors)
    if modifiers:
        return modifiers[0]
    mention = _prep_actor(tok, SOURCE_PREPOSITIONS, actors)
    if mention is not None:
        return mention
    if tok.dep_ == "dobj" and _recipient(tok.head):
        return _prep_actor(tok.head, SOURCE_PREPOSITIONS, actors)  # the subject received it
    verb = _governing_verb(tok)
    return _verb_source(verb, actors) if verb is not None else None


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a noun that has a subject: "has no intention of curtailing
    cooperation" -> has."""
    node = tok
    for _ in range(MAX_CLIMB):
        head = node.head
        if head is node:
            return None
        if head.pos_ in ("VERB", "AUX") and _child(head, {"nsubj", "nsubjpass", "agent"}) is not None:
            return head
        if head.dep_ in ("nsubj", "nsubjpass") or head.dep_ in CLAUSE_ARCS:
            return None  # inside a subject or another clause: that verb says nothing of the doer
        node = head
    return None


def _noun_target(tok: Token, actors: ActorLookup) -> Mention | None:
    """Whom an event noun is aimed at: "crackdown on X", "talks with X", or the second of two
    actor modifiers ("Russian-Syrian cooperation")."""
    modifiers = _modifier_actors(tok, actors)
    if len(modifiers) > 1:
        return modifiers[1]
    mention = _prep_actor(tok, TARGET_PREPOSITIONS | {"of"}, actors)
    if mention is None and tok.dep_ == "dobj" and _recipient(tok.head):
        return _verb_source(tok.head, actors)  # "Obama faces pressure": aimed at Obama
    return mention


def _recipient(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in RECIPIENT_VERBS


def _addressee(tok: Token, actors: ActorLookup, source: Mention) -> Mention | None:
    """Requests and threats hanging on a clause are addressed to its subject: "Russia has no
    intention ... despite calls from the West" -> the calls target Russia."""
    verb = _governing_verb(tok)
    if verb is None or tok.dep_ in ("dobj", "nsubj"):
        return None
    subject = _actor(_child(verb, {"nsubj"}), actors)
    return subject if subject is not None and not _same(subject, source) else None


def _clause_subject(tok: Token, actors: ActorLookup, source: Mention | None) -> Mention | None:
    """The subject of a clause spelling out a demand or threat: "its demand that Israel ease
    restrictions" -> Israel."""
    clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp")]
    if tok.dep_ == "dobj":  # "reiterated its demand that X ...": the clause hangs on the verb
        clauses += [c for c in tok.head.children if c.dep_ == "ccomp"]
    for clause in clauses:
        subject = _actor(_child(clause, {"nsubj", "nsubjpass"}), actors)
        if subject is not None and (source is None or not _same(subject, source)):
            return subject
    return None


def _obliged(tok: Token, actors: ActorLookup) -> Mention | None:
    """Who must act in an obligation clause: the subject, or the "by" agent of a passive."""
    for node in [tok] + [c for c in tok.children if c.dep_ == "xcomp"]:
        agent = _child(node, {"agent"})
        if agent is not None:
            mention = _actor(_pobj(agent), actors)
            if mention is not None:
                return mention
    return _actor(_child(tok, {"nsubj"}), actors)


def _yield_request(tok: Token, lexicon: Lexicon) -> EventEntry:
    """A demand; a demand to yield (CAMEO 105x) when the clause names a retreat or ceasefire."""
    for node in tok.subtree:
        entry = lexicon.nouns.get(_noun_key(node)) or lexicon.verbs.get(node.lemma_.lower())
        if entry is not None and entry.type in ("RETREAT", "CONCEDE"):
            return EventEntry("REQUEST", "1056" if "military" in entry.context else "105", "yield", entry.context)
    return EventEntry("REQUEST", "100")


def _coordinated(mention: Mention, doc: Doc, actors: ActorLookup) -> list[Mention]:
    """The mention and its coordinated partners: "Brazil and the United States", "US and
    British activists" (a nested mention of another country)."""
    found = [mention]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return found
    nested = [m for m in getattr(actors, "mentions", []) if mention.start <= m.start and m.end <= mention.end]
    partners = [_actor(c, actors) for c in [*span.root.conjuncts, *_listed(span.root)]] + nested
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


def _intent_entry(entry: EventEntry, conditional: bool = False) -> EventEntry:
    """An announced cooperative act is an AGREE (CAMEO 03, "express intent to ..."); an
    announced hostile one, or any announced act with an "unless" condition, a THREATEN
    (CAMEO 13); other types stay as they are."""
    if conditional and entry.type in INTENT_AGREE:
        return EventEntry("THREATEN", "130", entry.mode, entry.context)
    if entry.type in INTENT_AGREE:
        return EventEntry("AGREE", INTENT_AGREE[entry.type], entry.mode, entry.context)
    if entry.type in INTENT_THREATEN:
        return EventEntry("THREATEN", INTENT_THREATEN[entry.type], entry.mode, entry.context)
    return entry


def _listed(root: Token) -> list[Token]:
    """Items of a list the parser read as an apposition: "The US, Russia, and Switzerland"
    (Russia an appos of US, Switzerland its conjunct); places only, and only with a conjunct, so
    "Kabul, Afghanistan" stays one place."""
    items = [c for c in root.children if c.dep_ == "appos" and c.conjuncts and {c.ent_type_, root.ent_type_} == {"GPE"}]
    return [t for c in items for t in (c, *c.conjuncts)]


def _mutual(pairs: list, sources: list[Mention], reverse: bool) -> list:
    """Joint acts are mutual: "X, Y and Z met" or "X and Y deepened their partnership" is
    each pair; with ``reverse``, "X held talks with Y" is also Y with X ("X met Y" stays X->Y,
    as CAMEO codes it)."""
    if all(t is None for _, t in pairs) and len(sources) > 1:
        return [(a, b) for a in sources for b in sources if a is not b]
    return pairs + [(t, s) for s, t in pairs if t is not None] if reverse else pairs


def _uncoded_doer(tok: Token) -> Mention | None:
    """The verb's own noun subject as a Mention without code, when it names someone: a
    proper name or a plural noun of people ("fundamentalists", "Judge Rivera")."""
    subject = _child(tok, {"nsubj"}) or (tok.head if _active_participle(tok) else None)
    if subject is not None and subject.lemma_.lower() in PARTITIVES:
        # "hundreds of students", "a group of refugees": the people in the "of" phrase
        subject = next((_pobj(c) for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if subject is None or not (subject.pos_ == "PROPN" or subject.tag_ == "NNS"):
        return None
    span = tok.doc[subject.left_edge.i : subject.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, kind="group")


def _same_country(a: Mention, b: Mention) -> bool:
    return bool(a.code and b.code) and a.code[:3] == b.code[:3]


def _same(a: Mention, b: Mention) -> bool:
    return (a.start, a.end) == (b.start, b.end) or (a.actor_id is not None and a.actor_id == b.actor_id)


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    # "did not agree to withdraw" / "failed to agree": the negation sits on the governing verb
    return tok.dep_ == "xcomp" and (
        any(c.dep_ == "neg" for c in tok.head.children) or tok.head.lemma_.lower() in FAILURE_VERBS
    )


def _aux_words(tok: Token) -> set[str]:
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.dep_ == "xcomp":
        words |= {c.lower_ for c in tok.head.children if c.dep_ == "aux"}
    return words


def _has_aux(tok: Token, words: set[str]) -> bool:
    return bool(_aux_words(tok) & words)


def _going_to(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and tok.head.lower_ == "going"


def _conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def _negated_type(entry: EventEntry) -> str:
    """"would not provide support", "wouldn't agree": refusing a cooperative act is a REJECT
    (CAMEO 12); other negated acts keep their type, flagged ``negated``."""
    if entry.negated:
        return entry.negated
    return "REJECT" if entry.type in COOPERATIVE_TYPES else entry.type


def _conditional_clause(tok: Token, marks: tuple[str, ...] = ("unless", "if")) -> bool:
    """An "unless ..." or "if ..." clause (or one of ``marks``) hangs on the act."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children) for c in tok.children)


def _historical(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in HISTORICAL_ADVERBS for c in tok.children)


def _add_circumstances(event: Event, tok: Token, sent: Span, article: Article) -> None:
    """Date, place and (for violence) casualties from the trigger's clause or sentence."""
    event.date = _nearest_date(sent, tok, article.published)
    event.location = location_in(tok.subtree) or location_in(sent)
    if event.type in ASSAULT_TYPES:
        clause = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
        counts = find_casualties(clause)
        event.dead, event.injured = counts.dead, counts.injured


def _nearest_date(sent: Span, tok: Token, published: str | None) -> str | None:
    """The date expression of the sentence nearest the trigger, else the publication date."""
    dates = find_dates(sent.text, published)
    if not dates:
        return published[:10] if published else None
    offset = tok.idx - sent.start_char
    return min(dates, key=lambda d: abs(d.start - offset)).value


def _confidence(event: Event, trig: _Trigger) -> float:
    """A rough 0-1 score: verbs with both actors in the lexicon's own sense rank highest."""
    score = 0.6 if not trig.noun else 0.5
    score += 0.2 if event.target is not None else 0.0
    score -= 0.1 if (event.hypothetical or event.negated) else 0.0
    score += 0.1 if event.reported_by is None else 0.0
    score -= 0.2 if event.source is None else 0.0
    return round(min(max(score, 0.05), 0.95), 2)
