"""Articles stage: RawArticle -> Article (clean body, metadata, language, content-hash id).

``build_article(raw, boilerplate=None, profiles=None)`` removes the site's chrome (site profile
lines, cross-document repeated lines, contact lines), takes metadata from the lines near the
top (agency, byline, date, bilingual section, title), identifies the language, normalises
Persian text and hashes the body into the id. Raises ArticleError when no text is left.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..errors import ArticleError
from ..model import Article, RawArticle
from . import metadata
from .boilerplate import CrossDocumentBoilerplate, find_profile, group_key, publisher_of
from .dates import parse_date
from .identity import content_id
from .language import detect_language
from .normalize import is_persian_script, match_key, normalize_line, normalize_persian, normalize_text
from .profiles import SiteProfile, load_profiles, profile_form

__all__ = ["build_article", "CrossDocumentBoilerplate", "load_profiles", "SiteProfile"]

HEAD_MAX_LINES = 25  # metadata lines sit above the article; never search deeper than this
TAIL_LINES = 5  # contact lines also close pages
PROSE_MIN_WORDS = 8
TAIL_DATE_EXTRA_WORDS = 1  # below the body only "Updated 4 March 2021" or the date alone
DATELINE_LINES = 3  # a dateline opens the body, after a kicker or byline at most
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SENTENCE_END = re.compile(r"[.!?؟…\"'”’»)]$")


@dataclass
class _Found:
    """What the scan of one article's lines found, besides the body."""

    title_candidates: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    learned_head: list[tuple[int, str]] = field(default_factory=list)  # repeated lines on top
    agency: str | None = None
    byline: str | None = None
    published: str | None = None
    section: str | None = None
    section_fa: str | None = None


@dataclass
class _Context:
    """What a line is judged against: the site profile, cross-document counts, the title."""

    profile: SiteProfile | None
    learner: CrossDocumentBoilerplate | None
    group: str
    title_key: str | None  # the reader's title, unless it is site chrome
    title_keys: set[str]  # headings and the reader's title: lines that may be the title
    keep_prose: bool = False  # the document is a copy of a story seen in others: its prose is no chrome


LONGEST_WORD = 100  # longer runs without a space are data (base64, hex), not words or URLs
MAX_UNBROKEN_SHARE = 0.9  # a short item with one long tracking URL is still prose


def unbroken_share(lines: list[str]) -> float:
    """Share of the characters that lie in whitespace-free runs longer than LONGEST_WORD."""
    total = sum(len(line) for line in lines)
    runs = sum(len(run) for line in lines for run in line.split() if len(run) > LONGEST_WORD)
    return runs / total if total else 0.0


def build_article(
    raw: RawArticle,
    boilerplate: CrossDocumentBoilerplate | None = None,
    profiles: Iterable[SiteProfile] | None = None,
) -> Article:
    """A reader's RawArticle -> a clean Article; ArticleError when nothing is left of the body.

    ``boilerplate`` carries cross-document line counts (observed beforehand); ``profiles`` are
    the site profiles to match (the bundled ones by default). A date, agency or byline printed
    above the body wins over what the reader found; the reader's title wins over headings.
    """
    profiles = load_profiles() if profiles is None else profiles
    profile = find_profile(raw, profiles)
    publisher = publisher_of(raw, profile)
    lines = [line for line in map(normalize_line, raw.text.splitlines()) if line]
    group = group_key(raw, publisher)
    title_key = _usable_title(raw.title, profile, boilerplate, group)
    title_keys = {match_key(h) for h in raw.headings} | ({title_key} if title_key else set())
    ctx = _Context(profile, boilerplate, group, title_key, title_keys)
    ctx.keep_prose = boilerplate is not None and _copied_story(lines, boilerplate, group)
    found, kept = _scan(lines, ctx)
    title = _choose_title(raw.title if ctx.title_key else None, found, kept)
    kept = _without_title_line(kept, title, found)
    if not kept:
        raise ArticleError(raw.source, "no article text left after removing boilerplate and metadata")
    if (share := unbroken_share(kept)) > MAX_UNBROKEN_SHARE:
        raise ArticleError(raw.source, f"no prose: {share:.0%} of the text is unbroken runs of over "
                                       f"{LONGEST_WORD} characters (encoded or binary data?)")
    language = detect_language("\n".join(kept)) or raw.language
    body = "\n\n".join(normalize_text(line, language) for line in kept)
    return Article(
        id=content_id(body),
        source=raw.source,
        body=body,
        url=raw.url,
        publisher=publisher,
        title=normalize_text(title, language) if title else None,
        published=found.published or _iso_date(raw.published),
        agency=found.agency or _dateline_agency(kept),
        section=found.section or raw.meta.get("section"),
        byline=found.byline or raw.byline,
        language=language,
        format=raw.format,
        boilerplate=found.removed,
        links=list(raw.links),
        meta=_meta(raw, profile, found),
    )


