"""Run every benchmark and save its figures: `make bench` or `python -m benchmarks.run [NAME ...]`.

Each benchmark module has ``main(argv=None) -> dict``; the figures land in
bench-results/<name>.json with the date and the machine they were measured on.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCHMARKS = ["records", "workers", "scale", "aeb", "actors", "events", "typed", "quotes", "speed", "long", "kb", "limits", "serve", "confidence"]


def machine() -> str:
    return f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or BENCHMARKS
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    failed = []
    for name in names:
        print(f"\n=== benchmark: {name} ===", flush=True)
        started = time.perf_counter()
        try:
            figures = importlib.import_module(f"benchmarks.{name}").main([])
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            print(f"benchmark {name} failed: {exc!r}", file=sys.stderr)
            failed.append(name)
            continue
        result = {
            "benchmark": name,
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": machine(),
            "seconds": round(time.perf_counter() - started, 1),
            "figures": figures,
        }
        (out / f"{name}.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
