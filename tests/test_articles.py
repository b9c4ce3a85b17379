"""Articles stage: boilerplate removal (profiles, cross-document, contacts) and metadata."""

from __future__ import annotations

import hashlib
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.articles import CrossDocumentBoilerplate, build_article
from chronicle.articles.metadata import byline, is_contact_line
from chronicle.articles.profiles import load_profiles, parse_profile
from chronicle.config import Config
from chronicle.errors import ArticleError
from chronicle.model import Article, RawArticle

STORY = [
    "The provincial council agreed on Monday to repair the old canal before the spring floods.",
    "Farmers said the water had not reached their fields for two seasons.",
    "Work is due to start next month, the council said.",
]

# A made-up bilingual site, described the way data/sites/*.yaml describes real ones.
PROFILE = parse_profile(
    {
        "name": "valley-news.example",
        "hosts": ["valley-news.example"],
        "recognise": {"lines": ["^اخبار دره$"]},
        "boilerplate": ["^اخبار دره$", "^VN-VN$", "^valley-news\\.example$"],
        "sections": [{"name": "Local", "name_fa": "محلی"}],
        "meta": {"site_name_fa": "اخبار دره"},
        "date_order": "DMY",
    }
)


def _raw(lines: list[str], format_: str = "markdown", **kwargs) -> RawArticle:
    kwargs.setdefault("source", "docs/a.md")
    return RawArticle(format=format_, text="\n".join(lines), **kwargs)


def _site_page(head_order: list[int] | None = None) -> RawArticle:
    head = ["اخبار دره", "VN-VN", "valley-news.example", "Local", "محلی", "Reuters", "Canal to be repaired", "4/3/2021"]
    if head_order:
        head = [head[i] for i in head_order]
    return _raw(head + STORY, headings=["اخبار دره", "Canal to be repaired"])


def test_site_profile_removes_chrome_and_reads_metadata():
    article = build_article(_site_page(), profiles=[PROFILE])
    assert article.body == "\n\n".join(STORY)
    assert article.publisher == "valley-news.example"
    assert (article.section, article.meta["section_fa"]) == ("Local", "محلی")
    assert article.agency == "Reuters"
    assert article.title == "Canal to be repaired"
    assert article.published == "2021-03-04"  # the profile says day first
    assert article.language == "en"
    assert "VN-VN" in article.boilerplate and "اخبار دره" in article.boilerplate
    assert article.meta["site_name_fa"] == "اخبار دره"


def test_shuffled_masthead_gives_the_same_article():
    expected = build_article(_site_page(), profiles=[PROFILE])
    order = list(range(8))
    for seed in range(5):
        random.Random(seed).shuffle(order)
        article = build_article(_site_page(order), profiles=[PROFILE])
        assert (article.body, article.title, article.section, article.agency, article.published) == (
            expected.body, expected.title, expected.section, expected.agency, expected.published
        ), order


def test_both_section_labels_on_one_line():
    article = build_article(_raw(["اخبار دره", "Local محلی"] + STORY), profiles=[PROFILE])
    assert (article.section, article.meta["section_fa"]) == ("Local", "محلی")
    assert article.body == "\n\n".join(STORY)


def test_bundled_afgazad_profile_takes_one_line_contact_variants():
    profile = next(p for p in load_profiles() if p.name == "afgazad.com")
    assert profile.is_boilerplate("www.afgazad.com afgazad@gmail.com")
    assert profile.is_boilerplate("AA - AA")
    assert not profile.is_boilerplate("Visit www.afgazad.com for more.")


def test_generic_metadata_without_profile():
    head = ["Canal to be repaired", "By Jane Doe, Associated Press", "Tuesday, 4 March 2021"]
    raw = _raw(head + STORY, headings=["Canal to be repaired"])
    article = build_article(raw, profiles=[])
    assert (article.title, article.byline, article.agency, article.published) == (
        "Canal to be repaired", "Jane Doe", "Associated Press", "2021-03-04"
    )
    assert article.body.startswith(STORY[0])


def test_lines_above_the_headline_leave_the_body():
    head = ["Home | World | Region", "ANALYSIS", "Canal to be repaired", "Council decision"]
    article = build_article(_raw(head + STORY, headings=["Canal to be repaired", "Council decision"]), profiles=[])
    assert article.title == "Canal to be repaired"
    assert article.body.split("\n\n")[:2] == ["Council decision", STORY[0]]
    assert article.boilerplate == ["Home | World | Region", "ANALYSIS"]


def test_only_the_title_heading_leaves_the_body():
    head = ["Canal to be repaired", "Council decision"]
    raw = _raw(head + STORY, headings=head)
    article = build_article(raw, profiles=[])
    assert article.title == "Canal to be repaired"
    assert article.body.split("\n\n")[0] == "Council decision"


