"""Killing `chronicle ingest` with SIGKILL and running it again stores every document exactly once.

The kill lands as soon as the first commits are seen, while a window of documents is being stored.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from chronicle.pipeline import WINDOW

WORDS = "river bridge harvest school clinic market road council snow well".split()


def corpus_lines(n: int) -> list[str]:
    """``n`` distinct short JSONL news items."""
    lines = []
    for i in range(n):
        words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(12))
        text = f"Item {i}: the district council discussed the {words} plan number {i} on Monday, officials said."
        lines.append(json.dumps({"id": f"n{i}", "text": text, "title": f"Item {i}"}))
    return lines


def ingest_command(db, *args: str) -> list[str]:
    return [sys.executable, "-m", "chronicle", "ingest", "--db", str(db), "--articles-only", *args]


def count(db, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def wait_for(predicate, proc: subprocess.Popen, seconds: float = 300.0) -> None:
    """Poll until ``predicate()``; fail with the process's stderr if it ends or time runs out."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the ingest stopped or stalled first; stderr:\n{proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.02)


def assert_stored_exactly_once(db, n: int) -> None:
    assert count(db, "SELECT count(*) FROM documents") == n
    assert count(db, "SELECT count(DISTINCT source) FROM documents") == n
    assert count(db, "SELECT count(*) FROM articles") == n


@pytest.mark.slow
def test_sigkill_while_a_corpus_window_is_being_stored_then_rerun_stores_each_line_once(tmp_path):
    db, corpus = tmp_path / "k.db", tmp_path / "corpus.jsonl"
    lines = corpus_lines(2 * WINDOW + 7)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.Popen(ingest_command(db, str(corpus)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for(lambda: count(db, "SELECT count(*) FROM documents") >= WINDOW // 2, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    killed_at = count(db, "SELECT count(*) FROM documents")
    rerun = subprocess.run(ingest_command(db, str(corpus)), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert_stored_exactly_once(db, len(lines))
    assert killed_at < len(lines)  # the kill came in the middle of the run


@pytest.mark.slow
def test_sigkill_at_any_moment_of_a_folder_ingest_then_rerun_stores_each_document_once(tmp_path):
    folder, db = tmp_path / "docs", tmp_path / "f.db"
    folder.mkdir()
    lines = corpus_lines(2 * WINDOW + 60)
    for i, line in enumerate(lines):
        (folder / f"doc{i:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    proc = subprocess.Popen(ingest_command(db, str(folder)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for(lambda: count(db, "SELECT count(*) FROM documents") > 0, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = count(db, "SELECT count(*) FROM documents")
    rerun = subprocess.run(ingest_command(db, str(folder)), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert_stored_exactly_once(db, len(lines))
    assert killed_at < len(lines)  # the kill came in the middle of the run
