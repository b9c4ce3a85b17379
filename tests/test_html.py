"""HTML reader: body, title without site name, date, url, publisher, byline, language, links."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.errors import ReaderError
from chronicle.eval.aeb import evaluate, score_page, shingles
from chronicle.model import Document
from chronicle.readers.html import NO_ARTICLE, clean_body, read_html, strip_site

PARAGRAPHS = [
    "The provincial council in Herat met on Monday to discuss the water dispute with the "
    "neighbouring district, officials said after the session ended late in the evening.",
    "Council members said the dispute over the canal had lasted for three growing seasons and "
    "that farmers on both sides had lost a large share of their wheat harvest to the drought.",
    "A spokesman for the governor said a commission of elders would visit the canal next week "
    "and report to the council before the spring planting begins in the valley.",
    "Farmers who attended the meeting said they welcomed the commission but wanted the water "
    "shared by a written agreement rather than by promises made in front of cameras.",
]

NAVIGATION = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(12))


def page(body: str, head: str = "", lang: str = "en") -> bytes:
    """A news page with a menu, the given article markup and a footer."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f"<header><nav><ul>{NAVIGATION}</ul></nav></header>"
        f"<main>{body}</main>"
        "<footer><p>About us</p><p>Contact</p><p>Privacy policy</p></footer>"
        "<script>var tracking = {id: 42};</script></body></html>"
    ).encode("utf-8")


ARTICLE_HEAD = (
    "<title>Herat council debates canal dispute | Example News</title>"
    '<meta property="og:site_name" content="Example News">'
    '<meta property="og:title" content="Herat council debates canal dispute | Example News">'
    '<meta name="author" content="Sara Ahmadi">'
    '<meta property="article:published_time" content="2023-04-02T08:30:00+04:30">'
    '<link rel="canonical" href="https://news.example.org/2023/04/herat-canal">'
)


def article_markup() -> str:
    paragraphs = list(PARAGRAPHS)
    paragraphs[1] = paragraphs[1].replace("canal", '<a href="/tags/canal">canal</a>', 1)
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<article><h1>Herat council debates canal dispute</h1>{ps}<p>Read more: Another story</p></article>"


@pytest.fixture(scope="module")
def article():
    return read_html(Document(source="herat.html", content=page(article_markup(), ARTICLE_HEAD)))


def test_body_keeps_paragraphs_in_order_without_menu_or_footer(article) -> None:
    lines = article.text.splitlines()
    assert lines == PARAGRAPHS
    assert "Section 3" not in article.text and "Privacy policy" not in article.text


def test_metadata_from_markup(article) -> None:
    assert article.format == "html"
    assert article.title == "Herat council debates canal dispute"
    assert article.published == "2023-04-02"
    assert article.url == "https://news.example.org/2023/04/herat-canal"
    assert article.publisher == "Example News"
    assert article.byline == "Sara Ahmadi"
    assert article.language == "en"


def test_links_in_body_are_absolute(article) -> None:
    assert [(link.text, link.url) for link in article.links] == [
        ("canal", "https://news.example.org/tags/canal")
    ]


def test_raw_article_round_trips(article) -> None:
    assert type(article).from_dict(article.to_dict()) == article


def test_navigation_and_scripts_only_page_is_refused() -> None:
    content = page("<script>document.write('hello');</script><div class='menu'><a href='/a'>Home</a></div>")
    with pytest.raises(ReaderError) as caught:
        read_html(Document(source="menu.html", content=content))
    assert caught.value.reason == NO_ARTICLE
    assert caught.value.source == "menu.html"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([b"", b"<html><body>", b"<p>", b"\xff\xfe<"]))
def test_random_bytes_raise_only_reader_error(junk: bytes, prefix: bytes) -> None:
    try:
        read_html(Document(source="junk.html", content=prefix + junk))
    except ReaderError as error:
        assert error.source == "junk.html" and error.reason


