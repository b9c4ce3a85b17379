"""The people an arrest is made on: suspects.

In: an arrest verb's token (a COERCE entry of mode ``arrest``: "arrested", "detained"), its doer
and the target the roles found (or None). Out: the target as a suspect, or None.

Police arresting a private person ("arrested Elizabeth Burton, 32, of 1119 Eighth St.") or
plain people ("arrested six people", "detained two men") arrest suspects: the PLOVER sector of
individual criminals (CRM), in the country of the police or court that holds them when the
person's own is not known. A person or group with a sector of its own (an opposition leader,
protesters, journalists) keeps it: "police arrested six protesters" stays civilians. The nouns
of plain people are ``suspect_nouns`` in ``data/verbs/event_words.yaml``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from chronicle.model import Mention

from ..dictionaries import is_iso
from ..syntax import child_with
from .words import load_event_words

SUSPECT_SECTOR = "CRM"
HOLDING_SECTORS = frozenset({"COP", "JUD", "SPY"})  # who arrests in the ordinary course of the law
PLAIN_SECTORS = frozenset({None, "CVL"})  # no affiliation of its own to keep


def suspects(tok: Token, mode: str | None, source: Mention, target: Mention | None) -> Mention | None:
    """The arrest's target as a suspect (see the module docstring); None when it is not one."""
    if mode != "arrest" or source.sector not in HOLDING_SECTORS:
        return None
    held = child_with(tok, {"dobj", "nsubjpass"})
    if held is None:
        return None
    plain = held.ent_type_ == "PERSON" or held.lemma_.lower() in load_event_words().suspect_nouns
    if not plain:
        return None
    country = source.country if is_iso(source.country) else None
    if target is not None:
        if target.sector not in PLAIN_SECTORS or target.kind not in ("person", "group"):
            return None
        own = target.country or country
        return replace(target, sector=SUSPECT_SECTOR, country=own, code=(own or "") + SUSPECT_SECTOR)
    span = tok.doc[held.left_edge.i : held.i + 1]
    return Mention(text=span.text, start=span.start_char, end=span.end_char, code=(country or "") + SUSPECT_SECTOR,
                   country=country, sector=SUSPECT_SECTOR, kind="person" if held.ent_type_ == "PERSON" else "group")
