"""Records round-trip through JSON unchanged."""

import json

from chronicle.model import (
    Actor,
    Analysis,
    Article,
    Document,
    Event,
    Link,
    Location,
    Mention,
    Quote,
    Record,
)


def _article() -> Article:
    return Article(
        id="abc123",
        source="demo/a.md",
        body="Ruritania accused Freedonia of shelling the border.",
        title="Ruritania accuses Freedonia",
        published="2020-05-01",
        agency="Associated Press",
        language="en",
        boilerplate=["SITE MASTHEAD"],
        links=[Link(text="border", url="#")],
    )


def test_record_round_trips_through_json():
    source = Mention(text="Ruritania", start=0, end=9, code="RUR", country="RUR")
    target = Mention(text="Freedonia", start=19, end=28, code="FRE", country="FRE", sector=None)
    event = Event(
        id="e1",
        type="ACCUSE",
        trigger="accused",
        sentence="Ruritania accused Freedonia of shelling the border.",
        start=0,
        end=51,
        source=source,
        target=target,
        context=["military"],
        location=Location(name="Border", country="RUR", lat=1.5, lon=2.5),
    )
    quote = Quote(id="q1", kind="indirect", text="of shelling the border", start=28, end=50, speaker=source)
    analysis = Analysis(
        article_id="abc123",
        language="en",
        actors=[Actor(id="a1", code="RUR", mentions=[source])],
        events=[event],
        quotes=[quote],
    )
    record = Record(article=_article(), analysis=analysis)

    data = json.loads(json.dumps(record.to_dict()))
    again = Record.from_dict(data)

    assert again == record
    assert data["events"][0]["source"]["code"] == "RUR"
    assert data["title"] == "Ruritania accuses Freedonia"


def test_article_only_record_has_no_analysis_keys():
    data = Record(article=_article()).to_dict()
    assert "events" not in data
    assert Record.from_dict(data).analysis is None


def test_document_never_serialises_its_bytes():
    doc = Document(source="x.html", content=b"<html>secret</html>", format="html")
    data = doc.to_dict()
    assert data["content"] is None and data["size"] == len(doc.content)
    assert Document.from_dict(data).source == "x.html"
