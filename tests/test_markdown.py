"""Markdown reader: docling-style markup in, one plain line per paragraph out."""

from __future__ import annotations

import pytest

from chronicle.errors import ReaderError
from chronicle.model import Document
from chronicle.readers.markdown import read_markdown


def _read(text: str, **kwargs):
    return read_markdown(Document(source="t.md", content=text.encode("utf-8"), **kwargs))


def test_headings_become_lines_and_are_listed():
    raw = _read("# Site name\n\n## Council meets on water rights\n\nThe council met on Monday.\n")
    assert raw.text.splitlines() == ["Site name", "Council meets on water rights", "The council met on Monday."]
    assert raw.headings == ["Site name", "Council meets on water rights"]


def test_setext_headings():
    raw = _read("Village news\n============\n\nA well was dug.\n\nTwo-line\nheading\n---\n")
    assert raw.headings == ["Village news", "Two-line heading"]
    assert raw.text.splitlines() == ["Village news", "A well was dug.", "Two-line heading"]


def test_links_reduced_to_text_and_recorded():
    raw = _read("Talks with [the mayor](https://example.org/mayor) and [local elders](#) went on.\n")
    assert raw.text == "Talks with the mayor and local elders went on."
    assert [(link.text, link.url) for link in raw.links] == [("the mayor", "https://example.org/mayor")]


def test_link_urls_with_parentheses_and_entities():
    raw = _read("See [Kabul](https://en.wikipedia.org/wiki/Kabul_(city)) &amp; Herat&nbsp;today.\n")
    assert raw.text == "See Kabul & Herat\u00a0today."
    assert raw.links[0].url == "https://en.wikipedia.org/wiki/Kabul_(city)"


def test_images_comments_emphasis_and_markers_dropped():
    text = (
        "![a photo](pic.png)\n\n<!-- image -->\n\n"
        "The **river** rose *fast* and _then_ fell; see `gauge_7` and snake_case_names.\n\n"
        "- first item\n- second item\n\n> quoted line\n\n---\n"
    )
    raw = _read(text)
    assert raw.text.splitlines() == [
        "The river rose fast and then fell; see gauge_7 and snake_case_names.",
        "first item",
        "second item",
        "quoted line",
    ]


def test_table_rows_become_lines():
    raw = _read("| Province | Schools |\n|---|---|\n| Herat | 12 |\n")
    assert raw.text.splitlines() == ["Province | Schools", "Herat | 12"]


def test_soft_wraps_joined_hard_breaks_split():
    raw = _read("one line\nwrapped here\n\nfirst verse  \nsecond verse\n")
    assert raw.text.splitlines() == ["one line wrapped here", "first verse", "second verse"]


def test_front_matter_gives_metadata():
    raw = _read("---\ntitle: Dam opens\ndate: 2020-05-01\npublisher: example.org\n---\n\nThe dam opened.\n")
    assert (raw.title, raw.published, raw.publisher) == ("Dam opens", "2020-05-01", "example.org")
    assert raw.text == "The dam opened."


def test_persian_cp1256_bytes_are_decoded():
    # cp1256 has no Persian yeh/kaf: legacy Persian text is written with the Arabic ones
    text = "خبر تازه از \u0643ابل رس\u064ad و مردم شهر خوشحال شدند."
    raw = read_markdown(Document(source="fa.md", content=text.encode("cp1256")))
    assert raw.text == text


@pytest.mark.parametrize("content", [b"", b"\n\n   \n", b"<!-- image -->\n\n---\n"])
def test_empty_document_is_a_reader_error(content):
    with pytest.raises(ReaderError, match="empty Markdown"):
        read_markdown(Document(source="empty.md", content=content))