def test_title_in_the_body_script_is_preferred():
    raw = _raw(["سایت خبری", "Canal to be repaired"] + STORY, headings=["سایت خبری", "Canal to be repaired"])
    article = build_article(raw, profiles=[])
    assert article.title == "Canal to be repaired"
    assert article.body == "\n\n".join(STORY)
    assert article.boilerplate == ["سایت خبری"]  # above the headline: masthead, not story


def test_plain_text_title_is_the_first_headline_like_line():
    head = ["Canal to be repaired", "By a staff correspondent", "HERAT (AFP) - " + STORY[0]]
    raw = _raw(head + STORY[1:], format_="text")
    article = build_article(raw, profiles=[])
    assert article.title == "Canal to be repaired"
    assert (article.byline, article.agency) == ("a staff correspondent", "Agence France-Presse")
    assert article.body.startswith("HERAT (AFP) - ")


def test_a_headline_alone_is_title_and_body():
    article = build_article(_raw(["Canal to be repaired"]), profiles=[])
    assert article.title == article.body == "Canal to be repaired"


def test_plain_text_starting_with_prose_has_no_title():
    assert build_article(_raw(STORY), profiles=[]).title is None


def test_site_address_in_the_masthead_names_the_publisher():
    article = build_article(_raw(["Mountain Courier", "www.courier.example"] + STORY), profiles=[])
    assert article.publisher == "courier.example"


def test_dateline_gives_agency_and_stays_in_body():
    raw = _raw(["KABUL, Afghanistan (AP) — " + STORY[0]] + STORY[1:])
    article = build_article(raw, profiles=[])
    assert article.agency == "Associated Press"
    assert article.body.startswith("KABUL, Afghanistan (AP) —")


def test_solar_hijri_date_line():
    raw = _raw(["24 Hoot 1390"] + STORY)
    assert build_article(raw, profiles=[]).published == "2012-03-14"


@pytest.mark.parametrize(
    "given, iso",
    [
        ("2021-03-04T08:00:00", "2021-03-04T08:00:00"),
        ("4 March 2021", "2021-03-04"),
        ("۱۴ حوت ۱۳۹۹", "2021-03-04"),
        ("soon", None),
    ],
)
def test_reader_dates_become_iso(given, iso):
    assert build_article(_raw(STORY, published=given), profiles=[]).published == iso


def test_date_line_below_the_body_when_none_above():
    assert build_article(_raw(STORY + ["March 4, 2021"]), profiles=[]).published == "2021-03-04"
    above = build_article(_raw(["2 March 2021"] + STORY + ["March 4, 2021"]), profiles=[])
    assert above.published == "2021-03-02" and "March 4, 2021" not in above.body


def test_embedded_post_signature_is_not_a_date_line():
    signature = "— Valley Farmer (@valleyfarmer) March 4, 2021"
    article = build_article(_raw(STORY + [signature]), profiles=[])
    assert article.published is None and article.body.endswith(signature)


def test_date_in_a_sentence_is_not_a_date_line():
    sentence = "The council met on 4 March 2021 and agreed on the plan."
    article = build_article(_raw([sentence] + STORY), profiles=[])
    assert article.published is None
    assert article.body.startswith(sentence)


def test_contact_lines_removed_at_the_edges_only():
    middle = "www.canal-fund.example"  # a donation address the story gives: article text
    story = STORY * 3
    top, bottom = ["www.valley.example", "desk@valley.example"], ["Tel: +93 700 000 000"]
    raw = _raw(top + story[:4] + [middle] + story[4:] + bottom)
    article = build_article(raw, profiles=[])
    assert article.boilerplate == ["www.valley.example", "desk@valley.example", "Tel: +93 700 000 000"]
    assert middle in article.body.split("\n\n")


def test_publisher_from_url_host():
    article = build_article(_raw(STORY, url="https://www.news.example/2021/canal"), profiles=[])
    assert article.publisher == "news.example"


def test_reader_title_that_is_the_masthead_is_ignored():
    article = build_article(_raw(["اخبار دره"] + STORY, title="اخبار دره"), profiles=[PROFILE])
    assert article.title is None
    assert article.body == "\n\n".join(STORY)


def test_id_is_content_hash_of_body():
    article = build_article(_site_page(), profiles=[PROFILE])
    assert article.id == hashlib.sha256(article.body.encode()).hexdigest()[:16]
    plain = build_article(_raw(STORY), profiles=[])
    assert plain.id == article.id  # same story, different chrome: same id


