"""Dates resolved against the publication date (analysis/timex.py)."""

from chronicle.analysis.circumstances import find_dates, parse_published

PUBLISHED = "2012-03-14"  # a Wednesday


def values(text: str, published: str | None = PUBLISHED) -> list[str]:
    return [d.value for d in find_dates(text, published)]


def test_weekdays_resolve_to_the_latest_such_day_up_to_publication():
    assert values("an official said Tuesday") == ["2012-03-13"]
    assert values("after talks on Monday") == ["2012-03-12"]
    assert values("said Wednesday") == ["2012-03-14"]  # same day as publication
    assert values("last Wednesday") == ["2012-03-07"]
    assert values("will meet next Friday") == ["2012-03-16"]


def test_month_day_and_month_alone():
    assert values("who won elections on March 4") == ["2012-03-04"]
    assert values("a call there in January") == ["2012-01"]
    assert values("Also in January, a ship") == ["2012-01"]
    # a month far after publication is last year's
    assert values("in November") == ["2011-11"]


def test_explicit_years_and_iso_dates():
    assert values("on 5 May 2010 and in June 2011") == ["2010-05-05", "2011-06"]
    assert values("filed 2011-12-30") == ["2011-12-30"]
    assert values("in 1994") == ["1994"]


def test_relative_days_and_offsets():
    found = find_dates("He left yesterday.", PUBLISHED)
    assert [(d.text, d.start, d.value) for d in found] == [("yesterday", 8, "2012-03-13")]


def test_month_words_that_are_verbs_are_not_dates():
    assert values("He may go. They march on.") == []


def test_without_publication_date_only_absolute_dates_resolve():
    assert values("said Tuesday, on March 4, 2011", None) == ["2011-03-04"]
    assert parse_published("not a date") is None


def test_a_year_that_opens_the_sentence_is_a_date_too():
    assert values("In 1994, the council met.") == ["1994"]
