"""Whole-article event gold and the scorer behind ``chronicle eval articles``.

In: a folder of gold files (default: the package's ``data/gold/articles/``), one YAML file per
article, keyed by character offsets into a text that lives in the shared data folder
(``source: polnear/dev/text/<file>.txt`` or ``source: aeb/<id>``, relative to ``PATH``, the
``bench`` folder of CHRONICLE_SHARED). Every unit of the text (sentence, headline, list item,
caption, byline...) is listed with the events a careful reader codes in it (often none). The
format and the annotation rules are in ``docs/gold-articles.md``.

Chronicle analyses each article text as a plain-text article (the analysis stage alone, so the
gold offsets index the same string). Each predicted event belongs to the gold unit that overlaps
its sentence most. Inside a unit, predictions and gold events are paired one to one, a pair that
is fully right first, then one with the same type. Figures:

- type precision: predicted events paired with a gold event of the same type / predicted events;
- full precision: paired events whose source and target are also right / predicted events. An
  actor is right when gold and prediction agree on its country and its sector (both absent
  counts as agreeing); an absent gold target requires an absent predicted target;
- recall with type (and with type and source): gold events paired (with the source right) /
  gold events;
- actor country: of the paired events, the share whose source country is right (and target
  country, where the gold names a target); actor sector the same way; and ``target_missing``:
  of the paired events whose gold names a target, the share coded with none (why full
  precision falls short: a country, a sector, or a target left out);
- false events per 100 no-event units: predicted events in units that hold no gold event, per
  100 such units.
Each figure comes with a 95% interval from a bootstrap over articles (1,000 resamples, fixed
seed), since events of one article are not independent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..config import Config, load_config
from importlib import resources

import yaml
from ..model import Article, Event, Mention

GOLD_FOLDER = resources.files("chronicle.data").joinpath("gold", "articles")
SPLITS = ("study", "heldout", "all")
RESAMPLES = 1000


class GoldError(ValueError):
    """A gold file that does not fit its text (file and reason in the message)."""


@dataclass
class GoldActor:
    country: str | None = None
    sector: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class GoldEvent:
    type: str
    source: GoldActor | None = None
    target: GoldActor | None = None
    mode: str | None = None
    negated: bool = False
    hypothetical: bool = False
    date: str | None = None


@dataclass
class GoldUnit:
    start: int
    end: int
    unit: str
    events: list[GoldEvent] = field(default_factory=list)


@dataclass
class GoldArticle:
    name: str
    source: str
    split: str
    text: str
    published: str | None
    units: list[GoldUnit]


# --------------------------------------------------------------------------- reading gold


def _actor(raw: dict | None) -> GoldActor | None:
    if not raw:
        return None
    span = raw.get("span")
    return GoldActor(raw.get("country"), raw.get("sector"), tuple(span) if span else None)


def _event(raw: dict) -> GoldEvent:
    return GoldEvent(
        type=raw["type"], source=_actor(raw.get("source")), target=_actor(raw.get("target")),
        mode=raw.get("mode"), negated=bool(raw.get("negated")), hypothetical=bool(raw.get("hypothetical")),
        date=str(raw["date"]) if raw.get("date") else None,
    )


def source_text(source: str, bench: Path) -> str:
    """The text a gold file's offsets index: a PolNeAR ``.txt`` or an AEB ground-truth body."""
    if source.startswith("aeb/"):
        return _aeb_bodies(bench / "aeb")[source.split("/", 1)[1]]
    path = bench / source
    if not path.is_file():
        raise GoldError(f"{path}: the gold names a text that is not there")
    return path.read_text(encoding="utf-8")


_AEB_CACHE: dict[Path, dict[str, str]] = {}


def _aeb_bodies(folder: Path) -> dict[str, str]:
    if folder not in _AEB_CACHE:
        path = folder / "ground-truth.json"
        if not path.is_file():
            raise GoldError(f"{path}: AEB ground truth not found")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            _AEB_CACHE[folder] = {k: v["articleBody"] for k, v in json.load(handle).items()}
    return _AEB_CACHE[folder]


