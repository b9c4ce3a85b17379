"""Quote extraction: direct (straight, curly, split, multi-paragraph, nested, running on),
indirect and mixed quotes, speakers (pronouns, surnames, descriptions, organisations), codes
from the actors stage, and bad input that must never raise."""

from __future__ import annotations

import pytest

from chronicle.analysis.components import quote_extractor
from chronicle.analysis.quotes import QuoteExtractor
from chronicle.analysis.speech import load_cues
from chronicle.analysis.speech import find_quoted
from chronicle.config import Config
from chronicle.model import Article, Quote


@pytest.fixture(scope="module")
def extractor() -> QuoteExtractor:
    return quote_extractor(Config())


def extract(nlp, extractor, body: str, actors=None) -> list[Quote]:
    article = Article(id="t", source="test", body=body)
    found = extractor.extract(nlp(body), article, actors)
    for q in found:  # offsets always index the body
        assert body[q.start : q.end] == q.text
        if q.speaker is not None:
            assert body[q.speaker.start : q.speaker.end] == q.speaker.text
    return found


def starting(found: list[Quote], words: str) -> Quote:
    return next(q for q in found if q.text.startswith(words))


def containing(found: list[Quote], words: str) -> Quote:
    return next(q for q in found if words in q.text)


def test_direct_quote_with_pronoun_goes_to_last_named_speaker(nlp, extractor):
    body = (
        'Interior Minister Karim Haidari met elders in Herat on Monday.\n\n'
        '"We will open the road before winter," he said.'
    )
    q = starting(extract(nlp, extractor, body), "We will open the road")
    assert q.kind == "direct"
    assert q.cue == "said"
    assert q.speaker.text == "he"
    assert q.speaker.name == "Karim Haidari"


def test_split_quote_keeps_its_speaker_across_the_attribution(nlp, extractor):
    body = (
        "“The talks are over for now,” said Petrov, who leads the delegation. "
        "“When they call, we will come back.”"
    )
    found = extract(nlp, extractor, body)
    first, second = starting(found, "The talks are over"), starting(found, "When they call")
    assert first.kind == second.kind == "direct"
    assert first.speaker.name == second.speaker.name == "Petrov"


def test_multi_paragraph_quote(nlp, extractor):
    body = (
        'Governor Ann Lowell spoke for an hour. "The budget is balanced. Schools will get more.\n\n'
        '"Roads will be repaired by the spring," Lowell said.'
    )
    found = extract(nlp, extractor, body)
    assert starting(found, "The budget is balanced").kind == "direct"
    assert starting(found, "Roads will be repaired").speaker.name == "Ann Lowell"


def test_nested_single_quotes_stay_inside(nlp, extractor):
    body = "\"He told me 'never again' and left,\" Maria Costa said."
    q = starting(extract(nlp, extractor, body), "He told me")
    assert "'never again'" in q.text
    assert q.speaker.name == "Maria Costa"


def test_quoted_phrase_inside_reported_speech_is_mixed(nlp, extractor):
    body = 'Officials in Kabul dismissed the offer as "a publicity stunt."'
    q = containing(extract(nlp, extractor, body), "publicity stunt")
    assert q.kind == "mixed"
    assert q.speaker.text == "Officials"


def test_quote_that_runs_on_outside_its_marks(nlp, extractor):
    body = 'Senator Paul Wren spoke in Ohio.\n\n"We cannot ask the farmers" to pay more, he said.'
    q = starting(extract(nlp, extractor, body), "We cannot ask the farmers")
    assert q.kind == "direct"
    assert q.text.endswith("to pay more")
    assert q.speaker.name == "Paul Wren"


@pytest.mark.parametrize(
    "body, content, speaker",
    [
        ("The minister said that the border would reopen on Friday.", "the border would reopen", "minister"),
        ("According to the U.N., 300 families have fled the valley.", "300 families have fled", "U.N."),
        ("Farid Ahmadi told reporters the ceasefire was holding.", "the ceasefire was holding", "Farid Ahmadi"),
        ("Tehran insists it will keep enriching uranium.", "it will keep enriching", "Tehran"),
        ("Ahmadi dismissed allegations that he had met the rebels.", "he had met the rebels", "Ahmadi"),
    ],
)
def test_indirect_quotes(nlp, extractor, body, content, speaker):
    q = containing(extract(nlp, extractor, body), content)
    assert q.kind == "indirect"
    assert speaker in (q.speaker.name or q.speaker.text)


def test_indirect_with_a_quoted_part_is_mixed(nlp, extractor):
    body = 'The mayor said the plan was "dead on arrival" and would be dropped.'
    q = containing(extract(nlp, extractor, body), "dead on arrival")
    assert q.kind == "mixed"
    assert q.text.startswith("the plan was")


def test_surname_resolves_to_full_name_used_earlier(nlp, extractor):
    body = (
        "Defense Secretary Laura Brandt arrived in Kabul on Sunday.\n\n"
        '"Our troops will stay," Brandt said.'
    )
    assert starting(extract(nlp, extractor, body), "Our troops will stay").speaker.name == "Laura Brandt"