def _scan(lines: list[str], ctx: _Context) -> tuple[_Found, list[str]]:
    """Sort every line into metadata, boilerplate or body; returns findings and body lines.

    Metadata lines are read before cross-document chrome is removed, since a wire site prints
    the same agency line on every page; headings come after, so a repeated masthead is no title.
    Headings above the body stay in it as title candidates; the chosen title and the lines
    above it leave it afterwards (``_without_title_line``).
    """
    found, kept = _Found(), []
    head_end = _head_end(lines, ctx.title_keys)
    tail_start = len(lines) - TAIL_LINES
    for i, line in enumerate(lines):
        in_head = i < head_end
        kind = _line_kind(line, ctx, found, in_head, in_tail=not in_head and i >= tail_start)
        if kind == "body":
            if in_head and _may_be_title(line, ctx, found):
                found.title_candidates.append(line)
            kept.append(line)
            continue
        found.removed.append(line)
        if kind == "learned" and in_head:
            found.learned_head.append((i, line))
    _bilingual_section(found)
    return found, kept


def _line_kind(line: str, ctx: _Context, found: _Found, in_head: bool, in_tail: bool) -> str:
    """profile | metadata | learned | contact (all removed) or body; metadata goes to ``found``.

    Metadata is read above the body; below it only a date alone on a line (a PDF footer).
    """
    if ctx.profile and ctx.profile.is_boilerplate(profile_form(line)):
        return "profile"
    if in_head and _take_metadata_line(line, ctx, found):
        return "metadata"
    if in_tail and _take_date_line(line, ctx, found, TAIL_DATE_EXTRA_WORDS):
        return "metadata"
    if ctx.learner and ctx.learner.is_boilerplate(ctx.group, line) and not (ctx.keep_prose and _is_prose(line)):
        return "learned"
    if (in_head or in_tail) and metadata.is_contact_line(line):
        return "contact"
    return "body"


def _is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))


def _copied_story(lines: list[str], learner: CrossDocumentBoilerplate, group: str) -> bool:
    """True when most prose lines of the document repeat across the group's documents: the
    documents are copies of one story (wire copies saved side by side), not pages sharing chrome."""
    prose = [line for line in lines if _is_prose(line)]
    repeated = sum(1 for line in prose if learner.is_boilerplate(group, line))
    return repeated >= 2 and repeated * 2 >= len(prose)


def _may_be_title(line: str, ctx: _Context, found: _Found) -> bool:
    """A heading or the reader's title; in text with neither, the first title-like line."""
    if match_key(line) in ctx.title_keys:
        return True
    return not ctx.title_keys and not found.title_candidates and metadata.is_title_like(line)


def _bilingual_section(found: _Found) -> None:
    """Two adjacent label lines above the body, one Latin and one Persian, repeated across the
    publisher's documents: the bilingual section label a profile would name."""
    for (i, first), (j, second) in zip(found.learned_head, found.learned_head[1:]):
        labels = j == i + 1 and metadata.is_label(first) and metadata.is_label(second)
        if found.section is None and labels and is_persian_script(first) != is_persian_script(second):
            latin, persian = (second, first) if is_persian_script(first) else (first, second)
            found.section, found.section_fa = latin, persian
            return


