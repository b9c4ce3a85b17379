"""Shared fixtures. Tests that read ../shared use the ``shared`` fixture: they skip with a clear
reason when it is absent, and fail instead when CHRONICLE_REQUIRE_SHARED=1 (as CI sets)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.config import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "README.md").is_file():
        message = f"shared data not found at {path} (set CHRONICLE_SHARED)"
        if os.environ.get("CHRONICLE_REQUIRE_SHARED") == "1":
            pytest.fail(message + "; CHRONICLE_REQUIRE_SHARED=1 forbids skipping")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "corpus" / "afgazad-2012-03-14-russia-syria.md"


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> dict:
    import json

    return json.loads((shared / "gold" / "seed.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole test session."""
    from chronicle.analysis.nlp import load_nlp

    return load_nlp()
