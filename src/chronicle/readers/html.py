"""HTML reader: a news web page -> RawArticle (body, title, date, url, publisher, byline, links).

Steps of ``read_html``:
1. parse once (trafilatura.load_html detects the encoding); read the metadata the markup
   declares (meta tags, JSON-LD, canonical link) and the original date (htmldate, fast search);
2. strip elements trafilatura always deletes, and unwrap embedded social posts (data/html/);
3. extract the body twice with trafilatura's fast mode (recall, precision) and keep one by how
   much of the recall text the precision text keeps (``extract_body``; a page of over
   ONE_PASS_CHARS is read in one linear pass instead, ``block_text``); join a story split into
   sibling containers (``chunked_body``);
4. drop furniture lines: share prompts, related teasers, whole-link teasers, datelines, a
   repeated title (``clean_body``, patterns in data/html/boilerplate.yaml);
5. the title without its site name (``strip_site``, data/html/titles.yaml), else the headline
   above the body. Pages with no article text left raise ReaderError.
Cost is bounded (``ReadLimits``, config.py): a page over ``max_html_chars`` once decoded, over
``max_html_nodes`` elements or ``max_html_links`` links fails with a reason naming the limit; a
page the parser cuts (nested too deep, a run of text too long) fails saying so; the search for
link labels in the body scans at most LINK_SEARCH_FACTOR * max_html_chars characters, and the
record notes (``meta.notes``) when it stopped there.
Measured by ``python -m benchmarks.aeb`` (body F1 and speed against trafilatura alone).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from htmldate import find_date
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url
from trafilatura.utils import HTML_PARSER, decode_file

from chronicle.data import load_yaml
from chronicle.errors import ReaderError
from chronicle.model import Document, Link, RawArticle

from .limits import ReadLimits

NO_ARTICLE = "no article text found in HTML (only navigation/scripts)"
# A text whose lines are this share (by characters) of link labels is a menu, not an article.
NAVIGATION_SHARE = 0.8
# A body line that is the whole label of one link, this long or longer, links to another story.
TEASER_WORDS = 5
# Sibling containers of the story must hold this many times the extracted text to replace it.
CHUNKED_GAIN = 1.2
_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "ul", "ol", "pre")
# A list whose text is this share of link labels points to other pages.
LINK_LIST_SHARE = 0.5
# A title that is only a domain name ("afgazad.com") names the site, not the story.
_DOMAIN = re.compile(r"(https?://)?(www\.)?[\w-]+(\.[\w-]+)+/?")
# A line of at least this many words ending a sentence is prose, not a masthead, verse or label.
PROSE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?؟…][\"'”’»)]*$")
# Share of the recall-mode text that the precision-mode text must have to be preferred
# (tuned on the AEB pages as a whole, see extract_body).
PRECISE_SHARE = (0.5, 0.95)
_HEADINGS = ("h1", "h2", "h3")
# A page longer than this (characters of HTML; news pages, AEB's included, stay under 1.5
# million) is not given to trafilatura twice: its body is the text of the page's blocks (p,
# headings, lists, quotes) in page order, read in one linear pass; trafilatura, once, only when
# the blocks hold less than half the page's text. Twice costs twice the time for a choice that
# matters on news pages, and trafilatura grows faster than the page (an XPath over all its
# paragraphs): 10 s for 8 MB, where the block pass takes a second.
ONE_PASS_CHARS = 2_000_000
BLOCK_SHARE = 0.5
# Characters the search for link labels in the body may scan over a page, per character of the
# max_html_chars limit (links found in page order cost only the distance from the last one; a
# label not found, the whole body): 200 million by default, a fraction of a second.
LINK_SEARCH_FACTOR = 10
# libxml2 stops a page at these, and keeps what it read: the page is then not what was written.
_CUT_BY_PARSER = {
    "depth": "HTML nested deeper than the parser's limit of 256 elements: the page cannot be read whole",
    "buffer": "HTML holds a run of text longer than the parser's 10 MB limit (one huge paragraph?): "
    "the page cannot be read whole",
}


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns of data/html/*.yaml."""

    lines: re.Pattern[str]
    block_headers: re.Pattern[str]
    date_lines: re.Pattern[str]
    separators: tuple[str, ...]
    max_site_words: int
    sites: frozenset[str]
    strip_tags: tuple[str, ...]
    embedded_quote: re.Pattern[str]
    embed_wrapper: re.Pattern[str]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@functools.cache
