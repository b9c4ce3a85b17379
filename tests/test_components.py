"""The analysis stages as components: chosen by name in the config, ordered by what they need,
with settings, and a user's own stage registered from a Python entry point."""

from __future__ import annotations

import sys
import textwrap

import pytest

from chronicle.analysis import Analyzer, registered
from chronicle.config import Config
from chronicle.errors import ConfigError
from chronicle.model import Analysis, Article

TEXT = ('Russian troops attacked a Ukrainian border post on Monday, the army said. '
        '"We will answer this aggression," Ukraine\'s defence minister said.')


def article(i: int = 0, body: str = TEXT) -> Article:
    return Article(id=f"{i:016x}", source=f"test-{i}.txt", body=body, language="en", published="2024-03-04")


def analyse(config: Config, *articles: Article) -> list[Analysis]:
    analyzer = Analyzer(config)
    try:
        return list(analyzer.analyze(list(articles) or [article()], raise_failures=True))
    finally:
        analyzer.close()


def test_the_built_in_components_run_in_their_default_order():
    names = {spec.name: spec for spec in registered()}
    assert [n for n in Config().components] == ["actors", "events", "quotes", "judgements", "links"]
    assert names["events"].requires == ("actors",) and names["links"].requires == ("events", "quotes")
    assert names["judgements"].requires == ("events", "quotes")
    (result,) = analyse(Config())
    assert result.actors and result.events and result.quotes


def test_a_config_without_the_quote_stages_finds_events_and_no_quotes():
    (result,) = analyse(Config(components=["actors", "events"]))
    assert result.events and result.quotes == []


def test_an_unknown_component_is_refused_by_name_with_the_known_ones():
    with pytest.raises(ConfigError, match=r"no component named 'sentiment'; known: .*actors.*events"):
        Analyzer(Config(components=["actors", "sentiment"]))


def test_a_component_whose_needs_come_later_is_refused():
    with pytest.raises(ConfigError, match=r"'events' requires actors"):
        Analyzer(Config(components=["events", "actors"]))


def test_an_unknown_component_setting_is_refused():
    with pytest.raises(ConfigError, match=r"component_settings.events: unknown setting\(s\) colour"):
        Analyzer(Config(component_settings={"events": {"colour": "red"}}))


def test_component_settings_reach_the_component():
    claim = article(body="The Kenyan government will supply arms to Somalia.")
    (plover,) = analyse(Config(components=["actors", "events"]), claim)
    (cameo,) = analyse(Config(components=["actors", "events"], component_settings={"events": {"conventions": "cameo"}}), claim)
    assert [e.type for e in plover.events] == ["AGREE"] and [e.type for e in cameo.events] == ["AID"]


def test_a_users_stage_registered_by_entry_point_runs_where_the_config_places_it(tmp_path, monkeypatch):
    # a package of the user's, installed the way pip installs one: a module and its dist-info
    (tmp_path / "confident_only.py").write_text(textwrap.dedent('''
        from chronicle.analysis import component

        @component("confident-only", requires=("events",), assigns=("events",), default_config={"min_confidence": 0.0})
        def make(resources, settings):
            def stage(state):
                state.events = [e for e in state.events if e.confidence >= settings["min_confidence"]]
            return stage
    '''), encoding="utf-8")
    info = tmp_path / "confident_only-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: confident-only\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[chronicle.components]\nconfident-only = confident_only:make\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    base = ["actors", "events", "confident-only"]
    (kept,) = analyse(Config(components=base))
    (none,) = analyse(Config(components=base, component_settings={"confident-only": {"min_confidence": 2.0}}))
    assert kept.events and none.events == []
    sys.modules.pop("confident_only", None)


def test_two_worker_processes_give_the_same_analyses_as_one():
    bodies = [TEXT, "The mayor of Lisbon met the Spanish ambassador on Friday.", "", "Prices rose 2% in May.",
              'The opposition accused the government of fraud. "They stole it," its leader said.']
    articles = [article(i, body) for i, body in enumerate(bodies * 3)]
    one = analyse(Config(batch_size=4), *articles)
    two = analyse(Config(batch_size=4, n_process=2), *articles)
    assert [a.to_dict() for a in two] == [a.to_dict() for a in one]
    assert len(two) == len(articles) and two[2].skipped == "empty body"


def test_the_reporting_verbs_of_a_configured_speech_lexicon_reach_the_event_coder(tmp_path):
    import yaml

    from chronicle.data import read_text

    cues = yaml.safe_load(read_text("quotes", "cues.yaml"))
    cues["reporting_verbs"] = [*cues["reporting_verbs"], "mutter"]
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(cues), encoding="utf-8")
    claim = article(body="Kenya muttered that Somali troops attacked a Kenyan border post.")
    (plain,) = analyse(Config(components=["actors", "events"]), claim)
    (told,) = analyse(Config(components=["actors", "events"], quote_lexicon=str(path)), claim)
    assert [e.reported_by for e in plain.events if e.type == "ASSAULT"] == [None]
    assert [e.reported_by.code for e in told.events if e.type == "ASSAULT"] == ["KEN"]
