"""Judgements: a speaker's criticism or praise of another actor in their own words (the
``judgements`` component, analysis/events/judgements.py). Every sentence is our own."""

from __future__ import annotations

import pytest

from chronicle.analysis.events import parse_judgement_words
from chronicle.model import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyzer():
    from chronicle.analysis import Analyzer

    return Analyzer()


def judged(analyzer, text: str) -> list[tuple]:
    article = Article(id="judgement-test", source="test", body=text, published="2016-05-02", language="en")
    events = next(analyzer.analyze([article])).events
    return [(e.type, e.source.code[:3], e.target.code[:3], e.trigger) for e in events
            if e.rule and e.rule.startswith("judgement")]


def test_a_quoted_insult_is_the_speakers_criticism_of_the_one_it_is_about(analyzer):
    text = ('Russian Foreign Minister Sergei Lavrov spoke on Monday. '
            '"The Ukrainian government is incompetent and corrupt," Lavrov said.')
    assert judged(analyzer, text)[:1] == [("ACCUSE", "RUS", "UKR", "incompetent")]


def test_quoted_praise_is_support(analyzer):
    text = 'French President Emmanuel Macron said German Chancellor Angela Merkel was "absolutely right" on trade.'
    assert judged(analyzer, text) == [("SUPPORT", "FRA", "DEU", "right")]


def test_a_possessive_names_whom_the_judged_noun_belongs_to(analyzer):
    text = '"These are Moscow\'s lies," Polish Prime Minister Donald Tusk said.'
    assert judged(analyzer, text) == [("ACCUSE", "POL", "RUS", "lies")]


def test_a_stance_adjective_is_coded_outside_quotes(analyzer):
    text = "Chinese Foreign Minister Wang Yi was sharply critical of the Japanese government."
    assert judged(analyzer, text) == [("ACCUSE", "CHN", "JPN", "critical")]


def test_negated_hedged_asked_or_self_judging_words_code_nothing(analyzer):
    for text in (
        '"The Ukrainian government is not corrupt," Russian Foreign Minister Sergei Lavrov said.',
        'Russian Foreign Minister Sergei Lavrov asked whether the Ukrainian government was corrupt.',
        '"Is the Ukrainian government corrupt?" Russian Foreign Minister Sergei Lavrov said.',
        '"I was wrong," Russian Foreign Minister Sergei Lavrov said.',
        '"The weather in Kiev is terrible," Russian Foreign Minister Sergei Lavrov said.',
    ):
        assert judged(analyzer, text) == [], text


def test_an_act_the_event_coder_already_coded_is_not_coded_twice(analyzer):
    text = '"The Ukrainian government lied," Russian Foreign Minister Sergei Lavrov said, accusing Kiev of lying.'
    article = Article(id="judgement-test", source="test", body=text, published="2016-05-02", language="en")
    events = next(analyzer.analyze([article])).events
    pairs = [(e.type, e.source.code[:3], e.target.code[:3]) for e in events if e.source and e.target]
    assert pairs.count(("ACCUSE", "RUS", "UKR")) == 1


def test_words_of_judgement_are_read_from_data_with_their_part_of_speech():
    words = parse_judgement_words({"negative": ["liar", "wrong:ADJ"], "positive": ["hero"], "hedges": ["whether"],
                                   "stance": {"critical": {"type": "ACCUSE", "prepositions": ["of"]}}})
    assert words.polarity == {"liar": ("negative", frozenset()), "wrong": ("negative", frozenset({"ADJ"})),
                              "hero": ("positive", frozenset())}
    assert words.stance == {"critical": ("ACCUSE", frozenset({"of"}))} and words.hedges == frozenset({"whether"})


def test_a_word_about_it_or_that_judges_no_one(analyzer):
    text = '"It is wonderful to see this," Polish Prime Minister Donald Tusk said of the Ukrainian government.'
    assert [t for t in judged(analyzer, text) if t[3] == "wonderful"] == []


def test_a_word_listed_bare_and_with_a_part_of_speech_judges_as_any_part_of_speech():
    words = parse_judgement_words({"negative": ["lie", "lie:NOUN", "wrong:ADJ"]})
    assert words.polarity == {"lie": ("negative", frozenset()), "wrong": ("negative", frozenset({"ADJ"}))}


def test_a_quoted_verb_of_judgement_is_criticism(analyzer):
    assert judged(analyzer, '"Kenya lied to us," Somali President Hassan Sheikh Mohamud said.') == [
        ("ACCUSE", "SOM", "KEN", "lied")]


def test_a_quote_said_of_someone_judges_them(analyzer):
    text = '"That was a really outrageous statement," Russian Foreign Minister Sergei Lavrov said of Ukraine.'
    assert judged(analyzer, text) == [("ACCUSE", "RUS", "UKR", "outrageous")]


def test_a_claim_called_false_is_denied_not_criticised(analyzer):
    text = ('Polish Prime Minister Donald Tusk said on Monday that the Russian Defense Ministry\'s claim '
            '"is patently false."')
    assert judged(analyzer, text) == [("REJECT", "POL", "RUS", "false")]


def test_the_end_of_a_hyphenated_word_judges_nothing(analyzer):
    text = ('"Floods could ruin the low-lying farms of Bangladesh," Indian Prime Minister Narendra Modi said '
            'of Bangladesh.')
    assert judged(analyzer, text) == []


def test_a_name_given_to_someone_judges_them(analyzer):
    assert judged(analyzer, "Kenyan President Uhuru Kenyatta called Ugandan President Yoweri Museveni a liar.") == [
        ("ACCUSE", "KEN", "UGA", "liar")]
    assert judged(analyzer, "Kenyan President Uhuru Kenyatta described Ugandan President Yoweri Museveni as a hero.") == [
        ("SUPPORT", "KEN", "UGA", "hero")]
    assert judged(analyzer, "Kenyan President Uhuru Kenyatta called Uganda's plan a disaster.") == [
        ("ACCUSE", "KEN", "UGA", "disaster")]
    # a call made to someone names nothing
    assert judged(analyzer, "Kenyan President Uhuru Kenyatta called Ugandan President Yoweri Museveni on Monday.") == []


def test_a_charlatan_is_criticism(analyzer):
    text = '"The Ugandan president is a charlatan," Kenyan President Uhuru Kenyatta said.'
    assert judged(analyzer, text) == [("ACCUSE", "KEN", "UGA", "charlatan")]