def _rules() -> _Rules:
    """Load and compile the boilerplate and title patterns once per process."""
    lines = load_yaml("html", "boilerplate.yaml")
    titles = load_yaml("html", "titles.yaml")
    return _Rules(
        lines=_alternation(lines["lines"]),
        block_headers=_alternation(lines["block_headers"]),
        date_lines=_alternation(lines["date_lines"]),
        separators=tuple(titles["separators"]),
        max_site_words=int(titles["max_site_words"]),
        sites=frozenset(s.casefold() for s in titles["sites"]),
        strip_tags=tuple(lines["strip_tags"]),
        embedded_quote=_alternation(lines["embedded_posts"]["quote_classes"]),
        embed_wrapper=_alternation(lines["embedded_posts"]["wrapper_classes"]),
    )


@dataclass
class Metadata:
    """What the page's markup says about the article."""

    title: str | None
    author: str | None
    url: str | None
    sitename: str | None
    date: str | None


# --------------------------------------------------------------------------- entry point


def read_html(document: Document, limits: ReadLimits | None = None) -> RawArticle:
    """Read one HTML page. Raises ReaderError when the bytes are not HTML, hold no article, or
    the page is over ``limits`` (the config.py defaults when None)."""
    limits = limits or ReadLimits()
    tree, size = _parse(document, limits)
    try:
        return _read(tree, document, size, limits)
    except ReaderError:
        raise
    except Exception as exc:  # trafilatura/htmldate/lxml raise many types on broken markup
        raise ReaderError(document.source, "HTML could not be parsed", detail=repr(exc)) from exc


def _read(tree: HtmlElement, document: Document, size: int, limits: ReadLimits) -> RawArticle:
    """Steps 1-5 of the module docstring on a parsed page of ``size`` characters (``tree`` is changed)."""
    meta = page_metadata(tree, document.url)
    publisher = meta.sitename or _host(meta.url)
    title = _declared_title(meta, publisher)
    labels = link_labels(tree)
    language = _html_lang(tree)
    etree.strip_elements(tree, *_rules().strip_tags, with_tail=False)  # after metadata: <head>, JSON-LD
    lift_embedded_posts(tree)
    joiner = shield_zwnj(tree)
    titles = [t for t in (title, *(_label(h) for h in tree.iter("h1"))) if t]  # repeated atop the body
    text = extract_body(tree, meta.url, titles, labels, one_pass=size > ONE_PASS_CHARS)
    budget = LINK_SEARCH_FACTOR * limits.max_html_chars
    if joiner and text:
        text = text.replace(joiner, ZWNJ)
    if not text or is_navigation(text, labels):
        raise ReaderError(document.source, NO_ARTICLE)
    links, complete = _links(tree, text, meta.url, budget)
    notes = [] if complete else [f"links: the search for link labels in the body stopped after {budget:,} "
                                 f"characters ({LINK_SEARCH_FACTOR} x max_html_chars); links after the "
                                 f"first {len(links)} are not listed"]
    return RawArticle(
        source=document.source,
        format="html",
        text=text,
        title=_unshield(title or headline(tree, text) or extract_title(tree), joiner),
        published=meta.date,
        url=meta.url,
        publisher=publisher,
        byline=meta.author,
        language=language,
        headings=[_unshield(h, joiner) for h in _headings(tree)],
        links=links,
        meta={"notes": notes} if notes else {},
    )


ZWNJ = "\u200c"
_ZWNJ_STAND_IN = "\u2e1a"  # printable and all but unused in news, so trafilatura keeps it