def test_persian_article_is_normalised_and_identified():
    arabic_yeh_kaf = "\u0643ابل"  # "Kabul" typed with Arabic kaf
    lines = [
        "۲۴ حوت ۱۳۹۰",
        f"شورای ولایتی روز دوشنبه تصمیم گرفت که کانال قدیمی {arabic_yeh_kaf} را پیش از سیلاب‌های بهاری ترمیم کند.",
        "دهقانان گفتند که آب برای دو فصل به زمین‌هایشان نرسیده است.",
    ]
    article = build_article(_raw(lines), profiles=[])
    assert article.language == "fa"
    assert article.published == "2012-03-14"
    assert "\u0643" not in article.body and "\u06a9ابل" in article.body
    assert "\u200c" in article.body  # ZWNJ kept


def test_pashto_article():
    lines = ["د ولایتي شورا غړو د دوشنبې په ورځ پرېکړه وکړه چې زوړ کانال به د پسرلي له سېلابونو مخکې جوړ شي."]
    assert build_article(_raw(lines), profiles=[]).language == "ps"


def test_nothing_left_is_an_article_error():
    with pytest.raises(ArticleError, match="no article text left"):
        build_article(_raw(["اخبار دره", "VN-VN"]), profiles=[PROFILE])


def test_article_round_trips_through_json():
    article = build_article(_site_page(), profiles=[PROFILE])
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


# --------------------------------------------------------------------------- cross-document


def _unprofiled_page(i: int) -> RawArticle:
    story = [f"Story number {i} tells how the canal in district {i} was repaired by the villagers."]
    return _raw(["Mountain Courier", "Independent news since 1999"] + story, url=f"https://courier.example/{i}")


def test_repeated_lines_of_a_publisher_are_boilerplate():
    learner = CrossDocumentBoilerplate(min_docs=3, min_share=0.3, profiles=[])
    pages = [_unprofiled_page(i) for i in range(4)]
    for page in pages:
        learner.observe(page)
    article = build_article(pages[0], boilerplate=learner, profiles=[])
    assert article.body.startswith("Story number 0")
    assert {"Mountain Courier", "Independent news since 1999"} <= set(article.boilerplate)


def test_reader_title_repeated_on_every_page_is_no_title():
    learner = CrossDocumentBoilerplate(min_docs=3, min_share=0.3, profiles=[])
    pages = [_unprofiled_page(i) for i in range(3)]
    for page in pages:
        page.title = "Mountain Courier"  # a <title> that only names the site
        learner.observe(page)
    assert build_article(pages[0], boilerplate=learner, profiles=[]).title is None


def test_repeated_bilingual_label_pair_is_the_section():
    learner = CrossDocumentBoilerplate(min_docs=3, min_share=0.3, profiles=[])
    story = "Story {} tells how the canal was repaired by the villagers."
    pages = [_raw(["World News", "اخبار جهان", story.format(i)], url=f"http://c.example/{i}") for i in range(3)]
    for page in pages:
        learner.observe(page)
    article = build_article(pages[0], boilerplate=learner, profiles=[])
    assert (article.section, article.meta["section_fa"]) == ("World News", "اخبار جهان")


def test_only_lines_near_the_edges_are_learnt():
    learner = CrossDocumentBoilerplate(min_docs=3, min_share=0.3, profiles=[])
    filler = [f"Paragraph {n} of the long report on canals." for n in range(50)]
    for i in range(3):
        lines = filler[:25] + ["Officials declined to comment."] + filler[25:] + [f"Report {i}."]
        learner.observe(_raw(lines, url=f"http://r.example/{i}"))
    assert learner.is_boilerplate("r.example", "Paragraph 0 of the long report on canals.")
    assert not learner.is_boilerplate("r.example", "Officials declined to comment.")


def test_too_few_documents_learn_nothing():
    learner = CrossDocumentBoilerplate(min_docs=3, min_share=0.3, profiles=[])
    for page in [_unprofiled_page(0), _unprofiled_page(1)]:
        learner.observe(page)
    assert not learner.is_boilerplate("courier.example", "Mountain Courier")


def test_the_same_document_twice_counts_once():
    learner = CrossDocumentBoilerplate(min_docs=2, min_share=0.3, profiles=[])
    for _ in range(3):
        learner.observe(_unprofiled_page(0))
    assert learner.groups() == {"courier.example": 1}
    assert not learner.is_boilerplate("courier.example", "Mountain Courier")


def test_lines_are_counted_per_publisher():
    learner = CrossDocumentBoilerplate(min_docs=2, min_share=0.3, profiles=[])
    learner.observe(_unprofiled_page(0))
    other = _unprofiled_page(1)
    other.url = "https://other.example/1"
    learner.observe(other)
    assert not learner.is_boilerplate("courier.example", "Mountain Courier")


