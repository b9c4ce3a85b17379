"""PETRARCH verb dictionaries read whole (analysis/verbdict.py): patterns with several words,
synsets, placeholders, paired codes, surface-form blocks, and picking the best pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.analysis.events import best_pattern
from chronicle.analysis.dictionaries import load_verb_patterns, read_verb_dictionary, read_verb_patterns

VERBS = """\
<!-- a test verb file in the PETRARCH format -->
&TIETYPES
+MILITARY
+ECONOMIC

&NEGAUX
+DID N'T
+WILL NOT

--- WELCOME  [041] ---
WELCOME
- * &TIETYPES_MEMOS FROM [911]
- * &TIETYPES MEMOS [912]
- * MEMOS ABOUT + [915]

--- CLASH [121] ---
CLASH
- &NEGAUX * [904]

--- AGREE [081] ---
AGREE
- % * [030]

--- LEFT [032:033] ---
LEFT   # a surface form: "left", not the lemma "leave"

--- SAID [023] ---
SAID
"""


@pytest.fixture(scope="module")
def patterns(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("verbs") / "Test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return read_verb_patterns(path)


def pick(nlp, patterns: dict, text: str, verb: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    return best_pattern(tok, patterns)


def test_patterns_are_read_whole(patterns):
    memos = patterns["welcome"][1]  # the block's verb line is the first, a pattern of no words
    assert memos.after[0] == (("military", "memos"), ("economic", "memos"))  # "_": consecutive words
    assert memos.after[1] == (("from",),) and memos.entry.cameo == "911" and memos.size == 3
    about = patterns["welcome"][3]
    assert about.target_after == 2  # the target follows "about"
    assert patterns["clash"][1].before[0] == (("did", "n't"), ("will", "not"))
    assert patterns["agree"][1].mutual and patterns["agree"][1].entry.cameo == "030"
    left = patterns["left"][0]
    assert (left.entry.cameo, left.reverse.cameo) == ("032", "033")
    # statements (02) stay in whole patterns; the lemma entries leave them out
    assert patterns["said"][0].entry.cameo == "023"


def test_lemma_entries_unchanged(tmp_path):
    path = tmp_path / "Test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    entries = read_verb_dictionary(path)
    assert entries["welcome"].cameo == "041" and "said" not in entries


def test_the_most_specific_pattern_wins(nlp, patterns):
    pattern, anchor = pick(nlp, patterns, "Gondor welcomed economic memos from Rohan.", "welcomed")
    assert pattern.entry.cameo == "911" and anchor.text == "from"
    pattern, _ = pick(nlp, patterns, "Gondor welcomed economic memos.", "welcomed")
    assert pattern.entry.cameo == "912"
    pattern, anchor = pick(nlp, patterns, "Gondor welcomed the talks.", "welcomed")
    assert pattern.entry.cameo == "041" and anchor is None


def test_words_before_the_verb_and_surface_forms(nlp, patterns):
    assert pick(nlp, patterns, "Gondor didn't clash with Rohan.", "clash")[0].entry.cameo == "904"
    assert pick(nlp, patterns, "Gondor clashed with Rohan.", "clashed")[0].entry.cameo == "121"
    assert pick(nlp, patterns, "The minister left for Rohan.", "left")[0].entry.cameo == "032"


def test_a_compound_pattern_needs_coordinated_subjects(nlp, patterns):
    assert pick(nlp, patterns, "France and Peru agree that the talks should go on.", "agree")[0].entry.cameo == "030"
    assert pick(nlp, patterns, "France agrees that the talks should go on.", "agrees")[0].entry.cameo == "081"


def test_load_verb_patterns_merges_files(tmp_path: Path):
    first, second = tmp_path / "a.verbs.txt", tmp_path / "b.verbs.txt"
    first.write_text("--- SNUB [125] ---\nSNUB\n", encoding="utf-8")
    second.write_text("--- SNUB [126] ---\nSNUB\n- * TALKS [127]\n", encoding="utf-8")
    merged = load_verb_patterns([str(first), str(second)])
    assert [p.entry.cameo for p in merged["snub"]] == ["125", "126", "127"]


def test_petr_validate_verbs_read_whole(shared):
    patterns = read_verb_patterns(shared / "bench" / "petr-unittest" / "PETR.Validate.verbs.txt")
    assert sum(len(p) for p in patterns.values()) > 400
    assert any(p.size >= 3 for p in patterns["welcome"])
