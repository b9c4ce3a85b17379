"""An event's ``confidence``: the chance that it is fully right (type, source and target), from a
small logistic model over what the event itself shows.

In: a coded ``Event``. Out: a probability in [0.01, 0.99]. The features (``features``) are what a
reader of the record sees: a verb or a noun trigger, whether each side is there, named, and coded
with both country and sector, whether it is a speaker's judgement (``judgements``), whether someone else reports the act, whether it is negated,
future or hypothetical, whether both sides share a country, whether a rule recoded it, its
PLOVER type, and where it stands: inside a quotation or a quoted sentence, in a headline-like
line with no closing punctuation; whether a side is a common noun ("officials") or civilians,
and whether the trigger is an "-ing" form. The weights live in ``data/verbs/confidence.yaml``, written by
``python -m chronicle.eval.calibration --write`` from the studied half of the whole-article gold
(never the held-out half, where the calibration is measured); the file says when and on what.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from chronicle.data import load_yaml
from chronicle.model import Event, Mention

from ..speech import in_open_quote

NAMED_KINDS = ("person", "organisation")


def _coded(m: Mention | None) -> bool:
    return m is not None and bool(m.country) and bool(m.sector)


def features(event: Event) -> dict[str, float]:
    """The model's inputs for one event (each 0 or 1; ``bias`` always 1)."""
    source, target = event.source, event.target
    rule = event.rule or ""
    return {
        "bias": 1.0,
        "noun": float(rule.startswith("noun")),
        "pattern": float(not rule.startswith(("noun", "verb", "judgement"))),
        "judgement": float(rule.startswith("judgement")),
        "source": float(source is not None),
        "target": float(target is not None),
        "source_named": float(source is not None and source.kind in NAMED_KINDS),
        "target_named": float(target is not None and target.kind in NAMED_KINDS),
        "source_coded": float(_coded(source)),
        "target_coded": float(_coded(target)),
        "same_country": float(source is not None and target is not None and bool(source.country)
                              and source.country == target.country),
        "reported": float(event.reported_by is not None),
        "modal": float(event.negated or event.future or event.hypothetical),
        "recoded": float("; " in rule),
        "in_quote": float(_in_quote(event)),
        "quoted_sentence": float(event.sentence.lstrip()[:1] in QUOTE_MARKS),
        "headline": float(not event.sentence.rstrip().endswith(SENTENCE_ENDS)),
        "common_source": float(source is not None and source.text[:1].islower()),
        "common_target": float(target is not None and target.text[:1].islower()),
        "civilian_source": float(source is not None and source.sector == "CVL"),
        "civilian_target": float(target is not None and target.sector == "CVL"),
        "gerund": float(event.trigger.lower().endswith("ing")),
        f"type_{event.type}": 1.0,
    }


QUOTE_MARKS = "\"\u201c\u201d"
SENTENCE_ENDS = tuple(".!?\"\u201d\u2019')")


def _in_quote(event: Event) -> bool:
    """The trigger stands inside quotation marks of its sentence."""
    if event.trigger_start is None:
        return False
    return in_open_quote(event.sentence, max(event.trigger_start - event.start, 0))


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic weights by feature name; a feature the model does not know weighs nothing."""

    weights: dict[str, float]

    def raw(self, inputs: dict[str, float]) -> float:
        """The unrounded probability of a feature vector (what fitting scores)."""
        z = sum(self.weights.get(name, 0.0) * value for name, value in inputs.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def probability(self, event: Event) -> float:
        """An event's confidence: the probability, kept within [0.01, 0.99], to two places."""
        return round(min(max(self.raw(features(event)), 0.01), 0.99), 2)


MODEL_FILE = "data/verbs/confidence.yaml"


def parse_model(data: object, name: str = MODEL_FILE) -> ConfidenceModel:
    """The model of a parsed weights file; a ValueError naming ``name`` when it is not one."""
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict) or "bias" not in weights:
        raise ValueError(f"{name}: not a confidence model (expected a 'weights' mapping with a 'bias')")
    try:
        return ConfidenceModel({str(k): float(v) for k, v in weights.items()})
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}: a weight is not a number ({exc})") from None


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel:
    """The shipped model (``data/verbs/confidence.yaml``), read once."""
    return parse_model(load_yaml("verbs", "confidence.yaml"))
