"""Which kind of dictionary a user file is, told once for every reader."""

from __future__ import annotations

import os
from pathlib import Path

KINDS = ("yaml", "actors", "agents", "verbs", "other")


def dictionary_kind(path: str | os.PathLike) -> str:
    """yaml | actors | agents | verbs | other (discards, anything else), from the file name:
    ``*.yaml``/``*.yml`` are Chronicle actor files; PETRARCH names ``*.actors*``, ``*.agents*``
    and verb files ``*verbs*`` or ``CAMEO*``."""
    name = Path(path).name.lower()
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    for kind in ("actors", "agents"):
        if f".{kind}" in name or name.startswith(kind):
            return kind
    if "verb" in name or name.startswith("cameo"):
        return "verbs"
    return "other"
