"""Event evaluations: the scoring pieces on small made-up data, and the seed figures on the
shared seed document (the issue's "what it must show")."""

from __future__ import annotations

import pytest

from chronicle.data import load_yaml

from chronicle.eval import EVALUATIONS, evaluate, format_report
from chronicle.eval.petr_records import read_records
from chronicle.eval.scoring import TypeScores, load_cameo2plover, match_triples, plover_type, same_actor


def test_actor_codes_compare_on_three_letters_and_dashes_match_any():
    assert same_actor("RUSGOV", "RUSMIL") and same_actor("---", None) and same_actor("---GOV", "SYR")
    assert not same_actor("RUS", "SYRGOV") and not same_actor("RUS", None)


def test_triples_pair_one_to_one_and_count_per_type():
    scores = TypeScores()
    gold = [("RUS", "SYR", "AID"), ("RUS", "SYR", "AID"), ("USA", "---", "ACCUSE")]
    predicted = [("RUSGOV", "SYRGOV", "AID"), ("USA", "IRN", "ACCUSE"), ("IRN", None, "THREATEN")]
    assert match_triples(gold, predicted, scores) == 2
    figures = scores.figures()
    assert figures["overall"] == {"precision": 0.667, "recall": 0.667, "f1": 0.667, "tp": 2, "fp": 1, "fn": 1}
    assert figures["per_type"]["THREATEN"]["fp"] == 1 and figures["per_type"]["AID"]["fn"] == 1


def test_cameo_table_and_records_readers(tmp_path):
    table_file = tmp_path / "c2p.txt"
    table_file.write_text("# header\n04: CONSULT\n042: CONSULT, visit, # Make a visit\n190: ASSAULT, , military\n")
    table = load_cameo2plover(str(table_file))
    assert plover_type("0421", table) == "CONSULT" and plover_type("010", table) is None
    records_file = tmp_path / "records.xml"
    records_file.write_text(
        "<Sentences>\n# banner\n"
        '<Sentence date="20080804" id="A1" category="X"/>\n'
        '<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />\n'
        "<Text>\nThe US leader\nvisited Beijing.\n</Text>\n"
        '<Sentence date="20080804" id="A2">\n<EventCoding noevents="True"></EventCoding>\n'
        "<Text>Nothing.</Text>\n</Sentence>\n</Sentences>\n"
    )
    first, second = read_records(records_file)
    assert (first.id, first.text, first.events[0].code) == ("A1", "The US leader visited Beijing.", "042")
    assert second.no_events and not second.events


def test_every_named_evaluation_is_registered():
    assert set(EVALUATIONS) == {"seed", "plover-gsr", "petr2-gsr", "petr-unittest", "polnear", "aeb", "articles"}
    # every evaluation finds its gold data without a PATH (data/eval_datasets.yaml)
    assert set(EVALUATIONS) <= set(load_yaml("eval_datasets.yaml"))
    with pytest.raises(ValueError):
        evaluate("nope", ".")


def test_report_has_a_table_and_the_other_figures():
    report = format_report(
        {"name": "x", "overall": {"precision": 1.0, "recall": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1},
         "per_type": {}, "found": 0.5}
    )
    assert "overall       1.000  0.500  0.667" in report and "found: 0.5" in report


@pytest.mark.shared
@pytest.mark.slow
def test_seed_events_actors_and_metadata(shared):
    result = evaluate("seed", str(shared))
    events = result["events"]
    assert events["required_found"] == events["required"] == 7, events["missing"]
    assert events["precision"] >= 0.8, events["unmatched"]
    assert events["wrong"] == []
    assert result["actors"]["wrong"] == []
    assert result["metadata"]["wrong"] == []


@pytest.mark.slow
def test_plover_gsr_shares_of_sentences_with_the_right_type_and_with_nothing(tmp_path):
    records = [
        {"id": "1", "text": "Russian troops attacked Ukrainian soldiers near Kharkiv.", "event": "FIGHT",
         "source": [{"code": "RUSMIL"}], "date": "20220301"},
        {"id": "2", "text": "The weather in Oslo was mild on Monday.", "event": "CONSULT", "source": [], "date": "20220301"},
        {"id": "note", "event": "DOCUMENT", "text": "a note"},
    ]
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(__import__("json").dumps(records), encoding="utf-8")
    result = evaluate("plover-gsr", str(tmp_path))
    assert result["sentences"] == 2
    assert result["right_type_share"] == 0.5 and result["no_event_share"] == 0.5
    assert result["source_right"] == 1.0
