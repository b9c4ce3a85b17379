"""Reader for PETRARCH verb dictionaries (``CAMEO.2.0.txt`` format), as user dictionaries.

In: a path. Out: ``{key: EventEntry}`` where key is a verb lemma ("restore"), a lemma plus the
first literal word of a ``- * WORD [code]`` pattern ("restore tie"), or ``^WORD lemma`` for a
``- WORD * [code]`` pattern ("^not restore"); the event coder matches these words against the
verb's particle, object and prepositions, or the words just before the verb.
The format: ``--- VERB [code] ---`` opens a block; the next lines name the verb (``+`` marks
the verb word in a multi-word entry); ``- * WORD [code]`` and ``- WORD * [code]`` lines refine
it (these entries keep only the word after or before the verb); ``&NAME`` opens a synonym set
whose ``+WORD`` lines may stand in patterns. ``#`` starts a comment, ``<!-- -->`` lines are
comments. Codes with no PLOVER reading (01, 02) are left out of these entries (whole patterns
keep them); codes outside CAMEO (PETRARCH test codes such as 903) become type OTHER, code kept.

Whole patterns: ``read_verb_patterns(path)`` -> ``{verb word: [VerbPattern]}`` keeps every
pattern line as written (several words before and after the verb, ``_``-joined words that
must be consecutive, ``&SYNSET`` alternatives, and where ``+`` puts the target), and
``best_pattern(token, patterns)`` picks the pattern that matches the most words around a verb
token ("welcomed economic memos from Bree" -> ``* &TIETYPES_MEMOS FROM +``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from chronicle.errors import DictionaryError

from ..ontology import EventEntry, cameo_to_plover
from .kinds import dictionary_kind

_HEADER = re.compile(r"^---\s+(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\].*$")  # the closing "---" is often missing
_PATTERN = re.compile(r"^-\s+(?P<pattern>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")
_COMMENT = re.compile(r"(?:^|\s)#.*$")  # "#" after a space: "[###]" is a (test) code, not a comment
_CODE = re.compile(r"^\d{2,4}$")
_NO_PLOVER_ROOTS = ("01", "02")
# Pattern placeholders: "$" source, "+" target, "%" both (compound), "^" any noun phrase.
_PLACEHOLDERS = {"$", "+", "%", "^"}

Element = tuple[tuple[str, ...], ...]  # alternatives, each a run of consecutive words


@dataclass(frozen=True)
class VerbPattern:
    """One pattern line of a verb block. ``before``/``after``: the literal elements in order
    (nearest the verb last/first); ``target_after``: how many ``after`` elements come before
    the ``+`` target (None when the pattern places no target after the verb). A block's verb
    line is a pattern of no words. ``verb`` is the word as written: "said", "left" and
    "killed" blocks are surface forms, looked up by the token's text."""

    verb: str
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    entry: EventEntry
    target_after: int | None = None
    reverse: EventEntry | None = None  # "[032:033]": the target does 033 to the source
    mutual: bool = False  # "- % * [030]": coordinated subjects act on one another

    @property
    def size(self) -> int:
        """Words the pattern asks for: the more, the more specific (a ``%`` counts one)."""
        literal = sum(min(len(alt) for alt in el) for el in (*self.before, *self.after))
        return literal + self.mutual


def is_verb_dictionary(path: str) -> bool:
    """True for files named like PETRARCH verb dictionaries (``*verbs*``, ``CAMEO*.txt``)."""
    return dictionary_kind(path) == "verbs"


def read_verb_dictionary(path: str | Path) -> dict[str, EventEntry]:
    """Verb lemmas and lemma+word patterns of a PETRARCH verb file, with their events."""
    return _read(path)[0]


def read_verb_patterns(path: str | Path) -> dict[str, list[VerbPattern]]:
    """Every pattern line of a PETRARCH verb file, whole, by verb lemma (file order)."""
    return _read(path)[1]


def load_verb_patterns(paths: Iterable[str]) -> dict[str, list[VerbPattern]]:
    """Whole patterns of several verb files, merged by verb word (later files' lines after
    earlier ones, so at equal size the earlier file wins). Parsed once per process."""
    return _load_patterns(tuple(str(p) for p in paths))


@lru_cache(maxsize=8)
def _load_patterns(paths: tuple[str, ...]) -> dict[str, list[VerbPattern]]:
    merged: dict[str, list[VerbPattern]] = {}
    for path in paths:
        for verb, patterns in read_verb_patterns(path).items():
            merged.setdefault(verb, []).extend(patterns)
    return merged


def _read(path: str | Path) -> tuple[dict[str, EventEntry], dict[str, list[VerbPattern]]]:
    entries: dict[str, EventEntry] = {}
    synsets: dict[str, list[str]] = {}
    state: dict[str, object] = {"verb": None, "code": None, "synset": None, "patterns": {}}
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip(raw)
        if not line:
            state["synset"] = None
            continue
        _read_line(line, str(path), number, state, synsets, entries)
    return entries, state["patterns"]  # type: ignore[return-value]


def _strip(raw: str) -> str:
    line = raw.strip()
    if line.startswith("<!--"):
        return ""
    return _COMMENT.sub("", line).strip()


