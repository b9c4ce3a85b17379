"""HTML reader: a news web page -> RawArticle (body, title, date, url, publisher, byline, links).

The body comes from trafilatura in precision mode, with a recall-mode second pass only when the
first one finds suspiciously little; then lines that are page furniture (share prompts, related
teasers, the title repeated, datelines) are dropped by the patterns in ``data/html/``.
The date comes from htmldate (through trafilatura's metadata, original date, no extensive search).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
import yaml
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from chronicle.errors import ReaderError
from chronicle.model import Document, Link, RawArticle

NO_ARTICLE = "no article text found in HTML (only navigation/scripts)"
# Below this many characters a precision-mode body is likely a wrong block: try recall mode.
SHORT_BODY = 600
_HEADINGS = ("h1", "h2", "h3")


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns of data/html/*.yaml."""

    lines: re.Pattern[str]
    block_headers: re.Pattern[str]
    date_lines: re.Pattern[str]
    separators: tuple[str, ...]
    max_site_words: int
    sites: frozenset[str]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@functools.cache
def _rules() -> _Rules:
    """Load and compile the boilerplate and title patterns once per process."""
    folder = resources.files("chronicle.data") / "html"
    lines = yaml.safe_load((folder / "boilerplate.yaml").read_text(encoding="utf-8"))
    titles = yaml.safe_load((folder / "titles.yaml").read_text(encoding="utf-8"))
    return _Rules(
        lines=_alternation(lines["lines"]),
        block_headers=_alternation(lines["block_headers"]),
        date_lines=_alternation(lines["date_lines"]),
        separators=tuple(titles["separators"]),
        max_site_words=int(titles["max_site_words"]),
        sites=frozenset(s.casefold() for s in titles["sites"]),
    )


# --------------------------------------------------------------------------- entry point


def read_html(document: Document) -> RawArticle:
    """Read one HTML page. Raises ReaderError when the bytes are not HTML or hold no article."""
    tree = _parse(document)
    try:
        meta = extract_metadata(tree, document.url, _date_params(), extensive=False)
        body = extract_body(tree, url=document.url or meta.url)
    except ReaderError:
        raise
    except Exception as exc:  # trafilatura/htmldate/lxml raise many types on broken markup
        raise ReaderError(document.source, "HTML could not be parsed", detail=repr(exc)) from exc
    if not body:
        raise ReaderError(document.source, NO_ARTICLE)
    url = meta.url or document.url
    publisher = meta.sitename or _host(url)
    title = strip_site(meta.title, publisher, _host(url)) if meta.title else None
    text = clean_body(body, title)
    if not text:
        raise ReaderError(document.source, NO_ARTICLE)
    return RawArticle(
        source=document.source,
        format="html",
        text=text,
        title=title,
        published=meta.date,
        url=url,
        publisher=publisher,
        byline=meta.author,
        language=_html_lang(tree),
        headings=_headings(tree, text),
        links=_links(tree, text, url),
    )


def _parse(document: Document) -> HtmlElement:
    """Bytes -> lxml tree (trafilatura detects the encoding); ReaderError when nothing parses."""
    if not document.content.strip():
        raise ReaderError(document.source, "empty HTML document")
    try:
        tree = trafilatura.load_html(document.content)
    except Exception as exc:  # lxml raises several types on binary junk
        raise ReaderError(document.source, "HTML could not be parsed", detail=repr(exc)) from exc
    if tree is None:
        raise ReaderError(document.source, "HTML could not be parsed (no document tree)")
    return tree


def _date_params() -> dict[str, Any]:
    """htmldate settings: the original (not last-modified) date, fast search, nothing in the future."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


# --------------------------------------------------------------------------- body


def extract_body(tree: HtmlElement, url: str | None = None) -> str:
    """The article text of a parsed page, one paragraph per line ('' when there is none).

    Precision mode first; recall mode only when that finds under SHORT_BODY characters, keeping
    the longer of the two. ``tree`` is not modified (trafilatura works on a copy).
    """
    text = _trafilatura(tree, url, favor_precision=True)
    if len(text) < SHORT_BODY:
        fallback = _trafilatura(tree, url, favor_recall=True)
        if len(fallback) > len(text):
            text = fallback
    return text


def _trafilatura(tree: HtmlElement, url: str | None, **mode: bool) -> str:
    text = trafilatura.extract(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=False, **mode
    )
    return text or ""


def clean_body(text: str, title: str | None = None) -> str:
    """Drop boilerplate lines (data/html/boilerplate.yaml) and a leading copy of the title."""
    rules = _rules()
    kept: list[str] = []
    in_block = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if in_block and line.startswith(("- ", "• ")):
            continue  # an item of a "Related:" list
        in_block = bool(rules.block_headers.fullmatch(line))
        if in_block or rules.lines.fullmatch(line) or rules.date_lines.fullmatch(line):
            continue
        kept.append(line)
    if kept and title and _same_words(kept[0], title):
        kept = kept[1:]
    return "\n".join(kept)


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


# --------------------------------------------------------------------------- metadata


def strip_site(title: str, publisher: str | None = None, host: str | None = None) -> str:
    """Remove a site name from a page title: "Story | CNN" -> "Story", "Reuters: Story" -> "Story"."""
    rules = _rules()
    names = set(rules.sites)
    for name in (publisher, host, _host_name(host)):
        if name:
            names.add(name.casefold())
    title = title.strip()
    for sep in rules.separators:
        head, _, tail = title.rpartition(sep)
        if head and (tail.casefold() in names or len(tail.split()) <= rules.max_site_words):
            if len(head.split()) > len(tail.split()):
                return strip_site(head, publisher, host)
    prefix, colon, rest = title.partition(": ")
    if colon and prefix.casefold() in names and rest:
        return rest.strip()
    return title


def _host(url: str | None) -> str | None:
    """``https://www.bbc.co.uk/news/x`` -> ``bbc.co.uk``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _host_name(host: str | None) -> str | None:
    """``bbc.co.uk`` -> ``bbc``: how a title may name a site without its domain."""
    return host.split(".")[0] if host else None


def _html_lang(tree: HtmlElement) -> str | None:
    """The page's declared language (``<html lang="fa-IR">`` -> ``fa``): a hint, not identified."""
    lang = tree.get("lang") or tree.get("xml:lang")
    if not lang:
        found = tree.xpath('//meta[@http-equiv="content-language"]/@content')
        lang = found[0] if found else None
    return lang.split("-")[0].split("_")[0].strip().lower() or None if lang else None


def _headings(tree: HtmlElement, text: str) -> list[str]:
    """h1-h3 texts of the page that are lines of the extracted text, in page order."""
    lines = set(text.splitlines())
    found = (" ".join(h.text_content().split()) for h in tree.iter(*_HEADINGS))
    return [h for h in dict.fromkeys(found) if h in lines]


def _links(tree: HtmlElement, text: str, base: str | None) -> list[Link]:
    """Links whose anchor text is part of the body, with absolute URLs when the page has one."""
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        label = " ".join(anchor.text_content().split())
        if not href or len(label) < 2 or href.startswith(("javascript:", "#")) or label not in text:
            continue
        key = (label, urljoin(base, href) if base else href)
        if key not in seen:
            seen.add(key)
            links.append(Link(text=key[0], url=key[1]))
    return links
