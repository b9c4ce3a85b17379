"""Reader for PETRARCH validation files (``PETR2_GSR_validation.xml``,
``PETR.UnitTest.records.xml``): sentences with their expected CAMEO events.

The files are XML-like but carry ``#`` banner comments, so records are read with patterns.
In: the file path. Out: ``GoldSentence`` records in file order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_RECORD = re.compile(r"<Sentence\s+(?P<attrs>[^>]*?)/?>(?P<body>.*?)(?=<Sentence\s|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\s+(?P<attrs>[^>]*?)/?>")
_TEXT = re.compile(r"<Text>(?P<text>.*?)</Text>", re.S)


@dataclass
class GoldEvent:
    source: str
    target: str
    code: str


@dataclass
class GoldSentence:
    id: str
    date: str | None
    text: str
    category: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    no_events: bool = False


def read_records(path: str | Path) -> list[GoldSentence]:
    """Every sentence record with text in the file."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    records = []
    for match in _RECORD.finditer(text):
        body_text = _TEXT.search(match["body"])
        if body_text is None:
            continue
        attrs = dict(_ATTR.findall(match["attrs"]))
        sentence = GoldSentence(
            id=attrs.get("id", f"record-{len(records)}"),
            date=attrs.get("date"),
            text=" ".join(body_text["text"].split()),
            category=attrs.get("category"),
        )
        _add_codings(sentence, match["body"])
        records.append(sentence)
    return records


def _add_codings(sentence: GoldSentence, body: str) -> None:
    for coding in _CODING.finditer(body):
        attrs = dict(_ATTR.findall(coding["attrs"]))
        if attrs.get("noevents", "").lower() == "true" or "noevent" in attrs:
            sentence.no_events = True
        elif "eventcode" in attrs:
            sentence.events.append(GoldEvent(attrs.get("sourcecode", "---"), attrs.get("targetcode", "---"), attrs["eventcode"]))
