"""Scorer of the Zyte article-extraction benchmark (AEB): body F1 over word 4-gram shingles.

Follows the benchmark's published metric (scrapinghub/article-extraction-benchmark,
``evaluate.py``): words are ``\\w+`` runs (case kept), shingles are word 4-grams counted as a
multiset, each page's TP/FP/FN are normalised to sum to 1 so long pages weigh no more than short
ones, precision and recall are averaged over pages, and F1 is the harmonic mean of those averages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from chronicle.errors import ReaderError
from chronicle.model import Document
from chronicle.readers.html import read_html

_WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass
class PageScore:
    """One page's share of true positives, false positives and false negatives (sum 1, or all 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Word ``size``-grams of ``text`` as a multiset; a text shorter than ``size`` words is one shingle."""
    words = _WORD.findall(text or "")
    count = max(1, len(words) - size + 1)
    return Counter(tuple(words[i : i + size]) for i in range(count) if words[i : i + size])


def score_page(true: str | None, pred: str | None) -> PageScore:
    """Compare a predicted body with the gold body of one page."""
    gold, got = shingles(true), shingles(pred)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def aggregate(pages: list[PageScore]) -> dict[str, float]:
    """Mean precision and recall over pages (pages with nothing predicted / nothing true skipped),
    their F1 (the AEB's figure), and ``f1_page_mean``: the mean of each page's own F1."""
    precisions = [p.precision for p in pages if p.tp + p.fp > 0]
    recalls = [p.recall for p in pages if p.tp + p.fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    page_f1 = [_f1(p.precision, p.recall) for p in pages]
    return {
        "f1": _f1(precision, recall),
        "precision": precision,
        "recall": recall,
        "f1_page_mean": sum(page_f1) / len(page_f1) if page_f1 else 0.0,
        "pages": len(pages),
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(gold: Mapping[str, str], predicted: Mapping[str, str | None]) -> dict[str, float]:
    """Score predicted bodies ``{id: body}`` against gold bodies ``{id: body}``; a missing id counts as empty."""
    return aggregate([score_page(gold[key], predicted.get(key)) for key in gold])


def load_gold(root: Path) -> dict[str, str]:
    """Read ``ground-truth.json`` of an AEB folder into ``{id: articleBody}``."""
    data = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody", "") for key, value in data.items()}


def iter_pages(root: Path, ids: list[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """Yield ``(id, html bytes)`` for the pages ``html/<id>.html.gz`` of an AEB folder, in id order."""
    for key in ids if ids is not None else sorted(load_gold(root)):
        yield key, gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())


def read_body(html: bytes) -> str | None:
    """Chronicle's article body of one page (chronicle.readers.html); None when it finds none."""
    try:
        return read_html(Document(source="aeb", content=html, format="html")).text
    except ReaderError:
        return None


def run(path: str | Path, config: object = None) -> dict[str, float]:
    """``chronicle eval aeb PATH``: score Chronicle's HTML reader on an AEB folder (``config`` unused:
    the reader has no settings)."""
    root = Path(path)
    gold = load_gold(root)
    return aggregate([score_page(gold[key], read_body(html)) for key, html in iter_pages(root)])
