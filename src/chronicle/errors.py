"""One error type for bad input: it names the file and the reason, and becomes a Failure record."""

from __future__ import annotations

from .model import Failure


class ChronicleError(Exception):
    """A document could not go through a stage. ``source`` names the file, ``reason`` says why."""

    stage = "pipeline"

    def __init__(self, source: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.detail = detail

    def to_failure(self) -> Failure:
        return Failure(source=self.source, stage=self.stage, reason=self.reason, detail=self.detail)


class SourceError(ChronicleError):
    stage = "source"


class ReaderError(ChronicleError):
    stage = "reader"


class ArticleError(ChronicleError):
    stage = "article"


class AnalysisError(ChronicleError):
    stage = "analysis"


class DictionaryError(Exception):
    """A lexicon or user dictionary has a malformed line: names the file and the line number."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class ConfigError(ValueError):
    """A setting is wrong (an unknown component, a component whose needs are unmet): names the
    setting and the reason."""
