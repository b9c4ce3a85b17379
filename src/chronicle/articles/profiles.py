"""Site profiles: what one publisher's page chrome looks like, kept as YAML in data/sites/.

A profile names the site, how to recognise it (URL host, or masthead/contact lines), which
lines are boilerplate, its bilingual section labels, extra meta and how it writes numeric
dates. ``load_profiles(extra)`` reads the bundled profiles plus any given files (Config
``site_profiles``); ``match_profile(...)`` picks the one a document belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlparse

import yaml

from .normalize import normalize_line, normalize_persian


@dataclass(frozen=True)
class Section:
    name: str
    name_fa: str | None = None


@dataclass
class SiteProfile:
    """One site's chrome. Patterns are matched against lines after ``profile_form``."""

    name: str
    hosts: list[str] = field(default_factory=list)
    recognise: list[re.Pattern[str]] = field(default_factory=list)
    min_matches: int = 1
    boilerplate: list[re.Pattern[str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    section_labels: dict[str, Section] = field(default_factory=dict)  # label key -> section
    meta: dict[str, Any] = field(default_factory=dict)
    date_order: str = "MDY"

    def is_boilerplate(self, line: str) -> bool:
        """True when ``line`` (in profile_form) is one of the site's chrome lines."""
        return any(p.search(line) for p in self.boilerplate)

    def section_of(self, line: str) -> Section | None:
        """The section whose English or Persian label (or both, on one line) is ``line``."""
        return self.section_labels.get(line.casefold())

    def recognises(self, host: str | None, lines: Iterable[str]) -> bool:
        """True when the URL host is the site's, or enough lines match its masthead patterns."""
        if host and any(host == h or host.endswith("." + h) for h in self.hosts):
            return True
        hits = sum(1 for line in lines if any(p.search(line) for p in self.recognise))
        return bool(self.recognise) and hits >= self.min_matches


def profile_form(line: str) -> str:
    """How lines are compared with profile patterns: whitespace collapsed, Persian letters."""
    return normalize_persian(normalize_line(line))


def url_host(url: str | None) -> str | None:
    """``https://www.example.com/a`` -> ``example.com`` (None for no URL or no host)."""
    if not url:
        return None
    host = urlparse(url if "//" in url else "//" + url).hostname
    return host[4:] if host and host.startswith("www.") else host


def _section_labels(sections: list[Section]) -> dict[str, Section]:
    """Each section's labels alone and joined on one line (either order), in matching form."""
    found: dict[str, Section] = {}
    for section in sections:
        labels = [profile_form(label).casefold() for label in (section.name, section.name_fa) if label]
        for key in [*labels, " ".join(labels), " ".join(reversed(labels))]:
            found.setdefault(key, section)
    return found


def _compile(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(profile_form(p), re.IGNORECASE) for p in patterns]


def parse_profile(data: dict[str, Any]) -> SiteProfile:
    """A profile's YAML mapping -> SiteProfile (regexes compiled, labels normalised)."""
    recognise = data.get("recognise") or {}
    sections = [Section(s["name"], s.get("name_fa")) for s in data.get("sections", [])]
    return SiteProfile(
        name=str(data["name"]),
        hosts=[str(h) for h in data.get("hosts", [])],
        recognise=_compile(recognise.get("lines", [])),
        min_matches=int(recognise.get("min_matches", 1)),
        boilerplate=_compile(data.get("boilerplate", [])),
        sections=sections,
        section_labels=_section_labels(sections),
        meta=dict(data.get("meta") or {}),
        date_order=str(data.get("date_order", "MDY")),
    )


@lru_cache(maxsize=8)
def load_profiles(extra: tuple[str, ...] = ()) -> tuple[SiteProfile, ...]:
    """The bundled profiles (data/sites/*.yaml) followed by ``extra`` YAML files."""
    texts = [
        f.read_text(encoding="utf-8")
        for f in sorted(resources.files("chronicle.data").joinpath("sites").iterdir(), key=str)
        if f.name.endswith((".yaml", ".yml"))
    ]
    texts += [Path(p).read_text(encoding="utf-8") for p in extra]
    return tuple(parse_profile(yaml.safe_load(t)) for t in texts)


def match_profile(
    profiles: Iterable[SiteProfile], url: str | None, publisher: str | None, lines: list[str]
) -> SiteProfile | None:
    """The first profile that recognises the document by URL host, publisher name or masthead."""
    host = url_host(url)
    head = [profile_form(line) for line in lines]
    for profile in profiles:
        if publisher and publisher.removeprefix("www.") == profile.name:
            return profile
        if profile.recognises(host, head):
            return profile
    return None
