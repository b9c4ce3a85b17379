"""Text units (analysis/units.py): headlines, list items and captions start sentences of their
own before the parser runs; hard-wrapped prose stays one sentence. Our own text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_a_headline_without_a_full_stop_is_not_glued_to_the_first_sentence(nlp):
    text = "Kenya Sends Troops To Somalia As Talks Stall\n\nPresident Uhuru Kenyatta ordered the deployment on Monday."
    assert sentences(nlp, text) == ["Kenya Sends Troops To Somalia As Talks Stall",
                                    "President Uhuru Kenyatta ordered the deployment on Monday."]
    # and the forced start does not make the parser split after the unit's first word
    assert "President Uhuru Kenyatta ordered the deployment on Monday." in sentences(nlp, text)


def test_list_items_and_a_caption_on_single_lines_are_units(nlp):
    text = "Key points\n* Kenya sent troops to Somalia\n* Uganda closed its border\nMogadishu Port Authority"
    assert sentences(nlp, text) == ["Key points", "* Kenya sent troops to Somalia", "* Uganda closed its border",
                                    "Mogadishu Port Authority"]


def test_hard_wrapped_prose_stays_one_sentence(nlp):
    text = "The army, which had been waiting for\norders since Monday, attacked the town at dawn."
    assert sentences(nlp, text) == ["The army, which had been waiting for\norders since Monday, attacked the town at dawn."]
