"""Quote figures for the seed document: ``seed.json -> quotes`` against the extractor's quotes.

In: the predicted quotes (a list of ``Quote``, an ``Analysis`` or a ``Record``), the seed
``Article`` (optional, for context) and the gold ``quotes`` block. Out: a figures dict.
A gold direct quote is found by a predicted ``direct`` quote whose text starts with the gold
``starts`` words; a gold indirect one (or an ``acceptable_direct`` phrase) by any predicted
quote whose text contains its ``contains`` (or ``starts``) words. The speaker is right when the gold name equals, or is contained in, the
predicted speaker's resolved name or its text (case and spacing ignored).
"""

from __future__ import annotations

import re
from typing import Any

from chronicle.model import Analysis, Article, Quote, Record


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("’", "'")).strip().lower()


def _quotes_of(predicted: Any) -> list[Quote]:
    """Accept a Record, an Analysis or a plain list of quotes."""
    if isinstance(predicted, Record):
        return predicted.analysis.quotes if predicted.analysis else []
    if isinstance(predicted, Analysis):
        return predicted.quotes
    return list(predicted)


def speaker_matches(quote: Quote, gold_name: str) -> bool:
    """The gold speaker is the predicted one: same name, or one inside the other."""
    if quote.speaker is None:
        return False
    wanted = _norm(gold_name)
    for said in (quote.speaker.name, quote.speaker.text):
        got = _norm(said)
        if got and (wanted in got or got in wanted):
            return True
    return False


def _find(gold: dict, quotes: list[Quote], direct: bool) -> Quote | None:
    """The predicted quote that matches one gold item (prefers one with the right speaker)."""
    if direct:
        hits = [q for q in quotes if q.kind == "direct" and _norm(q.text).startswith(_norm(gold["starts"]))]
    else:
        words = _norm(gold.get("contains") or gold.get("starts"))
        hits = [q for q in quotes if words in _norm(q.text)]
    right = [q for q in hits if speaker_matches(q, gold["speaker"])]
    return (right or hits or [None])[0]


def _block(items: list[dict], quotes: list[Quote], direct: bool) -> dict:
    found = with_speaker = 0
    missed = []
    for item in items:
        quote = _find(item, quotes, direct)
        key = item.get("starts") or item.get("contains")
        if quote is None:
            missed.append(f"not found: {key}")
            continue
        found += 1
        if speaker_matches(quote, item["speaker"]):
            with_speaker += 1
        else:
            got = quote.speaker.name or quote.speaker.text if quote.speaker else None
            missed.append(f"speaker {got!r} for {key} (gold {item['speaker']})")
    return {"gold": len(items), "found": found, "with_speaker": with_speaker, "missed": missed}


def score(predicted: Any, article: Article | None, gold: dict) -> dict:
    """Seed quote figures: direct and indirect found / with the right speaker, and the counts."""
    quotes = _quotes_of(predicted)
    kinds: dict[str, int] = {}
    for q in quotes:
        kinds[q.kind] = kinds.get(q.kind, 0) + 1
    return {
        "direct": _block(gold.get("direct", []), quotes, direct=True),
        "indirect": _block(gold.get("indirect", []), quotes, direct=False),
        "acceptable_direct": _block(gold.get("acceptable_direct", []), quotes, direct=False),
        "predicted": len(quotes),
        "predicted_by_kind": kinds,
    }
