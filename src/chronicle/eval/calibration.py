"""Calibrating event confidence on the whole-article gold.

    python -m chronicle.eval.calibration [--write] [PATH]

Codes the gold articles (``chronicle eval articles``), judges every predicted event (fully right:
type, source and target), and fits the logistic model of ``analysis/events/confidence.py`` on the
**study** articles only: L2-penalised, its strength picked by 5-fold cross-validation over study
articles (log loss). It then reports, on the **held-out** articles it never saw, how the
probabilities compare with what happened: Brier score and log loss against a constant (the study
share of fully right events), a reliability table by bins, and the share fully right among events
of confidence >= 0.8. ``--write`` stores the weights, with when and on what they were fitted, in
``data/verbs/confidence.yaml`` (the shipped model). PATH is the shared ``bench`` folder.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from chronicle.analysis.events.confidence import ConfidenceModel, features
from chronicle.config import load_config, shared_dir

from .articles import GoldArticle, GoldError, gold_files, judge_events, predicted_events, read_gold

PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
BINS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.01)
MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "verbs" / "confidence.yaml"

Row = tuple[str, dict[str, float], int]  # article, features, fully right (0/1)


def collect(golds: list[GoldArticle], config=None) -> list[Row]:
    """One row per predicted event of the gold articles: its article, features and outcome."""
    rows: list[Row] = []
    for gold, events in predicted_events(golds, config or load_config()):
        for event, judgement in zip(events, judge_events(gold, events)):
            rows.append((gold.name, features(event), int(judgement.full_right)))
    return rows


def fit(rows: list[Row], penalty: float, iterations: int = 50) -> dict[str, float]:
    """Logistic weights by Newton's method, L2 penalty on every weight but ``bias``."""
    names = sorted({name for _, f, _ in rows for name in f})
    if not rows:
        raise ValueError("no events to fit the confidence model on")
    x = np.array([[f.get(n, 0.0) for n in names] for _, f, _ in rows])
    y = np.array([label for _, _, label in rows], dtype=float)
    reg = np.full(len(names), penalty)
    reg[names.index("bias")] = 1e-6
    w = np.zeros(len(names))
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) >= 1e-4 or n == "bias"}


def log_loss(rows: list[Row], probability) -> float:
    eps = 1e-6
    return sum(-math.log(max(eps, p if y else 1 - p)) for (_, f, y), p in ((r, probability(r[1])) for r in rows)) / len(rows)


def choose_penalty(rows: list[Row], folds: int = 5, seed: int = 3) -> float:
    """The penalty with the least cross-validated log loss, folds made of whole articles."""
    articles = sorted({a for a, _, _ in rows})
    random.Random(seed).shuffle(articles)
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    best, best_loss = PENALTIES[0], math.inf
    for penalty in PENALTIES:
        losses = []
        for k in range(folds):
            train = [r for r in rows if fold_of[r[0]] != k]
            test = [r for r in rows if fold_of[r[0]] == k]
            if test and train and any(y for _, _, y in train):
                losses.append(log_loss(test, ConfidenceModel(fit(train, penalty)).raw) * len(test))
        loss = sum(losses)
        if loss < best_loss:
            best, best_loss = penalty, loss
    return best


def report(rows: list[Row], model: ConfidenceModel, base_rate: float) -> dict:
    """How the model's probabilities compare with the outcomes of ``rows``."""
    probs = [model.raw(f) for _, f, _ in rows]
    ys = [y for _, _, y in rows]
    n = len(rows)
    out: dict = {
        "events": n,
        "fully_right": sum(ys),
        "brier": round(sum((p - y) ** 2 for p, y in zip(probs, ys)) / n, 4) if n else None,
        "brier_constant": round(sum((base_rate - y) ** 2 for y in ys) / n, 4) if n else None,
        "log_loss": round(log_loss(rows, model.raw), 4) if n else None,
        "log_loss_constant": round(log_loss(rows, lambda f: base_rate), 4) if n else None,
    }
    table = []
    for low, high in zip(BINS, BINS[1:]):
        members = [(p, y) for p, y in zip(probs, ys) if low <= p < high]
        if members:
            table.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "events": len(members),
                          "mean_confidence": round(sum(p for p, _ in members) / len(members), 3),
                          "fully_right": round(sum(y for _, y in members) / len(members), 3)})
    out["reliability"] = table
    high = [y for p, y in zip(probs, ys) if p >= 0.8]
    out["at_least_0.8"] = {"events": len(high), "fully_right": round(sum(high) / len(high), 3) if high else None}
    return out


def calibrate(bench: Path, config=None) -> dict:
    """Fit on the study articles, measure on the held-out ones."""
    golds = [read_gold(f, bench) for f in gold_files()]
    study = collect([g for g in golds if g.split == "study"], config)
    heldout = collect([g for g in golds if g.split == "heldout"], config)
    penalty = choose_penalty(study)
    model = ConfidenceModel(fit(study, penalty))
    base = sum(y for _, _, y in study) / len(study)
    return {"penalty": penalty, "weights": model.weights, "study": report(study, model, base),
            "heldout": report(heldout, model, base)}


def write_model(result: dict, path: Path = MODEL_FILE) -> None:
    header = ("# Weights of the event confidence model (analysis/events/confidence.py): the chance that an\n"
              "# event is fully right. Written by `python -m chronicle.eval.calibration --write`; do not\n"
              "# edit by hand. Fitted on the study half of the whole-article gold only; the held-out\n"
              "# half measures it (figures below, as they were when it was fitted).\n")
    body = {"fitted": date.today().isoformat(), "on": "whole-article gold, study split",
            "penalty": result["penalty"], "study_events": result["study"]["events"],
            "heldout": {k: result["heldout"][k] for k in ("events", "fully_right", "brier", "brier_constant")},
            "weights": result["weights"]}
    path.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="the shared bench folder (default: CHRONICLE_SHARED/bench)")
    parser.add_argument("--write", action="store_true", help="store the fitted weights as the shipped model")
    args = parser.parse_args(argv)
    bench = Path(args.path) if args.path else shared_dir() / "bench"
    try:
        if not bench.is_dir():
            raise GoldError(f"{bench}: not a folder (give the shared data's bench folder)")
        result = calibrate(bench)
    except (GoldError, ValueError) as exc:
        raise SystemExit(f"error: {exc}") from None
    print(json.dumps(result, indent=2))
    if args.write:
        write_model(result)
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
