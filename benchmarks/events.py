"""Event-coding benchmark: the four event evaluations, P/R/F1 overall and per PLOVER type.

    python -m benchmarks.events [NAME ...]      (names: seed plover-gsr petr2-gsr petr-unittest)

Reads the shared data sets (CHRONICLE_SHARED); prints each report and returns the figures.
"""

from __future__ import annotations

import argparse

from chronicle.config import load_config, shared_dir
from chronicle.eval import evaluate, format_report

# evaluation name -> its data under the shared folder
DATA = {
    "seed": "",
    "plover-gsr": "bench/plover-gsr",
    "petr2-gsr": "bench/petr2-gsr",
    "petr-unittest": "bench/petr-unittest",
}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"any of {', '.join(DATA)} (default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(DATA)
    if unknown:
        parser.error(f"unknown evaluation(s): {', '.join(sorted(unknown))}")
    config = load_config()
    figures = {}
    for name in args.names or list(DATA):
        result = evaluate(name, str(shared_dir() / DATA[name]), config)
        print(format_report(result), flush=True)
        print()
        figures[name] = result
    return figures


if __name__ == "__main__":
    main()
