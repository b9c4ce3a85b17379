"""Score the KB on context-free actor strings (data/eval/actor_strings.yaml)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Optional

import yaml

from chronicle.kb import KnowledgeBase
from chronicle.kb.resolve import StringResolver

__all__ = ["score", "load_gold"]


def load_gold(path: Optional[Path] = None) -> list[dict]:
    """Rows {text, country, sector, split}; the file holds `split: [ "text | CTY | SEC", ...]`
    with `-` for no country / no sector (non-actors: `- | -`)."""
    f = Path(path) if path else resources.files("chronicle") / "data" / "eval" / "actor_strings.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    rows = []
    for split, items in data.items():
        for line in items:
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3:
                raise ValueError(f"{f}: {line!r}: want 'text | country | sector'")
            text, c, s = parts
            rows.append({"text": text, "country": None if c == "-" else c,
                         "sector": None if s == "-" else s, "split": split})
    return rows


def score(kb: KnowledgeBase, path: Optional[Path] = None, date: str = "2025-06-01") -> dict:
    res = StringResolver(kb)
    splits: dict[str, dict] = {}
    misses = []
    for row in load_gold(path):
        r = res.resolve(row["text"], date)
        ok_c = r.country == row["country"]
        ok_s = r.sector == row["sector"]
        s = splits.setdefault(row["split"], {"n": 0, "country_ok": 0, "sector_ok": 0})
        s["n"] += 1
        s["country_ok"] += ok_c
        s["sector_ok"] += ok_s
        if not (ok_c and ok_s):
            misses.append({**row, "got": [r.country, r.sector, r.how, r.name]})
    for s in splits.values():
        s["country"] = s["country_ok"] / s["n"]
        s["sector"] = s["sector_ok"] / s["n"]
    return {"splits": splits, "misses": misses}
