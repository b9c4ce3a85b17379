"""The store as a user of the library sees it: idempotent writes, search, filters, stories.

Every test takes the ``store`` fixture; tests/test_postgres.py runs the same tests on PostgreSQL.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.model import Actor, Analysis, Article, Event, Failure, Link, Mention, Quote, Record
from chronicle.store import display_target, open_store

WIRE = (
    "The health ministry opened three new clinics in the northern valley on Monday, officials said, "
    "after floods closed the only hospital in the district last month and cut the main road."
)
OTHER = "A chess festival in the old city drew players from twelve countries over the weekend."
PERSIAN = "وزیر صحت گفت که سه کلینیک تازه در ولایت شمالی باز شد و راه اصلی دوباره باز است."


@pytest.fixture
def target(tmp_path) -> str:
    """Where the store lives: a SQLite file here, a PostgreSQL schema in test_postgres.py."""
    return str(tmp_path / "test.db")


@pytest.fixture
def store(target):
    with open_store(target, story_threshold=0.5) as s:
        yield s


def article(id: str, body: str, source: str | None = None, **fields) -> Article:
    return Article(id=id, source=source or f"{id}.txt", body=body, **fields)


def analysed(art: Article) -> Record:
    """A record with one actor, one event and one quote, written by hand."""
    ministry = Mention("health ministry", 4, 19, code="AFGGOV", country="AFG", sector="GOV",
                       name="Ministry of Health", kind="organisation", actor_id="A1")
    valley = Mention("northern valley", 50, 65, code="AFGCVL", country="AFG", actor_id=None)
    event = Event(id="E1", type="AID", trigger="opened", sentence=art.body, start=0, end=len(art.body),
                  source=ministry, target=valley, cameo="073", date="2012-03-12")
    quote = Quote(id="Q1", kind="indirect", text="three new clinics", start=20, end=37, cue="said",
                  speaker=Mention("officials", 80, 89, name="Abdul Karimi", code="AFGGOV"))
    analysis = Analysis(article_id=art.id, language="en",
                        actors=[Actor(id="A1", code="AFGGOV", name="Ministry of Health", country="AFG",
                                      sector="GOV", kind="organisation", mentions=[ministry])],
                        events=[event], quotes=[quote])
    return Record(article=art, analysis=analysis)


def test_add_record_is_idempotent_on_article_id(store):
    art = article("a1", WIRE, published="2012-03-13")
    assert store.add_record(Record(art)) is True
    assert store.add_record(Record(art)) is False
    assert [a.id for a in store.articles()] == ["a1"]


def test_same_article_from_another_source_is_a_duplicate_not_a_new_article(store):
    store.add_record(Record(article("a1", WIRE, source="site1/a.html")))
    assert store.add_record(Record(article("a1", WIRE, source="site2/b.html"))) is False
    stats = store.stats()
    assert (stats.documents, stats.articles, stats.duplicates) == (2, 1, 1)
    assert store.has_source("site1/a.html") and store.has_source("site2/b.html")


def test_record_round_trips_with_its_analysis(store):
    record = analysed(article("a1", WIRE, title="Clinics", published="2012-03-13", language="en",
                              boilerplate=["SITE MASTHEAD"], links=[Link("clinics", "http://x.test/c")],
                              meta={"section_fa": "صحت"}))
    store.add_record(record)
    assert store.record("a1") == record
    assert store.record("missing") is None


def test_analysis_is_added_when_an_articles_only_record_is_stored_again(store):
    art = article("a1", WIRE, published="2012-03-13")
    store.add_record(Record(art))
    assert store.events() == []
    store.add_record(analysed(art))
    assert [row.event.id for row in store.events()] == ["E1"]


def test_search_finds_words_phrases_and_prefixes_and_survives_syntax(store):
    store.add_record(Record(article("a1", WIRE, title="New clinics open")))
    store.add_record(Record(article("a2", OTHER, title="Chess festival")))
    assert [h.article_id for h in store.search("clinics valley")] == ["a1"]
    assert [h.article_id for h in store.search('"new clinics"')] == ["a1"]
    assert [h.article_id for h in store.search("fest*")] == ["a2"]
    assert store.search('clinics AND ( "') != []  # user text is never FTS syntax
    assert store.search("") == []
    assert "[clinics]" in store.search("clinics")[0].snippet.lower()


def test_persian_search_matches_arabic_yeh_and_kaf_spellings(store):
    store.add_record(Record(article("fa1", PERSIAN, language="fa", title="کلینیک")))
    # The query is typed with Arabic yeh (ي) and kaf (ك); the article has Persian ی and ک.
    arabic_spelling = "كلينيك"
    assert [h.article_id for h in store.search(arabic_spelling)] == ["fa1"]
    assert [h.article_id for h in store.search("ولایت شمالی")] == ["fa1"]


def test_persian_word_with_zwnj_is_found_typed_with_it_or_as_two_words(store):
    store.add_record(Record(article("fa2", "کاروان امروز به سوی هرات می\u200cرود.", language="fa")))
    assert [h.article_id for h in store.search("می\u200cرود")] == ["fa2"]
    assert [h.article_id for h in store.search("می رود")] == ["fa2"]


def test_events_filter_by_actor_country_type_and_dates(store):
    store.add_record(analysed(article("a1", WIRE, published="2012-03-13")))
    assert len(store.events(actor="AFG", country="AFG", type="AID", since="2012-03-01")) == 1
    assert len(store.events(actor="ministry")) == 1  # by name too
    assert store.events(actor="RUS") == []
    assert store.events(type="ACCUSE") == []
    assert len(store.events(type="07")) == 1  # CAMEO prefix
    assert store.events(since="2012-03-13") == []  # the event's own date is 2012-03-12
    assert len(store.events(until="2012-03")) == 1
    row = store.events()[0]
    assert (row.article_id, row.published, row.event.target.code) == ("a1", "2012-03-13", "AFGCVL")


def test_quotes_filter_by_speaker_and_date(store):
    store.add_record(analysed(article("a1", WIRE, published="2012-03-13")))
    assert [q.quote.id for q in store.quotes(speaker="karimi")] == ["Q1"]
    assert store.quotes(speaker="Lavrov") == []
    assert store.quotes(since="2012-04-01") == []
    assert len(store.quotes(since="2012-03-01")) == 1


def test_near_duplicate_copies_form_one_story_and_each_copy_is_kept(store):
    store.add_record(Record(article("a1", WIRE, title="Clinics open", published="2012-03-13")))
    store.add_record(Record(article("a2", WIRE + " Reporting by a staff writer.", published="2012-03-14")))
    store.add_record(Record(article("a3", OTHER)))
    stories = store.stories()
    assert len(stories) == 1
    assert stories[0].article_ids == ["a1", "a2"] and stories[0].title == "Clinics open"
    assert store.stats().stories == 1 and store.stats().articles == 3


def test_a_later_run_joins_stories_of_an_earlier_one(target):
    with open_store(target, story_threshold=0.5) as first:
        first.add_record(Record(article("a1", WIRE)))
    with open_store(target, story_threshold=0.5) as second:
        second.add_record(Record(article("a2", "UPDATED: " + WIRE)))
        assert [s.article_ids for s in second.stories()] == [["a1", "a2"]]


def test_failures_are_recorded_once_per_source_and_cleared_by_success(store):
    store.add_failure(Failure("bad.pdf", "reader", "truncated PDF", "EOF marker not found"))
    store.add_failure(Failure("bad.pdf", "reader", "truncated PDF", "EOF marker not found"))
    failures = store.failures()
    assert [(f.source, f.stage, f.reason) for f in failures] == [("bad.pdf", "reader", "truncated PDF")]
    assert failures[0].time.startswith("20")
    assert not store.has_source("bad.pdf")  # a failed source is tried again by the next run
    store.add_record(Record(article("a1", WIRE, source="bad.pdf")))
    assert store.failures() == []


def test_progress_marks_sources_done(store):
    assert not store.has_source("corpus.jsonl#3")
    store.mark_source_done("corpus.jsonl#3")
    store.mark_source_done("corpus.jsonl#3")
    assert store.has_source("corpus.jsonl#3")


def test_boilerplate_counts_are_kept_between_runs(store):
    groups = {"example.test": {"docs": 3, "seen": ["ab", "cd", "ef"], "lines": {"masthead": 3}}}
    store.save_boilerplate(groups)
    groups["example.test"]["docs"] = 4
    store.save_boilerplate(groups)
    assert store.boilerplate() == groups


def test_articles_filters(store):
    store.add_record(Record(article("a1", WIRE, publisher="one.test", language="en", published="2012-03-13")))
    store.add_record(Record(article("a2", OTHER, publisher="two.test", language="en", published="2013-01-02")))
    store.add_record(Record(article("a3", PERSIAN, publisher="one.test", language="fa")))
    assert [a.id for a in store.articles()] == ["a2", "a1", "a3"]  # newest first, undated last
    assert [a.id for a in store.articles(publisher="one.test")] == ["a1", "a3"]
    assert [a.id for a in store.articles(language="fa")] == ["a3"]
    assert [a.id for a in store.articles(since="2013-01-01")] == ["a2"]
    assert [a.id for a in store.articles(until="2012")] == ["a1"]
    assert len(store.articles(limit=1)) == 1


def test_stats_count_everything(store):
    store.add_record(analysed(article("a1", WIRE, language="en", publisher="one.test")))
    store.add_failure(Failure("x.html", "article", "no article text"))
    stats = store.stats()
    assert (stats.articles, stats.actors, stats.events, stats.quotes, stats.failures) == (1, 1, 1, 1, 1)
    assert stats.languages == {"en": 1} and stats.publishers == {"one.test": 1}


def test_sqlite_file_uses_wal(tmp_path):
    path = tmp_path / "wal.db"
    open_store(str(path)).close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_url_is_shown_without_its_password():
    shown = display_target("postgresql://news:s3cret@db.example:5432/news?sslmode=require")
    assert shown == "postgresql://news@db.example:5432/news"
    assert display_target("data/news.db") == "data/news.db"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=30))
def test_any_text_typed_as_a_query_is_searched_without_error(store, query):
    store.add_record(Record(article("a1", WIRE)))  # the same article each time: stored once
    hits = store.search(query)
    assert all(hit.article_id == "a1" for hit in hits)


def test_the_data_version_changes_with_every_write_and_only_then(store):
    before = store.data_version()
    assert store.data_version() == before  # reads change nothing: cached answers stay
    store.add_record(analysed(article("v1", "Kenya sent aid to Somalia on Monday.")))
    after = store.data_version()
    assert after != before
    store.add_analysis(Analysis("v1", "en"))  # already analysed: nothing written
    store.add_record(analysed(article("v2", "Uganda sent aid to Kenya on Tuesday.")))
    assert store.data_version() != after


def test_prewarm_reads_a_sqlite_file_up_to_its_budget_and_a_server_database_not_at_all(store, target):
    import os

    store.add_record(analysed(article("a1", WIRE, published="2012-03-13")))
    if "://" in target:  # PostgreSQL: through its pg_prewarm extension (a contrib module)
        import psycopg

        try:
            with psycopg.connect(target, autocommit=True) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        except psycopg.Error as error:
            pytest.skip(f"pg_prewarm cannot be installed in this database: {error}")
        assert store.prewarm(2**40) > 0 and store.prewarm(0) == 0
        return
    files = sum(os.path.getsize(p) for p in (target, target + "-wal") if os.path.exists(p))
    assert store.prewarm(2**40) == files > 0
    assert store.prewarm(4096) == 4096
