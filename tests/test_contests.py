"""Contests are not political events: a sports report codes nothing; beating a rival at the
ballot box is no assault; a candidate's rally in an election story is no protest."""

import pytest

from chronicle.model import Article


@pytest.fixture(scope="module")
def analyzer():
    from chronicle.analysis import Analyzer

    return Analyzer(quotes=False)


def events_of(analyzer, text: str):
    article = Article(id="0" * 16, source="test", body=text, published="2019-11-25", language="en")
    return next(analyzer.analyze([article], raise_failures=True)).events


def test_a_sports_report_codes_no_event(analyzer):
    report = ("Russia beat Croatia on Monday to reach the Davis Cup semifinals. "
              "The top-seeded Andrei Rublev defeated Borna Coric 6-3, 7-6 in the first match. "
              "Croatia's coach said his players fought hard in the doubles.")
    assert events_of(analyzer, report) == []


def test_a_contest_verb_beside_a_score_is_a_result(analyzer):
    assert events_of(analyzer, "Kenya beat Somalia 3-1 on Sunday.") == []


def test_the_same_verb_between_states_without_sport_is_still_coded(analyzer):
    events = events_of(analyzer, "Kenyan troops beat Somali protesters near the border on Sunday.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_beating_a_candidate_at_the_ballot_box_is_no_assault(analyzer):
    text = "We're going to have to beat Donald Trump at the ballot box, Senator Ted Cruz said."
    assert [e.type for e in events_of(analyzer, text)] == []


def test_a_candidates_rally_in_an_election_story_is_no_protest(analyzer):
    story = ("Voters head to the polls in the primary on Tuesday, and the nomination is close. "
             "While Republican business leaders push for free trade, Mr. Trump has rallied thousands by "
             "promising to impose 35 percent tariffs on imported goods.")
    assert [e for e in events_of(analyzer, story) if e.type == "PROTEST"] == []


def test_a_candidates_call_aimed_at_nobody_in_an_election_story_is_a_policy_position(analyzer):
    story = ("Voters head to the polls in the primary on Tuesday, and the nomination is close. "
             "Republican candidate Jane Holloway has called for eliminating the carried-interest loophole. "
             "Republican candidate Jane Holloway called on Congress to cut taxes.")
    events = events_of(analyzer, story)
    assert [(e.type, e.target and e.target.text) for e in events if e.type == "REQUEST"] == [("REQUEST", "Congress")]


def test_the_publics_votes_in_an_election_story_are_choices_not_events(analyzer):
    story = ("The election campaign entered its last week as voters in Kenya prepared for the ballot. "
             "Lots of Kenyan voters supported Raila Odinga in the primaries, polls show. "
             "Naturalized citizens in Nairobi have voted for both parties.")
    assert [e for e in events_of(analyzer, story) if e.type in ("SUPPORT", "AGREE", "REJECT")] == []
    # a party backing a candidate in the same story is still an endorsement
    story += " The Kenyan ruling party backed Raila Odinga on Monday."
    assert [e.type for e in events_of(analyzer, story) if e.type == "SUPPORT"] == ["SUPPORT"]