def _read_line(
    line: str, path: str, number: int, state: dict, synsets: dict[str, list[str]], entries: dict[str, EventEntry]
) -> None:
    if line.startswith("---"):
        header = _HEADER.match(line)
        if header is None:
            raise DictionaryError(path, number, f"verb block header without [code]: {line!r}")
        state.update(verb=None, code=_clean_code(header["code"]), synset=None, header=header["verb"])
        state["reverse"] = _reverse_code(header["code"])
        return
    if line.startswith("&"):
        state.update(synset=line.split()[0][1:].rstrip("_"), verb=None)
        synsets[state["synset"]] = []
        return
    if line.startswith("+") and state["synset"]:
        synsets[state["synset"]].append(line[1:].strip().lower())
        return
    if line.startswith("-"):
        _read_pattern(line, path, number, state, synsets, entries)
        return
    if state.get("header") is not None and state["verb"] is None and not line.startswith("+"):
        state["verb"] = _verb_word(line)
        _add(entries, state["verb"], state["code"])
        base = _pattern(state["verb"], (), (), state["code"], state["reverse"])
        if base is not None:
            state["patterns"].setdefault(state["verb"], []).append(base)


def _read_pattern(
    line: str, path: str, number: int, state: dict, synsets: dict[str, list[str]], entries: dict[str, EventEntry]
) -> None:
    match = _PATTERN.match(line)
    if match is None:
        raise DictionaryError(path, number, f"pattern without [code]: {line!r}")
    if state["verb"] is None:
        return
    code = _clean_code(match["code"])
    pattern = _whole_pattern(state["verb"], match["pattern"], code, synsets, _reverse_code(match["code"]))
    if pattern is not None:
        state["patterns"].setdefault(state["verb"], []).append(pattern)
    words = match["pattern"].replace("_", " ").replace("*", " * ").split()
    if "*" not in words:
        return
    star = words.index("*")
    # "- * WORD": the first word after the verb; "- WORD *": the word right before it
    if star + 1 < len(words):
        for literal in _literals(words[star + 1], synsets):
            _add(entries, f"{state['verb']} {literal}", code)
    elif star > 0:
        for literal in _literals(words[star - 1], synsets):
            _add(entries, f"^{literal} {state['verb']}", code)


def _literals(word: str, synsets: dict[str, list[str]]) -> list[str]:
    """Lemmas a pattern word stands for: itself, or the members of its ``&SYNSET``;
    placeholders (``%``, ``$``, ``+``, ``^``) stand for none."""
    word = word.lstrip("+")
    members = synsets.get(word.lstrip("&").rstrip("_"), []) if word.startswith("&") else [word]
    literals = [pattern_lemma(re.sub(r"[^a-z'-]", "", m.split()[0].lower())) for m in members if m.split()]
    return [w for w in literals if w]


def _verb_word(line: str) -> str:
    """The verb of a block's first line: ``ABANDON`` -> abandon; ``KLM_NOP_+RST`` -> rst."""
    word = line.split()[0]
    parts = word.split("_")
    marked = [p for p in parts if p.startswith("+")]
    return (marked[0][1:] if marked else parts[0]).lower()


def pattern_lemma(word: str) -> str:
    """Rough lemma of a pattern word (dictionary words are upper-case surface forms)."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _reverse_code(code: str) -> str | None:
    """The second code of a pair: ``032:033`` -> 033 (what the target does back)."""
    _, colon, second = code.partition(":")
    return _clean_code(second) if colon else None


def _clean_code(code: str) -> str | None:
    code = code.split(":")[0].strip()
    return code if _CODE.match(code) else None


def _add(entries: dict[str, EventEntry], key: str, code: str | None) -> None:
    if code is None or code.startswith(_NO_PLOVER_ROOTS):
        return
    entry = cameo_to_plover(code) or EventEntry("OTHER", code)
    entries[key] = entry


# --------------------------------------------------------------------------- whole patterns


def _whole_pattern(
    verb: str, text: str, code: str | None, synsets: dict[str, list[str]], reverse: str | None = None
) -> VerbPattern | None:
    """A pattern line as a VerbPattern; None for lines without ``*`` or a code."""
    parts = text.replace("*", " * ").split()
    if "*" not in parts:
        return None
    star = parts.index("*")
    before = tuple(el for el in (_element(p, synsets) for p in parts[:star]) if el)
    after_parts = parts[star + 1 :]
    after = tuple(el for el in (_element(p, synsets) for p in after_parts) if el)
    target = None
    if "+" in after_parts or "%" in after_parts:
        mark = next(i for i, p in enumerate(after_parts) if p in ("+", "%"))
        target = sum(1 for p in after_parts[:mark] if _element(p, synsets))
    pattern = _pattern(verb, before, after, code, reverse, target)
    if pattern is not None and "%" in parts[:star]:
        pattern = dataclasses.replace(pattern, mutual=True)
    return pattern


def _pattern(
    verb: str, before: tuple, after: tuple, code: str | None, reverse: str | None, target: int | None = None
) -> VerbPattern | None:
    """A VerbPattern with its events; None without a code. Unlike the lemma entries, whole
    patterns keep statements and appeals (01, 02: type OTHER): a user who codes "said" as
    023 asks for it, and the coder decides whether to emit them."""
    if code is None:
        return None
    return VerbPattern(verb, before, after, _entry(code), target, _entry(reverse) if reverse else None)


def _entry(code: str) -> EventEntry:
    return cameo_to_plover(code) or EventEntry("OTHER", code)


def _element(part: str, synsets: dict[str, list[str]]) -> Element:
    """Alternatives of one pattern word: ``FROM`` -> (("from",),); ``&TIETYPES_MEMOS`` ->
    (("military", "memos"), ("economic", "memos"), ...); placeholders -> ()."""
    if part in _PLACEHOLDERS:
        return ()
    runs: list[tuple[str, ...]] = [()]
    for piece in (p for p in part.split("_") if p and p not in _PLACEHOLDERS):
        if piece.startswith("&"):
            members = synsets.get(piece[1:].rstrip("_"), [])
            options = [tuple(m.replace("_", " ").split()) for m in members if m.split()]
        else:
            options = [(piece.lower(),)]
        runs = [run + option for run in runs for option in options]
    return tuple(run for run in runs if run)
