"""The HTTP API of ``chronicle serve`` as a client sees it, on SQLite and (CHRONICLE_PG_DSN) PostgreSQL.

The store is tests/serve_store.py: hand-written articles, events, quotes and a two-copy story.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

import serve_store  # noqa: E402
from chronicle.serve import create_app  # noqa: E402
from chronicle.store import open_store  # noqa: E402

from pg_schema import DSN, fresh_schema  # noqa: E402
LOCAL = ("127.0.0.1", 50000)
REMOTE = ("203.0.113.7", 50000)
SEED = "seed0000000000000001"
WIRE_A, WIRE_B = "wire0000000000000000", "wire1000000000000001"
HOSTILE = "hostile0000000000001"


def _target(kind: str, folder) -> object:
    """A store location of the backend ``kind``: yields its target, drops a PostgreSQL schema after."""
    if kind == "sqlite":
        yield str(folder / f"serve-{uuid.uuid4().hex[:8]}.db")
        return
    if not DSN:
        pytest.skip("CHRONICLE_PG_DSN is not set (a postgresql:// URL)")
    with fresh_schema("chronicle_serve") as url:
        yield url


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture(scope="module")
def shared_store(backend, tmp_path_factory):
    """The demo-like store, built once per backend for the tests that only read."""
    yield from (serve_store.build(t) for t in _target(backend, tmp_path_factory.mktemp("serve")))


@pytest.fixture(scope="module")
def client(shared_store, tmp_path_factory):
    uploads = str(tmp_path_factory.mktemp("uploads"))
    with TestClient(create_app(shared_store, token="s3cret", uploads=uploads), client=LOCAL) as c:
        yield c


@pytest.fixture
def built(backend, tmp_path):
    """A demo-like store of its own, for a test that writes."""
    yield from (serve_store.build(t) for t in _target(backend, tmp_path))


@pytest.fixture
def writer(built, tmp_path):
    with TestClient(create_app(built, token="s3cret", uploads=str(tmp_path / "uploads")), client=LOCAL) as c:
        yield c


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def all_events(client) -> dict[str, dict]:
    return {e["id"]: e for e in client.get("/events", params={"limit": 1000}).json()["items"]}


# ------------------------------------------------------------------ articles


def test_articles_are_listed_newest_first_and_paged_with_a_cursor(client):
    first = client.get("/articles", params={"limit": 2}).json()
    assert [a["published"] for a in first["items"]] == ["2012-03-16", "2012-03-15"]
    assert first["next"]
    second = client.get("/articles", params={"limit": 2, "cursor": first["next"]}).json()
    assert [a["published"] for a in second["items"]] == ["2012-03-14", "2012-03-13"]
    assert second["next"] is None
    assert "body" not in first["items"][0] and first["items"][0]["snippet"]


def test_articles_filter_by_publisher_date_and_story(client):
    assert ids(client.get("/articles", params={"publisher": "wire a"})) == {WIRE_A}
    assert ids(client.get("/articles", params={"since": "2012-03-14", "until": "2012-03-15"})) == {WIRE_A, WIRE_B}
    assert ids(client.get("/articles", params={"story": WIRE_A})) == {WIRE_A, WIRE_B}


def test_one_article_has_its_body_and_spans_that_point_into_it(client):
    a = client.get(f"/articles/{SEED}").json()
    body = a["body"]
    assert a["title"] == "Russia urges Syria to accept a ceasefire"
    actors = [s for s in a["spans"] if s["kind"] == "actor"]
    assert {body[s["start"]:s["end"]] for s in actors} >= {"Gennady Gatilov", "Syrian troops", "Homs"}
    events = [s for s in a["spans"] if s["kind"] == "event"]
    assert {body[s["trigger_start"]:s["trigger_end"]] for s in events} == {"met", "urged", "shelled"}
    assert all(body[s["start"]:s["end"]].endswith(".") for s in events)
    (q,) = [s for s in a["spans"] if s["kind"] == "quote"]
    assert body[q["start"]:q["end"]] == "We want the violence to stop," and q["speaker"] == "Gennady Gatilov"
    summaries = {e["summary"] for e in a["events"]}
    assert "Syrian troops (SYRMIL) -> ASSAULT -> Homs residents (SYRCVL)" in summaries
    assert all(e["why"].startswith('trigger "') and e["sentence"] for e in a["events"])
    consult = next(e for e in a["events"] if e["type"] == "CONSULT")
    assert consult["why"].startswith('trigger "met" coded CONSULT (CAMEO 040); by lexicon: meet;')


def test_article_text_with_markup_comes_back_as_the_same_text(client):
    a = client.get(f"/articles/{HOSTILE}")
    assert a.headers["content-type"].startswith("application/json")
    data = a.json()
    assert data["body"] == serve_store.HOSTILE  # not stripped, not escaped twice: the client shows it as text
    assert data["title"] == '<img src=x onerror=alert("title")>Vote'


@pytest.mark.parametrize("path", ["/articles/nope", "/events/nope", "/actors/NOPE", "/stories/nope"])
def test_unknown_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "nope" in response.json()["detail"].lower()


# ------------------------------------------------------------------ events and their filters

SEED_EVENTS = {f"{SEED[:16]}-e{n}" for n in (1, 2, 3)}
WIRE_EVENTS = {f"{a[:16]}-e{n}" for a in (WIRE_A, WIRE_B) for n in (1, 2)}
HOSTILE_EVENTS = {f"{HOSTILE[:16]}-e1"}
ACCUSE = {f"{a[:16]}-e1" for a in (WIRE_A, WIRE_B)}
AID = {f"{a[:16]}-e2" for a in (WIRE_A, WIRE_B)}


@pytest.mark.parametrize("params, expected", [
    ({}, SEED_EVENTS | WIRE_EVENTS | HOSTILE_EVENTS),
    ({"actor": "RUS"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2"}),  # code prefix: RUS and RUSGOV
    ({"actor": "gatilov"}, {f"{SEED[:16]}-e1"}),  # part of a name, any case
    ({"actor": "gennady GATILOV"}, {f"{SEED[:16]}-e1"}),
    ({"country": "Rus", "sector": "gOv"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2"}),
    ({"actor": "SYRGOV"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2"}),
    ({"source": "TUR"}, ACCUSE | AID),
    ({"target": "SYR"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2", f"{SEED[:16]}-e3"} | ACCUSE | AID),
    ({"dyad": "TUR,SYR"}, ACCUSE | AID),
    ({"dyad": "TUR,SYR", "publisher": "Wire B"}, {f"{WIRE_B[:16]}-e1", f"{WIRE_B[:16]}-e2"}),
    ({"dyad": "TURGOV,SYRREF"}, AID),
    ({"source": "TUR", "target": "SYRREF"}, AID),
    ({"country": "TUR"}, ACCUSE | AID),
    ({"country": "rus"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2"}),
    ({"sector": "MIL"}, {f"{SEED[:16]}-e3"}),
    ({"sector": "ref"}, AID),
    ({"type": "ACCUSE"}, ACCUSE),
    ({"type": "assault"}, {f"{SEED[:16]}-e3"}),
    ({"cameo": "07"}, AID),
    ({"cameo": "195"}, {f"{SEED[:16]}-e3"}),
    ({"quad": 1}, {f"{SEED[:16]}-e1"}),
    ({"quad": 2}, AID),
    ({"quad": 3}, {f"{SEED[:16]}-e2"} | ACCUSE | HOSTILE_EVENTS),
    ({"quad": 4}, {f"{SEED[:16]}-e3"}),
    ({"since": "2012-03-15"}, {f"{WIRE_B[:16]}-e1", f"{WIRE_B[:16]}-e2"} | HOSTILE_EVENTS),
    ({"until": "2012-03-12"}, {f"{SEED[:16]}-e3"}),
    ({"since": "2012-03-13", "until": "2012-03-14"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2", f"{WIRE_A[:16]}-e1",
                                                      f"{WIRE_A[:16]}-e2"}),
    ({"until": "2012-03"}, SEED_EVENTS | WIRE_EVENTS | HOSTILE_EVENTS),
    ({"min_confidence": 0.8}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e2"} | ACCUSE),
    ({"text": "CEASEFIRE"}, {f"{SEED[:16]}-e2"}),
    ({"text": "kilis"}, ACCUSE),
    ({"story": WIRE_A}, WIRE_EVENTS),
    ({"publisher": "Wire B"}, {f"{WIRE_B[:16]}-e1", f"{WIRE_B[:16]}-e2"}),
    ({"article": SEED}, SEED_EVENTS),
    ({"located": "true"}, {f"{SEED[:16]}-e1", f"{SEED[:16]}-e3"} | ACCUSE),
    ({"type": "ACCUSE", "publisher": "Wire A", "min_confidence": 0.5}, {f"{WIRE_A[:16]}-e1"}),
    ({"type": "CONSULT", "quad": 4}, set()),
])
def test_event_filters(client, params, expected):
    assert ids(client.get("/events", params={"limit": 1000, **params})) == expected


def test_an_event_carries_its_sentence_quad_article_and_why(client):
    e = client.get(f"/events/{SEED[:16]}-e3").json()
    assert e["sentence"] == "Syrian troops shelled the city of Homs, activists said."
    assert (e["type"], e["cameo"], e["quad"], e["quad_name"]) == ("ASSAULT", "195", 4, "material conflict")
    assert e["article_id"] == SEED and e["publisher"] == "afgazad" and e["day"] == "2012-03-12"
    assert e["location"]["name"] == "Homs" and e["confidence"] == 0.7
    assert 'trigger "shelled" coded ASSAULT (CAMEO 195)' in e["why"]


def test_event_pages_visit_every_event_once_in_a_stable_order(client):
    everything = client.get("/events", params={"limit": 1000}).json()["items"]
    seen, cursor = [], None
    while True:
        page = client.get("/events", params={"limit": 3, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert seen == [e["id"] for e in everything] and len(seen) == 8
    assert [e["day"] for e in everything] == sorted((e["day"] for e in everything), reverse=True)


def _many_events_store(target: str) -> list[tuple[str, str, str, str, str]]:
    """1,500 events over 30 articles: RUS on a side of 1,300 of them (both sides of 300), UKR of
    300; returns (day, article, id, source, target) of each."""
    from chronicle.model import Analysis, Article, Event, Mention, Record

    rows = []
    with open_store(target) as store:
        for a in range(30):
            article_id = f"many{a:016d}"
            body = "Someone met someone."
            events = []
            for k in range(50):
                source = "RUSGOV" if k % 5 else "UKRMIL"
                target_code = "RUSMIL" if k % 5 == 1 else "SYRGOV"
                day = f"2013-{1 + (a + k) % 12:02d}-{1 + k % 28:02d}"
                events.append(Event(id=f"{article_id[:12]}-e{k + 1}", type="CONSULT", trigger="met", sentence=body,
                                    start=0, end=len(body), cameo="040", date=day,
                                    source=Mention("Someone", 0, 7, code=source, country=source[:3]),
                                    target=Mention("someone", 12, 19, code=target_code, country=target_code[:3])))
                rows.append((day, article_id, events[-1].id, source, target_code))
            store.add_record(Record(Article(id=article_id, source=f"many{a}.txt", body=body, published="2013-01-01"),
                                    Analysis(article_id, "en", events=events)))
    return rows


def test_pages_of_a_code_many_events_have_and_of_a_rare_one_hold_every_match_once_in_order(backend, tmp_path):
    """A common code is read in the page order, a rare one through its index: the same pages."""
    for target in _target(backend, tmp_path):
        rows = _many_events_store(target)
        with TestClient(create_app(target), client=LOCAL) as c:
            for params, keep in (({"actor": "RUS"}, lambda s, t: "RUS" in (s[:3], t[:3])),
                                 ({"actor": "UKR"}, lambda s, t: "UKR" in (s[:3], t[:3])),
                                 ({"dyad": "RUS,RUS"}, lambda s, t: s[:3] == t[:3] == "RUS"),
                                 ({"dyad": "RUSGOV,SYR"}, lambda s, t: s == "RUSGOV" and t[:3] == "SYR"),
                                 ({"source": "UKRMIL", "quad": 1}, lambda s, t: s == "UKRMIL")):
                expected = [r[2] for r in sorted((r for r in rows if keep(r[3], r[4])), reverse=True)]
                seen, cursor = [], None
                while True:
                    page = c.get("/events", params={**params, "limit": 400, **({"cursor": cursor} if cursor else {})})
                    seen += [e["id"] for e in page.json()["items"]]
                    cursor = page.json()["next"]
                    if not cursor:
                        break
                assert seen == expected, params


def test_a_cursor_keeps_its_filters_page_by_page(client):
    page = client.get("/events", params={"limit": 1, "quad": 3}).json()
    rest = client.get("/events", params={"limit": 100, "quad": 3, "cursor": page["next"]}).json()
    assert {e["quad"] for e in page["items"] + rest["items"]} == {3}
    assert len(page["items"] + rest["items"]) == 4


@pytest.mark.parametrize("cursor", ["garbage", "eyJ4IjoxfQ", "", "W10", "WyJxdW90ZXMiLFsiIiwiYSIsImIiXV0"])
def test_a_cursor_this_endpoint_did_not_give_out_is_422(client, cursor):
    response = client.get("/events", params={"cursor": cursor} if cursor else {"cursor": "%%%"})
    assert response.status_code == 422
    assert "cursor" in response.json()["detail"]


def test_a_quotes_cursor_is_refused_by_events(client):
    token = client.get("/quotes", params={"limit": 1}).json()["next"]
    assert token
    assert client.get("/events", params={"cursor": token}).status_code == 422


def test_csv_streams_every_matching_event_with_a_fixed_header(client):
    response = client.get("/events", params={"format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 8
    row = next(r for r in rows if r["id"] == f"{SEED[:16]}-e3")
    assert row["source.code"] == "SYRMIL" and row["sentence"].startswith("Syrian troops shelled")
    empty = client.get("/events", params={"format": "csv", "type": "PROTEST"}).text.splitlines()
    assert len(empty) == 1 and empty[0].startswith("id,article_id,day")


def test_jsonl_streams_one_event_per_line_and_honours_limit(client):
    lines = client.get("/events", params={"format": "jsonl", "type": "ACCUSE"}).text.splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(ACCUSE)
    assert len(client.get("/events", params={"format": "jsonl", "limit": 3}).text.splitlines()) == 3


def test_csv_streams_past_one_query_batch(tmp_path):
    db = str(tmp_path / "many.db")
    with open_store(db) as store:
        for n in range(3):
            for record in serve_store.records():
                record.article.id = f"{record.article.id[:14]}{n:06d}"
                record.article.source = f"{record.article.source}.{n}"
                record.article.body += f" Copy {n}."
                record.analysis.article_id = record.article.id
                store.add_record(record)
    from chronicle.serve import app as serve_app

    old = serve_app.STREAM_PAGE
    serve_app.STREAM_PAGE = 5  # several batches over 24 events
    try:
        with TestClient(create_app(db), client=LOCAL) as c:
            rows = list(csv.DictReader(io.StringIO(c.get("/events", params={"format": "csv"}).text)))
            lines = c.get("/events", params={"format": "jsonl", "limit": 12}).text.splitlines()
    finally:
        serve_app.STREAM_PAGE = old
    assert len(rows) == 24 and len({(r["article_id"], r["id"]) for r in rows}) == 24
    assert len(lines) == 12


def test_event_ids_stay_the_same_when_the_same_articles_are_ingested_again(built, tmp_path):
    with TestClient(create_app(built), client=LOCAL) as c:
        before = all_events(c)
    serve_store.build(built)  # the same records again: nothing changes
    other = serve_store.build(str(tmp_path / "again.db"))  # and in a fresh store, the same ids
    with TestClient(create_app(built), client=LOCAL) as c:
        after = all_events(c)
    with TestClient(create_app(other), client=LOCAL) as c:
        fresh = all_events(c)
    assert set(before) == set(after) == set(fresh)
    assert {k: v["sentence"] for k, v in before.items()} == {k: v["sentence"] for k, v in fresh.items()}


def test_updated_since_gives_what_was_stored_at_or_after_a_time(client):
    everything = all_events(client)
    added = min(e["added"] for e in everything.values())
    assert ids(client.get("/events", params={"updated_since": added, "limit": 100})) == set(everything)
    assert ids(client.get("/events", params={"updated_since": "2999-01-01T00:00:00Z"})) == set()
    assert ids(client.get("/quotes", params={"updated_since": "2999-01-01"})) == set()
    assert len(ids(client.get("/articles", params={"updated_since": added}))) == 4


# ------------------------------------------------------------------ facets, network, timeline


def test_facets_count_the_matching_events(client):
    f = client.get("/facets").json()
    assert f["type"] == {"ACCUSE": 2, "AID": 2, "ASSAULT": 1, "CONSULT": 1, "REJECT": 1, "REQUEST": 1}
    assert f["quad"] == {"3": 4, "2": 2, "1": 1, "4": 1}
    assert f["publisher"]["Wire A"] == 2 and f["country"]["TUR"] == 4 and f["sector"]["GOV"] == 6
    assert client.get("/facets", params={"type": "AID"}).json()["sector"] == {"GOV": 2, "REF": 2}


def test_network_edges_are_weighted_and_split_into_cooperation_and_conflict(client):
    g = client.get("/network").json()
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    assert edges[("TUR", "SYR")]["events"] == 2 and edges[("TUR", "SYR")]["conflict"] == 2
    assert edges[("TURGOV", "SYRREF")]["cooperation"] == 2
    assert {"TUR", "SYR", "RUSGOV", "SYRMIL"} <= {n["id"] for n in g["nodes"]}
    assert {(e["source"], e["target"]) for e in client.get("/network", params={"quad": 4}).json()["edges"]} == \
        {("SYRMIL", "SYRCVL")}


def test_timeline_counts_per_day_week_and_month_by_quad_or_type(client):
    day = client.get("/timeline").json()
    series = {s["key"]: {p["period"]: p["count"] for p in s["points"]} for s in day["series"]}
    assert series["3"] == {"2012-03-13": 1, "2012-03-14": 1, "2012-03-15": 1, "2012-03-16": 1}
    assert series["4"] == {"2012-03-12": 1}
    assert {s["key"]: s["name"] for s in day["series"]}["2"] == "material cooperation"
    week = client.get("/timeline", params={"interval": "week"}).json()
    assert {p["period"] for s in week["series"] for p in s["points"]} == {"2012-03-12"}  # Monday of that week
    assert sum(p["count"] for s in week["series"] for p in s["points"]) == 8
    month = client.get("/timeline", params={"interval": "month", "by": "type"}).json()
    assert {s["key"]: s["points"] for s in month["series"]}["ACCUSE"] == [{"period": "2012-03", "count": 2}]
    only = client.get("/timeline", params={"actor": "TUR", "by": "type"}).json()
    assert {s["key"] for s in only["series"]} == {"ACCUSE", "AID"}


AGGREGATES = [("/facets", {}), ("/facets", {"type": "aid"}), ("/facets", {"quad": 3}),
              ("/facets", {"type": "ACCUSE", "quad": 3}), ("/timeline", {}), ("/timeline", {"by": "type"}),
              ("/timeline", {"interval": "month", "quad": 2}), ("/timeline", {"since": "2012-03-14", "until": "2012-03"}),
              ("/timeline", {"interval": "week", "by": "type", "type": "AID", "until": "2012-03-14"}),
              ("/timeline", {"actor": "RUS"}), ("/timeline", {"actor": "SYR", "interval": "month"}),
              ("/timeline", {"actor": "SYR", "quad": 4, "since": "2012-03-12", "until": "2012-03"}),
              ("/timeline", {"actor": "TUR", "interval": "week"})]


def _answers(app_target) -> list[dict]:
    with TestClient(create_app(app_target), client=LOCAL) as c:
        return [c.get(path, params=params).json() for path, params in AGGREGATES]


def test_aggregates_count_the_same_with_a_filter_that_lets_every_event_through(client):
    """Filters the counts kept at write time answer agree with counting the events themselves."""
    for path, params in AGGREGATES:
        counted = client.get(path, params=params).json()
        assert client.get(path, params={**params, "min_confidence": 0}).json() == counted, (path, params)


def test_aggregates_count_events_stored_while_the_server_runs_and_only_once(built):
    from chronicle.model import Analysis, Article, Event, Mention, Record

    body = "Kenya sent aid to Somalia. Kenya sent aid to Somalia again."
    kenya, somalia = Mention("Kenya", 0, 5, code="KENGOV", country="KEN", sector="GOV"), \
        Mention("Somalia", 18, 25, code="SOMCVL", country="SOM", sector="CVL")
    events = [Event(id=f"kenya0000000000-e{n}", type="AID", trigger="sent", sentence=body, start=0, end=len(body),
                    source=kenya, target=somalia, cameo="073", date="2012-04-02") for n in (1, 2)]
    record = Record(Article(id="kenya00000000000001", source="kenya.txt", body=body, publisher="Nairobi Daily",
                            published="2012-04-02"), Analysis("kenya00000000000001", "en", events=events))
    with TestClient(create_app(built), client=LOCAL) as c:
        before = c.get("/facets", params={"type": "AID"}).json()
        with open_store(built) as store:
            store.add_record(record)
            store.add_record(record)  # the same article again counts nothing
        after = c.get("/facets", params={"type": "AID"}).json()
        timeline = c.get("/timeline", params={"by": "type", "since": "2012-04"}).json()
        assert c.get("/facets").json() == c.get("/facets", params={"min_confidence": 0}).json()
    assert after["type"] == {"AID": before["type"]["AID"] + 2}
    assert after["publisher"]["Nairobi Daily"] == 2 and after["country"]["KEN"] == 2
    assert after["sector"]["CVL"] == 2 and after["quad"] == {"2": before["quad"]["2"] + 2}
    assert timeline["series"] == [{"key": "AID", "name": "AID", "points": [{"period": "2012-04-02", "count": 2}]}]


def test_an_event_page_asked_again_after_a_write_holds_the_new_events(built):
    from chronicle.model import Analysis, Article, Event, Mention, Record

    body = "Kenya sent aid to Somalia."
    kenya = Mention("Kenya", 0, 5, code="KENGOV", country="KEN", sector="GOV")
    somalia = Mention("Somalia", 18, 25, code="SOMCVL", country="SOM", sector="CVL")
    event = Event(id="kenya0000000000-e1", type="AID", trigger="sent", sentence=body, start=0, end=len(body),
                  source=kenya, target=somalia, cameo="073", date="2012-04-02")
    record = Record(Article(id="kenya00000000000001", source="kenya.txt", body=body, publisher="Nairobi Daily",
                            published="2012-04-02"), Analysis("kenya00000000000001", "en", events=[event]))
    with TestClient(create_app(built), client=LOCAL) as c:
        before = c.get("/events", params={"type": "AID"}).json()
        assert c.get("/events", params={"type": "AID"}).json() == before  # asked again: the same page
        with open_store(built) as store:
            store.add_record(record)
        after = c.get("/events", params={"type": "AID"}).json()
    assert [e["id"] for e in after["items"]] == ["kenya0000000000-e1"] + [e["id"] for e in before["items"]]


def test_a_store_made_before_the_event_counts_is_upgraded_to_the_same_aggregates(built):
    before = _answers(built)
    _run(built, ["DROP TABLE event_day_counts", "DROP TABLE event_facet_counts",  # a Chronicle before migration 5
                 "DROP TABLE event_actor_counts",
                 "DELETE FROM schema_version WHERE version >= 5"])
    assert _answers(built) == before


def test_a_store_made_before_the_actor_counts_is_upgraded_to_the_same_actor_timelines(built):
    before = _answers(built)
    _run(built, ["DROP TABLE event_actor_counts", "DELETE FROM schema_version WHERE version >= 7"])
    assert _answers(built) == before


def test_an_actor_timeline_counts_an_event_once_when_both_sides_are_of_that_actor(client):
    """SYRMIL shelled SYRCVL (Homs) on 2012-03-12: one event of SYR that day, not two."""
    points = client.get("/timeline", params={"actor": "SYR", "quad": 4}).json()["series"][0]["points"]
    assert points == [{"period": "2012-03-12", "count": 1}]


def _run(target: str, statements: list[str]) -> None:
    """SQL run on the store at ``target`` by a plain connection, as another program would."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)
        return
    import sqlite3

    with sqlite3.connect(target) as conn:
        for statement in statements:
            conn.execute(statement)


