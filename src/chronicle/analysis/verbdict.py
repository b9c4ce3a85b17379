"""Reader for PETRARCH verb dictionaries (``CAMEO.2.0.txt`` format), as user dictionaries.

In: a path. Out: ``{key: EventEntry}`` where key is a verb lemma ("restore"), a lemma plus the
first literal word of a ``- * WORD [code]`` pattern ("restore tie"), or ``^WORD lemma`` for a
``- WORD * [code]`` pattern ("^not restore"); the event coder matches these words against the
verb's particle, object and prepositions, or the words just before the verb.
The format: ``--- VERB [code] ---`` opens a block; the next lines name the verb (``+`` marks
the verb word in a multi-word entry); ``- * WORD [code]`` and ``- WORD * [code]`` lines refine it (the word after or before the verb; other pattern forms are skipped); ``&NAME`` opens a
synonym set whose ``+WORD`` lines may stand in patterns. ``#`` starts a comment, ``<!-- -->``
lines are comments. Codes with no PLOVER reading (01, 02) are skipped; codes outside CAMEO
(PETRARCH test codes such as 903) become type OTHER with the code kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from chronicle.errors import DictionaryError

from .lexicon import EventEntry, cameo_to_plover

_HEADER = re.compile(r"^---\s+(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\].*$")  # the closing "---" is often missing
_PATTERN = re.compile(r"^-\s+(?P<pattern>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")
_COMMENT = re.compile(r"(?:^|\s)#.*$")  # "#" after a space: "[###]" is a (test) code, not a comment
_CODE = re.compile(r"^\d{2,4}$")
_NO_PLOVER_ROOTS = ("01", "02")


def is_verb_dictionary(path: str) -> bool:
    """True for files named like PETRARCH verb dictionaries (``*verbs*``, ``CAMEO*.txt``)."""
    name = Path(path).name.lower()
    return "verb" in name or name.startswith("cameo")


def read_verb_dictionary(path: str | Path) -> dict[str, EventEntry]:
    """Verb lemmas and lemma+word patterns of a PETRARCH verb file, with their events."""
    entries: dict[str, EventEntry] = {}
    synsets: dict[str, list[str]] = {}
    state: dict[str, object] = {"verb": None, "code": None, "synset": None}
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip(raw)
        if not line:
            state["synset"] = None
            continue
        _read_line(line, str(path), number, state, synsets, entries)
    return entries


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


def _read_pattern(
    line: str, path: str, number: int, state: dict, synsets: dict[str, list[str]], entries: dict[str, EventEntry]
) -> None:
    match = _PATTERN.match(line)
    if match is None:
        raise DictionaryError(path, number, f"pattern without [code]: {line!r}")
    if state["verb"] is None:
        return
    words = match["pattern"].replace("_", " ").replace("*", " * ").split()
    if "*" not in words:
        return
    star = words.index("*")
    code = _clean_code(match["code"])
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
    literals = [_lemma(re.sub(r"[^a-z'-]", "", m.split()[0].lower())) for m in members if m.split()]
    return [w for w in literals if w]


def _verb_word(line: str) -> str:
    """The verb of a block's first line: ``ABANDON`` -> abandon; ``KLM_NOP_+RST`` -> rst."""
    word = line.split()[0]
    parts = word.split("_")
    marked = [p for p in parts if p.startswith("+")]
    return (marked[0][1:] if marked else parts[0]).lower()


def _lemma(word: str) -> str:
    """Rough lemma of a pattern word (dictionary words are upper-case surface forms)."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _clean_code(code: str) -> str | None:
    code = code.split(":")[0].strip()
    return code if _CODE.match(code) else None


def _add(entries: dict[str, EventEntry], key: str, code: str | None) -> None:
    if code is None or code.startswith(_NO_PLOVER_ROOTS):
        return
    entry = cameo_to_plover(code) or EventEntry("OTHER", code)
    entries[key] = entry
