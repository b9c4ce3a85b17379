"""Shared pieces of the event evaluations: precision/recall/F1 counts overall and per type,
actor-code comparison on the first three letters, and running the analyzer on gold sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from chronicle.config import Config
from chronicle.model import Analysis, Article


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float | int]:
        """precision, recall, f1 and the raw counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class TypeScores:
    """Counts overall and per PLOVER type (a false positive counts for its predicted type,
    a miss for its gold type)."""

    overall: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)

    def add(self, event_type: str, kind: str) -> None:
        for counts in (self.overall, self.per_type.setdefault(event_type, Counts())):
            setattr(counts, kind, getattr(counts, kind) + 1)

    def figures(self) -> dict:
        return {
            "overall": self.overall.figures(),
            "per_type": {t: c.figures() for t, c in sorted(self.per_type.items())},
        }


def same_actor(gold: str | None, predicted: str | None) -> bool:
    """Gold and predicted actor codes agree on their first three letters; a gold ``---`` or
    empty code matches anything."""
    if not gold or gold.startswith("---"):
        return True
    return bool(predicted) and predicted[:3].upper() == gold[:3].upper()


Triple = tuple[str | None, str | None, str]  # (source code, target code, event type)


def match_triples(gold: list[Triple], predicted: list[Triple], scores: TypeScores) -> int:
    """Pair gold and predicted (source, target, type) triples one to one; add tp/fp/fn to
    ``scores``; return the number matched."""
    left = list(predicted)
    matched = 0
    for g_source, g_target, g_type in gold:
        hit = next(
            (p for p in left if p[2] == g_type and same_actor(g_source, p[0]) and same_actor(g_target, p[1])),
            None,
        )
        if hit is None:
            scores.add(g_type, "fn")
        else:
            left.remove(hit)
            scores.add(g_type, "tp")
            matched += 1
    for p in left:
        scores.add(p[2], "fp")
    return matched


def sentence_article(key: str, text: str, date: str | None) -> Article:
    """A one-sentence Article for sentence-level gold sets (date as YYYYMMDD or ISO)."""
    if date and len(date) == 8 and date.isdigit():
        date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
    body = " ".join(text.split())
    return Article(id=f"gold-{key}", source=key, body=body, published=date, language="en")


def analyze_all(articles: Iterable[Article], config: Config, strict: bool = True) -> dict[str, Analysis]:
    """Analysis (without quotes) of each article by id, through one Analyzer run;
    ``strict=False`` for third-party dictionaries that carry a few malformed lines."""
    from chronicle.analysis import Analyzer

    articles = list(articles)
    analyzer = Analyzer(config, quotes=False, strict=strict)
    return {a.article_id: a for a in analyzer.analyze(articles, raise_failures=True)}


def event_triples(analysis: Analysis) -> list[Triple]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.type)
        for e in analysis.events
    ]


def load_cameo2plover(path: str) -> dict[str, str]:
    """CAMEO code -> PLOVER type from the ontology's ``CAMEO2PLOVER`` table
    (lines ``CODE: TYPE, mode, context # label``); codes it gives no type are absent."""
    table: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            body = line.split("#", 1)[0]
            if ":" not in body:
                continue
            code, _, rest = body.partition(":")
            event_type = rest.split(",")[0].strip()
            if code.strip().isdigit() and event_type.isalpha() and event_type.isupper():
                table[code.strip()] = event_type
    return table


def plover_type(code: str, table: dict[str, str]) -> str | None:
    """PLOVER type of a CAMEO code by the ontology table: the code, else its shorter prefixes."""
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None