def shield_zwnj(tree: HtmlElement) -> str | None:
    """Swap Persian zero-width non-joiners for a printable stand-in (trafilatura drops
    non-printable characters); returns the stand-in to swap back, or None when none was needed."""
    texts = [t for node in tree.iter() for t in (node.text, node.tail) if t]
    if not any(ZWNJ in t for t in texts) or any(_ZWNJ_STAND_IN in t for t in texts):
        return None
    for node in tree.iter():
        if node.text and ZWNJ in node.text:
            node.text = node.text.replace(ZWNJ, _ZWNJ_STAND_IN)
        if node.tail and ZWNJ in node.tail:
            node.tail = node.tail.replace(ZWNJ, _ZWNJ_STAND_IN)
    return _ZWNJ_STAND_IN


def _unshield(text: str | None, joiner: str | None) -> str | None:
    return text.replace(joiner, ZWNJ) if text and joiner else text


def _parse(document: Document, limits: ReadLimits) -> tuple[HtmlElement, int]:
    """Bytes -> (lxml tree, characters of HTML); trafilatura detects the encoding. ReaderError
    when nothing parses, the parser cut the page, or it is over ``limits``."""
    source = document.source
    if not document.content.strip():
        raise ReaderError(source, "empty HTML document")
    try:
        html = decode_file(document.content)
    except Exception as exc:  # a decompression library on junk
        raise ReaderError(source, "HTML could not be decoded", detail=repr(exc)) from exc
    if len(html) > limits.max_html_chars:
        raise ReaderError(source, f"HTML page is {len(html):,} characters once decoded, over the "
                                  f"{limits.max_html_chars:,} limit (max_html_chars)")
    try:
        tree = trafilatura.load_html(html)
    except Exception as exc:  # lxml raises several types on binary junk
        raise ReaderError(source, "HTML could not be parsed", detail=repr(exc)) from exc
    _check_cut(source)
    if tree is None:
        raise ReaderError(source, "HTML could not be parsed (no document tree)")
    nodes = links = 0
    for element in tree.iter():
        nodes += 1
        links += element.tag == "a"
    if nodes > limits.max_html_nodes:
        raise ReaderError(source, f"HTML page has {nodes:,} elements, over the {limits.max_html_nodes:,} "
                                  "limit (max_html_nodes)")
    if links > limits.max_html_links:
        raise ReaderError(source, f"HTML page has {links:,} links, over the {limits.max_html_links:,} "
                                  "limit (max_html_links): a link farm or index, not an article")
    return tree, len(html)


def _check_cut(source: str) -> None:
    """ReaderError when libxml2 stopped short of the page's end on a resource limit (the last parse)."""
    for entry in HTML_PARSER.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        message = entry.message.lower()
        kind = "depth" if "depth" in message else "buffer"
        raise ReaderError(source, _CUT_BY_PARSER[kind], detail=entry.message.strip())


