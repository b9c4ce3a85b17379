"""Readers for user actor dictionaries: our YAML format and PETRARCH/Phoenix files as they are.

``load_dictionaries(paths)`` -> a ``PhraseIndex`` of user entries (they win over our lexicon).
Parsed files are cached per (path, size, mtime), so the 18,000-name Phoenix country file is
read once per process. Files that hold no actors (``.verbs``, ``.discards``) are skipped: the
events stage reads those. A malformed line raises ``DictionaryError(path, line, reason)``.

Our YAML format (``*.yaml`` / ``*.yml``)::

    actors:
      - names: [Anatoly Antonov, Antonov]     # forms as written; the first is canonical
        code: RUSGOV                          # default code
        dates:                                # optional: codes valid for a period
          - {code: RUSMIL, from: 2005-01-01, to: 2011-12-31}
    agents:
      - names: [field commander]              # role nouns, singular; plurals match by lemma
        code: MIL                             # added after the country: TURMIL

PETRARCH/Phoenix ``.actors`` files: a primary phrase (words joined by ``_`` or blanks) with an
optional ``[CODE]``, ``+SYNONYM`` lines, and tab-indented date restrictions ``[CODE >20040309]``,
``[CODE <20040309]``, ``[CODE 20040309-20080507]`` (YYMMDD accepted, and seven digits read as
PETRARCH reads them: YYMMDD plus a stray digit); ``#`` and ``<!-- -->``
comments. ``.agents`` files: ``PHRASE {PLURALS} [~CODE]`` (``NGO~`` puts the code first) with
``!MARKER! = A, B`` substitution sets.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from ...data import SAFE_LOADER
from ...errors import DictionaryError
from .kinds import dictionary_kind
from .entries import SECTORS, Entry, PhraseIndex, split_code

log = logging.getLogger(__name__)

_CODE = re.compile(r"^\[\s*([^\s\[\]{}<>]+)\s*([<>]?\s*[0-9]{6,}(?:\s*-\s*[0-9]{6,})?)?\s*[\]}]")
_SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*$")


def load_dictionaries(paths: Iterable[str | os.PathLike], strict: bool = True) -> PhraseIndex:
    """One index holding every actor/agent entry of ``paths``, in order (later files add).

    strict: a malformed line raises DictionaryError; with ``strict=False`` it is logged as a
    warning naming the file and line, and skipped (the shipped Phoenix files have nine,
    e.g. seven-digit dates).
    """
    keys = []
    for path in paths:
        stat = os.stat(path)
        keys.append((str(path), stat.st_size, stat.st_mtime_ns))
    return _index_cached(tuple(keys), strict)


@lru_cache(maxsize=8)
def _index_cached(keys: tuple[tuple[str, int, int], ...], strict: bool) -> PhraseIndex:
    # the index is read-only once built, so resolvers over the same files share one
    index = PhraseIndex()
    for path, size, mtime in keys:
        index.extend(_parse_cached(path, size, mtime, strict))
    return index


@lru_cache(maxsize=32)
def _parse_cached(path: str, size: int, mtime: int, strict: bool) -> tuple[tuple[str, Entry], ...]:
    # size and mtime are part of the key so an edited file is read again
    return tuple(read_dictionary(path, strict))


def read_dictionary(path: str | os.PathLike, strict: bool = True) -> list[tuple[str, Entry]]:
    """(phrase, entry) pairs of one user dictionary file, by its format."""
    kind = dictionary_kind(path)
    if kind == "yaml":
        return list(_read_yaml(Path(path)))
    if kind == "actors":
        return list(_read_actors(str(path), _lines(path), strict))
    if kind == "agents":
        return list(_read_agents(str(path), _lines(path), strict))
    return []


def _skip_or_raise(error: DictionaryError, strict: bool) -> None:
    """Raise ``error`` in strict mode; otherwise log it so the user can fix the file."""
    if strict:
        raise error
    log.warning("skipped malformed dictionary line: %s", error)


def _lines(path: str | os.PathLike) -> Iterator[tuple[int, str]]:
    """Numbered lines with comments removed (``#``, ``<!-- -->`` even across lines)."""
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for number, raw in enumerate(fh, 1):
            line, in_comment = _strip_xml_comment(raw.rstrip("\n"), in_comment)
            line = line.split("#", 1)[0].rstrip()
            if line.strip():
                yield number, line


def _strip_xml_comment(line: str, in_comment: bool) -> tuple[str, bool]:
    out = []
    while line:
        if in_comment:
            end = line.find("-->")
            if end < 0:
                return "".join(out), True
            line, in_comment = line[end + 3 :], False
        else:
            start = line.find("<!--")
            if start < 0:
                out.append(line)
                break
            out.append(line[:start])
            line, in_comment = line[start + 4 :], True
    return "".join(out), in_comment


# --------------------------------------------------------------------------- .actors


@dataclass
class _Record:
    """One actor record being read: its phrases, default code and dated codes."""

    line: int
    phrases: list[str]
    code: str | None = None
    dated: list[tuple[str, str, str]] = field(default_factory=list)

    def entries(self) -> Iterator[tuple[str, Entry]]:
        if not self.code and not self.dated:
            return  # a record without any code is a null actor: it codes nothing
        country, sector = split_code(self.code or self.dated[0][0])
        canonical = self.phrases[0].replace("_", " ").strip().title()
        entry = Entry("actor", self.code, country, sector, canonical, user=True, dated=tuple(self.dated))
        for phrase in self.phrases:
            yield phrase, entry


def _read_actors(path: str, lines: Iterable[tuple[int, str]], strict: bool) -> Iterator[tuple[str, Entry]]:
    record: _Record | None = None
    for number, line in lines:
        text = line.strip()
        try:
            if text.startswith("+"):
                _need(record, path, number, "synonym before any actor").phrases.append(text[1:].strip())
            elif text.startswith("["):
                _add_code(_need(record, path, number, "code before any actor"), path, number, text)
            else:
                if record is not None:
                    yield from record.entries()
                record = None  # a bad primary line must not lend its synonyms to the previous actor
                record = _root(path, number, text)
        except DictionaryError as error:
            _skip_or_raise(error, strict)
    if record is not None:
        yield from record.entries()


def _need(record: _Record | None, path: str, number: int, reason: str) -> _Record:
    if record is None:
        raise DictionaryError(path, number, reason)
    return record


def _root(path: str, number: int, text: str) -> _Record:
    """A primary phrase line: ``PHRASE_ [CODE]`` (the code is optional)."""
    text = re.split(r"\s;", text, maxsplit=1)[0].strip()  # old TABARI ';' comments
    phrase, bracket, rest = text.partition("[")
    if not phrase.strip():
        raise DictionaryError(path, number, "actor line has no phrase")
    record = _Record(number, [phrase.strip()])
    if bracket:
        _add_code(record, path, number, "[" + rest)
    return record


def _add_code(record: _Record, path: str, number: int, text: str) -> None:
    """``[CODE]`` sets the default; ``[CODE restriction]`` adds a dated code."""
    match = _CODE.match(text)
    if not match:
        raise DictionaryError(path, number, f"malformed code {text!r}: expected [CODE] or [CODE date]")
    code, restriction = match.group(1).upper(), match.group(2)
    # a lone date with no "<", ">" or range restricts nothing: PETRARCH reads it as the default
    if not restriction or restriction.strip().isdigit():
        record.code = code
        return
    first, last = _restriction(path, number, restriction.replace(" ", ""))
    record.dated.append((code, first, last))


def _restriction(path: str, number: int, text: str) -> tuple[str, str]:
    """``<d`` / ``>d`` / ``d1-d2`` -> (first day, last day) as ISO dates, "" when open."""
    if text.startswith("<"):
        return "", _date(path, number, text[1:])
    if text.startswith(">"):
        return _date(path, number, text[1:]), ""
    first, _, last = text.partition("-")
    # a range that ends before it starts never applies (PETRARCH skips it too)
    return _date(path, number, first), _date(path, number, last)


def _date(path: str, number: int, digits: str) -> str:
    """YYYYMMDD, or YYMMDD (YY up to 30 is 20YY, as in PETRARCH) -> YYYY-MM-DD.

    Stray digits are read as PETRARCH reads them: up to seven digits are YYMMDD and a
    seventh is ignored ("9008223" is 1990-08-22); from eight on, digits past the eighth are
    ignored ("201005011" is 2010-05-01)."""
    if not digits.isdigit() or len(digits) < 6:
        raise DictionaryError(path, number, f"bad date {digits!r}: expected YYYYMMDD or YYMMDD")
    if len(digits) < 8:
        year = int(digits[:2])
        digits = f"{2000 + year if year <= 30 else 1900 + year}{digits[2:6]}"
    digits = digits[:8]
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError as exc:  # 20100931, 20100229: no such day
        raise DictionaryError(path, number, f"bad date {digits!r}: {exc}") from exc


# --------------------------------------------------------------------------- .agents


def _read_agents(path: str, lines: Iterable[tuple[int, str]], strict: bool) -> Iterator[tuple[str, Entry]]:
    markers: dict[str, list[str]] = {}
    for number, line in lines:
        try:
            yield from _agent_line(path, number, line.strip(), markers)
        except DictionaryError as error:
            _skip_or_raise(error, strict)


def _agent_line(
    path: str, number: int, text: str, markers: dict[str, list[str]]
) -> Iterator[tuple[str, Entry]]:
    """One agents line: a ``!MARKER! = ...`` definition (stored) or ``PHRASE {PLURALS} [~CODE]``."""
    subst = _SUBST.match(text)
    if subst:
        markers[subst.group(1)] = [w.strip() for w in subst.group(2).split(",") if w.strip()]
        return
    match = _AGENT.match(text)
    if not match:
        raise DictionaryError(path, number, f"malformed agent line {text!r}: expected PHRASE [~CODE]")
    entry = _agent_entry(path, number, match.group("code").strip())
    for phrase in _agent_phrases(path, number, match.group("phrase"), match.group("plurals"), markers):
        yield phrase, entry


def _agent_entry(path: str, number: int, code: str) -> Entry:
    if "~" not in code or not code.replace("~", "").isalnum():
        raise DictionaryError(path, number, f"bad agent code {code!r}: expected ~CODE or CODE~")
    prefix = code.endswith("~")
    code = code.replace("~", "").upper()
    sector = code[:3] if code[:3] in SECTORS else None
    return Entry("agent", code, None, sector, user=True, prefix=prefix)


def _agent_phrases(
    path: str, number: int, phrase: str, plurals: str | None, markers: dict[str, list[str]]
) -> list[str]:
    """The phrase (markers expanded), plus its plurals: listed in {...} or regular ones."""
    phrase = phrase.strip()
    found = re.search(r"![A-Z]+!", phrase)
    if found:
        if found.group(0) not in markers:
            raise DictionaryError(path, number, f"undefined substitution set {found.group(0)}")
        return [phrase.replace(found.group(0), word) for word in markers[found.group(0)]]
    if plurals is not None:
        return [phrase] + plurals.split()
    return [phrase, _plural(phrase)]


def _plural(phrase: str) -> str:
    """Regular plural of the last word, as PETRARCH forms it (S, IES after Y, ES after SS)."""
    stem = phrase.rstrip("_")
    if stem.upper().endswith("Y"):
        return stem[:-1] + "IES"
    if stem.upper().endswith("SS"):
        return stem + "ES"
    return stem + "S"


# --------------------------------------------------------------------------- our YAML


def _read_yaml(path: Path) -> Iterator[tuple[str, Entry]]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=SAFE_LOADER) or {}  # noqa: S506 - a safe loader
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise DictionaryError(str(path), line, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DictionaryError(str(path), 1, "expected a mapping with 'actors' and/or 'agents'")
    for key, read in (("actors", _yaml_actor), ("agents", _yaml_agent)):
        for line, item in zip(_item_lines(root, key), data.get(key) or []):
            yield from read(str(path), line, item)


def _item_lines(root: yaml.Node | None, key: str) -> Iterator[int]:
    """Line number (1-based) of each list item under ``key``, for error messages."""
    for name, value in getattr(root, "value", []):
        if getattr(name, "value", None) == key and isinstance(value, yaml.SequenceNode):
            for node in value.value:
                yield node.start_mark.line + 1


def _yaml_names(path: str, line: int, item: object) -> list[str]:
    if not isinstance(item, dict) or not item.get("names") or "code" not in item:
        raise DictionaryError(path, line, "each entry needs 'names' (a list) and 'code'")
    names = item["names"]
    return [names] if isinstance(names, str) else [str(n) for n in names]


def _yaml_actor(path: str, line: int, item: dict) -> Iterator[tuple[str, Entry]]:
    names = _yaml_names(path, line, item)
    dated = tuple(_yaml_dated(path, line, d) for d in item.get("dates") or [])
    code = str(item["code"]).upper() if item["code"] else None
    country, sector = split_code(code or (dated[0][0] if dated else None))
    entry = Entry("actor", code, country, sector, names[0], user=True, dated=dated)
    for name in names:
        yield name, entry


def _yaml_dated(path: str, line: int, item: object) -> tuple[str, str, str]:
    if not isinstance(item, dict) or "code" not in item:
        raise DictionaryError(path, line, "each of 'dates' needs a 'code' and 'from' and/or 'to'")
    return str(item["code"]).upper(), str(item.get("from") or ""), str(item.get("to") or "")


def _yaml_agent(path: str, line: int, item: dict) -> Iterator[tuple[str, Entry]]:
    names = _yaml_names(path, line, item)
    code = str(item["code"]).upper().replace("~", "")
    sector = code[:3] if code[:3] in SECTORS else None
    entry = Entry("agent", code, None, sector, user=True)
    for name in names:
        yield name, entry
