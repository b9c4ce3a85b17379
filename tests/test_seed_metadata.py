"""The seed figures: the afgazad.com document gives every metadata value of gold/seed.json,
read as Markdown, with its masthead lines shuffled, and converted to a simple HTML page."""

from __future__ import annotations

import html
import random

import pytest

from chronicle.articles import build_article
from chronicle.model import Article, Document
from chronicle.readers.markdown import read_markdown

pytestmark = pytest.mark.shared

FIELDS = ("publisher", "section", "agency", "title", "published", "language")


def _read_seed(seed_path) -> tuple[list[str], list[str], Article]:
    """The seed read into lines, its headings, and the article built from it."""
    raw = read_markdown(Document(source=str(seed_path), content=seed_path.read_bytes()))
    return raw.text.splitlines(), raw.headings, build_article(raw)


def _markdown(lines: list[str], headings: list[str]) -> bytes:
    """Lines back into Markdown: headings as ``##``, one paragraph per line."""
    return "\n\n".join(("## " + line) if line in headings else line for line in lines).encode("utf-8")


def _first_paragraph(lines: list[str], article: Article) -> int:
    return next(i for i, line in enumerate(lines) if article.body.startswith(line))


def _check_against_gold(article: Article, gold: dict) -> None:
    meta = gold["metadata"]
    assert {f: getattr(article, f) for f in FIELDS} == {f: meta[f] for f in FIELDS}
    assert article.meta["section_fa"] == meta["section_fa"]
    assert article.body.startswith(meta["body_starts_with"])
    assert article.body.endswith(meta["body_ends_with"])
    for text in meta["not_in_body"]:
        assert text not in article.body, text
    for text in meta["body_contains"]:
        assert text in article.body, text


def test_seed_markdown_gives_gold_metadata(seed_path, seed_gold):
    _, _, article = _read_seed(seed_path)
    _check_against_gold(article, seed_gold)
    assert article.meta["site_name_fa"] == seed_gold["metadata"]["site_name_fa"]


def test_seed_with_shuffled_masthead_gives_the_same(seed_path, seed_gold):
    lines, headings, expected = _read_seed(seed_path)
    first_paragraph = _first_paragraph(lines, expected)
    for seed in range(3):
        head = lines[:first_paragraph]
        random.Random(seed).shuffle(head)
        content = _markdown(head + lines[first_paragraph:], headings)
        article = build_article(read_markdown(Document(source=f"shuffled-{seed}.md", content=content)))
        _check_against_gold(article, seed_gold)
        assert article.body == expected.body


def test_seed_as_html_gives_the_same(seed_path, seed_gold):
    from chronicle.readers.html import read_html

    lines, headings, expected = _read_seed(seed_path)
    blocks = [f"<h1>{html.escape(line)}</h1>" if line in headings else f"<p>{html.escape(line)}</p>" for line in lines]
    page = "<html><head><meta charset='utf-8'></head><body>" + "\n".join(blocks) + "</body></html>"
    article = build_article(read_html(Document(source="seed.html", content=page.encode("utf-8"), format="html")))
    _check_against_gold(article, seed_gold)
    assert article.body == expected.body


def test_seed_alone_without_profile_keeps_only_the_story(seed_path, seed_gold):
    """No profile, no other documents: metadata lines are read, what is above the headline is
    masthead, the www line names the site. Only the section needs a profile or repeats."""
    lines, headings, expected = _read_seed(seed_path)
    raw = read_markdown(Document(source="new-site.md", content=_markdown(lines, headings)))
    article = build_article(raw, profiles=[])
    assert article.body == expected.body
    for field in ("publisher", "agency", "title", "published", "language"):
        assert getattr(article, field) == seed_gold["metadata"][field], field


def test_seed_without_profile_is_cleaned_by_cross_document_lines(seed_path, seed_gold):
    """A site with no profile: its masthead repeats across documents, so it is learned; the
    bilingual section pair among the repeated lines gives the section, the www line the site."""
    from chronicle.articles import CrossDocumentBoilerplate

    lines, headings, expected = _read_seed(seed_path)
    first_paragraph = _first_paragraph(lines, expected)
    # Three "documents" of the site: the same chrome; the seed's title, date and body, and two
    # short stories of ours with their own title and date.
    chrome = [line for line in lines[:first_paragraph] if line != expected.title and "2012" not in line]
    stories = [
        ["## " + expected.title, "3/14/2012", *lines[first_paragraph:]],
        ["## Schools to open", "3/15/2012", "The city council voted on Sunday to open two new schools."],
        ["## Pass closed", "3/16/2012", "Heavy snow closed the mountain pass for a third day, officials said."],
    ]
    raws = []
    for i, story in enumerate(stories):
        content = _markdown(chrome, headings) + b"\n\n" + "\n\n".join(story).encode("utf-8")
        raws.append(read_markdown(Document(source=f"site/{i}.md", content=content)))
    learner = CrossDocumentBoilerplate(profiles=[])
    for raw in raws:
        learner.observe(raw)
    article = build_article(raws[0], boilerplate=learner, profiles=[])
    for text in seed_gold["metadata"]["not_in_body"]:
        assert text not in article.body, text
    assert article.body == expected.body
    for field in FIELDS:
        assert getattr(article, field) == getattr(expected, field), field
    assert article.meta["section_fa"] == seed_gold["metadata"]["section_fa"]
