"""Chronicle's data files: lexicons, site profiles, patterns, month names, SQL schemas.

Every stage reads its files through ``load_yaml`` / ``read_text`` so the package works the
same installed or from a checkout.
"""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import Any, TypeVar

import yaml


def read_text(*parts: str) -> str:
    """The text of ``data/<parts...>`` (UTF-8)."""
    return resources.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


# libyaml's safe loader where PyYAML was built with it (its wheels are): the same documents,
# parsed several times faster (every process, each Dask worker too, reads these files at start)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(*parts: str) -> Any:
    """The parsed YAML of ``data/<parts...>``, e.g. ``load_yaml("verbs", "events.yaml")``."""
    return yaml.load(read_text(*parts), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


W = TypeVar("W")


def load_word_sets(cls: type[W], *parts: str) -> W:
    """A dataclass of word sets from ``data/<parts...>``: each field (a ``frozenset[str]``) is
    the YAML list of the same name, e.g. ``load_word_sets(Pronouns, "actors", "pronouns.yaml")``."""
    data = load_yaml(*parts)
    return cls(**{f.name: frozenset(str(w) for w in data[f.name]) for f in dataclasses.fields(cls)})  # type: ignore[arg-type]
