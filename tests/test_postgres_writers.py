"""Two ingests writing overlapping inputs to one PostgreSQL store at once: every document
stored once, and stories grouped as one process groups them (each writer sees the other's)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from chronicle.store import open_store

from pg_schema import DSN, fresh_schema

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not DSN, reason="CHRONICLE_PG_DSN is not set (a postgresql:// URL)"),
]
STORIES, COPIES = 10, 4


def make_copies(folder: Path) -> list[Path]:
    """STORIES stories of unrelated words, each in COPIES near-identical copies (one word differs)."""
    rng = random.Random(11)
    paths = []
    for story in range(STORIES):
        words = ["".join(rng.choice("abcdefghijklmnoprstuvw") for _ in range(rng.randint(3, 8))) for _ in range(90)]
        for copy in range(COPIES):
            text = list(words)
            text[10 + copy * 7] = f"copy{copy}"
            sentences = [" ".join(text[i:i + 15]).capitalize() + "." for i in range(0, len(text), 15)]
            path = folder / f"s{story:02d}c{copy}.txt"
            path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
            paths.append(path)
    rng.shuffle(paths)  # a story's copies are spread over both writers' inputs
    return paths


@pytest.fixture
def schema_url():
    with fresh_schema("chronicle_test") as url:
        yield url


def groups(url: str) -> tuple[set[frozenset[str]], int, int, list]:
    with open_store(url) as store:
        source_of = {a.id: Path(a.source).name for a in store.articles()}
        stories = {frozenset(source_of[i] for i in s.article_ids) for s in store.stories()}
        stats = store.stats()
        return stories, stats.documents, stats.articles, store.failures()


def test_two_concurrent_ingests_store_each_document_once_and_group_stories_as_one(tmp_path, schema_url):
    paths = make_copies(tmp_path)
    first, second = paths[: len(paths) * 3 // 4], paths[len(paths) // 4:][::-1]  # half of them in both
    env = dict(os.environ)
    command = [sys.executable, "-m", "chronicle", "ingest", "--articles-only", "--db", schema_url]
    # the store is made first (migrations), as a team's store is before its writers start
    open_store(schema_url).close()
    writers = [subprocess.Popen(command + [str(p) for p in part], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE) for part in (first, second)]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    stories, documents, articles, failures = groups(schema_url)
    assert documents == articles == STORIES * COPIES and failures == []
    expected = {frozenset(f"s{s:02d}c{c}.txt" for c in range(COPIES)) for s in range(STORIES)}
    assert stories == expected


def test_a_store_from_before_migration_4_is_upgraded_and_its_stories_still_joined(schema_url, tmp_path):
    import psycopg

    from chronicle.model import Article, Record

    body = " ".join(f"word{i}" for i in range(80))
    with open_store(schema_url) as store:
        store.add_record(Record(article=Article(id="first", source="a.txt", body=body)))
    schema = schema_url.rsplit("search_path%3D", 1)[-1]
    with psycopg.connect(DSN, autocommit=True) as conn:  # back to the schema an older Chronicle made
        conn.execute(f"ALTER TABLE {schema}.story_signatures DROP COLUMN seq")
        conn.execute(f"DELETE FROM {schema}.schema_version WHERE version >= 4")
    with open_store(schema_url) as store:
        assert store.schema_version() >= 4
        store.add_record(Record(article=Article(id="copy", source="b.txt", body=body + " again")))
        assert [sorted(s.article_ids) for s in store.stories()] == [["copy", "first"]]
