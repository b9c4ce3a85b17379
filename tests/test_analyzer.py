"""The analysis orchestrator: quotes that state an event are linked to it."""

from chronicle.analysis import link_quotes, skip_reason
from chronicle.model import Article, Event, Mention, Quote

TEXT = 'Ruritania\'s envoy dismissed claims that troops crossed the river. "We will block it," he said.'


def _speaker(actor_id: str = "a1") -> Mention:
    return Mention(text="Ruritania's envoy", start=0, end=17, code="RURGOV", actor_id=actor_id)


def _event(trigger_start: int, source: Mention) -> Event:
    return Event(id="e1", type="REJECT", trigger="x", sentence=TEXT, start=0, end=len(TEXT),
                 source=source, trigger_start=trigger_start)


def test_a_quote_whose_cue_is_the_event_trigger_is_linked():
    quote = Quote(id="q1", kind="indirect", text="claims that troops crossed the river", start=28, end=64,
                  cue="dismissed", cue_start=18, cue_end=27, speaker=_speaker())
    link_quotes([quote], [_event(18, _speaker())])
    assert quote.event_id == "e1"


def test_a_quote_holding_the_trigger_is_linked_only_to_its_speakers_event():
    start = TEXT.index("We will")
    quote = Quote(id="q2", kind="direct", text="We will block it,", start=start, end=start + 17,
                  cue="said", speaker=Mention(text="he", start=85, end=87, actor_id="a1"))
    other = _event(start + 8, Mention(text="troops", start=40, end=46, actor_id="a2"))
    link_quotes([quote], [other])
    assert quote.event_id is None
    link_quotes([quote], [_event(start + 8, _speaker())])
    assert quote.event_id == "e1"


def test_non_english_and_empty_articles_are_skipped_with_a_reason():
    assert "fa" in skip_reason(Article(id="1", source="s", body="متن", language="fa"))
    assert skip_reason(Article(id="2", source="s", body="  ", language="en")) == "empty body"
    assert skip_reason(Article(id="3", source="s", body="Text.", language="en")) is None


def _cues_with(tmp_path, *speech_verbs: str) -> str:
    """A quote lexicon file: the packaged cues plus ``speech_verbs``."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("chronicle").joinpath("data/quotes/cues.yaml").read_text("utf-8"))
    data["speech_verbs"] += list(speech_verbs)
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


def test_the_configured_quote_lexicon_also_tells_the_actors_who_speaks(tmp_path):
    # "snurgle" is no word: only a quote lexicon naming it makes Quill the speaker of the quote,
    # and inside a quote "He" is then someone else than its speaker (Brink), not Quill
    from chronicle.analysis import Analyzer
    from chronicle.config import Config

    body = 'Paul Brink met Omar Quill in Lakeport. Quill snurgled: "He misled voters."'
    article = Article(id="t", source="test.md", body=body, language="en")

    def he_refers_to(config: Config) -> str:
        analysis = next(Analyzer(config).analyze([article]))
        return next(a.name for a in analysis.actors for m in a.mentions if m.kind == "pronoun" and m.text == "He")

    assert he_refers_to(Config()) == "Omar Quill"
    assert he_refers_to(Config(quote_lexicon=_cues_with(tmp_path, "snurgle"))) == "Paul Brink"
