"""The stages joined: extract_records (stateless) and ingest (idempotent, resumable, failure-tolerant).

Documents are short texts written here; the analysis test runs the real analyzer on the seed.
"""

from __future__ import annotations

import json

import pytest

from chronicle.config import Config
from chronicle.model import Analysis, Article, Failure, Record
from chronicle.pipeline import extract_records, ingest
from chronicle.store import open_store

MASTHEAD = "Valley Gazette: independent news since 1990"
STORIES = [
    "Farmers in the eastern district began the wheat harvest early this year after a warm spring, "
    "the agriculture office said on Sunday.",
    "A new footbridge over the river was opened by elders and the district governor on Monday, "
    "ending a long detour for schoolchildren.",
    "The provincial library received four thousand donated books and will open a reading room "
    "for women next month, its director said.",
    "Heavy snow closed the mountain pass for two days and trucks carrying fuel waited at the "
    "checkpoint until the road was cleared.",
]


def write_site(folder, stories=STORIES, start=0):
    """Text files of one (unnamed) site: the same masthead line above each story."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, story in enumerate(stories, start):
        (folder / f"story{i}.txt").write_text(f"{MASTHEAD}\n\n{story}\n", encoding="utf-8")
    return folder


@pytest.fixture
def config(tmp_path):
    return Config(db=str(tmp_path / "chronicle.db"))


def test_extract_gives_one_record_or_failure_per_document_in_order(tmp_path, config):
    folder = write_site(tmp_path / "site", STORIES[:2])
    (folder / "story9.txt").write_bytes(b"")  # empty
    (folder / "story5.txt").write_bytes(bytes(range(256)) * 8)  # binary junk
    items = list(extract_records([str(folder)], config, articles_only=True))
    assert [type(i).__name__ for i in items] == ["Record", "Record", "Failure", "Failure"]
    assert items[2].source.endswith("story5.txt") and items[3].source.endswith("story9.txt")
    assert all(i.analysis is None for i in items[:2])
    assert "empty" in items[3].reason


def test_lines_repeated_across_a_sites_documents_are_removed(tmp_path, config):
    folder = write_site(tmp_path / "site")
    records = list(extract_records([str(folder)], config, articles_only=True))
    assert len(records) == 4
    for record in records:
        assert MASTHEAD not in record.article.body
        assert record.article.body.startswith(("Farmers", "A new", "The provincial", "Heavy"))


def test_ingest_twice_stores_each_document_once_and_skips_the_second_time(tmp_path, config):
    folder = write_site(tmp_path / "site")
    with open_store(config.db) as store:
        first = ingest([str(folder)], store, config, articles_only=True)
        second = ingest([str(folder)], store, config, articles_only=True)
        assert (first.documents, first.stored, first.skipped) == (4, 4, 0)
        assert (second.documents, second.stored, second.skipped) == (4, 0, 4)
        assert store.stats().articles == 4 and store.stats().documents == 4


def test_same_article_in_two_files_is_a_duplicate_not_an_error(tmp_path, config):
    (tmp_path / "a.txt").write_text(STORIES[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORIES[0], encoding="utf-8")
    with open_store(config.db) as store:
        summary = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store, config, articles_only=True)
        assert (summary.stored, summary.duplicates, summary.failed) == (1, 1, 0)


def test_failures_are_stored_and_the_batch_goes_on(tmp_path, config):
    folder = write_site(tmp_path / "site", STORIES[:1])
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")  # truncated PDF
    seen = []
    with open_store(config.db) as store:
        summary = ingest([str(folder)], store, config, articles_only=True,
                         progress=lambda s, item: seen.append(s.documents))
        assert (summary.stored, summary.failed) == (1, 1)
        assert [f.source for f in store.failures()] == [str(folder / "broken.pdf")]
        assert seen == [1, 2]


def test_a_store_that_fails_stops_the_ingest_with_its_error_and_a_rerun_stores_the_rest(tmp_path, config):
    folder = write_site(tmp_path / "site")
    with open_store(config.db) as store:
        put, calls = store.put_record, []

        def failing(record):  # the store breaks at the third document (a full disk, a lost server)
            calls.append(record)
            if len(calls) == 3:
                raise OSError("disk full")
            return put(record)

        store.put_record = failing
        with pytest.raises(OSError, match="disk full"):
            ingest([str(folder)], store, config, articles_only=True)
        store.put_record = put
        again = ingest([str(folder)], store, config, articles_only=True)
        assert (again.stored, again.skipped) == (2, 2)
        assert store.stats().articles == 4 and store.stats().documents == 4


def test_boilerplate_learnt_in_one_ingest_cleans_the_next(tmp_path, config):
    with open_store(config.db) as store:
        ingest([str(write_site(tmp_path / "site", STORIES[:3]))], store, config, articles_only=True)
        later = write_site(tmp_path / "site", STORIES[3:], start=3)  # one new file of the same site
        ingest([str(later / "story3.txt")], store, config, articles_only=True)
        newest = [a for a in store.articles() if a.source.endswith("story3.txt")][0]
        assert newest.body.startswith("Heavy snow") and MASTHEAD in newest.boilerplate


def test_a_stage_that_raises_fails_that_article_alone_and_chronicle_errors_shows_it(tmp_path, config):
    from typer.testing import CliRunner

    from chronicle.analysis import Analyzer, component
    from chronicle.cli import app

    @component("test-fragile", requires=("actors",), assigns=("quotes",))
    def fragile(resources, settings):
        def stage(state):
            if "boom" in state.article.body:
                raise ValueError("no cue table")

        return stage

    config.components = ["actors", "events", "test-fragile"]
    analyzer = Analyzer(config)
    (tmp_path / "good.txt").write_text('"We will open the bridge," the governor said on Monday.', encoding="utf-8")
    (tmp_path / "bad.txt").write_text('"We will boom the bridge," the governor said on Monday.', encoding="utf-8")
    with open_store(config.db) as store:
        summary = ingest([str(tmp_path / "good.txt"), str(tmp_path / "bad.txt")], store, config, analyzer=analyzer)
        assert (summary.stored, summary.failed) == (1, 1)
        (good,) = store.articles()
        assert good.source.endswith("good.txt")
        (failure,) = summary.failures
    assert failure.source.endswith("bad.txt") and failure.stage == "analysis"
    assert failure.reason == "test-fragile stage failed: ValueError('no cue table')"
    shown = CliRunner().invoke(app, ["errors", "--db", config.db, "-f", "jsonl"], catch_exceptions=False)
    (row,) = [json.loads(line) for line in shown.stdout.splitlines()]
    assert row["source"].endswith("bad.txt") and row["reason"] == failure.reason


@pytest.mark.slow
def test_extract_with_analysis_codes_the_seed(seed_path, config):
    (record,) = list(extract_records([str(seed_path)], config))
    assert isinstance(record, Record) and record.analysis is not None
    data = record.to_dict()
    assert data["title"] == "Russia says it will keep selling weapons to Syria"
    assert data["events"] and data["quotes"]
    assert any((e.get("source") or {}).get("code", "").startswith("RUS") for e in data["events"])


def test_of_a_body_over_max_analysed_chars_only_the_head_is_analysed_and_the_record_says_so(tmp_path, config):
    para = "Kenyan troops attacked Somali militants near the border on Sunday, officials said."
    body = "\n\n".join([para] * 40)
    (tmp_path / "long.txt").write_text(body, encoding="utf-8")
    config.max_analysed_chars = 10 * (len(para) + 2)
    (record,) = list(extract_records([str(tmp_path / "long.txt")], config))
    cut = record.article.meta["analysed_chars"]
    assert cut["body"] == len(record.article.body) and cut["analysed"] <= config.max_analysed_chars
    assert record.analysis.events and all(e.end <= cut["analysed"] for e in record.analysis.events)
    assert record.article.body.count(para) == 40  # the stored body is whole
