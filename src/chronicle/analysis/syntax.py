"""Dependency-tree lookups shared by event trigger, role and mode finding.

In: spaCy tokens of a parsed sentence. Out: a token's child by arc, a preposition's object,
and the arc sets (subjects, clauses) and climb limit the event modules agree on.
"""

from __future__ import annotations

from spacy.tokens import Token

# Climbing from an event noun to the verb whose subject did it stops after this many arcs.
MAX_CLIMB = 6
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_ARCS = {"ccomp", "relcl", "advcl", "parataxis", "acl"}


def child_with(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def pobj_of(prep: Token) -> Token | None:
    return child_with(prep, {"pobj", "pcomp"})
