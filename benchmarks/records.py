"""Whole-pipeline records, byte for byte: the check that a refactor changes no behaviour.

``python -m benchmarks.records --out F`` runs ingest-to-records (reading, cleaning, analysis)
on PolNeAR dev and the seed document and writes one canonical JSON line per record (sorted
keys); ``--against F`` runs it again and reports whether every line is identical, naming the
first record that differs. ``make bench`` runs it as the ``records`` step: it writes
``bench-results/records.jsonl`` and its SHA-256, so two commits' files can be compared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from chronicle.config import load_config
from chronicle.model import Failure
from chronicle.pipeline import extract_records


def shared() -> Path:
    return Path(os.environ.get("CHRONICLE_SHARED", "../shared"))


def inputs() -> list[str]:
    root = shared()
    dev = root / "bench" / "polnear" / "dev" / "text"
    seed = root / "corpus" / "afgazad-2012-03-14-russia-syria.md"
    missing = [str(p) for p in (dev, seed) if not p.exists()]
    if missing:
        raise SystemExit(f"records: missing {', '.join(missing)} (set CHRONICLE_SHARED)")
    return [str(p) for p in sorted(dev.glob("*.txt"))] + [str(seed)]


def lines() -> list[str]:
    """One canonical JSON line per record or failure, in input order."""
    out = []
    for item in extract_records(inputs(), load_config()):
        data = item.to_dict()
        if isinstance(item, Failure):
            data = {"failure": data}
        out.append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench-results/records.jsonl")
    parser.add_argument("--against", default=None, help="a records file to compare with, line by line")
    args = parser.parse_args(argv if argv is not None else None)
    got = lines()
    text = "\n".join(got) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    figures = {
        "records": len(got),
        "events": sum(len(json.loads(line).get("events") or []) for line in got),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "file": args.out,
    }
    if args.against:
        before = Path(args.against).read_text(encoding="utf-8").splitlines()
        differing = [i for i, (a, b) in enumerate(zip(before, got)) if a != b]
        figures["identical"] = before == got
        if len(before) != len(got):
            figures["count_before"] = len(before)
        if differing:
            figures["first_difference"] = json.loads(got[differing[0]]).get("source")
            figures["differing"] = len(differing)
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
