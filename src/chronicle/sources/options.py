"""How to read the inputs: their format, corpus field names, and size limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config

_DEFAULTS = Config()

INPUT_FORMATS = ("auto", "jsonl", "csv", "json", "warc", "files")


@dataclass
class SourceOptions:
    """Options for ``iter_documents``.

    ``input_format``: auto (judge each file by its name), jsonl, csv, json (an array of
    objects), warc, or files (every file is one document; archives are still opened).
    The ``*_field`` names pick columns of a JSONL/CSV/JSON corpus; a dotted name
    (``meta.date``) reaches into nested JSON objects. Limits are in bytes and counts.
    """

    input_format: str = "auto"
    id_field: str = "id"
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    publisher_field: str = "publisher"
    max_file_bytes: int = _DEFAULTS.max_file_bytes
    max_archive_bytes: int = _DEFAULTS.max_archive_bytes
    max_archive_members: int = _DEFAULTS.max_archive_members
    meta_fields: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise ValueError(f"input format {self.input_format!r} is not one of {', '.join(INPUT_FORMATS)}")
        # Document.meta key -> corpus field name, in the order records show them.
        self.meta_fields = {
            "id": self.id_field,
            "title": self.title_field,
            "date": self.date_field,
            "url": self.url_field,
            "publisher": self.publisher_field,
        }

    @classmethod
    def from_config(cls, config: Config, **fields: object) -> SourceOptions:
        """Options whose limits come from ``config``; ``fields`` (None ignored) override the rest."""
        limits = {
            "max_file_bytes": config.max_file_bytes,
            "max_archive_bytes": config.max_archive_bytes,
            "max_archive_members": config.max_archive_members,
        }
        limits.update({k: v for k, v in fields.items() if v is not None})
        return cls(**limits)  # type: ignore[arg-type]


def human_size(n: int) -> str:
    """``52428800 -> "50 MB"``, ``1536 -> "1.5 KB"``, ``12 -> "12 bytes"``: sizes in messages."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
