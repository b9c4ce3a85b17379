"""Language identification (Pashto apart from Dari/Persian) and Persian normalisation."""

from __future__ import annotations

import pytest

from chronicle.articles.language import detect_language, pashto_share
from chronicle.articles.normalize import ZWNJ, normalize_line, normalize_persian, normalize_text

PASHTO = "د کابل ښار په لوېدیځ کې نن ورځ یوه غونډه جوړه شوه او ګډونوال پرې خبرې وکړې."
DARI = "امروز در غرب شهر کابل نشستی برگزار شد و شرکت‌کنندگان درباره آب شهر گفتگو کردند."
ENGLISH = "A meeting was held today in the west of the city, and those present talked about water."
ARABIC = "عقد اليوم اجتماع في غرب المدينة وتحدث المشاركون عن مياه الشرب في الأحياء."


@pytest.mark.parametrize(
    "text, code", [(PASHTO, "ps"), (DARI, "fa"), (ENGLISH, "en"), (ARABIC, "ar")]
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_too_little_text_has_no_language():
    assert detect_language("—  12 ") is None


def test_pashto_letters_counted():
    assert pashto_share(PASHTO) > 0.02
    assert pashto_share(DARI) == 0.0


def test_arabic_yeh_and_kaf_become_persian():
    arabic_letters = "\u0643ابل \u064aک شهر است"  # Arabic kaf and yeh
    assert normalize_persian(arabic_letters) == "\u06a9ابل \u06ccک شهر است"


def test_zwnj_latin_and_digits_untouched():
    mixed = f"می{ZWNJ}خواهند UNAMA report 2021 ۱۴۰۰ \u064a"
    out = normalize_persian(mixed)
    assert ZWNJ in out
    assert "UNAMA report 2021 ۱۴۰۰" in out
    assert out.endswith("\u06cc")


def test_normalisation_only_for_persian_records():
    arabic = "\u0643تاب \u0641\u064a"
    assert normalize_text(arabic, "ar") == arabic
    assert normalize_text(arabic, "fa") == "\u06a9تاب \u0641\u06cc"


def test_normalize_line_collapses_spaces_but_keeps_zwnj():
    assert normalize_line(f"  می{ZWNJ}رود\u00a0\u00a0 به   خانه\u200b ") == f"می{ZWNJ}رود به خانه"
