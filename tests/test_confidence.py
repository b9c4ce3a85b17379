"""Event confidence: the calibrated model (analysis/events/confidence.py) and its fitting
(chronicle.eval.calibration), on events written here."""

from __future__ import annotations

from chronicle.analysis.events.confidence import ConfidenceModel, features, load_confidence_model
from chronicle.eval import calibration
from chronicle.model import Event, Mention


def _event(i: int, *, target: bool, coded: bool, noun: bool = False) -> Event:
    source = Mention("Ruritania", 0, 9, code="RURGOV", country="RUR" if coded else None, sector="GOV" if coded else None,
                     kind="country")
    other = Mention("Freedonia", 20, 29, code="FRE", country="FRE", sector="GOV", kind="country") if target else None
    return Event(id=f"e{i}", type="ACCUSE", trigger="accused", sentence="Ruritania accused Freedonia.", start=0, end=28,
                 source=source, target=other, rule=("noun" if noun else "verb") + " 'accuse' of the event lexicon")


def test_features_say_what_the_record_shows():
    f = features(_event(1, target=True, coded=True, noun=True))
    assert f["noun"] == 1.0 and f["target"] == 1.0 and f["source_coded"] == 1.0 and f["type_ACCUSE"] == 1.0
    assert features(_event(2, target=False, coded=False))["target"] == 0.0


def test_fitted_model_ranks_the_kind_that_was_right_above_the_kind_that_was_not():
    # events with a coded target were right 4 times in 5, those without once in 5
    rows = [(f"a{i % 6}", features(_event(i, target=True, coded=True)), int(i % 5 != 0)) for i in range(30)]
    rows += [(f"b{i % 6}", features(_event(i, target=False, coded=False)), int(i % 5 == 0)) for i in range(30)]
    model = ConfidenceModel(calibration.fit(rows, penalty=calibration.choose_penalty(rows)))
    right = model.probability(_event(99, target=True, coded=True))
    wrong = model.probability(_event(98, target=False, coded=False))
    assert 0.6 < right < 0.95 and 0.05 < wrong < 0.4
    report = calibration.report(rows, model, base_rate=0.5)
    assert report["brier"] < report["brier_constant"] and report["events"] == 60


def test_the_shipped_model_gives_probabilities():
    p = load_confidence_model().probability(_event(1, target=True, coded=True))
    assert 0.0 < p < 1.0


def test_a_broken_weights_file_is_an_error_naming_it():
    import pytest

    from chronicle.analysis.events.confidence import parse_model

    for data in (None, "weights", {"weights": {"noun": 1.0}}, {"weights": {"bias": "high"}}):
        with pytest.raises(ValueError, match="confidence.yaml"):
            parse_model(data)


def test_calibration_on_a_missing_folder_says_so_in_one_line(tmp_path):
    import pytest

    with pytest.raises(SystemExit, match=r"error: .*nowhere: not a folder"):
        calibration.main([str(tmp_path / "nowhere")])


def test_features_say_where_the_event_stands_and_who_its_sides_are():
    quoted = Event(id="q", type="ACCUSE", trigger="lied", sentence='"They lied to us," she said.', start=0, end=28,
                   trigger_start=6, trigger_end=10, source=Mention(text="officials", start=0, end=9, sector="CVL"))
    f = features(quoted)
    assert f["in_quote"] == 1.0 and f["quoted_sentence"] == 1.0 and f["headline"] == 0.0
    assert f["common_source"] == 1.0 and f["civilian_source"] == 1.0
    plain = features(_event(3, target=True, coded=True))
    assert plain["in_quote"] == 0.0 and plain["quoted_sentence"] == 0.0 and plain["common_source"] == 0.0
