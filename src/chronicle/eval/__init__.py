"""Evaluations behind ``chronicle eval NAME PATH``: gold readers and scorers, one module each.

``evaluate(name, path, config) -> dict`` runs one by name; ``format_report(result) -> str``
renders its figures (precision, recall, F1 overall and per type where it has them).
Each module offers ``evaluate(path, config) -> dict`` (or ``run(path, config)``).
"""

from __future__ import annotations

import importlib
from typing import Any

from chronicle.config import Config, load_config

# name -> module in chronicle.eval
EVALUATIONS = {
    "seed": "seed",
    "plover-gsr": "plover_gsr",
    "petr2-gsr": "petr2_gsr",
    "petr-unittest": "petr_unittest",
    "polnear": "polnear",
    "aeb": "aeb",
    "articles": "articles",
}


def evaluate(name: str, path: str, config: Config | None = None) -> dict:
    """Figures of evaluation ``name`` on the gold data at ``path``."""
    if name not in EVALUATIONS:
        raise ValueError(f"unknown evaluation {name!r}; choose from {', '.join(EVALUATIONS)}")
    module = importlib.import_module(f"chronicle.eval.{EVALUATIONS[name]}")
    entry = getattr(module, "run", None) or module.evaluate
    result = entry(path, config or load_config())
    return {"name": name, **result} if isinstance(result, dict) else {"name": name, "result": result}


def format_report(result: dict) -> str:
    """Plain-text report: a P/R/F1 table when the result has ``overall``/``per_type``,
    then every other figure as ``key: value`` lines."""
    lines = [f"evaluation: {result.get('name', '?')}"]
    if "overall" in result:
        lines += _table(result)
    for key, value in result.items():
        if key in ("name", "overall", "per_type"):
            continue
        lines += _figure(key, value)
    return "\n".join(lines)


def _table(result: dict) -> list[str]:
    rows = [("overall", result["overall"])] + list(result.get("per_type", {}).items())
    out = [f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for label, f in rows:
        out.append(
            f"{label:<12} {f['precision']:>6.3f} {f['recall']:>6.3f} {f['f1']:>6.3f} {f['tp']:>5} {f['fp']:>5} {f['fn']:>5}"
        )
    return out


def _figure(key: str, value: Any, indent: str = "") -> list[str]:
    if isinstance(value, dict):
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out += _figure(k, v, indent + "  ")
        return out
    if isinstance(value, list) and value and not all(isinstance(v, (int, float)) for v in value):
        return [f"{indent}{key}:"] + [f"{indent}  - {v}" for v in value]
    return [f"{indent}{key}: {value}"]