def test_documents_without_publisher_group_by_folder():
    learner = CrossDocumentBoilerplate(min_docs=3, min_share=0.3, profiles=[])
    story = "Story {} about a canal that was repaired by the villagers."
    pages = [_raw(["Mountain Courier", story.format(i)], source=f"site/{i}.md") for i in range(3)]
    for page in pages:
        learner.observe(page)
    assert build_article(pages[0], boilerplate=learner, profiles=[]).boilerplate == ["Mountain Courier"]


def test_counts_round_trip_and_thresholds_from_config():
    learner = CrossDocumentBoilerplate.from_config(Config(boilerplate_min_docs=2, boilerplate_min_share=0.5))
    for i in range(3):
        learner.observe(_unprofiled_page(i))
    restored = CrossDocumentBoilerplate.from_dict(json.loads(json.dumps(learner.to_dict())), profiles=[])
    assert (restored.min_docs, restored.min_share) == (2, 0.5)
    assert restored.is_boilerplate("courier.example", "mountain   courier")
    restored.observe(_unprofiled_page(0))  # already seen before saving
    assert restored.groups() == {"courier.example": 3}


def test_extra_profile_file_from_config(tmp_path):
    path = tmp_path / "valley.yaml"
    path.write_text(
        "name: valley.example\nhosts: [valley.example]\nboilerplate: ['^Valley Times$']\n", encoding="utf-8"
    )
    profiles = load_profiles((str(path),))
    assert profiles[-1].name == "valley.example"
    article = build_article(_raw(["Valley Times"] + STORY, url="http://valley.example/x"), profiles=profiles)
    assert article.boilerplate == ["Valley Times"]


def test_persian_markdown_article_end_to_end():
    """A Dari page as Markdown: heading title, Solar Hijri date line, Persian body."""
    from chronicle.model import Document
    from chronicle.readers.markdown import read_markdown

    text = (
        "# ترمیم کانال قدیمی\n\n"
        "سه‌شنبه ۱۵ جدی ۱۳۹۹\n\n"
        "شورای ولایتی تصمیم گرفت که کانال قدیمی را پیش از سیلاب‌های بهاری ترمیم کند.\n\n"
        "دهقانان گفتند که آب برای دو فصل به زمین‌هایشان نرسیده است.\n"
    )
    raw = read_markdown(Document(source="fa.md", content=text.encode("utf-8")))
    article = build_article(raw, profiles=[])
    assert (article.title, article.published, article.language) == ("ترمیم کانال قدیمی", "2021-01-04", "fa")
    assert article.body.startswith("شورای ولایتی")


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400),
    st.lists(st.text(max_size=30), max_size=3),
)
def test_any_text_gives_an_article_or_an_article_error(text, headings):
    try:
        article = build_article(_raw(text.splitlines(), headings=headings, title=text[:20] or None))
    except ArticleError:
        return
    assert article.body and article.body == article.body.strip()
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Jane Doe", ("Jane Doe", None)),
        ("Reporting by Jane Doe, Reuters", ("Jane Doe", "Reuters")),
        ("نویسنده: احمد کریمی", ("احمد کریمی", None)),
        ("نو\u064aسنده: احمد", ("احمد", None)),  # typed with Arabic yeh
        ("لیکوال: احمد کریمی", ("احمد کریمی", None)),
        ("by the time the river rose the village had left", None),
        ("By 2030 the canal will be finished", None),
    ],
)
def test_bylines(line, expected):
    assert byline(line) == expected


@pytest.mark.parametrize(
    "line, contact",
    [
        ("Email: desk@valley.example", True),
        ("ایمیل: desk@valley.example", True),
        ("تلفن: ۰۷۰۰۱۲۳۴۵۶", True),
        ("+93 700 123 456", True),
        ("3/14/2012", False),
        ("Write to desk@valley.example with tips.", False),
    ],
)
def test_contact_lines(line, contact):
    assert is_contact_line(line) is contact


def test_a_document_of_encoded_data_is_no_article():
    blob = "QUJD" * 5000  # one 20,000-character run, as a base64 attachment saved as text
    raw = RawArticle(source="blob.txt", format="text", text=f"Attachment\n{blob}")
    with pytest.raises(ArticleError, match="no prose"):
        build_article(raw)
    long_url = "https://example.org/" + "a" * 150
    ok = RawArticle(source="ok.txt", format="text",
                    text=f"The council met on Monday to approve the canal repair plan, officials said. {long_url}")
    assert "canal" in build_article(ok).body
