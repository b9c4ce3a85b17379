"""Context-free resolution of an actor string to (country, PLOVER sector) with the KB alone,
plus Chronicle's country names/demonyms and role nouns (data/actors/agents.yaml + data/kb/roles.yaml).
Used by ``chronicle kb eval`` (the actor-strings test set) and as the KB's answer to a mention."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Optional

import yaml

from chronicle.kb import KnowledgeBase, fold

__all__ = ["Resolution", "StringResolver"]

_DATA = resources.files("chronicle") / "data"


@dataclass
class Resolution:
    country: Optional[str]
    sector: Optional[str]
    how: str  # kb | role | country | non-actor | none
    name: str = ""


def _lemma(word: str) -> str:
    for suf, rep in (("ies", "y"), ("men", "man"), ("ses", "s"), ("s", "")):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            return word[: -len(suf)] + rep
    return word


class StringResolver:
    """Resolve "Pakistani police", "Shehbaz Sharif", "PTI", "Monday" to (country, sector)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.countries: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        for iso, c in yaml.safe_load((_DATA / "actors/countries.yaml").read_text("utf-8")).items():
            for n in (c.get("names") or []) + (c.get("adjectives") or []):
                self.countries.setdefault(fold(n), iso)
            for n in c.get("capitals") or []:
                self.capitals.setdefault(fold(n), iso)
        self.roles: dict[str, str] = {}
        for name in ("actors/agents.yaml", "kb/roles.yaml"):
            f = _DATA / name
            if not f.is_file():
                continue
            for sector, nouns in (yaml.safe_load(f.read_text("utf-8")) or {}).items():
                if not isinstance(nouns, list):
                    continue
                for n in nouns:
                    self.roles.setdefault(" ".join(_lemma(w) for w in fold(n).split()), sector)

    def resolve(self, text: str, date: Optional[str] = None) -> Resolution:
        if self.kb.is_non_actor(text) or text.strip().startswith("#"):
            return Resolution(None, None, "non-actor")
        hits = self.kb.lookup(text, date)
        if hits:
            # our own lexicons (dated people, default parties) before the Factbook's namesakes
            own = [e for e in hits if e.source.startswith("chronicle:")]
            hits = ([e for e in own if e.roles and any(r.start or r.end for r in e.roles)] or own or hits)
            votes = Counter((e.country, e.sector) for e in hits)
            (country, sector), _ = votes.most_common(1)[0]
            return Resolution(country, sector, "kb", hits[0].name)
        words = fold(text).split()
        # longest country prefix ("South Korean", "United States") then a role noun
        for i in range(len(words), 0, -1):
            head = " ".join(words[:i])
            iso = self.countries.get(head) or self.capitals.get(head)
            if iso:
                rest = words[i:]
                if not rest:
                    sector = "GOV" if head in self.capitals else None
                    return Resolution(iso, sector, "country")
                sector = self._role(rest)
                if sector:
                    return Resolution(iso, sector, "role")
                hits = self.kb.lookup(" ".join(rest), date)
                if hits:
                    return Resolution(iso, hits[0].sector, "kb")
                return Resolution(iso, None, "country")
        sector = self._role(words)
        if sector:
            return Resolution(None, sector, "role")
        return Resolution(None, None, "none")

    def _role(self, words: list[str]) -> Optional[str]:
        lem = [_lemma(w) for w in words]
        for i in range(len(lem)):  # longest tail first: "riot police" before "police"
            s = self.roles.get(" ".join(lem[i:]))
            if s:
                return s
        return None
