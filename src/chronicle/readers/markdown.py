"""Markdown reader: Markdown bytes (docling-style PDF conversions included) -> RawArticle.

Headings (``#`` and setext) become plain lines and are listed in ``headings``; links
``[text](url)`` (and docling's ``[text](#)``) are reduced to their text and listed in ``links``
(real URLs only); images, HTML comments and tags, emphasis markers, list/quote markers and rules
are dropped, HTML entities decoded. Lines of one paragraph are joined; a hard break (two trailing spaces or a
backslash) or a blank line starts a new line: one paragraph per line in ``text``.
YAML front matter gives title / date / url / publisher when present.
"""

from __future__ import annotations

import html
import re

import yaml

from ..errors import ReaderError
from ..model import Document, Link, RawArticle
from .encoding import decode

_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BLOCK_MARKER = re.compile(r"^\s{0,3}(?:>\s?)+|^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# URLs may hold one level of parentheses: [Kabul](https://en.wikipedia.org/wiki/Kabul_(city))
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?://|mailto:)[^>\s]+)>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)\1"),
)
_CODE = re.compile(r"`([^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HARD_BREAK = re.compile(r"( {2,}|\\)$")


def read_markdown(document: Document) -> RawArticle:
    """Read one Markdown document; ReaderError when it holds no text."""
    text = decode(document.content, document.source).replace("\r\n", "\n").replace("\r", "\n")
    front, text = _front_matter(text)
    links: list[Link] = []
    lines, headings = _blocks(_COMMENT.sub("", text), links)
    if not lines:
        raise ReaderError(document.source, "empty Markdown document (no text after markup)")
    meta = {**document.meta, **front}
    return RawArticle(
        source=document.source,
        format="markdown",
        text="\n".join(lines),
        title=_text(meta.get("title")),
        published=_text(meta.get("date") or meta.get("published")),
        url=document.url or _text(meta.get("url")),
        publisher=_text(meta.get("publisher")),
        byline=_text(meta.get("author") or meta.get("byline")),
        headings=headings,
        links=links,
        meta={k: v for k, v in document.meta.items() if k not in ("title", "date", "url", "publisher")},
    )


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (a mapping between ``---`` lines at the top) and the rest of the text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m["yaml"])
    except yaml.YAMLError:
        return {}, text  # not front matter after all: keep it as text
    return (data, text[m.end() :]) if isinstance(data, dict) else ({}, text)


def _blocks(text: str, links: list[Link]) -> tuple[list[str], list[str]]:
    """Markdown source -> (one line per paragraph/heading/item, the heading lines)."""
    lines: list[str] = []
    headings: list[str] = []
    paragraph: list[str] = []
    in_fence = False

    def flush() -> None:
        joined = " ".join(p for p in paragraph if p)
        if joined:
            lines.append(joined)
        paragraph.clear()

    for source_line in text.split("\n"):
        if _FENCE.match(source_line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:  # code: kept verbatim, one line each
            if source_line.strip():
                lines.append(source_line.strip())
            continue
        kind, content = _classify(source_line, paragraph)
        if kind == "setext":
            heading = " ".join(_inline(p, links) for p in paragraph).strip()
            paragraph.clear()
            lines.append(heading)
            headings.append(heading)
        elif kind == "heading":
            flush()
            heading = _inline(content, links)
            if heading:
                lines.append(heading)
                headings.append(heading)
        elif kind in ("blank", "skip"):
            flush()
        elif kind == "item":
            flush()
            paragraph.append(_inline(content, links))
        else:
            paragraph.append(_inline(content, links))
            if _HARD_BREAK.search(source_line):
                flush()
    flush()
    return lines, headings


def _classify(line: str, paragraph: list[str]) -> tuple[str, str]:
    """What one source line is: heading | setext | blank | skip | item | text, and its content."""
    if not line.strip():
        return "blank", ""
    if _SETEXT.match(line) and paragraph:
        return "setext", ""
    if _RULE.match(line) or _TABLE_SEPARATOR.match(line) or _REF_DEFINITION.match(line):
        return "skip", ""
    heading = _ATX.match(line)
    if heading:
        return "heading", heading["text"]
    if line.lstrip().startswith("|"):
        return "item", " | ".join(c.strip() for c in line.strip().strip("|").split("|"))
    marker = _BLOCK_MARKER.match(line)
    if marker:
        return "item", line[marker.end() :]
    return "text", line


def _inline(text: str, links: list[Link]) -> str:
    """Inline Markdown -> plain text; links found are appended to ``links``."""
    text = _IMAGE.sub("", text)

    def link(m: re.Match[str]) -> str:
        url = m["url"]
        if url and url != "#":  # docling's [text](#) points nowhere
            links.append(Link(text=_plain(m["text"]), url=url))
        return m["text"]

    text = _LINK.sub(link, text)
    text = _REF_LINK.sub(r"\g<text>", text)
    text = _AUTOLINK.sub(lambda m: links.append(Link(m["url"], m["url"])) or m["url"], text)
    return html.unescape(_plain(_TAG.sub("", text))).strip()  # docling writes & as &amp;


def _plain(text: str) -> str:
    """Emphasis, inline code and backslash escapes removed."""
    for pattern in _EMPHASIS:
        text = pattern.sub(lambda m: m.group(m.lastindex or 0), text)
    text = _CODE.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
