"""Quote evaluation: the PolNeAR brat reader, the direct-quote rule, the matching and speaker
rules, the seed quote scorer; then the real figures on ../shared (PolNeAR dev sample, seed)."""

from __future__ import annotations

import pytest

from chronicle.eval.polnear import GoldArticle, PolnearScore, is_direct, load_split, parse_ann, speaker_right
from chronicle.eval.seed_quotes import score as seed_score
from chronicle.model import Mention, Quote

TEXT = '"We will win," the mayor said. Critics said the plan would fail.'
ANN = (
    "T1\tContent 1 12\tWe will win\n"
    "T2\tSource 15 24\tthe mayor\n"
    "T3\tCue 25 29\tsaid\n"
    "T4\tAttribution 25 29\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 31 38\tCritics\n"
    "T6\tCue 39 43\tsaid\n"
    "T7\tContent 53 63;44 52\tplan would fail\n"
    "T8\tAttribution 39 43\tsaid\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


def quote(kind: str, start: int, end: int, speaker: tuple[int, int, str | None] | None = None) -> Quote:
    mention = None
    if speaker is not None:
        s, e, name = speaker
        mention = Mention(text=TEXT[s:e], start=s, end=e, name=name)
    return Quote(id="q", kind=kind, text=TEXT[start:end], start=start, end=end, speaker=mention)


def test_parse_ann_ties_spans_and_sorts_fragments():
    golds = parse_ann(ANN)
    assert [g.content for g in golds] == [[(1, 12)], [(44, 52), (53, 63)]]
    assert golds[0].source == [(15, 24)] and golds[1].cue == [(39, 43)]


def test_direct_rule_needs_marks_on_both_sides():
    assert is_direct(TEXT, 1, 12)  # marks just outside the span
    assert is_direct(TEXT, 0, 14)  # marks inside the span, with the comma
    assert not is_direct(TEXT, 44, 63)
    assert not is_direct('said the plan was "dead"', 5, 24)


def test_found_means_more_than_half_inside_and_speaker_rules():
    gold = GoldArticle("a", TEXT, parse_ann(ANN))
    for g in gold.attributions:
        g.direct = is_direct(TEXT, g.content[0][0], g.content[-1][1])
    predicted = [
        quote("direct", 1, 12, (15, 24, "Mayor Ann Lee")),  # found, speaker overlaps
        quote("indirect", 40, 63, (31, 38, None)),  # 19 of 23 chars inside: found
        quote("indirect", 20, 45, None),  # mostly outside: not found
    ]
    score = PolnearScore()
    score.add(gold, predicted)
    figures = score.as_dict()
    assert figures["direct"]["precision"] == 1.0 and figures["direct"]["recall"] == 1.0
    assert figures["all"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["all"]["recall"] == 1.0
    assert figures["speaker"] == {"checked": 1, "right": 1, "accuracy": 1.0}


def test_speaker_right_by_name_elsewhere():
    gold = parse_ann(ANN)[0]
    elsewhere = quote("direct", 1, 12, (31, 38, "the mayor"))  # span elsewhere, name matches
    wrong = quote("direct", 1, 12, (31, 38, "Critics"))
    assert speaker_right(elsewhere, gold, TEXT)
    assert not speaker_right(wrong, gold, TEXT)
    assert not speaker_right(quote("direct", 1, 12), gold, TEXT)


def test_seed_scorer_counts_found_and_speakers():
    gold = {
        "direct": [{"starts": "We will win", "speaker": "Ann Lee"}],
        "indirect": [{"contains": "plan would fail", "speaker": "Critics"}],
    }
    predicted = [
        quote("direct", 1, 12, (15, 24, "Ann Lee")),
        quote("indirect", 44, 63, (31, 38, None)),
    ]
    figures = seed_score(predicted, None, gold)
    assert figures["direct"]["with_speaker"] == 1
    assert figures["indirect"]["with_speaker"] == 1
    figures = seed_score([quote("indirect", 1, 12, (15, 24, "Ann Lee"))], None, gold)
    assert figures["direct"]["found"] == 0  # an indirect quote never counts as a direct one
    assert figures["indirect"]["missed"] == ["not found: plan would fail"]


# --------------------------------------------------------------------------- shared data


@pytest.mark.shared
@pytest.mark.slow
def test_polnear_dev_sample(shared):
    from chronicle.eval.polnear import evaluate

    dev = shared / "bench" / "polnear" / "dev"
    assert len(load_split(dev)) == 84
    # the first 12 articles (Breitbart transcripts, the hardest); the full split is in benchmarks
    figures = evaluate(dev, limit=12)
    assert figures["errors"] == 0
    assert figures["direct"]["f1"] >= 0.7
    assert figures["all"]["f1"] >= 0.7
    assert figures["speaker"]["accuracy"] >= 0.85


@pytest.mark.shared
@pytest.mark.slow
def test_seed_quotes(shared):
    from chronicle.eval.seed import evaluate

    figures = evaluate(str(shared))["quotes"]
    assert figures["direct"]["with_speaker"] == 9, figures["direct"]["missed"]
    assert figures["indirect"]["with_speaker"] >= 6, figures["indirect"]["missed"]
