"""Offline language identification, with Pashto told apart from Dari/Persian.

In: text. Out: an ISO 639-1 code ("en", "fa", "ps", "ar", ...) or None for text too short to
tell. Dari and Iranian Persian both come out as "fa" (one written language, one code; the
Afghan/Iranian distinction lives in dates and publishers, not here). CLD2 (pycld2: fast, its
tables compiled in, no download) decides, in best-effort mode for short text. Identifiers
confuse Pashto with Persian, so Arabic-script text is also checked for letters only Pashto uses.
"""

from __future__ import annotations

import re
import pycld2

from .normalize import arabic_script_share

# Letters Pashto has and Persian/Dari lack: ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ (Unicode Arabic block).
_PASHTO_LETTERS = re.compile("[\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u06d0\u06cd\u0681\u0685]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_THREE_LETTERS = re.compile(r"[^\W\d_](?:.*?[^\W\d_]){2}", re.DOTALL)
_PASHTO_MIN_SHARE = 0.01  # Pashto prose has several per hundred letters; Dari none
_SAMPLE_CHARS = 4000  # the opening of a long article is enough
_SCRIPT_SAMPLE_CHARS = 1000  # enough to tell the script
_ARABIC_SCRIPT_LANGS = ("fa", "ps", "ar", "ur")
_CLD2_ALIASES = {"iw": "he", "jw": "jv", "zh-Hant": "zh"}  # CLD2's old codes -> ISO 639-1


def pashto_share(text: str) -> float:
    """Share of Arabic-script letters in ``text`` that only Pashto uses."""
    letters = len(_ARABIC_LETTERS.findall(text)) + len(_PASHTO_LETTERS.findall(text))
    return len(_PASHTO_LETTERS.findall(text)) / letters if letters else 0.0


def detect_language(text: str) -> str | None:
    """Language code of ``text`` ("en", "fa" for Dari and Persian, "ps", ...) or None if unsure."""
    sample = text[:_SAMPLE_CHARS]
    if not _THREE_LETTERS.search(sample):
        return None
    code = _cld2(sample)
    if arabic_script_share(sample[:_SCRIPT_SAMPLE_CHARS]) > 0.5:
        return _arabic_script_language(sample, code)
    return code


def _cld2(sample: str) -> str | None:
    """CLD2's best guess (ISO 639-1), or None when it has none."""
    try:
        _, _, details = pycld2.detect(sample, bestEffort=True)
    except pycld2.error:  # lone surrogates and other text CLD2 cannot take
        return None
    code = details[0][1]
    return _CLD2_ALIASES.get(code, code) if code != "un" else None


def _arabic_script_language(sample: str, code: str | None) -> str:
    """Pashto by its letters; otherwise the identifier's Arabic-script language, Dari/Persian "fa"."""
    if pashto_share(sample) >= _PASHTO_MIN_SHARE:
        return "ps"
    if code in _ARABIC_SCRIPT_LANGS and code != "ps":  # no Pashto letters: "ps" is a Dari misread
        return code
    return "fa"
