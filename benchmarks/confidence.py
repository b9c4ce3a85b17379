"""What confidence means: precision and recall of whole-article events above each threshold.

    python -m benchmarks.confidence [--svg docs/figures/confidence-curve.svg]

On the blind whole-article gold (``chronicle eval articles``), for each split (study, heldout)
and each confidence threshold of a fixed grid: type precision, full precision and recall with
type of the events of at least that confidence. Writes the curve as an SVG picture (precision
and recall against the threshold, one line per figure and split) to ``bench-results/`` and, with
``--svg``, to the path given (the README shows ``docs/figures/confidence-curve.svg``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from chronicle.config import load_config, shared_dir
from chronicle.eval.articles import gold_files, predicted_events, read_gold, score_article

FIGURES = (("type_precision", "type_right", "predicted"), ("full_precision", "full_right", "predicted"),
           ("recall_type", "recalled_type", "gold"))
# confidence is a calibrated probability (most article events are unlikely to be fully right):
# thresholds on a fixed grid, finer where the events are
THRESHOLDS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8)
COLOURS = {"type_precision": "#1f77b4", "full_precision": "#d62728", "recall_type": "#2ca02c"}


def curve(scored: list[tuple[object, list]], thresholds: list[float]) -> list[dict]:
    rows = []
    for t in thresholds:
        tallies = [score_article(gold, [e for e in events if e.confidence >= t]) for gold, events in scored]
        row = {"threshold": t, "events": sum(x.predicted for x in tallies)}
        for name, num, den in FIGURES:
            d = sum(getattr(x, den) for x in tallies)
            row[name] = round(sum(getattr(x, num) for x in tallies) / d, 3) if d else None
        rows.append(row)
    return rows


def svg(curves: dict[str, list[dict]]) -> str:
    width, height, left, bottom, top, right = 760, 380, 60, 50, 40, 210
    xs = sorted({r["threshold"] for rows in curves.values() for r in rows})
    lo, hi = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 0.1

    def x(v: float) -> float:
        return left + (v - lo) / (hi - lo) * (width - left - right)

    def y(v: float) -> float:
        return height - bottom - v * (height - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             '<rect width="100%" height="100%" fill="white"/>',
             f'<text x="{left}" y="22" font-size="14">Whole-article events above a confidence threshold (blind gold)</text>']
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.2f}</text>')
    last = -1e9
    for t in xs:  # a tick for every threshold, a label where there is room for it
        parts.append(f'<line x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{height - bottom}" y2="{height - bottom + 5}" stroke="#888"/>')
        if x(t) - last >= 34:
            parts.append(f'<text x="{x(t):.1f}" y="{height - bottom + 18}" text-anchor="middle">{t:.2f}</text>')
            last = x(t)
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">minimum confidence</text>')
    legend_y = top + 10
    for split, rows in curves.items():
        dash = "" if split == "study" else ' stroke-dasharray="6 4"'
        for name, _, _ in FIGURES:
            points = " ".join(f"{x(r['threshold']):.1f},{y(r[name]):.1f}" for r in rows if r[name] is not None)
            parts.append(f'<polyline fill="none" stroke="{COLOURS[name]}" stroke-width="2"{dash} points="{points}"/>')
            parts.append(f'<line x1="{width - right + 10}" x2="{width - right + 34}" y1="{legend_y}" y2="{legend_y}" '
                         f'stroke="{COLOURS[name]}" stroke-width="2"{dash}/>')
            parts.append(f'<text x="{width - right + 40}" y="{legend_y + 4}">{name.replace("_", " ")} ({split})</text>')
            legend_y += 18
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", default=None, help="also write the picture here")
    args = parser.parse_args(argv)
    bench = shared_dir() / "bench"
    golds = [read_gold(f, bench) for f in gold_files()]
    scored = list(predicted_events(golds, load_config()))
    thresholds = list(THRESHOLDS)
    curves = {split: curve([(g, ev) for g, ev in scored if g.split == split], thresholds) for split in ("study", "heldout")}
    picture = svg(curves)
    Path("bench-results").mkdir(exist_ok=True)
    Path("bench-results/confidence-curve.svg").write_text(picture, encoding="utf-8")
    if args.svg:
        Path(args.svg).write_text(picture, encoding="utf-8")
    for split, rows in curves.items():
        print(split)
        for r in rows:
            print("  ", r)
    return {"curves": curves, "picture": "bench-results/confidence-curve.svg"}


if __name__ == "__main__":
    main()
