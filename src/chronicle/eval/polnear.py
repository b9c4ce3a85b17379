"""PolNeAR attribution gold (brat standoff) and the quote scorer behind ``chronicle eval polnear``.

In: a folder ``PATH`` holding ``text/*.txt`` and ``attributions/*.ann`` (PolNeAR's dev or train
split). Out: a dict of figures (direct-quote and all-attribution P/R/F1, speaker accuracy, errors).

Matching rule (the same for every tool we compare against): a predicted quote is *found* when more
than half of its characters lie inside one gold content span; a gold span is *recalled* when at
least one predicted quote is found inside it. The speaker of a found quote is right when the
predicted speaker span overlaps the gold source span, or its name shares a word with the gold
source text (the same entity named elsewhere). *Direct* gold spans are content spans whose text,
after trimming spaces and trailing punctuation, is wrapped in quote marks: the first non-space
character at or just before the start is an opening mark and the last one at or just after the end
is a closing mark (see ``is_direct``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, load_config
from ..model import Article, Failure, Quote

OPENING = "\"“«„‘'"
CLOSING = "\"”»“’'"


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: content fragments, and the source span if annotated."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _spans(field_text: str) -> list[tuple[int, int]]:
    """'3080 3273;3276 3665' -> [(3080, 3273), (3276, 3665)]."""
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return sorted(out)  # fragments are not always listed in text order


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Brat standoff text -> attributions tied by their ``E`` lines (content required)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), ("", []))[1]
        cue = spans.get(roles.get("Cue", ""), ("", []))[1]
        out.append(GoldAttribution(content=content[1], source=source, cue=cue))
    return out


def is_direct(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is wrapped in quote marks (marks inside or just outside)."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    j = end
    while j > i and (text[j - 1].isspace() or text[j - 1] in ".,;:!?—-"):
        j -= 1
    opens = text[i : i + 1] in tuple(OPENING) or _prev_char(text, i) in OPENING
    closes = text[j - 1 : j] in tuple(CLOSING) or _next_char(text, end) in CLOSING
    return bool(opens and closes and j - i > 2)


def _prev_char(text: str, i: int) -> str:
    i -= 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return text[i] if i >= 0 else ""


def _next_char(text: str, j: int) -> str:
    while j < len(text) and text[j] in " .,;:!?":
        j += 1
    return text[j] if j < len(text) else ""


def load_split(path: str | Path) -> list[GoldArticle]:
    """A PolNeAR split folder (or the PolNeAR folder: its ``dev`` split) -> its articles with
    gold attributions, sorted by name."""
    root = Path(path)
    if not (root / "attributions").is_dir() and (root / "dev" / "attributions").is_dir():
        root = root / "dev"
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for ann_path in sorted((root / "attributions").glob("*.ann")):
        # annotation files carry an annotator suffix (``_ef2d``) that the text file lacks
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann_path.stem)
        text_path = root / "text" / f"{stem}.txt"
        # a few articles were annotated by every annotator (agreement checks): keep the first
        if stem in seen or not text_path.is_file():
            continue
        seen.add(stem)
        text = text_path.read_text(encoding="utf-8")
        attributions = parse_ann(ann_path.read_text(encoding="utf-8"))
        for a in attributions:
            a.direct = is_direct(text, a.content[0][0], a.content[-1][1])
        articles.append(GoldArticle(stem, text, attributions))
    return articles


# --------------------------------------------------------------------------- scoring


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """How many characters of [start, end) lie inside ``spans``."""
    return sum(max(0, min(end, b) - max(start, a)) for a, b in spans)


def _best_gold(quote: Quote, golds: list[GoldAttribution]) -> int | None:
    """Index of the gold attribution holding more than half of the quote, or None."""
    length = max(1, quote.end - quote.start)
    best, best_chars = None, length / 2
    for i, gold in enumerate(golds):
        chars = _inside(quote.start, quote.end, gold.content)
        if chars > best_chars:
            best, best_chars = i, chars
    return best


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _NOT_NAMES}


# words a speaker name and a source span may share without naming the same entity
_NOT_NAMES = {"the", "and", "his", "her", "its", "their", "who", "said", "also", "former", "new"}


def speaker_right(quote: Quote, gold: GoldAttribution, text: str) -> bool:
    """The speaker overlaps the gold source span, or its name shares a name word with it."""
    speaker = quote.speaker
    if speaker is None or not gold.source:
        return False
    if _inside(speaker.start, speaker.end, gold.source) > 0:
        return True
    source_words = _words(" ".join(text[a:b] for a, b in gold.source))
    return bool(_words(speaker.name or speaker.text) & source_words)


@dataclass
class _Tally:
    """Counts behind one precision / recall / F1 figure."""

    pred: int = 0
    pred_found: int = 0
    gold: int = 0
    gold_found: int = 0

    def figures(self) -> dict[str, float | int]:
        p = self.pred_found / self.pred if self.pred else 0.0
        r = self.gold_found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "predicted": self.pred, "gold": self.gold}


@dataclass
class PolnearScore:
    """Running totals over articles; ``as_dict`` gives the published figures."""

    direct: _Tally = field(default_factory=_Tally)
    everything: _Tally = field(default_factory=_Tally)
    speaker_checked: int = 0
    speaker_right: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, article: GoldArticle, quotes: list[Quote]) -> None:
        """Score one article's predicted quotes against its gold attributions."""
        self.articles += 1
        golds = article.attributions
        direct_golds = [g for g in golds if g.direct]
        self._tally(self.everything, quotes, golds)
        direct = [q for q in quotes if q.kind == "direct"]
        self._tally(self.direct, direct, direct_golds)
        for q in direct:
            hit = _best_gold(q, direct_golds)
            if hit is not None and direct_golds[hit].source:
                self.speaker_checked += 1
                self.speaker_right += speaker_right(q, direct_golds[hit], article.text)

    @staticmethod
    def _tally(tally: _Tally, quotes: list[Quote], golds: list[GoldAttribution]) -> None:
        hits = [_best_gold(q, golds) for q in quotes]
        tally.pred += len(quotes)
        tally.pred_found += sum(h is not None for h in hits)
        tally.gold += len(golds)
        tally.gold_found += len({h for h in hits if h is not None})

    def as_dict(self) -> dict:
        accuracy = self.speaker_right / self.speaker_checked if self.speaker_checked else 0.0
        return {
            "articles": self.articles,
            "errors": len(self.errors),
            "failed_articles": self.errors,
            "direct": self.direct.figures(),
            "all": self.everything.figures(),
            "speaker": {"checked": self.speaker_checked, "right": self.speaker_right,
                        "accuracy": round(accuracy, 4)},
        }


def evaluate(path: str | Path, config: Config | None = None, limit: int | None = None) -> dict:
    """Run the actors and quotes stages over a PolNeAR split folder and score the quotes (see the
    module docstring). ``limit`` keeps the first N articles (for quick checks on the 840-article
    train split)."""
    from ..analysis import Analyzer

    config = config or load_config()
    analyzer = Analyzer(config, components=["actors", "quotes"])
    gold_articles = load_split(path)[:limit]
    score = PolnearScore()
    articles = [Article(id=gold.name, source=gold.name, body=gold.text) for gold in gold_articles]
    for gold, result in zip(gold_articles, analyzer.analyze(articles)):
        if isinstance(result, Failure):  # counted: the figure says no article fails
            score.errors.append(f"{gold.name}: {result.reason}")
            quotes = []
        else:
            quotes = result.quotes
        score.add(gold, quotes)
    return score.as_dict()
