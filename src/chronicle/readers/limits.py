"""What one page may cost a reader: characters once decoded, elements, links (config.py defaults)."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config

_DEFAULTS = Config()


@dataclass(frozen=True)
class ReadLimits:
    """Limits of one document in the readers; a page over one fails with a reason naming it."""

    max_html_chars: int = _DEFAULTS.max_html_chars
    max_html_nodes: int = _DEFAULTS.max_html_nodes
    max_html_links: int = _DEFAULTS.max_html_links

    @classmethod
    def from_config(cls, config: Config) -> ReadLimits:
        return cls(config.max_html_chars, config.max_html_nodes, config.max_html_links)