def test_description_resolves_to_the_person_named_next(nlp, extractor):
    body = (
        "Iran will not stop its missile tests, a senior Iranian official said Sunday.\n\n"
        "Deputy Foreign Minister Reza Karimi said the tests were defensive."
    )
    q = containing(extract(nlp, extractor, body), "will not stop its missile tests")
    assert q.speaker.text == "a senior Iranian official"
    assert q.speaker.name == "Reza Karimi"


def test_declined_to_say_is_no_quote(nlp, extractor):
    body = "He declined to say how many soldiers remain."
    assert not [q for q in extract(nlp, extractor, body) if "how many" in q.text]


def test_speaker_codes_come_from_the_actors_stage(nlp, extractor):
    from chronicle.analysis.components import actor_resolver

    body = (
        'Russian Foreign Minister Sergey Lavrov met Syrian envoys on Monday.\n\n'
        '"Both sides must stop shooting," he said.'
    )
    article = Article(id="t", source="test", body=body)
    doc = nlp(body)
    actors = actor_resolver(Config()).resolve(doc, article)
    q = starting(extractor.extract(doc, article, actors), "Both sides must stop")
    assert q.speaker.name == "Sergey Lavrov"
    assert q.speaker.code and q.speaker.code.startswith("RUS")


def test_quote_round_trips_through_json(nlp, extractor):
    body = '"The dam is safe," the engineer said.'
    q = starting(extract(nlp, extractor, body), "The dam is safe")
    assert Quote.from_dict(q.to_dict()) == q


# --------------------------------------------------------------------------- bad input


def test_an_unclosed_mark_quotes_to_the_paragraph_end(nlp, extractor):
    body = 'He said "this never closes and the paragraph goes on and on without an end.'
    assert [q.text for q in extract(nlp, extractor, body)] == [body[body.index('"') + 1 :]]


@pytest.mark.parametrize("body", ['"', "", "''", "“”"])
def test_a_lone_mark_or_an_empty_body_has_no_quotes(nlp, extractor, body):
    assert extract(nlp, extractor, body) == []


@pytest.mark.parametrize(
    "body",
    [
        'A "b. C "d. E "f. G "h. I "j. K "l. M "n, he said.',
        "Don't say 'yes' if you can't mean it,' she said. 'Really.''",
        '”Backwards marks“ are here, ”and here“ too, the clerk said.',
    ],
)
def test_odd_marks_give_quotes_of_words_inside_the_body(nlp, extractor, body):
    found = extract(nlp, extractor, body)  # extract() also checks the offsets index the body
    assert found
    for q in found:
        assert q.text.strip() == q.text and q.text[:1] not in "\"'“”" and any(c.isalpha() for c in q.text)


def test_one_huge_paragraph_is_fine(nlp, extractor):
    body = ('The governor said "roads are open" and the mayor said the bridge is shut. ' * 1450).strip()
    assert len(body.split()) > 20_000
    found = extract(nlp, extractor, body)
    assert found and all(q.end - q.start < 1000 for q in found)


# --------------------------------------------------------------------------- marks and lexicon


def test_marks_straight_curly_and_double_apostrophe():
    lex = load_cues()
    body = "“One,” he said. \"Two,\" she said. ''Three,'' they said."
    assert [body[q.start : q.end] for q in find_quoted(body, lex)] == ["One", "Two", "Three"]


def test_unclosed_quote_closes_at_paragraph_end():
    lex = load_cues()
    body = '"First paragraph of a long quote.\n\n"Second paragraph," she said.'
    spans = find_quoted(body, lex)
    assert [body[q.start : q.end] for q in spans] == ["First paragraph of a long quote.", "Second paragraph"]
    assert spans[0].closed is False


def test_lexicon_from_another_file(tmp_path, nlp):
    import yaml
    from importlib import resources

    data = yaml.safe_load(resources.files("chronicle").joinpath("data/quotes/cues.yaml").read_text("utf-8"))
    data["speech_verbs"].append("grumble")
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    custom = quote_extractor(Config(quote_lexicon=str(path)))
    assert "grumble" in custom.lexicon.speech_verbs
    assert "grumble" not in quote_extractor(Config()).lexicon.speech_verbs


def test_cue_and_comma_introduce_a_direct_quote(nlp, extractor):
    body = 'Asked about the tax, Senator Mark Dune replied, "That is a fair question."'
    q = starting(extract(nlp, extractor, body), "That is a fair question")
    assert q.kind == "direct"
    assert q.speaker.name == "Mark Dune"


def test_sentence_ending_in_a_colon_introduces_the_next_paragraph(nlp, extractor):
    body = (
        "Mayor Ruth Ebert then listed her demands:\n\n"
        '"Open the schools, fix the water pipes and pay the teachers."'
    )
    q = starting(extract(nlp, extractor, body), "Open the schools")
    assert q.kind == "direct"
    assert q.speaker.name == "Ruth Ebert"


class _BrokenActors:
    """Actors of an article whose every look-up fails (a bug in the actors stage)."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise RuntimeError(f"{name} broke")

        return fail


def test_an_error_inside_quote_extraction_is_raised_not_hidden_as_no_quotes(nlp, extractor):
    body = '"We will open the bridge," Governor Ana Pell said on Monday.'
    assert extract(nlp, extractor, body)[0].speaker.name == "Ana Pell"
    with pytest.raises(RuntimeError, match="broke"):
        extract(nlp, extractor, body, _BrokenActors())
