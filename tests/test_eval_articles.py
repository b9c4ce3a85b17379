"""The whole-article event scorer (``chronicle eval articles``) on a tiny gold written here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from chronicle.eval import articles
from chronicle.model import Event, Mention

TEXT = "Ruritania accused Freedonia of spying.\nThe weather was fine on Tuesday.\nMarkets rose.\n"


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _unit(part: str, events: list[dict]) -> dict:
    s, e = _span(part)
    return {"span": [s, e], "hash": hashlib.sha1(TEXT[s:e].encode()).hexdigest()[:8], "unit": "sentence", "events": events}


@pytest.fixture()
def gold(tmp_path: Path) -> articles.GoldArticle:
    bench = tmp_path / "bench"
    (bench / "toy" / "text").mkdir(parents=True)
    (bench / "toy" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    accuse = {"type": "ACCUSE", "source": {"span": list(_span("Ruritania")), "country": "RUR", "sector": "GOV"},
              "target": {"span": list(_span("Freedonia")), "country": "FRE", "sector": "GOV"}}
    doc = {"source": "toy/text/a.txt", "split": "study", "sentences": [
        _unit("Ruritania accused Freedonia of spying.", [accuse]),
        _unit("The weather was fine on Tuesday.", []),
        _unit("Markets rose.", []),
    ]}
    path = tmp_path / "a.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return articles.read_gold(path, bench)


def _event(kind: str, part: str, source: tuple[str, str] | None, target: tuple[str, str] | None) -> Event:
    s, e = _span(part)
    mention = lambda a: Mention(text="x", start=s, end=s + 1, country=a[0], sector=a[1]) if a else None  # noqa: E731
    return Event(id=kind, type=kind, trigger="t", sentence=TEXT[s:e], start=s, end=e, source=mention(source), target=mention(target))


def test_a_fully_right_event_counts_for_type_full_precision_and_recall(gold):
    tally = articles.score_article(gold, [_event("ACCUSE", "Ruritania accused", ("RUR", "GOV"), ("FRE", "GOV"))])
    result = articles.figures([tally], resamples=50)
    assert result["type_precision"]["value"] == 1.0
    assert result["full_precision"]["value"] == 1.0
    assert result["recall_type"]["value"] == 1.0
    assert result["false_per_100_empty_units"]["value"] == 0.0


def test_wrong_target_country_keeps_type_right_but_not_full(gold):
    tally = articles.score_article(gold, [_event("ACCUSE", "Ruritania accused", ("RUR", "GOV"), ("RUR", "GOV"))])
    result = articles.figures([tally], resamples=50)
    assert result["type_precision"]["value"] == 1.0
    assert result["full_precision"]["value"] == 0.0
    assert result["recall_type_source"]["value"] == 1.0
    assert result["target_country"]["value"] == 0.0


def test_events_in_no_event_sentences_are_false_events_per_100_units(gold):
    events = [_event("ASSAULT", "The weather was fine", None, None), _event("CONCEDE", "Markets rose.", None, None)]
    result = articles.figures([articles.score_article(gold, events)], resamples=50)
    assert result["type_precision"]["value"] == 0.0
    assert result["recall_type"]["value"] == 0.0
    assert result["false_per_100_empty_units"]["value"] == 100.0  # 2 false events over 2 empty units


def test_one_gold_event_pairs_with_one_prediction_only(gold):
    twice = [_event("ACCUSE", "Ruritania accused", ("RUR", "GOV"), ("FRE", "GOV"))] * 2
    result = articles.figures([articles.score_article(gold, twice)], resamples=50)
    assert result["type_precision"]["value"] == 0.5


def test_a_gold_file_whose_text_changed_is_refused_with_its_name(tmp_path, gold):
    bench = tmp_path / "bench"
    (bench / "toy" / "text" / "a.txt").write_text(TEXT.replace("spying", "lying!"), encoding="utf-8")
    with pytest.raises(articles.GoldError, match=r"a\.yaml: the text under"):
        articles.read_gold(tmp_path / "a.yaml", bench)


def test_shipped_gold_fits_its_shared_texts(shared):
    files = articles.gold_files()
    assert len(files) >= 29
    golds = [articles.read_gold(f, shared / "bench") for f in files]
    assert {g.split for g in golds} == {"study", "heldout"}
    assert sum(len(g.units) for g in golds) > 500


def test_sector_and_missing_target_say_why_a_type_right_event_is_not_fully_right(gold):
    events = [_event("ACCUSE", "Ruritania accused", ("RUR", "MIL"), None)]
    result = articles.figures([articles.score_article(gold, events)], resamples=50)
    assert result["type_precision"]["value"] == 1.0 and result["full_precision"]["value"] == 0.0
    assert result["source_country"]["value"] == 1.0 and result["source_sector"]["value"] == 0.0
    assert result["target_missing"]["value"] == 1.0 and result["target_sector"]["value"] == 0.0