def _head_end(lines: list[str], title_keys: set[str]) -> int:
    """Index of the first prose paragraph: lines above it are masthead, title and metadata."""
    for i, line in enumerate(lines[:HEAD_MAX_LINES]):
        prose = len(line.split()) >= PROSE_MIN_WORDS and _SENTENCE_END.search(line)
        if prose and match_key(line) not in title_keys:
            return i
    return min(len(lines), HEAD_MAX_LINES)


def _take_metadata_line(line: str, ctx: _Context, found: _Found) -> bool:
    """Record ``line`` if it is a section, agency, byline or date line; True if it was."""
    section = ctx.profile.section_of(profile_form(line)) if ctx.profile else None
    if section:
        found.section = found.section or section.name
        found.section_fa = found.section_fa or section.name_fa
        return True
    return _take_agency_or_date(line, ctx, found)


def _take_agency_or_date(line: str, ctx: _Context, found: _Found) -> bool:
    agency = metadata.agency_line(line)
    if agency:
        found.agency = found.agency or agency
        return True
    by = metadata.byline(line)
    if by:
        found.byline = found.byline or by[0] or None
        found.agency = found.agency or by[1]
        return True
    return _take_date_line(line, ctx, found)


def _take_date_line(
    line: str, ctx: _Context, found: _Found, max_extra_words: int = metadata.DATE_LINE_MAX_EXTRA_WORDS
) -> bool:
    date = metadata.date_line(line, ctx.profile.date_order if ctx.profile else "MDY", max_extra_words)
    if date:
        found.published = found.published or date
        return True
    return False


def _iso_date(value: str | None) -> str | None:
    """A reader's or corpus's date as ISO: kept when it already is, else parsed ("14 March 2012")."""
    if not value:
        return None
    if _ISO_DATE.match(value):
        try:  # "9999-99-99" looks ISO but is no calendar date
            datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
        return value
    return parse_date(value)


def _dateline_agency(kept: list[str]) -> str | None:
    """The agency of a dateline ("KABUL (AP) —") opening one of the first body paragraphs."""
    return next(filter(None, map(metadata.dateline_agency, kept[:DATELINE_LINES])), None)


def _usable_title(
    title: str | None, profile: SiteProfile | None, learner: CrossDocumentBoilerplate | None, group: str
) -> str | None:
    """The reader's title as a match key, unless it is the site's chrome (a masthead <title>)."""
    if not title or (profile and profile.is_boilerplate(profile_form(title))):
        return None
    if learner and learner.is_boilerplate(group, title):
        return None
    return match_key(title)


def _choose_title(reader_title: str | None, found: _Found, kept: list[str]) -> str | None:
    """The reader's title, else the first heading above the body written in the body's script."""
    if reader_title:
        return normalize_line(reader_title)
    candidates = set(found.title_candidates)
    persian_body = is_persian_script(" ".join(line for line in kept[:20] if line not in candidates))
    same_script = [t for t in found.title_candidates if is_persian_script(t) == persian_body]
    ranked = same_script or found.title_candidates
    return ranked[0] if ranked else None


def _without_title_line(kept: list[str], title: str | None, found: _Found) -> list[str]:
    """Body lines less the title's heading line and the lines above it (a story starts below
    its headline: what is above is masthead, navigation or kicker), which join the removed ones.

    A document that is only its headline keeps it as its body too.
    """
    if not title or len(kept) == 1:
        return kept
    key = match_key(title)
    for line in found.title_candidates:
        if match_key(line) == key:
            index = kept.index(line)
            found.removed.extend(kept[:index])
            return kept[index + 1 :]
    return kept


def _meta(raw: RawArticle, profile: SiteProfile | None, found: _Found) -> dict:
    """Article.meta: the reader's meta, the site profile's meta and name, the Persian section."""
    meta = dict(raw.meta)
    if profile:
        meta.update({k: normalize_persian(str(v)) for k, v in profile.meta.items()})
        meta["site_profile"] = profile.name
    if found.section_fa:
        meta["section_fa"] = normalize_persian(found.section_fa)
    if raw.published and not found.published and _iso_date(raw.published) is None:
        meta["published_raw"] = raw.published  # not a real date: kept as given, ``published`` is null
    return meta
