"""Dates: Gregorian forms and Solar Hijri (Iranian and Afghan month names) to ISO."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.articles.dates import parse_date, to_gregorian


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019-07-02", "2019-07-02"),
        ("2019-07-02T10:15:00Z", "2019-07-02"),
        ("7/2/2019", "2019-07-02"),  # month first
        ("25/12/2019", "2019-12-25"),  # day first: 25 cannot be a month
        ("2 July 2019", "2019-07-02"),
        ("2nd of July, 2019", "2019-07-02"),
        ("July 2, 2019", "2019-07-02"),
        ("Tuesday, Jul. 2, 2019 09:30 GMT", "2019-07-02"),
    ],
)
def test_gregorian_forms(text, expected):
    assert parse_date(text) == expected


def test_day_first_order_for_sites_that_write_it():
    assert parse_date("7/2/2019", order="DMY") == "2019-02-07"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("۱ حمل ۱۴۰۰", "2021-03-21"),  # Afghan new year (Nowruz)
        ("1 Hamal 1400", "2021-03-21"),
        ("۱ فروردین ۱۴۰۰", "2021-03-21"),  # the same day, Iranian month name
        ("سه‌شنبه ۲۸ اسد ۱۳۹۸", "2019-08-19"),  # weekday in front
        ("28 Asad 1398", "2019-08-19"),
        ("۲۸ زمری ۱۳۹۸", "2019-08-19"),  # Pashto month name
        ("۱۰ جدی ۱۳۹۹", "2020-12-30"),
        ("10 Dey 1399", "2020-12-30"),
        ("1399/10/10", "2020-12-30"),  # numeric, year below 1500: Solar Hijri
        ("۱۳۹۹/۱۰/۱۰", "2020-12-30"),
        ("٢٨ اسد ١٣٩٨", "2019-08-19"),  # Arabic-Indic digits
    ],
)
def test_solar_hijri(text, expected):
    assert parse_date(text) == expected


def test_arabic_letters_in_month_names_are_accepted():
    # جدي with Arabic yeh (as typed on an Arabic keyboard) is still the Afghan month Jadi
    assert parse_date("۱۰ جد\u064a ۱۳۹۹") == "2020-12-30"


@pytest.mark.parametrize(
    "text",
    ["elections on March 4", "call 555-1234", "no date here", "31 February 2019", "13/13/2019", "32 Hamal 1400"],
)
def test_no_date(text):
    assert parse_date(text) is None


def test_other_languages_fall_back_to_dateparser():
    assert parse_date("le 2 juillet 2019", languages=["fr"]) == "2019-07-02"


def test_first_date_in_text_wins():
    assert parse_date("Posted 3 May 2018, updated 4 May 2018") == "2018-05-03"


def test_to_gregorian_rejects_impossible_dates():
    assert to_gregorian(1400, 13, 1, "solar") is None
    assert to_gregorian(2019, 2, 29, "gregorian") is None
    assert to_gregorian(1400, 1, 1, "gregorian") is None  # Gregorian year out of range


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_any_text_gives_an_iso_date_or_none(text):
    found = parse_date(text)
    assert found is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", found)
