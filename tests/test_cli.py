"""The chronicle command as a user runs it: exit codes, what it prints, every output format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from chronicle.cli import EXIT_SOME_FAILED, app
from chronicle.model import Record
from chronicle.store import open_store

from test_store import WIRE, analysed, article

runner = CliRunner()
NEWS = [
    "The district council approved a plan to repair the old canal before the spring floods, its head said.",
    "Teachers in the mountain villages received their salaries after a delay of three months, officials said.",
]
PERSIAN = "شورای ولسوالی طرح ترمیم کانال کهنه را پیش از سیلاب های بهاری تایید کرد."


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, text in enumerate(NEWS):
        (docs / f"news{i}.txt").write_text(text + "\n", encoding="utf-8")
    (docs / "persian.txt").write_text(PERSIAN + "\n", encoding="utf-8")
    (docs / "zzz-empty.html").write_bytes(b"")
    return docs


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_stores_articles_reports_failures_and_exits_3(folder, tmp_path):
    db = str(tmp_path / "c.db")
    result = run("ingest", str(folder), "--db", db, "--articles-only")
    assert result.exit_code == EXIT_SOME_FAILED
    assert "zzz-empty.html" in result.stderr and "empty" in result.stderr
    errors = run("errors", "--db", db, "--format", "jsonl")
    (failure,) = [json.loads(line) for line in errors.stdout.splitlines()]
    assert failure["source"].endswith("zzz-empty.html") and failure["stage"] == "reader"
    assert run("ingest", str(folder / "news0.txt"), "--db", db, "--articles-only").exit_code == 0


def test_extract_prints_one_json_record_per_document(folder):
    result = run("extract", str(folder / "news0.txt"), str(folder / "persian.txt"), "--articles-only")
    assert result.exit_code == 0
    records = [Record.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert [r.article.language for r in records] == ["en", "fa"]
    assert records[0].article.body == NEWS[0] and records[0].analysis is None


def test_extract_failure_goes_to_stderr_and_exit_code(folder):
    result = run("extract", str(folder / "zzz-empty.html"), "--articles-only")
    assert result.exit_code == EXIT_SOME_FAILED and result.stdout == ""
    assert "zzz-empty.html" in result.stderr


@pytest.fixture
def db(folder, tmp_path):
    path = str(tmp_path / "q.db")
    run("ingest", str(folder), "--db", path, "--articles-only")
    with open_store(path) as store:
        store.add_record(analysed(article("w1", WIRE, title="Clinics", published="2012-03-13")))
    return path


def test_articles_in_every_format(db, tmp_path):
    table = run("articles", "--db", db)
    assert "articles (4)" in table.stdout and "Clinics" in table.stdout
    rows = [json.loads(line) for line in run("articles", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert {"en", "fa"} <= {r["language"] for r in rows} and "body" in rows[0]
    parsed = list(csv.DictReader(io.StringIO(run("articles", "--db", db, "-f", "csv", "-n", "2").stdout)))
    assert len(parsed) == 2 and "title" in parsed[0]
    target = tmp_path / "a.parquet"
    assert run("articles", "--db", db, "-f", "parquet", "-o", str(target)).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(target).num_rows == 4


def test_search_english_and_persian(db):
    hits = [json.loads(x) for x in run("search", "canal", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert len(hits) == 1 and "[canal]" in hits[0]["snippet"]
    persian = run("search", "کانال کهنه", "--db", db, "-f", "jsonl").stdout.splitlines()
    assert len(persian) == 1


def test_events_and_quotes_filters(db):
    events = run("events", "--db", db, "--actor", "AFG", "--type", "AID", "--since", "2012-03-01", "-f", "jsonl")
    (row,) = [json.loads(x) for x in events.stdout.splitlines()]
    assert row["event"]["type"] == "AID" and row["article_id"] == "w1"
    assert run("events", "--db", db, "--country", "RUS", "-f", "jsonl").stdout == ""
    assert "AFGGOV" in run("events", "--db", db).stdout
    quotes = run("quotes", "--db", db, "--speaker", "Karimi", "-f", "csv").stdout
    assert list(csv.DictReader(io.StringIO(quotes)))[0]["quote.kind"] == "indirect"


def test_stats_and_stories(db):
    stats = json.loads(run("stats", "--db", db, "-f", "jsonl").stdout)
    assert (stats["articles"], stats["failures"], stats["events"]) == (4, 1, 1)
    assert "articles" in run("stats", "--db", db).stdout
    assert run("stories", "--db", db, "-f", "jsonl").stdout == ""  # no near-duplicates here


def test_unknown_format_is_a_usage_error(db):
    result = runner.invoke(app, ["articles", "--db", db, "-f", "xml"])
    assert result.exit_code == 2 and "xml" in result.output


def test_python_dash_m_chronicle_works():
    result = subprocess.run([sys.executable, "-m", "chronicle", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "ingest" in result.stdout


@pytest.mark.slow
def test_eval_seed_uses_the_shared_data_by_default(shared):
    result = run("eval", "seed")
    assert result.exit_code == 0 and "seed" in result.stdout and "metadata" in result.stdout


def test_unknown_input_format_is_a_usage_error(folder, tmp_path):
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "x.db"), "--input-format", "xml"])
    assert result.exit_code == 2 and "xml" in result.output


def test_stories_group_copies_and_articles_lists_one_story(tmp_path):
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "site1.txt").write_text(NEWS[0] + " " + NEWS[1] + "\n", encoding="utf-8")
    (copies / "site2.txt").write_text(NEWS[0] + " " + NEWS[1] + " Copyright the agency.\n", encoding="utf-8")
    (copies / "other.txt").write_text(PERSIAN + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run("ingest", str(copies), "--db", db, "--articles-only").exit_code == 0
    (story,) = [json.loads(x) for x in run("stories", "--db", db, "-f", "jsonl").stdout.splitlines()]
    members = [json.loads(x) for x in run("articles", "--db", db, "--story", story["id"], "-f", "jsonl").stdout.splitlines()]
    assert sorted(m["source"].rsplit("/", 1)[-1] for m in members) == ["site1.txt", "site2.txt"]


def test_querying_a_store_that_does_not_exist_says_so_and_creates_nothing(tmp_path):
    missing = tmp_path / "nothing.db"
    result = run("articles", "--db", str(missing))
    assert result.exit_code == 1 and "no store at" in result.stderr
    assert not missing.exists()


def test_extract_with_a_user_dictionary_codes_its_actors(tmp_path):
    (tmp_path / "my.actors.txt").write_text("FREEDONIA [FRE]\nRUFUS_FIREFLY [FREGOV]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Rufus Firefly accused Sylvania of planning an invasion, officials said on Monday.\n", encoding="utf-8"
    )

    def sources(*extra: str) -> list:
        result = run("extract", str(tmp_path / "a.txt"), *extra)
        events = json.loads(result.stdout.splitlines()[0])["events"]
        return [e["source"]["code"] for e in events if e["source"]]

    assert "FREGOV" in sources("--dictionary", str(tmp_path / "my.actors.txt"))
    assert "FREGOV" not in sources()


def test_readme_configuration_table_lists_every_setting():
    import dataclasses
    from pathlib import Path

    from chronicle.config import Config

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [f.name for f in dataclasses.fields(Config) if f"| `{f.name}` |" not in readme]
    assert not missing, f"README configuration table misses: {missing}"


def test_a_since_that_is_no_date_is_a_usage_error_not_an_empty_answer(tmp_path):
    db = str(tmp_path / "c.db")
    open_store(db).close()
    result = runner.invoke(app, ["events", "--db", db, "--since", "last week", "-f", "jsonl"])
    assert result.exit_code == 2 and "not an ISO date" in result.stderr
    assert run("events", "--db", db, "--since", "2012-03", "-f", "jsonl").exit_code == 0


def test_min_confidence_keeps_only_the_events_at_or_above_it(tmp_path):
    from typer.testing import CliRunner

    from chronicle.cli import app

    text = tmp_path / "news.txt"
    text.write_text("Kenyan troops attacked Somali militants near the border on Sunday. "
                    "Kenya is ready to help Somalia, officials said.", encoding="utf-8")
    runner = CliRunner()

    def confidences(*extra: str) -> list[float]:
        result = runner.invoke(app, ["extract", str(text), *extra], catch_exceptions=False)
        (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        return sorted(e["confidence"] for e in record["events"])

    every = confidences()
    assert len(every) >= 2 and every[0] < every[-1]
    assert confidences("--min-confidence", str(every[-1])) == [c for c in every if c >= every[-1]]
    refused = runner.invoke(app, ["extract", str(text), "--min-confidence", "2"])
    assert refused.exit_code != 0