def _date_params() -> dict[str, Any]:
    """htmldate settings: the original (not last-modified) date, fast search, nothing in the future."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


# --------------------------------------------------------------------------- body


def extract_body(
    tree: HtmlElement,
    url: str | None = None,
    titles: Sequence[str] = (),
    labels: frozenset[str] = frozenset(),
    one_pass: bool = False,
) -> str:
    """The cleaned article text of a parsed page, one paragraph per line ('' when there is none).

    Runs trafilatura twice in its fast mode, once favouring recall and once precision, and keeps
    the precision text only when it is PRECISE_SHARE of the recall text: then the lines it left
    out are page furniture (teasers, related links). When it keeps nearly everything, the extra
    lines are article (captions, embedded posts); when it keeps little, it chose the wrong block.
    ``tree`` is not modified (trafilatura works on a copy). ``titles`` and ``labels``: see clean_body.
    ``one_pass``: extract once, favouring recall (a very long page).
    """
    if one_pass:
        blocks = clean_body(block_text(tree), titles, labels)
        if len(blocks) >= BLOCK_SHARE * len(" ".join(tree.text_content().split())):
            return blocks
        return clean_body(_trafilatura(tree, url, favor_recall=True), titles, labels)
    recall = clean_body(_trafilatura(tree, url, favor_recall=True), titles, labels)
    precise = clean_body(_trafilatura(tree, url, favor_precision=True), titles, labels)
    share = len(precise) / len(recall) if recall else 0.0
    low, high = PRECISE_SHARE
    text = precise if low <= share < high or not recall else recall
    chunks = chunked_body(tree, text)
    return clean_body(chunks, titles, labels) if chunks else text


def chunked_body(tree: HtmlElement, text: str) -> str | None:
    """The whole story when the page splits it into sibling containers of one class (one
    ``<div class="body">`` per few paragraphs) and ``text`` holds only one of them; else None.

    The container with the most paragraph text must be one of a class whose members together
    hold CHUNKED_GAIN times more than ``text``, and one of them must hold ``text``'s longest line.
    """
    weight: Counter[HtmlElement] = Counter()
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            weight[parent] += len(paragraph.text_content().strip())
    if not weight or not text:
        return None
    best = max(weight, key=weight.__getitem__)
    if not best.get("class"):
        return None
    chunks = [el for el in tree.iter(best.tag) if el.get("class") == best.get("class")]
    if len(chunks) < 2 or sum(weight[el] for el in chunks) < CHUNKED_GAIN * len(text):
        return None
    longest = max(text.splitlines(), key=len)[:80]
    if not any(longest in " ".join(el.text_content().split()) for el in chunks):
        return None
    blocks = (block for el in chunks for child in el if child.tag in _BLOCKS for block in _block_lines(child))
    return "\n".join(block for block in blocks if block)


def block_text(tree: HtmlElement) -> str:
    """The text of the page's outermost blocks (``_BLOCKS``, h1 too) in page order, a line each
    (a list: one "- item" line per item, none when it is mostly links): linear in the page."""
    tags = (*_BLOCKS, "h1")
    lines: list[str] = []
    for element in tree.iter(*tags):
        if any(parent.tag in tags for parent in element.iterancestors()):
            continue
        lines.extend(_block_lines(element))
    return "\n".join(line for line in lines if line)


def _block_lines(element: HtmlElement) -> list[str]:
    """A paragraph as one line; a list as one "- item" line per item (as trafilatura writes them),
    or nothing when it is mostly link text (a "more stories" list)."""
    if element.tag not in ("ul", "ol"):
        return [_label(element)]
    linked = sum(len(_label(a)) for a in element.iter("a"))
    if linked >= LINK_LIST_SHARE * len(_label(element)):
        return []
    return ["- " + _label(item) for item in element.iter("li")]


def lift_embedded_posts(tree: HtmlElement) -> None:
    """Unwrap embedded social posts (data/html/boilerplate.yaml: embedded_posts) in place, so the
    extractor keeps them as plain quotations."""
    rules = _rules()
    for quote in list(tree.iter("blockquote")):  # the loop moves elements: iterate over a copy
        if not rules.embedded_quote.search(quote.get("class") or ""):
            continue
        del quote.attrib["class"]
        wrapper = quote
        while (parent := wrapper.getparent()) is not None and len(parent) == 1:
            if not rules.embed_wrapper.search(parent.get("class") or ""):
                break
            wrapper = parent
        if wrapper is not quote and wrapper.getparent() is not None:
            quote.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, quote)


def _trafilatura(tree: HtmlElement, url: str | None, **mode: bool) -> str:
    text = trafilatura.extract(
        tree, url=url, fast=True, include_comments=False, include_tables=True, with_metadata=False, **mode
    )
    return text or ""


def link_labels(tree: HtmlElement) -> frozenset[str]:
    """The visible text of every link of the page, whitespace collapsed."""
    return frozenset(_label(a) for a in tree.iter("a"))


def is_navigation(text: str, labels: frozenset[str]) -> bool:
    """True when the extracted text is mostly link labels of the page: a menu or link list."""
    lines = text.splitlines()
    in_links = sum(len(line) for line in lines if line in labels)
    return in_links >= NAVIGATION_SHARE * sum(len(line) for line in lines)


def clean_body(text: str, titles: Sequence[str] = (), labels: frozenset[str] = frozenset()) -> str:
    """Drop boilerplate lines (data/html/boilerplate.yaml), lines that are one whole link of at
    least TEASER_WORDS words (``labels``: a teaser for another story) and a first line that
    repeats one of ``titles`` (the page title, its h1 headings)."""
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
        if line.removeprefix("- ") in labels and len(line.split()) >= TEASER_WORDS:
            continue
        kept.append(line)
    if kept and any(_same_words(kept[0], title) for title in titles):
        kept = kept[1:]
    return "\n".join(kept)


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


# --------------------------------------------------------------------------- metadata


def page_metadata(tree: HtmlElement, default_url: str | None = None) -> Metadata:
    """Title, author, canonical url, site name and original date of a parsed page.

    Uses trafilatura's meta-tag and JSON-LD readers and htmldate, but not its slow heuristic
    author/category/tag searches: a byline the page does not declare is left to later stages.
    """
    meta = extract_meta_json(tree, examine_meta(tree))
    if meta.author and " " not in meta.author:
        meta.author = None  # a one-word "author" is a site handle, not a byline (as trafilatura does)
    url = meta.url or extract_url(tree, default_url) or default_url
    return Metadata(
        title=meta.title or " ".join((tree.findtext(".//title") or "").split()) or None,
        author=meta.author,
        url=url,
        sitename=(meta.sitename or extract_sitename(tree) or "").lstrip("@") or None,
        date=find_date(tree, url=url, **_date_params()),
    )




def _declared_title(meta: Metadata, publisher: str | None) -> str | None:
    """The title the page declares (og:title, <title>, JSON-LD) without its site name; None when
    it declares none or only names the site."""
    if not meta.title:
        return None
    title = strip_site(meta.title, publisher, _host(meta.url))
    names = {n.casefold() for n in (publisher, _host(meta.url), _host_name(_host(meta.url))) if n}
    return None if title.casefold() in names or _DOMAIN.fullmatch(title) else title


def headline(tree: HtmlElement, text: str) -> str | None:
    """The last h1-h3 heading before the body's first prose paragraph: the story's headline on a
    page that declares no title of its own (a page saved from a PDF or a word processor)."""
    prose = [line for line in text.splitlines() if len(line.split()) >= PROSE_WORDS and _SENTENCE_END.search(line)]
    if not prose:
        return None
    start = prose[0][:60]
    last = None
    for element in tree.iter(*_HEADINGS, "p", "div", "td", "li", "span"):
        if element.tag in _HEADINGS:
            last = " ".join(element.text_content().split()) or last
        elif element.text and start in " ".join(element.text.split()):
            return last
    return None


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


def _headings(tree: HtmlElement) -> list[str]:
    """h1-h3 texts of the page outside its menus and footers, in page order, even those the body
    left out: a masthead heading tells the articles stage which site profile applies."""
    found = (_label(h) for h in tree.iter(*_HEADINGS))
    return [h for h in dict.fromkeys(found) if h]


def _label(anchor: HtmlElement) -> str:
    return " ".join(anchor.text_content().split())


def _links(tree: HtmlElement, text: str, base: str | None, budget: int) -> tuple[list[Link], bool]:
    """Links whose anchor text is part of the body, with absolute URLs when the page has one,
    and whether every link was looked for. Labels are searched from where the last one was
    found (links come in body order), then in the whole body, scanning ``budget`` characters
    at most."""
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    cursor = 0
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        label = _label(anchor)
        if not href or len(label) < 2 or href.startswith(("javascript:", "#")):
            continue
        if budget <= 0:
            return links, False
        at = text.find(label, cursor)
        budget -= (at - cursor + len(label)) if at >= 0 else len(text) - cursor
        if at < 0 and cursor:
            at = text.find(label, 0, cursor + len(label))
            budget -= cursor
        if at < 0:
            continue
        cursor = at
        key = (label, urljoin(base, href) if base else href)
        if key not in seen:
            seen.add(key)
            links.append(Link(text=key[0], url=key[1]))
    return links, True