def test_persian_page_in_cp1256_without_charset_is_decoded() -> None:
    # cp1256 has the Arabic yeh (U+064A), not the Persian one: old Persian pages are written so
    sentence = "شورای ولایتی هرات روز دوشنبه درباره اختلاف آب با ولسوالی همسایه جلسه برگزار کرد.".replace("ی", "ي")
    body = "".join(f"<p>{sentence} {n}</p>" for n in range(6))
    content = f'<html lang="fa"><head><title>هرات</title></head><body><article>{body}</article></body></html>'
    raw = read_html(Document(source="fa.html", content=content.encode("cp1256")))
    assert sentence in raw.text
    assert raw.language == "fa"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Storm hits coast | CNN", "Storm hits coast"),
        ("Storm hits coast - BBC News", "Storm hits coast"),
        ("Storm hits coast — The Guardian", "Storm hits coast"),
        ("Storm hits coast | World | Example Daily", "Storm hits coast"),
        ("Reuters: Storm hits coast", "Storm hits coast"),
        ("Julian Assange: Sweden drops investigation", "Julian Assange: Sweden drops investigation"),
        ("Pro-government rally in Kabul", "Pro-government rally in Kabul"),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title, publisher="Example Daily", host="example-daily.com") == expected


def test_strip_site_keeps_a_long_tail_that_is_not_the_site() -> None:
    title = "Talks resume - negotiators from both sides meet again in Doha today"
    assert strip_site(title) == title


def test_clean_body_drops_furniture_lines_and_repeated_title() -> None:
    text = "\n".join(
        [
            "Storm hits coast",
            "The storm reached the coast at dawn.",
            "Related: Earlier storms this year",
            "- Floods in the north",
            "- Winds close the port",
            "Residents were moved to schools.",
            "12 comments",
            "Sign up for our daily newsletter",
        ]
    )
    assert clean_body(text, titles=["Storm hits coast"]) == (
        "The storm reached the coast at dawn.\nResidents were moved to schools."
    )


def test_aeb_scorer_counts_shingles() -> None:
    assert shingles("one two three four five") == {("one", "two", "three", "four"): 1, ("two", "three", "four", "five"): 1}
    perfect = score_page("a b c d e", "a b c d e")
    assert (perfect.precision, perfect.recall) == (1.0, 1.0)
    half = score_page("a b c d e", "a b c d")
    assert half.precision == 1.0 and half.recall == 0.5
    assert evaluate({"x": "a b c d e"}, {"x": None})["f1"] == 0.0


# --------------------------------------------------------------------------- the seed, as HTML


def seed_as_html(markdown: str, head: str = "") -> bytes:
    """The seed Markdown as a plain web page: # -> h1, ## -> h2, other lines -> p, links -> a."""
    parts = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line:
            continue
        line = html.escape(line, quote=False)
        line = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r'<a href="\2">\1</a>', line)
        heading = re.match(r"(#+)\s+(.*)", line)
        parts.append(f"<h{len(heading[1])}>{heading[2]}</h{len(heading[1])}>" if heading else f"<p>{line}</p>")
    return f"<html><head>{head}</head><body>{''.join(parts)}</body></html>".encode()


@pytest.mark.shared
def test_seed_as_html_keeps_the_article_body(seed_path: Path, seed_gold: dict) -> None:
    content = seed_as_html(seed_path.read_text(encoding="utf-8"))
    raw = read_html(Document(source="seed.html", content=content))
    gold = seed_gold["metadata"]
    assert gold["body_starts_with"] in raw.text
    assert raw.text.rstrip().endswith(gold["body_ends_with"])
    for piece in gold["body_contains"]:
        assert piece in raw.text
    assert "](" not in raw.text
    assert raw.text.index(gold["body_starts_with"]) < raw.text.index(gold["body_ends_with"])
    assert raw.title == gold["title"]


def test_headline_above_the_body_is_the_title_when_the_page_declares_none() -> None:
    body = "<h1>Example Daily</h1><p>Kabul edition</p><h2>Herat council debates canal dispute</h2>"
    body += "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    raw = read_html(Document(source="plain.html", content=page(f"<div>{body}</div>")))
    assert raw.title == "Herat council debates canal dispute"


def test_story_split_into_sibling_containers_is_joined() -> None:
    from lxml import html as lxml_html

    from chronicle.readers.html import chunked_body

    chunk = '<div class="story-chunk">{}</div>'
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:1])
    more = '<ul><li>Read <a href="/a">the story of the dam</a></li><li>See <a href="/b">the photos of the flood</a></li></ul>'
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + more
    tree = lxml_html.fromstring(f"<html><body>{chunk.format(first)}<aside>Advert</aside>{chunk.format(rest)}</body></html>")
    assert chunked_body(tree, PARAGRAPHS[0]) == "\n".join(PARAGRAPHS)
    assert chunked_body(tree, "A different text that is not on this page at all.") is None
    assert chunked_body(tree, "\n".join(PARAGRAPHS)) is None  # nothing to gain


