"""Profile-free boilerplate: lines that repeat across many documents of one publisher.

``CrossDocumentBoilerplate`` counts, per publisher, in how many distinct documents each short
line near the top or bottom appears. ``observe(raw)`` every raw article first (or as they
stream in), then ``is_boilerplate(group, line)`` is True for a line seen in at least ``min_docs`` documents
that are at least ``min_share`` of that publisher's documents (Config boilerplate_min_docs /
boilerplate_min_share). ``to_dict`` / ``from_dict`` let the store keep the counts.
Documents with no known publisher are grouped by the folder or archive they came from.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..config import Config
from ..model import RawArticle
from .metadata import site_address
from .normalize import match_key
from .profiles import SiteProfile, load_profiles, match_profile, url_host

MAX_LINE_CHARS = 300  # longer lines are prose; a repeated one is a duplicate story, not chrome
EDGE_LINES = 20  # chrome sits above and below the article: only these lines are counted
PROFILE_HEAD_LINES = 30  # lines searched for a site's masthead


@dataclass(frozen=True)
class Observation:
    """One raw article as the learner counts it: its group, its text hash, its edge lines."""

    group: str
    digest: str
    lines: tuple[str, ...]


@dataclass
class _Group:
    docs: int = 0
    seen: set[str] = field(default_factory=set)  # text hashes, so a re-read copy counts once
    lines: Counter[str] = field(default_factory=Counter)


def publisher_of(raw: RawArticle, profile: SiteProfile | None) -> str | None:
    """The site: the reader's publisher, else the matched profile's name, else the URL host,
    else the site's own address printed alone on a line of its masthead."""
    if raw.publisher:
        return raw.publisher.removeprefix("www.")
    if profile:
        return profile.name
    if raw.url:
        return url_host(raw.url)
    head = raw.text.split("\n", PROFILE_HEAD_LINES)[:PROFILE_HEAD_LINES]
    return next((host for host in map(site_address, map(str.strip, head)) if host), None)


def group_key(raw: RawArticle, publisher: str | None) -> str:
    """Which documents are compared: one publisher, or (unknown) one folder or archive."""
    if publisher:
        return publisher
    container = raw.source.split("!")[0].split("#")[0].split("@")[0]
    return "source:" + container.rsplit("/", 1)[0] if "/" in container else "source:."


def find_profile(raw: RawArticle, profiles: Iterable[SiteProfile]) -> SiteProfile | None:
    """The site profile ``raw`` belongs to, by URL, publisher or masthead lines, or None."""
    head = raw.text.split("\n", PROFILE_HEAD_LINES)[:PROFILE_HEAD_LINES] + raw.headings[:3]
    return match_profile(profiles, raw.url, raw.publisher, [line for line in head if line.strip()])


def _edge_lines(text: str) -> list[str]:
    """The first and last EDGE_LINES short non-empty lines: where mastheads and footers are.

    Counting only these keeps the counts small on big corpora, and a story's own repeated
    sentences (a series, a correction) are never taken for chrome.
    """
    lines = [line for line in text.splitlines() if 0 < len(line.strip()) <= MAX_LINE_CHARS]
    return lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]


class CrossDocumentBoilerplate:
    """Lines shared by many documents of one publisher; see the module docstring."""

    def __init__(
        self,
        min_docs: int = 3,
        min_share: float = 0.3,
        profiles: Iterable[SiteProfile] | None = None,
    ) -> None:
        self.min_docs = min_docs
        self.min_share = min_share
        self.profiles = tuple(profiles) if profiles is not None else load_profiles()
        self._groups: dict[str, _Group] = {}

    @classmethod
    def from_config(cls, config: Config) -> "CrossDocumentBoilerplate":
        """Thresholds and extra site profiles from ``config``."""
        profiles = load_profiles(tuple(config.site_profiles))
        return cls(config.boilerplate_min_docs, config.boilerplate_min_share, profiles)

    def observe(self, raw: RawArticle) -> None:
        """Count the distinct short lines of one raw article under its publisher group."""
        self.add(self.observation(raw))

    def observation(self, raw: RawArticle) -> Observation:
        """What ``observe`` counts of ``raw``, without counting it (a worker process computes it,
        the learner in the parent ``add``s it: the same counts as ``observe``)."""
        key = group_key(raw, publisher_of(raw, find_profile(raw, self.profiles)))
        digest = hashlib.sha256(raw.text.encode("utf-8")).hexdigest()[:16]
        return Observation(key, digest, tuple(sorted({match_key(line) for line in _edge_lines(raw.text)})))

    def add(self, observation: Observation) -> None:
        """Count one ``observation``; a text already counted in its group counts once."""
        group = self._groups.setdefault(observation.group, _Group())
        if observation.digest in group.seen:
            return
        group.seen.add(observation.digest)
        group.docs += 1
        group.lines.update(observation.lines)

    def verdicts(self, groups: Iterable[str]) -> dict[str, Any]:
        """The counts that decide ``is_boilerplate`` now for ``groups``: their document counts and
        only the lines that are boilerplate. ``from_dict`` of it answers ``is_boilerplate`` for
        those groups exactly as this learner does, and is small enough to send to a worker."""
        out: dict[str, Any] = {}
        for key in set(groups):
            found = self._groups.get(key)
            if found is None:
                continue
            lines = {line: n for line, n in found.lines.items() if self.is_boilerplate_key(key, line, n)}
            out[key] = {"docs": found.docs, "lines": lines}
        return {"min_docs": self.min_docs, "min_share": self.min_share, "groups": out}

    def is_boilerplate_key(self, group: str, key: str, count: int) -> bool:
        """The rule of ``is_boilerplate`` for a line already in match-key form seen ``count`` times."""
        found = self._groups.get(group)
        if found is None or found.docs < self.min_docs:
            return False
        return count >= self.min_docs and count / found.docs >= self.min_share

    def is_boilerplate(self, group: str | None, line: str) -> bool:
        """True when ``line`` repeats across enough documents of ``group`` (a publisher key)."""
        found = self._groups.get(group or "")
        if found is None or found.docs < self.min_docs:
            return False
        return self.is_boilerplate_key(group or "", match_key(line), found.lines.get(match_key(line), 0))

    def groups(self) -> dict[str, int]:
        """Publisher group -> number of documents observed."""
        return {key: g.docs for key, g in self._groups.items()}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts: thresholds, then per group the documents seen and line counts."""
        return {
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "groups": {
                key: {"docs": g.docs, "seen": sorted(g.seen), "lines": dict(g.lines)}
                for key, g in self._groups.items()
            },
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], profiles: Iterable[SiteProfile] | None = None
    ) -> "CrossDocumentBoilerplate":
        """Counts saved by ``to_dict`` -> a learner that goes on from where it stopped."""
        learner = cls(data.get("min_docs", 3), data.get("min_share", 0.3), profiles)
        for key, g in data.get("groups", {}).items():
            learner._groups[key] = _Group(g["docs"], set(g.get("seen", [])), Counter(g["lines"]))
        return learner
