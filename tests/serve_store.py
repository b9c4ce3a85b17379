"""A small demo-like store, written by hand, for the API and browser tests of ``chronicle serve``.

Articles over several days with actors, events (all four quad classes, some with a located place),
quotes, a wire story in two copies, and one article whose text carries HTML and script injections.
"""

from __future__ import annotations

from chronicle.model import Actor, Analysis, Article, Event, Location, Mention, Quote, Record
from chronicle.store import open_store

HOSTILE = ('<script>alert("owned")</script> The mayor said <img src=x onerror=alert(1)> the vote '
           'was fair; see <a href="javascript:alert(2)">this</a> &amp; &lt;b&gt;bold&lt;/b&gt;.')

SEED = ("Russia's deputy foreign minister Gennady Gatilov met the Syrian ambassador in Moscow on Tuesday. "
        "Russia urged the government of Syria to accept a ceasefire. "
        "\"We want the violence to stop,\" Gatilov said. "
        "Syrian troops shelled the city of Homs, activists said.")
WIRE = ("Turkey accused Syria of shelling a border village near Kilis on Wednesday, and Ankara promised aid "
        "to the refugees who crossed the frontier overnight, officials said in a statement.")


def _m(body: str, text: str, code: str | None, country: str | None = None, sector: str | None = None,
       name: str | None = None, actor_id: str | None = None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Mention(text, start, start + len(text), code=code, country=country, sector=sector, name=name or text,
                   actor_id=actor_id)


def _sentence(body: str, words: str) -> tuple[int, int, str]:
    start = body.index(words)
    end = start + len(words)
    return start, end, body[start:end]


def _event(article_id: str, n: int, body: str, sentence: str, trigger: str, type: str, cameo: str,
           source: Mention | None, target: Mention | None, date: str, confidence: float,
           location: Location | None = None, rule: str | None = None) -> Event:
    start, end, text = _sentence(body, sentence)
    t = body.index(trigger, start)
    return Event(id=f"{article_id[:16]}-e{n}", type=type, trigger=trigger, sentence=text, start=start, end=end,
                 source=source, target=target, cameo=cameo, trigger_start=t, trigger_end=t + len(trigger),
                 date=date, confidence=confidence, location=location, rule=rule)


def records() -> list[Record]:
    out = []
    # the seed-like article: Russia and Syria, 2012-03-13
    a = Article(id="seed0000000000000001", source="seed.md", body=SEED, title="Russia urges Syria to accept a ceasefire",
                publisher="afgazad", published="2012-03-13", language="en", url="https://example.org/seed")
    gatilov = _m(SEED, "Gennady Gatilov", "RUSGOV", "RUS", "GOV", actor_id="A1")
    ambassador = _m(SEED, "Syrian ambassador", "SYRGOV", "SYR", "GOV", name="Syrian ambassador", actor_id="A2")
    russia = _m(SEED, "Russia", "RUS", "RUS", None, name="Russia", actor_id="A3", nth=1)
    syria_gov = _m(SEED, "government of Syria", "SYRGOV", "SYR", "GOV", name="Syrian government", actor_id="A2")
    troops = _m(SEED, "Syrian troops", "SYRMIL", "SYR", "MIL", actor_id="A4")
    homs = _m(SEED, "Homs", "SYRCVL", "SYR", None, name="Homs residents", actor_id="A5")
    events = [
        _event(a.id, 1, SEED, "Russia's deputy foreign minister Gennady Gatilov met the Syrian ambassador in Moscow on Tuesday.",
               "met", "CONSULT", "040", gatilov, ambassador, "2012-03-13", 0.9,
               Location("Moscow", "RUS", 55.75, 37.62), rule="lexicon: meet"),
        _event(a.id, 2, SEED, "Russia urged the government of Syria to accept a ceasefire.", "urged", "REQUEST", "100",
               russia, syria_gov, "2012-03-13", 0.8),
        _event(a.id, 3, SEED, "Syrian troops shelled the city of Homs, activists said.", "shelled", "ASSAULT", "195",
               troops, homs, "2012-03-12", 0.7, Location("Homs", "SYR", 34.73, 36.72)),
    ]
    quote_text = "We want the violence to stop,"
    qs = SEED.index(quote_text)
    quotes = [Quote(id=f"{a.id}:q1", kind="direct", text=quote_text, start=qs, end=qs + len(quote_text), cue="said",
                    speaker=_m(SEED, "Gatilov", "RUSGOV", "RUS", "GOV", name="Gennady Gatilov", nth=1))]
    actors = [Actor("A1", "RUSGOV", "Gennady Gatilov", "RUS", "GOV", "person", mentions=[gatilov]),
              Actor("A2", "SYRGOV", "Syrian government", "SYR", "GOV", "organisation", mentions=[ambassador, syria_gov]),
              Actor("A3", "RUS", "Russia", "RUS", None, "country", mentions=[russia]),
              Actor("A4", "SYRMIL", "Syrian troops", "SYR", "MIL", "group", mentions=[troops]),
              Actor("A5", "SYRCVL", "Homs residents", "SYR", None, "group", mentions=[homs])]
    out.append(Record(a, Analysis(a.id, "en", actors=actors, events=events, quotes=quotes)))

    # a wire story: two copies, 2012-03-14 and 2012-03-15 (the second adds a closing line)
    for n, (publisher, day, extra) in enumerate((("Wire A", "2012-03-14", ""),
                                                 ("Wire B", "2012-03-15", " The UN called for calm."))):
        body = WIRE + extra
        art = Article(id=f"wire{n}00000000000000{n}", source=f"wire{n}.html", body=body, publisher=publisher,
                      published=day, title="Turkey accuses Syria over shelling", language="en")
        turkey = _m(body, "Turkey", "TUR", "TUR", None, name="Turkey", actor_id="A1")
        syria = _m(body, "Syria", "SYR", "SYR", None, name="Syria", actor_id="A2")
        ankara = _m(body, "Ankara", "TURGOV", "TUR", "GOV", name="Turkish government", actor_id="A3")
        refugees = _m(body, "refugees", "SYRREF", "SYR", "REF", name="Syrian refugees", actor_id="A4")
        evs = [_event(art.id, 1, body, WIRE.split(", and")[0], "accused", "ACCUSE", "112", turkey, syria, day, 0.85,
                      Location("Kilis", "TUR", 36.72, 37.12)),
               _event(art.id, 2, body, "Ankara promised aid", "promised", "AID", "073", ankara, refugees, day, 0.6)]
        acts = [Actor("A1", "TUR", "Turkey", "TUR", None, "country", mentions=[turkey]),
                Actor("A2", "SYR", "Syria", "SYR", None, "country", mentions=[syria]),
                Actor("A3", "TURGOV", "Turkish government", "TUR", "GOV", "organisation", mentions=[ankara]),
                Actor("A4", "SYRREF", "Syrian refugees", "SYR", "REF", "group", mentions=[refugees])]
        out.append(Record(art, Analysis(art.id, "en", actors=acts, events=evs)))

    # the hostile article: injections in body, title and names
    h = Article(id="hostile0000000000001", source="hostile.html", body=HOSTILE, publisher="<b>Evil</b> Times",
                published="2012-03-16", title='<img src=x onerror=alert("title")>Vote', language="en",
                url="javascript:alert(3)")
    mayor = _m(HOSTILE, "The mayor", None, None, "GOV", name='<script>alert("name")</script>Mayor', actor_id="A1")
    vote = _m(HOSTILE, "the vote", None, None, None, name="the vote", actor_id="A2")
    hev = [_event(h.id, 1, HOSTILE, HOSTILE, "said", "REJECT", "120", mayor, vote, "2012-03-16", 0.4)]
    qstart = HOSTILE.index("the vote")
    hq = [Quote(id=f"{h.id}:q1", kind="indirect", text="the vote was fair", start=qstart, end=qstart + 17, cue="said",
                speaker=mayor)]
    out.append(Record(h, Analysis(h.id, "en", actors=[Actor("A1", None, mayor.name, None, "GOV", "person", mentions=[mayor]),
                                                      Actor("A2", None, "the vote", mentions=[vote])],
                                  events=hev, quotes=hq)))
    return out


def build(target: str) -> str:
    """Write the demo-like records into the store at ``target``; returns ``target``."""
    with open_store(target, story_threshold=0.5) as store:
        for record in records():
            store.add_record(record)
    return target
