"""Killing `chronicle ingest` with SIGKILL and running it again stores every document exactly once."""

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


def wait_for(predicate, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail("the ingest did not get that far in time")
        time.sleep(0.02)


def assert_stored_exactly_once(db, n: int) -> None:
    assert count(db, "SELECT count(*) FROM documents") == n
    assert count(db, "SELECT count(DISTINCT source) FROM documents") == n
    assert count(db, "SELECT count(*) FROM articles") == n


@pytest.mark.slow
def test_sigkill_between_windows_then_rerun_stores_each_document_once(tmp_path):
    db = tmp_path / "k.db"
    lines = corpus_lines(WINDOW + 7)
    proc = subprocess.Popen(ingest_command(db, "--input-format", "jsonl", "-"), stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc.stdin.write(("\n".join(lines) + "\n").encode())
    proc.stdin.flush()  # stdin stays open: the run waits for more after its first window
    wait_for(lambda: count(db, "SELECT count(*) FROM documents") == WINDOW)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    rerun = subprocess.run(ingest_command(db, "--input-format", "jsonl", "-"), input=("\n".join(lines) + "\n").encode(),
                           capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert_stored_exactly_once(db, len(lines))


@pytest.mark.slow
def test_sigkill_at_any_moment_of_a_folder_ingest_then_rerun_stores_each_document_once(tmp_path):
    folder, db = tmp_path / "docs", tmp_path / "f.db"
    folder.mkdir()
    lines = corpus_lines(WINDOW + 60)
    for i, line in enumerate(lines):
        (folder / f"doc{i:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    proc = subprocess.Popen(ingest_command(db, str(folder)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: count(db, "SELECT count(*) FROM documents") > 0 or proc.poll() is not None)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = count(db, "SELECT count(*) FROM documents")
    rerun = subprocess.run(ingest_command(db, str(folder)), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert_stored_exactly_once(db, len(lines))
    assert killed_at < len(lines)  # the kill came in the middle of the run
