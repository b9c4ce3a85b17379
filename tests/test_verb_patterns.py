"""User PETRARCH verb patterns in the event coder (analysis/event_lookup.py with analysis/verbdict.py):
a matched pattern gives the event its code and its target, a paired code ``[a:b]`` codes both
directions, ``%`` codes coordinated subjects acting on each other. Countries and codes are
fictional, written here."""

from __future__ import annotations

import pytest

from chronicle.config import Config
from chronicle.model import Article

pytestmark = pytest.mark.slow

ACTORS = """\
FREEDONIA [FRE]
SYLVANIA [SYL]
SYLVANIANS [SYL]
VULGARIA [VUL]
"""

VERBS = """\
--- WRANGLE [111] ---
WRANGLE
- * ALONGSIDE + [062]

--- CAUTION [160] ---
CAUTION
- * THEIR ^ ABOUT + [162]

--- BEFRIEND [051:052] ---
BEFRIEND

--- PARLEY [040] ---
PARLEY
- % * [036]
"""


@pytest.fixture(scope="module")
def analyzers(tmp_path_factory):
    """One analyzer with the user's actors and verbs, one with the actors only."""
    from chronicle.analysis import Analyzer

    folder = tmp_path_factory.mktemp("dicts")
    (folder / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "Test.verbs.txt").write_text(VERBS, encoding="utf-8")
    actors = str(folder / "Test.actors.txt")
    with_verbs = Analyzer(Config(dictionaries=[actors, str(folder / "Test.verbs.txt")]), quotes=False)
    return with_verbs, Analyzer(Config(dictionaries=[actors]), quotes=False)


def coded(analyzer, text: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(id="test", source="test", body=text, published="2012-03-14", language="en")
    events = next(analyzer.analyze([article])).events
    return [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in events]


def test_pattern_gives_code_and_target(analyzers):
    with_verbs, without = analyzers
    # "alongside" is no target preposition of the built-in rules: the pattern's "+" places it
    assert coded(with_verbs, "Freedonia wrangled alongside Sylvania.") == [("062", "FRE", "SYL")]
    assert ("062", "FRE", "SYL") not in coded(without, "Freedonia wrangled alongside Sylvania.")


def test_paired_code_gives_both_directions(analyzers):
    with_verbs, _ = analyzers
    assert coded(with_verbs, "Freedonia befriended Sylvania.") == [("051", "FRE", "SYL"), ("052", "SYL", "FRE")]


def test_mutual_pattern_codes_each_pair(analyzers):
    with_verbs, _ = analyzers
    assert sorted(coded(with_verbs, "Freedonia and Sylvania parleyed on Monday.")) == [
        ("036", "FRE", "SYL"),
        ("036", "SYL", "FRE"),
    ]


def test_pattern_code_is_kept_for_announced_acts(analyzers):
    with_verbs, _ = analyzers
    # the built-in rules would make "will cooperate" an intent (AGREE, CAMEO 03x)
    assert coded(with_verbs, "Freedonia will wrangle alongside Sylvania.") == [("062", "FRE", "SYL")]


def test_target_where_the_pattern_places_it(analyzers):
    with_verbs, _ = analyzers
    # the object names an actor too, but "+" follows "about"
    assert coded(with_verbs, "Freedonia cautioned their Sylvanians about Vulgaria.") == [("162", "FRE", "VUL")]