def read_gold(path: Path, bench: Path) -> GoldArticle:
    """One gold file, checked against its text: every span in range, every hash equal."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    text = source_text(raw["source"], bench)
    units = []
    for entry in raw.get("sentences") or []:
        start, end = entry["span"]
        if not 0 <= start < end <= len(text):
            raise GoldError(f"{path}: span {start}-{end} lies outside the text ({len(text)} characters)")
        digest = hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[:8]
        if entry.get("hash") and entry["hash"] != digest:
            raise GoldError(f"{path}: the text under {start}-{end} changed (hash {digest}, gold {entry['hash']})")
        units.append(GoldUnit(start, end, entry.get("unit", "sentence"), [_event(e) for e in entry.get("events") or []]))
    published = raw.get("published")
    return GoldArticle(Path(path).stem, raw["source"], raw.get("split", "study"), text,
                       str(published) if published else None, units)


def gold_files(folder: Path | None = None) -> list[Path]:
    return sorted(Path(folder or str(GOLD_FOLDER)).glob("*.yaml"))


# --------------------------------------------------------------------------- scoring


def _agree(gold: GoldActor | None, pred: Mention | None) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    return (gold.country or None) == (pred.country or None) and (gold.sector or None) == (pred.sector or None)


def _unit_of(event: Event, units: list[GoldUnit]) -> int | None:
    best, best_overlap = None, 0
    for i, unit in enumerate(units):
        overlap = min(event.end, unit.end) - max(event.start, unit.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


@dataclass
class ArticleTally:
    """Counts of one article; figures are ratios of sums over articles."""

    predicted: int = 0
    type_right: int = 0
    full_right: int = 0
    gold: int = 0
    recalled_type: int = 0
    recalled_source: int = 0
    paired: int = 0
    source_country: int = 0
    target_checked: int = 0
    target_country: int = 0
    source_sector: int = 0
    target_sector: int = 0
    target_missing: int = 0
    empty_units: int = 0
    false_in_empty: int = 0


@dataclass
class Judgement:
    """How one predicted event fares against the gold: its unit, and whether it is paired with a
    gold event of its type (``type_right``) whose source and target agree too (``full_right``)."""

    unit: int | None
    type_right: bool = False
    full_right: bool = False
    source_right: bool = False
    source_country: bool = False
    target_checked: bool = False
    target_country: bool = False
    source_sector: bool = False
    target_sector: bool = False
    target_missing: bool = False


def judge_events(gold: GoldArticle, events: list[Event]) -> list[Judgement]:
    """Pair one article's predicted events with its gold (see the module docstring); one
    judgement per event, in the order of ``events``."""
    judgements = [Judgement(unit=_unit_of(event, gold.units)) for event in events]
    by_unit: dict[int | None, list[int]] = {}
    for k, judgement in enumerate(judgements):
        by_unit.setdefault(judgement.unit, []).append(k)
    for index, members in by_unit.items():
        unit = gold.units[index] if index is not None else None
        if unit is None or not unit.events:
            continue
        free = list(unit.events)
        for k in sorted(members, key=lambda k: events[k].start):
            event, judgement = events[k], judgements[k]
            full = [g for g in free if g.type == event.type and _agree(g.source, event.source) and _agree(g.target, event.target)]
            same = full or [g for g in free if g.type == event.type]
            if not same:
                continue
            match = same[0]
            free.remove(match)
            judgement.type_right = True
            judgement.full_right = bool(full)
            judgement.source_right = _agree(match.source, event.source)
            gold_source = match.source.country if match.source else None
            judgement.source_country = gold_source == (event.source.country if event.source else None)
            judgement.source_sector = (match.source.sector if match.source else None) == (event.source.sector if event.source else None)
            if match.target is not None:
                judgement.target_checked = True
                judgement.target_country = match.target.country == (event.target.country if event.target else None)
                judgement.target_sector = match.target.sector == (event.target.sector if event.target else None)
                judgement.target_missing = event.target is None
    return judgements


def score_article(gold: GoldArticle, events: list[Event]) -> ArticleTally:
    """The counts of one article (see the module docstring)."""
    tally = ArticleTally(predicted=len(events), gold=sum(len(u.events) for u in gold.units))
    tally.empty_units = sum(1 for u in gold.units if not u.events)
    for j in judge_events(gold, events):
        if j.unit is not None and not gold.units[j.unit].events:
            tally.false_in_empty += 1
        tally.type_right += j.type_right
        tally.paired += j.type_right
        tally.recalled_type += j.type_right
        tally.full_right += j.full_right
        tally.recalled_source += j.source_right
        tally.source_country += j.source_country
        tally.target_checked += j.target_checked
        tally.target_country += j.target_country
        tally.source_sector += j.source_sector
        tally.target_sector += j.target_sector
        tally.target_missing += j.target_missing
    return tally


FIGURES = {
    "type_precision": ("type_right", "predicted", 1),
    "full_precision": ("full_right", "predicted", 1),
    "recall_type": ("recalled_type", "gold", 1),
    "recall_type_source": ("recalled_source", "gold", 1),
    "source_country": ("source_country", "paired", 1),
    "target_country": ("target_country", "target_checked", 1),
    "source_sector": ("source_sector", "paired", 1),
    "target_sector": ("target_sector", "target_checked", 1),
    "target_missing": ("target_missing", "target_checked", 1),
    "false_per_100_empty_units": ("false_in_empty", "empty_units", 100),
}


def _ratio(tallies: list[ArticleTally], num: str, den: str, scale: int) -> float | None:
    d = sum(getattr(t, den) for t in tallies)
    return round(scale * sum(getattr(t, num) for t in tallies) / d, 4) if d else None


def figures(tallies: list[ArticleTally], resamples: int = RESAMPLES, seed: int = 13) -> dict:
    """Each figure with its 95% bootstrap interval over articles, plus the raw counts."""
    rng = random.Random(seed)
    samples = [[rng.choice(tallies) for _ in tallies] for _ in range(resamples)] if tallies else []
    out: dict = {}
    for name, (num, den, scale) in FIGURES.items():
        value = _ratio(tallies, num, den, scale)
        values = sorted(v for v in (_ratio(s, num, den, scale) for s in samples) if v is not None)
        low = values[int(0.025 * (len(values) - 1))] if values else None
        high = values[int(0.975 * (len(values) - 1))] if values else None
        out[name] = {"value": value, "ci95": [low, high]}
    out["counts"] = {k: sum(getattr(t, k) for t in tallies) for k in ArticleTally.__dataclass_fields__}
    out["counts"]["articles"] = len(tallies)
    return out


# --------------------------------------------------------------------------- running Chronicle


def predicted_events(golds: list[GoldArticle], config: Config) -> Iterable[tuple[GoldArticle, list[Event]]]:
    """Chronicle's events on each gold article's text (the analysis stage, English)."""
    from ..analysis import Analyzer

    analyzer = Analyzer(config)
    articles = [
        Article(id=g.name, source=g.source, body=g.text, published=g.published, language="en", format="text")
        for g in golds
    ]
    for gold, analysis in zip(golds, analyzer.analyze(articles, raise_failures=True)):
        yield gold, list(analysis.events)


def evaluate(path: str | Path, config: Config | None = None, split: str = "all",
             gold_folder: str | Path | None = None) -> dict:
    """Score Chronicle on the whole-article gold; ``path`` is the shared ``bench`` folder."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    config = config or load_config()
    bench = Path(path)
    if not bench.is_dir():
        raise GoldError(f"{bench}: not a folder (give the shared data's bench folder)")
    files = gold_files(Path(gold_folder) if gold_folder else None)
    if not files:
        raise GoldError(f"{gold_folder or GOLD_FOLDER}: no gold files (*.yaml)")
    golds = [read_gold(f, bench) for f in files]
    chosen = [g for g in golds if split == "all" or g.split == split]
    by_split: dict[str, list[ArticleTally]] = {"study": [], "heldout": []}
    for gold, events in predicted_events(chosen, config):
        by_split.setdefault(gold.split, []).append(score_article(gold, events))
    result = {"split": split, "gold_files": len(chosen)}
    for name, tallies in by_split.items():
        if tallies:
            result[name] = figures(tallies)
    result["all"] = figures([t for ts in by_split.values() for t in ts])
    return result


def run(path: str | Path, config: Config) -> dict:
    """Entry point of ``chronicle eval articles PATH`` (both splits, and all)."""
    return evaluate(path, config)