# ------------------------------------------------------------------ quotes, actors, stories, search, stats


def test_quotes_filter_by_speaker_text_and_date(client):
    assert ids(client.get("/quotes")) == {f"{SEED}:q1", f"{HOSTILE}:q1"}
    (q,) = client.get("/quotes", params={"speaker": "gatilov"}).json()["items"]
    assert q["text"] == "We want the violence to stop," and q["speaker_name"] == "Gennady Gatilov"
    assert ids(client.get("/quotes", params={"text": "vote was"})) == {f"{HOSTILE}:q1"}
    assert ids(client.get("/quotes", params={"since": "2012-03-14"})) == {f"{HOSTILE}:q1"}
    assert ids(client.get("/quotes", params={"speaker": "RUSGOV"})) == {f"{SEED}:q1"}
    rows = list(csv.DictReader(io.StringIO(client.get("/quotes", params={"format": "csv"}).text)))
    assert {r["speaker_name"] for r in rows} == {"Gennady Gatilov", '<script>alert("name")</script>Mayor'}


def test_speakers_are_grouped_with_their_counts(client):
    items = client.get("/speakers").json()["items"]
    assert {"speaker": "Gennady Gatilov", "code": "RUSGOV", "quotes": 1} in items


def test_actors_have_counts_first_and_last_seen(client):
    items = {a["key"]: a for a in client.get("/actors", params={"limit": 100}).json()["items"]}
    assert items["TUR"]["articles"] == 2 and items["TUR"]["events"] == 2
    assert (items["TUR"]["first_seen"], items["TUR"]["last_seen"]) == ("2012-03-14", "2012-03-15")
    assert items["SYRGOV"]["name"] == "Syrian government" and items["SYRGOV"]["events"] == 2
    assert [a["key"] for a in client.get("/actors", params={"q": "gatilov"}).json()["items"]] == ["RUSGOV"]