def test_title_element_without_meta_tags_is_the_title() -> None:
    head = "<title>Herat council debates canal dispute - Example Daily</title>"
    body = "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article>"
    raw = read_html(Document(source="t.html", content=page(body, head)))
    assert raw.title == "Herat council debates canal dispute"


def test_embedded_tweet_is_kept_as_a_quotation() -> None:
    tweet = "The canal commission will visit Herat next week and report to the council before spring."
    embed = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet">'
        f"<p>{tweet}</p>— Herat Governor (@herat_gov) April 2, 2023</blockquote></div>"
    )
    paragraphs = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = "<article>" + "".join(paragraphs[:2]) + embed + "".join(paragraphs[2:]) + "</article>"
    raw = read_html(Document(source="tweet.html", content=page(body)))
    assert tweet in raw.text
    assert raw.text.index(PARAGRAPHS[1]) < raw.text.index(tweet) < raw.text.index(PARAGRAPHS[2])


def test_aeb_run_scores_the_reader_on_a_benchmark_folder(tmp_path: Path) -> None:
    import gzip
    import json

    from chronicle.eval.aeb import run

    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(page(article_markup(), ARTICLE_HEAD)))
    truth = {"p1": {"articleBody": "\n\n".join(PARAGRAPHS), "url": "https://news.example.org/x"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    figures = run(tmp_path)
    assert figures["pages"] == 1
    assert figures["f1"] == pytest.approx(1.0) and figures["f1_page_mean"] == pytest.approx(1.0)


@pytest.mark.shared
@pytest.mark.parametrize("head", ["", "<title>afgazad.com</title>"])
def test_seed_as_html_gives_the_gold_article(seed_path: Path, seed_gold: dict, head: str) -> None:
    from chronicle.articles import build_article

    content = seed_as_html(seed_path.read_text(encoding="utf-8"), head)
    raw = read_html(Document(source="seed.html", content=content))
    article = build_article(raw)
    gold = seed_gold["metadata"]
    for name in ("publisher", "section", "agency", "title", "published", "language"):
        assert getattr(article, name) == gold[name], name
    assert article.body.startswith(gold["body_starts_with"])
    assert article.body.endswith(gold["body_ends_with"])
    for piece in gold["not_in_body"]:
        assert piece not in article.body


def test_a_short_brief_is_an_article() -> None:
    body = "<article><p>Kabul airport reopened on Sunday after a two-day closure, officials said.</p></article>"
    raw = read_html(Document(source="brief.html", content=f"<html><body>{body}</body></html>".encode()))
    assert raw.text == "Kabul airport reopened on Sunday after a two-day closure, officials said."


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright law in Iran is weak, lawyers say.",
        "Tags were found on the birds.",
        "The meeting at 10:30 on March 3, 2019 was cancelled.",
        "Related talks in Doha ended without a deal.",
        "An error has occurred in the vote count, officials said.",
    ],
)
def test_clean_body_keeps_sentences_that_start_like_furniture(sentence: str) -> None:
    assert clean_body(sentence) == sentence


@pytest.mark.parametrize(
    "line",
    ["© 2019 Example Press. All rights reserved.", "Tags: water, Herat", "November 20, 2019 - 11:28 AMT"],
)
def test_clean_body_drops_furniture(line: str) -> None:
    assert clean_body(f"The council met.\n{line}") == "The council met."


def test_persian_zero_width_non_joiner_is_kept():
    para = "<p>این متن آزمایشی می\u200cخواهد نیم\u200cفاصله را در کتاب\u200cها نگه دارد، بند {}.</p>"
    page = (
        "<html lang='fa'><head><meta charset='utf-8'><title>کتاب\u200cها</title></head><body><article>"
        + "".join(para.format(i) for i in range(8))
        + "</article></body></html>"
    )
    raw = read_html(Document(source="fa.html", content=page.encode(), format="html"))
    assert "می\u200cخواهد" in raw.text
    assert "\u2e1a" not in raw.text and "\u2e1a" not in (raw.title or "")
