"""Quotes benchmark: PolNeAR (direct-quote F1, all-attributions F1, speaker accuracy) and the
seed document's quotes, each checked against the figures issue 4 asks for.

    python -m benchmarks.quotes [--split dev|train] [--limit N] [--skip-seed]

Reads the shared data sets (CHRONICLE_SHARED); prints the figures and returns them.
"""

from __future__ import annotations

import argparse
import time

from chronicle.config import load_config, shared_dir
from chronicle.eval import polnear

# the thresholds: PolNeAR dev, and the seed document
TARGETS = {"direct_f1": 0.85, "all_f1": 0.60, "speaker_accuracy": 0.90}
SEED_TARGETS = {"direct_with_speaker": 9, "indirect_with_speaker": 6}


def run_polnear(split: str, limit: int | None) -> dict:
    """PolNeAR figures for one split, with the time it took."""
    started = time.perf_counter()
    result = polnear.evaluate(shared_dir() / "bench" / "polnear" / split, load_config(), limit=limit)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result.pop("failed_articles") if not result["errors"] else None
    d, a, s = result["direct"], result["all"], result["speaker"]
    print(f"PolNeAR {split}: {result['articles']} articles, {result['errors']} raised, {result['seconds']} s")
    print(f"  direct quotes    P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}"
          f"  (pred {d['predicted']}, gold {d['gold']})  target F1 >= {TARGETS['direct_f1']}")
    print(f"  all attributions P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}"
          f"  (pred {a['predicted']}, gold {a['gold']})  target F1 >= {TARGETS['all_f1']}")
    print(f"  speaker right    {s['right']}/{s['checked']} = {s['accuracy']:.3f}"
          f"  target >= {TARGETS['speaker_accuracy']}")
    result["meets_targets"] = (
        d["f1"] >= TARGETS["direct_f1"] and a["f1"] >= TARGETS["all_f1"]
        and s["accuracy"] >= TARGETS["speaker_accuracy"] and result["errors"] == 0
    )
    return result


def run_seed() -> dict:
    """Seed quotes through the whole pipeline (readers, articles, actors, quotes)."""
    from chronicle.eval.seed import evaluate

    result = evaluate(str(shared_dir()), load_config())["quotes"]
    d, i = result["direct"], result["indirect"]
    print(f"seed: direct {d['found']}/{d['gold']} found, {d['with_speaker']} with the right speaker;"
          f" indirect {i['found']}/{i['gold']} found, {i['with_speaker']} with the right speaker")
    for miss in d["missed"] + i["missed"]:
        print(f"  {miss}")
    result["meets_targets"] = (
        d["with_speaker"] >= SEED_TARGETS["direct_with_speaker"]
        and i["with_speaker"] >= SEED_TARGETS["indirect_with_speaker"]
    )
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args(argv)
    figures = {f"polnear_{args.split}": run_polnear(args.split, args.limit)}
    if not args.skip_seed:
        figures["seed"] = run_seed()
    return figures


if __name__ == "__main__":
    main()
