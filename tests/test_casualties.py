"""Casualty counts (analysis/casualties.py)."""

import pytest

from chronicle.analysis.circumstances import Casualties, find_casualties


@pytest.mark.parametrize(
    ("text", "dead", "injured"),
    [
        ("a bomb exploded, killing at least 156 people", 156, None),
        ("the U.N. says over 7,500 people have been killed", 7500, None),
        ("gunmen wounded 12 and killed two policemen", 2, 12),
        ("Three soldiers were killed and 12 wounded", 3, 12),
        ("the death toll rose to 40", 40, None),
        ("30 civilians were injured in the blast", None, 30),
    ],
)
def test_counts(text, dead, injured):
    assert find_casualties(text) == Casualties(dead=dead, injured=injured)


def test_no_counts_in_ordinary_sentences():
    assert find_casualties("He killed time in 2012 with 40 friends.") == Casualties()
    assert find_casualties("Russia enjoys good cooperation with Syria.") == Casualties()