def test_actor_pages_visit_every_actor_once(client):
    everything = [a["key"] for a in client.get("/actors", params={"limit": 1000}).json()["items"]]
    seen, cursor = [], None
    while True:
        page = client.get("/actors", params={"limit": 4, **({"cursor": cursor} if cursor else {})}).json()
        seen += [a["key"] for a in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert seen == everything and len(set(seen)) == len(seen) > 8


def test_an_actor_has_its_counterparts(client):
    a = client.get("/actors/SYR").json()
    parts = {c["key"]: c for c in a["counterparts"]}
    assert parts["TUR"]["as_target"] == 2 and parts["TUR"]["conflict"] == 2 and parts["TUR"]["as_source"] == 0
    assert a["names"] == ["Syria"]


def test_stories_group_wire_copies_and_show_each_copy(client):
    (s,) = client.get("/stories").json()["items"]
    assert s["size"] == 2 and s["article_ids"] == [WIRE_A, WIRE_B]
    story = client.get(f"/stories/{s['id']}").json()
    assert [c["publisher"] for c in story["copies"]] == ["Wire A", "Wire B"]
    assert story["copies"][1]["body"].endswith("The UN called for calm.")
    assert client.get(f"/articles/{WIRE_B}").json()["story_size"] == 2


def test_search_finds_articles_events_and_quotes(client):
    r = client.get("/search", params={"q": "ceasefire"}).json()
    assert [h["article_id"] for h in r["articles"]] == [SEED]
    assert [e["id"] for e in r["events"]] == [f"{SEED[:16]}-e2"]
    assert client.get("/search", params={"q": "violence"}).json()["quotes"][0]["id"] == f"{SEED}:q1"
    assert client.get("/search", params={"q": "nothing-like-this"}).json()["articles"] == []


def test_stats_count_the_store(client):
    s = client.get("/stats").json()
    assert (s["articles"], s["events"], s["quotes"], s["stories"]) == (4, 8, 2, 1)
    assert s["quads"]["verbal conflict"] == 4 and s["types"]["AID"] == 2


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("path, params", [
    ("/events", {"since": "yesterday"}), ("/events", {"until": "2012-3-1"}), ("/events", {"quad": 5}),
    ("/events", {"quad": "x"}), ("/events", {"min_confidence": 2}), ("/events", {"min_confidence": "high"}),
    ("/events", {"cameo": "19a"}), ("/events", {"limit": 0}), ("/events", {"limit": -3}), ("/events", {"format": "xml"}),
    ("/events", {"dyad": "TUR"}), ("/events", {"dyad": ",SYR"}), ("/events", {"updated_since": "soon"}),
    ("/events", {"actor": "x" * 201}), ("/events", {"located": "perhaps"}), ("/timeline", {"interval": "year"}),
    ("/timeline", {"by": "actor"}), ("/quotes", {"since": "March"}), ("/articles", {"until": "2012/03"}),
    ("/actors", {"limit": 100000}), ("/actors", {"cursor": "abc"}), ("/stories", {"min_size": 0}),
    ("/search", {}), ("/search", {"q": ""}), ("/network", {"limit": 0}), ("/speakers", {"limit": "many"}),
])
def test_malformed_parameters_are_422_with_a_message(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


INJECTIONS = [
    "' OR '1'='1", "'; DROP TABLE events; --", "\" OR \"\"=\"", "%", "_", "\\", "' UNION SELECT id, body FROM articles --",
    "1); DELETE FROM articles; --", "*", "RUS' --", "\x00", "${7*7}", "<script>alert(1)</script>", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]
TEXT_FILTERS = {
    "/events": ["actor", "source", "target", "country", "sector", "type", "text", "story", "publisher", "article"],
    "/facets": ["actor", "country", "type", "text", "publisher"],
    "/network": ["actor", "source", "target", "sector", "story"],
    "/timeline": ["actor", "country", "type", "text"],
    "/quotes": ["speaker", "text", "article", "publisher"],
    "/articles": ["publisher", "language", "story"],
    "/actors": ["q"],
    "/speakers": ["q"],
    "/search": ["q"],
}
DATED = ("/events", "/facets", "/network", "/timeline", "/quotes", "/articles")


def test_injection_strings_through_every_filter_match_nothing_and_change_nothing(client):
    before = client.get("/stats").json()
    for path, names in TEXT_FILTERS.items():
        for name in names:
            for text in INJECTIONS:
                response = client.get(path, params={name: text})
                assert response.status_code in (200, 422), (path, name, text, response.text)
                if response.status_code != 200:
                    continue
                data = response.json()
                found = data.get("items", data.get("series", data.get("edges", data.get("articles"))))
                if path == "/facets":
                    found = [v for counts in data.values() for v in counts]
                if path == "/search":
                    found = data["articles"] + data["events"] + data["quotes"]
                assert found == [], (path, name, text, found)
        if path in DATED:
            for value in ["' OR 1=1 --", "2012-03-13' OR '1'='1", "2012-03-13%"]:
                assert client.get(path, params={"since": value}).status_code == 422
                assert client.get(path, params={"until": value}).status_code == 422
    for path in ("/articles/' OR '1'='1", "/events/' OR 1=1 --", "/actors/%25", "/stories/_"):
        assert client.get(path).status_code == 404
    assert client.get("/stats").json() == before


# ------------------------------------------------------------------ access


def test_reads_from_another_machine_need_the_token_unless_public(built):
    with TestClient(create_app(built, token="s3cret"), client=REMOTE) as remote:
        assert remote.get("/events").status_code == 401
        assert remote.get("/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert remote.get("/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert remote.get("/stats", headers={"X-Chronicle-Token": "s3cret"}).status_code == 200
    with TestClient(create_app(built, public=True), client=REMOTE) as open_:
        assert open_.get("/events").status_code == 200
    with TestClient(create_app(built, token="s3cret"), client=LOCAL) as local:
        assert local.get("/events").status_code == 200


def test_uploads_need_the_token(writer, built):
    client = writer
    files = {"files": ("note.txt", b"The council met on Monday.", "text/plain")}
    assert client.post("/documents", files=files).status_code == 401
    assert client.post("/documents", files=files, headers={"Authorization": "Bearer nope"}).status_code == 401
    with TestClient(create_app(built), client=LOCAL) as no_token:  # no token configured: uploads are off
        response = no_token.post("/documents", files=files, headers={"Authorization": "Bearer "})
        assert response.status_code == 401 and "CHRONICLE_TOKEN" in response.json()["detail"]


def test_uploads_over_the_size_limit_are_413(built, tmp_path):
    with TestClient(create_app(built, token="t", max_upload_bytes=1000, uploads=str(tmp_path / "u")),
                    client=LOCAL) as c:
        big = {"files": ("big.txt", b"word " * 1000, "text/plain")}
        assert c.post("/documents", files=big, headers={"Authorization": "Bearer t"}).status_code == 413
        assert c.get("/stats").json()["documents"] == 4


def test_an_upload_is_ingested_and_a_bad_one_recorded_as_a_failure(writer):
    client = writer
    auth = {"Authorization": "Bearer s3cret"}
    assert client.get("/stats").json()["articles"] == 4  # asked before: a kept answer must not outlive the upload
    text = b"Flood relief reached the northern valley on Monday after the road reopened, officials said today."
    response = client.post("/documents", params={"analyse": "false"}, headers=auth,
                           files=[("files", ("relief.txt", text, "text/plain")),
                                  ("files", ("../../empty.txt", b"", "text/plain"))])
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["documents"], summary["stored"], summary["failed"]) == (2, 1, 1)
    assert "empty.txt" in summary["failures"][0]["source"] and ".." not in summary["failures"][0]["source"]
    assert client.get("/stats").json()["articles"] == 5
    again = client.post("/documents", params={"analyse": "false"}, headers=auth,
                        files={"files": ("relief.txt", text, "text/plain")}).json()
    assert again["stored"] == 0 and again["skipped"] == 1


def test_an_upload_without_files_is_422(writer):
    client = writer
    response = client.post("/documents", headers={"Authorization": "Bearer s3cret"}, data={"x": "1"})
    assert response.status_code == 422


@pytest.mark.slow
def test_an_uploaded_article_is_analysed_into_events(writer):
    client = writer
    text = ("Russia accused Ukraine of shelling a border town on Monday, the foreign ministry said in Moscow.\n\n"
            "Officials in Kyiv rejected the claim.").encode()
    response = client.post("/documents", headers={"Authorization": "Bearer s3cret"},
                           files={"files": ("claim.txt", text, "text/plain")})
    assert response.status_code == 200 and response.json()["stored"] == 1
    before = client.get("/facets").json()["type"].get("ACCUSE", 0)
    response = client.post("/documents", headers={"Authorization": "Bearer s3cret"},
                           files={"files": ("claim2.txt", text.replace(b"Monday", b"Tuesday"), "text/plain")})
    assert client.get("/facets").json()["type"].get("ACCUSE", 0) == before + 1  # aggregates see the new event
    found = client.get("/events", params={"text": "border town"}).json()["items"]
    assert found and found[0]["type"] == "ACCUSE"


# ------------------------------------------------------------------ schema and assets


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/articles", "/articles/{article_id}", "/events", "/events/{event_id}", "/quotes", "/actors",
            "/actors/{key}", "/search", "/stories", "/stories/{story_id}", "/timeline", "/stats", "/documents",
            "/facets", "/network"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 200


def test_the_dashboard_and_every_asset_it_loads_come_from_this_server(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/static/app.js").status_code == 200
    plotly = client.get("/static/plotly.min.js")
    assert plotly.status_code == 200 and "plotly.js" in plotly.text[:200]
    world = client.get("/borders").json()
    if world["source"] is None:
        pytest.skip("world-atlas is not installed (make install puts it into the venv)")
    assert len(world["lon"]) == len(world["lat"]) > 1000
    assert client.get("/static/nope.js").status_code == 404
    assert client.get("/static/..%2Fapp.py").status_code == 404


def test_reads_go_on_while_an_ingest_writes_to_the_same_store(built, tmp_path):
    import threading

    def write():
        with open_store(built) as store:
            for n in range(40):
                for record in serve_store.records()[:1]:
                    record.article.id = f"live{n:016d}"
                    record.article.source = f"live-{n}.md"
                    record.article.body += f" Update {n}."
                    record.analysis.article_id = record.article.id
                    store.add_record(record)

    writer_thread = threading.Thread(target=write)
    seen = []
    with TestClient(create_app(built), client=LOCAL) as c:
        writer_thread.start()
        while writer_thread.is_alive():
            response = c.get("/events", params={"limit": 5})
            assert response.status_code == 200
            seen.append(c.get("/stats").json()["events"])
        writer_thread.join()
        seen.append(c.get("/stats").json()["events"])
    assert seen == sorted(seen) and seen[-1] == 8 + 40 * 3  # counts only grow, and every write shows


def test_an_upload_the_server_cannot_analyse_is_503_with_the_reason(writer, monkeypatch):
    monkeypatch.setenv("CHRONICLE_SPACY_MODEL", "no_such_spacy_model")
    response = writer.post("/documents", headers={"Authorization": "Bearer s3cret"},
                           files={"files": ("claim.txt", b"Russia accused Ukraine of shelling a town.", "text/plain")})
    assert response.status_code == 503 and "no_such_spacy_model" in response.json()["detail"]
    assert writer.get("/events", params={"text": "shelling a town"}).json()["items"] == []
