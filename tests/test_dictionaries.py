"""User dictionaries: PETRARCH/Phoenix .actors/.agents files and our YAML format."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from chronicle.analysis.dictionaries import PhraseIndex, phrase_words, split_code
from chronicle.analysis.dictionaries import dictionary_kind, load_dictionaries, read_dictionary
from chronicle.errors import DictionaryError


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entries(path: Path, strict: bool = True) -> dict[str, object]:
    return {phrase: entry for phrase, entry in read_dictionary(path, strict)}


ACTORS = """\
# a comment line
<!-- an XML comment
spanning lines -->
GONDOR_  [gnd]   # lower case codes are read as upper case
+GONDORIAN
+MINAS_TIRITH
DENETHOR_II_  ; old TABARI comment
+DENETHOR
\t[GNDGOV 19900101-091231]
\t[GNDELI >100101]
\t[GNDELI]
NOBODY_IN_PARTICULAR_
ROHAN [ROHMIL]
"""


def test_actor_records_synonyms_and_dated_codes(tmp_path):
    found = entries(write(tmp_path, "Test.actors.txt", ACTORS))
    assert found["GONDOR_"].code == "GND"
    assert found["GONDORIAN"] is found["GONDOR_"] and "MINAS_TIRITH" in found
    denethor = found["DENETHOR"]
    assert denethor.code_on("2005-05-05") == "GNDGOV"
    assert denethor.code_on("2012-03-14") == "GNDELI"
    assert denethor.code_on(None) == "GNDELI"  # no date: the default code
    assert found["ROHAN"].sector == "MIL"
    assert "NOBODY_IN_PARTICULAR_" not in found  # a record without a code codes nothing


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("+SYNONYM_FIRST\nGONDOR [GND]\n", 1, "synonym before any actor"),
        ("GONDOR\n\t[GNDGOV 20101301-20111231]\n", 2, "bad date"),
        ("GONDOR\n\t[GNDGOV >20100931]\n", 2, "bad date"),
        ("GONDOR\n\t[GNDGOV <20101]\n", 2, "malformed code"),
        ("GONDOR [GND\n", 1, "malformed code"),
        ("\t[GND]\n", 1, "code before any actor"),
    ],
)
def test_malformed_actor_lines_name_file_and_line(tmp_path, text, line, reason):
    path = write(tmp_path, "Bad.actors.txt", text)
    with pytest.raises(DictionaryError) as caught:
        read_dictionary(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert reason in caught.value.reason


def test_seven_digit_dates_read_as_petrarch_reads_them(tmp_path):
    # PETRARCH takes a date of up to seven digits as YYMMDD; the seventh digit is stray
    text = "ERIVAN\n\t[USRARM <900823]\n\t[ARMUNR 9008223-911221]\n\t[ARM >911221]\n"
    found = entries(write(tmp_path, "Seven.actors.txt", text))
    assert found["ERIVAN"].code_on("1990-08-22") == "USRARM"
    assert found["ERIVAN"].code_on("1991-01-01") == "ARMUNR"
    assert found["ERIVAN"].code_on("1995-01-01") == "ARM"
    nine = entries(write(tmp_path, "Nine.actors.txt", "LONDON\n\t[GBRGOV >201005011]\n"))
    assert nine["LONDON"].code_on("2010-05-02") == "GBRGOV" and nine["LONDON"].code_on("2010-04-30") is None
    lone = entries(write(tmp_path, "Lone.actors.txt", "PODGORICA\n\t[MNEGOV 20121204]\n"))
    assert lone["PODGORICA"].code_on("2000-01-01") == "MNEGOV"  # a lone date restricts nothing


def test_a_range_ending_before_it_starts_never_applies(tmp_path):
    text = "ROHAN [ROH]\n\t[ROHGOV 20121207-20120802]\n"
    found = entries(write(tmp_path, "Inverted.actors.txt", text))
    assert found["ROHAN"].code_on("2012-10-01") == "ROH"


def test_lenient_mode_skips_bad_lines_and_logs_them(tmp_path, caplog):
    path = write(tmp_path, "Bad.actors.txt", "GONDOR\n\t[GNDGOV 20101301-20111231]\n\t[GND]\nROHAN [ROH]\n")
    with caplog.at_level(logging.WARNING):
        found = entries(path, strict=False)
    assert found["GONDOR"].code == "GND" and found["ROHAN"].code == "ROH"
    assert "Bad.actors.txt:2" in caplog.text


def test_agents_plurals_markers_and_prefix_codes(tmp_path):
    text = (
        "!PERSON! = MAN, WOMAN\n"
        "POLICE {} [~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
        "EMBASSY [~GOV]\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "HUMAN_RIGHTS_GROUP [NGO~]\n"
    )
    found = entries(write(tmp_path, "Test.agents.txt", text))
    assert "POLICE" in found and "POLICES" not in found
    assert "ATTORNEYS_GENERAL" in found and "ATTORNEY_GENERALS" not in found
    assert found["EMBASSIES"].sector == "GOV"
    assert found["CONGRESSMAN"].code == "LEG" and "CONGRESSWOMAN" in found
    assert found["HUMAN_RIGHTS_GROUP"].prefix and found["HUMAN_RIGHTS_GROUP"].code == "NGO"


def test_agent_line_without_code_is_an_error(tmp_path):
    path = write(tmp_path, "Bad.agents.txt", "MINISTER [~GOV]\nWARLORD\n")
    with pytest.raises(DictionaryError) as caught:
        read_dictionary(path)
    assert caught.value.line == 2


def test_yaml_dictionary(tmp_path):
    text = (
        "actors:\n"
        "  - names: [Gandalf the Grey, Gandalf]\n"
        "    code: ISTGOV\n"
        "    dates:\n"
        "      - {code: ISTREB, from: 2001-01-01, to: 2003-12-31}\n"
        "agents:\n"
        "  - names: [wizard]\n"
        "    code: REL\n"
    )
    found = entries(write(tmp_path, "mine.yaml", text))
    assert found["Gandalf"].name == "Gandalf the Grey"
    assert found["Gandalf"].code_on("2002-06-01") == "ISTREB"
    assert found["Gandalf"].code_on("2012-06-01") == "ISTGOV"
    assert found["wizard"].kind == "agent" and found["wizard"].sector == "REL"


def test_yaml_entry_without_code_is_an_error_naming_its_line(tmp_path):
    path = write(tmp_path, "mine.yaml", "actors:\n  - names: [Frodo]\n    code: HOB\n  - names: [Gandalf]\n")
    with pytest.raises(DictionaryError) as caught:
        read_dictionary(path)
    assert caught.value.line == 4


def test_kinds_by_file_name():
    assert dictionary_kind("Phoenix.Countries.actors.txt") == "actors"
    assert dictionary_kind("PETR.Validate.agents.txt") == "agents"
    assert dictionary_kind("CAMEO.2.0.txt") == "verbs" and dictionary_kind("Phoenix.verbs.txt") == "verbs"
    assert dictionary_kind("Phoenix.discards.txt") == "other"
    assert dictionary_kind("people.yml") == "yaml"


def test_phrase_index_prefers_the_longest_phrase():
    from chronicle.analysis.dictionaries import Entry

    index = PhraseIndex()
    index.add("NEW_YORK", Entry("country", "USA"))
    index.add("NEW_YORK_TIMES", Entry("agent", "MED"))
    keys = [frozenset({w}) for w in phrase_words("New York Times reported")]
    n, found = index.match(keys, 0)
    assert n == 3 and found[0].code == "MED"
    assert index.match(keys, 3) == (0, [])


def test_codes_split_into_country_and_sector():
    assert split_code("RUSGOV") == ("RUS", "GOV")
    assert split_code("IGONATMIL") == ("IGO", "MIL")
    assert split_code("AFG") == ("AFG", None)
    assert split_code("---") == (None, None)


def test_phoenix_files_load_and_date_their_codes(shared):
    phoenix = shared / "dictionaries" / "phoenix"
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        assert read_dictionary(phoenix / name)  # seven-digit dates load strictly
    with pytest.raises(DictionaryError) as caught:  # an agent without a code is truly malformed
        read_dictionary(phoenix / "Phoenix.agents.txt")
    assert caught.value.line > 0 and "Phoenix.agents.txt" in str(caught.value)
    index = load_dictionaries([phoenix / "Phoenix.Countries.actors.txt", phoenix / "Phoenix.agents.txt"], strict=False)
    keys = [frozenset({w}) for w in phrase_words("Vladimir Putin")]
    n, found = index.match(keys, 0)
    assert n == 2
    assert found[0].code_on("2012-03-14") == "RUSGOV"
    assert found[0].code_on("1995-01-01") == "RUSELI"
    assert load_dictionaries([phoenix / "Phoenix.Countries.actors.txt", phoenix / "Phoenix.agents.txt"],
                             strict=False) is index  # parsed once per process


def test_petr_validate_dictionaries_load_strictly(shared):
    bench = shared / "bench" / "petr-unittest"
    index = load_dictionaries([bench / "PETR.Validate.actors.txt", bench / "PETR.Validate.agents.txt"])
    assert len(index) > 300
