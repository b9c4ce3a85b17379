"""Every command error a user can make is one clear line and a non-zero exit, never a traceback.

Run as a user runs it (``python -m chronicle``), so nothing is caught that the command would not catch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from chronicle.model import Article, Record
from chronicle.store import open_store


def chronicle(*args: str, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=120)


def one_line_error(result) -> str:
    text = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0, text
    assert "Traceback" not in text, text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) <= 12, text  # click's usage errors draw a small box; never a traceback
    return text


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    with open_store(str(path)) as store:
        for i in range(60):
            store.add_record(Record(Article(id=f"a{i:02d}", source=f"n{i}.txt", body=f"Story number {i} here.")))
    return str(path)


@pytest.mark.parametrize("limit", ["-5", "99999999999999999999999"])
def test_a_bad_limit_is_a_usage_error(db, limit):
    assert "limit" in one_line_error(chronicle("articles", "--db", db, "--limit", limit))


def test_a_huge_filter_value_is_answered_not_crashed(db):
    result = chronicle("events", "--db", db, "--actor", "x" * 60_000, "--format", "jsonl")
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode in (0, 1)


def test_a_non_utf8_filter_value_is_answered(db):
    result = subprocess.run([sys.executable, "-m", "chronicle", "articles", "--db", db, "--publisher",
                             os.fsdecode(b"caf\xe9")], capture_output=True, timeout=120)
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode == 0


def test_output_into_a_missing_folder_or_onto_a_folder_is_one_line(db, tmp_path):
    assert "no folder" in one_line_error(chronicle("articles", "--db", db, "-f", "jsonl", "-o",
                                                   str(tmp_path / "nope" / "a.jsonl")))
    assert "is a folder" in one_line_error(chronicle("articles", "--db", db, "-f", "jsonl", "-o", str(tmp_path)))


def test_db_that_is_not_a_store_is_one_line(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"not a database at all " * 200)
    assert "not a Chronicle SQLite store" in one_line_error(chronicle("articles", "--db", str(notes)))
    assert "folder" in one_line_error(chronicle("stats", "--db", str(tmp_path)))
    unreachable = "postgresql://postgres@127.0.0.1:1/none"
    assert "cannot open PostgreSQL store" in one_line_error(chronicle("stats", "--db", unreachable))


def test_malformed_config_missing_dictionary_and_unknown_model_are_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Monday.\n")
    (tmp_path / "chronicle.toml").write_text("db = [unclosed\n")
    assert "malformed config" in one_line_error(chronicle("ingest", "a.txt", cwd=tmp_path))
    (tmp_path / "chronicle.toml").unlink()
    assert "no such file" in one_line_error(chronicle("ingest", "a.txt", "-D", "missing.yaml", cwd=tmp_path))
    assert "spaCy" in one_line_error(chronicle("ingest", "a.txt", "--spacy-model", "no_such_model", cwd=tmp_path))


def test_bad_eval_path_is_one_line(tmp_path):
    one_line_error(chronicle("eval", "seed", str(tmp_path / "missing")))


def test_jsonl_to_a_file_or_pipe_writes_every_row(db, tmp_path):
    result = chronicle("articles", "--db", db, "--format", "jsonl")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 60  # not the 50 of a table
    table = chronicle("articles", "--db", db)
    assert b"--limit" in table.stderr  # a table that was cut says so
    assert len([json.loads(l) for l in chronicle("articles", "--db", db, "-f", "jsonl", "-n", "7").stdout.splitlines()]) == 7
